"""A generation number for names, bumped by the database on every change to them.

The API keeps resolved names (speaker and topic references -> ids and names) in process and
must know when they go stale: `ontherecord speakers rename`, a merge, a new alias from
ingestion, or another process. Triggers on speakers, speaker_aliases, topics and
topic_aliases add one to `name_generations.value` in the writing transaction, so a reader
sees the new number exactly when it sees the new names, whoever wrote them. Reading it is
one primary-key lookup (counting 30k aliases, the earlier staleness check, took ~1 ms).

Writers of names serialise on that one row until they commit; ingestion runs one document
per transaction, so the wait is one document's store at most.

SQLite keeps triggers with their table: a later batch migration that recreates one of these
tables (move and copy) must create its triggers again. `tests/api/test_read_path.py` fails on
SQLite if a name change stops raising the generation.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME_TABLES = ("speakers", "speaker_aliases", "topics", "topic_aliases")
BUMP = "UPDATE name_generations SET value = value + 1 WHERE name = 'names'"


def upgrade() -> None:
    op.create_table(
        "name_generations",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_name_generations")),
    )
    op.execute("INSERT INTO name_generations (name, value) VALUES ('names', 1)")
    if op.get_bind().dialect.name == "sqlite":
        for table in NAME_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(
                    f"CREATE TRIGGER {table}_{event}_names AFTER {event.upper()} ON {table} "
                    f"BEGIN {BUMP}; END"
                )
        return
    op.execute(
        "CREATE FUNCTION bump_name_generation() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
    )
    for table in NAME_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_names AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_name_generation()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in NAME_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_names")
    else:
        for table in NAME_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_names ON {table}")
        op.execute("DROP FUNCTION IF EXISTS bump_name_generation()")
    op.drop_table("name_generations")
