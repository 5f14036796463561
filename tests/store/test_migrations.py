"""Schema migrations: fresh files reach head, models match, failures change nothing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from store_helpers import NOW, integrity, query

from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.backup import integrity_problem, list_backups
from qbr_desktop.store.database import open_sqlite_store
from qbr_desktop.store.errors import MigrationFailedError
from qbr_desktop.store.migrate import (
    current_revision,
    head_revision,
    known_revisions,
    stored_revision_readonly,
)
from qbr_desktop.store.models import Base

TABLES = ("account", "contact", "review", "metric_snapshot", "setting", "alembic_version")


def snapshot(path: Path) -> dict[str, object]:
    """Everything a migration could change: the schema text and every row of every table."""
    return {
        "schema": query(path, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                              "ORDER BY type, name"),
        **{table: query(path, f"SELECT * FROM {table} ORDER BY 1") for table in TABLES},
    }


def columns(path: Path, table: str) -> list[str]:
    return [row[1] for row in query(path, f"PRAGMA table_info({table})")]


def schema_differences(engine: sa.Engine, metadata: sa.MetaData = Base.metadata) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, metadata)


def add_revision(migrations: Path, revision: str, body: str) -> None:
    """Write a revision on top of 0001 whose upgrade() runs `body`."""
    header = (
        f'"""Test revision {revision}."""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        f'revision = "{revision}"\n'
        'down_revision = "0001"\n'
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade():\n"
    )
    code = textwrap.indent(textwrap.dedent(body), "    ")
    footer = "\n\ndef downgrade():\n    pass\n"
    (migrations / "versions" / f"{revision}_test.py").write_text(header + code + footer,
                                                                 encoding="utf-8")


# Fresh databases --------------------------------------------------------------------------

def test_a_fresh_database_reaches_head(db_path: Path) -> None:
    store = open_sqlite_store(db_path, now=NOW)
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.backup_taken is None  # nothing existed to back up
        assert not any("Updated the database" in notice for notice in store.notices)
    finally:
        store.close()
    assert stored_revision_readonly(db_path) == head_revision()
    assert {"0001", head_revision()} <= known_revisions()
    assert list_backups(db_path, db_path.parent / "backups") == []


def test_models_agree_with_the_migrated_schema(db_path: Path) -> None:
    store = open_sqlite_store(db_path, now=NOW)
    try:
        assert schema_differences(store.engine) == []
    finally:
        store.close()


def test_the_model_comparison_would_notice_a_difference(db_path: Path) -> None:
    """Guards the test above against passing vacuously."""
    changed = sa.MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    sa.Table("forecast", changed, sa.Column("id", sa.Integer, primary_key=True))
    changed.tables["account"].append_column(sa.Column("segment", sa.String(20)))
    store = open_sqlite_store(db_path, now=NOW)
    try:
        kinds = {difference[0] for difference in schema_differences(store.engine, changed)}
    finally:
        store.close()
    assert {"add_table", "add_column"} <= kinds


def test_an_old_file_upgraded_to_head_matches_the_models(schema_0001_file: Path) -> None:
    store = open_sqlite_store(schema_0001_file, now=NOW)
    try:
        assert current_revision(store.engine) == head_revision()
        assert schema_differences(store.engine) == []
    finally:
        store.close()


# A migration that fails half-way ----------------------------------------------------------

HALF_DONE = """\
    op.create_table("forecast", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("amount", sa.BigInteger(), nullable=False))
    op.add_column("account", sa.Column("segment", sa.String(20), nullable=True))
    op.execute("UPDATE account SET segment = 'x', name = name || ' (migrated)'")
    op.execute("DELETE FROM metric_snapshot")
"""

FAILURES = {
    "python error": HALF_DONE + '    raise RuntimeError("migration 9999 broke half-way")\n',
    "sql error": HALF_DONE + '    op.execute("INSERT INTO no_such_table VALUES (1)")\n',
    "table rebuild then error": HALF_DONE + """\
    with op.batch_alter_table("account", recreate="always") as batch:
        batch.alter_column("csm_owner", type_=sa.String(300))
    raise RuntimeError("migration 9999 broke after rebuilding account")
""",
    "dangling foreign key": HALF_DONE + """\
    op.execute("INSERT INTO contact (account_id, name, title, email, phone, level, "
               "created_at, updated_at) VALUES (4242, 'Ghost', '', '', '', 'User', "
               "'2026-01-01 00:00:00', '2026-01-01 00:00:00')")
""",
}


@pytest.mark.parametrize("failure", list(FAILURES), ids=list(FAILURES))
def test_a_failed_migration_leaves_the_database_as_it_was(
    schema_0001_file: Path, migrations_0001: Path, failure: str
) -> None:
    add_revision(migrations_0001, "9999", FAILURES[failure])
    assert head_revision(migrations_0001) == "9999"
    before = snapshot(schema_0001_file)
    before_columns = columns(schema_0001_file, "account")

    with pytest.raises(MigrationFailedError) as caught:
        open_sqlite_store(schema_0001_file, now=NOW, script_location=migrations_0001)

    error = caught.value
    assert str(schema_0001_file) in str(error)
    assert "left as it was" in str(error)
    assert query(schema_0001_file,
                 "SELECT name FROM sqlite_master WHERE name = 'forecast'") == []
    assert columns(schema_0001_file, "account") == before_columns
    assert "segment" not in columns(schema_0001_file, "account")
    assert query(schema_0001_file, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert snapshot(schema_0001_file) == before
    assert integrity(schema_0001_file) == ["ok"]

    assert error.backup is not None
    assert error.backup.exists()
    assert str(error.backup) in str(error)
    assert integrity(error.backup) == ["ok"]
    assert integrity_problem(error.backup) is None
    assert "before-upgrade" in error.backup.name
    assert snapshot(error.backup) == before


def test_the_database_still_opens_with_the_real_migrations_after_a_failure(
    schema_0001_file: Path, migrations_0001: Path
) -> None:
    add_revision(migrations_0001, "9999", FAILURES["python error"])
    with pytest.raises(MigrationFailedError):
        open_sqlite_store(schema_0001_file, now=NOW, script_location=migrations_0001)
    store = open_sqlite_store(schema_0001_file, now=NOW)
    try:
        names = [a.name for a in AccountService(store.sessions).list_accounts()]
        assert names == ["Acme Corp", "京都セラミック株式会社"]
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()


def test_a_table_rebuild_migration_keeps_every_child_row(
    schema_0001_file: Path, migrations_0001: Path
) -> None:
    """Batch mode rebuilds `account` by dropping it; with foreign keys on, that drop would
    cascade-delete every contact, review and metric."""
    add_revision(migrations_0001, "0002", """\
        with op.batch_alter_table("account", recreate="always") as batch:
            batch.add_column(sa.Column("segment", sa.String(20), nullable=False,
                                       server_default=""))
        """)
    counts = {t: query(schema_0001_file, f"SELECT count(*) FROM {t}")[0][0]
              for t in ("account", "contact", "review", "metric_snapshot")}
    assert all(counts.values())
    store = open_sqlite_store(schema_0001_file, now=NOW, script_location=migrations_0001)
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            for table, count in counts.items():
                assert connection.exec_driver_sql(
                    f"SELECT count(*) FROM {table}").scalar() == count, table
            assert connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar() == "0002"
        assert store.backup_taken is not None
        assert store.backup_taken.reason == "before-upgrade"
        assert any("Updated the database" in notice for notice in store.notices)
    finally:
        store.close()
