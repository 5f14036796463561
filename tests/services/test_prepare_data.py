"""Prepare QBR data: several exports at once, what each holds, what the deck still lacks,
and one transaction for all of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from qbr_desktop.i18n import english
from qbr_desktop.imports.errors import ApplyFailed, ImportFailed
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.imports.file_kinds import guess_kind
from qbr_desktop.imports.reading import read_table
from qbr_desktop.services.importing import ImportService
from qbr_desktop.services.prepare_data import PreparedFile, PrepareService

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"
PREP = SAMPLES / "qbr_prep"
ALL = ("gainsight_usage_de.csv", "hubspot_contacts_fr.csv", "hubspot_companies.csv",
       "amplitude_usage_ja.csv")


@pytest.fixture
def service(context: Any) -> PrepareService:
    return PrepareService(context)


def opened(service: PrepareService, *names: str) -> list[PreparedFile]:
    return [service.open(PREP / name) for name in names]


@pytest.mark.parametrize(("path", "kind"), [
    (PREP / "hubspot_companies.csv", ImportKind.ACCOUNTS),
    (PREP / "gainsight_usage_de.csv", ImportKind.METRICS),
    (PREP / "hubspot_contacts_fr.csv", ImportKind.CONTACTS),
    (PREP / "amplitude_usage_ja.csv", ImportKind.METRICS),
    (SAMPLES / "salesforce_accounts.csv", ImportKind.ACCOUNTS),
    (SAMPLES / "hubspot_contacts.csv", ImportKind.CONTACTS),
    (SAMPLES / "usage_tracker.xlsx", ImportKind.METRICS),
    (SAMPLES / "metrics_long.csv", ImportKind.METRICS),
    (SAMPLES / "accounts_gb18030.csv", ImportKind.ACCOUNTS),
])
def test_what_a_file_holds_is_told_from_its_headers(path: Path, kind: ImportKind) -> None:
    table = read_table(path)
    assert guess_kind(table.headers, table.ambiguous_headers) is kind


def test_headers_that_say_nothing_leave_the_kind_to_the_csm() -> None:
    assert guess_kind(["Foo", "Bar"]) is None


def test_the_preview_imports_nothing_and_checks_the_deck_it_would_make(
        context: Any, service: PrepareService) -> None:
    files = opened(service, *ALL)
    assert [f.kind for f in files] == [ImportKind.METRICS, ImportKind.CONTACTS,
                                       ImportKind.ACCOUNTS, ImportKind.METRICS]
    data = service.preview(files, "Lumière Bank S.A.")
    assert [o.file.name for o in data.files] == list(ALL)  # as dropped, though planned in order
    holds = {o.file.name: english(o.holds) for o in data.files}
    assert holds["hubspot_companies.csv"] == (
        "6 accounts (6 new, 0 updated): ARR, Renewal date, Customer since, Licensed seats, "
        "Industry, Country, Employees, CSM owner")
    assert holds["hubspot_contacts_fr.csv"] == "4 contacts of 2 accounts (4 new, 0 updated)"
    assert holds["gainsight_usage_de.csv"].startswith(
        "Usage of 5 accounts: Active users, Licensed seats, Features adopted, Features "
        "available, Logins, Support tickets, CSAT (1–5), NPS (−100 to 100); 2025 Q1 to 2026 Q3 "
        "(7 quarters) (21 monthly columns, 2025-01 to 2026-09); 280 new, 0 updated values, "
        "16 rows rejected")
    assert data.files[0].plan is not None and data.files[0].plan.unmatched == {
        "QA Testmandant (intern)": 8, "Vandelay Industries": 8}
    assert data.account == "Lumière Bank S.A." and data.ready and not data.problems
    assert len(data.accounts) == 6
    for slide in ("Usage and adoption over time", "Support summary", "Who we work with",
                  "Your renewal and contract", "Adoption against your peers"):
        assert slide in data.slides
    assert any(line.startswith("Goals: left out") for line in data.missing)
    assert not any(line.startswith(("Usage trend", "Support summary", "Stakeholders"))
                   for line in data.missing)
    assert context.accounts.list_accounts() == []


def test_import_all_then_the_next_export_uses_the_remembered_columns(
        context: Any, service: PrepareService, tmp_path: Path) -> None:
    plans = service.apply(opened(service, *ALL))
    assert [english(p.summary()) for p in plans] == [
        "280 new, 0 updated metric values; 16 rows rejected",
        "4 new, 0 updated, 0 rejected", "6 new, 0 updated, 0 rejected",
        "0 new, 6 updated metric values; 0 rows rejected"]
    assert all(p.applied for p in plans)
    assert len(context.accounts.list_accounts()) == 6
    # Next month's report: one month more, the first one gone, the same layout.
    lines = (PREP / "gainsight_usage_de.csv").read_text(encoding="utf-8-sig").splitlines()
    shifted = [";".join(cells[:3] + cells[4:] + ["1" if n else "Okt. 2026"])
               for n, cells in enumerate(line.split(";") for line in lines)]
    later = tmp_path / "usage-october.csv"
    later.write_text("\n".join(shifted) + "\n", encoding="utf-8")
    file = service.open(later)
    assert file.kind is ImportKind.METRICS
    assert english(file.describe_choice()).startswith(
        "Columns remembered: the columns chosen for “gainsight_usage_de.csv” on ")
    changed = service.with_column(file, "account_external_id", None)
    assert changed.changed and english(changed.describe_choice()).endswith("(changed here).")
    assert english(service.guessed(changed).describe_choice()) == \
        "Columns guessed from the headers."


def test_a_file_that_cannot_be_imported_stops_all_of_them(context: Any,
                                                         service: PrepareService) -> None:
    companies, usage = opened(service, "hubspot_companies.csv", "gainsight_usage_de.csv")
    usage = service.with_column(service.with_column(usage, "account", None),
                                "account_external_id", None)
    data = service.preview([companies, usage])
    assert data.problems == ["gainsight_usage_de.csv: Choose the column that names the account "
                             "(its name or CRM id)."]
    assert not data.ready and data.files[0].plan is not None
    with pytest.raises(ApplyFailed, match="^gainsight_usage_de.csv \\(Usage\\): Choose the column "
                                          ".* Nothing was imported from any of the files.$"):
        service.apply([companies, usage])
    assert context.accounts.list_accounts() == []
    unknown = service.as_kind(companies, None)
    with pytest.raises(ImportFailed, match="Choose what hubspot_companies.csv holds"):
        service.apply([unknown])


def test_a_database_failure_in_the_last_file_rolls_back_the_first(
        context: Any, service: PrepareService, monkeypatch: pytest.MonkeyPatch) -> None:
    files = opened(service, "hubspot_companies.csv", "gainsight_usage_de.csv")
    real = ImportService._write_rows

    def failing(self: ImportService, session: Any, plan: Any) -> None:
        if plan.kind is ImportKind.METRICS and plan.inserts:
            raise OperationalError("INSERT", {}, Exception("database or disk is full"))
        real(self, session, plan)

    monkeypatch.setattr(ImportService, "_write_rows", failing)
    with pytest.raises(ApplyFailed, match=r"nothing in the portfolio changed \(the disk is full\)"):
        service.apply(files)
    assert context.accounts.list_accounts() == []
