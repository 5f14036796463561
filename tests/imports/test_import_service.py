"""Importing into a real portfolio file: dry runs, applies, re-imports, rollbacks, layouts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from qbr_desktop.i18n import CHINESE, ENGLISH, english, set_interface_language
from qbr_desktop.imports.cells import ImportOptions
from qbr_desktop.imports.errors import ApplyFailed, MappingIncomplete, UnreadableFile
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.services.importing import ImportService, write_rejects
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow, ContactRow, ImportLayoutRow, MetricSnapshotRow

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"
ACCOUNTS, CONTACTS, METRICS = ImportKind.ACCOUNTS, ImportKind.CONTACTS, ImportKind.METRICS


@pytest.fixture
def service(context: Any) -> ImportService:
    return ImportService(context.store.sessions)


def counts(context: Any) -> dict[str, int]:
    with session_scope(context.store.sessions) as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (AccountRow, ContactRow, MetricSnapshotRow, ImportLayoutRow)}


def run(service: ImportService, kind: ImportKind, name: str | Path, *, apply: bool = True,
        **options: Any):  # noqa: ANN201 - an ImportPlan
    table = service.read(SAMPLES / name if isinstance(name, str) else name)
    mapping = service.starting_mapping(kind, table).mapping
    step = service.apply if apply else service.preview
    return step(kind, table, mapping, ImportOptions(**options))


def test_a_dry_run_changes_nothing(context: Any, service: ImportService) -> None:
    before = counts(context)
    plan = run(service, ACCOUNTS, "salesforce_accounts.csv", apply=False)
    assert english(plan.summary()) == "7 new, 0 updated, 0 rejected" and not plan.applied
    assert counts(context) == before


def test_the_three_sample_exports_end_to_end(context: Any, service: ImportService) -> None:
    accounts = run(service, ACCOUNTS, "salesforce_accounts.csv")
    assert accounts.applied and accounts.created == 7
    contacts = run(service, CONTACTS, "hubspot_contacts.csv")
    assert (contacts.created, contacts.rejected) == (6, 2)
    metrics = run(service, METRICS, "usage_tracker.xlsx")
    assert (metrics.created, metrics.rejected) == (115, 0)
    with session_scope(context.store.sessions) as session:
        muller = session.scalars(select(AccountRow).where(
            AccountRow.external_id == "0015g00000AbCdEAA1")).one()
        assert (muller.name, muller.arr, muller.currency) == (
            "Müller Maschinenbau GmbH", Decimal("1200.50"), "EUR")
        assert (muller.employee_band, muller.renewal_date.isoformat(),
                muller.customer_since.isoformat()) == ("1,001–5,000", "2026-12-31", "2021-02-01")
        lumiere = session.scalars(select(AccountRow).where(
            AccountRow.name == "Crédit Lumière SA")).one()
        assert lumiere.notes == "Renewal at risk; champion left in May.\nExec sponsor: CFO."
        names = set(session.scalars(select(ContactRow.name)))
        assert {"芳 王", "ليلى حداد", "Sam 🚀 Rivera", "נועה כהן"} <= names
        wang = session.scalars(select(ContactRow).where(ContactRow.external_id == "51")).one()
        assert (wang.level, wang.title, wang.account_id) == ("C-suite", "Chief Operating Officer",
                                                             muller.id)
        nps = session.scalars(select(MetricSnapshotRow.value).where(
            MetricSnapshotRow.account_id == muller.id, MetricSnapshotRow.period == "2025Q3",
            MetricSnapshotRow.metric_key == "nps")).one()
        assert nps == 20.0
    history = context.accounts.metric_history(muller.id)
    assert [str(q) for q in history.quarters] == ["2025Q3", "2025Q4", "2026Q1", "2026Q2"]


def test_reimporting_updates_instead_of_duplicating(context: Any, service: ImportService) -> None:
    for name, kind in (("salesforce_accounts.csv", ACCOUNTS), ("hubspot_contacts.csv", CONTACTS),
                       ("usage_tracker.xlsx", METRICS)):
        run(service, kind, name)
    first = counts(context)
    again = [run(service, kind, name) for name, kind in (
        ("salesforce_accounts.csv", ACCOUNTS), ("hubspot_contacts_utf16.txt", CONTACTS),
        ("usage_tracker.xlsx", METRICS))]
    assert [(p.created, p.updated, p.unchanged) for p in again] == [
        (0, 0, 7), (0, 0, 6), (0, 0, 115)]
    assert counts(context) == first  # the UTF-16 export has the same layout: one remembered


def test_a_changed_export_updates_the_changed_fields(context: Any, service: ImportService,
                                                     tmp_path: Path) -> None:
    run(service, ACCOUNTS, "salesforce_accounts.csv")
    text = (SAMPLES / "salesforce_accounts.csv").read_bytes().decode("cp1252")
    text = text.replace("1.200,50 €", "2.400,00 €").replace(
        "Señora Café S.L.", "Señora Café Group")
    changed = tmp_path / "salesforce_accounts.csv"
    changed.write_bytes(text.encode("cp1252"))
    plan = run(service, ACCOUNTS, changed)
    assert (plan.created, plan.updated, plan.unchanged) == (0, 2, 5)
    assert {r.label: r.changes for r in plan.rows if r.changes} == {
        "Müller Maschinenbau GmbH": ("ARR",), "Señora Café Group": ("Account name",)}
    assert counts(context)["account"] == 7


def test_metrics_long_format_by_crm_id(context: Any, service: ImportService) -> None:
    run(service, ACCOUNTS, "salesforce_accounts.csv")
    plan = run(service, METRICS, "metrics_long.csv")
    assert (plan.created, plan.rejected) == (18, 2)
    assert counts(context)["metric_snapshot"] == 18


def test_a_failure_mid_apply_leaves_the_database_as_it_was(
        context: Any, service: ImportService, monkeypatch: pytest.MonkeyPatch) -> None:
    run(service, ACCOUNTS, "salesforce_accounts.csv")
    before = counts(context)
    real_write = ImportService._write
    written: list[int] = []

    def write_then_fail(self: ImportService, session: Any, plan: Any) -> None:
        real_write(self, session, plan)  # the rows are written inside the transaction…
        written.append(session.scalar(select(func.count()).select_from(ContactRow)))
        raise RuntimeError("power cut")  # …and then something fails

    monkeypatch.setattr(ImportService, "_write", write_then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        run(service, CONTACTS, "hubspot_contacts.csv")
    assert written == [6]
    assert counts(context) == before


def test_a_database_error_is_reported_and_rolled_back(
        context: Any, service: ImportService, monkeypatch: pytest.MonkeyPatch) -> None:
    before = counts(context)

    def collide(self: ImportService, session: Any, *_args: Any) -> None:
        session.flush()
        raise IntegrityError("INSERT INTO import_layout", {}, Exception("UNIQUE failed"))

    monkeypatch.setattr(ImportService, "_remember", collide)
    with pytest.raises(ApplyFailed, match="The import was not saved, and nothing in the "
                                          "portfolio changed"):
        run(service, ACCOUNTS, "salesforce_accounts.csv")
    assert counts(context) == before


def test_the_mapping_is_remembered_for_the_layout(context: Any, service: ImportService,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Kunde,Umsatz,Notiz\nAcme,100,x\n", encoding="utf-8")
    table = service.read(path)
    assert service.starting_mapping(ACCOUNTS, table).remembered is False
    mapping = {"name": "Kunde", "arr": "Umsatz"}
    service.preview(ACCOUNTS, table, mapping)
    assert service.remembered_mapping(ACCOUNTS, table) is None  # a dry run remembers nothing
    service.apply(ACCOUNTS, table, mapping)
    respelled = tmp_path / "tracker-2.csv"
    respelled.write_text("KUNDE,umsatz, Notiz \nBeta,200,y\n", encoding="utf-8")
    again = service.read(respelled)
    choice = service.starting_mapping(ACCOUNTS, again)
    assert choice.remembered and choice.mapping == {"name": "KUNDE", "arr": "umsatz"}
    assert service.starting_mapping(CONTACTS, again).remembered is False


def test_the_mapping_is_checked(service: ImportService) -> None:
    table = service.read(SAMPLES / "salesforce_accounts.csv")
    with pytest.raises(MappingIncomplete, match="Choose the column that holds the account name"):
        service.preview(ACCOUNTS, table, {"arr": "Annual Recurring Revenue"})
    with pytest.raises(MappingIncomplete, match="There is no column “Nope”"):
        service.preview(ACCOUNTS, table, {"name": "Nope"})
    with pytest.raises(MappingIncomplete, match="chosen for both Account name and Industry"):
        service.preview(ACCOUNTS, table, {"name": "Account Name", "industry": "Account Name"})
    with pytest.raises(MappingIncomplete, match="“email” is not something a accounts import"):
        service.preview(ACCOUNTS, table, {"name": "Account Name", "email": "Account ID"})


@pytest.mark.parametrize(("name", "message"), [
    ("empty.csv", "empty.csv is empty"),
    ("fake.xlsx", "fake.xlsx is not an Excel workbook (not a zip archive)"),
    ("accounts_unclosed_quote.csv", "row 2: a quotation mark opened in this row is never "
                                    "closed"),
    ("missing.csv", "missing.csv does not exist"),
])
def test_unreadable_files_change_nothing(context: Any, service: ImportService, name: str,
                                         message: str) -> None:
    before = counts(context)
    with pytest.raises(UnreadableFile) as caught:
        service.read(SAMPLES / name)
    assert message in str(caught.value)
    assert counts(context) == before


def test_broken_rows_are_rejected_and_the_rest_imported(context: Any,
                                                        service: ImportService) -> None:
    mixed = run(service, ACCOUNTS, "accounts_mixed_delimiters.csv")
    assert [(r.number, r.action.value) for r in mixed.rows] == [
        (2, "create"), (3, "reject"), (4, "create"), (5, "reject")]
    wrong = run(service, ACCOUNTS, "accounts_wrong_encoding.csv")
    assert [r.number for r in wrong.rows if r.reasons] == [4]
    chinese = run(service, ACCOUNTS, "accounts_gb18030.csv")
    assert chinese.created == 4
    with session_scope(context.store.sessions) as session:
        row = session.scalars(select(AccountRow).where(AccountRow.name == "上海星辰科技有限公司")
                              ).one()
        assert (row.arr, row.currency, row.csm_owner) == (Decimal("1200000.00"), "CNY", "李明")


def test_a_ten_megabyte_cell(context: Any, service: ImportService, tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("Account Name,Notes\nAcme," + "n" * 10_000_000 + "\nBeta,fine\n",
                    encoding="utf-8")
    plan = run(service, ACCOUNTS, path)
    assert [(r.number, r.action.value) for r in plan.rows] == [(2, "reject"), (3, "create")]
    assert plan.rows[0].reasons == ["Notes: the cell holds 10,000,000 characters; the limit is "
                                    "1,000,000"]
    # When the notes are not imported, the giant cell costs nothing: the row only warns.
    table = service.read(path)
    skipped = service.preview(ACCOUNTS, table, {"name": "Account Name"})
    assert [r.action.value for r in skipped.rows] == ["create", "unchanged"]
    assert skipped.rows[0].warnings == ["Notes: the cell holds 10,000,000 characters; the "
                                        "limit is 1,000,000"]


def test_rejected_rows_are_written_neutralised(service: ImportService, tmp_path: Path) -> None:
    table = service.read(SAMPLES / "accounts_formulas.csv")
    plan = service.preview(ACCOUNTS, table, service.starting_mapping(ACCOUNTS, table).mapping)
    target = tmp_path / "rejects.csv"
    assert write_rejects(target, table, plan) == 2
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Row,Reasons,Account Name,ARR,Licensed Seats,Notes"
    assert lines[1].startswith("5,ARR: “=1+1” is not an amount of money")
    assert lines[1].endswith(",'-Minus Ltd,'=1+1,40,")
    assert lines[2] == "6,Licensed Seats: Licensed seats cannot be below zero,Negative Seats Inc," \
                       "5000,-5,"


def test_a_hundred_thousand_metric_rows(context: Any, service: ImportService,
                                        tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("Account ID,Account Name\n" + "".join(
        f"A{i},Account {i}\n" for i in range(1000)), encoding="utf-8")
    run(service, ACCOUNTS, accounts)
    keys = ("active_users", "logins", "support_tickets", "nps", "csat")
    lines = ["Account ID,Quarter,Metric,Value"]
    for n in range(100_000):
        quarter = f"{2010 + n // 20_000}Q{n // 5_000 % 4 + 1}"
        key = keys[n % 5]
        lines.append(f"A{n // 5 % 1000},{quarter},{key},{3 if key == 'csat' else n % 90}")
    path = tmp_path / "metrics.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Its speed is measured in bench/import_bench.py, not here.
    dry = run(service, METRICS, path, apply=False)
    applied = run(service, METRICS, path)
    assert (dry.created, dry.rejected) == (100_000, 0)
    assert applied.created == 100_000
    assert counts(context)["metric_snapshot"] == 100_000
    again = run(service, METRICS, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 100_000)


def test_a_field_the_kind_cannot_fill_is_named_with_the_kind_in_chinese(
        service: ImportService) -> None:
    table = service.read(SAMPLES / "salesforce_accounts.csv")
    set_interface_language(CHINESE)
    try:
        with pytest.raises(MappingIncomplete) as refused:
            service.preview(ACCOUNTS, table, {"name": "Account Name", "email": "Account ID"})
        assert str(refused.value) == "客户导入无法填写“email”。"
        assert "accounts" not in str(refused.value)
    finally:
        set_interface_language(ENGLISH)
