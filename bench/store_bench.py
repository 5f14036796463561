"""The store's reliability measures, against baselines timed in the same run.

Run with `make bench` (or `.venv/bin/python bench/store_bench.py`).

1. A write unit of work (`AccountService.update`) now takes the write lock at its start
   (BEGIN IMMEDIATE, see store/engine.py). Baseline: the same service call with the unit
   of work as it was (a deferred BEGIN at the first statement). Goal: ≤ 1.2×.
2. Each account's recent metric values for 2,000 accounts (`recent_by_account`) now leave
   out unreadable periods before ranking (store/periods.py). Baseline: the same window
   query without that filter. Goal: ≤ 1.3×.
3. Opening a portfolio (`AppContext.open`, which also looks for a half-built demo) against
   `open_sqlite_store` alone. Goal: ≤ 1.2×.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS_FILE = ROOT / "bench" / "results" / "store.json"
ACCOUNTS, QUARTERS, RUNS = 2_000, 8, 7
METRICS = ("active_users", "licensed_seats", "features_adopted", "features_available",
           "logins", "support_tickets", "csat", "nps", "exec_sponsor_engaged")


def build(path: Path) -> None:
    from qbr_desktop.store.database import open_sqlite_store

    open_sqlite_store(path).close()
    now = datetime(2026, 11, 23, tzinfo=UTC).isoformat()
    connection = sqlite3.connect(path)
    rng = random.Random(7)
    connection.executemany(
        "INSERT INTO account (name, name_key, industry, country, employee_band, arr, currency, "
        "licensed_seats, csm_owner, notes, created_at, updated_at) VALUES "
        "(?, ?, 'Software', 'US', '', '50000', 'USD', 100, '', '', ?, ?)",
        [(f"Account {n}", f"account {n}", now, now) for n in range(ACCOUNTS)])
    connection.executemany(
        "INSERT INTO metric_snapshot (account_id, period, metric_key, value) VALUES (?, ?, ?, ?)",
        [(a + 1, f"{2025 + q // 4}Q{q % 4 + 1}", key, rng.random() * 100)
         for a in range(ACCOUNTS) for q in range(QUARTERS) for key in METRICS])
    connection.commit()
    connection.close()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


@contextmanager
def deferred_scope(factory: Any, **_options: Any) -> Iterator[Any]:
    """The unit of work as it was: a deferred BEGIN at the first statement."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def write_units(path: Path) -> dict[str, float]:
    from qbr_desktop.services import accounts
    from qbr_desktop.store.database import open_sqlite_store

    store = open_sqlite_store(path)
    service = accounts.AccountService(store.sessions)
    ours, baseline = [], []
    locking_scope = accounts.session_scope
    for run in range(RUNS):
        def updates(label: str, run: int = run) -> None:
            for n in range(100):
                service.update(n + 1, {"notes": f"{label} {run} {n}"})

        accounts.session_scope = deferred_scope  # type: ignore[assignment]
        baseline.append(timed(lambda: updates("before")) / 100)
        accounts.session_scope = locking_scope
        ours.append(timed(lambda: updates("ours")) / 100)
    store.close()
    return {"update_ms": median_ms(ours), "baseline_ms": median_ms(baseline)}


def recent_metrics(path: Path) -> dict[str, float]:
    from sqlalchemy import func, select

    from qbr_desktop.store.database import open_sqlite_store
    from qbr_desktop.store.engine import session_scope
    from qbr_desktop.store.insight_repositories import PortfolioMetricsRepository
    from qbr_desktop.store.models import MetricSnapshotRow as M

    store = open_sqlite_store(path)
    ours, baseline = [], []
    for _ in range(RUNS):
        with session_scope(store.sessions, reading=True) as session:
            def unfiltered() -> int:
                inner = select(M.account_id, M.period, M.metric_key, M.value,
                               func.dense_rank().over(partition_by=M.account_id,
                                                      order_by=M.period.desc()).label("age"),
                               ).subquery()
                return len(session.execute(select(inner).where(inner.c.age <= 4)).all())

            baseline.append(timed(unfiltered))
            ours.append(timed(lambda s=session: PortfolioMetricsRepository(s).recent_by_account(4)))
    store.close()
    return {"recent_ms": median_ms(ours), "baseline_ms": median_ms(baseline)}


def opening(path: Path) -> dict[str, float]:
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.store.database import open_sqlite_store

    ours, baseline = [], []
    for _ in range(RUNS):
        baseline.append(timed(lambda: open_sqlite_store(path).close()))
        ours.append(timed(lambda: AppContext.open(DatabaseTarget(path=path)).close()))
    return {"open_ms": median_ms(ours), "baseline_ms": median_ms(baseline)}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="qbr-store-bench-") as folder:
        path = Path(folder) / "bench.sqlite"
        build(path)
        results = {"write unit": (write_units(path), 1.2), "recent metrics":
                   (recent_metrics(path), 1.3), "open": (opening(path), 1.2)}
    failed = False
    for name, (figures, goal) in results.items():
        ours = next(v for k, v in figures.items() if k != "baseline_ms")
        ratio = ours / figures["baseline_ms"]
        failed |= ratio > goal
        print(f"{name:<15} {ours:8.2f} ms  baseline {figures['baseline_ms']:8.2f} ms  "
              f"ratio {ratio:4.2f}× (goal ≤ {goal}×)")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({k: v[0] for k, v in results.items()}, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
