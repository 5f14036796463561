"""Every hostile input, imported as a dry run and with --apply, through the service and (for
a sample) the `qbr` command in a subprocess.

For each: no crash (only ImportFailed, or success), no technical message (one plain line
naming the file: no traceback, errno, exception name or temp file), nothing half-written
(after a refusal the portfolio is byte-for-byte the same in content; after success it holds
exactly what the plan said), and no stray file left beside the input or the rejects file.

QBR_RELIABILITY_RUNS=N widens the CLI sample N times.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from figures import record
from hostile_corpus import KINDS, SEEDED_ACCOUNTS, HostileInput, hostile_inputs
from sqlalchemy import select

from qbr_desktop.i18n import english
from qbr_desktop.imports.errors import ImportFailed, UnreadableFile
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.importing import ImportService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow, ContactRow, ImportLayoutRow, MetricSnapshotRow

pytestmark = pytest.mark.reliability

RUNS = max(1, int(os.environ.get("QBR_RELIABILITY_RUNS", "1")))
CLI_SAMPLE = 9 * RUNS
#: Beyond this an input is taken to hang: the test fails instead of waiting forever.
PER_INPUT_SECONDS = 60
MAX_MESSAGE_CHARS = 600
_TECHNICAL = re.compile(r"Traceback|Errno|\b[A-Z][A-Za-z]*(Error|Exception|Warning)\b|"
                        r"BadZipFile|\.part\b|unexpected error|\bline \d+, column \d+|"
                        r"object at 0x[0-9a-f]+|<[a-z_.]+ object")
_TABLES = (AccountRow, ContactRow, MetricSnapshotRow, ImportLayoutRow)
_TARGET = {ImportKind.ACCOUNTS: AccountRow, ImportKind.CONTACTS: ContactRow,
           ImportKind.METRICS: MetricSnapshotRow}


@dataclass
class Tally:
    inputs: int = 0
    crashes: list[str] = field(default_factory=list)
    technical: list[str] = field(default_factory=list)
    half_written: list[str] = field(default_factory=list)


class Hung(Exception):
    pass


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def interrupt(_signum: int, _frame: Any) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def content_hash(context: AppContext) -> tuple[str, dict[str, int]]:
    """A hash of every row the imports can touch, and the row count of each table."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with session_scope(context.store.sessions) as session:
        for model in _TABLES:
            columns = [c for c in model.__table__.columns if c.name not in ("updated_at",)]
            rows = session.execute(select(*columns).order_by(*model.__table__.primary_key)).all()
            counts[model.__tablename__] = len(rows)
            for row in rows:
                digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest(), counts


def seed(context: AppContext) -> None:
    from qbr_desktop.domain.accounts import AccountDraft

    for external_id, name in SEEDED_ACCOUNTS:
        account = context.accounts.create(AccountDraft(name=name))
        with session_scope(context.store.sessions) as session:
            session.get(AccountRow, account.id).external_id = external_id  # type: ignore[union-attr]


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def plain_problem(message: str, path: Path | None, refusal: bool) -> str | None:
    """Why `message` is not a plain sentence for a CSM (None: it is)."""
    if "\n" in message or "\r" in message:
        return "spans several lines"
    if len(message) > MAX_MESSAGE_CHARS:
        return f"is {len(message):,} characters long"
    if found := _TECHNICAL.search(message):
        return f"is technical ({found[0]!r})"
    if refusal and path is not None and path.name.isprintable() and path.name not in message:
        return "does not name the file"
    return None


def check_plan_messages(plan: Any, label: str, tally: Tally) -> None:
    for row in plan.rows:
        for text in (*row.reasons, *row.warnings, english(row.label)):
            if problem := plain_problem(text, None, refusal=False):
                tally.technical.append(f"{label}: row {row.number} message {problem}: "
                                       f"{text[:120]!r}")
                return
    for notice in map(english, plan.notices):
        if problem := plain_problem(notice, None, refusal=False):
            tally.technical.append(f"{label}: notice {problem}: {notice[:120]!r}")


def run_service(item: HostileInput, folder: Path, context: AppContext, tally: Tally) -> None:
    """Dry run, then apply with a rejects file, checking every promise on the way."""
    kind = ImportKind(item.kind)
    service = ImportService(context.store.sessions)
    path = item.write(folder / item.file_name)
    out = folder / "out"
    out.mkdir()
    rejects = out / "rejects.csv"
    expected = listing(folder)
    label = item.label + f" [{item.kind}]"
    before, counts = content_hash(context)
    tally.inputs += 1

    def refused(exc: ImportFailed) -> None:
        if problem := plain_problem(str(exc), path, isinstance(exc, UnreadableFile)):
            tally.technical.append(f"{label}: refusal {problem}: {str(exc)[:160]!r}")

    def attempt(step: Callable[[], Any]) -> Any:
        try:
            with deadline(PER_INPUT_SECONDS):
                return step()
        except ImportFailed as exc:
            refused(exc)
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            tally.crashes.append(f"{label}: {type(exc).__name__}: {str(exc)[:200]}")
        return None

    def dry_run() -> tuple[Any, Any, Any]:
        table = service.read(path)
        mapping = service.starting_mapping(kind, table).mapping
        return table, mapping, service.preview(kind, table, mapping)

    result = attempt(dry_run)
    if result is not None:
        check_plan_messages(result[2], label, tally)
    if content_hash(context)[0] != before:
        tally.half_written.append(f"{label}: the dry run changed the portfolio")
        before, counts = content_hash(context)

    def apply() -> Any:
        table = service.read(path)
        mapping = service.starting_mapping(kind, table).mapping
        return apply_with_rejects(service, kind, table, mapping, rejects)

    plan = attempt(apply)
    after, new_counts = content_hash(context)
    if plan is None:
        if after != before:
            tally.half_written.append(f"{label}: refused, yet the portfolio changed")
        if rejects.exists():
            tally.half_written.append(f"{label}: refused, yet a rejects file was written")
    else:
        table_name = _TARGET[kind].__tablename__
        added = new_counts[table_name] - counts[table_name]
        if added != plan.created:
            tally.half_written.append(f"{label}: the plan said {plan.created} new, the "
                                      f"portfolio gained {added}")
        expected.add("out/rejects.csv")
    stray = listing(folder) - expected
    if stray:
        tally.half_written.append(f"{label}: stray files {sorted(stray)}")


def apply_with_rejects(service: ImportService, kind: ImportKind, table: Any,
                       mapping: dict[str, str], rejects: Path) -> Any:
    return service.apply(kind, table, mapping, rejects=rejects)


def report(tally: Tally, what: str) -> None:
    record("hostile inputs", tally.inputs)
    record("hostile crashes", len(tally.crashes))
    record("hostile tracebacks", len(tally.technical))
    record("hostile half-written", len(tally.half_written))
    problems = tally.crashes + tally.technical + tally.half_written
    assert not problems, f"{len(problems)} problems in {tally.inputs} {what}:\n" + "\n".join(
        problems[:60])


@pytest.fixture(scope="module")
def corpus() -> list[HostileInput]:
    return [item for item in hostile_inputs()
            if hasattr(os, "mkfifo") or "pipe" not in item.label]


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_inputs_through_the_service(kind: str, corpus: list[HostileInput],
                                            tmp_path: Path) -> None:
    context = AppContext.open(DatabaseTarget(path=tmp_path / "db" / "portfolio.sqlite"))
    tally = Tally()
    try:
        seed(context)
        database_files = listing(tmp_path / "db")
        for number, item in enumerate(i for i in corpus if i.kind == kind):
            folder = tmp_path / f"input-{number}"
            folder.mkdir()
            run_service(item, folder, context, tally)
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():
                for child in folder.rglob("*"):  # read-only leftovers of a test
                    child.chmod(0o700)
                shutil.rmtree(folder, ignore_errors=True)
        if stray := listing(tmp_path / "db") - database_files - {
                "portfolio.sqlite-wal", "portfolio.sqlite-shm", "portfolio.sqlite-journal"}:
            tally.half_written.append(f"stray files beside the portfolio: {sorted(stray)}")
    finally:
        context.close()
    report(tally, f"{kind} inputs")


def _cli_sample(corpus: list[HostileInput]) -> list[HostileInput]:
    """A spread over kinds, formats and kinds of trouble; heavy inputs only now and then."""
    light = [i for i in corpus if not i.heavy]
    step = max(1, len(light) // CLI_SAMPLE)
    return light[::step][:CLI_SAMPLE]


def test_hostile_inputs_through_the_command(corpus: list[HostileInput],
                                            tmp_path: Path) -> None:
    template = tmp_path / "template" / "portfolio.sqlite"
    context = AppContext.open(DatabaseTarget(path=template))
    seed(context)
    context.close()
    tally = Tally()
    for number, item in enumerate(_cli_sample(corpus)):
        folder = tmp_path / f"cli-{number}"
        folder.mkdir()
        db = folder / "db" / "portfolio.sqlite"
        db.parent.mkdir()
        shutil.copyfile(template, db)
        path = item.write(folder / item.file_name)
        out = folder / "out"
        out.mkdir()
        expected = listing(folder)
        label = f"qbr import {item.kind} {item.label}"
        before = _file_content_hash(db)
        tally.inputs += 1
        for apply in (False, True):
            (out / "rejects.csv").unlink(missing_ok=True)
            argv = ["--db", str(db), "import", item.kind, str(path),
                    "--rejects", str(out / "rejects.csv")] + (["--apply"] if apply else [])
            done = subprocess.run(
                [sys.executable, "-c", "import sys; from qbr_desktop.cli import main; "
                 "sys.exit(main())", *argv],
                capture_output=True, text=True, timeout=PER_INPUT_SECONDS, check=False,
                env={**os.environ, "PYTHONIOENCODING": "utf-8"})
            lines = done.stderr.splitlines()
            if done.returncode not in (0, 1) or "Traceback" in done.stderr:
                tally.crashes.append(f"{label}: exit {done.returncode}: {done.stderr[-300:]}")
                continue
            if done.returncode == 1:
                if len(lines) != 1 or not lines[0].startswith("qbr: "):
                    tally.technical.append(f"{label}: stderr is not one line: {lines[:3]}")
                elif problem := plain_problem(lines[0][5:], path, refusal=False):
                    tally.technical.append(f"{label}: {problem}: {lines[0][:160]!r}")
                if apply and _file_content_hash(db) != before:
                    tally.half_written.append(f"{label}: exit 1, yet the portfolio changed")
                if (out / "rejects.csv").exists() and apply:
                    tally.half_written.append(f"{label}: exit 1, yet a rejects file exists")
            elif (out / "rejects.csv").exists():
                expected.add("out/rejects.csv")
        stray = {name for name in listing(folder) - expected
                 if not name.startswith("db/backups")}  # the store's own start-up copies
        if stray := stray - {"db/portfolio.sqlite-wal", "db/portfolio.sqlite-shm"}:
            tally.half_written.append(f"{label}: stray files {sorted(stray)}")
    report(tally, "command runs")


def _file_content_hash(db: Path) -> str:
    context = AppContext.open(DatabaseTarget(path=db))
    try:
        return content_hash(context)[0]
    finally:
        context.close()
