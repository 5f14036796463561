"""Meeting timer benchmark for QBR Desktop.

Run with `make bench` (or `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/meeting_bench.py`).

While a meeting runs, the Meeting tab and the presenter view refresh about ten times a
second. Measured here over the same stretch of wall-clock time, in one process:

* the process's CPU time with the meeting running and the presenter view open, as a share
  of one core (goal ≤ 2 %), against the same window with no meeting running (baseline);
* how often the presenter view repainted: it should be about once a second (when its
  digits change), not at every refresh.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS_FILE = ROOT / "bench" / "results" / "meeting.json"
SECONDS = 10.0
GOAL_PERCENT = 2.0


def measure(app: Any, seconds: float) -> tuple[float, float]:
    """CPU seconds and wall seconds spent running the event loop for `seconds`."""
    from PySide6.QtCore import QTimer

    cpu, wall = time.process_time(), time.perf_counter()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.gui.agenda.agenda_tab import RUN, AgendaTab
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.followup import followup_for

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="qbr-meeting-bench-"))
    context = AppContext.open(DatabaseTarget(path=folder / "meeting.sqlite"))
    account = context.accounts.create(AccountDraft(name="Acme", arr=Decimal("120000")))
    review = context.plans.schedule(account.id, date.today() + timedelta(days=7)).review_id
    tab = AgendaTab(context.agendas, context.stakeholders,
                    lambda account_id: followup_for(context, account_id))
    tab.meeting.chime = lambda: None
    tab.resize(1366, 768)
    tab.show()
    tab.show_account(account.id)
    tab.pages.setCurrentIndex(RUN)
    app.processEvents()

    idle_cpu, idle_wall = measure(app, SECONDS)
    tab.meeting.start()
    tab.meeting.open_presenter()
    app.processEvents()
    presenter = tab.meeting.presenter
    assert presenter is not None and review == tab.review_id
    painted = presenter.repaints
    run_cpu, run_wall = measure(app, SECONDS)
    repaints = presenter.repaints - painted

    running = 100 * run_cpu / run_wall
    idle = 100 * idle_cpu / idle_wall
    print(f"\nQBR Desktop meeting benchmark: {SECONDS:.0f} s each, Python "
          f"{sys.version.split()[0]}")
    print(f"{'metric':<52}{'value':>10}  {'goal':<10}result")
    print(f"{'CPU, meeting running + presenter view (% of a core)':<52}{running:>9.2f}%  "
          f"{'<= 2 %':<10}{'PASS' if running <= GOAL_PERCENT else 'MISS'}")
    print(f"{'CPU, same window, no meeting (baseline)':<52}{idle:>9.2f}%  {'':<10}info")
    print(f"{'presenter repaints per second':<52}{repaints / run_wall:>10.2f}  "
          f"{'~1':<10}info")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({
        "running_cpu_s": run_cpu, "running_wall_s": run_wall, "idle_cpu_s": idle_cpu,
        "idle_wall_s": idle_wall, "presenter_repaints": repaints}), encoding="utf-8")
    print(f"\nWrote {RESULTS_FILE.relative_to(ROOT)}")
    tab.meeting.close_presenter()
    context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
