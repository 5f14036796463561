"""Usage exports as analytics and CS tools write them: one column per month or quarter,
monthly rows rolled up to quarters by each metric's rule, accounts found by id or name."""

from __future__ import annotations

from datetime import date

import pytest

from qbr_desktop.domain.metric_rollup import ROLLUPS, PartValue, Rollup, combine, describe_rules
from qbr_desktop.domain.metrics import METRICS
from qbr_desktop.i18n import english
from qbr_desktop.imports.account_match import loose_name_key, salesforce_prefix
from qbr_desktop.imports.cells import ImportOptions
from qbr_desktop.imports.csv_text import table_from_csv_bytes
from qbr_desktop.imports.dates import Span, read_period
from qbr_desktop.imports.fields import ImportKind, guess_mapping, layout_fingerprint, missing_fields
from qbr_desktop.imports.metric_decisions import decide_metrics
from qbr_desktop.imports.period_columns import (
    find_period_columns,
    layout_headers,
    read_period_header,
)
from qbr_desktop.imports.plan import (
    AccountLookup,
    ImportPlan,
    PlannedRow,
    change_text,
    unmatched_report,
)
from qbr_desktop.imports.plan_metrics import read_metric_rows

LOOKUP = AccountLookup({"0015g00000AbCdEAA1": 1, "SF-2": 2},
                       {"müller maschinenbau gmbh": 1, "lumière bank s.a.": 2},
                       {1: "Müller Maschinenbau GmbH", 2: "Lumière Bank S.A."})


def plan_of(text: str, stored: dict | None = None, *, day_first: bool | None = None
            ) -> ImportPlan:
    table = table_from_csv_bytes(text.encode("utf-8"), "usage.csv")
    skip = {c.header for c in find_period_columns(table.headers)[0]}
    mapping = guess_mapping(ImportKind.METRICS, table.headers, skip)
    read = read_metric_rows(table, mapping, ImportOptions(day_first=day_first), LOOKUP)
    return decide_metrics(read, stored or {})


def changed(row: PlannedRow) -> tuple[str, ...]:
    """A row's changes as the English report words them."""
    return tuple(english(change_text(change)) for change in row.changes)


def stored_values(plan: ImportPlan) -> dict[tuple[int, str, str], float]:
    return {(i["account_id"], i["period"], i["metric_key"]): i["value"] for i in plan.inserts}


def test_every_metric_says_how_its_months_roll_up() -> None:
    assert set(ROLLUPS) == {m.key for m in METRICS}
    assert ROLLUPS["logins"] is Rollup.SUM and ROLLUPS["support_tickets"] is Rollup.SUM
    assert ROLLUPS["active_users"] is Rollup.LAST and ROLLUPS["licensed_seats"] is Rollup.LAST
    assert ROLLUPS["csat"] is Rollup.AVERAGE and ROLLUPS["nps"] is Rollup.AVERAGE
    parts = [PartValue(date(2026, 3, 1), 30), PartValue(date(2026, 1, 1), 10),
             PartValue(date(2026, 2, 1), 20)]
    assert (combine("logins", parts), combine("active_users", parts),
            combine("csat", parts)) == (60, 30, 20)
    assert describe_rules(["active_users", "logins"]) == (
        "Active users: the last month's value; Logins: the sum of the months")


@pytest.mark.parametrize(("header", "label", "metric"), [
    ("Jan 2026", "2026-01", None), ("Jan. 2026", "2026-01", None), ("März 2026", "2026-03", None),
    ("janv. 2026", "2026-01", None), ("enero de 2026", "2026-01", None),
    ("2026-02", "2026-02", None), ("02/2026", "2026-02", None), ("2026年3月", "2026-03", None),
    ("Q1 2026", "2026Q1", None), ("2026年第一季度", "2026Q1", None),
    ("1. Quartal 2026", "2026Q1", None),
    ("2026-01-31", "2026-01-31", None), ("Active users Jan 2026", "2026-01", "active_users"),
    ("Logins (2026-02)", "2026-02", "logins"), ("2026-03 | Support tickets", "2026-03",
                                                "support_tickets"),
    ("Aktive Nutzer – Jan. 2026", "2026-01", "active_users"),
])
def test_period_headers(header: str, label: str, metric: str | None) -> None:
    column = read_period_header(header)
    assert column is not None
    assert (column.label, column.metric) == (label, metric)


@pytest.mark.parametrize("header", ["Account", "Active users", "2026", "Notes Q1 2026",
                                    "Customer since", "Account ID", "Phase 2", "Top 10"])
def test_headers_that_are_not_periods(header: str) -> None:
    assert read_period_header(header) is None


def test_month_cells_of_a_long_file() -> None:
    assert read_period("Jul 2026").span is Span.MONTH
    assert read_period("2026-07").start == date(2026, 7, 1)
    assert read_period("Q3 2026").span is Span.QUARTER
    assert read_period("2026-07-31").span is Span.DAY


def test_a_wide_monthly_export_in_german_is_rolled_up_by_each_metrics_rule() -> None:
    plan = plan_of("Kunden-ID;Kunde;Kennzahl;Jan. 2026;Feb. 2026;März 2026;Apr. 2026;Mai 2026\n"
                   "0015g00000AbCdEAA1;Müller Maschinenbau GmbH;Aktive Nutzer;50;55;60;62;64\n"
                   "0015g00000AbCdEAA1;Müller Maschinenbau GmbH;Anmeldungen;100;110;120;130;-\n"
                   "0015g00000AbCdEAA1;Müller Maschinenbau GmbH;Kundenzufriedenheit;4,1;4,3;"
                   "4,2;;\n")
    assert plan.mapping == {"account": "Kunde", "account_external_id": "Kunden-ID",
                            "metric": "Kennzahl"}
    assert english(plan.periods) == "5 monthly columns, 2026-01 to 2026-05"
    assert stored_values(plan) == {
        (1, "2026Q1", "active_users"): 60, (1, "2026Q2", "active_users"): 64,
        (1, "2026Q1", "logins"): 330, (1, "2026Q2", "logins"): 130,
        (1, "2026Q1", "csat"): 4.2}
    assert [(english(r.label), changed(r)) for r in plan.rows] == [
        ("Müller Maschinenbau GmbH · Active users", ("2026Q1: 1 new", "2026Q2: 1 new")),
        ("Müller Maschinenbau GmbH · Logins", ("2026Q1: 1 new", "2026Q2: 1 new")),
        ("Müller Maschinenbau GmbH · CSAT (1–5)", ("2026Q1: 1 new",))]
    assert tuple(map(english, plan.notices)) == (
        "Months were rolled up to quarters. Active users: the last month's value; Logins: the "
        "sum of the months; CSAT (1–5): the average of the months.",
        "2026 Q2: the file has 2 of its 3 months (Apr, May), so Logins there add up only "
        "those months.")
    assert english(plan.summary()) == "5 new, 0 updated metric values; 0 rows rejected"


def test_a_long_monthly_export_rolls_up_and_compares_with_what_is_stored() -> None:
    text = ("Month,Account,Event,Count\n"
            "2026-01,Lumière Bank S.A.,Logins,10\n2026-02,Lumière Bank S.A.,Logins,20\n"
            "2026-03,Lumière Bank S.A.,Logins,30\n2026-01,Lumière Bank S.A.,Active Users,7\n")
    table = table_from_csv_bytes(text.encode(), "mixpanel.csv")
    mapping = guess_mapping(ImportKind.METRICS, table.headers)
    assert mapping == {"account": "Account", "period": "Month", "metric": "Event"}
    mapping["value"] = "Count"
    plan = decide_metrics(read_metric_rows(table, mapping, ImportOptions(), LOOKUP),
                          {(2, "2026Q1", "logins"): (900, 60.0),
                           (2, "2026Q1", "active_users"): (901, 5.0)})
    assert [(r.label, r.action.value, changed(r)) for r in plan.rows] == [
        ("Lumière Bank S.A. 2026-01", "unchanged", ("1 unchanged",)),
        ("Lumière Bank S.A. 2026-02", "unchanged", ("1 unchanged",)),
        ("Lumière Bank S.A. 2026-03", "unchanged", ("1 unchanged",)),
        ("Lumière Bank S.A. 2026-01", "update", ("1 updated",))]
    assert plan.updates == [{"id": 901, "value": 7.0}] and plan.inserts == []
    assert english(plan.summary()) == "0 new, 1 updated, 1 unchanged metric values; 0 rows rejected"


def test_a_month_given_twice_rejects_the_later_row_and_a_quarter_cannot_be_both() -> None:
    plan = plan_of("Account,Month,Metric,Value\n"
                   "Lumière Bank S.A.,2026-01,Logins,10\n"
                   "Lumière Bank S.A.,2026-01,Logins,11\n"
                   "Lumière Bank S.A.,2026-02,Logins,5\n"
                   "Lumière Bank S.A.,2026Q1,Logins,99\n")
    assert [r.action.value for r in plan.rows] == ["create", "reject", "create", "reject"]
    assert plan.rows[1].reasons == ["Value: Logins for Lumière Bank S.A. 2026Q1 was already "
                                    "given in row 2"]
    assert plan.rows[3].reasons == ["Value: Logins for Lumière Bank S.A. 2026Q1 was already "
                                    "given in row 2"]
    assert stored_values(plan) == {(2, "2026Q1", "logins"): 15}


def test_metrics_named_in_the_period_headers_need_no_metric_column() -> None:
    plan = plan_of("Account ID,Active users 2026-01,Active users 2026-02,Logins 2026-01,"
                   "Logins 2026-02\nSF-2,40,42,300,310\n")
    assert stored_values(plan) == {(2, "2026Q1", "active_users"): 42,
                                   (2, "2026Q1", "logins"): 610}
    assert changed(plan.rows[0]) == ("2026Q1: 2 new",)


def test_quarterly_columns_are_stored_as_they_are() -> None:
    plan = plan_of("Customer,Metric,Q3 2025,Q4 2025,Q1 2026\n"
                   "Lumière Bank S.A.,NPS,10,,-4\n")
    assert stored_values(plan) == {(2, "2025Q3", "nps"): 10, (2, "2026Q1", "nps"): -4}
    assert plan.notices == ()


def test_missing_columns_of_a_wide_by_period_file() -> None:
    assert missing_fields(ImportKind.METRICS, {"account": "Kunde"}, period_columns=12,
                          unnamed_period_columns=12) == [
        "Choose the Metric column: the period columns (such as “Jan 2026”) do not say which "
        "metric they hold."]
    assert missing_fields(ImportKind.METRICS, {"account": "Kunde"}, period_columns=12) == []


def test_accounts_found_by_either_salesforce_id_or_a_similar_name_and_the_unmatched_listed(
        ) -> None:
    plan = plan_of("Account ID,Account,Metric,Q1 2026\n"
                   "0015g00000AbCdE,,Active users,10\n"
                   ",MULLER MASCHINENBAU,Logins,10\n"
                   ",Lumiere Bank SA,Logins,10\n"
                   ",Internal test account,Logins,1\n"
                   ",Internal test account,Active users,1\n"
                   "0015g00000ZZZZZAA1,,Logins,1\n")
    assert [r.action.value for r in plan.rows] == ["create"] * 3 + ["reject"] * 3
    assert plan.rows[0].warnings == [
        "Account ID: CRM id “0015g00000AbCdE” found as the 18-character form of the id of "
        "Müller Maschinenbau GmbH"]
    assert plan.rows[1].warnings == ["Account: “MULLER MASCHINENBAU” matched to the account "
                                     "“Müller Maschinenbau GmbH” by a similar name"]
    assert plan.unmatched == {"Internal test account": 2, "0015g00000ZZZZZAA1": 1}
    assert english(unmatched_report(plan.unmatched)) == (
        "2 accounts in the file match none in the portfolio (by CRM id or name): “Internal "
        "test account” (2 rows), “0015g00000ZZZZZAA1” (1 row).")


def test_loose_names_and_salesforce_ids() -> None:
    assert loose_name_key("Müller Maschinenbau GmbH") == loose_name_key("Muller-Maschinenbau")
    assert loose_name_key("Øresund Shipping A/S") == "oresund shipping"
    assert loose_name_key("Lumière Bank S.A.") == loose_name_key("LUMIERE BANK")
    assert loose_name_key("Kōbe Precision Instruments K.K.") == "kobe precision instruments"
    assert salesforce_prefix("0015g00000AbCdEAA1") == salesforce_prefix("0015g00000AbCdE")
    assert salesforce_prefix("51") is None
    two = AccountLookup({}, {"acme": 1, "acme gmbh": 2}, {1: "Acme", 2: "ACME GmbH"})
    assert two.match(None, "Acme AG").account_id is None  # two accounts fit: none is guessed


def test_next_months_export_keeps_the_remembered_layout() -> None:
    this_month = ["Kunde", "Kennzahl"] + [f"{m} 2025" for m in ("Jan", "Feb", "Mar", "Apr")]
    next_month = ["Kunde", "Kennzahl"] + [f"{m} 2025" for m in ("Feb", "Mar", "Apr", "May")]
    prints = []
    for headers in (this_month, next_month):
        layout = layout_headers(headers, find_period_columns(headers)[0])
        prints.append(layout_fingerprint(ImportKind.METRICS, layout))
    assert prints[0] == prints[1]
    other = ["Kunde", "Kennzahl", "Notes"]
    assert layout_fingerprint(ImportKind.METRICS, other) != prints[0]


def test_header_dates_that_read_both_ways_wait_for_the_date_order() -> None:
    text = "Account,Metric,05/06/2026,06/07/2026\nLumière Bank S.A.,Logins,1,2\n"
    assert plan_of(text).needs_date_order
    assert stored_values(plan_of(text, day_first=True)) == {(2, "2026Q2", "logins"): 1,
                                                            (2, "2026Q3", "logins"): 2}
