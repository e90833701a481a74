"""Alembic environment: one set of migrations for SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic import context

from app.db import models  # noqa: F401  (registers the tables)
from app.db.base import Base
from app.db.session import make_engine
from app.settings import get_settings, normalise_database_url

config = context.config


def _database_url() -> str:
    """An engine handed over by the caller wins (tests); then `sqlalchemy.url`; then settings."""
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    return normalise_database_url(url) if url else get_settings().database_url


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Full-text search objects live outside the models (FTS5 tables, tsvector indexes)."""
    return not (name or "").startswith(("quotes_fts", "ix_quotes_fts"))


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_database_url())
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
