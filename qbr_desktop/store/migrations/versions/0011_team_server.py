"""A portfolio on a shared PostgreSQL server: stored insights kept honest there too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

- ``change_counter``: named counters that writers raise. ``insight_inputs`` rises with every
  change a stored insight depends on; a portfolio overview that computed results from an
  older state finds the counter locked or moved and does not store them (on SQLite the
  database's own snapshot check does the same). ``edits`` rises with every saved change, so
  an open window can notice a colleague's work by reading one row.
- On PostgreSQL, the rules that revision 0003 gives SQLite as triggers, as PL/pgSQL trigger
  functions: a change to an account's metrics, modules, departments, seats or ARR forgets
  that account's stored result, and a change to the catalogue or the health weights forgets
  every one. Statement-level triggers read the changed rows from transition tables, so a
  thousand metric rows inserted at once cost one delete, not a thousand.
- ``contact.title`` becomes TEXT: the stakeholder editor accepts 2,000 characters, which a
  server's VARCHAR(200) refused (SQLite never enforced the length).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COUNTERS = ("insight_inputs", "edits")
_PER_ACCOUNT_SOURCES = ("metric_snapshot", "account_module", "account_department")

# Each function raises the counter before it deletes: a portfolio overview storing results
# holds the counter's row in share mode, so a writer either waits for it to finish (and then
# deletes what it stored) or has raised the counter first (and the overview stores nothing).
_BUMP = "UPDATE change_counter SET value = value + 1 WHERE name = 'insight_inputs';"


def _forget_changed(rows: str, *tables: str) -> str:
    """The body that forgets the stored results of the accounts in transition tables."""
    ids = " UNION ".join(f"SELECT account_id FROM {table}" for table in tables)
    return f"""
        IF EXISTS (SELECT 1 FROM {rows}) THEN
            {_BUMP}
            DELETE FROM account_insight WHERE account_id IN ({ids});
        END IF;
        RETURN NULL;"""


FUNCTIONS: dict[str, str] = {
    "qbr_forget_insights_of_new_rows": _forget_changed("new_rows", "new_rows"),
    "qbr_forget_insights_of_old_rows": _forget_changed("old_rows", "old_rows"),
    "qbr_forget_insights_of_changed_rows": _forget_changed("new_rows", "old_rows",
                                                           "new_rows"),
    "qbr_forget_insight_of_account": f"""
        {_BUMP}
        DELETE FROM account_insight WHERE account_id = NEW.id;
        RETURN NULL;""",
    "qbr_forget_all_insights": f"""
        {_BUMP}
        DELETE FROM account_insight;
        RETURN NULL;""",
}

# (trigger name, table, CREATE TRIGGER text after "ON table")
TRIGGERS: tuple[tuple[str, str, str], ...] = (
    *(
        trigger
        for table in _PER_ACCOUNT_SOURCES
        for trigger in (
            (f"forget_insight_after_insert_{table}", table,
             "AFTER INSERT ON {t} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
             "EXECUTE FUNCTION qbr_forget_insights_of_new_rows()"),
            (f"forget_insight_after_delete_{table}", table,
             "AFTER DELETE ON {t} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
             "EXECUTE FUNCTION qbr_forget_insights_of_old_rows()"),
            (f"forget_insight_after_update_{table}", table,
             "AFTER UPDATE ON {t} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
             "FOR EACH STATEMENT EXECUTE FUNCTION qbr_forget_insights_of_changed_rows()"),
        )
    ),
    # PostgreSQL allows no transition table with a column list, so this one is per row.
    ("forget_insight_after_account_change", "account",
     "AFTER UPDATE OF arr, currency, licensed_seats ON {t} FOR EACH ROW "
     "WHEN (OLD.arr IS DISTINCT FROM NEW.arr OR OLD.currency IS DISTINCT FROM NEW.currency "
     "OR OLD.licensed_seats IS DISTINCT FROM NEW.licensed_seats) "
     "EXECUTE FUNCTION qbr_forget_insight_of_account()"),
    *(
        (f"forget_insights_after_{event.lower()}_product_module", "product_module",
         f"AFTER {event} ON {{t}} FOR EACH STATEMENT EXECUTE FUNCTION qbr_forget_all_insights()")
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
    *(
        (f"forget_insights_after_{event.lower()}_weights", "setting",
         f"AFTER {event} ON {{t}} FOR EACH ROW WHEN ({row}.key = 'health.weights') "
         "EXECUTE FUNCTION qbr_forget_all_insights()")
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ),
)


def upgrade() -> None:
    op.create_table(
        "change_counter",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_change_counter"),
    )
    counter = sa.table("change_counter", sa.column("name", sa.String),
                       sa.column("value", sa.BigInteger))
    op.bulk_insert(counter, [{"name": name, "value": 0} for name in COUNTERS])
    with op.batch_alter_table("contact") as batch:
        batch.alter_column("title", type_=sa.Text(), existing_type=sa.String(200),
                           existing_nullable=False)
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, body in FUNCTIONS.items():
        # SECURITY DEFINER: with row-level security enabled (README), a change by one CSM
        # must still forget the results stored for accounts only others can see.
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
                   "SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
                   f"BEGIN{body}\nEND;\n$$")
    for name, table, definition in TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {definition.format(t=table)}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table, _definition in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for name in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    with op.batch_alter_table("contact") as batch:
        batch.alter_column("title", type_=sa.String(200), existing_type=sa.Text(),
                           existing_nullable=False)
    op.drop_table("change_counter")
