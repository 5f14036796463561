"""Several `qbr import` processes and a window's edits on one file: nothing lost or refused.

Each import writes its own quarters, each edit its own notes; afterwards every import that
reported success and every edit the window showed as saved must be in the file, and no
writer may have been turned away while the others worked.
"""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from figures import record
from store_support import child, integrity, reliability_runs

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.store.errors import PortfolioBusyError

pytestmark = pytest.mark.reliability

ACCOUNTS = ("Acme", "Globex", "Initech", "Umbrella")
IMPORTER = """
import io, json, sys
from qbr_desktop.cli import main
database, files = sys.argv[1], sys.argv[2:]
for name in files:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", database, "import", "metrics", name, "--apply"], out=out, err=err)
    print(json.dumps({"file": name, "code": code, "err": err.getvalue()}), flush=True)
"""


def _import_file(folder: Path, process: int, number: int) -> tuple[Path, Quarter, int]:
    quarter = Quarter(2000, 1).shifted(process * 10 + number)
    value = 1000 + process * 10 + number
    path = folder / f"usage-{process}-{number}.csv"
    lines = ["account,quarter,active_users,csat"]
    lines += [f"{name},{quarter},{value},4.{number}" for name in ACCOUNTS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, quarter, value


def test_parallel_imports_and_window_edits_lose_nothing(tmp_path: Path) -> None:
    processes = 8
    imports_each = reliability_runs(processes * 5) // processes  # more with QBR_RELIABILITY_RUNS
    database = tmp_path / "shared.sqlite"
    context = AppContext.open(DatabaseTarget(path=database))
    ids = {name: context.accounts.create(AccountDraft(name, arr=Decimal(50_000))).id
           for name in (*ACCOUNTS, "Window")}

    expected: dict[str, tuple[Quarter, int]] = {}
    children = []
    for process in range(processes):
        files = []
        for number in range(imports_each):
            path, quarter, value = _import_file(tmp_path, process, number)
            expected[str(path)] = (quarter, value)
            files.append(str(path))
        children.append(child(IMPORTER, str(database), *files))

    saved: list[str] = []
    refused: list[str] = []
    other: list[str] = []

    def edit() -> None:
        for number in range(30):
            notes = f"edit {number}"
            try:
                context.accounts.update(ids["Window"], {"notes": notes})
                saved.append(notes)
            except PortfolioBusyError as exc:
                refused.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - counted as unexplained below
                other.append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.02)

    editor = threading.Thread(target=edit)
    editor.start()
    reports = []
    for process in children:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        reports += [json.loads(line) for line in out.splitlines() if line.strip()]
    editor.join(timeout=120)

    failed_imports = [r for r in reports if r["code"] != 0]
    stored = {}
    for name in ACCOUNTS:
        history = context.accounts.metric_history(ids[name])
        users = next(series for definition, series in history.rows
                     if definition.key == "active_users")
        stored[name] = dict(zip(map(str, history.quarters), users, strict=True))
    final_notes = context.accounts.get(ids["Window"]).draft.notes
    context.close()

    lost_imports = [r["file"] for r in reports if r["code"] == 0 and any(
        stored[name].get(str(expected[r["file"]][0])) != expected[r["file"]][1]
        for name in ACCOUNTS)]
    lost_edits = 0 if not saved or final_notes == saved[-1] else 1
    record("concurrent edits", len(reports) + len(saved) + len(refused) + len(other))
    record("concurrent lost", len(lost_imports) + lost_edits)
    record("concurrent refused", len(failed_imports) + len(refused) + len(other))

    assert len(reports) == processes * imports_each
    assert integrity(database) == "ok"
    assert other == [], other
    assert failed_imports == [], failed_imports[:3]
    assert refused == [], refused[:3]
    assert lost_imports == [] and lost_edits == 0
    assert len(saved) == 30
