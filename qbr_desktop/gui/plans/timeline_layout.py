"""Where things go on the preparation timeline: rows grouped by phase, and a day scale.

Pure geometry with no painting, so the chart, its hit-testing and the tests share one
answer to "where is this task" and "which day is under this point".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from qbr_desktop.domain.playbooks import Phase
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from qbr_desktop.services.plan_views import PlanTask, ReviewPlan

PHASE_TITLES = {
    Phase.DATA_GATHERING: QT_TRANSLATE_NOOP("timeline_layout", "Data gathering"),
    Phase.CONTENT_AND_STAKEHOLDERS: QT_TRANSLATE_NOOP("timeline_layout", "Content & stakeholders"),
    Phase.REFINEMENT_AND_LOGISTICS: QT_TRANSLATE_NOOP("timeline_layout", "Refinement & logistics"),
    Phase.FOLLOW_UP: QT_TRANSLATE_NOOP("timeline_layout", "Follow-up"),
}
TASK_ROW_HEIGHT = 28
BAND_HEADING_HEIGHT = 24
MIN_DAY_WIDTH = 16.0
# Empty days shown before the first and after the last date, so markers are not cut.
PADDING_DAYS = 1
# "Today" joins the scale when it is at most this far outside the plan's dates; further
# away it would squeeze the plan into a sliver, so an arrow at the edge points to it.
TODAY_REACH_DAYS = 21


@dataclass(frozen=True, slots=True)
class TimelineRow:
    phase: Phase
    task: PlanTask | None  # None: the heading of the phase's band
    top: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


def build_rows(plan: ReviewPlan) -> list[TimelineRow]:
    """A heading per phase (all four, so the bands read the same in every plan), then the
    phase's tasks in the plan's order: the order stays put when a task is re-dated."""
    rows: list[TimelineRow] = []
    top = 0
    ordered = sorted(plan.tasks, key=lambda task: task.position)
    for phase in Phase:
        rows.append(TimelineRow(phase, None, top, BAND_HEADING_HEIGHT))
        top += BAND_HEADING_HEIGHT
        for task in (t for t in ordered if t.phase is phase):
            rows.append(TimelineRow(phase, task, top, TASK_ROW_HEIGHT))
            top += TASK_ROW_HEIGHT
    return rows


def phase_summary(plan: ReviewPlan, phase: Phase) -> str:
    tasks = [t for t in plan.tasks if t.phase is phase]
    if not tasks:
        return translate("timeline_layout", "{value} · no tasks").format(
        value=translate("timeline_layout", PHASE_TITLES[phase]))
    done = sum(1 for t in tasks if t.done)
    return translate("timeline_layout",
                     "{value} · {done} of {count} "
                     "done").format(value=translate("timeline_layout", PHASE_TITLES[phase]),
                                                                done=done, count=len(tasks))


def day_span(plan: ReviewPlan) -> tuple[date, date]:
    """The first and last day the scale shows: every due date, the meeting, and today
    when it is near."""
    days = [task.due for task in plan.tasks] + [plan.meeting_day]
    first, last = min(days), max(days)
    reach = timedelta(days=TODAY_REACH_DAYS)
    if first - reach <= plan.today <= last + reach:
        first, last = min(first, plan.today), max(last, plan.today)
    pad = timedelta(days=PADDING_DAYS)
    return first - pad, last + pad


@dataclass(frozen=True, slots=True)
class DayScale:
    """Days side by side, each `day_width` wide; x is measured from the first day's edge."""

    first: date
    days: int
    day_width: float

    @classmethod
    def fit(cls, first: date, last: date, available: float) -> DayScale:
        days = max((last - first).days + 1, 1)
        return cls(first, days, max(MIN_DAY_WIDTH, available / days))

    @property
    def last(self) -> date:
        return self.first + timedelta(days=self.days - 1)

    @property
    def width(self) -> float:
        return self.days * self.day_width

    def left(self, day: date) -> float:
        return (day - self.first).days * self.day_width

    def centre(self, day: date) -> float:
        return self.left(day) + self.day_width / 2

    def day_at(self, x: float) -> date:
        index = int(x // self.day_width)
        return self.first + timedelta(days=min(max(index, 0), self.days - 1))

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last
