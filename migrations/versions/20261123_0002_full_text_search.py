"""Full-text search on quote text: FTS5 on SQLite, a tsvector GIN index on PostgreSQL.

These objects live outside the models (env.py's include_object skips `quotes_fts*`), because
neither an FTS5 virtual table nor an expression index is something autogenerate can compare.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    # External-content FTS5 table: the text is stored once, in quotes; porter stems like
    # PostgreSQL's english configuration, so "negotiate" finds "negotiating" on both.
    "CREATE VIRTUAL TABLE quotes_fts USING fts5("
    "text, content='quotes', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS quotes_fts_update",
    "DROP TRIGGER IF EXISTS quotes_fts_delete",
    "DROP TRIGGER IF EXISTS quotes_fts_insert",
    "DROP TABLE IF EXISTS quotes_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_quotes_fts_text ON quotes USING gin (to_tsvector('english', text))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_quotes_fts_text"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_UP)
    else:
        _run(POSTGRES_UP)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_DOWN)
    else:
        _run(POSTGRES_DOWN)
