"""Stored per-account insight results, kept honest by triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The portfolio view shows health, trend and expansion for every account. Computing those
for 10,000 accounts takes seconds, so each account's result is stored once computed. The
triggers below delete a stored result whenever something it was computed from changes,
whoever writes: the app, the importer, the CLI or a future feature. A missing row simply
means "compute again".

The triggers below are SQLite's. On PostgreSQL this revision creates the table only; the
same rules are installed as PL/pgSQL trigger functions by revision 0011, together with the
counter that refuses stale results there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Tables whose rows feed one account's result: any change forgets that account's result.
_PER_ACCOUNT_SOURCES = ("metric_snapshot", "account_module", "account_department")

# (trigger name, SQL) pairs. SQLite triggers fire per row; each does one primary-key delete.
TRIGGERS: tuple[tuple[str, str], ...] = (
    *(
        (f"forget_insight_after_{event.lower()}_{table}",
         f"CREATE TRIGGER forget_insight_after_{event.lower()}_{table} AFTER {event} ON {table} "
         f"BEGIN DELETE FROM account_insight WHERE account_id = {row}.account_id; END")
        for table in _PER_ACCOUNT_SOURCES
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD"))
    ),
    *(
        (f"forget_insight_after_update_{table}",
         f"CREATE TRIGGER forget_insight_after_update_{table} AFTER UPDATE ON {table} "
         "BEGIN DELETE FROM account_insight WHERE account_id IN "
         "(OLD.account_id, NEW.account_id); END")
        for table in _PER_ACCOUNT_SOURCES
    ),
    ("forget_insight_after_account_change",
     "CREATE TRIGGER forget_insight_after_account_change "
     "AFTER UPDATE OF arr, currency, licensed_seats ON account "
     "BEGIN DELETE FROM account_insight WHERE account_id = NEW.id; END"),
    # The catalogue and the health weights are portfolio-wide: every result goes.
    *(
        (f"forget_insights_after_{event.lower()}_product_module",
         f"CREATE TRIGGER forget_insights_after_{event.lower()}_product_module "
         f"AFTER {event} ON product_module BEGIN DELETE FROM account_insight; END")
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
    *(
        (f"forget_insights_after_{event.lower()}_weights",
         f"CREATE TRIGGER forget_insights_after_{event.lower()}_weights "
         f"AFTER {event} ON setting WHEN {row}.key = 'health.weights' "
         "BEGIN DELETE FROM account_insight; END")
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ),
)


def upgrade() -> None:
    op.create_table(
        "account_insight",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("formula_version", sa.Integer(), nullable=False),
        sa.Column("health", sa.Float(), nullable=True),
        sa.Column("band", sa.String(10), nullable=True),
        sa.Column("change", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("latest_quarter", sa.String(7), nullable=True),
        sa.Column("readiness", sa.String(20), nullable=False),
        sa.Column("expansion", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_account_insight_account_id_account"),
        sa.PrimaryKeyConstraint("account_id", name="pk_account_insight"),
    )
    if op.get_bind().dialect.name == "sqlite":
        for _name, sql in TRIGGERS:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _sql in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("account_insight")
