"""Partial covering indexes for the Portfolio overview's two grouped reads.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

The overview reads each account's next planned review and its open risks and
opportunities. With an index holding just the planned reviews (account, time) and one
holding just the open risk items (account, kind), both reads scan a small index in
account order instead of the whole tables: at 50,000 accounts a quarter of the overview's
SQL. Partial indexes (``WHERE``) work on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

PLANNED = sa.text("status = 'planned'")
OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    op.create_index("ix_review_planned_account", "review", ["account_id", "scheduled_at"],
                    sqlite_where=PLANNED, postgresql_where=PLANNED)
    op.create_index("ix_risk_item_open_account", "risk_item", ["account_id", "kind"],
                    sqlite_where=OPEN, postgresql_where=OPEN)


def downgrade() -> None:
    op.drop_index("ix_risk_item_open_account", table_name="risk_item")
    op.drop_index("ix_review_planned_account", table_name="review")
