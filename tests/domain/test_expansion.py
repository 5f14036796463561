"""Expansion whitespace: seat trend, modules, plan upgrades, departments, readiness."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

import pytest

from qbr_desktop.domain.expansion import (
    NOT_NOW,
    NURTURE,
    READY,
    CatalogueEntry,
    DepartmentInfo,
    ExpansionEstimate,
    ExpansionInputs,
    ExpansionLine,
    estimate_expansion,
)
from qbr_desktop.domain.health import HealthReport, HealthScore, band_for
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.i18n import CHINESE, Message, catalogue

Q = Quarter.parse


def texts(messages: Sequence[Message]) -> tuple[str, ...]:
    """Notes as the window shows them in English."""
    return tuple(str(message) for message in messages)


def report(total: float | None) -> HealthReport:
    score = HealthScore(Q("2026Q1"), total, None if total is None else band_for(total), (), 1.0)
    return HealthReport(score, None, None, (), (score,), "")


# 168,000 / 400 seats = $420 a seat; active users climb 18 a quarter to 376 (94% coverage).
BASE = ExpansionInputs(
    arr=Decimal("168000"),
    currency="USD",
    licensed_seats=400,
    active_users_by_quarter=(
        (Q("2025Q1"), 0.0),  # older than the last four quarters: left out of the trend
        (Q("2025Q2"), 322.0), (Q("2025Q3"), 340.0), (Q("2025Q4"), 358.0), (Q("2026Q1"), 376.0),
    ),
    owned_entry_ids=frozenset(),
    catalogue=(),
    departments=(),
    health=report(78),
    nps=42,
)


def estimate(**changes: object) -> ExpansionEstimate:
    return estimate_expansion(replace(BASE, **changes))  # type: ignore[arg-type]


def lines(result: ExpansionEstimate, kind: str) -> list[ExpansionLine]:
    return [line for line in result.lines if line.kind == kind]


def trend(*values: float, start: str = "2025Q2") -> tuple[tuple[Quarter, float], ...]:
    first = Q(start)
    return tuple((first.shifted(i), v) for i, v in enumerate(values))


# -- seats -----------------------------------------------------------------------------------

def test_seat_line_from_the_trend() -> None:
    result = estimate()
    # slope 18 a quarter; 376 + 4 × 18 = 448 users in a year; 448 − 400 = 48 seats × $420
    [seat] = lines(result, "seats")
    assert seat.title == "48 more seats"
    assert seat.amount == Decimal("20160.00")
    assert seat.amount.as_tuple().exponent == -2
    assert seat.assumption == (
        "Active users grew 18 a quarter over the last 4 quarters; at that pace 48 more seats "
        "are needed within a year, at the current $420 a seat.")
    assert result.total == Decimal("20160.00")
    assert result.currency == "USD"
    assert texts(result.assumptions)[0] == (
        "Price per seat = ARR $168,000 ÷ 400 licensed seats = $420 a year.")


def test_fractional_slope_rounds_seats_up() -> None:
    # x = 0, 1, 2; y = 100, 110, 125; slope = ((−1)(−35/3) + (1)(40/3)) / 2 = 12.5
    # 125 + 4 × 12.5 = 175 users; 175 − 150 seats = 25
    result = estimate(licensed_seats=150, arr=Decimal("15000"),
                      active_users_by_quarter=trend(100, 110, 125))
    [seat] = lines(result, "seats")
    assert seat.title == "25 more seats"
    assert seat.amount == Decimal("2500.00")  # 25 × $100
    assert "grew 12.5 a quarter over the last 3 quarters" in seat.assumption
    one = estimate(licensed_seats=174, arr=Decimal("17400"),
                   active_users_by_quarter=trend(100, 110, 125))
    assert lines(one, "seats")[0].title == "1 more seat"
    assert "1 more seat is needed" in lines(one, "seats")[0].assumption


def test_gaps_between_quarters_count_as_time() -> None:
    # 100 in 2025Q1, 120 in 2025Q3: 10 a quarter, not 20; 120 + 40 = 160 − 150 = 10 seats
    result = estimate(licensed_seats=150, arr=Decimal("15000"),
                      active_users_by_quarter=((Q("2025Q1"), 100.0), (Q("2025Q3"), 120.0)))
    assert lines(result, "seats")[0].title == "10 more seats"


@pytest.mark.parametrize(
    ("values", "text"),
    [
        ((300, 300, 300), "Active users held steady over the last 3 quarters"),
        ((330, 320, 310), "Active users fell 10 a quarter over the last 3 quarters"),
        ((300,), "Fewer than two quarters of active users"),
        ((300, 310, 320), "the 360 users expected in a year still fit in the 400 licensed"),
    ],
)
def test_no_seat_line_and_the_reason_is_given(values: tuple[float, ...], text: str) -> None:
    result = estimate(active_users_by_quarter=trend(*values))
    assert lines(result, "seats") == []
    assert any(text in a for a in texts(result.assumptions)), texts(result.assumptions)


def test_unused_seats_are_a_gap_not_expansion() -> None:
    result = estimate(active_users_by_quarter=trend(300, 300, 300))
    assert result.unused_seats == 100
    assert result.unused_seat_value == Decimal("42000.00")  # 100 × $420
    assert result.total == Decimal("0.00")
    assert ("100 licensed seats are idle ($42,000 a year already paid): an adoption gap, "
            "not added to the total.") in texts(result.assumptions)
    assert estimate().unused_seats == 24  # 400 − 376


def test_zero_seats() -> None:
    catalogue = (CatalogueEntry(1, "Sandbox", "module", "flat", Decimal("9000"), "USD"),
                 CatalogueEntry(2, "Analytics", "module", "per_seat", Decimal("12"), "USD"))
    result = estimate(licensed_seats=0, catalogue=catalogue,
                      departments=(DepartmentInfo("Finance", 120, False),))
    assert (result.unused_seats, result.unused_seat_value) == (0, Decimal("0.00"))
    assert [line.title for line in result.lines] == ["Add Sandbox"]  # flat price needs no seats
    assert texts(result.skipped) == (
        "No seats are licensed, so there is no price per seat to value extra seats or "
        "departments.",
        "Analytics is priced per seat and no seats are licensed.",
    )
    assert result.readiness.level == NURTURE
    assert "User coverage is unknown." in texts(result.readiness.reasons)


def test_price_per_seat_is_rounded_to_cents_half_even() -> None:
    result = estimate(arr=Decimal("100000"), licensed_seats=3,
                      active_users_by_quarter=trend(1, 2, 3))
    # 100,000 / 3 = 33,333.333…; 3 + 4 × 1 = 7 users; 4 more seats × $33,333.33
    [seat] = lines(result, "seats")
    assert seat.amount == Decimal("133333.32")
    assert "$33,333.33 a seat" in seat.assumption


# -- catalogue -------------------------------------------------------------------------------

MODULES = (
    CatalogueEntry(10, "Analytics", "module", "per_seat", Decimal("12"), "USD"),
    CatalogueEntry(11, "Sandbox", "module", "flat", Decimal("9000"), "USD"),
    CatalogueEntry(12, "Owned module", "module", "flat", Decimal("5000"), "USD"),
    CatalogueEntry(13, "Analytics Pro", "module", "flat", Decimal("7000"), "EUR"),
)
PLANS = (
    CatalogueEntry(20, "Starter", "plan", "flat", Decimal("20000"), "USD"),
    CatalogueEntry(21, "Business", "plan", "per_seat", Decimal("75"), "USD"),  # 30,000
    CatalogueEntry(22, "Enterprise", "plan", "per_seat", Decimal("120"), "USD"),  # 48,000
    CatalogueEntry(23, "Premier", "plan", "flat", Decimal("100000"), "USD"),
)


def test_modules_per_seat_and_flat_and_other_currency() -> None:
    result = estimate(catalogue=MODULES, owned_entry_ids=frozenset({12}),
                      active_users_by_quarter=trend(376))
    modules = lines(result, "module")
    assert [(m.title, m.amount) for m in modules] == [
        ("Add Analytics", Decimal("4800.00")),  # $12 × 400 seats
        ("Add Sandbox", Decimal("9000.00")),
    ]
    assert modules[0].assumption == (
        "Analytics is not owned yet; priced at $12 a seat a year for the 400 licensed seats.")
    assert modules[1].assumption == "Sandbox is not owned yet; priced at a flat $9,000 a year."
    assert texts(result.skipped) == ("Analytics Pro is priced in EUR; not converted offline.",)
    assert result.total == Decimal("13800.00")


def test_plan_upgrade_is_the_next_step_up_and_the_difference() -> None:
    result = estimate(catalogue=PLANS, owned_entry_ids=frozenset({21}),
                      active_users_by_quarter=trend(376))
    [plan] = lines(result, "plan")
    assert plan.title == "Upgrade to Enterprise"
    assert plan.amount == Decimal("18000.00")  # 120 × 400 − 75 × 400
    assert plan.assumption == (
        "Moving from Business ($30,000 a year) to Enterprise ($120 a seat a year for the "
        "400 licensed seats, $48,000) adds the difference.")


def test_no_plan_line_on_the_top_plan_or_without_a_current_plan() -> None:
    top = estimate(catalogue=PLANS, owned_entry_ids=frozenset({23}))
    assert lines(top, "plan") == [] and texts(top.skipped) == ()
    unknown = estimate(catalogue=PLANS)
    assert lines(unknown, "plan") == []
    assert texts(unknown.skipped) == (
        "No current plan is recorded in the catalogue in USD, so a plan upgrade cannot be "
        "priced.",)


def test_foreign_plans_are_skipped() -> None:
    euro = CatalogueEntry(30, "Enterprise EU", "plan", "flat", Decimal("60000"), "EUR")
    result = estimate(catalogue=(PLANS[1], euro), owned_entry_ids=frozenset({21}))
    assert lines(result, "plan") == []
    assert texts(result.skipped) == ("Enterprise EU is priced in EUR; not converted offline.",)


def test_unknown_pricing_is_skipped_with_a_note() -> None:
    odd = CatalogueEntry(40, "Odd", "module", "per_user_month", Decimal("3"), "USD")
    assert texts(estimate(catalogue=(odd,)).skipped) == (
        "Odd has an unknown pricing basis (per_user_month).",)


# -- departments -----------------------------------------------------------------------------

def test_untapped_departments_use_the_account_coverage() -> None:
    departments = (DepartmentInfo("Finance", 120, False), DepartmentInfo("Sales", 300, True),
                   DepartmentInfo("Legal", 0, False), DepartmentInfo("Board", 1, False))
    result = estimate(departments=departments, active_users_by_quarter=trend(376))
    # coverage 376 / 400 = 94%; Finance 120 × 0.94 = 112.8 → 113 seats × $420 = $47,460;
    # Board 1 × 0.94 → 1 seat
    got = lines(result, "department")
    assert [(d.title, d.amount) for d in got] == [
        ("Roll out to Finance", Decimal("47460.00")),
        ("Roll out to Board", Decimal("420.00")),
    ]
    assert got[0].assumption == (
        "Finance has 120 people and does not use the product yet; at the account's current "
        "94% coverage, 113 of them would take seats at $420 a seat.")
    assert got[1].assumption.startswith("Board has 1 person and")


def test_departments_default_to_sixty_percent_when_coverage_is_unknown() -> None:
    result = estimate(departments=(DepartmentInfo("Finance", 120, False),),
                      active_users_by_quarter=())
    [line] = lines(result, "department")
    assert line.amount == Decimal("30240.00")  # 120 × 0.6 = 72 seats × $420
    assert "an assumed 60% coverage (the account's own is unknown)" in line.assumption
    assert ("User coverage is unknown, so untapped departments assume 60% of their people "
            "become users.") in texts(result.assumptions)


def test_total_adds_every_line() -> None:
    result = estimate(catalogue=MODULES + PLANS, owned_entry_ids=frozenset({12, 21}),
                      departments=(DepartmentInfo("Finance", 120, False),))
    assert [line.kind for line in result.lines] == [
        "seats", "module", "module", "plan", "department"]
    # 20,160 + 4,800 + 9,000 + 18,000 + 47,460
    assert result.total == Decimal("99420.00")
    assert result.total == sum(line.amount for line in result.lines)


# -- readiness -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("health", "nps", "active", "level"),
    [
        (78, 42, 376, READY),
        (70, 30, 320, READY),  # every threshold exactly met: 70 green, NPS 30, 80% coverage
        (76, None, 376, READY),  # no NPS, but health 75 or more
        (75, None, 376, READY),
        (72, None, 376, NURTURE),  # green, no NPS, below 75
        (78, 29, 376, NURTURE),
        (78, 42, 319, NURTURE),  # 79.75% coverage
        (69.9, 42, 376, NURTURE),  # yellow
        (None, 42, 376, NURTURE),
        (49.9, 42, 376, NOT_NOW),  # red
        (90, -1, 376, NOT_NOW),
        (55, 0, 376, NURTURE),  # an NPS of zero is not negative
    ],
)
def test_readiness_levels(health: float | None, nps: float | None, active: float,
                          level: str) -> None:
    result = estimate(health=report(health), nps=nps, active_users_by_quarter=trend(active))
    assert result.readiness.level == level
    assert result.readiness.reasons
    assert all(reason.endswith(".") for reason in texts(result.readiness.reasons))


def test_readiness_reasons() -> None:
    ready = estimate().readiness
    assert texts(ready.reasons) == ("Health is 78 (green).", "NPS is 42 (30 or more).",
                             "94% of licensed seats are in use (80% or more).")
    nurture = estimate(health=report(62), nps=None, active_users_by_quarter=trend(280))
    assert texts(nurture.readiness.reasons) == (
        "Health is 62 (yellow); green (70 or more) is needed.",
        "NPS is not recorded, and health below 75 cannot stand in for it.",
        "70% of licensed seats are in use; 80% or more is needed.",
    )
    not_now = estimate(health=report(41.5), nps=-20).readiness
    assert texts(not_now.reasons) == (
        "Health is 41.5 (red); steady the account before asking for more.",
        "NPS is -20: more detractors than promoters.",
    )
    assert str(estimate(health=None).readiness.reasons[0]) == "There is no health score yet."


def test_readiness_reads_in_the_windows_language_and_its_level_stays_stored_english() -> None:
    chinese = catalogue(CHINESE)
    nurture = estimate(health=report(62), nps=None, active_users_by_quarter=trend(280)).readiness
    assert nurture.level == NURTURE
    assert nurture.level_words.render(chinese) == "继续培育"
    assert [reason.render(chinese) for reason in nurture.reasons] == [
        "健康评分为 62（黄色）；需要达到绿色（70 分及以上）。",
        "未记录 NPS，且健康评分低于 75 分，无法替代。",
        "70% 的授权席位在使用中；需要达到 80% 及以上。",
    ]


# -- text ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name", ["分析モジュール", "Insights ✨📈", "ניתוח נתונים", "<Tools & Co>"],
)
def test_names_pass_through_untouched(name: str) -> None:
    result = estimate(
        catalogue=(CatalogueEntry(1, name, "module", "flat", Decimal("100"), "USD"),
                   CatalogueEntry(2, name, "module", "flat", Decimal("100"), "JPY")),
        departments=(DepartmentInfo(name, 10, False),),
    )
    assert lines(result, "module")[0].title == f"Add {name}"
    assert lines(result, "module")[0].assumption.startswith(f"{name} is not owned yet;")
    assert lines(result, "department")[0].title == f"Roll out to {name}"
    assert lines(result, "department")[0].assumption.startswith(f"{name} has 10 people")
    assert texts(result.skipped) == (f"{name} is priced in JPY; not converted offline.",)


def test_estimate_is_deterministic() -> None:
    inputs = replace(BASE, catalogue=MODULES + PLANS, owned_entry_ids=frozenset({21}),
                     departments=(DepartmentInfo("Finance", 120, False),))
    assert estimate_expansion(inputs) == estimate_expansion(inputs)
