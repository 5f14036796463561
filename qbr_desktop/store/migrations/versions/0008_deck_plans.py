"""The CSM's deck choices per account: variant, outline, roadmap, priorities,
recommendations, accent colour, template and logo, kept as one JSON document.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deck_plan",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_deck_plan_account_id_account"),
        sa.PrimaryKeyConstraint("account_id", name="pk_deck_plan"),
    )


def downgrade() -> None:
    op.drop_table("deck_plan")
