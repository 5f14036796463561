"""InsightService on a real, migrated SQLite file: resolve, health, history, benchmark,
expansion, the portfolio overview and the health weights setting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from insights_support import Q1, Q2, Q3, Q4, SmallPortfolio, add_account, build_small_portfolio
from insights_support import quarter as quarter_values
from sqlalchemy import select, text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.benchmark import BENCHMARK_METRICS, TICKETS_PER_100_SEATS
from qbr_desktop.domain.health import DEFAULT_WEIGHTS, Band, HealthWeights, health_report
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.money import Money
from qbr_desktop.domain.peer_cohort import WHOLE_PORTFOLIO
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.risks import RiskDraft, RiskKind, RiskStatus
from qbr_desktop.services.demo import build_demo_portfolio
from qbr_desktop.services.insights import (
    HEALTH_WEIGHTS_KEY,
    InsightService,
    PortfolioRow,
    format_peer_value,
)
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError
from qbr_desktop.store.models import AccountRow
from qbr_desktop.store.repositories import SettingRepository

TODAY = date(2026, 3, 10)


@pytest.fixture
def small(context: Any) -> SmallPortfolio:
    return build_small_portfolio(context)


def overview_row(context: Any, account_id: int) -> PortfolioRow:
    return next(r for r in context.insights.overview().rows if r.account_id == account_id)


# --- resolve -------------------------------------------------------------------------------

def test_resolve_by_id_and_by_name_in_any_case_or_width(context: Any,
                                                        small: SmallPortfolio) -> None:
    insights = context.insights
    assert insights.resolve(str(small.bluefin)) == small.bluefin
    assert insights.resolve(f"  {small.cedar} ") == small.cedar
    for text_ in ("Acme Logistics", "acme logistics", "  ACME LOGISTICS  ",
                  "ＡＣＭＥ Ｌｏｇｉｓｔｉｃｓ"):
        assert insights.resolve(text_) == small.acme, text_


def test_a_name_made_of_digits_resolves_when_no_account_has_that_id(context: Any) -> None:
    first = add_account(context, "Acme")
    year = add_account(context, "2024")
    assert first != 2024
    assert context.insights.resolve("2024") == year
    assert context.insights.resolve(str(first)) == first


def test_resolve_by_crm_external_id(context: Any) -> None:
    build_demo_portfolio(context, accounts=6, seed=5, today=TODAY)
    with session_scope(context.store.sessions) as session:
        stored = {row.external_id: row.id for row in session.scalars(select(AccountRow))}
    assert len(stored) == 6 and None not in stored
    for external_id, account_id in stored.items():
        assert context.insights.resolve(external_id) == account_id
        assert context.insights.resolve(f" {external_id} ") == account_id


@pytest.mark.parametrize("wanted", ["Nobody Inc", "999", "", "0015g99999999"])
def test_resolve_unknown_raises_not_found_naming_it(context: Any, small: SmallPortfolio,
                                                   wanted: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        context.insights.resolve(wanted)
    assert f"“{wanted}”" in str(caught.value)


@pytest.mark.parametrize("wanted", ["²", "③", "12²"],
                         ids=["superscript-two", "circled-three", "twelve-squared"])
def test_resolve_digit_like_text_that_is_not_a_number_is_not_found(
        context: Any, small: SmallPortfolio, wanted: str) -> None:
    # str.isdigit() is true for "²" and "③", but int() refuses them: the person should
    # get "no account is called …", not a ValueError from inside the service.
    with pytest.raises(NotFoundError):
        context.insights.resolve(wanted)


# --- health and history --------------------------------------------------------------------

def test_health_is_the_weighted_score_of_the_latest_quarter(context: Any,
                                                            small: SmallPortfolio) -> None:
    result = context.insights.health(small.acme)
    report = result.report
    assert (result.account_id, result.name) == (small.acme, "Acme Logistics")
    assert result.weights == DEFAULT_WEIGHTS
    assert report.current is not None and report.previous is not None
    # adoption 75, coverage 95, engagement 100, support 100, sentiment 75, sponsor 100
    assert report.current.quarter == Q4 and report.previous.quarter == Q3
    assert report.current.total == pytest.approx(90.2, abs=0.051)
    assert report.current.band is Band.GREEN
    assert report.change == pytest.approx(1.0)
    assert report.current.confidence == pytest.approx(1.0)
    assert [s.quarter for s in report.history] == [Q1, Q2, Q3, Q4]
    assert str(report.summary).startswith("Health 90.2 (green) in 2025Q4, up 1 point on 2025Q3")
    # The service agrees with the domain rule on the stored history.
    expected = health_report(context.accounts.metric_history(small.acme))
    assert report == expected


def test_a_falling_account_reports_the_drop_and_its_movers(context: Any,
                                                           small: SmallPortfolio) -> None:
    report = context.insights.health(small.bluefin).report
    assert report.current is not None and report.current.band is Band.RED
    assert report.change is not None and report.change < -10
    assert report.movers and all(m.change < 0 for m in report.movers)
    assert "down" in str(report.summary)


def test_health_of_an_account_without_metrics_has_no_score(context: Any,
                                                           small: SmallPortfolio) -> None:
    report = context.insights.health(small.delta).report
    assert report.current is None and report.change is None and report.history == ()
    assert str(report.summary).startswith("No health score yet")


def test_health_history_and_expansion_of_an_unknown_account_raise(context: Any,
                                                                  small: SmallPortfolio) -> None:
    for call in (context.insights.health, context.insights.history,
                 context.insights.benchmark, context.insights.expansion):
        with pytest.raises(NotFoundError, match="9999"):
            call(9999)


def test_history_is_the_whole_stored_history(context: Any) -> None:
    quarters = [Quarter(2020, 1).shifted(i) for i in range(14)]
    account = add_account(context, "Long Customer", metrics=[
        MetricValue(q, "active_users", float(10 + i)) for i, q in enumerate(quarters)])
    history = context.insights.history(account)
    assert history.quarters == tuple(quarters)
    assert history == context.accounts.metric_history(account)


def test_health_reflects_metrics_recorded_later(context: Any, small: SmallPortfolio) -> None:
    context.accounts.record_metrics(small.cedar, quarter_values(
        Quarter(2026, 1), active=95, adopted=38, csat=5.0, nps=60))
    report = context.insights.health(small.cedar).report
    assert report.current is not None and report.current.quarter == Quarter(2026, 1)
    assert report.current.band is Band.GREEN
    assert report.change is not None and report.change > 0


# --- weights -------------------------------------------------------------------------------

def test_weights_default_then_round_trip_and_change_the_score(context: Any,
                                                              small: SmallPortfolio) -> None:
    assert context.insights.weights() == DEFAULT_WEIGHTS
    before = context.insights.health(small.cedar).report.current
    only_sponsor = HealthWeights(adoption=0, coverage=0, engagement=0, support=0,
                                 sentiment=0, relationship=1)
    context.insights.set_weights(only_sponsor)
    assert context.insights.weights() == only_sponsor
    again = InsightService(context.store.sessions)  # a fresh service reads the stored value
    assert again.weights() == only_sponsor
    after = context.insights.health(small.cedar)
    assert after.weights == only_sponsor
    assert before is not None and before.total == pytest.approx(63.2, abs=0.051)
    assert after.report.current is not None and after.report.current.total == 100.0
    assert overview_row(context, small.cedar).health == 100.0


def test_stored_weights_may_leave_a_dimension_out(context: Any) -> None:
    with session_scope(context.store.sessions) as session:
        SettingRepository(session).set(HEALTH_WEIGHTS_KEY, {"adoption": 40})
    assert context.insights.weights() == replace(DEFAULT_WEIGHTS, adoption=40.0)


@pytest.mark.parametrize("stored", [
    {"adoption": "heavy"},
    {"adoption": -5},
    {"adoption": True},
    {"friendliness": 10},
    {d: 0 for d in ("adoption", "coverage", "engagement", "support", "sentiment",
                    "relationship")},
    [1, 2, 3],
    "twenty",
    7,
])
def test_a_corrupt_weights_setting_falls_back_to_defaults(context: Any, small: SmallPortfolio,
                                                          stored: Any) -> None:
    with session_scope(context.store.sessions) as session:
        SettingRepository(session).set(HEALTH_WEIGHTS_KEY, stored)
    assert context.insights.weights() == DEFAULT_WEIGHTS
    health = context.insights.health(small.acme)
    assert health.weights == DEFAULT_WEIGHTS
    assert health.report.current is not None
    assert overview_row(context, small.acme).health == health.report.current.total


def test_a_weights_setting_that_is_not_json_falls_back_to_defaults(
        context: Any, small: SmallPortfolio) -> None:
    # Hand-edited in a database browser: a missing quote is as likely as a wrong number.
    with session_scope(context.store.sessions) as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
                        {"k": HEALTH_WEIGHTS_KEY, "v": "{adoption: 40"})
    assert context.insights.weights() == DEFAULT_WEIGHTS
    assert context.insights.health(small.acme).report.current is not None


# --- benchmark -----------------------------------------------------------------------------

def test_benchmark_against_a_small_portfolio(context: Any, small: SmallPortfolio) -> None:
    result = context.insights.benchmark(small.acme)
    assert result.account_id == small.acme
    # No tenure is recorded and only three others exist: the whole portfolio, with a note.
    assert result.cohort.criteria == ()
    assert result.cohort.description == WHOLE_PORTFOLIO
    assert result.cohort.size == 3
    assert result.cohort.fallback_note is not None
    assert "Tenure is not recorded" in str(result.cohort.fallback_note)
    assert [m.key for m in result.metrics] == [m.key for m in BENCHMARK_METRICS]
    metrics = {m.key: m for m in result.metrics}
    health = context.insights.health(small.acme).report.current
    assert health is not None and metrics["health"].value == health.total
    # Delta Dental has no metrics: only two peers have data, and Acme beats both.
    assert metrics["health"].peers_with_data == 2
    assert metrics["health"].percentile == 100.0
    assert metrics["coverage_rate"].value == pytest.approx(0.95)
    assert metrics["coverage_rate"].cohort_median == pytest.approx((0.2 + 0.6) / 2)
    assert metrics["nps"].value == 50.0 and metrics["nps"].cohort_median == -20.0
    # Fewer tickets are better: Acme (0 per 100 seats) beats Bluefin (30) and ties Cedar (0).
    assert metrics[TICKETS_PER_100_SEATS].value == 0.0
    assert metrics[TICKETS_PER_100_SEATS].percentile == 75.0


def test_benchmark_of_the_weakest_account_ranks_it_low(context: Any,
                                                       small: SmallPortfolio) -> None:
    metrics = {m.key: m for m in context.insights.benchmark(small.bluefin).metrics}
    assert metrics["health"].percentile == 0.0
    assert metrics["health"].phrase == "bottom 10% in health"
    assert metrics[TICKETS_PER_100_SEATS].value == 30.0  # 30 tickets on 100 seats
    assert metrics[TICKETS_PER_100_SEATS].percentile == 0.0
    assert metrics[TICKETS_PER_100_SEATS].phrase == (
        "bottom 10% for most support tickets per 100 seats")


def test_benchmark_of_an_account_without_data_says_so(context: Any,
                                                      small: SmallPortfolio) -> None:
    result = context.insights.benchmark(small.delta)
    assert all(m.value is None and m.percentile is None for m in result.metrics)
    assert result.metrics[0].phrase == "no data for health"


def test_benchmark_reads_the_latest_quarter_only(context: Any, small: SmallPortfolio) -> None:
    # An older quarter with different values must not leak into the comparison.
    context.accounts.record_metrics(small.acme, quarter_values(Quarter(2024, 1), active=5,
                                                                nps=-90))
    nps = next(m for m in context.insights.benchmark(small.acme).metrics if m.key == "nps")
    assert nps.value == 50.0


def test_benchmark_uses_a_named_cohort_when_enough_peers_match(context: Any) -> None:
    ids = [add_account(context, f"Retailer {n}", arr="10000", industry="Retail",
                       metrics=quarter_values(Q4, active=50 + n * 5, nps=n * 10))
           for n in range(6)]
    add_account(context, "Bank", arr="10000", industry="Banking",
                metrics=quarter_values(Q4, active=99, nps=99))
    result = context.insights.benchmark(ids[5])
    assert result.cohort.criteria == ("industry", "tier")
    assert result.cohort.description == "Retail · Core"
    assert result.cohort.size == 5
    nps = next(m for m in result.metrics if m.key == "nps")
    assert (nps.value, nps.cohort_median, nps.percentile) == (50.0, 20.0, 100.0)



def test_support_tickets_are_compared_per_100_licensed_seats(context: Any) -> None:
    def account(name: str, seats: int, tickets: float) -> int:
        return add_account(context, name, seats=seats, metrics=quarter_values(
            Q4, seats=seats, active=seats / 2, tickets=tickets))

    tiny = account("Tiny", 6, 1)  # 16.7 per 100 seats
    huge = account("Huge", 875, 39)  # 4.5 per 100 seats: 39 times the tickets, less per seat
    for n in range(4):
        account(f"Mid {n}", 100, 8)
    by_key = {m.key: m for m in context.insights.benchmark(huge).metrics}
    rate = by_key[TICKETS_PER_100_SEATS]
    assert rate.value == pytest.approx(39 / 875 * 100)
    assert rate.cohort_median == 8.0
    assert rate.percentile == 100.0  # raw, its 39 tickets were the most of all
    assert rate.phrase == "top 10% for fewest support tickets per 100 seats"
    small = {m.key: m for m in context.insights.benchmark(tiny).metrics}
    assert small[TICKETS_PER_100_SEATS].value == pytest.approx(100 / 6)
    assert small[TICKETS_PER_100_SEATS].percentile == 0.0
    assert context.insights.benchmarks()[huge] == context.insights.benchmark(huge)


def test_seats_come_from_the_account_record(context: Any) -> None:
    # The contract's seats, even where a quarter recorded a different seat count.
    account = add_account(context, "Grown", seats=200, metrics=quarter_values(
        Q4, seats=100, active=50, tickets=10))
    rate = next(m for m in context.insights.benchmark(account).metrics
                if m.key == TICKETS_PER_100_SEATS)
    assert rate.value == 5.0


def test_an_account_without_seats_has_no_ticket_rate(context: Any) -> None:
    seatless = add_account(context, "Seatless", seats=0, metrics=quarter_values(
        Q4, seats=0, active=0, tickets=3))
    others = [add_account(context, f"Other {n}", metrics=quarter_values(
        Q4, active=50, tickets=n)) for n in range(3)]
    rate = next(m for m in context.insights.benchmark(seatless).metrics
                if m.key == TICKETS_PER_100_SEATS)
    assert (rate.value, rate.percentile) == (None, None)
    assert rate.phrase == "no data for support tickets per 100 seats"
    peer = next(m for m in context.insights.benchmark(others[0]).metrics
                if m.key == TICKETS_PER_100_SEATS)
    assert peer.peers_with_data == 2  # the seatless account is nobody's peer here


# --- expansion -----------------------------------------------------------------------------

def test_expansion_projects_seats_from_the_last_four_quarters(context: Any,
                                                              small: SmallPortfolio) -> None:
    estimate = context.insights.expansion(small.acme)
    # +5 active users a quarter: 95 + 4 × 5 = 115 in a year, 15 over the 100 seats,
    # at ARR 120,000 ÷ 100 seats = 1,200 a seat.
    assert [(line.kind, line.title, line.amount) for line in estimate.lines] == [
        ("seats", "15 more seats", Decimal("18000.00"))]
    assert estimate.total == Decimal("18000.00")
    assert estimate.currency == "USD"
    assert estimate.readiness.level == "ready"
    assert estimate.unused_seats == 5


def test_expansion_ignores_quarters_older_than_the_trend_window(context: Any,
                                                                small: SmallPortfolio) -> None:
    # A big old quarter would flatten the slope if it were read.
    context.accounts.record_metrics(small.acme, [
        MetricValue(Quarter(2023, 1), "active_users", 400.0)])
    assert context.insights.expansion(small.acme).total == Decimal("18000.00")


def test_expansion_of_a_red_account_is_not_now(context: Any, small: SmallPortfolio) -> None:
    estimate = context.insights.expansion(small.bluefin)
    assert estimate.readiness.level == "not now"
    assert estimate.total == Decimal("0.00")


# --- overview ------------------------------------------------------------------------------

def test_overview_rows_agree_with_the_per_account_services(context: Any,
                                                           small: SmallPortfolio) -> None:
    overview = context.insights.overview()
    assert {r.name: r.account_id for r in overview.rows} == small.ids
    for row in overview.rows:
        report = context.insights.health(row.account_id).report
        estimate = context.insights.expansion(row.account_id)
        assert row.health == (report.current.total if report.current else None)
        assert row.band == (report.current.band if report.current else None)
        assert row.change == report.change
        assert row.latest_quarter == (report.current.quarter if report.current else None)
        assert row.readiness == estimate.readiness.level
        assert row.expansion == estimate.total
        summary = next(a for a in context.accounts.list_accounts() if a.id == row.account_id)
        assert (row.tier, row.arr, row.industry) == (summary.tier, summary.arr, summary.industry)


def test_a_latest_quarter_that_cannot_be_scored_does_not_hide_the_health(
        context: Any, small: SmallPortfolio) -> None:
    # An import of the new quarter's active users alone (no seats, logins or surveys yet):
    # the account page still shows the last scored quarter, and so must the overview.
    context.accounts.record_metrics(small.acme, [
        MetricValue(Quarter(2026, 1), "active_users", 97.0)])
    page = context.insights.health(small.acme).report
    assert page.current is not None and page.current.quarter == Q4
    row = overview_row(context, small.acme)
    assert (row.health, row.band, row.change, row.latest_quarter) == (
        page.current.total, page.current.band, page.change, page.current.quarter)
    assert row.readiness == context.insights.expansion(small.acme).readiness.level


def test_overview_segments(context: Any, small: SmallPortfolio) -> None:
    overview = context.insights.overview()
    flags = {r.name: (r.at_risk, r.expansion_ready) for r in overview.rows}
    assert flags == {"Acme Logistics": (False, True), "Bluefin Health": (True, False),
                     "Cedar Bank": (True, False), "Delta Dental": (False, False)}
    # At risk: worst health first. Ready: biggest expansion first.
    assert [r.name for r in overview.at_risk] == ["Bluefin Health", "Cedar Bank"]
    assert [r.name for r in overview.expansion_ready] == ["Acme Logistics"]
    cedar = next(r for r in overview.rows if r.account_id == small.cedar)
    assert (cedar.band, cedar.open_risks, cedar.open_opportunities) == (Band.YELLOW, 1, 0)


def test_overview_counts_open_items_and_follows_the_register(context: Any,
                                                             small: SmallPortfolio) -> None:
    context.risks.add(small.cedar, RiskDraft(RiskKind.OPPORTUNITY, "Second team", "", 3, 3))
    cedar = overview_row(context, small.cedar)
    assert (cedar.open_risks, cedar.open_opportunities, cedar.at_risk) == (1, 1, True)
    context.risks.set_status(small.cedar_risk, RiskStatus.CLOSED)
    cedar = overview_row(context, small.cedar)
    # A yellow account with no open risk is no longer at risk.
    assert (cedar.open_risks, cedar.open_opportunities, cedar.at_risk) == (0, 1, False)


def test_overview_follows_an_edited_account(context: Any, small: SmallPortfolio) -> None:
    context.accounts.update(small.cedar, {"arr": Decimal("250000"), "name": "Cedar Bank AG"})
    cedar = overview_row(context, small.cedar)
    assert cedar.name == "Cedar Bank AG"
    assert cedar.arr == Money(Decimal("250000.00"), "USD")
    assert cedar.tier == "Strategic"


def test_overview_of_an_empty_portfolio(context: Any) -> None:
    overview = InsightService(context.store.sessions, today=lambda: TODAY).overview()
    assert overview.rows == () and overview.at_risk == () and overview.expansion_ready == ()
    assert overview.as_of == TODAY


def test_overview_of_an_account_whose_data_stopped_long_ago(context: Any) -> None:
    account = add_account(context, "Gone Quiet", metrics=[
        *quarter_values(Quarter(2022, 1), active=90), *quarter_values(Quarter(2022, 2),
                                                                      active=91)])
    row = overview_row(context, account)
    assert row.latest_quarter == Quarter(2022, 2)
    assert row.health is not None and row.change is not None


def _row(**changes: Any) -> PortfolioRow:
    base = PortfolioRow(
        account_id=1, name="Acme", tier="Growth", industry="", arr=Money(Decimal(1), "USD"),
        renewal_date=None, next_review_at=None, health=80.0, band=Band.GREEN, change=0.0,
        confidence=1.0, latest_quarter=Q4, readiness="nurture", expansion=Decimal(0),
        open_risks=0, open_opportunities=0)
    return base._replace(**changes)


@pytest.mark.parametrize("changes,at_risk", [
    ({}, False),
    ({"band": Band.RED, "health": 40.0}, True),
    ({"change": -10.0}, True),  # green but falling fast
    ({"change": -9.9}, False),
    ({"band": Band.YELLOW, "health": 60.0}, False),
    ({"band": Band.YELLOW, "health": 60.0, "open_risks": 1}, True),
    ({"open_risks": 3}, False),  # green with risks logged is being managed
    ({"band": None, "health": None, "change": None, "open_risks": 2}, False),
])
def test_portfolio_row_at_risk(changes: dict[str, Any], at_risk: bool) -> None:
    assert _row(**changes).at_risk is at_risk


@pytest.mark.parametrize("readiness,expansion,ready", [
    ("ready", Decimal("0.01"), True),
    ("ready", Decimal(0), False),
    ("nurture", Decimal(5000), False),
    ("not now", Decimal(5000), False),
])
def test_portfolio_row_expansion_ready(readiness: str, expansion: Decimal, ready: bool) -> None:
    assert _row(readiness=readiness, expansion=expansion).expansion_ready is ready


# --- format_peer_value ---------------------------------------------------------------------

@pytest.mark.parametrize("key,value,shown", [
    ("health", None, "—"),
    ("coverage_rate", 0.756, "76%"),
    ("adoption_rate", 1.0, "100%"),
    ("adoption_rate", 0.0, "0%"),
    ("logins_per_user_week", 2.923, "2.9"),
    ("csat", 4.0, "4"),
    ("nps", -12.5, "-12.5"),
    ("health", 150.4, "150"),
    ("support_tickets", 1234.0, "1,234"),
    ("support_tickets", 0.0, "0"),
    (TICKETS_PER_100_SEATS, 100 / 6, "16.7"),
    (TICKETS_PER_100_SEATS, 0.0, "0"),
])
def test_format_peer_value(key: str, value: float | None, shown: str) -> None:
    assert format_peer_value(key, value) == shown


def test_create_then_resolve_hostile_names(context: Any) -> None:
    names = ["株式会社 <R&D>", "شركة الأمل", "Rocket 🚀 & Co", "$5 & $6 Stores"]
    ids = [context.accounts.create(AccountDraft(name=n)).id for n in names]
    for name, account_id in zip(names, ids, strict=True):
        assert context.insights.resolve(name) == account_id
        assert context.insights.health(account_id).name == name
