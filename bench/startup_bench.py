"""Start-up, the CLI's fixed cost, type-to-filter and memory benchmark for QBR Desktop.

Run with `make bench` (or `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup_bench.py`).
Prints medians against goals and writes bench/results/latest.json. Goals on start-up are
ratios to baselines measured in the same run, so they mean the same on any machine.

1. Start to usable: `python -m qbr_desktop --db PATH` in a fresh process per run, on demo
   portfolios of 1,000, 10,000 and 50,000 accounts. The app's hidden start-up probe
   (startup_children.py) reports first paint ("painted"); "usable": the list painted with
   its rows and a click on a row answered (the row selected and painted so); the clicked
   account's details on screen; and every account listed. Beside them: the longest the
   event loop was kept waiting from the first paint until all of that (goal: the window
   answers within 100 ms at any size), and peak RSS by then. The baseline is a bare
   QMainWindow shown the same way, in turns with the app. The day's start-up backup is in
   place before the timed runs (a hard link to the
   cached demo file), as it is for every start but the first of the day; that first start,
   which writes the backup, is timed apart at 1,000 accounts.
2. The CLI: `qbr --version` and `qbr accounts list` (40 accounts) against `python -c pass`,
   in turns; `qbr accounts list --json` on 50,000 accounts; `qbr export deck` in a fresh
   process on the demo portfolio's Strategic account with the most slides.
3. The Portfolio overview from stored results at 50,000 accounts (insights_bench's
   measure: from refresh() until the table has painted its rows).
4. The frozen build (`make dist`): its start to usable against the source's, in turns, on
   1,000 accounts; reported as not measured when dist/qbr-desktop is not there.
5. Type-to-filter and sorting on 10,000 accounts (list_filtering.py).

The 1,000-account demo portfolio is built once and kept in bench/results/cache
(insights_bench.py's); the bigger ones are copies of it in one file (big_portfolio.py),
made once in a minute or two. `--sizes 1000` runs a short version. Bytecode is cached
in a temp folder, warmed once, as for an installed app.

`--against FOLDER` times another checkout's start-up (the folder holding its qbr_desktop
package, e.g. `git archive HEAD~3 qbr_desktop | tar -x -C FOLDER`) in the same turns, so a
change is judged old against new under the same load; `--startup-only` stops after part 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import startup_children as children
from big_portfolio import replicated_portfolio
from insights_bench import portfolio_view

ROOT = Path(__file__).resolve().parent.parent
RESULTS_FILE = ROOT / "bench" / "results" / "latest.json"
DIST = ROOT / "dist"

SIZES = (1_000, 10_000, 50_000)
RUNS = {1_000: 7, 10_000: 5, 50_000: 3}
CLI_RUNS = 15
CLI_ACCOUNTS = 40
DECK_RUNS = 3

GOAL_USABLE_RATIO = {1_000: 3.0, 10_000: 5.0}  # usable / bare window painted
GOAL_USABLE_S = {50_000: 2.0}
GOAL_STALL_MS = 100.0
GOAL_RSS_MB = {1_000: 110.0}
GOAL_VERSION_RATIO = 3.0
GOAL_LIST_RATIO = 8.0
GOAL_LIST_JSON_S = 3.0  # 50,000 accounts
GOAL_OVERVIEW_MS = 500.0  # 50,000 accounts
GOAL_DECK_S = 1.5
GOAL_FROZEN_RATIO = 1.3
FROZEN_FIRST_TIMEOUT_S = 60.0  # its first start; a stale build may never report
GOAL_FILTER_MEDIAN_MS = 50.0
GOAL_SORT_MEDIAN_MS = 100.0


@dataclass(frozen=True, slots=True)
class Row:
    metric: str
    value: str
    goal: str
    result: str  # PASS, MISS or info


def verdict(passed: bool) -> str:
    return "PASS" if passed else "MISS"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# Set-up --------------------------------------------------------------------------------------
def portfolio_copy(accounts: int, folder: Path, *, backed_up: bool) -> Path:
    """A private copy of the cached demo portfolio; with today's backup when `backed_up`."""
    from qbr_desktop.store.backup import backup_name, backups_folder_for

    cached = replicated_portfolio(accounts)
    target = folder / f"bench-{accounts}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    if backed_up:
        backups = backups_folder_for(target)
        backups.mkdir(exist_ok=True)
        os.link(cached, backups / backup_name(target, datetime.now(UTC), "startup"))
    return target


def warm_bytecode(env: dict[str, str], root: Path) -> None:
    import subprocess

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "qbr_desktop")],
                   env=env, check=True, stdout=subprocess.DEVNULL)


# 1: start to usable ---------------------------------------------------------------------------
def startup(sizes: Sequence[int], workdir: Path, env: dict[str, str],
            launcher: children.Launcher, against: Path | None = None) -> dict[str, Any]:
    """Each size's runs of the app and the bare window in turns; with `against` (another
    checkout's package tree), that version's runs too, in the same turns."""
    baseline_file = workdir / "baseline.py"
    baseline_file.write_text(children.BASELINE_SOURCE, encoding="utf-8")
    baseline = [sys.executable, str(baseline_file)]
    results: dict[str, Any] = {}
    for accounts in sizes:
        first_day = accounts == min(sizes)
        database = portfolio_copy(accounts, workdir / f"portfolio-{accounts}",
                                  backed_up=not first_day)
        command = children.app_command(database)
        other = children.app_command(database, against) if against is not None else None
        print(f"Start-up, {accounts:,} accounts: 1 warm-up + {RUNS[accounts]} runs each of "
              f"the app{' (this and the other version)' if other else ''} and the bare "
              "window…", flush=True)
        first = launcher(command)  # the first of the day writes the start-up backup
        launcher(baseline)
        if other is not None:
            launcher(other)
        app, bare, old = [], [], []
        for _ in range(RUNS[accounts]):
            app.append(launcher(command))
            bare.append(launcher(baseline))
            if other is not None:
                old.append(launcher(other))
        results[str(accounts)] = {"first_launch": asdict(first),
                                  "app": [asdict(r) for r in app],
                                  "baseline": [asdict(r) for r in bare]}
        if other is not None:
            results[str(accounts)]["against"] = [asdict(r) for r in old]
    return results


# 2: the CLI ------------------------------------------------------------------------------------
def cli(sizes: Sequence[int], workdir: Path, env: dict[str, str]) -> dict[str, Any]:
    import subprocess

    qbr = children.qbr_command()
    small = workdir / "cli" / "forty.sqlite"
    subprocess.run([*qbr, "demo", "--db", str(small), "--accounts", str(CLI_ACCOUNTS)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"CLI: {CLI_RUNS} runs each of python -c pass, qbr --version and "
          f"qbr accounts list…", flush=True)
    times = children.interleaved({
        "python -c pass": [sys.executable, "-c", "pass"],
        "qbr --version": [*qbr, "--version"],
        "qbr accounts list": [*qbr, "--db", str(small), "accounts", "list"],
    }, env, CLI_RUNS)
    results: dict[str, Any] = {"times": times}
    if 50_000 in sizes:
        big = portfolio_copy(50_000, workdir / "cli-50000", backed_up=True)
        print("CLI: qbr accounts list --json on 50,000 accounts…", flush=True)
        results["list_json_50000"] = children.wall_seconds(
            [*qbr, "--db", str(big), "accounts", "list", "--json"], env, 3)
    results["deck"] = deck_cold(workdir / "deck", env)
    return results


def deck_cold(folder: Path, env: dict[str, str]) -> dict[str, Any]:
    """`qbr export deck` in a fresh process, after one untimed run."""
    import subprocess
    from datetime import date

    from deck_bench import pick_account

    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext

    database = folder / "demo.sqlite"
    subprocess.run([*children.qbr_command(), "demo", "--db", str(database)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    context = AppContext.open(DatabaseTarget(path=database))
    try:
        account_id, _content = pick_account(context, date.today())
        name = context.insights.name(account_id)
    finally:
        context.close()
    print(f"CLI: qbr export deck {name!r}, 1 warm-up + {DECK_RUNS} runs…", flush=True)
    command = [*children.qbr_command(), "--db", str(database), "export", "deck", name,
               "--out", str(folder / "deck.pptx")]
    return {"account": name, "seconds": children.wall_seconds(command, env, DECK_RUNS)}


# 4: the frozen build ---------------------------------------------------------------------------
def frozen(workdir: Path, launcher: children.Launcher) -> dict[str, Any] | None:
    database = portfolio_copy(1_000, workdir / "frozen", backed_up=True)
    command = children.frozen_command(database, DIST)
    if command is None:
        return None
    source = children.app_command(database)
    print("Frozen build: 1 warm-up + 5 runs each of it and the source…", flush=True)
    built, from_source = [], []
    try:  # once, not retried: a stale or broken dist/ is reported, not waited on
        children.launch(command, launcher.env, launcher.log, timeout_s=FROZEN_FIRST_TIMEOUT_S)
    except children.ChildFailed as exc:
        print(f"Warning: the frozen build did not start: {exc}", file=sys.stderr, flush=True)
        return {"failed": True}
    launcher(source)
    for _ in range(5):
        built.append(launcher(command))
        from_source.append(launcher(source))
    return {"frozen": [asdict(r) for r in built], "source": [asdict(r) for r in from_source]}


# Report ----------------------------------------------------------------------------------------
def startup_rows(results: dict[str, Any]) -> list[Row]:
    rows = []
    for size, runs in results.items():
        accounts = int(size)
        usable = median([r["usable_s"] for r in runs["app"]])
        bare = median([r["painted_s"] for r in runs["baseline"]])
        label = f"{accounts:,} accounts"
        rows.append(Row(f"start to usable, {label}", f"{usable:.3f} s",
                        f"<= {GOAL_USABLE_S[accounts]:.0f} s" if accounts in GOAL_USABLE_S
                        else "", verdict(usable <= GOAL_USABLE_S[accounts])
                        if accounts in GOAL_USABLE_S else "info"))
        goal = GOAL_USABLE_RATIO.get(accounts)
        rows.append(Row("  usable / bare window painted", f"{usable / bare:.2f}x",
                        f"<= {goal:.0f}x" if goal else "",
                        verdict(usable / bare <= goal) if goal else "info"))
        rows.append(Row("  painted (secondary)",
                        f"{median([r['painted_s'] for r in runs['app']]):.3f} s", "", "info"))
        rows.append(Row("  the clicked account's details shown",
                        f"{median([r['details_s'] for r in runs['app']]):.3f} s", "", "info"))
        rows.append(Row("  every account listed",
                        f"{median([r['listed_s'] for r in runs['app']]):.3f} s", "", "info"))
        rows.append(Row("  bare QMainWindow painted", f"{bare:.3f} s", "", "info"))
        stall = max(r["stall_ms"] for r in runs["app"])
        rows.append(Row("  bare window, idle 1 s after its paint: longest wait (worst run)",
                        f"{max(r['stall_ms'] for r in runs['baseline']):.0f} ms", "",
                        "info"))
        rows.append(Row("  longest wait of the event loop, paint to all listed (worst run)",
                        f"{stall:.0f} ms",
                        f"<= {GOAL_STALL_MS:.0f} ms", verdict(stall <= GOAL_STALL_MS)))
        rows.append(Row("  the same, median of the runs",
                        f"{median([r['stall_ms'] for r in runs['app']]):.0f} ms", "", "info"))
        rows += against_rows(runs, bare)
        rss = median([r["rss_mb"] for r in runs["app"]])
        rss_goal = GOAL_RSS_MB.get(accounts)
        rows.append(Row("  peak RSS at usable", f"{rss:.1f} MB",
                        f"<= {rss_goal:.0f} MB" if rss_goal else "",
                        verdict(rss <= rss_goal) if rss_goal else "info"))
        rows.append(Row("  peak RSS with details shown and all listed",
                        f"{median([r['rss_end_mb'] for r in runs['app']]):.1f} MB", "",
                        "info"))
        rows.append(Row("  peak RSS, bare window",
                        f"{median([r['rss_mb'] for r in runs['baseline']]):.1f} MB", "", "info"))
        if accounts == min(int(s) for s in results):
            rows.append(Row("  first start of the day (writes the backup), usable",
                            f"{runs['first_launch']['usable_s']:.3f} s", "", "info"))
    return rows


def against_rows(runs: dict[str, Any], bare: float) -> list[Row]:
    """The other version's figures (--against), timed in the same turns."""
    old = runs.get("against")
    if not old:
        return []
    usable = median([r["usable_s"] for r in old])
    stalls = [r["stall_ms"] for r in old]
    return [Row("  other version (--against): usable", f"{usable:.3f} s", "", "info"),
            Row("    / bare window painted", f"{usable / bare:.2f}x", "", "info"),
            Row("    longest wait, worst run", f"{max(stalls):.0f} ms", "", "info"),
            Row("    longest wait, median of the runs", f"{median(stalls):.0f} ms", "",
                "info")]


def cli_rows(results: dict[str, Any]) -> list[Row]:
    times = results["times"]
    bare = median(times["python -c pass"])
    version, listing = median(times["qbr --version"]), median(times["qbr accounts list"])
    rows = [
        Row("python -c pass", f"{bare * 1000:.0f} ms", "", "info"),
        Row("qbr --version", f"{version * 1000:.0f} ms", "", "info"),
        Row("  / python -c pass", f"{version / bare:.2f}x", f"<= {GOAL_VERSION_RATIO:.0f}x",
            verdict(version / bare <= GOAL_VERSION_RATIO)),
        Row(f"qbr accounts list ({CLI_ACCOUNTS} accounts)", f"{listing * 1000:.0f} ms", "",
            "info"),
        Row("  / python -c pass", f"{listing / bare:.2f}x", f"<= {GOAL_LIST_RATIO:.0f}x",
            verdict(listing / bare <= GOAL_LIST_RATIO)),
    ]
    if "list_json_50000" in results:
        seconds = median(results["list_json_50000"])
        rows.append(Row("qbr accounts list --json, 50,000 accounts", f"{seconds:.2f} s",
                        f"<= {GOAL_LIST_JSON_S:.0f} s", verdict(seconds <= GOAL_LIST_JSON_S)))
    deck = median(results["deck"]["seconds"])
    rows.append(Row("qbr export deck, cold (Strategic demo account)", f"{deck:.2f} s",
                    f"<= {GOAL_DECK_S} s", verdict(deck <= GOAL_DECK_S)))
    return rows


def other_rows(overview: dict[str, Any] | None, built: dict[str, Any] | None,
               filtering: dict[str, Any]) -> list[Row]:
    from list_filtering import FILTER_ACCOUNTS

    rows = []
    if overview is not None:
        shown = median(overview["open_ms"])
        rows.append(Row("Portfolio overview from stored results, 50,000", f"{shown:.0f} ms",
                        f"<= {GOAL_OVERVIEW_MS:.0f} ms", verdict(shown <= GOAL_OVERVIEW_MS)))
    if built is None or built.get("failed"):
        rows.append(Row("frozen build: usable / source usable",
                        "failed" if built else "not built", "<= 1.3x", "MISS"))
    else:
        frozen_s = median([r["usable_s"] for r in built["frozen"]])
        source_s = median([r["usable_s"] for r in built["source"]])
        rows.append(Row("frozen build: start to usable, 1,000", f"{frozen_s:.3f} s", "",
                        "info"))
        rows.append(Row("  / the source's, in turns", f"{frozen_s / source_s:.2f}x",
                        f"<= {GOAL_FROZEN_RATIO}x", verdict(
                            frozen_s / source_s <= GOAL_FROZEN_RATIO)))
    typing = filtering["keystroke_ms"]
    clicks = filtering["sort_ms"]["click"]
    rows += [
        Row(f"filter keystroke, {FILTER_ACCOUNTS:,} accounts", f"{median(typing):.1f} ms",
            f"<= {GOAL_FILTER_MEDIAN_MS:.0f} ms", verdict(median(typing) <=
                                                          GOAL_FILTER_MEDIAN_MS)),
        Row("sort, header click (ARR, then Name)", f"{median(clicks):.1f} ms",
            f"<= {GOAL_SORT_MEDIAN_MS:.0f} ms", verdict(median(clicks) <=
                                                        GOAL_SORT_MEDIAN_MS)),
    ]
    return rows


def print_table(rows: Sequence[Row]) -> None:
    widths = [max(len(getattr(r, f)) for r in rows) for f in ("metric", "value", "goal")]
    for row in (Row("metric", "median", "goal", "result"), *rows):
        print(f"{row.metric:<{widths[0]}}  {row.value:>{max(widths[1], 6)}}  "
              f"{row.goal:<{max(widths[2], 4)}}  {row.result}")


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        choices=SIZES, help="portfolio sizes to start on (default: all)")
    parser.add_argument("--against", type=Path, metavar="FOLDER",
                        help="another checkout (the folder holding its qbr_desktop package) "
                             "whose start-up is timed in turns with this one's")
    parser.add_argument("--startup-only", action="store_true",
                        help="time the start-up alone (no CLI, frozen build or filtering)")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the same conditions on every machine
    began = time.perf_counter()
    load_at_start = load_average()
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory(prefix="qbr-bench-") as folder:
        workdir = Path(folder)
        env = children.environment(workdir)
        os.environ["QBR_DATA_DIR"] = str(workdir / "bench-data")  # this process's opens
        warm_bytecode(env, ROOT)
        if args.against is not None:
            warm_bytecode(env, args.against.resolve())
        launcher = children.Launcher(env, workdir / "child-stderr.txt")
        started = startup(sizes, workdir, env, launcher,
                          args.against.resolve() if args.against else None)
        if args.startup_only:
            print_table(startup_rows(started))
            print(f"Load average at start {load_at_start}, at end {load_average()}")
            return 0
        commands = cli(sizes, workdir, env)
        built = frozen(workdir, launcher)
        overview = None
        if 50_000 in sizes:
            print("Portfolio overview, 50,000 accounts…", flush=True)
            overview = portfolio_view(portfolio_copy(50_000, workdir / "overview",
                                                     backed_up=True), stored=True)
        from list_filtering import filter_benchmark

        filtering = filter_benchmark()
        failures = launcher.failures
    rows = [*startup_rows(started), *cli_rows(commands), *other_rows(overview, built,
                                                                      filtering)]
    if failures:
        rows.append(Row("children that failed (retried)", str(len(failures)), "0", "MISS"))
    load_at_end = load_average()
    print(f"\nQBR Desktop start-up benchmark: Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, offscreen; load average at start {load_at_start}, "
          f"at end {load_at_end}")
    print_table(rows)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": {"start": load_at_start, "end": load_at_end},
        "summary": [asdict(r) for r in rows], "startup": started, "cli": commands,
        "frozen": built, "overview_50000": overview, "filter": filtering,
        "bench_seconds": time.perf_counter() - began,
    }, indent=2), encoding="utf-8")
    print(f"\nWrote {RESULTS_FILE.relative_to(ROOT)} in {time.perf_counter() - began:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
