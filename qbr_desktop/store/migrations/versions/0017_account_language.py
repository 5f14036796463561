"""The language an account's customer files are written in.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

``account.language`` is a language code ("en", "zh_CN"): the deck, brief, handout, emails
and invite for the account are written in it. Every existing account keeps English.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


# Revision 0003's trigger on account, as it made it (SQLite only): a batch rebuild drops it.
ACCOUNT_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS forget_insight_after_account_change "
    "AFTER UPDATE OF arr, currency, licensed_seats ON account "
    "BEGIN DELETE FROM account_insight WHERE account_id = NEW.id; END")


def upgrade() -> None:
    # Adding a column with a default is a plain ALTER TABLE on SQLite and PostgreSQL alike:
    # no table rebuild, so revision 0003's trigger on account stays.
    op.add_column("account", sa.Column("language", sa.String(20), nullable=False,
                                       server_default="en"))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.drop_column("language")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(ACCOUNT_TRIGGER)
