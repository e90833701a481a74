"""Query indexes for a million quotes; a stored tsvector on PostgreSQL.

Found with benchmarks/scale.py (see BENCHMARKS.md):

- quote_topics (topic_id, scope, quote_id) replaces (topic_id, quote_id): every topic filter
  also filters on scope, which the old index lacked, so each of a topic's links (100k for the
  most common topic) cost a table lookup. The new index answers from the index alone.
- quotes (id, speaker_id, kind, event_id, spoken_on): facets count matching quotes by
  speaker, kind, event and month; this narrow covering index saves reading each wide row
  (the text) for it.
- PostgreSQL: a page of `ORDER BY id LIMIT n` with a full-text filter walks the primary key
  and checks rows one by one; with the expression index each check recomputed
  to_tsvector(text) (~20 us a row, 40 ms a page for a common word). The vector is now a
  stored generated column with the GIN index on it, and a statistics target of 1000 so the
  planner knows a rare or absent word is rare (with the default it walked the whole table
  for a word no quote contains). Named quotes_fts_* so env.py's include_object skips it,
  like the other full-text objects; the models never read it.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSTGRES_UP = [
    "ALTER TABLE quotes ADD COLUMN quotes_fts_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED",
    "ALTER TABLE quotes ALTER COLUMN quotes_fts_vector SET STATISTICS 1000",
    "CREATE INDEX ix_quotes_fts_vector ON quotes USING gin (quotes_fts_vector)",
    "DROP INDEX IF EXISTS ix_quotes_fts_text",
]
POSTGRES_DOWN = [
    "CREATE INDEX ix_quotes_fts_text ON quotes USING gin (to_tsvector('english', text))",
    "DROP INDEX IF EXISTS ix_quotes_fts_vector",
    "ALTER TABLE quotes DROP COLUMN IF EXISTS quotes_fts_vector",
]
FACET_COLUMNS = ["id", "speaker_id", "kind", "event_id", "spoken_on"]


def upgrade() -> None:
    op.drop_index("ix_quote_topics_topic_id_quote_id", table_name="quote_topics")
    op.create_index(
        "ix_quote_topics_topic_id_scope_quote_id", "quote_topics", ["topic_id", "scope", "quote_id"]
    )
    op.create_index("ix_quotes_facets", "quotes", FACET_COLUMNS)
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DOWN:
            op.execute(statement)
    op.drop_index("ix_quotes_facets", table_name="quotes")
    op.drop_index("ix_quote_topics_topic_id_scope_quote_id", table_name="quote_topics")
    op.create_index("ix_quote_topics_topic_id_quote_id", "quote_topics", ["topic_id", "quote_id"])
