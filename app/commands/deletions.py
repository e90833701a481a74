"""`DELETE /documents/{id}`: `write.deletion` in one transaction with its audit row."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.orm import Session

from app.auth.store import KeyHolder
from app.commands.transaction import audited_write
from app.schemas import DocumentDeletion
from app.write.audit import snapshot_document
from app.write.deletion import delete_document


def delete(session: Session, holder: KeyHolder, document_id: int) -> DocumentDeletion:
    """Remove the document and what only it held; NotFound (404) for an unknown id."""
    with audited_write(session, holder) as audit:
        before = snapshot_document(session, document_id)
        summary = asdict(delete_document(session, document_id))
        audit.entry("document.delete", ("document", document_id), before, summary)
        return DocumentDeletion.model_validate(summary)
