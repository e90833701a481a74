"""`ontherecord topics ...`: extend and correct topic aliases in the database."""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli.speakers import run_in_transaction
from app.write import corrections

topics_app = typer.Typer(help="Topic aliases and merges.", no_args_is_help=True)
alias_app = typer.Typer(help="Add topic aliases.", no_args_is_help=True)
topics_app.add_typer(alias_app, name="alias")


@alias_app.command("add")
def alias_add(
    topic: Annotated[str, typer.Argument(help="Topic name (created if unknown).")],
    alias: Annotated[str, typer.Argument(help="Another name for it.")],
    kind: Annotated[str, typer.Option(help="Kind, for a new topic.")] = "theme",
) -> None:
    """Add an alias; later ingests find the topic under it too. Idempotent."""
    run_in_transaction(
        lambda s: f"{corrections.add_topic_alias_ref(s, topic, alias, kind).name}: added '{alias}'"
    )


@topics_app.command("merge")
def merge(
    source: Annotated[str, typer.Argument(help="Topic to fold in.")],
    target: Annotated[str, typer.Argument(help="Topic that remains.")],
) -> None:
    """Merge two topics: aliases and quote links move to the target."""
    run_in_transaction(
        lambda s: f"merged into {corrections.merge_topic_refs(s, source, target).name}"
    )
