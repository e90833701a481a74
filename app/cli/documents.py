"""`ontherecord documents ...`: remove a document and what only it gave the archive."""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli.speakers import run_in_transaction
from app.write.deletion import delete_document

documents_app = typer.Typer(help="Stored documents.", no_args_is_help=True)


@documents_app.command("delete")
def delete(
    document_id: Annotated[int, typer.Argument(help="The document's id (see GET /documents).")],
) -> None:
    """Delete a document, its quotes, and any event, speaker or topic left with nothing, in one
    transaction. Directory speakers and lexicon topics stay. Exit 1 for an unknown id."""
    run_in_transaction(lambda s: delete_document(s, document_id).describe())
