"""Where processed articles and their events live: SQLite (default) or PostgreSQL, one code path.

Each article is saved in one transaction with its toponyms and events, so a run killed at any
moment leaves either the whole document or none of it. Uniqueness is the database's job (primary
keys and ``INSERT ... ON CONFLICT DO NOTHING``), so re-runs and concurrent writers store each
article and each event once. An event that is already stored (the same happening reported by
another article) is merged: its sources and evidence grow, its confidence rises with independent
stories, and its fatality count follows ACLED's most-conservative rule.

Opening the database (URLs, engines, WAL, migrations) lives in ``database.py``; the filters of
an events query and the row <-> model conversions in ``queries.py``.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

from sqlalchemy import Connection, Engine, String, bindparam, cast, func, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from . import schema
from .database import insert_ignore, make_engine, migrate, reason, redact, writers_lock
from .errors import StoreError
from .model import Article, Event, Evidence, Processed, Source, Story, Toponym
from .queries import (
    SUMMARY_COLUMNS,
    EventQuery,
    article_from_row,
    event_from_row,
    event_row,
    filtered,
    no_nul,
    nul_free,
    query_from,
    search_text,
    story_from_rows,
)

__all__ = ["EventQuery", "Store"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_PG_SCHEMA_LOCK = 0x5174_7265  # pg_advisory_xact_lock key: one process creates the schema at a time
_MAX_CONFIDENCE = 0.99  # many copies of a claim never make it certain
_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit
MAX_EVIDENCE = 25  # sentences one article lends one event: enough to judge it, bounded for hostile input
class Store:
    """A sitrep database. Open with :meth:`Store.open`; share one instance per process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name  # "sqlite" or "postgresql"
        self._held = threading.local()  # how deep each thread is in exclusive(): the API writes from threads

    @classmethod
    def open(cls, url: str) -> "Store":
        """Open (and on first use create) the database at ``url``; StoreError when it cannot."""
        engine = make_engine(url)
        store = cls(engine)
        try:
            store._ensure_schema()
        except (SQLAlchemyError, OSError) as exc:
            engine.dispose()
            raise StoreError(f"cannot open database {redact(url)}: {reason(exc)}") from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------------

    def _ensure_schema(self) -> None:
        """Create or upgrade the schema (Alembic), one process at a time, in one transaction."""
        with self._write() as conn:
            if self.backend == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_SCHEMA_LOCK})
            migrate(conn)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn = conn.execution_options(sitrep_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                if self.backend == "postgresql":  # reads need no transaction: spare BEGIN/COMMIT trips
                    conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            raise StoreError(f"cannot read the database: {reason(exc)}") from exc

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """One writer at a time, across processes, for work that reads the store and then writes what
        it decided: filing an article into a story and merging its events. Without it two writers
        could each miss the other's copy of a story, or store one happening twice.

        See :func:`database.writers_lock`.
        """
        depth = getattr(self._held, "depth", 0)
        # nested in this thread: held already; another thread of this process waits like another process
        with nullcontext() if depth else writers_lock(self.engine):
            self._held.depth = depth + 1
            try:
                yield
            finally:
                self._held.depth = depth

    # -- writing -------------------------------------------------------------------------------

    def save(
        self,
        processed: Processed,
        relation: str = "canonical",
        similarity: float = 1.0,
        fingerprint: bytes = b"",
    ) -> bool:
        """Store one processed article in one transaction; False (nothing changed) if already stored."""
        article = processed.article
        try:
            with self.exclusive(), self._write() as conn:
                row = {
                    "id": article.id,
                    "url": article.url,
                    "source": article.source,
                    "title": article.title,
                    "published": article.published,
                    "text": article.text,
                    "lang": article.lang,
                    "story_id": article.story_id,
                    "relation": relation,
                    "similarity": float(similarity),
                    "fingerprint": bytes(fingerprint),
                    "seq": conn.execute(select(func.coalesce(func.max(schema.articles.c.seq), 0) + 1)).scalar_one(),
                }
                stmt = insert_ignore(conn, schema.articles).values(no_nul(row)).returning(schema.articles.c.id)
                if conn.execute(stmt).first() is None:
                    return False
                self._save_toponyms(conn, article.id, processed.toponyms)
                self._merge_events(conn, processed.events, article)
        except DBAPIError as exc:
            raise StoreError(f"cannot store article {article.id!r}: {reason(exc)}") from exc
        return True

    def rename_stories(self, renamed: dict[str, str]) -> None:
        """Relabel articles and events of stories that another story absorbed (old id -> new id)."""
        if not renamed:
            return
        with self._write() as conn:
            for old, new in renamed.items():
                for table in (schema.articles, schema.events, schema.event_sources):
                    conn.execute(table.update().where(table.c.story_id == old).values(story_id=new))

    def _save_toponyms(self, conn: Connection, article_id: str, found: Sequence[Toponym]) -> None:
        rows = {
            (t.start, t.end): {
                "article_id": article_id,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "name": t.name,
                "geonameid": t.geonameid,
                "lat": t.lat,
                "lon": t.lon,
                "country": t.country,
                "admin1": t.admin1,
                "feature": t.feature,
                "score": float(t.score),
            }
            for t in found
        }
        if rows:
            conn.execute(insert_ignore(conn, schema.toponyms), [no_nul(r) for r in rows.values()])

    def _merge_events(self, conn: Connection, events: Sequence[Event], article: Article) -> None:
        """Insert the article's events, or add it as a source of those stored under the same ids. A
        statement per table for all of them: per event, the round trips cost more than the rows."""
        if not events:
            return
        t = schema.events
        conn.execute(insert_ignore(conn, t), [no_nul(event_row(ev)) for ev in events])
        ids = sorted({ev.event_id for ev in events})
        if self.backend == "postgresql":
            # Wait for a concurrent writer of the same events, locking in one order to avoid deadlocks;
            # our later statements then see its rows.
            conn.execute(select(t.c.event_id).where(t.c.event_id.in_(ids)).order_by(t.c.event_id).with_for_update())
        sources = [row for ev in events for row in _source_rows(ev, article)]
        conn.execute(insert_ignore(conn, schema.event_sources), sources)
        evidence = [row for ev in events for row in _evidence_rows(ev)]
        if evidence:
            conn.execute(insert_ignore(conn, schema.event_evidence), evidence)
        self._refresh_events(conn, ids)

    def _refresh_events(self, conn: Connection, event_ids: list[str]) -> None:
        """Recompute what depends on all of an event's sources: count, confidence, fatalities, text."""
        s, e, t = schema.event_sources, schema.event_evidence, schema.events
        reports: dict[str, list[Any]] = {i: [] for i in event_ids}
        for r in conn.execute(select(s).where(s.c.event_id.in_(event_ids))):
            reports[r.event_id].append(r)
        evidence: dict[str, list[str]] = {i: [] for i in event_ids}
        for r in conn.execute(select(e.c.event_id, e.c.text).where(e.c.event_id.in_(event_ids))
                              .order_by(e.c.event_id, e.c.article_id, e.c.start, e.c.end)):
            evidence[r.event_id].append(r.text)
        current = {r["event_id"]: r for r in conn.execute(select(t).where(t.c.event_id.in_(event_ids))).mappings()}
        conn.execute(
            t.update().where(t.c.event_id == bindparam("refreshed")).values(
                n_sources=bindparam("n_sources"), confidence=bindparam("confidence"),
                fatalities=bindparam("fatalities"), search_text=bindparam("search_text"),
            ),
            [
                {
                    "refreshed": i,
                    "n_sources": len(reports[i]),
                    "confidence": combined_confidence([(r.article_id, r.story_id, r.confidence) for r in reports[i]]),
                    "fatalities": conservative_fatalities([r.fatalities for r in reports[i]]),
                    "search_text": search_text(current[i], iter(evidence[i])),
                }
                for i in event_ids
            ],
        )

    # -- reading -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        article_id = nul_free(article_id)
        with self._read() as conn:
            found = conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == article_id)).first()
        return found is not None

    def article(self, article_id: str) -> Article | None:
        article_id = nul_free(article_id)
        with self._read() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
        return article_from_row(row) if row is not None else None

    def article_meta(self, article_id: str) -> dict[str, Any] | None:
        """How the article sits in its story: relation and similarity (not part of Article)."""
        article_id = nul_free(article_id)
        a = schema.articles
        with self._read() as conn:
            row = conn.execute(
                select(a.c.story_id, a.c.relation, a.c.similarity).where(a.c.id == article_id)
            ).mappings().first()
        return {str(k): v for k, v in row.items()} if row is not None else None

    def articles(
        self,
        limit: int | None = 100,
        offset: int = 0,
        story_id: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[Article]:
        a = schema.articles
        stmt = select(a).order_by(a.c.published.desc().nulls_last(), a.c.id).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        if story_id is not None:
            stmt = stmt.where(a.c.story_id == story_id)
        if since is not None:
            stmt = stmt.where(a.c.published >= since)
        if until is not None:
            stmt = stmt.where(a.c.published <= until)
        with self._read() as conn:
            return [article_from_row(r) for r in conn.execute(stmt).mappings()]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every article, in id order, a batch at a time (for exports of any size)."""
        a = schema.articles
        after = ""
        while True:
            with self._read() as conn:
                rows = conn.execute(select(a).where(a.c.id > after).order_by(a.c.id).limit(batch)).mappings().all()
            if not rows:
                return
            yield from (article_from_row(r) for r in rows)
            after = rows[-1]["id"]

    def toponyms(self, article_id: str) -> list[Toponym]:
        article_id = nul_free(article_id)
        t = schema.toponyms
        with self._read() as conn:
            rows = conn.execute(select(t).where(t.c.article_id == article_id).order_by(t.c.start)).mappings()
            return [
                Toponym(
                    start=r["start"], end=r["end"], text=r["text"], name=r["name"], geonameid=r["geonameid"],
                    lat=r["lat"], lon=r["lon"], country=r["country"], admin1=r["admin1"], feature=r["feature"],
                    score=r["score"],
                )
                for r in rows
            ]

    def event(self, event_id: str) -> Event | None:
        event_id = nul_free(event_id)
        with self._read() as conn:
            row = conn.execute(select(schema.events).where(schema.events.c.event_id == event_id)).mappings().first()
            if row is None:
                return None
            return self._events_with_details(conn, [row], evidence=True)[0]

    def events(
        self,
        query: EventQuery | None = None,
        *,
        limit: int | None = 1000,
        offset: int = 0,
        evidence: bool = True,
        **filters: Any,
    ) -> list[Event]:
        """Events matching the filters, newest first. ``filters`` are :class:`EventQuery` fields.

        ``evidence=False`` leaves out the evidence sentences (sources are always there): the map's
        list view needs counts, not sentences, and skips loading them.
        """
        query = query_from(query, filters)
        stmt = filtered(select(schema.events), query).order_by(
            schema.events.c.event_date.desc().nulls_last(), schema.events.c.event_id
        )
        stmt = stmt.offset(offset) if limit is None else stmt.limit(limit).offset(offset)
        with self._read() as conn:
            rows = conn.execute(stmt).mappings().all()
            return self._events_with_details(conn, rows, evidence=evidence)

    def events_near(self, queries: Sequence[EventQuery], limit: int) -> list[list[Event]]:
        """For each query, its events newest first as :meth:`events` gives them, but without sources or
        evidence, all on one connection: what merging an article's events needs to compare."""
        if not queries:
            return []
        order = (schema.events.c.event_date.desc().nulls_last(), schema.events.c.event_id)
        with self._read() as conn:
            rows = (conn.execute(filtered(select(schema.events), q).order_by(*order).limit(limit)).mappings() for q in queries)
            return [[event_from_row(r, (), ()) for r in found] for found in rows]

    def story_events(self, story_id: str, limit: int | None = 500) -> list[Event]:
        """Events that any article of a story reports, newest first.

        An event keeps the story id of its first report; a later story whose article merged into
        it is found through the event's sources, so that the story's copies can merge into it too.
        """
        e, s, a = schema.events, schema.event_sources, schema.articles
        # Through the indexed article columns: an event's own story is that of its first source.
        members = select(a.c.id).where(a.c.story_id == nul_free(story_id))
        reported = select(s.c.event_id).where(s.c.article_id.in_(members))
        stmt = select(e).where(e.c.event_id.in_(reported)).order_by(e.c.event_date.desc().nulls_last(), e.c.event_id)
        stmt = stmt if limit is None else stmt.limit(limit)
        with self._read() as conn:
            return self._events_with_details(conn, conn.execute(stmt).mappings().all(), evidence=True)

    def article_stories(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        """The story of each stored article (articles not stored are left out)."""
        ids = list(dict.fromkeys(article_ids))
        a = schema.articles
        found: dict[str, str | None] = {}
        with self._read() as conn:
            for chunk in _chunks(ids):
                for r in conn.execute(select(a.c.id, a.c.story_id).where(a.c.id.in_(chunk))):
                    found[r.id] = r.story_id
        return found

    def event_summaries(
        self, query: EventQuery | None = None, *, limit: int | None = 1000, offset: int = 0, **filters: Any
    ) -> list[dict[str, Any]]:
        """The map's hot path: matching events as plain rows of SUMMARY_COLUMNS, newest first.

        No sources, no evidence, dates as ISO text: building Event objects and parsing dates costs
        more than the query itself for a page of a thousand markers. ``n_sources`` is included.
        """
        e = schema.events
        columns = [cast(e.c.event_date, String).label("event_date") if c == "event_date" else e.c[c]
                   for c in SUMMARY_COLUMNS]
        stmt = filtered(select(*columns), query_from(query, filters)).order_by(
            e.c.event_date.desc().nulls_last(), e.c.event_id
        )
        stmt = stmt.offset(offset) if limit is None else stmt.limit(limit).offset(offset)
        with self._read() as conn:
            return [dict(zip(SUMMARY_COLUMNS, row)) for row in conn.execute(stmt)]

    def iter_events(self, query: EventQuery | None = None, batch: int = 1000, **filters: Any) -> Iterator[Event]:
        """Every matching event with its evidence, a batch at a time (for exports of any size)."""
        offset = 0
        while True:
            page = self.events(query, limit=batch, offset=offset, **filters)
            yield from page
            if len(page) < batch:
                return
            offset += batch

    def count_events(self, query: EventQuery | None = None, **filters: Any) -> int:
        stmt = filtered(select(func.count()).select_from(schema.events), query_from(query, filters))
        with self._read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def place_events(self, geonameid: int, limit: int | None = 1000) -> list[Event]:
        """Events at one place, oldest first: the place's history."""
        e = schema.events
        stmt = select(e).where(e.c.geonameid == geonameid).order_by(e.c.event_date.nulls_last(), e.c.event_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            return self._events_with_details(conn, conn.execute(stmt).mappings().all(), evidence=True)

    def event_types(self) -> list[tuple[str, str, int]]:
        """(event_type, sub_event_type, count) of what is stored, for the page's filters."""
        e = schema.events
        stmt = select(e.c.event_type, e.c.sub_event_type, func.count()).group_by(e.c.event_type, e.c.sub_event_type)
        with self._read() as conn:
            return [(a, b, int(n)) for a, b, n in conn.execute(stmt.order_by(e.c.event_type, e.c.sub_event_type))]

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        e = schema.events
        with self._read() as conn:
            first, last = conn.execute(select(func.min(e.c.event_date), func.max(e.c.event_date))).one()
        return first, last

    def _events_with_details(self, conn: Connection, rows: Sequence[Any], evidence: bool) -> list[Event]:
        ids = [r["event_id"] for r in rows]
        sources: dict[str, list[Source]] = defaultdict(list)
        found: dict[str, list[Evidence]] = defaultdict(list)
        s, ev = schema.event_sources, schema.event_evidence
        for chunk in _chunks(ids):
            stmt = select(s.c.event_id, s.c.article_id, s.c.url, s.c.source, s.c.published)
            for r in conn.execute(stmt.where(s.c.event_id.in_(chunk)).order_by(s.c.published.nulls_last(), s.c.article_id)):
                sources[r.event_id].append(Source(r.article_id, r.url, r.source, r.published))
            if evidence:
                stmt = select(ev).where(ev.c.event_id.in_(chunk)).order_by(ev.c.article_id, ev.c.start)
                for r in conn.execute(stmt):
                    found[r.event_id].append(Evidence(r.article_id, r.start, r.end, r.text))
        return [event_from_row(r, tuple(sources[r["event_id"]]), tuple(found[r["event_id"]])) for r in rows]

    # -- stories -------------------------------------------------------------------------------

    def story(self, story_id: str) -> Story | None:
        story_id = nul_free(story_id)
        a = schema.articles
        with self._read() as conn:
            rows = conn.execute(
                select(a.c.id, a.c.relation, a.c.similarity, a.c.published)
                .where(a.c.story_id == story_id)
                .order_by(a.c.published.nulls_last(), a.c.id)
            ).all()
        return story_from_rows(story_id, rows) if rows else None

    def stories(self, limit: int | None = None, offset: int = 0) -> list[Story]:
        a = schema.articles
        ids = select(a.c.story_id).where(a.c.story_id.is_not(None)).distinct().order_by(a.c.story_id).offset(offset)
        if limit is not None:
            ids = ids.limit(limit)
        with self._read() as conn:
            story_ids = list(conn.execute(ids).scalars())
            members: dict[str, list[Any]] = defaultdict(list)
            for chunk in _chunks(story_ids):
                stmt = select(a.c.story_id, a.c.id, a.c.relation, a.c.similarity, a.c.published)
                for r in conn.execute(stmt.where(a.c.story_id.in_(chunk)).order_by(a.c.published.nulls_last(), a.c.id)):
                    members[r.story_id].append(r)
        return [story_from_rows(sid, members[sid]) for sid in story_ids]

    def iter_stories(self, batch: int = 500) -> Iterator[Story]:
        offset = 0
        while True:
            page = self.stories(limit=batch, offset=offset)
            yield from page
            if len(page) < batch:
                return
            offset += batch

    def last_seq(self) -> int:
        """The storing order of the newest article (0 for none): what ``stored_since`` starts after."""
        with self._read() as conn:
            return int(conn.execute(select(func.coalesce(func.max(schema.articles.c.seq), 0))).scalar_one())

    def stored_since(self, seq: int) -> list[tuple[int, str, str | None, dt.date | None, bytes]]:
        """(seq, article_id, story_id, published, fingerprint) of the articles stored after ``seq``."""
        a = schema.articles
        with self._read() as conn:
            rows = conn.execute(
                select(a.c.seq, a.c.id, a.c.story_id, a.c.published, a.c.fingerprint)
                .where(a.c.seq > seq).order_by(a.c.seq)
            ).all()
        return [(r.seq, r.id, r.story_id, r.published, bytes(r.fingerprint or b"")) for r in rows]

    def fingerprints(self) -> Iterator[tuple[str, str | None, dt.date | None, bytes]]:
        """(article_id, story_id, published, fingerprint) of every stored article, for the story index."""
        a = schema.articles
        after = ""
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    select(a.c.id, a.c.story_id, a.c.published, a.c.fingerprint)
                    .where(a.c.id > after)
                    .order_by(a.c.id)
                    .limit(5000)
                ).all()
            if not rows:
                return
            for r in rows:
                yield r.id, r.story_id, r.published, bytes(r.fingerprint or b"")
            after = rows[-1].id

    def counts(self) -> dict[str, int]:
        a = schema.articles
        with self._read() as conn:
            return {
                "articles": conn.execute(select(func.count()).select_from(a)).scalar_one(),
                "stories": conn.execute(
                    select(func.count(a.c.story_id.distinct())).where(a.c.story_id.is_not(None))
                ).scalar_one(),
                "toponyms": conn.execute(select(func.count()).select_from(schema.toponyms)).scalar_one(),
                "events": conn.execute(select(func.count()).select_from(schema.events)).scalar_one(),
                "sources": conn.execute(select(func.count()).select_from(schema.event_sources)).scalar_one(),
                "evidence": conn.execute(select(func.count()).select_from(schema.event_evidence)).scalar_one(),
            }


# -- merging rules --------------------------------------------------------------------------------


def combined_confidence(reports: Sequence[tuple[str, str | None, float]]) -> float:
    """Noisy-OR over independent stories: copies of one story count once (their best confidence).

    ``reports`` are (article_id, story_id, confidence); an article without a story is its own story.
    """
    best: dict[str, float] = {}
    for article_id, story_id, confidence in reports:
        key = story_id or f"article:{article_id}"
        best[key] = max(best.get(key, 0.0), min(max(confidence, 0.0), 1.0))
    if not best:
        return 0.0
    doubt = math.prod(1.0 - c for c in best.values())
    return round(min(1.0 - doubt, max(_MAX_CONFIDENCE, max(best.values()))), 4)


def conservative_fatalities(reported: Sequence[int]) -> int:
    """ACLED codes the most conservative figure; a report that gives none (0) does not lower it."""
    positive = [n for n in reported if n > 0]
    return min(positive) if positive else 0


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _source_rows(ev: Event, article: Article) -> list[dict[str, Any]]:
    """The event's sources as rows, one per article (the article itself when none is named)."""
    sources = ev.sources or (Source(article.id, article.url, article.source, article.published),)
    return [
        no_nul({
            "event_id": ev.event_id,
            "article_id": s.article_id,
            "url": s.url,
            "source": s.source,
            "published": s.published,
            "story_id": article.story_id if s.article_id == article.id else None,
            "confidence": float(ev.confidence),
            "fatalities": int(ev.fatalities),
        })
        for s in {s.article_id: s for s in sources}.values()
    ]


def _evidence_rows(ev: Event) -> list[dict[str, Any]]:
    unique = list({(e.article_id, e.start, e.end): e for e in ev.evidence}.values())[:MAX_EVIDENCE]
    return [no_nul({"event_id": ev.event_id, "article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text})
            for e in unique]
