"""A full disk, a read-only file, a read-only folder: reading commands still work.

Writes are refused with a sentence naming the file, the start-up backup is skipped with
a warning when it cannot be written, and no partial backup is ever left behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from figures import record
from store_support import REPO, integrity
from tests_support import missing

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext

pytestmark = pytest.mark.reliability

_PR_CAPBSET_DROP = 24
# CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER: what lets root ignore permission bits.
_OVERRIDING_CAPABILITIES = (1, 2, 3)
RUN_QBR = """
import io, json, sys
from qbr_desktop.cli import main
results = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    results.append({"code": main(argv, out=out, err=err), "out": out.getvalue(),
                    "err": err.getvalue()})
print(json.dumps(results))
"""


def _portfolio(path: Path, accounts: int = 3, notes: int = 0) -> None:
    context = AppContext.open(DatabaseTarget(path=path))
    try:
        for number in range(accounts):
            context.accounts.create(AccountDraft(f"Account {number}", arr=Decimal(40_000),
                                                 notes="n" * notes))
    finally:
        context.close()
    shutil.rmtree(path.parent / "backups", ignore_errors=True)  # a backup is due


def _without_root_overrides() -> None:
    """In the child before exec: root keeps its uid but obeys permission bits."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _OVERRIDING_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _qbr(*commands: list[str], as_user: bool = False) -> list[dict[str, object]]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("QBR_DB", None)
    env["QBR_DATA_DIR"] = tempfile.mkdtemp(prefix="qbr-data-")
    os.chmod(env["QBR_DATA_DIR"], 0o777)
    done = subprocess.run([sys.executable, "-c", RUN_QBR, json.dumps(list(commands))],
                          capture_output=True, text=True, env=env, timeout=120,
                          preexec_fn=_without_root_overrides if as_user else None,
                          check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".*")] if folder.exists() else []


def _check_reading_works_and_writing_is_refused(database: Path, reason: str,
                                                as_user: bool = False) -> None:
    record("disk cases", 1)
    listed, checked, added = _qbr(["--db", str(database), "accounts", "list"],
                                  ["--db", str(database), "check"],
                                  ["--db", str(database), "accounts", "add", "Newco"],
                                  as_user=as_user)
    blocked = sum(1 for r in (listed, checked) if r["code"] != 0)
    record("disk blocked", blocked)
    assert listed["code"] == 0, listed["err"]
    assert "3 account(s)" in str(listed["out"])
    assert f"read-only ({reason})" in str(listed["err"])
    assert checked["code"] == 0, checked["err"]
    assert "integrity: ok" in str(checked["out"])
    assert added["code"] == 1
    err = str(added["err"])
    assert err.count("\n") == 1 and str(database) in err and "read-only" in err, err
    for jargon in ("Errno", "attempt to write", "Traceback", "OperationalError"):
        assert jargon not in err


@pytest.fixture
def disk_tmpfs() -> Iterator[Path]:
    """A small tmpfs of our own, mounted in a temp folder (root only)."""
    if os.geteuid() != 0:
        missing("mounting a small tmpfs to fill up needs root")
    if not shutil.which("mount"):
        missing("mount is not installed")
    folder = Path(tempfile.mkdtemp(prefix="qbr-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        folder.rmdir()
        missing(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def _fill(folder: Path, leave: int = 0) -> Path:
    filler = folder / "filler"
    free = shutil.disk_usage(folder).free - leave
    with filler.open("wb") as stream:
        try:
            while free > 0:
                chunk = min(free, 1 << 16)
                stream.write(b"\0" * chunk)
                stream.flush()
                free -= chunk
        except OSError:
            pass
    return filler


def test_a_full_disk_leaves_reading_commands_working(disk_tmpfs: Path) -> None:
    database = disk_tmpfs / "portfolio" / "qbr.sqlite"
    _portfolio(database)
    before = _digest(database)
    filler = _fill(disk_tmpfs)
    _check_reading_works_and_writing_is_refused(database, "the disk holding it is full")
    partial = _temp_files(database.parent)
    record("disk partial", len(partial))
    assert partial == [] and _digest(database) == before
    filler.unlink()
    assert integrity(database) == "ok"


def test_a_backup_that_does_not_fit_is_skipped_with_a_warning(disk_tmpfs: Path) -> None:
    record("disk cases", 1)
    database = disk_tmpfs / "portfolio" / "qbr.sqlite"
    _portfolio(database, accounts=60, notes=9000)
    assert database.stat().st_size > 700_000
    filler = _fill(disk_tmpfs, leave=600_000)
    listed, added = _qbr(["--db", str(database), "accounts", "list"],
                         ["--db", str(database), "accounts", "add", "Newco"])
    record("disk blocked", sum(1 for r in (listed, added) if r["code"] != 0))
    assert listed["code"] == 0, listed["err"]
    assert "Skipped today's backup" in str(listed["err"]) and "full" in str(listed["err"])
    assert added["code"] == 0, added["err"]
    backups = database.parent / "backups"
    partial = _temp_files(backups) + [p.name for p in backups.glob("*")] if backups.exists() \
        else []
    record("disk partial", len(partial))
    assert partial == []
    filler.unlink()
    (again,) = _qbr(["--db", str(database), "accounts", "list"])
    assert again["code"] == 0 and "Skipped" not in str(again["err"])
    assert len(list(backups.glob("*.sqlite"))) == 1
    assert integrity(database) == "ok"


def test_a_read_only_mount_can_be_read(disk_tmpfs: Path) -> None:
    database = disk_tmpfs / "portfolio" / "qbr.sqlite"
    _portfolio(database)
    subprocess.run(["mount", "-o", "remount,ro", str(disk_tmpfs)], check=True)
    _check_reading_works_and_writing_is_refused(database, "the file is read-only")


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's owner-only temp tree, so another user can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="qbr-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            os.chmod(path, 0o700)
        shutil.rmtree(folder)


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_read_only_file_or_folder_can_be_read(shared_folder: Path, locked: str) -> None:
    folder = shared_folder / "portfolio"
    database = folder / "qbr.sqlite"
    _portfolio(database)
    before = _digest(database)
    if locked == "file":
        database.chmod(0o444)
    else:
        folder.chmod(0o555)
    reason = "the file is read-only" if locked == "file" else "its folder is read-only"
    # Root ignores permission bits: the commands run without the capabilities for that.
    _check_reading_works_and_writing_is_refused(database, reason, as_user=os.geteuid() == 0)
    assert _digest(database) == before
    if locked == "folder":
        assert sorted(p.name for p in folder.iterdir()) == ["qbr.sqlite"]
