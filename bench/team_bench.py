"""The same portfolio on a PostgreSQL team server and in a SQLite file, side by side.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/team_bench.py` (part of `make
bench`). The server is $QBR_TEST_POSTGRES_URL, or a throwaway cluster this script starts
with .ci/postgres-cluster (Debian's postgresql package) and stops again.

1. `qbr demo --accounts 1000`, then `accounts list`, `portfolio` and `export deck`, each
   through the CLI's own entry point, on a file and on the server: goal ≤ 2× the file's
   time for every command.
2. 20 writers at once, 50 edits each, on 10 accounts of the server: every edit reads the
   account, then saves over what it read (as the window does): one line added to the
   notes, and the industry set to a value of its own. Goal: 0 lost edits: every line in
   the notes, and no industry value replaced unseen, that is every save's "before" is the
   value the previous save left (two saves made over one value would mean one was lost);
   every refusal a sentence naming field, who and when (the writer then reads again and
   retries, as a person would).
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS_FILE = ROOT / "bench" / "results" / "team.json"
ACCOUNTS = 1000
RUNS = 3
GOAL_RATIO = 2.0
WRITERS, EDITS, EDITED_ACCOUNTS = 20, 50, 10


@contextmanager
def server() -> Iterator[str]:
    """The maintenance URL of a PostgreSQL server for the benchmark."""
    if url := os.environ.get("QBR_TEST_POSTGRES_URL"):
        yield url
        return
    import socket

    folder = Path(tempfile.mkdtemp(prefix="qbr-bench-postgres-"))
    folder.chmod(0o755)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = str(ROOT / ".ci" / "postgres-cluster")
    url = subprocess.run([script, "start", str(folder / "cluster"), str(port)], check=True,
                         capture_output=True, text=True).stdout.strip()
    try:
        yield url
    finally:
        subprocess.run([script, "stop", str(folder / "cluster")], check=False)
        folder.rmdir()


def new_database(maintenance: str, name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from qbr_desktop.store.server import upgrade_server

    admin = create_engine(maintenance, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(maintenance).set(database=name).render_as_string(hide_password=False)
    upgrade_server(url)
    return url


def qbr(*argv: str) -> float:
    """One `qbr` command through its entry point; seconds it took."""
    from qbr_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    code = main(list(argv), out=out, err=err)
    elapsed = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"qbr {' '.join(argv)} failed: {err.getvalue()}")
    return elapsed


def first_account(db: str) -> str:
    out = io.StringIO()
    from qbr_desktop.cli import main

    main(["--db", db, "accounts", "list", "--json"], out=out, err=io.StringIO())
    return str(json.loads(out.getvalue())[0]["name"])


def compare_commands(maintenance: str, work: Path) -> dict[str, Any]:
    file_db = str(work / "portfolio.sqlite")
    server_db = new_database(maintenance, "qbr_bench_team")
    results: dict[str, Any] = {}
    timings: dict[str, dict[str, float]] = {}
    for label, db in (("sqlite", file_db), ("postgresql", server_db)):
        times = {"demo": qbr("demo", "--db", db, "--accounts", str(ACCOUNTS), "--seed", "7",
                             "--today", "2026-11-23")}
        name = first_account(db)
        deck = str(work / f"deck-{label}.pptx")
        commands: dict[str, Callable[[], float]] = {
            "accounts list": lambda db=db: qbr("--db", db, "accounts", "list"),
            "portfolio": lambda db=db: qbr("--db", db, "portfolio"),
            "export deck": lambda db=db, name=name, deck=deck: qbr(
                "--db", db, "export", "deck", name, "--out", deck),
        }
        for command, run in commands.items():
            run()  # warm: stored insights, imports, fonts
            times[command] = statistics.median(run() for _ in range(RUNS))
        timings[label] = times
        print(f"{label:>10}: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()),
              flush=True)
    for command in timings["sqlite"]:
        ratio = timings["postgresql"][command] / timings["sqlite"][command]
        results[command] = {"sqlite_s": round(timings["sqlite"][command], 3),
                            "postgresql_s": round(timings["postgresql"][command], 3),
                            "ratio": round(ratio, 2), "ok": ratio <= GOAL_RATIO}
    return results


# Concurrent writers ----------------------------------------------------------------------

def writer(url: str, number: int) -> None:
    """One writer process: EDITS edits over what it read; prints a JSON report."""
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.accounts import AccountService
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.store.errors import EditConflictError, StoreError

    context = AppContext.open(DatabaseTarget(url=url))
    service = AccountService(context.store.sessions, user=lambda: f"Writer {number}")
    ids = [item.id for item in context.accounts.list_accounts()][:EDITED_ACCOUNTS]
    report: dict[str, Any] = {"saved": 0, "refusals": [], "other": [], "chain": []}
    for edit in range(EDITS):
        account_id = ids[(number + edit) % len(ids)]
        line = f"w{number:02d}-e{edit:02d}"
        while True:
            seen = service.get(account_id).draft
            try:
                service.update(account_id, {"notes": f"{seen.notes}\n{line}".lstrip("\n"),
                                            "industry": line},
                               expected={"notes": seen.notes, "industry": seen.industry})
                report["saved"] += 1
                report["chain"].append([account_id, seen.industry, line])
                break
            except EditConflictError as refused:
                report["refusals"].append(str(refused))  # read again and retry
            except StoreError as other:
                report["other"].append(str(other))
                break
    context.close()
    print(json.dumps(report))


def concurrent_writers(maintenance: str) -> dict[str, Any]:
    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext

    url = new_database(maintenance, "qbr_bench_writers")
    context = AppContext.open(DatabaseTarget(url=url))
    for number in range(EDITED_ACCOUNTS):
        context.accounts.create(AccountDraft(name=f"Account {number:02d}"))
    started = time.perf_counter()
    runs = [subprocess.Popen([sys.executable, __file__, "--writer", url, str(number)],
                             stdout=subprocess.PIPE, text=True) for number in range(WRITERS)]
    reports = [json.loads(run.communicate()[0].strip().splitlines()[-1]) for run in runs]
    elapsed = time.perf_counter() - started
    accounts = [context.accounts.get(item.id) for item in context.accounts.list_accounts()]
    context.close()
    lines = {line for account in accounts for line in account.draft.notes.splitlines()}
    wanted = {f"w{w:02d}-e{e:02d}" for w in range(WRITERS) for e in range(EDITS)}
    saved = sum(report["saved"] for report in reports)
    # Each value may be saved over once: a second save over it replaced the first unseen.
    befores = [(account_id, before) for report in reports
               for account_id, before, _after in report["chain"]]
    overwritten = len(befores) - len(set(befores))
    refusals = [text for report in reports for text in report["refusals"]]
    explained = all(" changed the " in text and " at " in text for text in refusals)
    other = [text for report in reports for text in report["other"]]
    lost = len(wanted - lines) + overwritten
    result = {"writers": WRITERS, "edits_each": EDITS, "accounts": EDITED_ACCOUNTS,
              "saved": saved, "industry_overwritten_unseen": overwritten,
              "lines_missing": len(wanted - lines),
              "lost_edits": lost, "refusals": len(refusals),
              "every_refusal_explained": explained, "other_failures": other[:5],
              "seconds": round(elapsed, 1), "ok": lost == 0 and explained and not other}
    print(f"   writers: {saved} of {WRITERS * EDITS} edits saved in {elapsed:.1f} s, "
          f"{len(refusals)} refusals (explained: {explained}), lost: {lost}", flush=True)
    return result


def main() -> int:
    with server() as maintenance, tempfile.TemporaryDirectory() as scratch:
        os.environ.setdefault("QBR_DATA_DIR", str(Path(scratch) / "data"))
        commands = compare_commands(maintenance, Path(scratch))
        writers = concurrent_writers(maintenance)
    results = {"commands": commands, "writers": writers}
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    ok = all(item["ok"] for item in commands.values()) and writers["ok"]
    print(f"team bench: {'all goals met' if ok else 'GOAL MISSED'} ({RESULTS_FILE})")
    return 0 if ok else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--writer"]:
        writer(sys.argv[2], int(sys.argv[3]))
        raise SystemExit(0)
    raise SystemExit(main())
