"""Opening sitrep's database: URLs, engines, SQLite's settings, migrations, dialect helpers.

SQLite runs in WAL mode, so the API keeps reading while an ingest writes; writers take the lock
up front (``BEGIN IMMEDIATE``) instead of failing on a lock upgrade half-way. PostgreSQL reads
run in autocommit (see ``Store._read``).
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy import event as sa_event

from . import schema
from .errors import StoreError

__all__ = ["insert_ignore", "make_engine", "migrate", "reason", "redact", "sqlalchemy_url", "writers_lock"]

_PG_WRITERS_LOCK = 0x5174_7266  # pg_advisory_lock key of writers_lock


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


def make_engine(url: str) -> Engine:
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


# The newest revision in migrations/versions (a test checks it against Alembic's own answer). An
# up-to-date database, the usual case, is recognised without importing Alembic and reading its
# scripts, which costs every `sitrep run` process about half a second of start-up.
HEAD_REVISION = "0002"


def _stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(conn: Connection) -> None:
    """Bring the database on ``conn`` to the newest schema revision; refuse a newer database."""
    if _stored_revision(conn) == HEAD_REVISION:
        return
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


@contextmanager
def writers_lock(engine: Engine) -> Iterator[None]:
    """A lock shared by every process writing this database (not by readers).

    PostgreSQL: a session advisory lock, on a connection of its own. SQLite: an flock on
    ``<database>.lock`` beside the file; SQLite's own write lock cannot be held across several
    connections' reads and the write transaction that follows them. An in-memory database is private
    to its process and needs none.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_WRITERS_LOCK})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_WRITERS_LOCK})
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def insert_ignore(conn: Connection, table: Any) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING in the connection's dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def reason(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "://" in url and "@" in url.split("://", 1)[1]:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
