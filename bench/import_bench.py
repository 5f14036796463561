"""Import benchmark for QBR Desktop: 100,000 metric rows from CSV.

Run with `make bench` (or `.venv/bin/python bench/import_bench.py [--runs N]`).

Each run starts from a fresh portfolio file holding 1,000 accounts (imported first, not
timed), then times what a person's import costs: reading the file (encoding, delimiter,
parse), the dry-run plan (`ImportService.preview`), and the apply, which plans again inside
its transaction and writes with bulk statements. Goal: read + plan + apply ≤ 5 s (median).

The baseline, measured in the same run on the same file, is the least any import can do:
`csv.reader` into a list and one `sqlite3` executemany into an equivalent table. The ratio
says what parsing every cell, checking every row and reporting per row costs on top.
A re-import of the same file (every value unchanged) is timed too.

Then a usage export as analytics tools write it: 5,000 accounts, one row each, 12 monthly
columns (60,000 cells), rolled up to quarters. Goal: read + plan + apply ≤ 5 s (median).

Then memory (import_memory.py): 200 MB CSVs and ~20 MB workbooks imported in child
processes, peak RSS ≤ 500 MB each, and oversized files refused within 2 s.
`--memory-runs 0` skips that part.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import import_memory  # noqa: E402 - the bench folder is on the path only now

RESULTS_FILE = ROOT / "bench" / "results" / "imports.json"
ACCOUNTS = 1_000
ROWS = 100_000
RUNS = 5
GOAL_TOTAL_S = 5.0
WIDE_ACCOUNTS = 5_000
WIDE_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")
METRIC_NAMES = ("Active Users", "Licensed Seats", "Logins", "Support Tickets", "NPS", "CSAT")


def write_files(folder: Path) -> tuple[Path, Path]:
    """1,000 accounts and 100,000 long-format metric rows, as a CS platform exports them."""
    accounts = folder / "accounts.csv"
    with accounts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Account ID", "Account Name", "ARR"])
        for n in range(ACCOUNTS):
            writer.writerow([f"0015g{n:08d}", f"Account {n:04d}", f"{10_000 + 97 * n}.00"])
    metrics = folder / "metrics.csv"
    generator = random.Random(7)
    per_quarter = ACCOUNTS * len(METRIC_NAMES)
    with metrics.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Account ID", "Quarter", "Metric", "Value"])
        for n in range(ROWS):
            quarter = n // per_quarter
            account = n // len(METRIC_NAMES) % ACCOUNTS
            name = METRIC_NAMES[n % len(METRIC_NAMES)]
            value: Any = (round(generator.uniform(1, 5), 1) if name == "CSAT" else
                          generator.randint(-100, 100) if name == "NPS" else
                          generator.randint(0, 5_000))
            writer.writerow([f"0015g{account:08d}", f"{2020 + quarter // 4}Q{quarter % 4 + 1}",
                             name, value])
    return accounts, metrics


def write_wide_files(folder: Path) -> tuple[Path, Path]:
    """5,000 accounts, and their monthly active users a column per month of 2025."""
    accounts = folder / "wide-accounts.csv"
    with accounts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Account ID", "Account Name", "ARR"])
        for n in range(WIDE_ACCOUNTS):
            writer.writerow([f"0016g{n:08d}", f"Customer {n:05d}", f"{20_000 + 13 * n}.00"])
    usage = folder / "wide-usage.csv"
    generator = random.Random(11)
    with usage.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Account ID", "Account", "Metric",
                         *(f"{month} 2025" for month in WIDE_MONTHS)])
        for n in range(WIDE_ACCOUNTS):
            writer.writerow([f"0016g{n:08d}", f"Customer {n:05d}", "Active users",
                             *(generator.randint(0, 2_000) for _ in WIDE_MONTHS)])
    return accounts, usage


def wide_run(folder: Path, accounts: Path, usage: Path) -> dict[str, float]:
    context = fresh_portfolio(folder, accounts)
    try:
        return timed_import(context, usage, WIDE_ACCOUNTS * 4)[0]
    finally:
        context.close()


def timed_import(context: Any, metrics: Path, values: int) -> tuple[dict[str, float], Any]:
    """Read, dry-run plan and apply one metrics file, each timed; `values` must be new."""
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.services.importing import ImportService

    service = ImportService(context.store.sessions)
    kind = ImportKind.METRICS
    started = time.perf_counter()
    table = service.read(metrics)
    read = time.perf_counter()
    mapping = service.starting_mapping(kind, table).mapping
    plan = service.preview(kind, table, mapping)
    planned = time.perf_counter()
    applied = service.apply(kind, table, mapping)
    done = time.perf_counter()
    if (plan.created, applied.created, applied.rejected) != (values, values, 0):
        raise SystemExit(f"unexpected import result: {applied.summary()}")
    return ({"read_s": read - started, "plan_s": planned - read, "apply_s": done - planned,
             "total_s": done - started}, mapping)


def fresh_portfolio(folder: Path, accounts: Path) -> Any:
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.importing import ImportService

    context = AppContext.open(DatabaseTarget(path=folder / "portfolio.sqlite"))
    service = ImportService(context.store.sessions)
    table = service.read(accounts)
    service.apply(ImportKind.ACCOUNTS, table,
                  service.starting_mapping(ImportKind.ACCOUNTS, table).mapping)
    return context


def app_run(folder: Path, accounts: Path, metrics: Path) -> dict[str, float]:
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.services.importing import ImportService

    context = fresh_portfolio(folder, accounts)
    try:
        numbers, mapping = timed_import(context, metrics, ROWS)
        service = ImportService(context.store.sessions)
        again_started = time.perf_counter()
        again = service.apply(ImportKind.METRICS, service.read(metrics), mapping)
        again_done = time.perf_counter()
        if again.unchanged != ROWS:
            raise SystemExit(f"unexpected re-import result: {again.summary()}")
    finally:
        context.close()
    return {**numbers, "reimport_s": again_done - again_started}


def baseline_run(folder: Path, metrics: Path) -> float:
    """csv.reader into a list, then one executemany into an equivalent table."""
    connection = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE metric_snapshot (id INTEGER PRIMARY KEY, account TEXT, "
                       "period TEXT, metric_key TEXT, value REAL, "
                       "UNIQUE (account, period, metric_key))")
    started = time.perf_counter()
    with metrics.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO metric_snapshot (account, period, metric_key, value) "
                           "VALUES (?, ?, ?, ?)", rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"timed runs (default {RUNS})")
    parser.add_argument("--memory-runs", type=int, default=import_memory.RUNS,
                        help=f"runs per file of the memory part (default {import_memory.RUNS})")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    cpus = os.cpu_count() or 1
    if load > cpus * 0.5:
        print(f"Warning: load average {load:.1f} on {cpus} CPUs: other work running now will "
              "slow these numbers down.", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="qbr-import-bench-") as scratch:
        root = Path(scratch)
        accounts, metrics = write_files(root)
        print(f"Import: {ROWS:,} metric rows for {ACCOUNTS:,} accounts "
              f"({metrics.stat().st_size / 1e6:.1f} MB), 1 warm-up + {args.runs} runs…",
              flush=True)
        app: list[dict[str, float]] = []
        baseline: list[float] = []
        for run in range(args.runs + 1):
            folder = root / f"run-{run}"
            folder.mkdir()
            numbers = app_run(folder, accounts, metrics)
            base = baseline_run(folder, metrics)
            if run:  # the first run warms caches and imports
                app.append(numbers)
                baseline.append(base)
        wide_accounts, wide_usage = write_wide_files(root)
        print(f"Wide usage: {WIDE_ACCOUNTS:,} accounts x {len(WIDE_MONTHS)} months "
              f"({WIDE_ACCOUNTS * len(WIDE_MONTHS):,} cells), 1 warm-up + {args.runs} runs…",
              flush=True)
        wide: list[dict[str, float]] = []
        for run in range(args.runs + 1):
            folder = root / f"wide-{run}"
            folder.mkdir()
            numbers = wide_run(folder, wide_accounts, wide_usage)
            if run:
                wide.append(numbers)
    medians = {key: statistics.median(r[key] for r in app) for key in app[0]}
    wide_medians = {key: statistics.median(r[key] for r in wide) for key in wide[0]}
    wide_passed = wide_medians["total_s"] <= GOAL_TOTAL_S
    base_median = statistics.median(baseline)
    ratio = medians["total_s"] / base_median
    passed = medians["total_s"] <= GOAL_TOTAL_S
    rows = [
        ("read (decode, delimiter, parse)", f"{medians['read_s']:.2f} s", ""),
        ("dry-run plan", f"{medians['plan_s']:.2f} s", ""),
        ("apply (plan again + write)", f"{medians['apply_s']:.2f} s", ""),
        ("read + plan + apply", f"{medians['total_s']:.2f} s",
         f"<= {GOAL_TOTAL_S:.0f} s  {'PASS' if passed else 'FAIL'}"),
        ("re-import, all unchanged", f"{medians['reimport_s']:.2f} s", ""),
        ("baseline: csv.reader + executemany", f"{base_median:.2f} s", ""),
        ("ratio to the baseline", f"{ratio:.1f}x", "(reported)"),
    ]
    rows += [
        ("wide usage: read", f"{wide_medians['read_s']:.2f} s", ""),
        ("wide usage: dry-run plan (roll-up)", f"{wide_medians['plan_s']:.2f} s", ""),
        ("wide usage: apply", f"{wide_medians['apply_s']:.2f} s", ""),
        ("wide usage: read + plan + apply", f"{wide_medians['total_s']:.2f} s",
         f"<= {GOAL_TOTAL_S:.0f} s  {'PASS' if wide_passed else 'FAIL'}"),
    ]
    passed = passed and wide_passed
    print()
    width = max(len(r[0]) for r in rows)
    for metric, value, goal in rows:
        print(f"{metric:<{width}}  {value:>8}  {goal}".rstrip())
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({
        "rows": ROWS, "accounts": ACCOUNTS, "runs": args.runs, "load_average": load,
        "goal_total_s": GOAL_TOTAL_S, "medians": medians, "baseline_median_s": base_median,
        "ratio": ratio, "samples": app, "baseline_samples": baseline,
        "wide_usage": {"accounts": WIDE_ACCOUNTS, "months": len(WIDE_MONTHS),
                       "cells": WIDE_ACCOUNTS * len(WIDE_MONTHS), "medians": wide_medians,
                       "samples": wide},
    }, indent=2), encoding="utf-8")
    print(f"\nWrote {RESULTS_FILE.relative_to(ROOT)}.")
    if args.memory_runs > 0:
        print()
        passed = import_memory.main(["--runs", str(args.memory_runs)]) == 0 and passed
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
