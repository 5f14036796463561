"""ROI and value models: one document per account and quarter, with its value story.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

A model is a versioned JSON document (its lines, investments and assumptions) validated
by qbr_desktop.domain on every read and write, so the calculator can grow new inputs
without a migration per field.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roi_model",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.String(7), nullable=False),  # "2026Q3"
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("story", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_roi_model_account_id_account"),
        sa.PrimaryKeyConstraint("account_id", "quarter", name="pk_roi_model"),
    )


def downgrade() -> None:
    op.drop_table("roi_model")
