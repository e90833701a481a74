"""The pipeline level of benchmarks/transcript_names.py: each passage ingested as `make run`
ingests it (fresh SQLite, migrations, the shipped directory), speakers read back in order."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.migrate import upgrade
from app.db.models import Document, Quote
from app.db.session import make_engine, make_session_factory
from app.ingest.pipeline import ingest_paths
from app.write.directory import SHIPPED_DIRECTORY, load_directory

_MAX_BYTES = 5_000_000


def pipeline_speakers(name: str, text: str) -> list[tuple[str, str | None]]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        factory = make_session_factory(engine)
        with factory() as session, session.begin():
            load_directory(session, SHIPPED_DIRECTORY)
        path = Path(folder) / "passage.txt"
        path.write_text(text, encoding="utf-8")
        ingest_paths(factory, [path], _MAX_BYTES)
        with factory() as session:
            found = _speakers(session)
        engine.dispose()
        return found


def _speakers(session: Session) -> list[tuple[str, str | None]]:
    doc = session.scalars(select(Document)).one()
    quotes = session.scalars(
        select(Quote)
        .where(Quote.document_id == doc.id)
        .options(joinedload(Quote.speaker))
        .order_by(Quote.position)
    )
    return [(q.kind, q.speaker.name if q.speaker else None) for q in quotes]
