"""What the CSM writes for the customer after a review: a summary and the decisions taken,
sent in the follow-up email (the meeting's own notes stay on agenda_section).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_recap",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
        sa.Column("decisions", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE",
                                name="fk_review_recap_review_id_review"),
        sa.PrimaryKeyConstraint("review_id", name="pk_review_recap"),
    )


def downgrade() -> None:
    op.drop_table("review_recap")
