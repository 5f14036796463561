"""kill -9 at random points of every kind of write: the file stays sound and loses nothing.

A helper process forks one writer per run (store_kill_zygote.py); the writer logs a token
after each commit returns, the test kills it at a random moment, then checks the file:
SQLite's integrity check passes, the program opens it, and every logged write is there.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from figures import record
from store_support import REPO, integrity, reliability_runs

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo_file import DemoState, demo_state
from qbr_desktop.store.backup import STALE_TEMP_AGE_S
from qbr_desktop.store.migrate import head_revision

pytestmark = pytest.mark.reliability

OLD_SCHEMA = REPO / "tests" / "store" / "data" / "schema-0001.sqlite"
# Each kind's longest kill delay (seconds): about the time its writes take.
WINDOWS = {"import": 0.8, "edit": 0.4, "schedule": 0.4, "roi": 0.4, "deck-plan": 0.3,
           "backup": 0.3, "demo": 1.5, "demo-in-place": 1.5, "migration": 0.5}


class Zygote:
    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(Path(__file__).parent)]))
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("store_kill_zygote.py"))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)

    def kill_during(self, job: dict[str, str], delay: float) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        pid = json.loads(self.process.stdout.readline())["pid"]
        time.sleep(delay)
        # ProcessLookupError: it finished first, a run with nothing cut short.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        json.loads(self.process.stdout.readline())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def kill_zygote() -> Iterator[Zygote]:
    zygote = Zygote()
    yield zygote
    zygote.close()


def _tokens(log: Path) -> list[str]:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    errors = [line for line in lines if line.startswith("error:")]
    assert errors == [], errors
    return lines


def _query(path: Path, sql: str, *params: object) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _missing(kind: str, database: Path, tokens: list[str]) -> int:
    """How many logged writes the file does not hold."""
    if kind == "import":
        periods = {row[0] for row in _query(database, "SELECT DISTINCT period FROM "
                                                      "metric_snapshot")}
        return sum(1 for t in tokens if t.split("-", 1)[1] not in periods)
    if kind == "edit":
        stored = dict(_query(database, "SELECT name, notes FROM account"))
        return sum(1 for t in tokens if stored.get(t) != f"notes {t.rsplit('-', 1)[1]}")
    if kind == "schedule":
        days = {str(row[0])[:10] for row in _query(database, "SELECT scheduled_at FROM review")}
        return sum(1 for t in tokens if t not in days)
    if kind == "roi":
        quarters = {row[0] for row in _query(database, "SELECT quarter FROM roi_model")}
        return sum(1 for t in tokens if t not in quarters)
    if kind == "deck-plan":  # each save replaces the plan: the last logged one or later
        if not tokens:
            return 0
        context = AppContext.open(DatabaseTarget(path=database))
        try:
            roadmap = context.decks.plan(context.accounts.list_accounts()[0].id).roadmap
        finally:
            context.close()
        return 0 if roadmap and int(roadmap[0].split()[1]) >= int(tokens[-1]) else 1
    if kind == "backup":
        return sum(1 for t in tokens if not Path(t).exists() or integrity(Path(t)) != "ok")
    return 0


def _base(folder: Path) -> Path:
    database = folder / "base" / "qbr.sqlite"
    context = AppContext.open(DatabaseTarget(path=database))
    context.accounts.create(AccountDraft("Acme", arr=Decimal(90_000)))
    context.close()
    return database


def _import_files(folder: Path) -> Path:
    files = folder / "imports"
    files.mkdir()
    for number in range(40):
        quarter = f"{2000 + number // 4}Q{number % 4 + 1}"
        (files / f"{number:02d}-{quarter}.csv").write_text(
            f"account,quarter,active_users\nAcme,{quarter},{100 + number}\n", encoding="utf-8")
    return files


def _opens_at_head(database: Path) -> bool:
    context = AppContext.open(DatabaseTarget(path=database))
    try:
        context.accounts.list_accounts()
        from qbr_desktop.store.migrate import current_revision

        return current_revision(context.store.engine) == head_revision()
    finally:
        context.close()


def test_kill_9_during_every_kind_of_write(kill_zygote: Zygote, tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("QBR_RELIABILITY_SEED", "20261207")))
    runs_each = max(6, reliability_runs(54) // len(WINDOWS))
    base = _base(tmp_path)
    files = _import_files(tmp_path)
    kills = corrupt = lost = 0
    problems: list[str] = []
    for kind, window in WINDOWS.items():
        folder = tmp_path / kind
        folder.mkdir()
        shared = folder / "qbr.sqlite"
        if kind not in ("demo", "demo-in-place", "migration"):
            shutil.copyfile(base, shared)
        logged: list[str] = []
        for run in range(runs_each):
            database = shared
            if kind in ("demo", "demo-in-place", "migration"):
                database = folder / f"run-{run}" / "qbr.sqlite"
                database.parent.mkdir()
                if kind == "migration":
                    shutil.copyfile(OLD_SCHEMA, database)
            log = folder / f"log-{run}.txt"
            kill_zygote.kill_during({"kind": kind, "database": str(database), "log": str(log),
                                     "files": str(files), "run": str(run)},
                                    rng.uniform(0.0, window))
            kills += 1
            tokens = _tokens(log)
            logged += tokens
            written = database.exists() and database.stat().st_size > 0
            if written and (found := integrity(database)) != "ok":
                corrupt += 1
                problems.append(f"{kind} run {run}: {found}")
                continue
            state = demo_state(database) if kind.startswith("demo") else None
            if kind == "demo" and state is DemoState.HALF_BUILT:
                corrupt += 1
                problems.append(f"demo run {run}: a half-built demo in place")
            if kind.startswith("demo") and "demo" in tokens and state is not DemoState.COMPLETE:
                lost += 1
            if database.exists() and not _opens_at_head(database):
                problems.append(f"{kind} run {run}: does not open at the head revision")
            if kind == "demo-in-place" and database.exists():
                assert demo_state(database) in (DemoState.COMPLETE, DemoState.EMPTY)
            if kind == "migration":
                assert _query(database, "SELECT count(*) FROM account") == [(2,)]
            missing = _missing(kind, database, tokens if kind == "deck-plan" else logged)
            lost += missing
            if missing:
                problems.append(f"{kind} run {run}: {missing} committed write(s) missing")
        if kind == "backup":
            backups = shared.parent / "backups"
            stale = time.time() - STALE_TEMP_AGE_S - 60
            for leftover in backups.glob(".*"):
                os.utime(leftover, (stale, stale))
            AppContext.open(DatabaseTarget(path=shared)).close()
            assert list(backups.glob(".*")) == [], "backup temp files were not pruned"
    record("kills", kills)
    record("kills corrupt", corrupt)
    record("kills lost", lost)
    assert problems == []
