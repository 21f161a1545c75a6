"""Issue 7 at test scale: SQLite, PostgreSQL and Spark store the same events for the same input,
and several `sitrep run` processes writing one PostgreSQL database at once store everything once.

Everything runs as real `sitrep` processes (the promise is about processes, not about objects in
one interpreter). The Spark job runs once, in local[2], because it costs a minute or two to start.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from storekit import (  # noqa: F401  (pg_cluster is a fixture)
    PostgresCluster,
    canonical_events,
    export_events,
    pg_cluster,
    sitrep,
    start_sitrep,
    write_dispatches,
)

pytest.importorskip("pyspark", reason="the spark extra is installed by `make test`")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, reference_article: Path) -> Path:
    """Short wire dispatches about real Ukrainian places, and the reference article."""
    folder = tmp_path_factory.mktemp("scale-in")
    write_dispatches(folder / "wire.jsonl", range(6))
    shutil.copy(reference_article, folder / reference_article.name)
    return folder


@pytest.fixture(scope="module")
def sqlite_events(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    db = str(tmp_path_factory.mktemp("scale-sqlite") / "sitrep.db")
    done = sitrep("run", str(inputs), "--db", db)
    assert done.returncode == 0, done.stderr[-3000:]
    return canonical_events(export_events(db))


def test_the_input_yields_events_at_several_places(sqlite_events: dict[str, dict]) -> None:
    """Guards the comparisons below: equal empty sets would prove nothing."""
    assert len(sqlite_events) >= 5
    assert len({e["geonameid"] for e in sqlite_events.values()}) >= 3
    assert len({a for e in sqlite_events.values() for a in e["sources"]}) >= 4


def test_postgresql_stores_the_same_events_as_sqlite(
    inputs: Path, sqlite_events: dict[str, dict], pg_cluster: PostgresCluster  # noqa: F811
) -> None:
    url = pg_cluster.new_database()
    done = sitrep("run", str(inputs), "--db", url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert canonical_events(export_events(url)) == sqlite_events


def test_spark_stores_the_same_events_as_sqlite(
    inputs: Path, sqlite_events: dict[str, dict], tmp_path: Path
) -> None:
    out = tmp_path / "spark-out"
    job = sitrep("spark", str(inputs), str(out), "--master", "local[2]", timeout=900)
    assert job.returncode == 0, job.stderr[-3000:]
    db = str(tmp_path / "from-spark.db")
    loaded = sitrep("run", "--from-spark", str(out), "--db", db)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr[-3000:]
    assert canonical_events(export_events(db)) == sqlite_events


def _counts(url: str) -> dict[str, int]:
    from sitrep.store import Store

    with Store.open(url) as store:
        return store.counts()


def _run_together(*commands: list[str]) -> list[subprocess.CompletedProcess]:
    """Start every command before waiting for any: the writers overlap for real."""
    running = [start_sitrep(*c) for c in commands]
    finished = []
    for process in running:
        out, err = process.communicate(timeout=600)
        finished.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return finished


def _assert_each_stored_once(url: str, expected: dict[str, dict], articles: int) -> None:
    counts = _counts(url)
    assert counts["articles"] == articles
    events = export_events(url)
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids)), "an event stored twice"
    for event in events:
        sources = [s["article_id"] for s in event["sources"]]
        assert len(sources) == len(set(sources)), f"{event['event_id']}: a source stored twice"
        spans = [(x["article_id"], x["start"], x["end"]) for x in event["evidence"]]
        assert len(spans) == len(set(spans)), f"{event['event_id']}: evidence stored twice"
    assert canonical_events(events) == expected


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dispatches alone: the writers race on articles and on events that two of them share."""
    folder = tmp_path_factory.mktemp("scale-wire")
    write_dispatches(folder / "wire.jsonl", range(6))
    return folder


@pytest.fixture(scope="module")
def wire_events(wire: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    db = str(tmp_path_factory.mktemp("scale-wire-db") / "alone.db")
    done = sitrep("run", str(wire), "--db", db)
    assert done.returncode == 0, done.stderr[-2000:]
    events = canonical_events(export_events(db))
    assert any(len(e["sources"]) > 1 for e in events.values()), "no event is shared by two dispatches"
    return events


def test_two_processes_on_the_same_input_store_everything_once(
    wire: Path, wire_events: dict[str, dict], pg_cluster: PostgresCluster  # noqa: F811
) -> None:
    url = pg_cluster.new_database()
    runs = _run_together(["run", str(wire), "--db", url], ["run", str(wire), "--db", url])
    assert all(r.returncode == 0 for r in runs), [r.stderr[-2000:] for r in runs]
    _assert_each_stored_once(url, wire_events, articles=6)
    # between them they stored each document once; the other saw it as already stored
    new = sum(int(r.stdout.split(" new,")[0].rsplit(" ", 1)[-1]) for r in runs)
    assert new == 6, [r.stdout for r in runs]


def test_two_processes_on_overlapping_inputs_store_everything_once(
    wire_events: dict[str, dict], tmp_path: Path, pg_cluster: PostgresCluster  # noqa: F811
) -> None:
    """Halves that share two documents; two events are reported by one dispatch in each half."""
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_dispatches(first, range(0, 4))
    write_dispatches(second, range(2, 6))
    url = pg_cluster.new_database()
    runs = _run_together(["run", str(first), "--db", url], ["run", str(second), "--db", url])
    assert all(r.returncode == 0 for r in runs), [r.stderr[-2000:] for r in runs]
    _assert_each_stored_once(url, wire_events, articles=6)


def test_workers_read_the_input_a_window_ahead_and_keep_its_order(language, full_gazetteer) -> None:
    """Memory stays bounded: the workers take articles as they finish others, never the whole input."""
    import datetime as dt

    from sitrep.model import Article
    from sitrep.pipeline import Pipeline

    pulled = 0

    def articles():
        nonlocal pulled
        for n in range(200):
            pulled += 1
            yield Article(f"a{n}", f"Russian forces shelled Kupiansk on Monday, killing {n % 7 + 1} civilians.",
                          published=dt.date(2022, 9, 13))

    window = 8 * 2 * 2  # 8 articles per worker and batch
    stream = Pipeline(language, full_gazetteer, workers=2).process_many(articles(), batch_size=2)
    first = next(stream)
    # one article in for each one out: no worker waits at a window's end for the others to finish it
    assert first.article.id == "a0" and pulled == window + 1
    tenth = [next(stream) for _ in range(9)][-1]
    assert tenth.article.id == "a9" and pulled == window + 10
    rest = list(stream)
    assert [p.article.id for p in rest] == [f"a{n}" for n in range(10, 200)]
    assert [p.events[0].fatalities for p in rest[:6]] == [4, 5, 6, 7, 1, 2]
