"""Cadence compliance by tier (reviews held against reviews due) and the maturity stage the
evidence supports, at their boundaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.attendance import AttendanceIndicator, Signal
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.cadence_compliance import (
    AccountRhythm,
    compliance,
    is_due,
    last_day,
    overall_rate,
)
from qbr_desktop.domain.programme.evidence import HeldReview
from qbr_desktop.domain.programme.maturity import Stage, maturity
from qbr_desktop.domain.programme.review_health import ActionTally, ReviewRecord

Q2 = Quarter(2026, 2)  # 2026-04-01 .. 2026-06-30


def rhythm(tier: str, *held: date, since: date | None = date(2020, 1, 1),
           number: int = 1) -> AccountRhythm:
    return AccountRhythm(number, f"Account {number}", tier, held, since)


# Due in the quarter ---------------------------------------------------------------------------
@pytest.mark.parametrize(("tier", "last", "due"), [
    # Strategic: at least every 91 days. 2026-03-31 + 91 = 2026-06-30, the last day of Q2.
    ("Strategic", date(2026, 3, 31), True),
    ("Strategic", date(2026, 1, 2), True),
    # Growth: at least every 182 days. 2026-01-01 + 182 = 2026-07-02: due in Q3, not Q2.
    ("Growth", date(2026, 1, 1), False),
    ("Growth", date(2025, 12, 30), True),  # + 182 = 2026-06-30
    ("Growth", date(2025, 12, 31), False),  # + 182 = 2026-07-01
    # Core: at least yearly.
    ("Core", date(2025, 6, 30), True), ("Core", date(2025, 7, 1), False),
    ("SMB", date(2025, 6, 30), True), ("Mid-Market", date(2025, 12, 30), True),
])
def test_due_when_the_tier_limit_falls_in_the_quarter(tier: str, last: date,
                                                      due: bool) -> None:
    assert is_due(rhythm(tier, last), Q2) is due


def test_a_review_inside_the_quarter_does_not_move_its_own_due_date() -> None:
    account = rhythm("Growth", date(2025, 12, 1), date(2026, 5, 5))
    assert is_due(account, Q2)
    assert not is_due(account, Q2.shifted(1))  # 2026-05-05 + 182 is in Q4


def test_a_new_customer_is_due_once_its_first_interval_has_passed() -> None:
    assert not is_due(rhythm("Strategic", since=date(2026, 4, 1)), Q2)  # + 91 = 07-01
    assert is_due(rhythm("Strategic", since=date(2026, 3, 31)), Q2)
    assert not is_due(rhythm("Strategic", since=date(2026, 7, 15)), Q2)  # not a customer yet
    assert is_due(rhythm("Core", since=None), Q2)  # nothing known: due


def test_compliance_counts_due_accounts_that_held_one_and_early_ones_apart() -> None:
    accounts = [
        rhythm("Strategic", date(2026, 1, 10), date(2026, 4, 20), number=1),  # due, held
        rhythm("Strategic", date(2026, 1, 10), number=2),  # due, missed
        rhythm("Growth", date(2026, 2, 1), date(2026, 6, 30), number=3),  # early
        rhythm("Growth", date(2025, 11, 2), date(2026, 4, 1), number=4),  # due, held
        rhythm("Core", date(2026, 1, 5), number=5),  # not due, none held
    ]
    lines = compliance(accounts, Q2, ("Strategic", "Growth", "Core"))
    strategic, growth, core = lines
    assert (strategic.due, strategic.complied, strategic.missed) == ((1, 2), (1,), (2,))
    assert strategic.rate == Decimal("0.5")
    assert strategic.note.text() == "1 of 2 Strategic accounts due a review held one (50%)"
    assert (growth.due, growth.complied, growth.early) == ((4,), (4,), (3,))
    assert core.due == () and core.rate is None
    assert core.note.text() == "no Core account was due a review"
    assert overall_rate(lines) == Decimal(2) / Decimal(3)
    assert overall_rate([core]) is None


def test_tiers_come_in_the_scheme_order_then_others() -> None:
    accounts = [rhythm("SMB", number=1), rhythm("Growth", number=2)]
    assert [line.tier for line in compliance(accounts, Q2, ("Strategic", "Growth"))] == [
        "Strategic", "Growth", "SMB"]
    assert last_day(Quarter(2026, 4)) == date(2026, 12, 31)


# Maturity -------------------------------------------------------------------------------------
PRESENT = AttendanceIndicator(Signal.GREEN, "executives present: Ana")
DELEGATES = AttendanceIndicator(Signal.YELLOW, "2 delegates attended")


def review(number: int, **facts: Any) -> HeldReview:
    base = HeldReview(number, number, f"A{number}", "Dana", "Growth", date(2026, 5, 4),
                      AttendanceIndicator(None, ""), ReviewRecord(), ActionTally())
    return replace(base, **facts)


def reviews(count: int, **share: tuple[int, dict[str, Any]]) -> list[HeldReview]:
    """`count` reviews; each keyword gives (how many, facts) set on the first ones."""
    result = []
    for i in range(count):
        facts: dict[str, Any] = {}
        for how_many, values in share.values():
            if i < how_many:
                facts.update(values)
        result.append(review(i, **facts))
    return result


ALL = 10
HEALTH = {"health_shown": True}
VALUE = {"value_shown": True}
EXECS = {"attendance": PRESENT}
SHARED = {"customer_actions": 2}
DELEGATED = {"attendance": DELEGATES}


@pytest.mark.parametrize(("built", "stage"), [
    (reviews(0), Stage.BASIC),
    (reviews(2, h=(2, HEALTH), v=(2, VALUE), e=(2, EXECS), s=(2, SHARED)), Stage.BASIC),
    (reviews(ALL, h=(4, HEALTH)), Stage.BASIC),
    (reviews(ALL, h=(5, HEALTH)), Stage.STANDARD),
    (reviews(ALL, h=(5, HEALTH), v=(4, VALUE)), Stage.STANDARD),
    (reviews(ALL, h=(6, HEALTH), v=(5, VALUE)), Stage.STRATEGIC),
    (reviews(ALL, h=(6, HEALTH), v=(5, VALUE), d=(10, DELEGATED), e=(7, EXECS),
             s=(10, SHARED)),
     Stage.STRATEGIC),  # executives in 7 of 10: under 80 %
    (reviews(ALL, h=(6, HEALTH), v=(5, VALUE), d=(10, DELEGATED), e=(8, EXECS),
             s=(4, SHARED)),
     Stage.STRATEGIC),  # the customer committed in 4 of 10
    (reviews(ALL, h=(6, HEALTH), v=(5, VALUE), d=(10, DELEGATED), e=(8, EXECS),
             s=(5, SHARED)),
     Stage.TRANSFORMATIONAL),
])
def test_each_stage_needs_its_evidence(built: list[HeldReview], stage: Stage) -> None:
    verdict = maturity(built)
    assert verdict.stage is stage
    assert verdict.reason.text().startswith(stage.label)
    assert (verdict.next_step is None) is (stage is Stage.TRANSFORMATIONAL)


def test_executive_share_counts_only_reviews_with_attendance_recorded() -> None:
    evidence = {**HEALTH, **VALUE, **SHARED}
    built = ([review(i, attendance=PRESENT, **evidence) for i in range(4)]
             + [review(4, attendance=DELEGATES, **evidence)]
             + [review(i, **evidence) for i in range(5, 10)])  # attendance not recorded
    verdict = maturity(built)
    assert verdict.stage is Stage.TRANSFORMATIONAL  # 4 of the 5 recorded: 80 %
    assert (verdict.reason.values["executives"], verdict.reason.values["recorded"]) == (4, 5)
    assert maturity([*built[:3], replace(built[3], attendance=DELEGATES), *built[4:]]
                    ).stage is Stage.STRATEGIC


def test_the_reason_names_the_figures() -> None:
    built = reviews(4, h=(3, HEALTH), v=(1, VALUE))
    verdict = maturity(built)
    assert verdict.stage is Stage.STANDARD
    assert verdict.reason.text() == (
        "Standard: 3 of 4 reviews had health and usage figures, 1 an ROI model with value; "
        "at least half should have both")
    assert verdict.next_step is not None
    assert verdict.next_step.text() == "Next: bring an ROI model with value to most reviews"
    assert maturity(reviews(1)).reason.text() == (
        "Basic: 1 review(s) held, 3 are needed to judge")


def test_reviews_in_the_quarter_only_are_judged_by_the_caller() -> None:
    # maturity() judges what it is given; the span is the caller's (the service passes the
    # quarter shown and the three before it).
    old = [review(i, held_on=date(2024, 1, 1) + timedelta(days=i), **HEALTH) for i in range(3)]
    assert maturity(old).stage is Stage.STANDARD
