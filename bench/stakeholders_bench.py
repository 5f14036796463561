"""Stakeholder map benchmark for QBR Desktop.

Run with `make bench` (or `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/stakeholders_bench.py`).

A 300-person map (an organisation five levels deep, 30 people outside any reporting line,
60 influence lines) in a real SQLite file:

* opening it in the Stakeholders tab, from the store to the painted canvas (goal ≤ 300 ms);
* the two auto-layouts, org chart and power × interest (goal ≤ 200 ms);
* one step of a card drag: the time, the items whose paint() ran, and the share of the
  canvas repainted, against a full repaint of the same canvas measured in the same run.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS_FILE = ROOT / "bench" / "results" / "stakeholders.json"
PEOPLE = 300
OPEN_RUNS = 9
LAYOUT_RUNS = 30
MOVE_RUNS = 40
OPEN_GOAL_MS, LAYOUT_GOAL_MS = 300.0, 200.0


def build_map(context: Any) -> int:
    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.domain.contacts import ContactLevel
    from qbr_desktop.domain.stakeholders import DecisionRole, Stakeholder

    rng = random.Random(11)
    account = context.accounts.create(AccountDraft(name="Big Org", arr=Decimal("900000")))
    svc = context.stakeholders
    today = date(2026, 11, 23)
    levels = [ContactLevel.C_SUITE] * 5 + [ContactLevel.VP] * 15 + [ContactLevel.DIRECTOR] * 40 \
        + [ContactLevel.MANAGER] * 80 + [ContactLevel.USER] * (PEOPLE - 140)
    ids: dict[ContactLevel, list[int]] = {}
    above = {ContactLevel.VP: ContactLevel.C_SUITE, ContactLevel.DIRECTOR: ContactLevel.VP,
             ContactLevel.MANAGER: ContactLevel.DIRECTOR, ContactLevel.USER: ContactLevel.MANAGER}
    for number, level in enumerate(levels):
        boss_level = above.get(level)
        unattached = number >= PEOPLE - 30
        manager = (rng.choice(ids[boss_level]) if boss_level and not unattached else None)
        person = svc.add_person(account.id, Stakeholder(
            0, f"Person {number:03d}", f"{level.value} of Team {number % 17}", level,
            rng.choice(list(DecisionRole)), influence=rng.randint(1, 5),
            sentiment=rng.randint(-2, 2), manager_id=manager,
            last_contact=today - timedelta(days=rng.randint(0, 200))))
        ids.setdefault(level, []).append(person.id)
    everyone = [pid for group in ids.values() for pid in group]
    links = 0
    while links < 60:
        source, target = rng.sample(everyone, 2)
        try:
            svc.add_link(source, target, rng.randint(1, 3))
            links += 1
        except Exception:  # noqa: BLE001 - a duplicate pair: draw another
            continue
    return int(account.id)


class RepaintMeter:
    """Sums the area the canvas repaints (its viewport's paint events)."""

    def __init__(self, viewport: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        meter = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    meter.area += sum(r.width() * r.height() for r in event.region())
                return False

        self.area = 0
        self.filter = Filter()
        viewport.installEventFilter(self.filter)


def main() -> int:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    from qbr_desktop.domain.stakeholder_layout import org_chart, power_interest
    from qbr_desktop.gui.stakeholders.stakeholder_panel import StakeholderPanel
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="qbr-map-bench-"))
    context = AppContext.open(DatabaseTarget(path=folder / "map.sqlite"))
    account_id = build_map(context)
    people = list(context.stakeholders.map(account_id).people)
    panel = StakeholderPanel(context.stakeholders)
    panel.resize(1366, 768)
    panel.show()
    app.processEvents()

    opening = []
    for _ in range(OPEN_RUNS):
        panel.account_id = None
        panel._fitted_for = None  # noqa: SLF001 - each run opens the map afresh, fit included
        app.processEvents()
        started = time.perf_counter()
        panel.show_account(account_id)
        panel.view.viewport().repaint()
        app.processEvents()
        opening.append((time.perf_counter() - started) * 1000)

    layouts: dict[str, list[float]] = {"org chart": [], "power × interest": []}
    for _ in range(LAYOUT_RUNS):
        for name, arrange in (("org chart", org_chart), ("power × interest", power_interest)):
            started = time.perf_counter()
            arrange(people)
            layouts[name].append((time.perf_counter() - started) * 1000)

    panel.view.reset_zoom()
    card = next(iter(panel.scene.cards.values()))
    panel.view.centerOn(card)
    app.processEvents()
    viewport = panel.view.viewport()
    meter = RepaintMeter(viewport)
    items = [*panel.scene.cards.values(), *panel.scene.lines]

    def painted() -> int:
        """Cards drawn afresh (not from their pixel cache) and lines drawn."""
        return sum(item.paints for item in items)

    full_times, full_area, full_items = [], [], []
    move_times, move_area, move_items = [], [], []
    for step in range(MOVE_RUNS):
        meter.area, before = 0, painted()
        started = time.perf_counter()
        panel.scene.invalidate()  # everything drawn again, as a resize or scroll would
        viewport.repaint()
        app.processEvents()
        full_times.append((time.perf_counter() - started) * 1000)
        full_area.append(meter.area)
        full_items.append(painted() - before)
        meter.area, before = 0, painted()
        started = time.perf_counter()
        card.setPos(card.pos() + QPointF(6 if step % 2 == 0 else -6, 4 if step % 2 else -4))
        app.processEvents()
        move_times.append((time.perf_counter() - started) * 1000)
        move_area.append(meter.area)
        move_items.append(painted() - before)

    viewport_area = viewport.width() * viewport.height()
    open_median = statistics.median(opening)
    print(f"\nQBR Desktop stakeholder map benchmark: {PEOPLE} people, "
          f"{len(card.edges)} lines on the dragged card, Python {sys.version.split()[0]}")
    print(f"{'metric':<48}{'median':>10}  {'goal':<10}result")
    print(f"{'open the map (store → painted canvas)':<48}{open_median:>8.1f} ms  "
          f"{'<= 300 ms':<10}{'PASS' if open_median <= OPEN_GOAL_MS else 'MISS'}")
    for name, samples in layouts.items():
        median = statistics.median(samples)
        print(f"{'auto-layout, ' + name:<48}{median:>8.2f} ms  {'<= 200 ms':<10}"
              f"{'PASS' if median <= LAYOUT_GOAL_MS else 'MISS'}")
    full, move = statistics.median(full_times), statistics.median(move_times)
    print(f"{'full canvas repaint (baseline)':<48}{full:>8.2f} ms  {'':<10}"
          f"{statistics.median(full_items):.0f} items, "
          f"{statistics.median(full_area) / viewport_area:.0%} of the canvas")
    print(f"{'one drag step (card moved, lines follow)':<48}{move:>8.2f} ms  {'':<10}"
          f"{statistics.median(move_items):.0f} items, "
          f"{statistics.median(move_area) / viewport_area:.1%} of the canvas, "
          f"{move / full:.2f}× the full repaint")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({
        "open_ms": opening, "layout_ms": layouts, "full_repaint_ms": full_times,
        "move_ms": move_times, "move_area": move_area, "full_area": full_area,
        "move_items": move_items, "full_items": full_items}), encoding="utf-8")
    print(f"\nWrote {RESULTS_FILE.relative_to(ROOT)}")
    panel.close()
    context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
