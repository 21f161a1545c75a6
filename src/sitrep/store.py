"""Where processed articles and their events live: SQLite (default) or PostgreSQL, one code path.

Each article is saved in one transaction with its toponyms and events, so a run killed at any
moment leaves either the whole document or none of it. Uniqueness is the database's job (primary
keys and ``INSERT ... ON CONFLICT DO NOTHING``), so re-runs and concurrent writers store each
article and each event once. An event that is already stored (the same happening reported by
another article) is merged: its sources and evidence grow, its confidence rises with independent
stories, and its fatality count follows ACLED's most-conservative rule.

SQLite runs in WAL mode, so the API keeps reading while an ingest writes; writers take the lock
up front (``BEGIN IMMEDIATE``) instead of failing on a lock upgrade half-way.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, String, and_, cast, create_engine, func, inspect, or_, select, text
from sqlalchemy import event as sa_event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.sql import ColumnElement, Select

from . import schema
from .errors import StoreError
from .model import Article, Event, Evidence, Processed, Source, Story, StoryMember, Toponym

__all__ = ["EventQuery", "Store"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_PG_SCHEMA_LOCK = 0x5174_7265  # pg_advisory_xact_lock key: one process creates the schema at a time
_MAX_CONFIDENCE = 0.99  # many copies of a claim never make it certain
_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit
SUMMARY_COLUMNS = (  # what a marker and its tooltip need; the card asks for the rest by id
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "confidence", "n_sources",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The filters of an events query; every field optional. Validated by the caller (the API)."""

    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None  # substring of actor1 or actor2, any case
    min_sources: int = 0
    min_confidence: float = 0.0
    q: str | None = None  # words that must all appear in the event's text (fields and evidence)
    geonameid: int | None = None
    story_id: str | None = None
    article_id: str | None = None  # events that this article reports


def sqlalchemy_url(url: str) -> str:
    """A user's --db value as an SQLAlchemy URL: a path or sqlite:/// URL, or postgresql://."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("postgresql+"):
        return url
    if url.startswith("sqlite:"):
        return url
    if "://" in url:
        raise StoreError(f"unsupported database URL {url!r}: use a file path, sqlite:///PATH or postgresql://...")
    return f"sqlite:///{Path(url).expanduser().resolve()}"


def _sqlite_path(sa_url: str) -> Path | None:
    path = sa_url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(path) if sa_url.startswith("sqlite:///") and path and path != ":memory:" else None


def _make_engine(url: str) -> Engine:
    sa_url = sqlalchemy_url(url)
    if sa_url.startswith("sqlite"):
        path = _sqlite_path(sa_url)
        if path is not None and not path.parent.is_dir():
            raise StoreError(f"cannot open database {path}: folder {path.parent} does not exist")
        if path is not None and path.is_dir():
            raise StoreError(f"cannot open database {path}: it is a folder")
        engine = create_engine(sa_url, connect_args={"timeout": 60, "check_same_thread": False})
        _configure_sqlite(engine)
        return engine
    # No pre-ping: it costs a round trip per request. A connection the server dropped fails one
    # request (503) and SQLAlchemy then discards the stale pool.
    return create_engine(sa_url, pool_size=8, max_overflow=8, pool_recycle=1800)


def _configure_sqlite(engine: Engine) -> None:
    """WAL for concurrent readers; transactions begun by us so writers can BEGIN IMMEDIATE."""

    @sa_event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sitrep_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def migrate(conn: Connection) -> None:
    """Bring the database on ``conn`` to the newest schema revision; refuse a newer database."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["connection"] = conn
    scripts = ScriptDirectory.from_config(config)
    current = MigrationContext.configure(conn).get_current_revision()
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreError(f"the database has schema revision {current}, newer than this sitrep knows: upgrade sitrep")
    if current is None and inspect(conn).has_table(schema.articles.name):
        command.stamp(config, "0001")  # made by create_all before migrations existed: revision 0001's tables
    if current != scripts.get_current_head():
        command.upgrade(config, "head")


def _insert_ignore(conn: Connection, table: Any) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING in the connection's dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def _like_pattern(needle: str) -> str:
    escaped = _nul_free(needle).lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Store:
    """A sitrep database. Open with :meth:`Store.open`; share one instance per process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name  # "sqlite" or "postgresql"

    @classmethod
    def open(cls, url: str) -> "Store":
        """Open (and on first use create) the database at ``url``; StoreError when it cannot."""
        engine = _make_engine(url)
        store = cls(engine)
        try:
            store._ensure_schema()
        except (SQLAlchemyError, OSError) as exc:
            engine.dispose()
            raise StoreError(f"cannot open database {_redact(url)}: {_reason(exc)}") from exc
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
            raise StoreError(f"cannot read the database: {_reason(exc)}") from exc

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
            with self._write() as conn:
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
                }
                stmt = _insert_ignore(conn, schema.articles).values(_no_nul(row)).returning(schema.articles.c.id)
                if conn.execute(stmt).first() is None:
                    return False
                self._save_toponyms(conn, article.id, processed.toponyms)
                # A fixed order of row locks keeps concurrent writers from deadlocking.
                for ev in sorted(processed.events, key=lambda e: e.event_id):
                    self._merge_event(conn, ev, article)
        except DBAPIError as exc:
            raise StoreError(f"cannot store article {article.id!r}: {_reason(exc)}") from exc
        return True

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
            conn.execute(_insert_ignore(conn, schema.toponyms), [_no_nul(r) for r in rows.values()])

    def _merge_event(self, conn: Connection, ev: Event, article: Article) -> None:
        t = schema.events
        conn.execute(_insert_ignore(conn, t).values(_no_nul(_event_row(ev))))
        if self.backend == "postgresql":
            # Wait for a concurrent writer of the same event; our later statements then see its rows.
            conn.execute(select(t.c.event_id).where(t.c.event_id == ev.event_id).with_for_update())
        sources = ev.sources or (Source(article.id, article.url, article.source, article.published),)
        conn.execute(
            _insert_ignore(conn, schema.event_sources),
            [
                _no_nul({
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
            ],
        )
        if ev.evidence:
            conn.execute(
                _insert_ignore(conn, schema.event_evidence),
                [
                    _no_nul({"event_id": ev.event_id, "article_id": e.article_id, "start": e.start, "end": e.end,
                             "text": e.text})
                    for e in {(e.article_id, e.start, e.end): e for e in ev.evidence}.values()
                ],
            )
        self._refresh_event(conn, ev.event_id)

    def _refresh_event(self, conn: Connection, event_id: str) -> None:
        """Recompute what depends on all of an event's sources: count, confidence, fatalities, text."""
        s = schema.event_sources
        reports = conn.execute(
            select(s.c.article_id, s.c.story_id, s.c.confidence, s.c.fatalities).where(s.c.event_id == event_id)
        ).all()
        evidence = conn.execute(
            select(schema.event_evidence.c.text).where(schema.event_evidence.c.event_id == event_id)
        ).scalars()
        current = conn.execute(select(schema.events).where(schema.events.c.event_id == event_id)).mappings().one()
        conn.execute(
            schema.events.update()
            .where(schema.events.c.event_id == event_id)
            .values(
                n_sources=len(reports),
                confidence=combined_confidence([(r.article_id, r.story_id, r.confidence) for r in reports]),
                fatalities=conservative_fatalities([r.fatalities for r in reports]),
                search_text=_search_text(current, evidence),
            )
        )

    # -- reading -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        article_id = _nul_free(article_id)
        with self._read() as conn:
            found = conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == article_id)).first()
        return found is not None

    def article(self, article_id: str) -> Article | None:
        article_id = _nul_free(article_id)
        with self._read() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
        return _article(row) if row is not None else None

    def article_meta(self, article_id: str) -> dict[str, Any] | None:
        """How the article sits in its story: relation and similarity (not part of Article)."""
        article_id = _nul_free(article_id)
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
            return [_article(r) for r in conn.execute(stmt).mappings()]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every article, in id order, a batch at a time (for exports of any size)."""
        a = schema.articles
        after = ""
        while True:
            with self._read() as conn:
                rows = conn.execute(select(a).where(a.c.id > after).order_by(a.c.id).limit(batch)).mappings().all()
            if not rows:
                return
            yield from (_article(r) for r in rows)
            after = rows[-1]["id"]

    def toponyms(self, article_id: str) -> list[Toponym]:
        article_id = _nul_free(article_id)
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
        event_id = _nul_free(event_id)
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
        query = _query(query, filters)
        stmt = _filtered(select(schema.events), query).order_by(
            schema.events.c.event_date.desc().nulls_last(), schema.events.c.event_id
        )
        stmt = stmt.offset(offset) if limit is None else stmt.limit(limit).offset(offset)
        with self._read() as conn:
            rows = conn.execute(stmt).mappings().all()
            return self._events_with_details(conn, rows, evidence=evidence)

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
        stmt = _filtered(select(*columns), _query(query, filters)).order_by(
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
        stmt = _filtered(select(func.count()).select_from(schema.events), _query(query, filters))
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
        return [_event(r, tuple(sources[r["event_id"]]), tuple(found[r["event_id"]])) for r in rows]

    # -- stories -------------------------------------------------------------------------------

    def story(self, story_id: str) -> Story | None:
        story_id = _nul_free(story_id)
        a = schema.articles
        with self._read() as conn:
            rows = conn.execute(
                select(a.c.id, a.c.relation, a.c.similarity, a.c.published)
                .where(a.c.story_id == story_id)
                .order_by(a.c.published.nulls_last(), a.c.id)
            ).all()
        return _story(story_id, rows) if rows else None

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
        return [_story(sid, members[sid]) for sid in story_ids]

    def iter_stories(self, batch: int = 500) -> Iterator[Story]:
        offset = 0
        while True:
            page = self.stories(limit=batch, offset=offset)
            yield from page
            if len(page) < batch:
                return
            offset += batch

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


# -- rows to model ------------------------------------------------------------------------------------


def _event_row(ev: Event) -> dict[str, Any]:
    return {
        "event_id": ev.event_id,
        "event_date": ev.event_date,
        "time_precision": ev.time_precision,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1,
        "actor2": ev.actor2,
        "country": ev.country,
        "admin1": ev.admin1,
        "admin2": ev.admin2,
        "location": ev.location,
        "latitude": ev.latitude,
        "longitude": ev.longitude,
        "geonameid": ev.geonameid,
        "geo_precision": ev.geo_precision,
        "fatalities": ev.fatalities,
        "notes": ev.notes,
        "confidence": float(ev.confidence),
        "story_id": ev.story_id,
        "n_sources": 0,
        "search_text": "",
    }


def _nul_free(value: str) -> str:
    return value.replace("\x00", "\ufffd")


def _no_nul(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL; U+FFFD takes its place on both backends (offsets unchanged)."""
    return {k: _nul_free(v) if isinstance(v, str) else v for k, v in row.items()}


def _search_text(row: Any, evidence: Iterator[str]) -> str:
    fields = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "admin2", "notes")
    return " ".join([*(str(row[f] or "") for f in fields), *evidence]).lower()


def _event(row: Any, sources: tuple[Source, ...], evidence: tuple[Evidence, ...]) -> Event:
    return Event(
        event_id=row["event_id"],
        event_date=row["event_date"],
        time_precision=row["time_precision"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=row["actor1"],
        actor2=row["actor2"],
        country=row["country"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        location=row["location"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geonameid=row["geonameid"],
        geo_precision=row["geo_precision"],
        fatalities=row["fatalities"],
        notes=row["notes"],
        sources=sources,
        evidence=evidence,
        confidence=row["confidence"],
        story_id=row["story_id"],
    )


def _article(row: Any) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=row["published"],
        lang=row["lang"],
        story_id=row["story_id"],
    )


def _story(story_id: str, rows: Sequence[Any]) -> Story:
    members = tuple(StoryMember(r.id, r.relation, r.similarity) for r in rows)
    canonical = next((m.article_id for m in members if m.relation == "canonical"), members[0].article_id)
    return Story(story_id=story_id, canonical=canonical, members=members)


# -- queries ------------------------------------------------------------------------------------------


def _query(query: EventQuery | None, filters: dict[str, Any]) -> EventQuery:
    base = query or EventQuery()
    if not filters:
        return base
    values = {k: v for k, v in filters.items() if v is not None}
    for key in ("event_type", "sub_event_type"):
        if isinstance(values.get(key), str):
            values[key] = (values[key],)
    try:
        return replace(base, **values)
    except TypeError as exc:
        raise TypeError(f"unknown event filter: {exc}") from exc


def _filtered(stmt: Select[Any], q: EventQuery) -> Select[Any]:
    e = schema.events
    clauses: list[ColumnElement[bool]] = []
    if q.bbox is not None:
        west, south, east, north = q.bbox
        clauses.append(e.c.latitude.between(south, north))
        if west <= east:
            clauses.append(e.c.longitude.between(west, east))
        else:  # the box crosses the antimeridian
            clauses.append(or_(e.c.longitude >= west, e.c.longitude <= east))
    if q.since is not None:
        clauses.append(e.c.event_date >= q.since)
    if q.until is not None:
        clauses.append(e.c.event_date <= q.until)
    if q.event_type:
        clauses.append(e.c.event_type.in_([_nul_free(t) for t in q.event_type]))
    if q.sub_event_type:
        clauses.append(e.c.sub_event_type.in_([_nul_free(t) for t in q.sub_event_type]))
    if q.actor:
        pattern = _like_pattern(q.actor)
        clauses.append(
            or_(func.lower(e.c.actor1).like(pattern, escape="\\"), func.lower(e.c.actor2).like(pattern, escape="\\"))
        )
    if q.min_sources > 1:
        clauses.append(e.c.n_sources >= q.min_sources)
    if q.min_confidence > 0:
        clauses.append(e.c.confidence >= q.min_confidence)
    if q.q:
        clauses.extend(e.c.search_text.like(_like_pattern(word), escape="\\") for word in q.q.split())
    if q.geonameid is not None:
        clauses.append(e.c.geonameid == q.geonameid)
    if q.story_id is not None:
        clauses.append(e.c.story_id == _nul_free(q.story_id))
    if q.article_id is not None:
        s = schema.event_sources
        clauses.append(e.c.event_id.in_(select(s.c.event_id).where(s.c.article_id == _nul_free(q.article_id))))
    return stmt.where(and_(*clauses)) if clauses else stmt


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _reason(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "://" in url and "@" in url.split("://", 1)[1]:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
