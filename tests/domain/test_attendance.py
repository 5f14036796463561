"""The executive-attendance indicator and the presence rate, as plain values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qbr_desktop.domain.attendance import (
    EXECUTIVE_ATTENDANCE_TARGET,
    AttendanceIndicator,
    Signal,
    executive_attendance,
    executive_presence_rate,
    executives,
    is_executive,
)
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import Attendance, DecisionRole, Stakeholder
from qbr_desktop.i18n import CHINESE, Catalogue, catalogue

SPONSOR = Stakeholder(1, "Sana 佐藤", role=DecisionRole.EXECUTIVE_SPONSOR)
BUYER = Stakeholder(2, "Bo", role=DecisionRole.ECONOMIC_BUYER)
CEO = Stakeholder(3, "Cleo", level=ContactLevel.C_SUITE)
VP = Stakeholder(4, "Vik", level=ContactLevel.VP)
DIRECTOR = Stakeholder(5, "Dora", level=ContactLevel.DIRECTOR, role=DecisionRole.CHAMPION)
USER = Stakeholder(6, "Uma")
TEAM = [SPONSOR, BUYER, CEO, VP, DIRECTOR, USER]


@pytest.mark.parametrize(("person", "expected"), [
    (SPONSOR, True), (BUYER, True), (CEO, True), (VP, True), (DIRECTOR, False),
    (USER, False), (Stakeholder(7, "Max", level=ContactLevel.MANAGER), False),
])
def test_who_counts_as_an_executive(person: Stakeholder, expected: bool) -> None:
    assert is_executive(person) is expected


def shown(indicator: AttendanceIndicator) -> tuple[Signal | None, str]:
    """The light and the reason as the window shows them (in English here)."""
    return indicator.signal, str(indicator.reason)


def test_green_names_the_executives_who_attended() -> None:
    indicator = executive_attendance(TEAM, [
        Attendance(1, attended=True), Attendance(4, attended=True),
        Attendance(6, attended=True), Attendance(3, invited=True, confirmed=True)])
    assert indicator.signal is Signal.GREEN
    assert str(indicator.reason) == "executives present: Sana 佐藤, Vik"


def test_one_executive_is_enough_for_green() -> None:
    indicator = executive_attendance(TEAM, [Attendance(3, True, True, True)])
    assert shown(indicator) == (Signal.GREEN, "executives present: Cleo")


def test_yellow_counts_the_delegates() -> None:
    indicator = executive_attendance(TEAM, [
        Attendance(5, attended=True), Attendance(6, attended=True),
        Attendance(1, invited=True, confirmed=True)])
    assert shown(indicator) == (Signal.YELLOW,
                                "2 delegates attended, no executive")


def test_yellow_with_one_delegate_is_singular() -> None:
    indicator = executive_attendance(TEAM, [Attendance(6, attended=True),
                                            Attendance(2, invited=True)])
    assert shown(indicator) == (Signal.YELLOW, "1 delegate attended, no executive")


def test_red_when_people_were_invited_but_nobody_attended() -> None:
    indicator = executive_attendance(TEAM, [Attendance(1, invited=True),
                                            Attendance(6, invited=True, confirmed=True)])
    assert shown(indicator) == (Signal.RED, "nobody from the customer attended")


@pytest.mark.parametrize("entries", [[], [Attendance(1), Attendance(6)]])
def test_none_when_nothing_is_recorded(entries: list[Attendance]) -> None:
    indicator = executive_attendance(TEAM, entries)
    assert shown(indicator) == (None, "attendance not recorded")


def test_attendance_of_someone_not_on_the_map_is_no_executive() -> None:
    # An entry for a person not in `people` counts as a delegate, never as an executive.
    indicator = executive_attendance([SPONSOR], [Attendance(99, attended=True)])
    assert indicator.signal is Signal.YELLOW


def test_executives_filters_by_flag() -> None:
    entries = [Attendance(1, True, True, False), Attendance(3, True, False, False),
               Attendance(6, True, True, True), Attendance(4, True, True, True)]
    assert executives(TEAM, entries, "invited") == [SPONSOR, CEO, VP]
    assert executives(TEAM, entries, "confirmed") == [SPONSOR, VP]
    assert executives(TEAM, entries, "attended") == [VP]


def green() -> AttendanceIndicator:
    return AttendanceIndicator(Signal.GREEN, "")


def test_presence_rate_counts_only_recorded_reviews() -> None:
    rate = executive_presence_rate({
        1: green(), 2: AttendanceIndicator(Signal.YELLOW, ""),
        3: AttendanceIndicator(Signal.RED, ""), 4: green(),
        5: AttendanceIndicator(None, "attendance not recorded")})
    assert rate == Decimal("0.5")


def test_presence_rate_is_exact() -> None:
    rate = executive_presence_rate({1: green(), 2: green(),
                                    3: AttendanceIndicator(Signal.YELLOW, "")})
    assert rate == Decimal(2) / Decimal(3)
    assert rate is not None and rate < EXECUTIVE_ATTENDANCE_TARGET


def test_presence_rate_meets_the_target_at_four_in_five() -> None:
    indicators = {i: green() for i in range(4)}
    indicators[4] = AttendanceIndicator(Signal.RED, "")
    assert executive_presence_rate(indicators) == EXECUTIVE_ATTENDANCE_TARGET == Decimal("0.8")


@pytest.mark.parametrize("indicators", [{}, {1: AttendanceIndicator(None, "")}])
def test_presence_rate_is_none_without_recorded_reviews(
        indicators: dict[int, AttendanceIndicator]) -> None:
    assert executive_presence_rate(indicators) is None


def test_presence_rate_of_all_green_is_one() -> None:
    assert executive_presence_rate({1: green(), 2: green()}) == Decimal(1)


def test_a_review_not_held_yet_has_no_signal_only_its_invitations() -> None:
    sponsor = Stakeholder(1, "Sia", role=DecisionRole.EXECUTIVE_SPONSOR)
    analyst = Stakeholder(2, "Al")
    entries = [Attendance(1, invited=True, confirmed=True), Attendance(2, invited=True)]
    indicator = executive_attendance([sponsor, analyst], entries, held=False)
    assert shown(indicator) == (
        None, "not held yet: 2 invited, 1 confirmed; executives confirmed: Sia")


def _in(indicator: AttendanceIndicator, book: Catalogue) -> str:
    reason = indicator.reason
    return reason if isinstance(reason, str) else reason.render(book)


def test_the_indicator_reads_in_chinese() -> None:
    zh = catalogue(CHINESE)
    sponsor = Stakeholder(1, "Sia", role=DecisionRole.EXECUTIVE_SPONSOR)
    vp = Stakeholder(2, "王伟", level=ContactLevel.VP)
    entries = [Attendance(1, True, True), Attendance(2, True, True), Attendance(3, True)]
    waiting = executive_attendance([sponsor, vp], entries, held=False)
    assert _in(waiting, zh) == "尚未举行：已邀请 3 人，已确认 2 人；已确认的高管：Sia、王伟"
    came = executive_attendance(TEAM, [Attendance(5, attended=True), Attendance(6, attended=True)])
    assert _in(came, zh) == "2 位代表出席，无高管出席"
