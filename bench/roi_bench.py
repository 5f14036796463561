"""ROI calculator benchmark for QBR Desktop.

Run with `make bench` (or `.venv/bin/python bench/roi_bench.py`).

What one keystroke in the calculator costs: re-evaluating a 30-line model (results and
the three scenarios), as the form does on every change. Goal ≤ 5 ms (median). The
sensitivity tornado (each input moved ±20 %) is timed too; the form redraws it with the
charts, after typing pauses.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qbr_desktop.domain.roi import RoiModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS_FILE = ROOT / "bench" / "results" / "roi.json"
LINES = 30
RUNS = 2_000
GOAL_MS = 5.0


def thirty_line_model() -> RoiModel:
    from qbr_desktop.domain.periods import Quarter
    from qbr_desktop.domain.roi import Category, Confidence, CostKind, InvestmentItem, ValueLine

    inputs = {
        Category.REVENUE: {"revenue": Decimal(400_000), "attribution_share": Decimal("0.2")},
        Category.COST: {"hours_saved": Decimal(1_200), "hourly_rate": Decimal(75)},
        Category.RISK: {"cost_per_incident": Decimal(4_000), "baseline_incidents": Decimal(12),
                        "incident_reduction": Decimal("0.3")},
        Category.QUALITY: {"cost_per_error": Decimal(40), "error_volume": Decimal(5_000),
                           "error_reduction": Decimal("0.25")},
        Category.STRATEGIC: {"stated_value": Decimal(20_000)},
    }
    categories = list(inputs)
    confidences = list(Confidence)
    lines = tuple(
        ValueLine(id=f"line-{n}", label=f"Value line {n}", category=categories[n % 5],
                  inputs=inputs[categories[n % 5]], period_days=(91, 365, 30)[n % 3],
                  confidence=confidences[n % 3],
                  description="A new market opened with the platform")
        for n in range(LINES))
    from qbr_desktop.domain.roi import RoiModel

    return RoiModel(currency="USD", quarter=Quarter(2026, 4), lines=lines, investments=(
        InvestmentItem("Subscription", CostKind.SUBSCRIPTION, Decimal(240_000), True),
        InvestmentItem("Services", CostKind.SERVICES, Decimal(30_000), False)))


def main() -> int:
    from qbr_desktop.domain.roi_scenarios import evaluate, scenarios, sensitivity

    model = thirty_line_model()

    def keystroke() -> None:
        evaluate(model)
        scenarios(model)

    for _ in range(50):
        keystroke()
    recompute = []
    for _ in range(RUNS):
        started = time.perf_counter()
        keystroke()
        recompute.append((time.perf_counter() - started) * 1000)
    tornado = []
    for _ in range(RUNS // 10):
        started = time.perf_counter()
        sensitivity(model)
        tornado.append((time.perf_counter() - started) * 1000)
    median = statistics.median(recompute)
    print(f"\nQBR Desktop ROI benchmark: Python {sys.version.split()[0]}, {RUNS:,} runs")
    print(f"{'metric':<46}{'median':>10}  {'goal':<10}result")
    print(f"{'recompute, 30 lines + 3 scenarios':<46}{median:>8.2f} ms  "
          f"{'<= 5 ms':<10}{'PASS' if median <= GOAL_MS else 'MISS'}")
    print(f"{'  p99':<46}{sorted(recompute)[int(RUNS * 0.99)]:>8.2f} ms  {'':<10}info")
    print(f"{'sensitivity tornado (±20 % per input)':<46}"
          f"{statistics.median(tornado):>8.2f} ms  {'':<10}info")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({"recompute_ms": recompute, "tornado_ms": tornado}),
                            encoding="utf-8")
    print(f"\nWrote {RESULTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
