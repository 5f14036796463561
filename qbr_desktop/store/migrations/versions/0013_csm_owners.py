"""Who the team is: a csm table, and each account's owner as a reference to it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

``account.csm_owner`` was free text, so "Dana", "dana " and "Dana W." were three owners and
no account could be listed as "mine". Each distinct owner text (tidied, compared without
case) becomes one ``csm`` row, and ``account.owner_id`` points to it; the text stays as the
name shown, kept in step by the account service. ``csm.login`` is the database role a CSM
signs in with, for a server administrator who enables row-level security (README).
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _key(name: str) -> str:
    # domain.accounts.name_key, copied: a migration runs the same whatever the code says later.
    return unicodedata.normalize("NFKC", name).strip().casefold()


# Revision 0003's trigger on account, as it made it (SQLite only).
ACCOUNT_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS forget_insight_after_account_change "
    "AFTER UPDATE OF arr, currency, licensed_seats ON account "
    "BEGIN DELETE FROM account_insight WHERE account_id = NEW.id; END")


def upgrade() -> None:
    op.create_table(
        "csm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("email", sa.String(320), nullable=False, server_default=""),
        sa.Column("login", sa.String(63), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_csm"),
        sa.UniqueConstraint("name_key", name="uq_csm_name_key"),
    )
    op.create_index("ix_csm_login", "csm", ["login"], unique=True)
    bind = op.get_bind()
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_account_owner_id_csm", "csm", ["owner_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index("ix_account_owner_id", ["owner_id"])
    if bind.dialect.name == "sqlite":
        # SQLite adds a constraint by rebuilding the table, which drops its triggers.
        op.execute(ACCOUNT_TRIGGER)
    account = sa.table("account", sa.column("id", sa.Integer),
                       sa.column("csm_owner", sa.String), sa.column("owner_id", sa.Integer))
    csm = sa.table("csm", sa.column("id", sa.Integer), sa.column("name", sa.Text),
                   sa.column("name_key", sa.Text), sa.column("created_at", sa.DateTime))
    now = datetime.now(UTC).replace(tzinfo=None)
    ids: dict[str, int] = {}
    for account_id, owner in bind.execute(sa.select(account.c.id, account.c.csm_owner)):
        name = (owner or "").strip()
        if not name:
            continue
        key = _key(name)
        if key not in ids:
            bind.execute(sa.insert(csm).values(name=name, name_key=key, created_at=now))
            ids[key] = bind.execute(sa.select(csm.c.id).where(csm.c.name_key == key)).scalar_one()
        bind.execute(sa.update(account).where(account.c.id == account_id)
                     .values(owner_id=ids[key], csm_owner=name))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.drop_index("ix_account_owner_id")
        batch.drop_constraint("fk_account_owner_id_csm", type_="foreignkey")
        batch.drop_column("owner_id")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(ACCOUNT_TRIGGER)
    op.drop_index("ix_csm_login", table_name="csm")
    op.drop_table("csm")
