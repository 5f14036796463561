"""Decks handed to a reviewer, sent back with a reason, and saved only over what was seen.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-21

``deck_review.reviewer_id`` names the team member (a ``csm`` row) a deck ready for review is
handed to, so a CS manager on a team server sees the decks waiting for them; a member who
leaves the team leaves the deck handed to no one (SET NULL). The reviewer can send a deck
back: the state "changes" with ``changes_by``, ``changes_at`` and ``changes_reason``. "Back
to draft" now keeps the row (state "draft") so its version keeps rising. ``version`` on
``deck_review`` and ``review_outcome`` is SQLAlchemy's version counter, and ``updated_by``
/ ``updated_at`` say who set a deck's state last: a save over someone else's newer change
is refused naming them.

Batch mode: SQLite changes a check constraint and adds a foreign key by rebuilding the
table (neither table has a trigger to lose); PostgreSQL alters it in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

OLD_STATES = "state IN ('ready', 'approved')"
NEW_STATES = "state IN ('draft', 'ready', 'approved', 'changes')"


def upgrade() -> None:
    with op.batch_alter_table("deck_review") as batch:
        batch.add_column(sa.Column("reviewer_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("changes_by", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("changes_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("changes_reason", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("updated_by", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                   server_default="1"))
        batch.create_foreign_key("fk_deck_review_reviewer_id_csm", "csm", ["reviewer_id"],
                                 ["id"], ondelete="SET NULL")
        batch.create_index("ix_deck_review_reviewer_id", ["reviewer_id"])
        batch.drop_constraint("state_known", type_="check")
        batch.create_check_constraint("state_known", NEW_STATES)
    with op.batch_alter_table("review_outcome") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                   server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("review_outcome") as batch:
        batch.drop_column("version")
    op.execute("DELETE FROM deck_review WHERE state NOT IN ('ready', 'approved')")
    with op.batch_alter_table("deck_review") as batch:
        batch.drop_constraint("state_known", type_="check")
        batch.create_check_constraint("state_known", OLD_STATES)
        batch.drop_index("ix_deck_review_reviewer_id")
        batch.drop_constraint("fk_deck_review_reviewer_id_csm", type_="foreignkey")
        for column in ("version", "updated_at", "updated_by", "changes_reason", "changes_at",
                       "changes_by", "reviewer_id"):
            batch.drop_column(column)
