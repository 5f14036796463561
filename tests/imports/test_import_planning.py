"""Planning rows into creates, updates and rejections, without a database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from qbr_desktop.domain.accounts import AccountDraft, EmployeeBand
from qbr_desktop.domain.metrics import METRICS_BY_KEY
from qbr_desktop.i18n import english
from qbr_desktop.imports.cells import ImportOptions, contact_level, employee_band, level_from_title
from qbr_desktop.imports.csv_text import table_from_csv_bytes
from qbr_desktop.imports.fields import ImportKind, guess_mapping
from qbr_desktop.imports.metric_decisions import decide_metrics
from qbr_desktop.imports.plan import AccountLookup, Action, ImportPlan, PlannedRow, change_text
from qbr_desktop.imports.plan_accounts import StoredAccount, plan_accounts
from qbr_desktop.imports.plan_contacts import StoredContact, plan_contacts
from qbr_desktop.imports.plan_metrics import read_metric_rows
from qbr_desktop.imports.table import SourceTable

TIERS = ("Strategic", "Growth", "Core")
DEFAULT = ImportOptions()
ACME = StoredAccount(1, AccountDraft(name="Acme Logistics", arr=Decimal(1000)), "SF-1")
BLUE = StoredAccount(2, AccountDraft(name="Bluefin Health"), None)
LOOKUP = AccountLookup({"SF-1": 1}, {"acme logistics": 1, "bluefin health": 2},
                       {1: "Acme Logistics", 2: "Bluefin Health"})


def csv_table(text: str) -> SourceTable:
    return table_from_csv_bytes(text.encode("utf-8"), "test.csv")


def accounts(text: str, stored: list[StoredAccount] | None = None,
             options: ImportOptions = DEFAULT) -> ImportPlan:
    table = csv_table(text)
    mapping = guess_mapping(ImportKind.ACCOUNTS, table.headers)
    return plan_accounts(table, mapping, options, stored or [], TIERS)


def changed(row: PlannedRow) -> tuple[str, ...]:
    """A row's changes as the English report words them."""
    return tuple(english(change_text(change)) for change in row.changes)


def actions(plan: ImportPlan) -> list[tuple[int, str]]:
    return [(r.number, r.action.value) for r in plan.rows]


def test_new_accounts_are_validated_like_typed_ones() -> None:
    plan = accounts("Account Name,ARR,Licensed Seats,Renewal Date,Currency,Tier\n"
                    "Acme,\"$1,200.50\",40,2026-12-31,,\n"
                    ",5,1,,,\n"
                    "Huge Corp,2e15,1,,,\n"
                    "Neg Ltd,100,-5,,,\n"
                    "Old Co,100,1,1899-01-01,,\n"
                    "Typo Co,100,1,,UDS,\n"
                    "Tiered,100,1,,,Platinum\n")
    assert actions(plan) == [(2, "create")] + [(n, "reject") for n in range(3, 9)]
    acme = plan.inserts[0]
    assert (acme["name"], acme["arr"], acme["currency"], acme["licensed_seats"],
            acme["renewal_date"], acme["name_key"]) == (
        "Acme", Decimal("1200.50"), "USD", 40, date(2026, 12, 31), "acme")
    reasons = {r.number: r.reasons for r in plan.rows}
    assert reasons[3] == ["Account Name: Name is required"]
    assert reasons[4] == ["ARR: “2e15” is not an amount of money"]
    assert reasons[5] == ["Licensed Seats: Licensed seats cannot be below zero"]
    assert "outside 1990–2100" in reasons[6][0]
    assert reasons[7] == ["Currency: “UDS” is not a currency QBR Desktop knows (use a code such "
                          "as USD, EUR or GBP)"]
    assert "is not a tier here" in reasons[8][0]
    assert english(plan.summary()) == "1 new, 0 updated, 6 rejected"


def test_matching_by_crm_id_then_by_name_and_keeping_empty_cells() -> None:
    plan = accounts("Account ID,Account Name,ARR,Industry\n"
                    "SF-1,Acme Logistics (EMEA),2000,\n"
                    ",  BLUEFIN HEALTH ,,Healthcare\n"
                    "SF-9,Cedar Bank,10,\n", [ACME, BLUE])
    assert actions(plan) == [(2, "update"), (3, "update"), (4, "create")]
    assert plan.updates[0] == {"id": 1, "name": "Acme Logistics (EMEA)", "arr": Decimal(2000),
                               "name_key": "acme logistics (emea)"}
    assert plan.rows[0].changes == ("Account name", "ARR")
    assert plan.updates[1] == {"id": 2, "name": "BLUEFIN HEALTH", "industry": "Healthcare",
                               "name_key": "bluefin health"}
    assert plan.inserts[0]["external_id"] == "SF-9"


def test_unchanged_rows_and_currency_from_the_symbol() -> None:
    plan = accounts("Account Name,ARR\nAcme Logistics,1000\nBluefin Health,€500\n",
                    [ACME, BLUE])
    assert actions(plan) == [(2, "unchanged"), (3, "update")]
    assert plan.updates == [{"id": 2, "arr": Decimal("500.00"), "currency": "EUR"}]


def test_symbol_and_currency_column_must_agree() -> None:
    plan = accounts("Account Name,ARR,Currency\nAcme,€500,USD\n")
    assert plan.rows[0].reasons == ["ARR: the amount is in EUR but the currency column says USD"]


def test_repeated_accounts_and_conflicting_ids() -> None:
    plan = accounts("Account ID,Account Name\nSF-1,Acme Logistics\n,acme logistics\n"
                    "SF-7,Bluefin Health\nSF-8,New Co\nSF-8,Other Co\n",
                    [ACME, StoredAccount(2, AccountDraft(name="Bluefin Health"), "SF-2")])
    assert actions(plan) == [(2, "unchanged"), (3, "reject"), (4, "reject"), (5, "create"),
                             (6, "reject")]
    assert plan.rows[1].reasons == [
        "repeats the account of row 2; only the first row for an account is imported"]
    assert plan.rows[2].reasons == ["Account ID: “Bluefin Health” already has CRM id SF-2, "
                                    "not SF-7"]


def test_a_rename_onto_another_accounts_name_is_rejected() -> None:
    plan = accounts("Account ID,Account Name\nSF-1,bluefin health\n", [ACME, BLUE])
    assert plan.rows[0].reasons == [
        "Account Name: another account is already called “Bluefin Health”"]


def test_employee_bands_and_the_file_wide_decimal_comma() -> None:
    plan = accounts("Account Name;ARR;Employees;Licensed Seats\n"
                    "Acme;1.200,50 €;1.200;1.500\nBeta;10,00 €;201-1,000;3\n")
    first, second = plan.inserts
    assert first["employee_band"] == EmployeeBand.LARGE.value
    assert first["licensed_seats"] == 1500 and first["arr"] == Decimal("1200.50")
    assert second["employee_band"] == EmployeeBand.MEDIUM.value
    assert employee_band(25) == EmployeeBand.MICRO.value
    assert employee_band("50000") == EmployeeBand.GLOBAL.value


def test_ambiguous_dates_need_a_choice_and_the_column_can_decide() -> None:
    ambiguous = "Account Name,Renewal Date\nAcme,05/06/2027\nBeta,2027-01-01\n"
    plan = accounts(ambiguous)
    assert plan.needs_date_order and actions(plan) == [(2, "reject"), (3, "create")]
    chosen = accounts(ambiguous, options=ImportOptions(day_first=True))
    assert not chosen.needs_date_order
    assert chosen.inserts[0]["renewal_date"] == date(2027, 6, 5)
    decided = accounts("Account Name,Renewal Date\nAcme,05/06/2027\nBeta,12/31/2027\n")
    assert decided.inserts[0]["renewal_date"] == date(2027, 5, 6)


def test_formula_text_is_kept_as_text_and_numbers_are_numbers() -> None:
    plan = accounts('Account Name,Notes,ARR\n"=cmd|\' /C calc\'!A0",@mention,100\n'
                    "-Minus Ltd,-5,=1+1\n")
    created, rejected = plan.rows
    assert created.action is Action.CREATE
    assert plan.inserts[0]["name"] == "=cmd|' /C calc'!A0"
    assert plan.inserts[0]["notes"] == "@mention"
    assert created.warnings == [
        "Account Name: starts with “=”; kept as text, never run as a formula",
        "Notes: starts with “@”; kept as text, never run as a formula"]
    assert rejected.reasons == ["ARR: “=1+1” is not an amount of money (formulas are never "
                                "evaluated)"]
    assert rejected.warnings == [  # "-5" in a text column is a plain number: no warning
        "Account Name: starts with “-”; kept as text, never run as a formula"]


# Contacts ------------------------------------------------------------------------------
STORED_CONTACTS = [
    StoredContact(10, 1, "Ana Ruiz", "COO", "ana@acme.example", level="C-suite",
                  external_id="C-1"),
    StoredContact(11, 1, "Ben Okafor", "Analyst", "", level="User"),
]


def contacts(text: str) -> ImportPlan:
    table = csv_table(text)
    mapping = guess_mapping(ImportKind.CONTACTS, table.headers)
    return plan_contacts(table, mapping, ImportOptions(), LOOKUP, STORED_CONTACTS)


def test_contacts_match_by_crm_id_email_then_name() -> None:
    plan = contacts("Record ID,First Name,Last Name,Email,Job Title,Company,Seniority\n"
                    "C-1,Ana,Ruiz,ana@acme.example,Chief Operating Officer,Acme Logistics,\n"
                    ",Ana,R.,ANA@ACME.EXAMPLE,COO,Acme Logistics,\n"
                    ",Ben,Okafor,,Analyst,acme logistics,Manager\n"
                    ",Chen,Wei,chen@blue.example,VP Sales,Bluefin Health,\n")
    assert actions(plan) == [(2, "update"), (3, "reject"), (4, "update"), (5, "create")]
    assert plan.updates[0] == {"id": 10, "title": "Chief Operating Officer"}
    assert plan.rows[1].reasons == [
        "repeats the contact of row 2; only the first row for a person is imported"]
    assert plan.updates[1] == {"id": 11, "level": "Manager"}
    new = plan.inserts[0]
    assert (new["name"], new["account_id"], new["level"]) == ("Chen Wei", 2, "VP")


def test_crm_id_moves_a_contact_to_another_account() -> None:
    plan = contacts("Record ID,Name,Company\nC-1,Ana Ruiz,Bluefin Health\n")
    assert plan.updates == [{"id": 10, "account_id": 2}]
    assert plan.rows[0].changes == ("Account",)


def test_contacts_of_unknown_accounts_and_bad_emails_are_rejected() -> None:
    plan = contacts("Name,Email,Company,Account ID\n"
                    "Priya,priya@globex.example,Globex,\n"
                    "Émile,not-an-email,Acme Logistics,\n"
                    "Kim,,,SF-404\n"
                    "Lee,,,\n"
                    ",x@acme.example,Acme Logistics,\n")
    assert [r.reasons for r in plan.rows] == [
        ["Account ID: no account is named “Globex” (import or add the account first)"],
        ["Email: “not-an-email” is not an email address"],
        ["Account ID: no account has CRM id “SF-404”"],
        ["Account ID: the account is empty"],
        ["Name: the contact's name is empty"],
    ]


def test_levels() -> None:
    assert contact_level("c-level").value == "C-suite"
    assert contact_level("Vice President").value == "VP"
    assert contact_level("individual contributor").value == "User"
    assert level_from_title("Chief Revenue Officer").value == "C-suite"
    assert level_from_title("Vice President, Sales").value == "VP"
    assert level_from_title("Head of IT").value == "Director"
    assert level_from_title("Team Lead").value == "Manager"
    assert level_from_title("Barista").value == "User"
    plan = contacts("Name,Company,Level\nZed,Acme Logistics,Overlord\n")
    assert "is not a level" in plan.rows[0].reasons[0]


# Metrics -------------------------------------------------------------------------------
def metrics(text: str, stored: dict | None = None,
            options: ImportOptions = DEFAULT) -> ImportPlan:
    table = csv_table(text)
    mapping = guess_mapping(ImportKind.METRICS, table.headers)
    return decide_metrics(read_metric_rows(table, mapping, options, LOOKUP), stored or {})


def test_long_format_upserts_on_account_quarter_and_metric() -> None:
    plan = metrics("Account,Quarter,Metric,Value\n"
                   "Acme Logistics,2026Q1,Active Users,60\n"
                   "Acme Logistics,2026Q1,NPS,-5\n"
                   "Acme Logistics,2026Q2,Active Users,72\n"
                   "Acme Logistics,2026Q1,Active Users,61\n"
                   "Globex,2026Q1,NPS,10\n"
                   "Acme Logistics,2026Q1,Happiness,10\n"
                   "Acme Logistics,2026Q1,NPS,150\n"
                   "Acme Logistics,,NPS,1\n",
                   {(1, "2026Q1", "active_users"): (500, 60.0), (1, "2026Q1", "nps"): (501, 1.0)})
    assert actions(plan) == [(2, "unchanged"), (3, "update"), (4, "create"), (5, "reject"),
                             (6, "reject"), (7, "reject"), (8, "reject"), (9, "reject")]
    assert plan.updates == [{"id": 501, "value": -5.0}]
    assert plan.inserts == [{"account_id": 1, "period": "2026Q2", "metric_key": "active_users",
                             "value": 72.0}]
    reasons = [r.reasons for r in plan.rows[3:]]
    assert reasons[0] == ["Value: Active users for Acme Logistics 2026Q1 was already given in "
                          "row 2"]
    assert reasons[1] == ["Account: no account is named “Globex” (import or add the account "
                          "first)"]
    assert "is not a metric QBR Desktop tracks" in reasons[2][0]
    assert reasons[3] == ["Value: NPS (−100 to 100) of 150 is outside -100 to 100"]
    assert reasons[4] == ["Quarter: the quarter is empty"]
    assert english(plan.summary()) == "1 new, 1 updated, 1 unchanged metric values; 5 rows rejected"


def test_wide_format_with_dates_decimal_commas_and_blanks() -> None:
    plan = metrics("Account ID;Snapshot Date;Active Users;NPS;CSAT\n"
                   "SF-1;31/03/2026;60;;4,5\n"
                   "SF-1;30/06/2026;72;12;4,6\n"
                   "SF-1;05/06/2026;;;\n")
    assert actions(plan) == [(2, "create"), (3, "create"), (4, "unchanged")]
    assert plan.rows[0].label == "Acme Logistics 2026Q1" and changed(plan.rows[0]) == ("2 new",)
    assert {(i["period"], i["metric_key"], i["value"]) for i in plan.inserts} == {
        ("2026Q1", "active_users", 60.0), ("2026Q1", "csat", 4.5),
        ("2026Q2", "active_users", 72.0), ("2026Q2", "nps", 12.0), ("2026Q2", "csat", 4.6)}
    assert plan.rows[2].warnings == ["the row has no metric values"]


def test_percentages_only_for_percentage_metrics() -> None:
    plan = metrics("Account,Quarter,Active Users\nAcme Logistics,2026Q1,45%\n")
    assert plan.rows[0].reasons == ["Active Users: Active users is a count, not a percentage"]


def test_flags_read_yes_and_no() -> None:
    if "exec_sponsor_engaged" not in METRICS_BY_KEY:
        pytest.skip("no flag metric is defined")
    plan = metrics("Account,Quarter,Executive Sponsor Engaged\nAcme Logistics,2026Q1,Yes\n"
                   "Acme Logistics,2026Q2,no\nAcme Logistics,2026Q3,2\n")
    assert [i["value"] for i in plan.inserts] == [1.0, 0.0]
    assert "outside 0 to 1" in plan.rows[2].reasons[0]


def test_rows_dated_outside_the_importable_years_are_rejected_and_the_rest_imported() -> None:
    plan = metrics("Account,Quarter,Active Users\n"
                   "Acme Logistics,0999Q2,10\n"
                   "Acme Logistics,2026Q1,60\n"
                   "Acme Logistics,9999Q4,70\n"
                   "Acme Logistics,0000Q1,80\n")
    assert actions(plan) == [(2, "reject"), (3, "create"), (4, "reject"), (5, "reject")]
    assert plan.rows[0].reasons == ["Quarter: “0999Q2” is in the year 999; quarters from 1990 "
                                    "to 2100 can be imported"]
    assert [i["period"] for i in plan.inserts] == ["2026Q1"]
