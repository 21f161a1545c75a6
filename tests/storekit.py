"""Test kit for the store, the API and the map: hand-made Processed articles and a throwaway
PostgreSQL cluster, so every store test runs against both SQLite and PostgreSQL.

The cluster is started once per test process (initdb into a temporary folder, a free loopback
port, the unix socket in that folder, fsync off) and removed when the process exits. PostgreSQL
refuses to run as root, so as root it runs as the ``postgres`` user. Missing binaries make the
tests FAIL with the command that installs them: a suite that skips its database silently proves
nothing.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.model import Article, Event, Evidence, Processed, Source, Toponym
from sitrep.store import Store

PG_BIN = Path(os.environ.get("SITREP_PG_BIN", "/usr/lib/postgresql/15/bin"))
INSTALL_HINT = "install PostgreSQL 15 (as root: apt-get install -y postgresql) or set SITREP_PG_BIN"


# -- hand-made data -------------------------------------------------------------------------------

PLACES = {  # geonameid: (name, lat, lon, country, admin1)
    707292: ("Izium", 49.20697, 37.27679, "UA", "Kharkiv"),
    706483: ("Kharkiv", 49.98081, 36.25272, "UA", "Kharkiv"),
    709717: ("Donetsk", 48.023, 37.80224, "UA", "Donetsk"),
    578072: ("Belgorod", 50.61074, 36.58015, "RU", "Belgorod"),
}


def make_article(article_id: str, text: str, published: dt.date | None = dt.date(2022, 9, 13),
                 story_id: str | None = None, **fields: str) -> Article:
    return Article(id=article_id, text=text, published=published, story_id=story_id,
                   url=fields.get("url", f"https://news.example/{article_id}"),
                   source=fields.get("source", "example news"), title=fields.get("title", f"Report {article_id}"))


def event_id_for(sub_event_type: str, actors: tuple[str, str], geonameid: int, day: dt.date | None) -> str:
    """Stable like events.py's: the same happening gets the same id whichever article reports it."""
    key = "|".join([sub_event_type, *actors, str(geonameid), day.isoformat() if day else ""])
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def make_event(article: Article, sentence: str, *, event_type: str = "Battles",
               sub_event_type: str = "Armed clash", geonameid: int = 707292,
               day: dt.date | None = dt.date(2022, 9, 10), actors: tuple[str, str] = (
                   "Military Forces of Ukraine", "Military Forces of Russia"),
               fatalities: int = 0, confidence: float = 0.6) -> Event:
    """An event backed by ``sentence``, which must occur in the article's text."""
    start = article.text.index(sentence)
    name, lat, lon, country, admin1 = PLACES[geonameid]
    return Event(
        event_id=event_id_for(sub_event_type, actors, geonameid, day),
        event_date=day, time_precision=1, event_type=event_type, sub_event_type=sub_event_type,
        actor1=actors[0], actor2=actors[1], country=country, admin1=admin1, admin2="", location=name,
        latitude=lat, longitude=lon, geonameid=geonameid, geo_precision=1, fatalities=fatalities,
        notes=f"{sub_event_type} in {name}",
        sources=(Source(article.id, article.url, article.source, article.published),),
        evidence=(Evidence(article.id, start, start + len(sentence), sentence),),
        confidence=confidence, story_id=article.story_id,
    )


def make_processed(article: Article, *events: Event) -> Processed:
    toponyms = []
    for gid, (name, lat, lon, country, _admin1) in PLACES.items():
        at = article.text.find(name)
        if at >= 0:
            toponyms.append(Toponym(at, at + len(name), name, name, gid, lat, lon, country))
    return Processed(article=article, segments=(), toponyms=tuple(toponyms), dates=(), events=tuple(events))


def izium_report(article_id: str = "a1", story_id: str | None = "s1", **fields: str) -> Processed:
    """A short report with two events (a recapture and a shelling) at Izium."""
    text = ("Izium was retaken by the Ukrainians on Saturday after months of occupation. "
            "On March 4 eight Grad rockets hit a house in Izium, destroying it.")
    article = make_article(article_id, text, story_id=story_id, **fields)
    return make_processed(
        article,
        make_event(article, "Izium was retaken by the Ukrainians on Saturday",
                   sub_event_type="Government regains territory"),
        make_event(article, "eight Grad rockets hit a house in Izium", event_type="Explosions/Remote violence",
                   sub_event_type="Shelling/artillery/missile attack", day=dt.date(2022, 3, 4),
                   actors=("Military Forces of Russia", "Civilians (Ukraine)")),
    )


# -- PostgreSQL -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresCluster:
    """A throwaway PostgreSQL server on a free loopback port; ``stop()`` removes every trace."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.user = "sitrep"
        self._names = itertools.count()
        self.running = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> "PostgresCluster":
        if not (PG_BIN / "initdb").exists():
            pytest.fail(f"PostgreSQL binaries not found in {PG_BIN}: {INSTALL_HINT}", pytrace=False)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        done = self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", self.user,
                         "--no-sync", "-E", "UTF8", "--locale", "C")
        if done.returncode:
            pytest.fail(f"initdb failed: {done.stderr.strip()}", pytrace=False)
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        done = self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                         str(self.folder / "server.log"), "-w", "-t", "60", "start")
        if done.returncode:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            pytest.fail(f"PostgreSQL did not start: {done.stderr.strip()} {log}", pytrace=False)
        self.running = True
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty namespace; its URL. A schema on the search path rather than a database:
        CREATE DATABASE costs a checkpoint (about a second), CREATE SCHEMA costs nothing."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        return f"{self.url()}?options=-csearch_path%3D{name}"

    def stop(self) -> None:
        if self.running:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)


_cluster: PostgresCluster | None = None


def shared_cluster() -> PostgresCluster:
    """One cluster per test process, whichever modules ask for it; removed at exit."""
    global _cluster
    if _cluster is None:
        _cluster = PostgresCluster()
        atexit.register(_cluster.stop)
        _cluster.start()
    return _cluster


@pytest.fixture(scope="session")
def pg_cluster() -> PostgresCluster:
    return shared_cluster()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "sitrep.db")
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store.open(store_url)
    yield opened
    opened.close()


# -- sitrep as a process (issue 7 and 8 tests: several writers, kill -9) ---------------------------

SITREP = [sys.executable, "-m", "sitrep"]

DISPATCHES = [  # short wire reports about real places; 1 and 4, 0 and 5 report the same happening
    ("kupiansk-a", "2022-09-11", "Kupiansk retaken",
     "Ukrainian forces recaptured Kupiansk on Saturday, the regional governor said."),
    ("chuhuiv-a", "2022-09-08", "Rockets on Chuhuiv",
     "Russian forces fired rockets at Chuhuiv on Wednesday, killing one man."),
    ("nikopol", "2022-09-10", "Nikopol shelled",
     "Russian forces shelled Nikopol overnight, wounding two civilians, the regional governor said."),
    ("balakliia", "2022-09-10", "Balakliia retaken",
     "Ukrainian troops recaptured Balakliia on Thursday after days of fighting."),
    ("chuhuiv-b", "2022-09-08", "Chuhuiv under fire",
     "Russian forces fired rockets at Chuhuiv on Wednesday, killing a man, local officials said."),
    ("kupiansk-b", "2022-09-11", "Kupiansk back in Ukrainian hands",
     "Ukrainian forces recaptured Kupiansk on Saturday, a military spokesman said."),
]


def write_dispatches(path: Path, which) -> Path:
    """DISPATCHES[i] for i in ``which`` as a JSONL file."""
    lines = []
    for i in which:
        ident, published, title, text = DISPATCHES[i]
        lines.append(json.dumps({"id": ident, "published": published, "title": title, "text": text,
                                 "url": f"https://wire.example/{ident}", "source": "wire"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sitrep_env() -> dict[str, str]:
    return {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}


def sitrep(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the sitrep command line in a fresh process."""
    return subprocess.run([*SITREP, *args], env=sitrep_env(), capture_output=True, text=True,
                          timeout=timeout, check=False)


def start_sitrep(*args: str) -> subprocess.Popen[str]:
    """Start the sitrep command line without waiting for it."""
    return subprocess.Popen([*SITREP, *args], env=sitrep_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def export_events(db: str) -> list[dict]:
    """The events of a database as `sitrep export --format jsonl` writes them."""
    done = sitrep("export", "--format", "jsonl", "--db", db)
    if done.returncode:
        pytest.fail(f"sitrep export failed: {done.stderr[-2000:]}", pytrace=False)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def canonical_events(events: list[dict]) -> dict[str, dict]:
    """What must not depend on the backend or the order of writers: id, type, date, place, and the
    sets of sources and evidence (story ids and confidence may follow the order stories formed)."""
    return {
        e["event_id"]: {
            "type": (e["event_type"], e["sub_event_type"]),
            "date": e["event_date"],
            "geonameid": e["geonameid"],
            "place": (e["location"], round(e["latitude"], 4), round(e["longitude"], 4)),
            "sources": sorted(s["article_id"] for s in e["sources"]),
            "evidence": sorted((x["article_id"], x["start"], x["end"], x["text"]) for x in e["evidence"]),
        }
        for e in events
    }
