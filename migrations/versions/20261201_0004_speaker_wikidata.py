"""Speakers carry the Wikidata item a directory ties them to ("Q76").

Unique where set: SQLite and PostgreSQL both let any number of rows hold NULL under a
unique constraint, so speakers no directory knows are unaffected.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("speakers") as batch:
        batch.add_column(sa.Column("wikidata", sa.String(length=20), nullable=True))
        batch.create_unique_constraint("uq_speakers_wikidata", ["wikidata"])


def downgrade() -> None:
    with op.batch_alter_table("speakers") as batch:
        batch.drop_constraint("uq_speakers_wikidata", type_="unique")
        batch.drop_column("wikidata")
