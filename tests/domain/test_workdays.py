"""Working-day arithmetic and playbook schedules on hand-made calendars."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from qbr_desktop.domain.playbooks import Playbook, parse_playbook
from qbr_desktop.domain.workdays import (
    NoteLevel,
    SchedulePlan,
    TaskState,
    WorkCalendar,
    compressed_offsets,
    day_off_warning,
    reschedule,
    schedule,
)

PLAYBOOKS = Path(__file__).resolve().parents[2] / "resources" / "playbooks"
# Christmas week 2026: Thursday 24 to Saturday 26 off, and New Year's Day (a Friday).
HOLIDAYS = frozenset({date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26),
                      date(2027, 1, 1)})
MEETING = date(2026, 12, 29)  # a Tuesday
EARLY = date(2026, 11, 2)


@pytest.fixture
def calendar() -> WorkCalendar:
    return WorkCalendar(HOLIDAYS)


def _playbook(name: str) -> Playbook:
    return parse_playbook((PLAYBOOKS / name).read_text(encoding="utf-8"), name)


@pytest.fixture
def strategic() -> Playbook:
    return _playbook("strategic.toml")


def _dependencies_in_order(plan: SchedulePlan) -> None:
    for scheduled in plan.tasks:
        for needed in scheduled.task.after:
            assert plan.due(needed) <= scheduled.due, (needed, scheduled.task.key)


# --- the calendar ---------------------------------------------------------------------


def test_weekends_and_holidays_are_not_working_days(calendar: WorkCalendar) -> None:
    assert calendar.is_working(date(2026, 12, 23))
    assert not calendar.is_working(date(2026, 12, 24))  # holiday
    assert not calendar.is_working(date(2026, 12, 27))  # Sunday
    assert calendar.is_working(MEETING)


@pytest.mark.parametrize(("start", "days", "expected"), [
    (MEETING, -1, date(2026, 12, 28)),
    (MEETING, -2, date(2026, 12, 23)),  # over the holidays and the weekend
    (MEETING, 1, date(2026, 12, 30)),
    (MEETING, 3, date(2027, 1, 4)),  # over New Year's Day and the weekend
    (MEETING, 0, MEETING),
    (date(2026, 12, 12), -1, date(2026, 12, 11)),  # from a Saturday
    (date(2026, 12, 12), 1, date(2026, 12, 14)),
    (date(2026, 12, 12), 0, date(2026, 12, 11)),  # a day off rolls back, never forward
    (date(2026, 12, 25), 0, date(2026, 12, 23)),
])
def test_shift_counts_working_days(calendar: WorkCalendar, start: date, days: int,
                                   expected: date) -> None:
    assert calendar.shift(start, days) == expected


def test_working_days_between_is_antisymmetric_and_inverts_shift(
        calendar: WorkCalendar) -> None:
    assert calendar.working_days_between(date(2026, 12, 23), MEETING) == 2
    assert calendar.working_days_between(MEETING, date(2026, 12, 23)) == -2
    assert calendar.working_days_between(MEETING, MEETING) == 0
    working = [d for d in (date(2026, 12, 1) + timedelta(n) for n in range(45))
               if calendar.is_working(d)]
    for start in working[::3]:
        for end in working:
            steps = calendar.working_days_between(start, end)
            assert steps == -calendar.working_days_between(end, start)
            assert calendar.shift(start, steps) == end


def test_working_days_left_counts_today_but_not_the_meeting(calendar: WorkCalendar) -> None:
    assert calendar.working_days_from(date(2026, 12, 17), MEETING) == 6
    assert calendar.working_days_from(MEETING, MEETING) == 0


def test_a_custom_weekend() -> None:
    friday_saturday = WorkCalendar(frozenset(), weekend=frozenset({4, 5}))

    assert friday_saturday.is_working(date(2026, 12, 27))  # Sunday
    assert friday_saturday.shift(date(2026, 12, 24), 1) == date(2026, 12, 27)


@pytest.mark.parametrize("weekend", [frozenset(range(7)), frozenset({7})])
def test_impossible_weekends_are_refused(weekend: frozenset[int]) -> None:
    with pytest.raises(ValueError, match="weekend|working day"):
        WorkCalendar(frozenset(), weekend=weekend)


# --- schedules ----------------------------------------------------------------------


def test_strategic_dates_around_christmas(calendar: WorkCalendar, strategic: Playbook) -> None:
    plan = schedule(strategic, MEETING, calendar, today=EARLY)

    assert plan.notes == ()
    assert plan.due("send-invitation") == date(2026, 12, 4)  # 15 working days back
    assert plan.due("health-review") == date(2026, 12, 7)
    assert plan.due("champion-pre-call") == date(2026, 12, 22)
    assert plan.due("final-logistics") == date(2026, 12, 23)
    assert plan.due("send-final-deck") == date(2026, 12, 28)  # not on the holidays
    assert plan.due("send-recap") == date(2026, 12, 30)
    assert plan.due("deliver-commitments") == date(2027, 1, 13)  # New Year's skipped
    assert all(calendar.is_working(s.due) for s in plan.tasks)
    assert not any(s.compressed for s in plan.tasks)
    assert [s.task for s in plan.tasks] == list(strategic.tasks)
    _dependencies_in_order(plan)


@pytest.mark.parametrize(("file", "first_due"), [("growth.toml", date(2026, 12, 11)),
                                                 ("core.toml", date(2026, 12, 18))])
def test_shorter_cycles_start_later(calendar: WorkCalendar, file: str, first_due: date) -> None:
    plan = schedule(_playbook(file), MEETING, calendar, today=EARLY)

    assert min(s.due for s in plan.tasks) == first_due


def test_a_weekend_meeting_is_planned_with_a_warning(calendar: WorkCalendar,
                                                     strategic: Playbook) -> None:
    plan = schedule(strategic, date(2026, 12, 12), calendar, today=EARLY)

    assert [n.level for n in plan.notes] == [NoteLevel.WARNING]
    assert "Saturday 2026-12-12 falls on a weekend day" in plan.notes[0].text
    assert plan.due("send-final-deck") == date(2026, 12, 11)
    assert plan.due("send-recap") == date(2026, 12, 14)


def test_a_holiday_meeting_is_planned_with_a_warning(calendar: WorkCalendar,
                                                     strategic: Playbook) -> None:
    plan = schedule(strategic, date(2026, 12, 25), calendar, today=EARLY)

    assert "falls on a holiday" in plan.notes[0].text
    assert plan.due("send-final-deck") == date(2026, 12, 23)


def test_the_day_off_warning_names_the_day_and_why(calendar: WorkCalendar,
                                                   strategic: Playbook) -> None:
    assert day_off_warning(MEETING, calendar) is None
    assert day_off_warning(date(2026, 12, 25), calendar) == (
        "The meeting on Friday 2026-12-25 falls on a holiday.")
    assert day_off_warning(date(2026, 12, 26), WorkCalendar()) == (
        "The meeting on Saturday 2026-12-26 falls on a weekend day.")
    note = schedule(strategic, date(2026, 12, 25), calendar, today=EARLY).notes[0]
    assert note.day_off and note.text.startswith(day_off_warning(date(2026, 12, 25), calendar))
    assert not any(n.day_off for n in schedule(strategic, MEETING, calendar, today=EARLY).notes)


def test_a_past_meeting_leaves_tasks_overdue(calendar: WorkCalendar,
                                             strategic: Playbook) -> None:
    today = date(2027, 1, 5)
    plan = schedule(strategic, MEETING, calendar, today=today)

    assert plan.due("send-invitation") == date(2026, 12, 4)  # not compressed
    assert "has passed" in plan.notes[0].text
    overdue = {s.task.key for s in plan.overdue()}
    assert "send-recap" in overdue and "deliver-commitments" not in overdue
    done = {"send-recap": TaskState.DONE}
    assert "send-recap" not in {s.task.key for s in plan.overdue(done)}


def test_a_close_meeting_squeezes_preparation(calendar: WorkCalendar,
                                              strategic: Playbook) -> None:
    today = date(2026, 12, 17)
    plan = schedule(strategic, MEETING, calendar, today=today)

    assert plan.notes[0].level == NoteLevel.WARNING
    assert plan.notes[0].text.endswith("15 working days of preparation squeezed into 6.")
    assert plan.due("send-invitation") == today
    assert plan.due("send-final-deck") == date(2026, 12, 28)
    assert all(today <= s.due < MEETING for s in plan.tasks if s.task.before_meeting)
    assert plan.due("send-recap") == date(2026, 12, 30)  # follow-up unchanged
    assert not plan.get("send-recap").compressed and plan.get("health-review").compressed
    before = [s for s in plan.tasks if s.task.before_meeting]
    assert [s.offset for s in sorted(before, key=lambda s: s.task.offset)] == \
        sorted(s.offset for s in before)  # the order of the playbook survives
    _dependencies_in_order(plan)


def test_no_squeeze_when_the_first_task_is_due_today(calendar: WorkCalendar,
                                                     strategic: Playbook) -> None:
    plan = schedule(strategic, MEETING, calendar, today=date(2026, 12, 4))

    assert plan.notes == () and plan.due("send-invitation") == date(2026, 12, 4)


def test_a_meeting_today_makes_all_preparation_due_today(calendar: WorkCalendar,
                                                         strategic: Playbook) -> None:
    plan = schedule(strategic, MEETING, calendar, today=MEETING)

    assert "all due today" in plan.notes[0].text
    assert {s.due for s in plan.tasks if s.task.before_meeting} == {MEETING}
    assert plan.due("send-recap") == date(2026, 12, 30)


@pytest.mark.parametrize("left", range(0, 16))
def test_compression_keeps_order_and_fits_the_room(left: int) -> None:
    offsets = list(range(-15, 11))
    mapped = compressed_offsets(offsets, left)

    assert [mapped[o] for o in offsets] == sorted(mapped[o] for o in offsets)
    assert all(-max(left, 1) <= mapped[o] <= -1 for o in offsets if o < 0)
    assert all(mapped[o] == o for o in offsets if o >= 0)
    assert mapped[-15] == -max(left, 1)


def test_compression_is_not_needed_when_the_room_suffices() -> None:
    assert compressed_offsets([-5, -1, 2], 5) == {-5: -5, -1: -1, 2: 2}


# --- rescheduling -------------------------------------------------------------------


def test_moving_the_meeting_keeps_done_tasks_dates(calendar: WorkCalendar,
                                                   strategic: Playbook) -> None:
    first = schedule(strategic, MEETING, calendar, today=EARLY)
    states = {"send-invitation": TaskState.DONE, "health-review": TaskState.DONE,
              "peer-benchmark": TaskState.OPEN}
    moved = reschedule(first, date(2027, 1, 12), calendar, date(2026, 12, 8), states)

    assert moved.meeting_day == date(2027, 1, 12)
    assert moved.due("send-invitation") == date(2026, 12, 4)
    assert moved.get("send-invitation").kept and moved.get("health-review").kept
    assert moved.due("peer-benchmark") == date(2026, 12, 18)
    assert moved.due("send-final-deck") == date(2027, 1, 11)
    assert moved.due("send-recap") == date(2027, 1, 13)
    assert [n.text for n in moved.notes] == ["2 finished tasks keep their dates."]
    assert [s.task.key for s in moved.tasks] == [t.key for t in strategic.tasks]


def test_moving_the_meeting_closer_squeezes_only_open_tasks(calendar: WorkCalendar,
                                                            strategic: Playbook) -> None:
    first = schedule(strategic, date(2027, 1, 12), calendar, today=EARLY)
    states = {"send-invitation": TaskState.DONE}
    moved = reschedule(first, MEETING, calendar, date(2026, 12, 17), states)

    assert moved.due("send-invitation") == first.due("send-invitation")
    assert moved.notes[0].text.endswith("14 working days of preparation squeezed into 6.")
    assert moved.notes[1].text == "1 finished task keeps its date."
    assert moved.due("health-review") == date(2026, 12, 17)


def test_rescheduling_refuses_unknown_task_keys(calendar: WorkCalendar,
                                                strategic: Playbook) -> None:
    plan = schedule(strategic, MEETING, calendar, today=EARLY)

    with pytest.raises(ValueError, match="kickoff"):
        reschedule(plan, MEETING, calendar, EARLY, {"kickoff": TaskState.DONE})
