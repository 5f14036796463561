"""Preparation plans: each review's playbook and its dated, tracked tasks.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.add_column(sa.Column("playbook", sa.String(100), nullable=True))
        batch.add_column(sa.Column("duration_minutes", sa.Integer(), nullable=False,
                                   server_default="60"))
        # The customer's executives said they will attend: a process metric of the review.
        batch.add_column(sa.Column("executives_confirmed", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "prep_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        # The playbook task it came from; None for a task the CSM added.
        sa.Column("key", sa.String(100), nullable=True),
        sa.Column("phase", sa.String(40), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(40), nullable=False),
        sa.Column("outputs", sa.Text(), nullable=False),  # JSON list of strings
        sa.Column("feature", sa.String(40), nullable=True),
        # Working days from the meeting; None when the CSM pinned the date by hand.
        sa.Column("offset_days", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE",
                                name="fk_prep_task_review_id_review"),
        sa.PrimaryKeyConstraint("id", name="pk_prep_task"),
    )
    op.create_index("ix_prep_task_review_id", "prep_task", ["review_id"])


def downgrade() -> None:
    op.drop_index("ix_prep_task_review_id", table_name="prep_task")
    op.drop_table("prep_task")
    with op.batch_alter_table("review") as batch:
        batch.drop_column("executives_confirmed")
        batch.drop_column("duration_minutes")
        batch.drop_column("playbook")
