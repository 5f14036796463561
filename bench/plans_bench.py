"""Preparation-plan benchmark for QBR Desktop.

Run with `make bench` (or `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/plans_bench.py`).

1. Planning 500 QBRs: a fresh portfolio file with 500 accounts across the tiers, each with
   a review planned in the coming weeks but no plan; `PlanService.plan_reviews` gives all
   of them their tasks (about 8,000 rows) in one transaction. Goal ≤ 1 s (median).
   For scale, scheduling one review at a time (`PlanService.schedule`, each its own
   transaction, as the window and `qbr schedule` do) is timed per review.
2. The timeline of a 40-task plan: reading the plan from the file, `TimelineChart.set_plan`
   and a synchronous repaint, offscreen at 1366x768. Goal ≤ 100 ms (median).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS_FILE = ROOT / "bench" / "results" / "plans.json"
REVIEWS = 500
RUNS = 5
SINGLE_SCHEDULES = 50
GOAL_PLAN_S = 1.0
GOAL_TIMELINE_MS = 100.0
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def portfolio_with_reviews(folder: Path) -> tuple[Any, list[int]]:
    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.domain.contacts import ReviewDraft
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext

    context = AppContext.open(DatabaseTarget(path=folder / "plans.sqlite"))
    review_ids = []
    for number in range(REVIEWS):
        arr = Decimal((12_000, 40_000, 150_000)[number % 3] + number)
        account = context.accounts.create(AccountDraft(name=f"Account {number:04d}", arr=arr))
        meeting = NOW + timedelta(days=10 + number % 80, hours=number % 5)
        review_ids.append(context.accounts.add_review(
            account.id, ReviewDraft(meeting, "Europe/Berlin")))
    return context, review_ids


def plan_generation() -> dict[str, Any]:
    from qbr_desktop.services.plans import PlanService

    totals, rows, single = [], 0, []
    for _run in range(RUNS + 1):
        with tempfile.TemporaryDirectory(prefix="qbr-plans-") as folder:
            context, review_ids = portfolio_with_reviews(Path(folder))
            try:
                plans = PlanService(context.store.sessions, clock=lambda: NOW)
                plans.library.names()  # the playbooks are read once per app, not per plan
                started = time.perf_counter()
                planned = plans.plan_reviews(review_ids)
                totals.append(time.perf_counter() - started)
                assert planned == REVIEWS
                rows = sum(len(plans.plan(r).tasks) for r in review_ids[:30]) * REVIEWS // 30
                if not single:
                    for number in range(SINGLE_SCHEDULES):
                        account_id = plans.plan(review_ids[number]).account_id
                        began = time.perf_counter()
                        plans.schedule(account_id, date(2027, 3, 1) + timedelta(days=number),
                                       time_zone="Europe/Berlin")
                        single.append(time.perf_counter() - began)
            finally:
                context.close()
    return {"plan_500_s": totals[1:], "task_rows_estimate": rows, "single_schedule_s": single}


def timeline_open() -> dict[str, Any]:
    """Reading a 40-task plan, laying it out and painting it, until the paint returns."""
    from PySide6.QtWidgets import QApplication

    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.domain.playbooks import OwnerRole
    from qbr_desktop.gui.plans.timeline_chart import TimelineChart
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.plans import PlanService

    app = QApplication.instance() or QApplication([])
    times = []
    with tempfile.TemporaryDirectory(prefix="qbr-timeline-") as folder:
        context = AppContext.open(DatabaseTarget(path=Path(folder) / "t.sqlite"))
        try:
            plans = PlanService(context.store.sessions, clock=lambda: NOW)
            account = context.accounts.create(AccountDraft(name="Timeline 株式会社",
                                                           arr=Decimal(200_000)))
            review_id = plans.schedule(account.id, date(2027, 1, 19),
                                       time_zone="Europe/Berlin").review_id
            for extra in range(40 - len(plans.plan(review_id).tasks)):
                plans.add_task(review_id, f"Extra task {extra} — 追加のタスク",
                               date(2027, 1, 4) + timedelta(days=extra % 12),
                               owner=OwnerRole.CS_MANAGER)
            for run in range(RUNS * 4 + 1):
                chart = TimelineChart()
                chart.resize(1366, 768)
                chart.show()
                app.processEvents()
                started = time.perf_counter()
                plan = plans.plan(review_id)
                chart.set_plan(plan)
                chart.viewport().repaint()  # synchronous: returns once painted
                if run:  # the first run warms caches
                    times.append((time.perf_counter() - started) * 1000)
                assert len(plan.tasks) == 40
                chart.close()
                chart.deleteLater()
                app.processEvents()
        finally:
            context.close()
    return {"timeline_open_ms": times}


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    numbers = plan_generation()
    view = timeline_open()
    median = statistics.median
    plan_s = median(numbers["plan_500_s"])
    single_ms = median(numbers["single_schedule_s"]) * 1000
    open_ms = median(view["timeline_open_ms"])
    rows = [
        (f"plan {REVIEWS} QBRs (~{numbers['task_rows_estimate']:,} tasks)", f"{plan_s:.3f} s",
         f"<= {GOAL_PLAN_S:.0f} s", "PASS" if plan_s <= GOAL_PLAN_S else "MISS"),
        ("  one QBR scheduled on its own", f"{single_ms:.1f} ms", "", "info"),
        ("  the same 500, one at a time (estimate)", f"{single_ms * REVIEWS / 1000:.2f} s", "",
         "info"),
        ("timeline of a 40-task plan: read, lay out, paint", f"{open_ms:.1f} ms",
         f"<= {GOAL_TIMELINE_MS:.0f} ms", "PASS" if open_ms <= GOAL_TIMELINE_MS else "MISS"),
    ]
    print(f"\nQBR Desktop plans benchmark: Python {sys.version.split()[0]}, medians of "
          f"{RUNS} runs (timeline: {RUNS * 4})")
    print(f"{'metric':<46}{'median':>12}  {'goal':<10}result")
    for metric, value, goal, verdict in rows:
        print(f"{metric:<46}{value:>12}  {goal:<10}{verdict}")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({**numbers, **view}, indent=2), encoding="utf-8")
    print(f"\nWrote {RESULTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
