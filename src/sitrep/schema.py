"""The database schema, one definition for SQLite and PostgreSQL (SQLAlchemy Core).

    articles ──< toponyms
        │
        └──< event_sources >── events ──< event_evidence

An event is stored once (``event_id`` is a stable hash of what happened where and when); every
article that reports it adds a row to ``event_sources`` and its sentences to ``event_evidence``.
Uniqueness lives in primary keys, so concurrent writers cannot duplicate anything.
``events.n_sources``, ``events.confidence`` and ``events.search_text`` are kept up to date on
every merge so the API filters on plain indexed columns.

This module is the source of truth; ``sitrep/migrations`` (Alembic) turns it into databases.
A change here needs a new revision there (``migrations/env.py`` says how).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "sitrep_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("url", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("lang", String(16), nullable=False, default="en"),
    Column("story_id", String(255)),
    Column("relation", String(16), nullable=False, default="canonical"),
    Column("similarity", Float, nullable=False, default=1.0),
    Column("fingerprint", LargeBinary, nullable=False, default=b""),
    # Storing order, one number per article (Store.save): a writer files what other writers stored
    # since it last looked into its story index. NULL for articles stored before revision 0002.
    Column("seq", BigInteger),
    Index("ix_articles_story", "story_id"),
    Index("ix_articles_seq", "seq"),
    Index("ix_articles_published", "published"),
)

toponyms = Table(
    "toponyms",
    metadata,
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("geonameid", BigInteger),  # sitrep's own regions have negative 32-bit CRC ids
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8), nullable=False, default=""),
    Column("admin1", String(32), nullable=False, default=""),
    Column("feature", String(16), nullable=False, default="city"),
    Column("score", Float, nullable=False, default=0.0),
    Index("ix_toponyms_geonameid", "geonameid"),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(255), primary_key=True),
    Column("event_date", Date),
    Column("time_precision", Integer, nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(128), nullable=False),
    Column("actor1", Text, nullable=False, default=""),
    Column("actor2", Text, nullable=False, default=""),
    Column("country", String(8), nullable=False, default=""),
    Column("admin1", Text, nullable=False, default=""),
    Column("admin2", Text, nullable=False, default=""),
    Column("location", Text, nullable=False, default=""),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geonameid", BigInteger),  # sitrep's own regions have negative 32-bit CRC ids
    Column("geo_precision", Integer, nullable=False),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("notes", Text, nullable=False, default=""),
    Column("confidence", Float, nullable=False, default=0.5),
    Column("story_id", String(255)),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("search_text", Text, nullable=False, default=""),  # lower-cased, for the q filter
    # The map's query: a date window (optionally a bbox) newest first; the index on date leads.
    Index("ix_events_date_lat_lon", "event_date", "latitude", "longitude"),
    Index("ix_events_lat_lon", "latitude", "longitude"),
    Index("ix_events_type_date", "event_type", "event_date"),
    Index("ix_events_sub_type_date", "sub_event_type", "event_date"),
    Index("ix_events_geonameid_date", "geonameid", "event_date"),
)

event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", String(255), ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    # No foreign key to articles: a source may be an article this database has not stored
    # (events merged from another run's output).
    Column("article_id", String(255), primary_key=True),
    Column("url", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("published", Date),
    Column("story_id", String(255)),  # copies of one story are not independent sources
    Column("confidence", Float, nullable=False, default=0.5),  # as this article alone supports it
    Column("fatalities", Integer, nullable=False, default=0),  # as this article reports them
    Index("ix_event_sources_article", "article_id"),
)

event_evidence = Table(
    "event_evidence",
    metadata,
    Column("event_id", String(255), ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(255), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
)
