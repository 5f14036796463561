"""The stakeholder map: each contact's role, influence, sentiment and place on the canvas,
who reports to whom, influence links between people, and who attended which review.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = ("owner_name", "priorities", "concerns", "notes")


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("role", sa.String(30), nullable=False,
                                   server_default="user"))
        for name, default in (("influence", "3"), ("sentiment", "0"), ("strength", "2")):
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False,
                                       server_default=default))
        batch.add_column(sa.Column("last_contact", sa.Date(), nullable=True))
        batch.add_column(sa.Column("owner", sa.String(30), nullable=False,
                                   server_default="CSM"))
        for name in _TEXT_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        for name in ("departed", "pre_aligned"):
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
        batch.add_column(sa.Column("manager_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("map_x", sa.Float(), nullable=True))
        batch.add_column(sa.Column("map_y", sa.Float(), nullable=True))
        batch.create_foreign_key("fk_contact_manager_id_contact", "contact", ["manager_id"],
                                 ["id"], ondelete="SET NULL")
        batch.create_index("ix_contact_manager_id", ["manager_id"])
    op.create_table(
        "influence_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=False),
        sa.CheckConstraint("source_id <> target_id", name="ck_influence_link_not_self"),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_influence_link_account_id_account"),
        sa.ForeignKeyConstraint(["source_id"], ["contact.id"], ondelete="CASCADE",
                                name="fk_influence_link_source_id_contact"),
        sa.ForeignKeyConstraint(["target_id"], ["contact.id"], ondelete="CASCADE",
                                name="fk_influence_link_target_id_contact"),
        sa.PrimaryKeyConstraint("id", name="pk_influence_link"),
        sa.UniqueConstraint("source_id", "target_id", name="uq_influence_link_pair"),
    )
    op.create_index("ix_influence_link_account_id", "influence_link", ["account_id"])
    op.create_index("ix_influence_link_target_id", "influence_link", ["target_id"])
    op.create_table(
        "review_attendance",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE",
                                name="fk_review_attendance_review_id_review"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE",
                                name="fk_review_attendance_contact_id_contact"),
        sa.PrimaryKeyConstraint("review_id", "contact_id", name="pk_review_attendance"),
    )
    op.create_index("ix_review_attendance_contact_id", "review_attendance", ["contact_id"])


def downgrade() -> None:
    op.drop_index("ix_review_attendance_contact_id", table_name="review_attendance")
    op.drop_table("review_attendance")
    op.drop_index("ix_influence_link_target_id", table_name="influence_link")
    op.drop_index("ix_influence_link_account_id", table_name="influence_link")
    op.drop_table("influence_link")
    with op.batch_alter_table("contact") as batch:
        batch.drop_index("ix_contact_manager_id")
        batch.drop_constraint("fk_contact_manager_id_contact", type_="foreignkey")
        for name in ("map_y", "map_x", "manager_id", "pre_aligned", "departed",
                     *reversed(_TEXT_COLUMNS), "owner", "last_contact", "strength",
                     "sentiment", "influence", "role"):
            batch.drop_column(name)
