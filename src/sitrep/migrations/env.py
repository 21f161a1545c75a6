"""Alembic environment: runs on the connection ``Store.open`` hands over (it holds the lock).

New revision after changing ``sitrep/schema.py`` (from the repository root):

    .venv/bin/python -m alembic -c src/sitrep/migrations/alembic.ini revision --autogenerate -m "why"

(against an up-to-date scratch SQLite database named in alembic.ini), then review the file.
"""

from __future__ import annotations

from alembic import context

from sitrep import schema

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # the alembic command line: connect to the URL in alembic.ini
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///migrations-scratch.db")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=schema.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=schema.metadata, render_as_batch=True,
                      transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()
