"""Who came to a QBR, read as the reference's executive-attendance health indicator.

Green when an executive sponsor or another executive (C-suite, VP) attended; yellow when
only delegates came; red when nobody did. Across an account's held reviews the share with
an executive present is a process metric whose target is 80 %.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.stakeholder_coverage import name_list
from qbr_desktop.domain.stakeholders import (
    ABOVE_DIRECTOR,
    Attendance,
    DecisionRole,
    Stakeholder,
)
from qbr_desktop.i18n import N_, Message, msg, msg_plural

EXECUTIVE_ATTENDANCE_TARGET = Decimal("0.80")
EXECUTIVE_ROLES = frozenset({DecisionRole.EXECUTIVE_SPONSOR, DecisionRole.ECONOMIC_BUYER})


class Signal(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


# A signal as shown (the stored value stays).
SIGNAL_LABELS: dict[Signal, str] = {Signal.GREEN: N_("green"), Signal.YELLOW: N_("yellow"),
                                    Signal.RED: N_("red")}


@dataclass(frozen=True, slots=True)
class AttendanceIndicator:
    signal: Signal | None  # None: nothing recorded for the review yet
    reason: Message | str  # shown in the reader's language (ui_text)


def is_executive(person: Stakeholder) -> bool:
    return person.role in EXECUTIVE_ROLES or person.level in ABOVE_DIRECTOR


def executives(people: Iterable[Stakeholder], attendance: Iterable[Attendance],
               flag: str) -> list[Stakeholder]:
    """The executives whose attendance has `flag` ("invited", "confirmed", "attended")."""
    by_id = {person.id: person for person in people}
    return [by_id[entry.person_id] for entry in attendance
            if getattr(entry, flag) and entry.person_id in by_id
            and is_executive(by_id[entry.person_id])]


def executive_attendance(people: Iterable[Stakeholder], attendance: Iterable[Attendance], *,
                         held: bool = True) -> AttendanceIndicator:
    """The indicator for one review: from who attended once it is held; before that, no
    signal yet, only who is invited and whether an executive has confirmed."""
    people, attendance = list(people), list(attendance)
    if not held:
        invited = sum(entry.invited for entry in attendance)
        confirmed = sum(entry.confirmed for entry in attendance)
        executive = executives(people, attendance, "confirmed")
        return AttendanceIndicator(None, msg(
            "not held yet: {invited} invited, {confirmed} confirmed; {executives}",
            invited=invited, confirmed=confirmed,
            executives=msg("executives confirmed: {names}", names=name_list(
                [p.name for p in executive], listing=True)) if executive
            else msg("no executive has confirmed yet")))
    if not any(entry.invited or entry.confirmed or entry.attended for entry in attendance):
        return AttendanceIndicator(None, msg("attendance not recorded"))
    present = executives(people, attendance, "attended")
    if present:
        return AttendanceIndicator(Signal.GREEN, msg(
            "executives present: {names}",
            names=name_list([p.name for p in present], listing=True)))
    came = sum(entry.attended for entry in attendance)
    if came:
        return AttendanceIndicator(Signal.YELLOW, msg_plural(
            "{count} delegate attended, no executive", "{count} delegates attended, no executive",
            came))
    return AttendanceIndicator(Signal.RED, msg("nobody from the customer attended"))


def executive_presence_rate(indicators: Mapping[int, AttendanceIndicator]) -> Decimal | None:
    """The share of recorded reviews with an executive present (target 80 %)."""
    recorded = [i for i in indicators.values() if i.signal is not None]
    if not recorded:
        return None
    green = sum(i.signal is Signal.GREEN for i in recorded)
    return Decimal(green) / Decimal(len(recorded))


