"""The risk and opportunity register: matrix cells, validation and suggested items."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from qbr_desktop.domain.expansion import NURTURE, READY, ExpansionEstimate, ExpansionLine, Readiness
from qbr_desktop.domain.health import HealthReport, HealthScore, band_for, health_report
from qbr_desktop.domain.metrics import MetricHistory, MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.risks import (
    HIGH_FROM,
    QUADRANT_LABELS,
    Quadrant,
    RiskDraft,
    RiskKind,
    RiskStatus,
    quadrant,
    suggest_items,
    validate_risk,
)
from qbr_desktop.i18n import english

TODAY = date(2026, 3, 10)
Q2, Q3 = Quarter(2026, 2), Quarter(2026, 3)
ARR = Decimal("100000")


def on(days: int) -> date:
    return TODAY + timedelta(days=days)


def steady(total: float | None) -> HealthReport:
    score = HealthScore(Q3, total, None if total is None else band_for(total), (), 1.0)
    return HealthReport(score, None, None, (), (score,), "")


def falling_report() -> HealthReport:
    # Q2: (80×20 + 90×20 + 100×15 + 80×15 + 100×15) / 85 = 7600 / 85 = 89.4 (no engagement)
    # Q3: (50×20 + 50×20 + 50×15 + 50×15 + 0×15) / 85 = 3500 / 85 = 41.2
    before = {"features_adopted": 32, "features_available": 40, "active_users": 360,
              "licensed_seats": 400, "csat": 5, "nps": 60, "exec_sponsor_engaged": 1}
    after = {"features_adopted": 20, "features_available": 40, "active_users": 200,
             "licensed_seats": 400, "csat": 3, "nps": 0, "exec_sponsor_engaged": 0}
    return health_report(MetricHistory.from_values([
        MetricValue(q, k, float(v)) for q, values in ((Q2, before), (Q3, after))
        for k, v in values.items()
    ]))


def expansion(level: str, total: str) -> ExpansionEstimate:
    amount = Decimal(total)
    lines = (ExpansionLine("seats", "48 more seats", amount, "…"),) if amount else ()
    return ExpansionEstimate(0, Decimal("0.00"), lines, amount, "USD",
                             Readiness(level, ("Health is 78 (green).",)), (), ())


def titles(items: list[RiskDraft]) -> list[str]:
    return [item.title for item in items]


# -- the matrix ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("likelihood", "impact", "cell"),
    [
        (5, 5, Quadrant.PRIORITY_ACTION),
        (3, 3, Quadrant.PRIORITY_ACTION),  # the midpoint counts as high on both axes
        (2, 3, Quadrant.MONITOR_CLOSELY),
        (1, 5, Quadrant.MONITOR_CLOSELY),
        (3, 2, Quadrant.PLAN_AND_PREPARE),
        (5, 1, Quadrant.PLAN_AND_PREPARE),
        (2, 2, Quadrant.WATCH_AND_WAIT),
        (1, 1, Quadrant.WATCH_AND_WAIT),
    ],
)
def test_quadrants_and_their_boundaries(likelihood: int, impact: int, cell: Quadrant) -> None:
    assert quadrant(likelihood, impact) is cell
    assert RiskDraft(RiskKind.RISK, "x", "", likelihood, impact).quadrant is cell


def test_quadrant_labels() -> None:
    assert HIGH_FROM == 3
    assert [QUADRANT_LABELS[q] for q in Quadrant] == [
        "Priority action", "Monitor closely", "Plan and prepare", "Watch and wait"]
    assert Quadrant.MONITOR_CLOSELY.label == "Monitor closely"


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 3), (3, 0), (3, 6), (-1, 9)])
def test_quadrant_outside_the_scale(likelihood: int, impact: int) -> None:
    with pytest.raises(ValueError, match="whole number from 1 to 5"):
        quadrant(likelihood, impact)


@pytest.mark.parametrize("value", [True, 2.5, "3", None])
def test_quadrant_refuses_non_integers(value: object) -> None:
    with pytest.raises(ValueError, match="likelihood"):
        quadrant(value, 3)  # type: ignore[arg-type]


def test_enum_values_are_stable_for_storage() -> None:
    assert [k.value for k in RiskKind] == ["risk", "opportunity"]
    assert [s.value for s in RiskStatus] == ["open", "closed"]


# -- validation ------------------------------------------------------------------------------

def test_valid_draft_has_no_problems() -> None:
    assert validate_risk(RiskDraft(RiskKind.RISK, "Sponsor leaving", "", 3, 4)) == []


@pytest.mark.parametrize(
    ("draft", "problems"),
    [
        (RiskDraft(RiskKind.RISK, "   ", "", 3, 3), [("title", "Give the item a title.")]),
        (RiskDraft(RiskKind.RISK, "x" * 201, "", 3, 3),
         [("title", "Keep the title to 200 characters (it has 201).")]),
        (RiskDraft(RiskKind.OPPORTUNITY, "ok", "", 0, 6),
         [("likelihood", "Likelihood must be a whole number from 1 to 5."),
          ("impact", "Impact must be a whole number from 1 to 5.")]),
        (RiskDraft("risk?", "", "", True, 3),  # type: ignore[arg-type]
         [("kind", "Choose whether this is a risk or an opportunity."),
          ("title", "Give the item a title."),
          ("likelihood", "Likelihood must be a whole number from 1 to 5.")]),
    ],
)
def test_validation_problems(draft: RiskDraft, problems: list[tuple[str, str]]) -> None:
    assert [(field, english(text)) for field, text in validate_risk(draft)] == problems


def test_title_length_counts_characters_not_bytes() -> None:
    assert validate_risk(RiskDraft(RiskKind.RISK, "😀" * 200, "", 1, 1)) == []
    assert validate_risk(RiskDraft(RiskKind.RISK, "x" * 200, "", 1, 1)) == []


@pytest.mark.parametrize(
    "title", ["予算削減のリスク", "Champion leaving 😟", "خطر التجديد", "<script> & co"],
)
def test_titles_pass_through_untouched(title: str) -> None:
    draft = RiskDraft(RiskKind.RISK, title, title, 2, 2)
    assert validate_risk(draft) == []
    assert (draft.title, draft.detail) == (title, title)


# -- suggestions -----------------------------------------------------------------------------

def test_falling_red_account_near_renewal() -> None:
    report = falling_report()
    assert report.change == -48.2
    items = suggest_items(report, on(45), TODAY, None, ARR)
    assert titles(items) == [
        "Health fell 48.2 points since 2026Q2",
        "Health is red (41.2)",
        "Renewal in 45 days with red health",
        "Executive relationship fell 100 points since 2026Q2",
        "Support health fell 50 points since 2026Q2",
        "User coverage fell 40 points since 2026Q2",
    ]
    assert all(item.kind is RiskKind.RISK for item in items)
    assert [(i.likelihood, i.impact) for i in items] == [
        (4, 4), (4, 4), (4, 5), (3, 3), (3, 3), (3, 3)]
    assert items[0].detail.startswith("The health score went from 89.4 to 41.2.")
    assert items[3].detail == "Executive relationship fell 100 points (from 100 to 0)."
    assert all(validate_risk(item) == [] for item in items)


def test_a_small_fall_suggests_nothing() -> None:
    report = steady(75)
    assert suggest_items(report, None, TODAY, None, ARR) == []


@pytest.mark.parametrize(
    ("total", "days", "expected"),
    [
        (60, 90, ["Renewal in 90 days with yellow health"]),
        (60, 91, []),
        (60, 1, ["Renewal in 1 day with yellow health"]),
        (60, 0, ["Renewal today with yellow health"]),
        (60, -5, []),  # a renewal date in the past is a data problem, not a suggestion
        (80, 90, ["Renewal in 90 days on green health: discuss multi-year"]),
        (80, 180, ["Renewal in 180 days on green health: discuss multi-year"]),
        (80, 181, []),
        (None, 30, ["Renewal in 30 days with no health score"]),
        (None, 120, []),
    ],
)
def test_renewal_suggestions(total: float | None, days: int, expected: list[str]) -> None:
    assert titles(suggest_items(steady(total), on(days), TODAY, None, ARR)) == expected


def test_renewal_without_any_report() -> None:
    [item] = suggest_items(None, on(10), TODAY, None, ARR)
    assert item.title == "Renewal in 10 days with no health score"
    assert (item.likelihood, item.impact) == (3, 5)


def test_green_renewal_is_an_opportunity() -> None:
    [item] = suggest_items(steady(80), on(120), TODAY, None, ARR)
    assert item.kind is RiskKind.OPPORTUNITY
    assert item.quadrant is Quadrant.PRIORITY_ACTION


def test_ready_expansion_is_an_opportunity() -> None:
    [item] = suggest_items(steady(78), None, TODAY, expansion(READY, "20160"), ARR)
    assert item.title == "Expansion of $20,160 a year is ready to discuss"
    assert item.kind is RiskKind.OPPORTUNITY
    assert (item.likelihood, item.impact) == (3, 4)  # 20,160 is 20.16% of $100,000


def test_expansion_impact_by_share_of_arr() -> None:
    big = suggest_items(steady(78), None, TODAY, expansion(READY, "20000"), ARR)
    small = suggest_items(steady(78), None, TODAY, expansion(READY, "19999.99"), ARR)
    assert (big[0].impact, small[0].impact) == (4, 3)
    assert small[0].title == "Expansion of $19,999.99 a year is ready to discuss"
    assert big[0].detail == "Health is 78 (green). 48 more seats: $20,000."
    no_arr = suggest_items(steady(78), None, TODAY, expansion(READY, "500"), Decimal(0))
    assert no_arr[0].impact == 4


def test_expansion_that_is_not_ready_or_empty_suggests_nothing() -> None:
    assert suggest_items(steady(78), None, TODAY, expansion(NURTURE, "20000"), ARR) == []
    assert suggest_items(steady(78), None, TODAY, expansion(READY, "0.00"), ARR) == []


def test_order_is_fixed_and_repeatable() -> None:
    report = steady(80)
    args = (report, on(100), TODAY, expansion(READY, "50000"), ARR)
    items = suggest_items(*args)
    assert titles(items) == ["Expansion of $50,000 a year is ready to discuss",
                             "Renewal in 100 days on green health: discuss multi-year"]
    assert suggest_items(*args) == items
