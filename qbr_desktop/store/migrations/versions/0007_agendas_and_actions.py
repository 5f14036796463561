"""Running the meeting: each review's agenda and its sections (with the notes taken live),
the meeting's recorded controls, and the action items that come out of it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(100), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE",
                                name="fk_agenda_review_id_review"),
        sa.PrimaryKeyConstraint("review_id", name="pk_agenda"),
    )
    op.create_table(
        "agenda_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(20), nullable=False),
        sa.Column("focus", sa.String(20), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["agenda.review_id"], ondelete="CASCADE",
                                name="fk_agenda_section_review_id_agenda"),
        sa.PrimaryKeyConstraint("id", name="pk_agenda_section"),
        sa.UniqueConstraint("review_id", "key", name="uq_agenda_section_key"),
    )
    op.create_index("ix_agenda_section_review_id", "agenda_section", ["review_id"])
    op.create_table(
        "meeting_run",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("boot_id", sa.String(80), nullable=False),
        sa.Column("events", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE",
                                name="fk_meeting_run_review_id_review"),
        sa.PrimaryKeyConstraint("review_id", name="pk_meeting_run"),
    )
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_action_item_account_id_account"),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="SET NULL",
                                name="fk_action_item_review_id_review"),
        sa.PrimaryKeyConstraint("id", name="pk_action_item"),
    )
    op.create_index("ix_action_item_account_id", "action_item", ["account_id"])
    op.create_index("ix_action_item_review_id", "action_item", ["review_id"])


def downgrade() -> None:
    for index, table in (("ix_action_item_review_id", "action_item"),
                         ("ix_action_item_account_id", "action_item")):
        op.drop_index(index, table_name=table)
    op.drop_table("action_item")
    op.drop_table("meeting_run")
    op.drop_index("ix_agenda_section_review_id", table_name="agenda_section")
    op.drop_table("agenda_section")
    op.drop_table("agenda")
