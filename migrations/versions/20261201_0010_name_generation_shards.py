"""The name generation in sixteen rows on PostgreSQL, so writers of names no longer queue on one.

Migration 0006 made every change to speakers, topics or their aliases add one to a single
row, `name_generations('names')`, in the writing transaction. Every ingest writes aliases, so
on PostgreSQL every store held that row's lock until it committed, and stores of unrelated
documents ran one at a time (`ingest --jobs N`, two ingests at once). Now the trigger adds
one to the row of its connection's shard (`pg_backend_pid() % 16`; shard 0 is the old
'names' row), and the generation is the sum of the rows: it still changes exactly when a
reader can see changed names, and two writers wait for each other only when they share a
shard. SQLite has one writer at a time anyway: its triggers keep raising 'names'.

Revision ID: 0010
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARDS = 16
_SHARD = f"pg_backend_pid() % {SHARDS}"
_BUMP = (
    "UPDATE name_generations SET value = value + 1 WHERE name = "
    f"CASE WHEN {_SHARD} = 0 THEN 'names' ELSE 'names-' || ({_SHARD}) END"
)
_OLD_BUMP = "UPDATE name_generations SET value = value + 1 WHERE name = 'names'"


def upgrade() -> None:
    for shard in range(1, SHARDS):
        op.execute(f"INSERT INTO name_generations (name, value) VALUES ('names-{shard}', 0)")
    if op.get_bind().dialect.name == "postgresql":
        _bump_function(_BUMP)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _bump_function(_OLD_BUMP)
    # Keep the generation from going back: fold the shards into 'names'.
    op.execute(
        "UPDATE name_generations SET value = (SELECT sum(value) FROM name_generations "
        "WHERE name LIKE 'names%') WHERE name = 'names'"
    )
    op.execute("DELETE FROM name_generations WHERE name LIKE 'names-%'")


def _bump_function(bump: str) -> None:
    op.execute(
        "CREATE OR REPLACE FUNCTION bump_name_generation() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {bump}; RETURN NULL; END $$"
    )
