"""Who changed an account or a person last, and a version that every save raises.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

Two people editing one account (on a team server, or two windows on one file) used to
overwrite each other in silence. ``version`` is SQLAlchemy's version counter: an update
whose row changed since it was read fails instead of landing. ``updated_by`` names who
saved last, so a refused save can say whose newer change it would have replaced.
``field_change`` keeps, per edited field, who changed it last and when, so the sentence
names the colleague who changed that field (not merely whoever saved the row last).
Plain ADD COLUMNs: no table is rebuilt, so revision 0003's triggers on SQLite stay.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = ("account", "contact")


def upgrade() -> None:
    op.create_table(
        "field_change",
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", name="pk_field_change"),
    )
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))
        op.add_column(table, sa.Column("updated_by", sa.Text(), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
            batch.drop_column("version")
    op.drop_table("field_change")
