"""Run the Alembic migrations from code: the CLI, the Docker entrypoint and the tests use this."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def alembic_config(database_url: str | None = None) -> Config:
    """The project's alembic.ini: from the working directory, else beside the package."""
    ini = Path("alembic.ini")
    if not ini.is_file():
        ini = PROJECT_ROOT / "alembic.ini"
    config = Config(str(ini))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")


def upgrade_connection(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database's schema stands against the migrations this code ships."""

    current: str | None  # None: never migrated (no alembic_version table, or it is empty)
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    def describe(self) -> str:
        if self.current is None:
            return "the database has no schema yet"
        if self.up_to_date:
            return f"the schema is at the latest revision ({self.head})"
        return f"the schema is at revision {self.current}; this version needs {self.head}"


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration this code ships (read once: the files do not change at run time)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def schema_status(connection: Connection) -> SchemaStatus:
    current = MigrationContext.configure(connection).get_current_revision()
    return SchemaStatus(current, head_revision())
