"""Review cadence by tier, for both tier models, and the status sentence."""

from __future__ import annotations

from datetime import date

import pytest

from qbr_desktop.domain.cadence import (
    CADENCES,
    CadenceState,
    UnknownTier,
    cadence_status,
    review_interval,
)
from qbr_desktop.domain.tiers import SCHEMES

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("tier", "interval"), [
    ("Strategic", (91, 91)),  # quarterly in both models
    ("Growth", (91, 182)),  # quarterly, or half-yearly at the least
    ("Core", (182, 365)),  # half-yearly, or yearly at the least
    ("Enterprise", (91, 91)),
    ("Mid-Market", (182, 182)),
    ("SMB", (365, 365)),
    ("Tech-Touch", (365, 365)),
])
def test_review_interval_per_tier(tier: str, interval: tuple[int, int]) -> None:
    assert review_interval(tier) == interval


def test_every_tier_of_both_models_has_a_cadence() -> None:
    names = {tier for scheme in SCHEMES.values() for tier in scheme.tiers}

    assert names == set(CADENCES)


def test_an_unknown_tier_is_named() -> None:
    with pytest.raises(UnknownTier, match="“Gold”"):
        review_interval("Gold")


def test_overdue_growth_account() -> None:
    status = cadence_status("Growth", date(2026, 3, 2), None, TODAY)

    assert status.state == CadenceState.OVERDUE and status.needs_attention
    assert status.reason == ("no review since 2026-03-02, 266 days; "
                             "Growth accounts meet at least every 6 months")
    assert status.days_since_review == 266
    assert status.due_by == date(2026, 8, 31)


def test_growth_past_the_quarter_is_due_but_not_overdue() -> None:
    status = cadence_status("Growth", date(2026, 7, 1), None, TODAY)

    assert status.state == CadenceState.DUE
    assert status.reason == ("last review 2026-07-01, 145 days ago; Growth accounts aim to "
                             "meet every quarter: hold the next one by 2026-12-30")


@pytest.mark.parametrize(("days", "state"), [(91, CadenceState.ON_TRACK),
                                             (92, CadenceState.OVERDUE)])
def test_strategic_limit_is_the_quarter(days: int, state: CadenceState) -> None:
    last = date.fromordinal(TODAY.toordinal() - days)

    assert cadence_status("Strategic", last, None, TODAY).state == state


def test_on_track_says_when_the_next_review_is_due() -> None:
    status = cadence_status("Core", date(2026, 10, 1), None, TODAY)

    assert status.state == CadenceState.ON_TRACK and not status.needs_attention
    assert status.reason == ("last review 2026-10-01, 53 days ago; "
                             "the next one is due by 2027-10-01")


def test_never_reviewed() -> None:
    status = cadence_status("Core", None, None, TODAY)

    assert status.state == CadenceState.NEVER_REVIEWED
    assert status.reason == "no review on record; Core accounts meet at least once a year"
    assert status.due_by is None and status.days_since_review is None


def test_a_booked_review_within_the_limit() -> None:
    status = cadence_status("Enterprise", date(2026, 9, 1), date(2026, 11, 30), TODAY)

    assert status.state == CadenceState.PLANNED
    assert status.reason == "next review planned for 2026-11-30"


def test_a_booked_review_after_the_limit() -> None:
    status = cadence_status("Strategic", date(2026, 9, 1), date(2027, 1, 15), TODAY)

    assert status.state == CadenceState.PLANNED_LATE
    assert status.reason == ("next review planned for 2027-01-15, after 2026-12-01; "
                             "Strategic accounts meet at least every quarter")


def test_a_first_review_booked_is_planned() -> None:
    assert cadence_status("SMB", None, TODAY, TODAY).state == CadenceState.PLANNED


def test_a_planned_date_that_passed_is_mentioned_and_ignored() -> None:
    status = cadence_status("Mid-Market", date(2026, 3, 2), date(2026, 9, 1), TODAY)

    assert status.state == CadenceState.OVERDUE
    assert status.reason.endswith("(the review planned for 2026-09-01 was not recorded)")


def test_the_reason_reads_in_chinese_with_the_tier_shown_so() -> None:
    from qbr_desktop.i18n import CHINESE, catalogue

    zh = catalogue(CHINESE)
    overdue = cadence_status("Growth", date(2026, 3, 2), None, TODAY)
    assert overdue.words.render(zh) == ("自 2026-03-02 起未开展回顾，已 266 天；"
                                        "成长客户应至少每 6 个月一次会面")
    missed = cadence_status("Mid-Market", date(2026, 3, 2), date(2026, 9, 1), TODAY)
    assert missed.words.render(zh).endswith("（原定于 2026-09-01 的回顾未被记录）")
    assert overdue.reason.startswith("no review since 2026-03-02, 266 days; Growth accounts")
