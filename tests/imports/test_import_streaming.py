"""Big files are read again for each use instead of kept: the results must be the same as
when the rows are kept, and a file changed in between must never be half-imported."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import qbr_desktop.imports.table as table_module
from qbr_desktop.i18n import english
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.imports.plan import WRITE_BATCH
from qbr_desktop.services.importing import ImportService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"
KIND_OF = {"salesforce_accounts.csv": ImportKind.ACCOUNTS,
           "accounts_mixed_delimiters.csv": ImportKind.ACCOUNTS,
           "accounts_wrong_encoding.csv": ImportKind.ACCOUNTS,
           "accounts_gb18030.csv": ImportKind.ACCOUNTS,
           "accounts_formulas.csv": ImportKind.ACCOUNTS,
           "accounts_ambiguous_dates.csv": ImportKind.ACCOUNTS,
           "hubspot_contacts.csv": ImportKind.CONTACTS,
           "hubspot_contacts_utf16.txt": ImportKind.CONTACTS,
           "contacts_duplicate_headers.csv": ImportKind.CONTACTS,
           "metrics_long.csv": ImportKind.METRICS,
           "usage_tracker.xlsx": ImportKind.METRICS}


@pytest.fixture
def service(context: Any) -> ImportService:
    accounts = ImportService(context.store.sessions)
    table = accounts.read(SAMPLES / "salesforce_accounts.csv")
    accounts.apply(ImportKind.ACCOUNTS, table,
                   accounts.starting_mapping(ImportKind.ACCOUNTS, table).mapping)
    return accounts


def outcome(service: ImportService, name: str, kind: ImportKind) -> Any:
    table = service.read(SAMPLES / name)
    mapping = service.starting_mapping(kind, table).mapping
    plan = service.preview(kind, table, mapping)
    return (table.headers, table.notices, len(table.rows), list(table.rows), table.rows[1:3],
            table.rows[-1], english(plan.summary()),
            [(r.number, r.action, r.label, r.reasons, r.warnings, r.changes) for r in plan.rows])


@pytest.mark.parametrize("name", sorted(KIND_OF))
def test_streamed_and_kept_files_read_and_plan_alike(service: ImportService, name: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    kept = outcome(service, name, KIND_OF[name])
    monkeypatch.setattr(table_module, "CACHED_CELLS", 0)
    monkeypatch.setattr(table_module, "HEAD_ROWS", 1)
    table = service.read(SAMPLES / name)
    assert table.rows.streamed
    assert outcome(service, name, KIND_OF[name]) == kept


def write_accounts(path: Path, count: int, *, stamp: str = "") -> Path:
    lines = ["Account ID,Account Name,ARR"]
    lines += [f"A{n},Account {n}{stamp},{1000 + n}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_changed_after_reading_is_refused_not_mixed(
        service: ImportService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        context: Any) -> None:
    monkeypatch.setattr(table_module, "CACHED_CELLS", 0)
    path = write_accounts(tmp_path / "accounts.csv", 50)
    table = service.read(path)
    mapping = service.starting_mapping(ImportKind.ACCOUNTS, table).mapping
    assert service.preview(ImportKind.ACCOUNTS, table, mapping).created == 50
    write_accounts(path, 60, stamp=" (edited)")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    with pytest.raises(UnreadableFile, match=r"^accounts.csv changed after it was read; "
                                             r"choose it again"):
        service.apply(ImportKind.ACCOUNTS, table, mapping)
    with session_scope(context.store.sessions) as session:
        assert session.scalar(select(func.count()).select_from(AccountRow)) == 7


def test_an_import_bigger_than_a_write_batch_is_all_or_nothing(
        service: ImportService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        context: Any) -> None:
    monkeypatch.setattr(table_module, "CACHED_CELLS", 0)
    count = 2 * WRITE_BATCH + 10
    path = write_accounts(tmp_path / "accounts.csv", count)
    table = service.read(path)
    mapping = service.starting_mapping(ImportKind.ACCOUNTS, table).mapping
    writes: list[int] = []
    real_write = ImportService._write

    def write_then_fail(self: ImportService, session: Any, plan: Any) -> None:
        writes.append(len(plan.inserts))
        real_write(self, session, plan)
        if len(writes) == 3:
            raise RuntimeError("power cut")

    monkeypatch.setattr(ImportService, "_write", write_then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        service.apply(ImportKind.ACCOUNTS, table, mapping)
    assert writes == [WRITE_BATCH, WRITE_BATCH, 10]  # batches, never the whole file at once
    with session_scope(context.store.sessions) as session:
        assert session.scalar(select(func.count()).select_from(AccountRow)) == 7
    monkeypatch.setattr(ImportService, "_write", real_write)
    plan = service.apply(ImportKind.ACCOUNTS, table, mapping)
    assert plan.created == count and not plan.inserts
    with session_scope(context.store.sessions) as session:
        assert session.scalar(select(func.count()).select_from(AccountRow)) == 7 + count
