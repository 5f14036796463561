"""On a server, a big import goes out as multi-row statements, stores the same rows and
still forgets the stored insights of the accounts it touched (the triggers of 0011 run
once per statement there)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.services.importing import ImportService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow, MetricSnapshotRow

ACCOUNTS = 25
METRICS = ("Active Users", "Licensed Seats", "Logins", "Support Tickets", "NPS", "CSAT")
QUARTERS = [f"{2020 + n // 4}Q{n % 4 + 1}" for n in range(17)]  # 2020Q1 … 2024Q1
ROWS = ACCOUNTS * len(METRICS) * len(QUARTERS)  # 2,550


def _write(folder: Path) -> tuple[Path, Path]:
    accounts, metrics = folder / "accounts.csv", folder / "metrics.csv"
    with accounts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Account ID", "Account Name", "ARR"])
        writer.writerows([f"A{n:03d}", f"Kunde {n} <&> 株式会社", f"{10_000 + n}.00"]
                         for n in range(ACCOUNTS))
    with metrics.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Account ID", "Quarter", "Metric", "Value"])
        writer.writerows([f"A{n:03d}", quarter, metric, n * 100 + index]
                         for quarter in QUARTERS for n in range(ACCOUNTS)
                         for index, metric in enumerate(METRICS[:4]))
        writer.writerows([f"A{n:03d}", quarter, "NPS", n - 12] for quarter in QUARTERS
                         for n in range(ACCOUNTS))
        writer.writerows([f"A{n:03d}", quarter, "CSAT", 4.5] for quarter in QUARTERS
                         for n in range(ACCOUNTS))
    return accounts, metrics


def _apply(service: ImportService, kind: ImportKind, path: Path) -> Any:
    table = service.read(path)
    return service.apply(kind, table, service.starting_mapping(kind, table).mapping)


@pytest.mark.server_only
def test_a_big_metrics_import_is_a_few_statements_with_the_same_rows(
        context: Any, tmp_path: Path) -> None:
    service = ImportService(context.store.sessions)
    accounts, metrics = _write(tmp_path)
    _apply(service, ImportKind.ACCOUNTS, accounts)
    rows_per_insert: list[int] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.startswith("INSERT INTO metric_snapshot"):
            rows_per_insert.append(statement.count("%(account_id__"))

    event.listen(context.store.engine, "before_cursor_execute", note)
    try:
        plan = _apply(service, ImportKind.METRICS, metrics)
    finally:
        event.remove(context.store.engine, "before_cursor_execute", note)

    assert (plan.created, plan.rejected) == (ROWS, 0)
    assert rows_per_insert == [1000, 1000, 550]  # not 2,550 statements of one row
    with session_scope(context.store.sessions) as session:
        assert session.scalar(select(func.count()).select_from(MetricSnapshotRow)) == ROWS
        stored = session.execute(
            select(MetricSnapshotRow.period, MetricSnapshotRow.value)
            .join(AccountRow, AccountRow.id == MetricSnapshotRow.account_id)
            .where(AccountRow.external_id == "A007")
            .order_by(MetricSnapshotRow.period, MetricSnapshotRow.value)).all()
    assert len(stored) == len(METRICS) * len(QUARTERS)
    assert [value for period, value in stored if period == QUARTERS[-1]] == \
        [-5, 4.5, 700, 701, 702, 703]
