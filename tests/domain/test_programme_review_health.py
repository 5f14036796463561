"""A held review's five indicators at the reference's thresholds, and the review card's
settings as typed on the command line."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.attendance import AttendanceIndicator, Signal
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.programme.review_health import (
    ActionTally,
    Indicator,
    ReviewRecord,
    action_tally,
    apply_setting,
    completion_reading,
    follow_up_reading,
    review_health,
    validate_record,
)

HELD = date(2026, 5, 12)
TODAY = date(2026, 6, 30)
GREEN_ATTENDANCE = AttendanceIndicator(Signal.GREEN, "executives present: Sana 佐藤")


# Action completion: >= 80 % green, 50-80 % yellow, < 50 % red ----------------------------
@pytest.mark.parametrize(("done", "counted", "expected"), [
    (10, 10, Signal.GREEN), (8, 10, Signal.GREEN), (4, 5, Signal.GREEN),
    (79, 100, Signal.YELLOW), (7, 10, Signal.YELLOW), (5, 10, Signal.YELLOW),
    (1, 2, Signal.YELLOW), (49, 100, Signal.RED), (1, 3, Signal.RED), (0, 4, Signal.RED),
])
def test_action_completion_thresholds(done: int, counted: int, expected: Signal) -> None:
    reading = completion_reading(ActionTally(done, counted))
    assert reading.indicator is Indicator.ACTION_COMPLETION
    assert reading.signal is expected
    assert reading.note.text().startswith(f"{done} of {counted} due action items done")


def test_no_signal_without_due_items() -> None:
    assert completion_reading(ActionTally()).signal is None
    assert completion_reading(ActionTally()).note.text() == "no action items from this review"
    waiting = completion_reading(ActionTally(pending=3))
    assert waiting.signal is None
    assert waiting.note.text() == "3 action item(s), none due yet"


def item(status: ActionStatus, due: date | None, number: int = 1) -> ActionItem:
    return ActionItem(number, "Send the SSO plan", status=status, due=due)


def test_tally_counts_done_items_and_open_ones_past_due() -> None:
    items = [
        item(ActionStatus.DONE, TODAY + timedelta(days=30)),  # done early: counts
        item(ActionStatus.OPEN, TODAY - timedelta(days=1)),  # overdue: counts
        item(ActionStatus.IN_PROGRESS, TODAY),  # due today: not yet
        item(ActionStatus.OPEN, TODAY + timedelta(days=3)),  # not due
        item(ActionStatus.DROPPED, TODAY - timedelta(days=9)),  # neither way
    ]
    assert action_tally(items, HELD, TODAY) == ActionTally(done=1, counted=2, pending=2)


def test_an_undated_item_is_due_ten_days_after_the_meeting() -> None:
    undated = [item(ActionStatus.OPEN, None)]
    assert action_tally(undated, HELD, HELD + timedelta(days=10)).counted == 0
    assert action_tally(undated, HELD, HELD + timedelta(days=11)).counted == 1


# Follow-up response: same day / within a week / none ----------------------------------------
@pytest.mark.parametrize(("days", "expected"), [
    (0, Signal.GREEN), (1, Signal.GREEN), (2, Signal.YELLOW), (7, Signal.YELLOW),
    (8, Signal.RED), (30, Signal.RED),
])
def test_follow_up_from_the_day_the_customer_answered(days: int, expected: Signal) -> None:
    answered = HELD + timedelta(days=days)
    reading = follow_up_reading(ReviewRecord(answered_on=answered), HELD, TODAY)
    assert reading.signal is expected
    assert answered.isoformat() in reading.note.text()


@pytest.mark.parametrize(("waited", "expected"), [
    (0, None), (7, None), (8, Signal.RED)])
def test_silence_turns_red_after_a_week(waited: int, expected: Signal | None) -> None:
    reading = follow_up_reading(ReviewRecord(), HELD, HELD + timedelta(days=waited))
    assert reading.signal is expected
    if expected is None:
        assert reading.note.text() == f"no answer yet; {7 - waited} day(s) left of the first week"


def test_a_colour_said_outright_is_kept_and_a_date_wins_over_it() -> None:
    said = ReviewRecord(follow_up=Signal.YELLOW)
    assert follow_up_reading(said, HELD, TODAY).signal is Signal.YELLOW
    both = ReviewRecord(follow_up=Signal.RED, answered_on=HELD)
    assert follow_up_reading(both, HELD, TODAY).signal is Signal.GREEN


# The five together ------------------------------------------------------------------------
def test_the_five_indicators_in_the_reference_order() -> None:
    record = ReviewRecord(preparation=Signal.GREEN, engagement=Signal.YELLOW,
                          answered_on=HELD + timedelta(days=3))
    readings = review_health(GREEN_ATTENDANCE, record, ActionTally(3, 10), HELD, TODAY)
    assert [r.indicator for r in readings] == list(Indicator)
    assert [r.signal for r in readings] == [Signal.GREEN, Signal.GREEN, Signal.YELLOW,
                                            Signal.YELLOW, Signal.RED]
    assert readings[0].note.text() == "executives present: Sana 佐藤"
    assert readings[1].note.text() == "the customer came with questions and updates"
    assert readings[2].note.text() == "they listened politely"


@pytest.mark.parametrize("signal", list(Signal))
def test_each_recorded_judgement_has_its_own_sentence(signal: Signal) -> None:
    record = ReviewRecord(preparation=signal, engagement=signal)
    readings = review_health(AttendanceIndicator(None, "attendance not recorded"), record,
                             ActionTally(), HELD, TODAY)
    assert readings[1].signal is readings[2].signal is signal
    assert readings[1].note.text() != readings[2].note.text()
    assert readings[0].signal is None


def test_nothing_recorded_reads_as_such() -> None:
    readings = review_health(AttendanceIndicator(None, "attendance not recorded"),
                             ReviewRecord(), ActionTally(), HELD, HELD)
    assert readings[1].note.text() == readings[2].note.text() == "not recorded yet"
    assert ReviewRecord().is_empty and not ReviewRecord(survey_score=0).is_empty


# Settings typed on the command line ----------------------------------------------------------
def test_settings_change_one_field_each() -> None:
    record = ReviewRecord()
    record = apply_setting(record, "preparation", "Green", TODAY)
    record = apply_setting(record, "engagement", " red ", TODAY)
    record = apply_setting(record, "survey", "10", TODAY)
    record = apply_setting(record, "follow-up", "2026-05-13", TODAY)
    assert record == ReviewRecord(Signal.GREEN, Signal.RED, None, date(2026, 5, 13), 10)
    record = apply_setting(record, "followup", "yellow", TODAY)
    assert (record.follow_up, record.answered_on) == (Signal.YELLOW, None)
    record = apply_setting(record, "followup", "today", TODAY)
    assert (record.follow_up, record.answered_on) == (None, TODAY)
    for name in ("preparation", "engagement", "followup", "survey"):
        record = apply_setting(record, name, "clear", TODAY)
    assert record.is_empty


@pytest.mark.parametrize(("name", "value", "field"), [
    ("preparation", "amber", "preparation"), ("engagement", "5", "engagement"),
    ("survey", "11", "survey"), ("survey", "-1", "survey"), ("survey", "8.5", "survey"),
    ("survey", "８", "survey"), ("followup", "next week", "followup"),
    ("mood", "green", "mood"),
])
def test_bad_settings_name_their_field(name: str, value: str, field: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        apply_setting(ReviewRecord(), name, value, TODAY)
    assert set(caught.value.problems) == {field}
    assert value.strip() in str(caught.value) or name in str(caught.value)


@pytest.mark.parametrize("score", [0, 8, 10])
def test_survey_scores_from_zero_to_ten_are_valid(score: int) -> None:
    validate_record(ReviewRecord(survey_score=score), HELD, TODAY)


@pytest.mark.parametrize(("record", "field"), [
    (ReviewRecord(survey_score=11), "survey"),
    (ReviewRecord(survey_score=True), "survey"),  # type: ignore[arg-type]
    (ReviewRecord(answered_on=HELD - timedelta(days=1)), "followup"),
    (ReviewRecord(answered_on=TODAY + timedelta(days=1)), "followup"),
    (ReviewRecord(recorded_by="x" * 201), "by"),
])
def test_invalid_records_are_refused(record: ReviewRecord, field: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_record(record, HELD, TODAY)
    assert set(caught.value.problems) == {field}


def test_the_answer_may_come_on_the_meeting_day_or_today() -> None:
    validate_record(ReviewRecord(answered_on=HELD), HELD, TODAY)
    validate_record(ReviewRecord(answered_on=TODAY), HELD, TODAY)
    assert ActionTally(4, 5).share == Decimal("0.8")
