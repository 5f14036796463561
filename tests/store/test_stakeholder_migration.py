"""Migration 0006 (the stakeholder map) on a real file saved at revision 0005: existing
contacts get the map's defaults, and the new keys set NULL or cascade as declared."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from store_helpers import NOW, count_rows, integrity, query

from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import DecisionRole, OurSide
from qbr_desktop.services.stakeholders import StakeholderService
from qbr_desktop.store.database import Store, open_sqlite_store
from qbr_desktop.store.engine import create_store_engine, sqlite_url
from qbr_desktop.store.migrate import alembic_config, current_revision, head_revision
from qbr_desktop.store.models import Base

STAMP = "2026-01-05 10:00:00.000000"
# (id, name, title, email, level)
CONTACTS = [
    (1, "Ana Núñez", "CEO", "ana@acme.example", "C-suite"),
    (2, "Ben", "VP <Ops> & Finance", "", "VP"),
    (3, "山田 太郎", "", "taro@acme.example", "Director"),
    (4, "مريم", "Analyst", "", "User"),
]


def migrate_to(path: Path, revision: str) -> None:
    """Bring the file to `revision` the way the program migrates (keys off, one transaction)."""
    engine = create_store_engine(sqlite_url(str(path)))
    config = alembic_config()
    try:
        with engine.connect() as connection:
            driver: Any = connection.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")  # outside any transaction
            with connection.begin():
                config.attributes["connection"] = connection
                current = MigrationContext.configure(connection).get_current_revision()
                if current is not None and current > revision:
                    command.downgrade(config, revision)
                else:
                    command.upgrade(config, revision)
    finally:
        engine.dispose()


def execute(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            for sql, params in statements:
                connection.execute(sql, params)
    finally:
        connection.close()


@pytest.fixture
def file_0005(db_path: Path) -> Path:
    """A file at revision 0005 holding two accounts, four contacts and one review."""
    migrate_to(db_path, "0005")
    assert query(db_path, "SELECT version_num FROM alembic_version") == [("0005",)]
    account_sql = ("INSERT INTO account (id, name, name_key, industry, country, employee_band, "
                   "arr, currency, licensed_seats, csm_owner, notes, created_at, updated_at) "
                   "VALUES (?, ?, ?, '', '', '', ?, 'USD', 0, '', '', ?, ?)")
    contact_sql = ("INSERT INTO contact (id, account_id, name, title, email, phone, level, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)")
    execute(db_path,
            (account_sql, (1, "Acme", "acme", 60_000_000, STAMP, STAMP)),
            (account_sql, (2, "Other", "other", 100, STAMP, STAMP)),
            *((contact_sql, (cid, 1, name, title, email, level, STAMP, STAMP))
              for cid, name, title, email, level in CONTACTS),
            (contact_sql, (5, 2, "Olu", "", "", "User", STAMP, STAMP)),
            ("INSERT INTO review (id, account_id, scheduled_at, time_zone, format, kind, "
             "status, created_at, updated_at) VALUES (1, 1, '2027-01-19 12:00:00.000000', "
             "'UTC', 'video', 'QBR', 'planned', ?, ?)", (STAMP, STAMP)))
    return db_path


@pytest.fixture
def upgraded(file_0005: Path) -> Iterator[Store]:
    store = open_sqlite_store(file_0005, now=NOW)
    yield store
    store.close()


def test_the_fixture_file_is_at_0005_without_map_columns(file_0005: Path) -> None:
    columns = {row[1] for row in query(file_0005, "PRAGMA table_info(contact)")}
    assert "role" not in columns and "manager_id" not in columns
    tables = {row[0] for row in query(file_0005, "SELECT name FROM sqlite_master "
                                                 "WHERE type='table'")}
    assert not {"influence_link", "review_attendance"} & tables


def test_upgrade_gives_existing_contacts_the_map_defaults(file_0005: Path,
                                                          upgraded: Store) -> None:
    assert current_revision(upgraded.engine) == head_revision()
    assert upgraded.backup_taken is not None  # a pending upgrade is backed up first
    rows = query(file_0005, "SELECT id, name, title, email, role, influence, sentiment, "
                            "strength, owner, departed, pre_aligned, manager_id, map_x, "
                            "map_y, last_contact, owner_name, priorities, concerns, notes "
                            "FROM contact ORDER BY id")
    assert [row[:4] for row in rows[:4]] == [c[:4] for c in CONTACTS]
    for row in rows:
        assert row[4:] == ("user", 3, 0, 2, "CSM", 0, 0, None, None, None, None,
                           "", "", "", "")
    assert integrity(file_0005) == ["ok"]
    assert query(file_0005, "PRAGMA foreign_key_check") == []


def test_the_service_reads_migrated_contacts(upgraded: Store) -> None:
    stakeholders = StakeholderService(upgraded.sessions, clock=lambda: NOW)
    acme = stakeholders.map(1)
    assert [p.name for p in acme.people] == [c[1] for c in CONTACTS]
    ana = acme.person(1)
    assert (ana.level, ana.role, ana.influence, ana.sentiment, ana.strength, ana.owner,
            ana.departed, ana.pre_aligned, ana.manager_id, ana.x, ana.y) == (
        ContactLevel.C_SUITE, DecisionRole.USER, 3, 0, 2, OurSide.CSM, False, False, None,
        None, None)
    assert acme.links == () and acme.strategic is True
    assert stakeholders.map(2).strategic is False
    assert stakeholders.attendance(1) == []


def test_the_upgraded_schema_matches_the_models(upgraded: Store) -> None:
    with upgraded.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def _with_keys(store: Store, *statements: str) -> None:
    """Run statements on the store's engine, where foreign keys are on."""
    with store.engine.begin() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        for statement in statements:
            connection.exec_driver_sql(statement)


def test_deleting_a_manager_sets_their_reports_manager_to_null(file_0005: Path,
                                                               upgraded: Store) -> None:
    _with_keys(upgraded, "UPDATE contact SET manager_id = 1 WHERE id IN (2, 3)",
               "UPDATE contact SET manager_id = 3 WHERE id = 4")
    _with_keys(upgraded, "DELETE FROM contact WHERE id = 1")
    assert query(file_0005, "SELECT id, manager_id FROM contact WHERE account_id = 1 "
                            "ORDER BY id") == [(2, None), (3, None), (4, 3)]


def test_deleting_a_contact_cascades_its_links_and_attendance(file_0005: Path,
                                                              upgraded: Store) -> None:
    _with_keys(upgraded,
               "INSERT INTO influence_link (account_id, source_id, target_id, strength) "
               "VALUES (1, 1, 2, 3), (1, 3, 1, 1), (1, 2, 3, 2)",
               "INSERT INTO review_attendance (review_id, contact_id, invited, confirmed, "
               "attended) VALUES (1, 1, 1, 1, 1), (1, 2, 1, 0, 0)")
    _with_keys(upgraded, "DELETE FROM contact WHERE id = 1")
    assert query(file_0005, "SELECT source_id, target_id, strength FROM influence_link") == [
        (2, 3, 2)]
    assert query(file_0005, "SELECT review_id, contact_id FROM review_attendance") == [(1, 2)]


def test_deleting_a_review_or_an_account_cascades_to_the_new_tables(
        file_0005: Path, upgraded: Store) -> None:
    _with_keys(upgraded,
               "INSERT INTO influence_link (account_id, source_id, target_id, strength) "
               "VALUES (1, 1, 2, 3)",
               "INSERT INTO review_attendance (review_id, contact_id, invited, confirmed, "
               "attended) VALUES (1, 1, 1, 1, 1)")
    _with_keys(upgraded, "DELETE FROM review WHERE id = 1")
    assert count_rows(file_0005, "review_attendance") == 0
    assert count_rows(file_0005, "influence_link") == 1
    _with_keys(upgraded, "DELETE FROM account WHERE id = 1")
    assert count_rows(file_0005, "influence_link") == 0
    assert query(file_0005, "SELECT id FROM contact") == [(5,)]


@pytest.mark.parametrize("statement", [
    # a link to oneself
    "INSERT INTO influence_link (account_id, source_id, target_id, strength) "
    "VALUES (1, 1, 1, 2)",
    # the same pair twice
    "INSERT INTO influence_link (account_id, source_id, target_id, strength) "
    "VALUES (1, 1, 2, 2), (1, 1, 2, 3)",
    # a manager who does not exist
    "UPDATE contact SET manager_id = 99 WHERE id = 2",
    # attendance of a person who does not exist
    "INSERT INTO review_attendance (review_id, contact_id, invited, confirmed, attended) "
    "VALUES (1, 99, 1, 0, 0)",
])
def test_the_new_constraints_refuse_bad_rows(file_0005: Path, upgraded: Store,
                                             statement: str) -> None:
    with pytest.raises(sa.exc.IntegrityError):
        _with_keys(upgraded, statement)
    assert count_rows(file_0005, "influence_link") == 0
    assert count_rows(file_0005, "review_attendance") == 0
    assert query(file_0005, "SELECT count(*) FROM contact WHERE manager_id IS NOT NULL") == [
        (0,)]


def test_downgrading_to_0005_keeps_the_contacts(file_0005: Path) -> None:
    migrate_to(file_0005, "0006")
    execute(file_0005, ("UPDATE contact SET manager_id = 1, role = 'champion' WHERE id = 2",
                        ()))
    migrate_to(file_0005, "0005")
    assert query(file_0005, "SELECT version_num FROM alembic_version") == [("0005",)]
    assert query(file_0005, "SELECT id, name, title, email FROM contact WHERE account_id = 1 "
                            "ORDER BY id") == [c[:4] for c in CONTACTS]
    columns = {row[1] for row in query(file_0005, "PRAGMA table_info(contact)")}
    assert "role" not in columns and "manager_id" not in columns
