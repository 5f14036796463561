"""What a preparation plan looks like to its readers: the timeline, the CLI, the calendar.

Plain values computed from stored rows; "today" is part of the plan, so every derived
answer (overdue, behind schedule, the process metrics) is reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.customer_words import weekday_message
from qbr_desktop.domain.playbooks import OwnerRole, Phase
from qbr_desktop.i18n import Message, english, msg, msg_plural

#: The reference's bar: preparation finished at least three days before the meeting.
PREP_DONE_DAYS_AHEAD = 3
#: Tasks whose completion means the champion was pre-aligned, in the shipped playbooks.
CHAMPION_TASK_KEYS = frozenset({"champion-pre-call", "champion-check-in"})
PREPARATION_PHASES = frozenset({Phase.DATA_GATHERING, Phase.CONTENT_AND_STAKEHOLDERS})


@dataclass(frozen=True, slots=True)
class PlanTask:
    id: int
    key: str | None  # None: a task the CSM added
    phase: Phase
    title: str
    description: str
    owner: OwnerRole
    outputs: tuple[str, ...]
    feature: str | None
    offset: int | None  # working days from the meeting; None when dated by hand
    due: date
    done_at: datetime | None
    position: int
    updated_at: datetime

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def overdue(self, today: date) -> bool:
        return not self.done and self.due < today


@dataclass(frozen=True, slots=True)
class Metric:
    """One of the reference's process metrics: met, not met, or not known yet (None).

    `title` and `says` are shown in the reader's language; `name` and `detail` are the
    stable English that `--json` output and the log keep."""

    title: Message
    met: bool | None
    says: Message

    @property
    def name(self) -> str:
        return english(self.title)

    @property
    def detail(self) -> str:
        return english(self.says)


@dataclass(frozen=True, slots=True)
class ReviewPlan:
    review_id: int
    account_id: int
    account_name: str
    tier: str
    meeting_at: datetime  # aware, UTC
    time_zone: str
    duration_minutes: int
    status: ReviewStatus
    playbook: str | None
    executives_confirmed: bool
    tasks: tuple[PlanTask, ...]
    today: date
    updated_at: datetime
    notes: tuple[str, ...] = ()  # what scheduling had to say (compression, kept dates, ...)
    # What is wrong with the plan as it stands (a meeting on a day off): read on every load,
    # so a holiday added after scheduling is warned about too.
    warnings: tuple[str, ...] = ()
    language: str = "en"  # the account's: the attendees' invite is written in it

    @property
    def local_start(self) -> datetime:
        return self.meeting_at.astimezone(ZoneInfo(self.time_zone))

    @property
    def meeting_day(self) -> date:
        return self.local_start.date()

    @property
    def local_end(self) -> datetime:
        # From the UTC start: aware local arithmetic would misplace a meeting that spans
        # a clock change by the size of the change.
        end = self.meeting_at.astimezone(UTC) + timedelta(minutes=self.duration_minutes)
        return end.astimezone(ZoneInfo(self.time_zone))

    @property
    def done_count(self) -> int:
        return sum(1 for task in self.tasks if task.done)

    @property
    def progress(self) -> float:
        return self.done_count / len(self.tasks) if self.tasks else 1.0

    @property
    def overdue(self) -> tuple[PlanTask, ...]:
        return tuple(task for task in self.tasks if task.overdue(self.today))

    @property
    def behind_schedule(self) -> bool:
        return bool(self.overdue)

    @property
    def complete(self) -> bool:
        return bool(self.tasks) and all(task.done for task in self.tasks)

    def metrics(self) -> tuple[Metric, ...]:
        return (self._preparation_metric(), self._champion_metric(),
                self._executives_metric())

    def _executives_metric(self) -> Metric:
        title = msg("Executive attendance confirmed")
        if self.executives_confirmed:
            return Metric(title, True,
                          msg("The customer's executives confirmed they will attend."))
        return Metric(title, False if self.today >= self.meeting_day else None,
                      msg("Not confirmed yet: ask the champion or the sponsor's assistant."))

    def _preparation_metric(self) -> Metric:
        title = msg("Preparation complete {days}+ days ahead", days=PREP_DONE_DAYS_AHEAD)
        preparation = [t for t in self.tasks if t.phase in PREPARATION_PHASES]
        deadline = self.meeting_day - timedelta(days=PREP_DONE_DAYS_AHEAD)
        if not preparation:
            return Metric(title, None, msg("The plan has no preparation tasks."))
        open_tasks = [t for t in preparation if not t.done]
        if open_tasks:
            late = self.today > deadline
            return Metric(title, False if late else None, msg(
                "{open} of {total} preparation tasks open; due by {date}.",
                open=len(open_tasks), total=len(preparation), date=weekday_message(deadline)))
        finished = max(t.done_at for t in preparation if t.done_at is not None)
        finished_day = finished.astimezone(ZoneInfo(self.time_zone)).date()
        days = (self.meeting_day - finished_day).days
        return Metric(title, finished_day <= deadline, msg_plural(
            "Finished {date}, {count} day before the meeting.",
            "Finished {date}, {count} days before the meeting.",
            days, date=weekday_message(finished_day)))

    def _champion_metric(self) -> Metric:
        title = msg("Champion pre-aligned")
        calls = [t for t in self.tasks if t.key in CHAMPION_TASK_KEYS]
        if not calls:
            return Metric(title, None, msg("This plan has no champion pre-call task."))
        if all(t.done for t in calls):
            return Metric(title, True, msg("“{task}” is done.", task=calls[0].title))
        due = min(t.due for t in calls)
        return Metric(title, False if self.today > due else None,
                      msg("“{task}” is due {date}.", task=calls[0].title,
                          date=weekday_message(due)))


@dataclass(frozen=True, slots=True)
class UpcomingReview:
    """One account in the "upcoming QBRs" list: its next review and how prepared it is."""

    account_id: int
    account_name: str
    tier: str
    review_id: int | None  # None: nothing planned (listed because the cadence is slipping)
    meeting_at: datetime | None
    time_zone: str | None
    tasks_done: int
    tasks_total: int
    overdue_tasks: int
    cadence_state: str  # a domain.cadence.CadenceState value
    cadence_words: Message  # why, in no language yet: `ui_text` in the window's
    in_window: bool = True  # False: planned after the days looked ahead (listed for cadence)

    @property
    def cadence_reason(self) -> str:
        """The cadence's reason in English (the CLI's --json)."""
        return english(self.cadence_words)

    @property
    def behind_schedule(self) -> bool:
        return self.overdue_tasks > 0

    @property
    def progress(self) -> float:
        return self.tasks_done / self.tasks_total if self.tasks_total else 0.0
