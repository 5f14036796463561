"""A helper process for the kill tests: imports once, then forks one writer per run.

Started by test_kill_every_write.py. Each line on stdin is a job; the helper forks a child
that performs the job's writes, appending a token to the job's log file after each commit
returns. The helper prints the child's pid, waits for it (the test kills it with SIGKILL),
and prints "done". Forking from an already-loaded process keeps each run to milliseconds.
"""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import alembic.command  # noqa: F401  (loaded once, before the forks)

from qbr_desktop.cli import main
from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.deck_plan import DeckPlan
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import build_demo_portfolio
from qbr_desktop.services.demo_file import build_demo_file
from qbr_desktop.store.backup import take_backup


def _log(path: str, token: str) -> None:
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(token + "\n")


def _quiet(argv: list[str]) -> int:
    return main(argv, out=io.StringIO(), err=io.StringIO())


def run(job: dict[str, str]) -> None:
    kind, database, log = job["kind"], job["database"], job["log"]
    if kind == "demo":
        build_demo_file(Path(database), accounts=2, seed=3)
        _log(log, "demo")
        return
    if kind == "demo-in-place":  # as the window's first launch builds it
        context = AppContext.open(DatabaseTarget(path=Path(database)))
        build_demo_portfolio(context, accounts=2, seed=3)
        _log(log, "demo")
        return
    if kind == "migration":
        AppContext.open(DatabaseTarget(path=Path(database))).close()
        _log(log, "migrated")
        return
    if kind == "import":
        for name in sorted(os.listdir(job["files"])):
            if _quiet(["--db", database, "import", "metrics",
                       os.path.join(job["files"], name), "--apply"]) == 0:
                _log(log, name.removesuffix(".csv"))
        return
    context = AppContext.open(DatabaseTarget(path=Path(database)))
    account = context.accounts.list_accounts()[0].id
    for number in range(1000):
        if kind == "edit":
            created = context.accounts.create(AccountDraft(f"{job['run']}-{number}"))
            context.accounts.update(created.id, {"notes": f"notes {number}"})
            _log(log, f"{job['run']}-{number}")
        elif kind == "schedule":
            context.plans.schedule(account, date(2030, 1, 7) + timedelta(days=number))
            _log(log, (date(2030, 1, 7) + timedelta(days=number)).isoformat())
        elif kind == "roi":
            quarter = Quarter(2020, 1).shifted(number)
            context.roi.save(account, context.roi.report(account, quarter).model)
            _log(log, str(quarter))
        elif kind == "deck-plan":
            context.decks.save_plan(account, DeckPlan(roadmap=(f"step {number}",)))
            _log(log, str(number))
        elif kind == "backup":
            store = context.store
            assert store.path is not None and store.backups_folder is not None
            taken = take_backup(store.path, store.backups_folder, "startup", keep=1000,
                                now=datetime(2030, 1, 1, tzinfo=UTC) + timedelta(
                                    minutes=number + 1000 * int(job["run"])))
            _log(log, str(taken.path))


def serve() -> None:
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run(job)
            except BaseException as exc:  # noqa: BLE001 - reported to the test
                _log(job["log"], f"error: {type(exc).__name__}: {exc}")
                code = 1
            finally:
                os._exit(code)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"status": status}), flush=True)


if __name__ == "__main__":
    serve()
