"""`ontherecord keys ...`: API keys for the write API. A key is printed once, at creation."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from app.auth.store import create_key, list_keys, revoke_key
from app.cli.speakers import run_in_transaction
from app.db.session import make_engine, make_session_factory, session_scope
from app.settings import get_settings

keys_app = typer.Typer(help="API keys: create, list, revoke.", no_args_is_help=True)
console = Console(stderr=True)


@keys_app.command("create")
def create(
    name: Annotated[str, typer.Option("--name", help="Who or what the key is for.")],
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Reads only (when READS_REQUIRE_KEY is set).")
    ] = False,
) -> None:
    """Make a key and print it once, on standard output; only a salted hash is stored."""
    shown: list[str] = []

    def make(session: Session) -> str:
        row, key = create_key(session, name, "read" if read_only else "write")
        shown.append(key)
        return f"created {row.scope} key {row.id} '{row.name}' ({row.prefix}…); it is shown once"

    run_in_transaction(make)
    typer.echo(shown[0])  # standard output, alone: `KEY=$(ontherecord keys create ...)`


@keys_app.command("list")
def list_() -> None:
    """Every key with its scope and dates; never the key itself."""
    factory = make_session_factory(make_engine(get_settings().database_url))
    table = Table("id", "name", "prefix", "scope", "created", "last used", "revoked")
    with session_scope(factory) as session:
        for row in list_keys(session):
            table.add_row(
                str(row.id),
                row.name,
                row.prefix,
                row.scope,
                _when(row.created_at),
                _when(row.last_used_at),
                _when(row.revoked_at),
            )
    Console().print(table)


@keys_app.command("revoke")
def revoke(key: Annotated[str, typer.Argument(help="The key's id or name.")]) -> None:
    """Revoke a key: it is refused from the next request on. Revoking twice changes nothing."""

    def revoke_one(session: Session) -> str:
        row = revoke_key(session, key)
        return f"revoked key {row.id} '{row.name}'"

    run_in_transaction(revoke_one)


def _when(value: object) -> str:
    return "" if value is None else str(value)[:19]
