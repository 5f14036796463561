"""The rejects file: written before the import is committed, so a rejects file that cannot be
written means nothing was imported, and the message says which file and why in plain words."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from tests_support import missing

from qbr_desktop.cli import main
from qbr_desktop.imports.errors import ImportFailed
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.importing import ImportService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"
FORMULAS = SAMPLES / "accounts_formulas.csv"  # two of its rows are rejected


def qbr(*argv: str | Path) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def account_count(db: Path) -> int:
    context = AppContext.open(DatabaseTarget(path=db))
    try:
        with session_scope(context.store.sessions) as session:
            return session.scalar(select(func.count()).select_from(AccountRow)) or 0
    finally:
        context.close()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@contextmanager
def _unwritable(folder: Path) -> Iterator[str]:
    """`folder` made unwritable for whoever runs the test, and the reason `qbr` gives: a
    read-only mount as root (root writes through file modes), the mode otherwise."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield "permission denied"
        finally:
            folder.chmod(0o700)
        return
    mount = shutil.which("mount") or missing("mount is not installed")
    mounted = subprocess.run([mount, "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        missing(f"cannot mount a read-only tmpfs here: {mounted.stderr.strip()}")
    try:
        yield "the disk is read-only"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_rejects_in_a_folder_that_cannot_be_written_saves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "portfolio.sqlite"
    locked = tmp_path / "locked"
    locked.mkdir()
    with _unwritable(locked) as reason:
        code, out, err = qbr("--db", db, "import", "accounts", FORMULAS, "--apply",
                             "--rejects", locked / "rejects.csv")
        assert list(locked.iterdir()) == []
    assert code == 1 and out == ""
    assert err == (f"qbr: The rejected rows could not be written to {locked / 'rejects.csv'} "
                   f"({reason}), so nothing was imported.\n")
    assert account_count(db) == 0


@pytest.mark.parametrize("apply", [True, False])
def test_rejects_beside_a_file_instead_of_a_folder(tmp_path: Path, apply: bool) -> None:
    db = tmp_path / "portfolio.sqlite"
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    target = not_a_folder / "rejects.csv"
    code, out, err = qbr("--db", db, "import", "accounts", FORMULAS, "--rejects", target,
                         *(["--apply"] if apply else []))
    assert (code, out) == (1, "")
    assert err.startswith(f"qbr: The rejected rows could not be written to {target} "
                          f"({not_a_folder} is a file, not a folder)")
    assert err.count("\n") == 1 and "Errno" not in err
    assert account_count(db) == 0


def test_rejects_onto_a_folder(tmp_path: Path) -> None:
    db = tmp_path / "portfolio.sqlite"
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = qbr("--db", db, "import", "accounts", FORMULAS, "--apply",
                         "--rejects", folder)
    assert (code, out) == (1, "")
    assert err == (f"qbr: The rejected rows could not be written to {folder} (it is a folder; "
                   "give a file name such as rejects.csv), so nothing was imported.\n")
    assert account_count(db) == 0 and list(folder.iterdir()) == []


def test_rejects_into_a_missing_folder(tmp_path: Path) -> None:
    db = tmp_path / "portfolio.sqlite"
    target = tmp_path / "nowhere" / "rejects.csv"
    code, _out, err = qbr("--db", db, "import", "accounts", FORMULAS, "--apply",
                          "--rejects", target)
    assert code == 1
    assert err == (f"qbr: The rejected rows could not be written to {target} (the folder "
                   f"{target.parent} does not exist), so nothing was imported.\n")
    assert account_count(db) == 0


@pytest.fixture
def service(context: Any) -> ImportService:
    return ImportService(context.store.sessions)


def test_a_full_disk_while_writing_rejects_rolls_the_import_back(
        context: Any, service: ImportService, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import qbr_desktop.imports.csv_safety as csv_safety

    def full(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(csv_safety, "neutralise_cell", full)
    table = service.read(FORMULAS)
    mapping = service.starting_mapping(ImportKind.ACCOUNTS, table).mapping
    with pytest.raises(ImportFailed) as caught:
        service.apply(ImportKind.ACCOUNTS, table, mapping, rejects=tmp_path / "rejects.csv")
    assert str(caught.value) == (f"The rejected rows could not be written to "
                                 f"{tmp_path / 'rejects.csv'} (the disk is full), so nothing "
                                 "was imported.")
    with session_scope(context.store.sessions) as session:
        assert session.scalar(select(func.count()).select_from(AccountRow)) == 0
    assert leftovers(tmp_path) == [] and not (tmp_path / "rejects.csv").exists()


def test_the_rejects_file_is_complete_when_the_import_is_saved(
        context: Any, service: ImportService, tmp_path: Path) -> None:
    table = service.read(FORMULAS)
    mapping = service.starting_mapping(ImportKind.ACCOUNTS, table).mapping
    plan = service.apply(ImportKind.ACCOUNTS, table, mapping, rejects=tmp_path / "rejects.csv")
    assert plan.applied and plan.rejected == 2
    lines = (tmp_path / "rejects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines] == ["Row", "5", "6"]
    assert leftovers(tmp_path) == []


def test_a_failure_after_the_commit_says_the_import_was_saved(
        context: Any, service: ImportService, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import qbr_desktop.atomic_files as atomic_files

    def refuse(_source: Any, _target: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic_files.os, "replace", refuse)
    table = service.read(FORMULAS)
    mapping = service.starting_mapping(ImportKind.ACCOUNTS, table).mapping
    with pytest.raises(ImportFailed) as caught:
        service.apply(ImportKind.ACCOUNTS, table, mapping, rejects=tmp_path / "rejects.csv")
    assert str(caught.value) == (f"The import was saved, but the rejected rows could not be "
                                 f"written to {tmp_path / 'rejects.csv'} (permission denied).")
    with session_scope(context.store.sessions) as session:
        assert session.scalar(select(func.count()).select_from(AccountRow)) == 3
    assert leftovers(tmp_path) == []


def test_permission_denied_on_the_rejects_file_saves_nothing(
        context: Any, service: ImportService, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import qbr_desktop.atomic_files as atomic_files

    def denied(*_args: Any, **_kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic_files, "open", denied, raising=False)  # as root too
    table = service.read(FORMULAS)
    mapping = service.starting_mapping(ImportKind.ACCOUNTS, table).mapping
    with pytest.raises(ImportFailed) as caught:
        service.apply(ImportKind.ACCOUNTS, table, mapping, rejects=tmp_path / "rejects.csv")
    assert str(caught.value) == (f"The rejected rows could not be written to "
                                 f"{tmp_path / 'rejects.csv'} (permission denied), so nothing "
                                 "was imported.")
    with session_scope(context.store.sessions) as session:
        assert session.scalar(select(func.count()).select_from(AccountRow)) == 0
