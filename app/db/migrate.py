"""Run the Alembic migrations from code: the CLI, the Docker entrypoint and the tests use this."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
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
