"""The QBR programme: what the CSM records after a held review (review_outcome), and a
deck's way to the CS manager, ready for review then approved (deck_review).

Plain tables, checks and foreign keys only: the same statements run on SQLite and on
PostgreSQL.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The naming convention prefixes "ck_<table>_" to each check's name, as in the models.
    op.create_table(
        "review_outcome",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("preparation", sa.String(10), nullable=True),
        sa.Column("engagement", sa.String(10), nullable=True),
        sa.Column("follow_up", sa.String(10), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("survey_score", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.Text(), nullable=False, server_default=""),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("survey_score BETWEEN 0 AND 10", name="survey_range"),
        sa.CheckConstraint("preparation IN ('green', 'yellow', 'red')",
                           name="preparation_signal"),
        sa.CheckConstraint("engagement IN ('green', 'yellow', 'red')",
                           name="engagement_signal"),
        sa.CheckConstraint("follow_up IN ('green', 'yellow', 'red')",
                           name="follow_up_signal"),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE",
                                name="fk_review_outcome_review_id_review"),
        sa.PrimaryKeyConstraint("review_id", name="pk_review_outcome"),
    )
    op.create_table(
        "deck_review",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("ready_by", sa.Text(), nullable=False, server_default=""),
        sa.Column("ready_at", sa.DateTime(), nullable=True),
        sa.Column("approved_by", sa.Text(), nullable=False, server_default=""),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("state IN ('ready', 'approved')", name="state_known"),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_deck_review_account_id_account"),
        sa.PrimaryKeyConstraint("account_id", name="pk_deck_review"),
    )


def downgrade() -> None:
    op.drop_table("deck_review")
    op.drop_table("review_outcome")
