"""Issue 8, storage: a `sitrep run` killed with SIGKILL at any moment and restarted ends with
exactly what one clean run stores: the same articles, the same events with the same sources and
evidence, nothing twice, and no article stored without its toponyms and events.

The run is a real process over a folder of generated documents; it is killed once the database
shows a seeded number of stored articles, plus a seeded delay, so the kill lands at different
moments of the per-document transaction.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from storekit import (  # noqa: F401  (pg_cluster is a fixture)
    PostgresCluster,
    canonical_events,
    export_events,
    pg_cluster,
    sitrep,
    start_sitrep,
)

from sitrep.database import make_engine
from sitrep.store import Store

N_DOCUMENTS = 30
PLACES = ["Kharkiv", "Izium", "Kupiansk", "Chuhuiv", "Balakliia", "Nikopol", "Kramatorsk", "Bakhmut",
          "Lyman", "Zaporizhzhia", "Kherson", "Mykolaiv"]
HAPPENINGS = [
    "Russian forces shelled {place} on {day}, wounding {n} civilians, the regional governor said.",
    "Ukrainian troops recaptured {place} on {day} after days of heavy fighting.",
    "A Russian missile struck an apartment building in {place} on {day}, killing {n} people.",
    "Ukrainian and Russian forces clashed near {place} on {day}, the general staff said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 short plain-text reports; some report the same happening (events shared by articles)."""
    rng = random.Random(8)
    folder = tmp_path_factory.mktemp("crash-in")
    for number in range(N_DOCUMENTS):
        sentences = [
            rng.choice(HAPPENINGS).format(place=rng.choice(PLACES), day=rng.choice(DAYS), n=rng.randint(2, 9))
            for _ in range(rng.randint(1, 3))
        ]
        title = f"Report {number} from the front"
        (folder / f"report-{number:02d}.txt").write_text(title + "\n\n" + " ".join(sentences) + "\n")
    return folder


def run_clean(corpus: Path, db: str) -> None:
    done = sitrep("run", str(corpus), "--db", db, "--published", "2022-09-12")
    assert done.returncode == 0, done.stderr[-3000:]


def snapshot(url: str) -> dict[str, tuple]:
    """Per stored article: its toponyms, the events it is a source of, the evidence it gave."""
    rows: dict[str, list] = {}
    with Store.open(url) as store, store.engine.connect() as conn:
        articles = [r[0] for r in conn.execute(text("SELECT id FROM articles"))]
        for query in (
            'SELECT article_id, start, "end", geonameid FROM toponyms',
            "SELECT article_id, event_id FROM event_sources",
            'SELECT article_id, event_id, start, "end" FROM event_evidence',
        ):
            table: dict[str, list] = {a: [] for a in articles}
            for row in conn.execute(text(query)):
                table.setdefault(row[0], []).append(tuple(row[1:]))
            rows[query] = table
    return {a: tuple(sorted(rows[q].get(a, [])) for q in rows) for a in articles} | {
        "orphans": tuple(sorted(set().union(*(rows[q].keys() for q in rows)) - set(articles)))
    }


def stored_articles(engine: Engine) -> int:
    """Stored articles, read without opening a Store (which would migrate, i.e. write)."""
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())
    except SQLAlchemyError:  # the run has not created the schema yet
        return 0


def kill_after(corpus: Path, url: str, at_least: int, delay: float) -> int:
    """Start a run, SIGKILL it once ``at_least`` articles are stored and ``delay`` s more passed."""
    process = start_sitrep("run", str(corpus), "--db", url, "--published", "2022-09-12")
    engine = make_engine(url)
    try:
        deadline = time.monotonic() + 300
        while stored_articles(engine) < at_least:
            assert process.poll() is None, f"the run ended before the kill: {process.communicate()[1][-2000:]}"
            assert time.monotonic() < deadline, "no progress in 300 s"
            time.sleep(0.05)
        time.sleep(delay)
        running = process.poll() is None
        process.kill()
        process.communicate(timeout=60)
        left = stored_articles(engine)
    finally:
        engine.dispose()
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=60)
    assert running, "the run had finished before the kill: the test killed nothing"
    return left


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    db = str(tmp_path_factory.mktemp("crash-clean") / "clean.db")
    run_clean(corpus, db)
    return snapshot(db), canonical_events(export_events(db))


def assert_same_as_clean(url: str, clean: tuple[dict, dict]) -> None:
    articles, events = clean
    assert len(articles) == N_DOCUMENTS + 1 and not articles["orphans"]
    got = snapshot(url)
    assert sorted(got) == sorted(articles), "articles lost or added"
    half = {a: {"clean": articles[a], "restarted": got[a]} for a in articles if got[a] != articles[a]}
    assert not half, f"stored differently from a clean run (half-stored?): {half}"
    exported = export_events(url)
    assert len({e["event_id"] for e in exported}) == len(exported)
    assert canonical_events(exported) == events


SEEDS = [1, 2]


@pytest.mark.parametrize("seed", SEEDS)
def test_sqlite_run_killed_and_restarted_equals_a_clean_run(
    seed: int, corpus: Path, clean: tuple[dict, dict], tmp_path: Path
) -> None:
    rng = random.Random(seed)
    db = str(tmp_path / "killed.db")
    left = kill_after(corpus, db, at_least=rng.randint(2, N_DOCUMENTS // 3), delay=rng.uniform(0, 0.3))
    assert 0 < left < N_DOCUMENTS
    run_clean(corpus, db)
    assert_same_as_clean(db, clean)
    again = sitrep("run", str(corpus), "--db", db, "--published", "2022-09-12")
    assert f"0 new, {N_DOCUMENTS} already stored" in again.stdout, again.stdout


@pytest.mark.postgres
def test_postgresql_run_killed_and_restarted_equals_a_clean_run(
    corpus: Path, clean: tuple[dict, dict], pg_cluster: PostgresCluster  # noqa: F811
) -> None:
    rng = random.Random(3)
    url = pg_cluster.new_database()
    left = kill_after(corpus, url, at_least=rng.randint(2, N_DOCUMENTS // 3), delay=rng.uniform(0, 0.3))
    assert 0 < left < N_DOCUMENTS
    run_clean(corpus, url)
    assert_same_as_clean(url, clean)
