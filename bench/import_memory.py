"""What importing big and hostile files costs in memory, each import in a child process.

Run by import_bench.py (`make bench`), or alone: `.venv/bin/python bench/import_memory.py
[--runs N]`. The files are generated in a temp folder:

- a 200 MB metrics CSV (long format with a comment column, just under the million-row
  limit) and a 200 MB accounts CSV (Salesforce-like, with long notes): read, preview and
  apply, the preview's plan kept while applying (as the import dialog does);
- a ~20 MB tracker workbook, a workbook whose shared-string table is as large as allowed,
  and the 100 KB workbook with 20,000 values in column XFD;
- oversized files, to be refused: a 600 MB CSV, a zip bomb, a workbook declaring 3 GB.

Goals: each import of a file ≤ 200 MB (CSV) or ≤ 20 MB (XLSX) peaks ≤ 500 MB RSS; each
oversized file is refused within 2 s. The baseline, in the same run, is a child that only
imports the app's modules and opens an empty portfolio: the least any import costs.
Also reported (no goal): refusing a CSV of 1.2 million rows, which needs a full scan.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "reliability"))  # hostile_xlsx writes raw workbooks
GOAL_PEAK_MB = 500
GOAL_REFUSAL_S = 2.0
RUNS = 3
MB = 1_000_000
METRIC_NAMES = ("Active Users", "Licensed Seats", "Logins", "Support Tickets", "NPS", "CSAT")


# Files --------------------------------------------------------------------------------------
def _write_csv(path: Path, header: list[str], row: Callable[[int], list[Any] | None],
               size: int) -> int:
    """Rows from `row(n)` until the file reaches `size` bytes; returns the row count."""
    written = n = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        while written < size:
            values = row(n)
            if values is None:
                break
            writer.writerow(values)
            n += 1
            if n % 2000 == 0 or written + buffer.tell() >= size:
                written += handle.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
        handle.write(buffer.getvalue())
    return n


def metrics_csv(path: Path, size: int = 200 * MB) -> int:
    generator = random.Random(7)
    comment = ("Checked by the CSM after the quarterly business review; figures from the "
               "product analytics export of the quarter, reconciled with the billing system")

    def row(n: int) -> list[Any]:
        name = METRIC_NAMES[n % 6]
        quarter = n // 6000
        value = (round(generator.uniform(1, 5), 1) if name == "CSAT" else
                 generator.randint(-100, 100) if name == "NPS" else generator.randint(0, 5000))
        return [f"0015g{n // 6 % 1000:08d}", f"Account {n // 6 % 1000:04d}",
                f"{1990 + quarter // 4}Q{quarter % 4 + 1}", name, value, "tracker",
                f"{comment} {n}"]

    return _write_csv(path, ["Account ID", "Account Name", "Quarter", "Metric", "Value",
                             "Source", "Comment"], row, size)


def accounts_csv(path: Path, size: int = 200 * MB) -> int:
    notes = "Long-standing customer; renewal discussed with procurement. " * 7

    def row(n: int) -> list[Any]:
        return [f"A{n:09d}", f"Account {n:09d} Holdings", f"{10_000 + n % 90_000}.00",
                "Retail", "Germany", f"{notes}{n}"]

    return _write_csv(path, ["Account ID", "Account Name", "ARR", "Industry", "Country",
                             "Notes"], row, size)


def seed_accounts_csv(path: Path) -> None:
    path.write_text("Account ID,Account Name\n" + "".join(
        f"0015g{n:08d},Account {n:04d}\n" for n in range(1000)), encoding="utf-8")


def too_many_rows_csv(path: Path) -> int:
    return _write_csv(path, ["Account Name", "ARR"],
                      lambda n: [f"A{n}", n] if n < 1_200_000 else None, 10**12)


def tracker_xlsx(path: Path, size: int = 20 * MB) -> int:
    """A metrics tracker as Excel saves it (shared strings), about `size` bytes."""
    import xlsxwriter

    generator = random.Random(11)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Quarterly usage")
    sheet.write_row(0, 0, ["Account ID", "Account Name", "Quarter", "Active Users",
                           "Licensed Seats", "Logins", "Support Tickets", "NPS", "CSAT",
                           "Comment"])
    rows = int(size / 61)  # about what a row of this shape compresses to
    for n in range(rows):
        quarter = n // 1000
        sheet.write_row(n + 1, 0, [
            f"0015g{n % 1000:08d}", f"Account {n % 1000:04d}",
            f"{1990 + quarter // 4}Q{quarter % 4 + 1}", generator.randint(0, 5000),
            generator.randint(0, 5000), generator.randint(0, 90_000), generator.randint(0, 300),
            generator.randint(-100, 100), round(generator.uniform(1, 5), 1),
            f"reviewed {generator.randint(0, 10**9)}"])
    book.close()
    return rows


def _raw_workbook(path: Path, sheet: bytes, strings: bytes | None = None) -> None:
    from hostile_xlsx import workbook_parts, zip_bytes

    parts = workbook_parts([("Data", sheet)], shared_strings=strings)  # type: ignore[arg-type]
    path.write_bytes(zip_bytes(parts, level=9))


def shared_text_xlsx(path: Path) -> int:
    """A workbook whose shared-string table holds as much text as an import accepts, in
    short strings: the most objects openpyxl can be made to build from one workbook."""
    from hostile_xlsx import MAIN

    count = 2_900_000  # 66.7 MB of XML: just under the 64 MiB the import accepts
    items = b"".join(b"<si><t>%07d</t></si>" % n for n in range(count))
    strings = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + MAIN.encode()
               + b'">' + items + b"</sst>")
    rows = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>' % (n + 2, n + 2, n)
                    for n in range(0, count, 60))
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="' + MAIN.encode()
             + b'"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Account Name</t></is>'
             b"</c></row>" + rows + b"</sheetData></worksheet>")
    _raw_workbook(path, sheet, strings)
    return count // 60


def far_columns_xlsx(path: Path) -> int:
    from hostile_xlsx import MAIN, cell_xml

    body = "".join(f'<row r="{n}">{cell_xml(f"A{n}", f"Account {n}")}'
                   f'{cell_xml(f"XFD{n}", n)}</row>' for n in range(2, 20_002))
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
             f'<dimension ref="A1:XFD20001"/><sheetData><row r="1">'
             f'{cell_xml("A1", "Account Name")}</row>{body}</sheetData></worksheet>')
    _raw_workbook(path, sheet.encode())
    return 20_000


def oversized_csv(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: 600 MB that take no disk
        handle.write(b"Account Name\n")
        handle.truncate(600 * MB)


def bomb_xlsx(path: Path) -> None:
    sheet = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData>' + b" " * (300 * MB)
             + b"</sheetData></worksheet>")
    _raw_workbook(path, sheet)


def declares_too_much_xlsx(path: Path) -> None:
    from hostile_xlsx import set_declared_size, sheet_xml, workbook_parts, zip_bytes

    data = zip_bytes(workbook_parts([("Data", sheet_xml([["Account Name"], ["Acme"]]))]))
    path.write_bytes(set_declared_size(data, "xl/worksheets/sheet1.xml", 3_000_000_000))


# Child ----------------------------------------------------------------------------------------
def child(kind: str, path: str, database: str) -> None:
    """One import (read, preview, apply, the preview kept), reporting its own peak RSS."""
    sys.path.insert(0, str(ROOT))
    from qbr_desktop.imports.errors import ImportFailed
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.importing import ImportService

    context = AppContext.open(DatabaseTarget(path=Path(database)))
    service = ImportService(context.store.sessions)
    result: dict[str, Any] = {}
    if kind in ("contacts", "metrics"):
        seed = Path(database).with_name("seed.csv")
        seed_accounts_csv(seed)
        table = service.read(seed)
        service.apply(ImportKind.ACCOUNTS, table,
                      service.starting_mapping(ImportKind.ACCOUNTS, table).mapping)
    started = time.perf_counter()
    if kind != "none":
        import_kind = ImportKind(kind)
        try:
            table = service.read(Path(path))
            mapping = service.starting_mapping(import_kind, table).mapping
            preview = service.preview(import_kind, table, mapping)
            applied = service.apply(import_kind, table, mapping)
            result.update(rows=len(table.rows), summary=applied.summary(),
                          previewed=preview.summary())
        except ImportFailed as exc:
            result["refused"] = str(exc)
    result["seconds"] = time.perf_counter() - started
    context.close()
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))


def peak_rss_mb() -> float:
    """This process's own peak RSS. Linux's ru_maxrss survives exec, so a child forked from
    a big parent would report the parent's size: VmHWM belongs to this program alone."""
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # KiB → MiB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, path: Path, folder: Path) -> dict[str, Any]:
    database = folder / f"portfolio-{time.perf_counter_ns()}.sqlite"
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(path), str(database)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "QBR_DATA_DIR": str(folder / "user-data")})
    for leftover in folder.glob(database.name + "*"):
        leftover.unlink()
    if done.returncode != 0:
        raise SystemExit(f"the child importing {path.name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# Report ---------------------------------------------------------------------------------------
CASES: tuple[tuple[str, str, str, Callable[[Path], Any]], ...] = (
    ("metrics CSV, 200 MB", "metrics", "metrics.csv", metrics_csv),
    ("accounts CSV, 200 MB", "accounts", "accounts.csv", accounts_csv),
    ("tracker XLSX, ~20 MB", "metrics", "tracker.xlsx", tracker_xlsx),
    ("XLSX, 64 MB of shared text", "accounts", "shared-text.xlsx", shared_text_xlsx),
    ("XLSX, 20,000 values in column XFD", "accounts", "far-columns.xlsx", far_columns_xlsx),
)
REFUSALS: tuple[tuple[str, str, Callable[[Path], Any]], ...] = (
    ("a CSV of 600 MB", "oversized.csv", oversized_csv),
    ("a zip bomb (300 MB of spaces)", "bomb.xlsx", bomb_xlsx),
    ("an XLSX declaring 3 GB", "declares.xlsx", declares_too_much_xlsx),
)


def run(runs: int) -> tuple[list[tuple[str, str, str]], dict[str, Any], bool]:
    rows: list[tuple[str, str, str]] = []
    results: dict[str, Any] = {}
    passed = True
    with tempfile.TemporaryDirectory(prefix="qbr-import-memory-") as scratch:
        folder = Path(scratch)
        floor = statistics.median(measure("none", folder, folder)["peak_mb"]
                                  for _ in range(runs))
        rows.append(("baseline: modules + empty portfolio", f"{floor:.0f} MB", "(reported)"))
        results["baseline_peak_mb"] = floor
        for label, kind, name, make in CASES:
            path = folder / name
            make(path)
            size = path.stat().st_size / MB
            samples = [measure(kind, path, folder) for _ in range(runs)]
            path.unlink()
            peak = statistics.median(s["peak_mb"] for s in samples)
            seconds = statistics.median(s["seconds"] for s in samples)
            met = peak <= GOAL_PEAK_MB and "refused" not in samples[0]
            passed &= met
            rows.append((f"{label} ({size:,.1f} MB): peak RSS", f"{peak:.0f} MB",
                         f"<= {GOAL_PEAK_MB} MB  {'PASS' if met else 'FAIL'}  "
                         f"({peak / floor:.1f}x the baseline; {seconds:.1f} s; "
                         f"{samples[0].get('summary') or samples[0].get('refused')})"))
            results[name] = samples
        for label, name, make in REFUSALS:
            path = folder / name
            make(path)
            samples = [measure("accounts", path, folder) for _ in range(runs)]
            path.unlink()
            seconds = statistics.median(s["seconds"] for s in samples)
            met = seconds <= GOAL_REFUSAL_S and "refused" in samples[0]
            passed &= met
            rows.append((f"refusing {label}", f"{seconds:.2f} s",
                         f"<= {GOAL_REFUSAL_S:.0f} s  {'PASS' if met else 'FAIL'}  "
                         f"(peak {statistics.median(s['peak_mb'] for s in samples):.0f} MB)"))
            results[name] = samples
        path = folder / "too-many-rows.csv"
        too_many_rows_csv(path)
        sample = measure("accounts", path, folder)
        rows.append(("refusing a CSV of 1.2 million rows", f"{sample['seconds']:.1f} s",
                     f"(reported: a full scan; peak {sample['peak_mb']:.0f} MB)"))
        results["too-many-rows.csv"] = [sample]
    return rows, results, passed


def print_rows(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    for metric, value, goal in rows:
        print(f"{metric:<{width}}  {value:>8}  {goal}".rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs per file (default {RUNS})")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    print(f"Import memory: each import in a child process, {args.runs} run(s) per file…",
          flush=True)
    rows, results, passed = run(args.runs)
    print()
    print_rows(rows)
    target = ROOT / "bench" / "results" / "import_memory.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"runs": args.runs, "goal_peak_mb": GOAL_PEAK_MB,
                                  "goal_refusal_s": GOAL_REFUSAL_S, "results": results},
                                 indent=2), encoding="utf-8")
    print(f"\nWrote {target.relative_to(ROOT)}.")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
