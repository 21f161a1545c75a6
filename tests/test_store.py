"""The store on real SQLite and real PostgreSQL: idempotent saves, event merging, filters,
whole-document transactions, concurrent writers and kill -9."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from storekit import (  # noqa: F401  (fixtures)
    izium_report,
    make_article,
    make_event,
    make_processed,
    pg_cluster,
    store,
    store_url,
)

from sitrep.errors import StoreError
from sitrep.model import Event
from sitrep.store import MAX_EVIDENCE, Store, combined_confidence, conservative_fatalities


def test_save_is_idempotent(store: Store) -> None:
    report = izium_report()
    assert store.save(report, fingerprint=b"\x01\x02")
    before = store.counts()
    assert not store.save(report)
    assert store.counts() == before
    assert before["articles"] == 1 and before["events"] == 2 and before["toponyms"] == 1
    assert store.has_article("a1") and not store.has_article("nope")


def test_article_round_trip(store: Store) -> None:
    report = izium_report(title="Izium <b>free</b>")
    store.save(report, relation="canonical", similarity=1.0, fingerprint=b"\x00\xff")
    article = store.article("a1")
    assert article == replace(report.article, origin="")
    assert store.toponyms("a1") == list(report.toponyms)
    assert list(store.fingerprints()) == [("a1", "s1", dt.date(2022, 9, 13), b"\x00\xff")]
    assert store.article("missing") is None


def test_event_round_trip_keeps_every_field(store: Store) -> None:
    report = izium_report()
    store.save(report)
    for event in report.events:
        stored = store.event(event.event_id)
        assert stored is not None
        assert replace(stored, confidence=event.confidence) == event
        text = report.article.text
        assert all(text[e.start:e.end] == e.text for e in stored.evidence)


def test_same_event_from_another_story_is_merged_and_gains_confidence(store: Store) -> None:
    first = izium_report("a1", story_id="s1")
    store.save(first)
    text = "Ukrainian troops entered Izium. Izium was retaken by the Ukrainians on Saturday, officials said."
    other = make_article("b1", text, story_id="s2", source="other wire")
    again = make_event(other, "Izium was retaken by the Ukrainians on Saturday", sub_event_type="Government regains territory")
    assert again.event_id == first.events[0].event_id
    store.save(make_processed(other, again))

    merged = store.event(again.event_id)
    assert merged is not None
    assert {s.article_id for s in merged.sources} == {"a1", "b1"}
    assert {(e.article_id, e.text) for e in merged.evidence} == {
        ("a1", "Izium was retaken by the Ukrainians on Saturday"),
        ("b1", "Izium was retaken by the Ukrainians on Saturday"),
    }
    assert merged.confidence > first.events[0].confidence
    assert store.counts()["events"] == 2  # nothing duplicated
    assert store.events(min_sources=2) == [merged]


def test_a_storys_events_include_those_first_stored_from_another_story(store: Store) -> None:
    first = izium_report("a1", story_id="s1")
    store.save(first)
    # Another story's article reports the recapture: its event merges into s1's stored event.
    text = "Izium was retaken by the Ukrainians on Saturday, officials said."
    other = make_article("b1", text, story_id="s2")
    store.save(make_processed(other, make_event(other, "Izium was retaken by the Ukrainians on Saturday",
                                                sub_event_type="Government regains territory")))
    recapture = first.events[0].event_id
    assert store.event(recapture).story_id == "s1"  # type: ignore[union-attr]
    assert [e.event_id for e in store.story_events("s2")] == [recapture]
    assert {e.event_id for e in store.story_events("s1")} == {e.event_id for e in first.events}
    assert store.story_events("nope") == []
    assert store.article_stories(["a1", "b1", "nope", "a1"]) == {"a1": "s1", "b1": "s2"}


def test_copies_of_one_story_do_not_raise_confidence(store: Store) -> None:
    store.save(izium_report("a1", story_id="s1"))
    store.save(izium_report("a2", story_id="s1"), relation="copy", similarity=0.97)
    event = store.event(izium_report().events[0].event_id)
    assert event is not None and len(event.sources) == 2
    assert event.confidence == pytest.approx(0.6)
    story = store.story("s1")
    assert story is not None and story.canonical == "a1"
    assert [(m.article_id, m.relation) for m in story.members] == [("a1", "canonical"), ("a2", "copy")]
    assert store.stories() == [story]


def test_merging_rules() -> None:
    assert combined_confidence([("a", "s1", 0.6), ("b", "s1", 0.7)]) == pytest.approx(0.7)
    assert combined_confidence([("a", "s1", 0.6), ("b", "s2", 0.6)]) == pytest.approx(0.84)
    assert combined_confidence([("a", None, 0.9), ("b", None, 0.9), ("c", None, 0.9)]) == pytest.approx(0.99)
    assert conservative_fatalities([0, 12, 9]) == 9
    assert conservative_fatalities([0, 0]) == 0


def _many(store: Store) -> list[Event]:
    """Events on several days, places, types and actors, from different stories."""
    events: list[Event] = []
    layout = [
        (707292, dt.date(2022, 9, 10), "Battles", "Armed clash", ("Military Forces of Ukraine", "Wagner Group"), 3),
        (706483, dt.date(2022, 9, 11), "Explosions/Remote violence", "Air/drone strike",
         ("Military Forces of Russia", "Civilians (Ukraine)"), 2),
        (709717, dt.date(2022, 9, 20), "Protests", "Peaceful protest", ("Protesters (Ukraine)", ""), 0),
        (578072, dt.date(2022, 10, 1), "Explosions/Remote violence", "Shelling/artillery/missile attack",
         ("Military Forces of Ukraine", "Civilians (Russia)"), 1),
    ]
    for i, (gid, day, etype, sub, actors, dead) in enumerate(layout):
        sentence = f"Report {i}: fighting near the river with {dead} dead"
        article = make_article(f"m{i}", sentence + ". More text.", story_id=f"ms{i}")
        event = make_event(article, sentence, event_type=etype, sub_event_type=sub, geonameid=gid, day=day,
                           actors=actors, fatalities=dead, confidence=0.5 + 0.1 * i)
        store.save(make_processed(article, event))
        events.append(event)
    return events


def test_filters(store: Store) -> None:
    izium, kharkiv, donetsk, belgorod = _many(store)

    def ids(**filters: object) -> list[str]:
        return [e.event_id for e in store.events(**filters)]

    assert ids() == [e.event_id for e in (belgorod, donetsk, kharkiv, izium)]  # newest first
    assert ids(bbox=(37.0, 48.0, 38.0, 49.5)) == [donetsk.event_id, izium.event_id]
    assert ids(since=dt.date(2022, 9, 11), until=dt.date(2022, 9, 20)) == [donetsk.event_id, kharkiv.event_id]
    assert ids(event_type="Explosions/Remote violence") == [belgorod.event_id, kharkiv.event_id]
    assert ids(event_type=("Protests", "Battles")) == [donetsk.event_id, izium.event_id]
    assert ids(sub_event_type="Air/drone strike") == [kharkiv.event_id]
    assert ids(actor="wagner") == [izium.event_id]
    assert ids(actor="civilians") == [belgorod.event_id, kharkiv.event_id]
    assert ids(min_confidence=0.75) == [belgorod.event_id]
    assert ids(q="RIVER wagner") == [izium.event_id]
    assert ids(q="100%_") == []  # LIKE wildcards are literal
    assert ids(geonameid=709717) == [donetsk.event_id]
    assert ids(article_id="m1") == [kharkiv.event_id]
    assert ids(min_sources=2) == []
    assert [e.event_id for e in store.events(limit=2, offset=1)] == [donetsk.event_id, kharkiv.event_id]
    assert store.count_events(since=dt.date(2022, 9, 11)) == 3
    assert store.events(bbox=(37.0, 48.0, 38.0, 49.5), evidence=False)[0].evidence == ()
    assert [e.event_id for e in store.place_events(707292)] == [izium.event_id]
    assert store.date_range() == (dt.date(2022, 9, 10), dt.date(2022, 10, 1))
    assert ("Protests", "Peaceful protest", 1) in store.event_types()


def test_bbox_across_the_antimeridian(store: Store) -> None:
    article = make_article("f1", "Clashes near Suva and Apia today.")
    near_fiji = replace(make_event(article, "Clashes near Suva"), event_id="fiji", latitude=-18.1, longitude=178.4)
    near_samoa = replace(make_event(article, "Apia"), event_id="samoa", latitude=-13.8, longitude=-171.8)
    store.save(make_processed(article, near_fiji, near_samoa))
    assert {e.event_id for e in store.events(bbox=(170.0, -25.0, -165.0, -10.0))} == {"fiji", "samoa"}
    assert store.events(bbox=(-10.0, -25.0, 10.0, -10.0)) == []


def test_a_failing_document_is_stored_not_at_all(store: Store) -> None:
    report = izium_report()
    broken = replace(report.events[1], event_type=None)  # type: ignore[arg-type]  # NOT NULL violated
    with pytest.raises(StoreError, match="a1"):
        store.save(replace(report, events=(report.events[0], broken)))
    assert store.counts() == {"articles": 0, "stories": 0, "toponyms": 0, "events": 0, "sources": 0, "evidence": 0}
    assert store.save(report)  # and the document can be stored afterwards


def test_open_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "missing" / "x.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(4096))
    with pytest.raises(StoreError, match="junk.db"):
        Store.open(str(junk))
    with pytest.raises(StoreError, match="unsupported database URL"):
        Store.open("mysql://localhost/x")
    with pytest.raises(StoreError, match=r"\*\*\*"):  # the message names the server, not the password
        Store.open("postgresql://u:secret@127.0.0.1:1/x")


def test_sqlite_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    store = Store.open(str(path))
    store.save(izium_report())
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO sitrep_meta VALUES ('busy', 'yes')")
    try:
        started = time.monotonic()
        assert len(store.events()) == 2
        assert time.monotonic() - started < 2
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        store.close()


@pytest.mark.postgres
def test_sqlite_and_postgresql_give_the_same_events(tmp_path: Path, pg_cluster) -> None:  # noqa: F811
    results = []
    for url in (str(tmp_path / "same.db"), pg_cluster.new_database()):
        with Store.open(url) as opened:
            _many(opened)
            opened.save(izium_report("a1", story_id="s1"))
            opened.save(izium_report("a2", story_id="s2"))
            results.append((opened.events(limit=None), opened.stories(), opened.counts()))
    assert results[0] == results[1]


# -- concurrency and crashes ------------------------------------------------------------------------


def _corpus(n: int) -> list:
    """n articles in pairs that report the same events (so merges race too)."""
    out = []
    for i in range(n):
        text = f"Izium was retaken by the Ukrainians on Saturday. Shelling of Kharkiv {i // 2} continued."
        article = make_article(f"c{i:03d}", text, story_id=f"cs{i}")
        shared = make_event(article, "Izium was retaken by the Ukrainians on Saturday",
                            sub_event_type="Government regains territory")
        own = make_event(article, f"Shelling of Kharkiv {i // 2}", geonameid=706483,
                         day=dt.date(2022, 9, 1) + dt.timedelta(days=i // 2))
        out.append(make_processed(article, shared, own))
    return out


def _save_all(url: str, n: int, reverse: bool) -> int:
    corpus = _corpus(n)
    with Store.open(url) as opened:
        return sum(opened.save(p) for p in (reversed(corpus) if reverse else corpus))


def test_concurrent_writers_store_each_article_and_event_once(store_url: str) -> None:
    n = 40
    Store.open(store_url).close()  # schema first, as `sitrep run` does on its own
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        saved = pool.starmap(_save_all, [(store_url, n, False), (store_url, n, True)])
    assert sum(saved) == n
    with Store.open(store_url) as opened:
        counts = opened.counts()
        shared = opened.events(sub_event_type="Government regains territory")
    assert counts["articles"] == n and counts["events"] == 1 + n // 2
    assert counts["sources"] == 2 * n and counts["evidence"] == 2 * n
    assert len(shared) == 1 and len(shared[0].sources) == n


KILL_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_store import _corpus
from sitrep.store import Store
with Store.open({url!r}) as store:
    for p in _corpus({n}):
        store.save(p)
        print(p.article.id, flush=True)
"""


def test_kill_9_leaves_whole_documents_and_a_rerun_completes(store_url: str, tmp_path: Path) -> None:
    n = 60
    Store.open(store_url).close()
    script = KILL_SCRIPT.format(tests=str(Path(__file__).parent), url=store_url, n=n)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for _ in range(n // 3):  # let it store a third, then kill it mid-flight
        child.stdout.readline()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    with Store.open(store_url) as opened:
        partial = opened.counts()
        assert n // 3 <= partial["articles"] < n
        for article in opened.articles(limit=None):  # every stored document is whole
            assert len(opened.events(article_id=article.id)) == 2
            assert len(opened.toponyms(article.id)) == 2
        stored_again = sum(opened.save(p) for p in _corpus(n))
        assert stored_again == n - partial["articles"]
        final = opened.counts()
    clean_url = str(tmp_path / "clean.db")
    _save_all(clean_url, n, reverse=False)
    with Store.open(clean_url) as clean:
        assert final == clean.counts()


def test_nul_characters_are_stored_on_both_backends(store: Store) -> None:
    text = "Izium\x00 was shelled at night."
    article = make_article("n\x00ul", text)
    assert store.save(make_processed(article, make_event(article, "Izium\x00 was shelled")))
    stored = store.article("n\x00ul")
    assert stored is not None and stored.text == "Izium\ufffd was shelled at night."
    assert len(stored.text) == len(text)  # offsets still point at the same characters
    assert store.has_article("n\x00ul") and not store.save(make_processed(article))


def test_migrations_stamp_old_databases_and_refuse_newer_ones(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from sitrep import schema

    old = tmp_path / "old.db"  # made before migrations existed: tables, no revision
    engine = create_engine(f"sqlite:///{old}")
    schema.metadata.create_all(engine)
    engine.dispose()
    with Store.open(str(old)) as opened:
        assert opened.save(izium_report())
    revision = sqlite3.connect(old).execute("SELECT version_num FROM alembic_version").fetchall()
    assert revision == [("0002",)]
    newer = sqlite3.connect(old)
    newer.execute("UPDATE alembic_version SET version_num = '9999'")
    newer.commit()
    newer.close()
    with pytest.raises(StoreError, match="9999.*upgrade sitrep"):
        Store.open(str(old))


def test_a_revision_0001_database_keeps_its_articles_and_gains_a_storing_order(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from sitrep import database

    path = tmp_path / "v1.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    raw = sqlite3.connect(path)  # an article stored at revision 0001, before articles had a seq
    raw.execute("INSERT INTO articles (id, url, source, title, text, lang, story_id, relation, similarity, fingerprint)"
                " VALUES ('old', '', '', '', 'Izium was shelled.', 'en', 's1', 'canonical', 1.0, x'00')")
    raw.commit()
    raw.close()
    with Store.open(str(path)) as opened:
        assert [row[0] for row in opened.fingerprints()] == ["old"]
        assert opened.last_seq() == 0
        assert opened.save(izium_report("new", story_id="s2"))
        assert [(seq, article) for seq, article, *_ in opened.stored_since(0)] == [(1, "new")]


def test_head_revision_is_alembics_newest() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from sitrep import database

    config = Config()
    config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == database.HEAD_REVISION


def test_one_article_lends_an_event_a_bounded_number_of_sentences(store: Store) -> None:
    sentences = [f"Shelling hit Izium block {i}." for i in range(40)]
    article = make_article("many", " ".join(sentences))
    event = make_event(article, sentences[0])
    evidence = tuple(
        replace(event.evidence[0], start=article.text.index(s), end=article.text.index(s) + len(s), text=s)
        for s in sentences
    )
    store.save(make_processed(article, replace(event, evidence=evidence)))
    stored = store.event(event.event_id)
    assert stored is not None
    assert len({e.text for e in stored.evidence}) == MAX_EVIDENCE < len(sentences)


def test_a_writer_files_the_stories_another_writer_stored_meanwhile(store_url: str) -> None:
    """Two `sitrep run` processes on one database: a copy joins the original's story even when the
    original was stored by the other writer after this one had loaded its story index."""
    from sitrep.pipeline import store_all

    samples = Path(__file__).resolve().parents[1] / "samples"
    text = (samples / "kherson-2022-03-14.txt").read_text(encoding="utf-8")
    unrelated = make_processed(make_article("unrelated", (samples / "kyiv-2022-10-10.txt").read_text(encoding="utf-8")))
    original = make_processed(make_article("original", text))
    copy = make_processed(make_article("copy", text, published=dt.date(2022, 9, 14)))
    with Store.open(store_url) as first_writer, Store.open(store_url) as second_writer:
        second = store_all(iter([unrelated, copy]), second_writer)
        assert next(second).article_id == "unrelated"  # its story index is loaded now, without the original
        filed = next(store_all(iter([original]), first_writer))
        assert filed.relation == "canonical"
        copied = next(second)
    assert copied.story_id == filed.story_id
    assert copied.relation != "canonical"


def test_the_writers_lock_holds_between_threads_sharing_a_store(store: Store) -> None:
    """The API stores submissions from a thread pool through one Store: a second thread must wait."""
    import threading

    inside = threading.Event()
    order: list[str] = []

    def second() -> None:
        inside.wait()
        with store.exclusive():
            order.append("second")

    other = threading.Thread(target=second)
    other.start()
    with store.exclusive():
        with store.exclusive():  # nesting within one thread does not wait on itself
            inside.set()
            time.sleep(0.3)
            order.append("first")
    other.join(timeout=10)
    assert order == ["first", "second"]
