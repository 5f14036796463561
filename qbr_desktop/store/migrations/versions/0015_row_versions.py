"""A version and the last saver on every other row a CSM edits.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

Revision 0012 protected accounts and people; reviews, their preparation tasks, agendas and
their sections, action items, ROI models, risks, recaps and deck plans could still be
overwritten by a colleague's save in silence. Each gets SQLAlchemy's version counter and
``updated_by`` (who saved last, named by a refused save); an agenda section also gets
``updated_at`` (when its notes or timing last changed). Plain ADD COLUMNs, as in 0012: no
table is rebuilt on SQLite, so revision 0003's triggers stay, and the same statements run
on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLES = ("review", "prep_task", "agenda", "agenda_section", "action_item", "roi_model",
          "risk_item", "review_recap", "deck_plan")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))
        op.add_column(table, sa.Column("updated_by", sa.Text(), nullable=False,
                                       server_default=""))
    op.add_column("agenda_section", sa.Column("updated_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agenda_section") as batch:
        batch.drop_column("updated_at")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
            batch.drop_column("version")
