"""Quote verification results: one row per direct or partial news quote.

Also an index on quotes (speaker_id, spoken_on): a news quote is checked against its
speaker's transcript turns within a few days, found through this index rather than by
scanning the speaker's turns.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "quote_verifications",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source_quote_id", sa.Integer(), nullable=True),
        sa.Column("source_document_id", sa.Integer(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("diff", sa.JSON(), nullable=False),
        sa.Column(
            "verified_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name=op.f("fk_quote_verifications_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_quote_id"],
            ["quotes.id"],
            name=op.f("fk_quote_verifications_source_quote_id_quotes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_document_id"],
            ["documents.id"],
            name=op.f("fk_quote_verifications_source_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("quote_id", name=op.f("pk_quote_verifications")),
    )
    op.create_index(
        "ix_quote_verifications_status_quote_id", "quote_verifications", ["status", "quote_id"]
    )
    op.create_index(
        op.f("ix_quote_verifications_source_quote_id"), "quote_verifications", ["source_quote_id"]
    )
    op.create_index(
        op.f("ix_quote_verifications_source_document_id"),
        "quote_verifications",
        ["source_document_id"],
    )
    op.create_index("ix_quotes_speaker_id_spoken_on", "quotes", ["speaker_id", "spoken_on"])


def downgrade() -> None:
    op.drop_index("ix_quotes_speaker_id_spoken_on", table_name="quotes")
    op.drop_index(op.f("ix_quote_verifications_source_document_id"), table_name="quote_verifications")
    op.drop_index(op.f("ix_quote_verifications_source_quote_id"), table_name="quote_verifications")
    op.drop_index("ix_quote_verifications_status_quote_id", table_name="quote_verifications")
    op.drop_table("quote_verifications")
