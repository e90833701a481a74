"""`ontherecord speakers ...`: load the directory and correct identities without SQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from app.db.session import make_engine, make_session_factory, session_scope
from app.errors import AppError
from app.settings import get_settings
from app.write import corrections
from app.write.directory import DirectoryError, load_directory

speakers_app = typer.Typer(help="Speaker directory and corrections.", no_args_is_help=True)
alias_app = typer.Typer(help="Add or remove a speaker's aliases.", no_args_is_help=True)
speakers_app.add_typer(alias_app, name="alias")
console = Console(stderr=True)


def run_in_transaction(action: Callable[[Session], str]) -> None:
    """One transaction per command; a domain error is printed and exits 1 with nothing changed."""
    factory = make_session_factory(make_engine(get_settings().database_url))
    try:
        with session_scope(factory) as session:
            message = action(session)
    except (AppError, DirectoryError) as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from exc
    console.print(message)


@speakers_app.command("load")
def load(file: Annotated[Path, typer.Argument(help="Directory JSON file.")]) -> None:
    """Load known people with aliases and dated roles; loading twice changes nothing."""
    run_in_transaction(lambda s: f"loaded {load_directory(s, file)} people from {file}")


@speakers_app.command("merge")
def merge(
    source: Annotated[str, typer.Argument(help="Speaker to fold in (id, slug or name).")],
    target: Annotated[str, typer.Argument(help="Speaker that remains.")],
) -> None:
    """Merge two speakers: quotes, aliases and roles move to the target."""
    run_in_transaction(
        lambda s: f"merged into {corrections.merge_speaker_refs(s, source, target).name}"
    )


@speakers_app.command("rename")
def rename(
    speaker: Annotated[str, typer.Argument(help="Speaker (id, slug or name).")],
    name: Annotated[str, typer.Argument(help="The new canonical name.")],
) -> None:
    """Give a speaker a new canonical name; the old one stays as an alias."""
    run_in_transaction(
        lambda s: f"renamed to {corrections.rename_speaker_ref(s, speaker, name).name}"
    )


@alias_app.command("add")
def alias_add(speaker: str, alias: str) -> None:
    """Add an alias to a speaker."""
    run_in_transaction(
        lambda s: f"{corrections.add_speaker_alias(s, speaker, alias).name}: added '{alias}'"
    )


@alias_app.command("remove")
def alias_remove(speaker: str, alias: str) -> None:
    """Remove an alias from a speaker."""
    run_in_transaction(
        lambda s: f"{corrections.remove_speaker_alias(s, speaker, alias).name}: removed '{alias}'"
    )
