"""`qbr check`, `qbr backup`, `qbr restore`, and what every command does with a bad file."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.store.migrate import head_revision

# check, backup and restore of a file; test_cli_server.py checks a server.
pytestmark = pytest.mark.sqlite_only

Runner = Callable[..., Any]


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got: {text!r}"
    assert "Traceback" not in text
    return lines[0]


def sqlite_count(path: Path, table: str = "account") -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def sqlite_integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def backups_of(database: Path) -> list[Path]:
    return sorted((database.parent / "backups").glob(f"{database.name}-*.sqlite"))


def corrupt(path: Path) -> bytes:
    junk = random.Random(1234).randbytes(path.stat().st_size)
    assert not junk.startswith(b"SQLite format 3")
    path.write_bytes(junk)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return junk


# --- check ---------------------------------------------------------------------------------

def test_check_reports_a_healthy_database(qbr: Runner, demo_db: Path) -> None:
    contacts = sqlite_count(demo_db, "contact")
    result = qbr("--db", demo_db, "check")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    head = head_revision()
    assert f"database:  {demo_db}" in lines
    assert "integrity: ok" in lines
    assert f"schema:    {head} (this program: {head})" in lines
    assert f"accounts:  30; contacts: {contacts:,}" in lines
    # Opening an existing file with no recent backup takes one, and check lists it.
    [backup] = backups_of(demo_db)
    assert "backups:   1" in lines
    assert any(str(backup) in line and "startup" in line for line in lines)
    assert any(line.startswith("size:") and "bytes" in line for line in lines)
    assert result.err == ""


def test_check_in_chinese_says_ok_and_why_a_backup_was_taken_in_chinese(
        qbr: Runner, demo_db: Path, monkeypatch: Any) -> None:
    from qbr_desktop import i18n

    assert qbr("--db", demo_db, "accounts", "list").code == 0  # takes the startup backup
    [backup] = backups_of(demo_db)
    assert backup.name.endswith("-startup.sqlite")  # the stored reason stays English
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    try:
        result = qbr("--db", demo_db, "check")
    finally:
        i18n.set_interface_language(i18n.ENGLISH)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "完整性：  正常" in lines
    [listed] = [line for line in lines if str(backup) in line]
    assert "  启动时  " in listed and "startup" not in listed.replace(str(backup), "")
    assert " ok" not in result.out


def test_check_on_a_new_file_creates_an_empty_migrated_database(qbr: Runner,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "new" / "fresh.sqlite"
    result = qbr("--db", path, "check")
    assert result.code == 0, result.err
    assert "integrity: ok" in result.out
    assert "accounts:  0; contacts: 0" in result.out
    assert "backups:   0" in result.out
    assert path.is_file()


# --- backup --------------------------------------------------------------------------------

def test_backup_writes_a_verified_standalone_copy(qbr: Runner, demo_db: Path,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "copy.sqlite"
    result = qbr("--db", demo_db, "backup", "--out", out)
    assert result.code == 0, result.err
    assert str(out) in result.out
    assert out.is_file()
    assert sqlite_integrity(out) == ["ok"]
    assert sqlite_count(out) == 30 == sqlite_count(demo_db)
    assert sqlite_count(out, "contact") == sqlite_count(demo_db, "contact")
    connection = sqlite3.connect(out)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        connection.close()
    # No temporary files left beside the backup.
    assert [p.name for p in out.parent.iterdir()] == ["copy.sqlite"]


def test_backup_replaces_an_existing_backup_file(qbr: Runner, demo_db: Path,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite"
    out.write_bytes(b"old contents")
    assert qbr("--db", demo_db, "backup", "--out", out).code == 0
    assert sqlite_count(out) == 30


@pytest.mark.parametrize("spelling", ["same", "dotted"])
def test_backup_onto_the_database_itself_is_refused(qbr: Runner, demo_db: Path,
                                                    spelling: str) -> None:
    target = demo_db if spelling == "same" else demo_db.parent / ".." / "demo" / demo_db.name
    result = qbr("--db", demo_db, "backup", "--out", target)
    assert result.code == 1
    assert "database itself" in one_line(result.err)
    assert sqlite_integrity(demo_db) == ["ok"]
    assert sqlite_count(demo_db) == 30


def test_backup_into_an_existing_folder_is_refused(qbr: Runner, demo_db: Path,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = qbr("--db", demo_db, "backup", "--out", folder)
    assert result.code == 1
    message = one_line(result.err)
    assert str(folder) in message
    assert "folder" in message
    assert list(folder.iterdir()) == []


def test_backup_needs_an_out_file(qbr: Runner, demo_db: Path) -> None:
    result = qbr("--db", demo_db, "backup")
    assert result.code == 2
    assert "--out" in result.err


# --- damaged file and restore --------------------------------------------------------------

def test_a_damaged_database_names_the_file_and_the_newest_backup(qbr: Runner,
                                                                 demo_db: Path) -> None:
    assert qbr("--db", demo_db, "accounts", "list").code == 0  # takes the startup backup
    [backup] = backups_of(demo_db)
    corrupt(demo_db)

    result = qbr("--db", demo_db, "accounts", "list")

    assert result.code == 1
    message = one_line(result.err)
    assert str(demo_db) in message
    assert "damaged" in message
    assert str(backup) in message
    assert result.out == ""


def test_a_damaged_database_without_backups_says_so(qbr: Runner, demo_db: Path) -> None:
    corrupt(demo_db)
    result = qbr("--db", demo_db, "check")
    assert result.code == 1
    message = one_line(result.err)
    assert str(demo_db) in message
    assert "No verified backup" in message


def test_restore_replaces_a_damaged_database_and_keeps_the_old_file(qbr: Runner,
                                                                    demo_db: Path) -> None:
    before = qbr("--db", demo_db, "accounts", "list", "--json").json()
    [backup] = backups_of(demo_db)
    junk = corrupt(demo_db)
    assert qbr("--db", demo_db, "accounts", "list").code == 1

    result = qbr("--db", demo_db, "restore", backup)

    assert result.code == 0, result.err
    kept = [p for p in demo_db.parent.glob(f"{demo_db.name}.damaged-*")
            if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    assert kept[0].read_bytes() == junk
    assert str(kept[0].name) in result.out
    assert sqlite_integrity(demo_db) == ["ok"]
    after = qbr("--db", demo_db, "accounts", "list", "--json")
    assert after.code == 0, after.err
    assert after.json() == before
    text = qbr("--db", demo_db, "accounts", "list")
    assert text.code == 0
    assert text.out.rstrip("\n").endswith("30 account(s)")


def test_restore_into_a_missing_database_keeps_nothing(qbr: Runner, demo_db: Path,
                                                       tmp_path: Path) -> None:
    backup = tmp_path / "b.sqlite"
    assert qbr("--db", demo_db, "backup", "--out", backup).code == 0
    target = tmp_path / "restored.sqlite"
    result = qbr("--db", target, "restore", backup)
    assert result.code == 0, result.err
    assert "kept" not in result.out
    assert sqlite_count(target) == 30


@pytest.mark.parametrize("kind", ["missing", "not-sqlite"])
def test_restore_from_an_unusable_backup_leaves_the_database_alone(
        qbr: Runner, demo_db: Path, tmp_path: Path, kind: str) -> None:
    backup = tmp_path / "bad-backup.sqlite"
    if kind == "not-sqlite":
        backup.write_bytes(b"this is not a database" * 100)
    original = demo_db.read_bytes()

    result = qbr("--db", demo_db, "restore", backup)

    assert result.code == 1
    assert str(backup) in one_line(result.err)
    assert demo_db.read_bytes() == original
    assert list(demo_db.parent.glob("*.damaged-*")) == []


def test_restore_from_the_database_itself_is_refused_and_leaves_it_in_place(
        qbr: Runner, demo_db: Path) -> None:
    result = qbr("--db", demo_db, "restore", demo_db)
    assert result.code == 1
    assert "database itself" in one_line(result.err)
    assert list(demo_db.parent.glob(f"{demo_db.name}.damaged-*")) == []
    listed = qbr("--db", demo_db, "accounts", "list", "--json")
    assert listed.code == 0
    assert len(listed.json()) == 30


# --- newer schema --------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ("accounts", "list"),
    ("accounts", "list", "--json"),
    ("accounts", "add", "Newcomer"),
    ("check",),
    ("backup", "--out", "{tmp}/copy.sqlite"),
    ("demo",),
])
def test_a_newer_schema_is_refused_and_left_unchanged(qbr: Runner, demo_db: Path,
                                                      tmp_path: Path,
                                                      argv: tuple[str, ...]) -> None:
    connection = sqlite3.connect(demo_db)
    try:
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    finally:
        connection.close()
    original = demo_db.read_bytes()
    backups_before = backups_of(demo_db)

    result = qbr("--db", demo_db, *(a.format(tmp=tmp_path) for a in argv))

    assert result.code == 1
    message = one_line(result.err)
    assert str(demo_db) in message
    assert "newer version" in message
    assert "ffff" in message
    assert demo_db.read_bytes() == original
    assert backups_of(demo_db) == backups_before
    assert not (tmp_path / "copy.sqlite").exists()
