"""Accounts, contacts, reviews, metric history and settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("industry", sa.String(200), nullable=False),
        sa.Column("country", sa.String(200), nullable=False),
        sa.Column("employee_band", sa.String(40), nullable=False),
        sa.Column("arr", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("licensed_seats", sa.Integer(), nullable=False),
        sa.Column("renewal_date", sa.Date(), nullable=True),
        sa.Column("csm_owner", sa.String(200), nullable=False),
        sa.Column("tier_override", sa.String(40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name="pk_account"),
        sa.UniqueConstraint("name_key", name="uq_account_name_key"),
        sa.CheckConstraint("arr >= 0", name="ck_account_arr_not_negative"),
        sa.CheckConstraint("licensed_seats >= 0", name="ck_account_seats_not_negative"),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_contact_account_id_account"),
        sa.PrimaryKeyConstraint("id", name="pk_contact"),
    )
    op.create_index("ix_contact_account_id", "contact", ["account_id"])
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_review_account_id_account"),
        sa.PrimaryKeyConstraint("id", name="pk_review"),
    )
    op.create_index("ix_review_account_id", "review", ["account_id"])
    op.create_index("ix_review_scheduled_at", "review", ["scheduled_at"])
    op.create_table(
        "metric_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("metric_key", sa.String(64), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_metric_snapshot_account_id_account"),
        sa.PrimaryKeyConstraint("id", name="pk_metric_snapshot"),
        sa.UniqueConstraint("account_id", "period", "metric_key",
                            name="uq_metric_snapshot_account_id"),
    )
    op.create_index("ix_metric_snapshot_account_id", "metric_snapshot", ["account_id"])
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_setting"),
    )


def downgrade() -> None:
    for table in ("setting", "metric_snapshot", "review", "contact", "account"):
        op.drop_table(table)
