"""Working-day arithmetic and turning a playbook into dated tasks for one meeting.

Every date here is a plain `date`; "today" is always passed in, so the results depend
on nothing but the arguments.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from qbr_desktop.domain.playbooks import Playbook, PrepTask

_DAY = timedelta(days=1)
SATURDAY_AND_SUNDAY = frozenset({5, 6})  # date.weekday() numbers: Monday is 0


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Which days count as working days: not a weekend day and not a holiday."""

    holidays: frozenset[date] = frozenset()
    weekend: frozenset[int] = field(default=SATURDAY_AND_SUNDAY)

    def __post_init__(self) -> None:
        if not self.weekend <= set(range(7)):
            raise ValueError("weekend days are numbered 0 (Monday) to 6 (Sunday)")
        if len(self.weekend) == 7:
            raise ValueError("a calendar needs at least one working day in the week")

    def is_working(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def shift(self, day: date, working_days: int) -> date:
        """The date `working_days` working days after `day` (before it when negative).

        Counting starts from `day` whether or not it is a working day, so from a
        Saturday one working day back is the Friday and one forward the Monday.
        With 0, a working day is returned as it is and any other day gives the
        working day before it: a deadline that falls on a day off moves earlier,
        never later.
        """
        if working_days == 0:
            return day if self.is_working(day) else self.shift(day, -1)
        step = _DAY if working_days > 0 else -_DAY
        remaining = abs(working_days)
        while remaining:
            day += step
            if self.is_working(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when `end` is earlier.

        Antisymmetric: between(a, b) == -between(b, a). For two working days,
        shift(start, between(start, end)) == end.
        """
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for n in range(1, (end - start).days + 1)
                   if self.is_working(start + n * _DAY))

    def working_days_from(self, start: date, end: date) -> int:
        """Working days from `start` (included) to `end` (excluded): the days left to work."""
        return sum(1 for n in range((end - start).days) if self.is_working(start + n * _DAY))


class NoteLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class ScheduleNote:
    level: NoteLevel
    text: str
    # The note is `day_off_warning`'s: readers that report that warning on its own (the
    # plan's warnings, read again on every load) skip it, so it is not said twice.
    day_off: bool = False


MEETING_ON_DAY_OFF = "The meeting on {day:%A %Y-%m-%d} falls on {kind}."


def day_off_warning(day: date, calendar: WorkCalendar) -> str | None:
    """What to tell the CSM about a meeting on `day`: None on a working day."""
    if calendar.is_working(day):
        return None
    kind = "a holiday" if day in calendar.holidays else "a weekend day"
    return MEETING_ON_DAY_OFF.format(day=day, kind=kind)


class TaskState(StrEnum):
    OPEN = "open"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ScheduledTask:
    task: PrepTask
    due: date
    offset: int  # the offset used: the playbook's, or a compressed one
    kept: bool = False  # a finished task whose date stayed when the meeting moved

    @property
    def compressed(self) -> bool:
        return self.offset != self.task.offset


@dataclass(frozen=True, slots=True)
class SchedulePlan:
    playbook: Playbook
    meeting_day: date
    today: date
    tasks: tuple[ScheduledTask, ...]  # in the playbook's order
    notes: tuple[ScheduleNote, ...] = ()

    def due(self, key: str) -> date:
        return self.get(key).due

    def get(self, key: str) -> ScheduledTask:
        for scheduled in self.tasks:
            if scheduled.task.key == key:
                return scheduled
        raise KeyError(key)

    def overdue(self, states: Mapping[str, TaskState] | None = None) -> tuple[ScheduledTask, ...]:
        """Tasks due before today that are not done."""
        states = states or {}
        return tuple(s for s in self.tasks
                     if s.due < self.today and states.get(s.task.key) != TaskState.DONE)


def schedule(playbook: Playbook, meeting_day: date, calendar: WorkCalendar,
             today: date) -> SchedulePlan:
    """Due dates for every task, counted in working days from the meeting.

    A meeting on a day off is still planned (with a warning); a past meeting gives
    overdue tasks; a meeting too close for the whole cycle compresses the preparation
    tasks into the working days left (see `compressed_offsets`).
    """
    return _plan(playbook, playbook.tasks, meeting_day, calendar, today, kept={})


def reschedule(previous: SchedulePlan, meeting_day: date, calendar: WorkCalendar,
               today: date, states: Mapping[str, TaskState]) -> SchedulePlan:
    """The plan after the meeting moved: open tasks get new dates, done tasks keep theirs.

    `states` maps task keys to their state; a key it leaves out is open.
    """
    unknown = sorted(set(states) - {s.task.key for s in previous.tasks})
    if unknown:
        raise ValueError(f"no task with the key {', '.join(unknown)} in "
                         f"“{previous.playbook.name}”")
    kept = {s.task.key: s for s in previous.tasks if states.get(s.task.key) == TaskState.DONE}
    open_tasks = [task for task in previous.playbook.tasks if task.key not in kept]
    return _plan(previous.playbook, open_tasks, meeting_day, calendar, today, kept)


def compressed_offsets(offsets: Iterable[int], working_days_left: int) -> dict[int, int]:
    """Each before-meeting offset scaled into `working_days_left`; others unchanged.

    The earliest offset lands on the first day left and the others keep their
    proportional place, rounded away from the meeting. The mapping never reverses
    two offsets, so a task is never due before a task it depends on. With no day
    left, everything lands on the day before the meeting (which the caller treats
    as due at once), so a preparation task never moves onto the meeting day.
    """
    offsets = set(offsets)
    span = -min(offsets, default=0)
    if span <= working_days_left:
        return {o: o for o in offsets}
    room = max(working_days_left, 1)
    return {o: -math.ceil(-o * room / span) if o < 0 else o for o in offsets}


def _plan(playbook: Playbook, tasks: Iterable[PrepTask], meeting_day: date,
          calendar: WorkCalendar, today: date,
          kept: Mapping[str, ScheduledTask]) -> SchedulePlan:
    tasks = list(tasks)
    notes: list[ScheduleNote] = []
    warning = day_off_warning(meeting_day, calendar)
    if warning is not None:
        notes.append(ScheduleNote(NoteLevel.WARNING,
                                  f"{warning} Tasks are still counted back from it.",
                                  day_off=True))
    offsets = {task.offset: task.offset for task in tasks}
    earliest = min((t.offset for t in tasks if t.before_meeting), default=0)
    if meeting_day < today:
        notes.append(ScheduleNote(NoteLevel.INFO,
                                  f"The meeting date {meeting_day.isoformat()} has passed; "
                                  "open tasks show as overdue."))
    elif earliest and calendar.shift(meeting_day, earliest) < today:
        left = calendar.working_days_from(today, meeting_day)
        offsets = compressed_offsets(offsets, left)
        notes.append(ScheduleNote(NoteLevel.WARNING, _squeeze_note(-earliest, left)))

    def due(offset: int) -> date:
        if offset == 0:
            return meeting_day  # the meeting happens that day, working day or not
        if offset < 0 and meeting_day >= today and calendar.shift(meeting_day, offset) < today:
            return today  # nothing left before the meeting: due at once
        return calendar.shift(meeting_day, offset)

    dated = {task.key: ScheduledTask(task, due(offsets[task.offset]), offsets[task.offset])
             for task in tasks}
    if kept:
        kept_text = ("1 finished task keeps its date" if len(kept) == 1
                     else f"{len(kept)} finished tasks keep their dates")
        notes.append(ScheduleNote(NoteLevel.INFO, f"{kept_text}."))
    ordered = tuple(dated[t.key] if t.key in dated
                    else ScheduledTask(t, kept[t.key].due, kept[t.key].offset, kept=True)
                    for t in playbook.tasks)
    return SchedulePlan(playbook, meeting_day, today, ordered, tuple(notes))


def _squeeze_note(span: int, left: int) -> str:
    if left == 0:
        return (f"No working day is left before the meeting: {span} working days of "
                "preparation are all due today.")
    return (f"The meeting is too close for the full cycle: {span} working days of "
            f"preparation squeezed into {left}.")
