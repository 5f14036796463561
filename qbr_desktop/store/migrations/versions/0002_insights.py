"""Import identities, customer tenure, departments, product catalogue, risks, import layouts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("external_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("customer_since", sa.Date(), nullable=True))
        batch.create_index("ix_account_external_id", ["external_id"], unique=True)
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("external_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("department", sa.String(200), nullable=False,
                                   server_default=""))
        batch.create_index("ix_contact_external_id", ["external_id"])
    op.create_table(
        "account_department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("uses_product", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_account_department_account_id_account"),
        sa.PrimaryKeyConstraint("id", name="pk_account_department"),
        sa.UniqueConstraint("account_id", "name", name="uq_account_department_account_id"),
        sa.CheckConstraint("headcount >= 0", name="ck_account_department_headcount_not_negative"),
    )
    op.create_table(
        "product_module",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("pricing", sa.String(20), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name="pk_product_module"),
        sa.UniqueConstraint("name_key", name="uq_product_module_name_key"),
        sa.CheckConstraint("price >= 0", name="ck_product_module_price_not_negative"),
    )
    op.create_table(
        "account_module",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_account_module_account_id_account"),
        sa.ForeignKeyConstraint(["module_id"], ["product_module.id"], ondelete="CASCADE",
                                name="fk_account_module_module_id_product_module"),
        sa.PrimaryKeyConstraint("account_id", "module_id", name="pk_account_module"),
    )
    op.create_table(
        "risk_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE",
                                name="fk_risk_item_account_id_account"),
        sa.PrimaryKeyConstraint("id", name="pk_risk_item"),
        sa.CheckConstraint("likelihood BETWEEN 1 AND 5", name="ck_risk_item_likelihood_range"),
        sa.CheckConstraint("impact BETWEEN 1 AND 5", name="ck_risk_item_impact_range"),
    )
    op.create_index("ix_risk_item_account_id", "risk_item", ["account_id"])
    op.create_table(
        "import_layout",
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name="pk_import_layout"),
    )


def downgrade() -> None:
    for table in ("import_layout", "risk_item", "account_module", "product_module",
                  "account_department"):
        op.drop_table(table)
    with op.batch_alter_table("contact") as batch:
        batch.drop_index("ix_contact_external_id")
        batch.drop_column("department")
        batch.drop_column("external_id")
    with op.batch_alter_table("account") as batch:
        batch.drop_index("ix_account_external_id")
        batch.drop_column("customer_since")
        batch.drop_column("external_id")
