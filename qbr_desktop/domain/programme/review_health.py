"""One held review's health: five indicators, each green, yellow or red.

From the facilitation reference:

- executive attendance: sponsors present / only delegates / nobody (domain/attendance.py);
- customer preparation: questions and updates ready / minimal preparation / none;
- engagement: an active discussion / polite listening / distracted or cut short;
- follow-up response: the same day / within a week / no answer;
- action completion: 80 % or more done / 50 % up to 80 % / under 50 %.

Preparation and engagement are the CSM's judgement, recorded after the meeting. The
follow-up response is read from the day the customer answered: the recap goes out by the
day after the meeting, so an answer on the meeting day or the next is a same-day answer.
Until a week has passed without an answer there is no signal yet. Action completion
counts the review's items that are due: done ones always, open ones once their due date
has passed (an item without one is due ten days after the meeting, the follow-up
window of the playbooks); dropped items count neither way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.attendance import AttendanceIndicator, Signal
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.programme.notes import Note
from qbr_desktop.i18n import N_, Message, msg

ACTION_GREEN_FROM = Decimal("0.80")
ACTION_YELLOW_FROM = Decimal("0.50")
SAME_DAY_WITHIN = 1  # days after the meeting: the recap goes out by the next day
WITHIN_WEEK = 7
UNDATED_ACTION_DUE_DAYS = 10  # DEFAULT_FOLLOW_UP_DAYS of the playbooks
SURVEY_RANGE = range(0, 11)
NAME_LIMIT = 200


class Indicator(StrEnum):
    EXECUTIVE_ATTENDANCE = "executive attendance"
    PREPARATION = "customer preparation"
    ENGAGEMENT = "engagement"
    FOLLOW_UP = "follow-up response"
    ACTION_COMPLETION = "action completion"


# What the review card calls each indicator (the enum's values are stored and stay English).
INDICATOR_NAMES = {Indicator.EXECUTIVE_ATTENDANCE: N_("Executive attendance"),
                   Indicator.PREPARATION: N_("Customer preparation"),
                   Indicator.ENGAGEMENT: N_("Engagement"),
                   Indicator.FOLLOW_UP: N_("Follow-up response"),
                   Indicator.ACTION_COMPLETION: N_("Action completion")}


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """What only the CSM can say about a held review, and who said it when."""

    preparation: Signal | None = None
    engagement: Signal | None = None
    follow_up: Signal | None = None  # said outright, when the day of the answer is unknown
    answered_on: date | None = None  # the day the customer answered the follow-up
    survey_score: int | None = None  # the post-QBR survey, 0-10
    recorded_by: str = ""
    recorded_at: datetime | None = None
    version: int = 0  # the stored row's version (0: nothing stored yet)

    @property
    def is_empty(self) -> bool:
        return (self.preparation, self.engagement, self.follow_up, self.answered_on,
                self.survey_score) == (None,) * 5


@dataclass(frozen=True, slots=True)
class ActionTally:
    done: int = 0
    counted: int = 0  # done plus open ones past their due date
    pending: int = 0  # open and not due yet

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.done) / Decimal(self.counted) if self.counted else None


@dataclass(frozen=True, slots=True)
class Reading:
    indicator: Indicator
    signal: Signal | None  # None: not known (yet)
    note: Note


def validate_record(record: ReviewRecord, held_on: date, today: date) -> None:
    """Raise ValidationFailed naming each field that breaks a rule."""
    problems: dict[str, Message] = {}
    score = record.survey_score
    if score is not None and (isinstance(score, bool) or score not in SURVEY_RANGE):
        problems["survey"] = msg("the survey score is a whole number from 0 to 10, not "
                                 "{score}", score=score)
    if record.answered_on is not None:
        if record.answered_on < held_on:
            problems["followup"] = msg("the answer on {answered} came before the meeting on "
                                       "{held}", answered=record.answered_on.isoformat(),
                                       held=held_on.isoformat())
        elif record.answered_on > today:
            problems["followup"] = msg("{answered} is in the future; tick the answer when it "
                                       "arrives", answered=record.answered_on.isoformat())
    if len(record.recorded_by) > NAME_LIMIT:
        problems["by"] = msg("the name is longer than {limit} characters", limit=NAME_LIMIT)
    if problems:
        raise ValidationFailed(problems)


SETTINGS = ("preparation", "engagement", "followup", "survey")
_ALIASES = {"follow-up": "followup", "follow_up": "followup", "prep": "preparation",
            "nps": "survey", "score": "survey"}
_CLEAR = {"", "-", "none", "clear", "unknown"}


def apply_setting(record: ReviewRecord, name: str, value: str, today: date) -> ReviewRecord:
    """The record with one `name=value` change as typed on the command line.

    preparation / engagement: green, yellow, red or clear; followup: the day the customer
    answered (YYYY-MM-DD or "today"), a colour when that day is unknown, or clear;
    survey: 0-10 or clear.
    """
    field_name = _ALIASES.get(name.strip().casefold(), name.strip().casefold())
    text = value.strip().casefold()
    if field_name not in SETTINGS:
        raise ValidationFailed({name: msg("“{name}” is not recorded on a review card; use one "
                                          "of {settings}", name=name,
                                          settings=", ".join(SETTINGS))})
    if field_name == "survey":
        if text in _CLEAR:
            return replace(record, survey_score=None)
        if not (text.isascii() and text.isdigit()) or int(text) not in SURVEY_RANGE:
            raise ValidationFailed({"survey": msg("“{value}” is not a score from 0 to 10",
                                                  value=value)})
        return replace(record, survey_score=int(text))
    if field_name == "followup":
        if text in _CLEAR:
            return replace(record, follow_up=None, answered_on=None)
        if text == "today":
            return replace(record, follow_up=None, answered_on=today)
        if text in {s.value for s in Signal}:
            return replace(record, follow_up=Signal(text), answered_on=None)
        try:
            return replace(record, follow_up=None, answered_on=date.fromisoformat(text))
        except ValueError:
            raise ValidationFailed({"followup": msg(
                "“{value}” is neither a day (YYYY-MM-DD or today) nor green, yellow or red",
                value=value)}) from None
    signal: Signal | None = None
    if text not in _CLEAR:
        if text not in {s.value for s in Signal}:
            raise ValidationFailed({field_name: msg("“{value}” is not green, yellow or red",
                                                    value=value)})
        signal = Signal(text)
    if field_name == "preparation":
        return replace(record, preparation=signal)
    return replace(record, engagement=signal)


def action_tally(items: Iterable[ActionItem], held_on: date, today: date) -> ActionTally:
    """The review's commitments that count today (see the module's rule)."""
    done = counted = pending = 0
    for item in items:
        if item.status is ActionStatus.DROPPED:
            continue
        if item.status is ActionStatus.DONE:
            done += 1
            counted += 1
            continue
        due = item.due or held_on + timedelta(days=UNDATED_ACTION_DUE_DAYS)
        if due < today:
            counted += 1
        else:
            pending += 1
    return ActionTally(done, counted, pending)


def _recorded(indicator: Indicator, signal: Signal | None, prefix: str) -> Reading:
    if signal is None:
        return Reading(indicator, None, Note("recorded.none"))
    return Reading(indicator, signal, Note(f"{prefix}.{signal.value}"))


def follow_up_reading(record: ReviewRecord, held_on: date, today: date) -> Reading:
    indicator = Indicator.FOLLOW_UP
    if record.answered_on is not None:
        days = (record.answered_on - held_on).days
        signal = (Signal.GREEN if days <= SAME_DAY_WITHIN
                  else Signal.YELLOW if days <= WITHIN_WEEK else Signal.RED)
        return Reading(indicator, signal, Note("follow_up.answered", {
            "days": days, "day": record.answered_on.isoformat()}))
    if record.follow_up is not None:
        return Reading(indicator, record.follow_up,
                       Note("follow_up.recorded", {"signal": record.follow_up.value}))
    waited = (today - held_on).days
    if waited > WITHIN_WEEK:
        return Reading(indicator, Signal.RED, Note("follow_up.silent"))
    return Reading(indicator, None, Note("follow_up.waiting", {"left": WITHIN_WEEK - waited}))


def completion_reading(tally: ActionTally) -> Reading:
    indicator = Indicator.ACTION_COMPLETION
    share = tally.share
    if share is None:
        key = "actions.not_due" if tally.pending else "actions.none"
        return Reading(indicator, None, Note(key, {"pending": tally.pending}))
    signal = (Signal.GREEN if share >= ACTION_GREEN_FROM
              else Signal.YELLOW if share >= ACTION_YELLOW_FROM else Signal.RED)
    return Reading(indicator, signal, Note("actions.share", {
        "done": tally.done, "counted": tally.counted, "share": share}))


def review_health(attendance: AttendanceIndicator, record: ReviewRecord, tally: ActionTally,
                  held_on: date, today: date) -> tuple[Reading, ...]:
    """The five indicators in the reference's order."""
    return (
        Reading(Indicator.EXECUTIVE_ATTENDANCE, attendance.signal,
                Note("recorded.none") if attendance.signal is None and not attendance.reason
                else _attendance_note(attendance)),
        _recorded(Indicator.PREPARATION, record.preparation, "preparation"),
        _recorded(Indicator.ENGAGEMENT, record.engagement, "engagement"),
        follow_up_reading(record, held_on, today),
        completion_reading(tally),
    )


def _attendance_note(attendance: AttendanceIndicator) -> Note:
    # domain/attendance.py words its own reasons; they pass through as a value.
    return Note("attendance.reason", {"reason": attendance.reason})
