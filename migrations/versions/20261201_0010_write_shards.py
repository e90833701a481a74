"""Facet counts and the name generation in shards on PostgreSQL, so stores run in parallel.

Migration 0009's count triggers locked the one `name_generations('names')` row before
touching `quote_facet_counts`, and 0006's name trigger raised that same row: every store of
quotes or aliases held it until COMMIT, so `ingest --jobs N` stored one document at a time
(0.72-0.86x of `--jobs 1`). Two writers of the shared `all` count rows, unlocked, could
deadlock (each trigger firing upserts its rows in key order, but one transaction fires many
times, so two stores can take two rows in opposite orders).

Now each PostgreSQL write transaction takes a shard of its own, 0 to 15, the first its
`pg_try_advisory_xact_lock(SHARD_LOCK, shard)` gets (`write_shard()`, remembered for the
transaction in a local setting), and writes only that shard's rows: the counts' key gains a
`shard` column, and the name generation has one row per shard ('names' is shard 0,
'names-1'...). Two transactions never hold the same shard, so they share no count or
generation row: nothing to wait for and no deadlock. A seventeenth concurrent writer waits
for a shard (the advisory lock; a deadlock there is PostgreSQL-detected and retried by
`db.retry`). Readers add the shards up: a count is the sum of its rows, the generation the
sum of its rows, which still rises by one per committed change, so an unchanged sum means
unchanged names. Shards are taken from 0 up, so a lone writer keeps using shard 0; `db.shards`
folds the other shards into 0 after an ingest, and a subject with no row outside shard 0
(the partial index `ix_quote_facet_counts_shards` says so in one probe) is read in count
order from `ix_quote_facet_counts_top`, as before (summing 30k events' rows took ~30 ms).

SQLite has one writer at a time: its triggers stay as 0009 made them, writing shard 0 (the
column's default); they are created again only because their ON CONFLICT names the key.

Revision ID: 0010
Revises: 0009
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARDS = 16
SHARD_LOCK = 1_030_010  # advisory lock class (two-int form: apart from db.locks' 64-bit keys)
TABLE = "quote_facet_counts"
OLD_KEY = ["subject", "subject_id", "facet", "bucket"]
SETTING = "ontherecord.write_shard"

WRITE_SHARD = f"""
CREATE FUNCTION write_shard() RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE s integer := NULLIF(current_setting('{SETTING}', true), '')::integer;
BEGIN
  IF s IS NOT NULL THEN RETURN s; END IF;
  FOR k IN 0..{SHARDS - 1} LOOP
    IF pg_try_advisory_xact_lock({SHARD_LOCK}, k) THEN s := k; EXIT; END IF;
  END LOOP;
  IF s IS NULL THEN
    s := pg_backend_pid() % {SHARDS};
    PERFORM pg_advisory_xact_lock({SHARD_LOCK}, s);
  END IF;
  PERFORM set_config('{SETTING}', s::text, true);
  RETURN s;
END $$
"""
SHARD_ROW = "CASE WHEN write_shard() = 0 THEN 'names' ELSE 'names-' || write_shard() END"
BUMP = f"UPDATE name_generations SET value = value + 1 WHERE name = {SHARD_ROW}"
OLD_BUMP = "UPDATE name_generations SET value = value + 1 WHERE name = 'names'"


def facet_counts_0009() -> ModuleType:
    """A fresh copy of migration 0009, whose SQL builders the triggers are made from."""
    path = Path(__file__).with_name("20261201_0009_facet_counts.py")
    spec = importlib.util.spec_from_file_location("facet_counts_0009_for_0010", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sharded(shard: str) -> ModuleType:
    """0009's trigger builders, writing into `shard` and taking no global lock."""
    m = facet_counts_0009()
    key = m.KEY

    def apply_change(before: tuple[str, str, str], after: tuple[str, str, str]) -> str:
        parts = f"{m.contributions(before, -1)} UNION ALL {m.contributions(after, 1)}"
        return (
            f"INSERT INTO {TABLE} ({key}, shard, n) SELECT {key}, {shard}, sum(n) "
            f"FROM ({parts}) change WHERE 1 = 1 GROUP BY {key} HAVING sum(n) <> 0 "
            f"ORDER BY {key} ON CONFLICT ({key}, shard) DO UPDATE SET n = {TABLE}.n + excluded.n"
        )

    m.apply_change = apply_change
    m.LOCK = "PERFORM write_shard()"  # take the transaction's shard before anything else
    return m


def drop_count_triggers(m: ModuleType) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, event in m.TRIGGERS:
        name = f"{table}_{event}_facets"
        if sqlite:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    if not sqlite:
        arrays = ", ".join(["integer[]"] * 5)
        op.execute(f"DROP FUNCTION IF EXISTS {m.LINKS_CHANGED}({arrays})")


def create_count_triggers(m: ModuleType) -> None:
    if op.get_bind().dialect.name == "sqlite":
        m.create_sqlite_triggers()
    else:
        m.create_postgres_triggers()


def bump_function(bump: str) -> None:
    op.execute(
        "CREATE OR REPLACE FUNCTION bump_name_generation() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {bump}; RETURN NULL; END $$"
    )


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    m = sharded("write_shard()" if postgres else "0")
    drop_count_triggers(m)
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column("shard", sa.Integer(), server_default="0", nullable=False))
        batch.drop_constraint("pk_quote_facet_counts", type_="primary")
        batch.create_primary_key("pk_quote_facet_counts", [*OLD_KEY, "shard"])
    op.create_index(
        "ix_quote_facet_counts_shards",
        TABLE,
        ["subject", "subject_id", "facet"],
        postgresql_where=sa.text("shard <> 0"),
        sqlite_where=sa.text("shard <> 0"),
    )
    for shard in range(1, SHARDS):
        op.execute(f"INSERT INTO name_generations (name, value) VALUES ('names-{shard}', 0)")
    if postgres:
        op.execute(WRITE_SHARD)
        bump_function(BUMP)
    create_count_triggers(m)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    m = facet_counts_0009()
    drop_count_triggers(m)
    op.execute(f"DELETE FROM {TABLE}")  # counted again below, in one shard
    op.drop_index("ix_quote_facet_counts_shards", table_name=TABLE)
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_constraint("pk_quote_facet_counts", type_="primary")
        batch.drop_column("shard")
        batch.create_primary_key("pk_quote_facet_counts", OLD_KEY)
    if postgres:
        bump_function(OLD_BUMP)
        op.execute("DROP FUNCTION IF EXISTS write_shard()")
    # The generation must not go back: fold the shards into 'names'.
    op.execute(
        "UPDATE name_generations SET value = (SELECT sum(value) FROM name_generations "
        "WHERE name LIKE 'names%') WHERE name = 'names'"
    )
    op.execute("DELETE FROM name_generations WHERE name LIKE 'names-%'")
    create_count_triggers(m)
    m.backfill(op.get_bind())
