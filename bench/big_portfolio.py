"""Big portfolios for the start-up benchmark, made in a minute instead of half an hour.

The demo builder makes about 35 accounts a second, so a 50,000-account portfolio would take
the benchmark half an hour to build. Here the cached 1,000-account demo portfolio is copied
into one file as many times as needed: every row of every per-account table (accounts and
their contacts, reviews, metrics, risks, plans, agendas, ROI models, maps…) is copied with
its ids and the ids it refers to moved by a fixed offset per copy, and the names that must
be unique get the copy's number ("Acme Corp 7"). The result has the demo's shapes and sizes
(1.3 GB at 50,000 accounts); every account's stored health is then computed once through
the services, as the Portfolio overview keeps it. Kept in bench/results/cache.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from insights_bench import CACHE, demo_database

SOURCE_ACCOUNTS = 1_000
OFFSET = 1_000_000  # ids of copy k are the original ones plus k * OFFSET
# Portfolio-wide tables, copied once with the file; account_insight is computed afterwards.
GLOBAL_TABLES = {"alembic_version", "setting", "product_module", "calendar_event",
                 "import_layout", "account_insight", "sqlite_sequence", "change_counter",
                 "csm", "field_change"}
COPIED_TABLES = ("account", "account_department", "account_module", "contact", "review",
                 "metric_snapshot", "risk_item", "roi_model", "deck_plan", "influence_link",
                 "review_attendance", "prep_task", "agenda", "agenda_section", "meeting_run",
                 "action_item", "review_recap", "review_outcome", "deck_review")


def replicated_portfolio(accounts: int) -> Path:
    """A portfolio of `accounts` accounts (a multiple of 1,000), built once and cached."""
    from qbr_desktop import __version__

    if accounts <= SOURCE_ACCOUNTS:
        return demo_database(accounts)
    path = CACHE / f"replicated-{accounts}-{__version__}.sqlite"
    if path.exists():
        return path
    source = demo_database(SOURCE_ACCOUNTS)
    print(f"Building a {accounts:,}-account portfolio from copies of the "
          f"{SOURCE_ACCOUNTS:,}-account demo (kept for later runs)…", flush=True)
    partial = path.with_suffix(".part")
    partial.unlink(missing_ok=True)
    copy_file(source, partial)
    connection = sqlite3.connect(partial, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("BEGIN")
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")]
        unknown = set(tables) - GLOBAL_TABLES - set(COPIED_TABLES)
        if unknown:  # a new table: say how it is copied before trusting the figures
            raise SystemExit(f"big_portfolio.py does not know the table(s) {sorted(unknown)}")
        for table in (t for t in COPIED_TABLES if t in tables):
            insert = copy_statement(connection, table)
            for copy in range(1, accounts // SOURCE_ACCOUNTS):
                connection.execute(insert, {"offset": copy * OFFSET, "copy": copy})
        connection.execute("COMMIT")
        connection.execute("VACUUM")
    finally:
        connection.close()
    store_health(partial)
    os.replace(partial, path)
    return path


def copy_statement(connection: sqlite3.Connection, table: str) -> str:
    """INSERT … SELECT for one more copy of `table`'s original rows."""
    columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    moved = {row[3] for row in connection.execute(f'PRAGMA foreign_key_list("{table}")')
             if row[2] in COPIED_TABLES}
    values = []
    for column in columns:
        if column == "id" or column in moved:
            values.append(f'"{column}" + :offset')
        elif table == "account" and column in ("name", "name_key"):
            values.append(f"\"{column}\" || ' ' || (:copy + 1)")
        elif table == "account" and column == "external_id":
            values.append(f"\"{column}\" || '-' || (:copy + 1)")
        else:
            values.append(f'"{column}"')
    names = ", ".join(f'"{c}"' for c in columns)
    key = "account_id" if "account_id" in columns and "id" not in columns else "id"
    original = f'"{key}" < {OFFSET}' if key in columns else "1"
    if table in ("agenda", "agenda_section", "meeting_run", "review_recap",
                 "review_attendance", "prep_task", "review_outcome") and "id" not in columns:
        original = f'"review_id" < {OFFSET}'
    return (f'INSERT INTO "{table}" ({names}) SELECT {", ".join(values)} FROM "{table}" '
            f"WHERE {original}")


def copy_file(source: Path, target: Path) -> None:
    connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            connection.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        connection.close()


def store_health(path: Path) -> None:
    """Every account's health, computed and stored as the Portfolio overview does. A link
    to the file stands in for today's start-up backup meanwhile, so that opening it does
    not copy 1.3 GB."""
    from datetime import UTC, datetime

    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.store.backup import backup_name, backups_folder_for

    backups = backups_folder_for(path)
    backups.mkdir(exist_ok=True)
    stand_in = backups / backup_name(path, datetime.now(UTC), "startup")
    os.link(path, stand_in)
    try:
        context = AppContext.open(DatabaseTarget(path=path))
        try:
            context.insights.overview()
        finally:
            context.close()
    finally:
        stand_in.unlink()
