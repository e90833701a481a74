"""Documents change: identities, revisions, retired quotes, and quote ids never reused.

- documents.identity (unique): what makes a new file a revision of a stored document, its
  normalised URL (`url:https://example.com/a`) or its absolute source path (`path:/srv/a.txt`).
  Backfilled from the URL; documents without one get `name:<source_name>` (their full path was
  never stored), which the first ingest of that file name adopts. Where two stored documents
  share a URL (a corrected article stored twice before revisions existed), the later ones get
  `name:<source_name>#<id>` so the unique index holds.
- documents.sha256 is rehashed as ingestion now hashes: trailing whitespace ignored.
- documents.meta_sha256: the sidecar a document was stored with, so a changed sidecar updates it.
- document_revisions: one row per version (revision 1 backfilled for every document).
- retired_quotes: tombstones of quotes a revision dropped (410 Gone, not 404).
- topic_aliases.source: "document" or "manual", so deleting a document keeps topics users named.
- SQLite: quotes becomes AUTOINCREMENT. Without it SQLite hands out max(rowid) + 1, so deleting
  or retiring the newest quote would give its id, which people cite, to the next quote.
  PostgreSQL sequences never go back and need nothing.

The SQLite rebuild follows SQLite's own procedure for schema changes ALTER TABLE cannot make:
with foreign keys off (a DROP TABLE with them on would cascade into every quote's topic links,
matches and verifications), create the new table from the stored definition (keeping any
column, index or trigger an earlier migration added), copy, drop, rename, recreate indexes and
triggers, check the foreign keys, then turn them back on. `PRAGMA foreign_keys` is a no-op
inside a transaction, so that one step commits what came before it.

Revision ID: 0007
Revises: 0006
"""

import hashlib
import re
from collections.abc import Sequence
from urllib.parse import urlsplit, urlunsplit

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IDENTITY = 1000


def upgrade() -> None:
    # Plain ADD COLUMN and CREATE INDEX, never a batch rebuild: on SQLite a rebuild drops the
    # table, which with foreign keys on cascades into its quotes (and drops 0006's triggers).
    op.add_column("documents", sa.Column("identity", sa.String(length=IDENTITY), nullable=True))
    op.add_column("documents", sa.Column("meta_sha256", sa.String(length=64), nullable=True))
    _backfill_identities()
    _rehash_documents()
    op.create_index(op.f("ix_documents_identity"), "documents", ["identity"], unique=True)
    op.add_column(
        "topic_aliases",
        sa.Column("source", sa.String(length=20), server_default="document", nullable=False),
    )
    _create_revisions()
    _create_retired_quotes()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_autoincrement_quotes()


def _create_revisions() -> None:
    op.create_table(
        "document_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("kept", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Integer(), nullable=False),
        sa.Column("retired_ids", sa.JSON(), nullable=False),
        sa.Column("reattributed_ids", sa.JSON(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_revisions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_revisions")),
        sa.UniqueConstraint(
            "document_id", "number", name=op.f("uq_document_revisions_document_id_number")
        ),
    )
    op.execute(
        "INSERT INTO document_revisions (document_id, number, sha256, title, text, kept, added, "
        "retired, retired_ids, reattributed_ids, created_at) "
        "SELECT d.id, 1, d.sha256, d.title, NULL, 0, "
        "(SELECT count(*) FROM quotes q WHERE q.document_id = d.id), 0, '[]', '[]', d.created_at "
        "FROM documents d"
    )


def _create_retired_quotes() -> None:
    op.create_table(
        "retired_quotes",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column(
            "retired_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_retired_quotes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_retired_quotes_speaker_id_speakers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retired_quotes")),
    )
    op.create_index(
        op.f("ix_retired_quotes_document_id"), "retired_quotes", ["document_id"], unique=False
    )


def _normalise_url(url: str) -> str:
    """A frozen copy of `app.ingest.identity.normalise_url` (migrations must not change)."""
    parts = urlsplit(url.strip())
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, "")
    )


def _backfill_identities() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, url, source_name FROM documents ORDER BY id")).all()
    taken: set[str] = set()
    for document_id, url, source_name in rows:
        identity = f"url:{_normalise_url(url)}" if url else f"name:{source_name}"
        if identity in taken:
            identity = f"name:{source_name}#{document_id}"
        taken.add(identity)
        bind.execute(
            sa.text("UPDATE documents SET identity = :identity WHERE id = :id"),
            {"identity": identity[:IDENTITY], "id": document_id},
        )


def _content_sha256(text: str) -> str:
    """A frozen copy of `app.ingest.identity.content_sha256`: trailing whitespace ignored."""
    lines = [line.rstrip() for line in text.split("\n")]
    return hashlib.sha256("\n".join(lines).rstrip().encode("utf-8")).hexdigest()


def _rehash_documents() -> None:
    """Stored hashes become hashes of the text without trailing whitespace, so re-ingesting a
    stored file still finds it. Two stored documents that differ only there keep their old
    hashes after the first (the unique index holds; a later ingest makes one a revision)."""
    bind = op.get_bind()
    taken = set(bind.execute(sa.text("SELECT sha256 FROM documents")).scalars())
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, sha256, text FROM documents WHERE id > :last ORDER BY id LIMIT 200"),
            {"last": last},
        ).all()
        if not rows:
            return
        for document_id, old, text in rows:
            new = _content_sha256(text)
            if new != old and new not in taken:
                bind.execute(
                    sa.text("UPDATE documents SET sha256 = :new WHERE id = :id"),
                    {"new": new, "id": document_id},
                )
                taken.add(new)
        last = rows[-1][0]


_PRIMARY_KEY = re.compile(r",\s*CONSTRAINT\s+\S+\s+PRIMARY KEY\s*\(\s*id\s*\)", re.IGNORECASE)
_ID_COLUMN = re.compile(r"\bid INTEGER NOT NULL\b")


def _sqlite_autoincrement_quotes() -> None:
    bind = op.get_bind()
    table_sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'quotes'"
    ).scalar_one()
    if "AUTOINCREMENT" in table_sql.upper():
        return
    new_sql, keys = _PRIMARY_KEY.subn("", table_sql)
    new_sql, columns = _ID_COLUMN.subn("id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT", new_sql, 1)
    if keys != 1 or columns != 1:
        raise RuntimeError(f"unexpected definition of quotes, cannot add AUTOINCREMENT: {table_sql}")
    new_sql = re.sub(r"^CREATE TABLE \"?quotes\"?", "CREATE TABLE quotes_autoincrement", new_sql)
    dependents = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'quotes' "
        "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name"
    ).scalars().all()
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql("PRAGMA foreign_keys=OFF")
    bind.exec_driver_sql("BEGIN")
    bind.exec_driver_sql(new_sql)
    bind.exec_driver_sql("INSERT INTO quotes_autoincrement SELECT * FROM quotes")
    bind.exec_driver_sql("DROP TABLE quotes")
    # Legacy rename: triggers elsewhere that name `quotes` are left as written, not re-checked
    # against a schema that, for this one statement, has no table of that name.
    bind.exec_driver_sql("PRAGMA legacy_alter_table=ON")
    bind.exec_driver_sql("ALTER TABLE quotes_autoincrement RENAME TO quotes")
    bind.exec_driver_sql("PRAGMA legacy_alter_table=OFF")
    for statement in dependents:
        bind.exec_driver_sql(statement)
    problems = bind.exec_driver_sql("PRAGMA foreign_key_check").all()
    if problems:
        raise RuntimeError(f"foreign keys broken by the quotes rebuild: {problems[:5]}")
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql("PRAGMA foreign_keys=ON")
    bind.exec_driver_sql("BEGIN")


def downgrade() -> None:
    # quotes stays AUTOINCREMENT on SQLite: it changes nothing earlier revisions rely on.
    op.drop_index(op.f("ix_retired_quotes_document_id"), table_name="retired_quotes")
    op.drop_table("retired_quotes")
    op.drop_table("document_revisions")
    op.drop_column("topic_aliases", "source")
    op.drop_index(op.f("ix_documents_identity"), table_name="documents")
    op.drop_column("documents", "meta_sha256")
    op.drop_column("documents", "identity")
