"""Calendar exports that calendars trust: each event's SEQUENCE and content fingerprint,
and a random id for the portfolio that makes its UIDs unique beside other portfolios'.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# services/settings.py's PORTFOLIO_ID_KEY; a migration keeps its own copy so that it
# runs the same whatever the application code says later.
PORTFOLIO_ID_KEY = "portfolio.id"


def upgrade() -> None:
    op.create_table(
        "calendar_event",
        sa.Column("uid", sa.String(255), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        # The naming convention adds the "ck_calendar_event_" prefix, as in the model.
        sa.CheckConstraint("sequence >= 0", name="sequence_not_negative"),
        sa.PrimaryKeyConstraint("uid", name="pk_calendar_event"),
    )
    # Created here rather than at the first export, so that a backup taken before that
    # export and restored later still carries the id its calendars know.
    setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
    bind = op.get_bind()
    if bind.execute(sa.select(setting.c.key).where(setting.c.key == PORTFOLIO_ID_KEY)
                    ).first() is None:
        op.bulk_insert(setting, [{"key": PORTFOLIO_ID_KEY,
                                  "value": json.dumps(str(uuid.uuid4()))}])


def downgrade() -> None:
    # The portfolio id stays: an upgrade after a downgrade must find the same one.
    op.drop_table("calendar_event")
