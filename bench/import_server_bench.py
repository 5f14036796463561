"""The 100,000-row metrics import of import_bench.py on a PostgreSQL team server.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/import_server_bench.py [--runs N]`.
The server is $QBR_TEST_POSTGRES_URL, or a throwaway cluster started (and stopped) as
team_bench.py does. Each run imports the same files into a fresh database at the schema
head and into a fresh SQLite file, timed the same way (read + dry-run plan + apply).
Goal: the server's median read + plan + apply ≤ 2× the file's, as for team mode's other
commands (it was 72 s against 2 s while psycopg sent one INSERT per row and the server ran
the statement-level insight triggers once per statement).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import import_bench  # noqa: E402 - the bench folder is on the path only now
import team_bench  # noqa: E402

GOAL_RATIO = 2.0


def timed(target: Any, accounts: Path, metrics: Path) -> float:
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.importing import ImportService

    context = AppContext.open(target)
    try:
        service = ImportService(context.store.sessions)
        table = service.read(accounts)
        service.apply(ImportKind.ACCOUNTS, table,
                      service.starting_mapping(ImportKind.ACCOUNTS, table).mapping)
        return import_bench.timed_import(context, metrics, import_bench.ROWS)[0]["total_s"]
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    from qbr_desktop.paths import DatabaseTarget

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs (default 3)")
    args = parser.parse_args(argv)
    server_s: list[float] = []
    file_s: list[float] = []
    with tempfile.TemporaryDirectory(prefix="qbr-import-server-") as scratch, \
            team_bench.server() as admin_url:
        root = Path(scratch)
        accounts, metrics = import_bench.write_files(root)
        for run in range(args.runs):
            # One database, made again for each run (and left for a look afterwards).
            url = team_bench.new_database(admin_url, "qbr_import_bench")
            server_s.append(timed(DatabaseTarget(url=url), accounts, metrics))
            file_s.append(timed(DatabaseTarget(path=root / f"run-{run}.sqlite"),
                                accounts, metrics))
    server, file = statistics.median(server_s), statistics.median(file_s)
    passed = server <= GOAL_RATIO * file
    print(f"{import_bench.ROWS:,} metric rows, read + plan + apply (median of {args.runs}):")
    print(f"  PostgreSQL  {server:6.2f} s")
    print(f"  SQLite      {file:6.2f} s")
    print(f"  ratio       {server / file:6.2f}x  <= {GOAL_RATIO:.0f}x  "
          f"{'PASS' if passed else 'FAIL'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
