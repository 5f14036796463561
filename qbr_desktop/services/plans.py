"""Preparation plans: scheduling a review creates its dated tasks; the CSM works them off.

A plan's tasks are stored rows; the playbook is only where they came from. Tasks keep
their offset from the meeting in working days, so moving the meeting re-dates every open
task while finished ones keep the dates they were done by. A task the CSM dated by hand
has no offset and stays where it was put.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.cadence import cadence_status
from qbr_desktop.domain.contacts import ReviewFormat, ReviewKind, ReviewStatus
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.playbooks import OwnerRole, Phase, Playbook, PrepTask
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.domain.workdays import (
    ScheduleNote,
    SchedulePlan,
    WorkCalendar,
    day_off_warning,
    schedule,
)
from qbr_desktop.i18n import N_, msg
from qbr_desktop.paths import user_data_folder
from qbr_desktop.services.edit_checks import RowEdit, login_name, values_of
from qbr_desktop.services.plan_views import PlanTask, ReviewPlan, UpcomingReview
from qbr_desktop.services.planning_calendar import (
    HOLIDAYS_KEY,
    TIME_ZONE_KEY,
    known_zone,
    local_zone_name,
    read_holidays,
)
from qbr_desktop.services.playbook_library import PlaybookLibrary
from qbr_desktop.services.rows import account_row, as_utc, review_row
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError
from qbr_desktop.store.models import AccountRow, PrepTaskRow, ReviewRow
from qbr_desktop.store.repositories import SettingRepository

if TYPE_CHECKING:  # the calendar writer loads only when a calendar is exported
    from qbr_desktop.exports.ics import TaskForm
    from qbr_desktop.services.plan_calendar import CalendarCopy, CalendarExport, CalendarService

DEFAULT_MEETING_TIME = time(10, 0)
Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


class PlanError(DomainError):
    """A plan request that cannot be carried out; the message says why."""


@dataclass(frozen=True, slots=True)
class TaskChanges:
    """What an edit changes; None leaves a field as it is."""

    title: str | None = None
    description: str | None = None
    owner: OwnerRole | None = None
    phase: Phase | None = None
    due: date | None = None  # a date set by hand pins the task: moves no longer re-date it


class PlanService:
    def __init__(self, sessions: sessionmaker[Session], library: PlaybookLibrary | None = None,
                 clock: Clock = _now, user: Callable[[], str] | None = None) -> None:
        self._sessions = sessions
        self._library = library
        self._clock = clock
        self._user = user or login_name
        self._calendar: CalendarService | None = None

    @property
    def library(self) -> PlaybookLibrary:
        if self._library is None:  # read from disk on first use, not at start-up
            self._library = PlaybookLibrary.load(user_playbook_folder())
        return self._library

    # Settings --------------------------------------------------------------------------
    def holidays(self) -> frozenset[date]:
        with session_scope(self._sessions) as session:
            return read_holidays(session)

    def set_holidays(self, days: Sequence[date]) -> None:
        with session_scope(self._sessions) as session:
            SettingRepository(session).set(HOLIDAYS_KEY, sorted(d.isoformat() for d in days))

    def default_time_zone(self) -> str:
        with session_scope(self._sessions) as session:
            stored = SettingRepository(session).get(TIME_ZONE_KEY)
        return stored if isinstance(stored, str) and known_zone(stored) else local_zone_name()

    def set_default_time_zone(self, name: str) -> None:
        if not known_zone(name):
            raise PlanError(f"“{name}” is not a time zone name (e.g. Europe/Berlin)")
        with session_scope(self._sessions) as session:
            SettingRepository(session).set(TIME_ZONE_KEY, name)

    # Plans -----------------------------------------------------------------------------
    def schedule(self, account_id: int, day: date, at: time | None = None, *,
                 time_zone: str | None = None, playbook: str | None = None,
                 duration_minutes: int = 60, kind: ReviewKind = ReviewKind.QBR,
                 review_format: ReviewFormat = ReviewFormat.VIDEO) -> ReviewPlan:
        """Plan a review on `day` and create its preparation tasks from the playbook."""
        zone_name = time_zone or self.default_time_zone()
        if not known_zone(zone_name):
            raise PlanError(f"“{zone_name}” is not a time zone name (e.g. Europe/Berlin)")
        if not 15 <= duration_minutes <= 8 * 60:
            raise PlanError("A review lasts between 15 minutes and 8 hours")
        start = datetime.combine(day, at or DEFAULT_MEETING_TIME, ZoneInfo(zone_name))
        now = self._clock()
        with session_scope(self._sessions) as session:
            account = account_row(session, account_id)
            chosen = self._playbook(session, account, playbook)
            review = ReviewRow(account_id=account_id, scheduled_at=start, time_zone=zone_name,
                               format=review_format.value, kind=kind.value,
                               status=ReviewStatus.PLANNED.value, playbook=chosen.name,
                               duration_minutes=duration_minutes, created_at=now,
                               updated_at=now)
            session.add(review)
            session.flush()
            notes = self._create_tasks(session, review, chosen, day)
            return replace(self._read(session, review.id), notes=notes)

    def plan_review(self, review_id: int, playbook: str | None = None) -> ReviewPlan:
        """Give a review that has no plan yet (one planned elsewhere) its tasks."""
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            if review.tasks:
                raise PlanError(f"The review on {review.scheduled_at:%Y-%m-%d} already has "
                                "a plan")
            chosen = self._playbook(session, review.account, playbook)
            review.playbook = chosen.name
            day = as_utc(review.scheduled_at).astimezone(ZoneInfo(review.time_zone)).date()
            notes = self._create_tasks(session, review, chosen, day)
            return replace(self._read(session, review_id), notes=notes)

    def plan_reviews(self, review_ids: Sequence[int]) -> int:
        """Plans for many reviews that have none yet, in one transaction; returns how many.

        Each review follows its account tier's playbook. Reviews that already have tasks
        are left alone. The rows go in as one bulk insert: planning a quarter's reviews
        for a whole portfolio takes a fraction of a second.
        """
        wanted = list(dict.fromkeys(review_ids))
        now = self._clock()
        with session_scope(self._sessions) as session:
            calendar = WorkCalendar(read_holidays(session))
            scheme = read_tier_scheme(session)
            planned = set(session.scalars(select(PrepTaskRow.review_id).distinct()))
            rows: list[dict[str, object]] = []
            count = 0
            for start in range(0, len(wanted), 900):  # SQLite's bound-parameter limit
                chunk = wanted[start:start + 900]
                for review, account in session.execute(
                        select(ReviewRow, AccountRow).join(AccountRow)
                        .where(ReviewRow.id.in_(chunk))):
                    if review.id in planned:
                        continue
                    chosen = self.library.for_tier(
                        effective_tier(account.arr, account.tier_override, scheme)
                    ).in_language(account.language)
                    review.playbook = chosen.name
                    day = as_utc(review.scheduled_at).astimezone(
                        ZoneInfo(review.time_zone)).date()
                    rows.extend(_task_values(review.id, schedule(
                        chosen, day, calendar, self._today(review.time_zone)), now))
                    count += 1
            if rows:
                session.execute(insert(PrepTaskRow), rows)
            return count

    def plan(self, review_id: int) -> ReviewPlan:
        with session_scope(self._sessions) as session:
            return self._read(session, review_id)

    def next_plan(self, account_id: int) -> ReviewPlan | None:
        """The account's next planned review (the latest past one if none is ahead)."""
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            reviews = list(session.scalars(
                select(ReviewRow).where(ReviewRow.account_id == account_id,
                                        ReviewRow.status == ReviewStatus.PLANNED.value)
                .order_by(ReviewRow.scheduled_at)))
            if not reviews:
                return None
            now = self._clock()
            ahead = [r for r in reviews if as_utc(r.scheduled_at) >= now - timedelta(days=1)]
            return self._read(session, (ahead[0] if ahead else reviews[-1]).id)

    def export_calendar(self, review_id: int, path: Path, *, audience: CalendarCopy,
                        tasks: TaskForm | None) -> CalendarExport:
        """The review as a calendar file: for the CSM (with the tasks in `tasks` form, or
        none) or the attendees' invitation (the meeting only). Thread-safe: for workers."""
        from qbr_desktop.services.plan_calendar import CalendarService

        if self._calendar is None:  # one service: its lock lines up exports from two threads
            self._calendar = CalendarService(self._sessions, clock=self._clock)
        return self._calendar.export(self.plan(review_id), path, audience=audience,
                                     tasks=tasks)

    def move(self, review_id: int, start: datetime, *, time_zone: str | None = None,
             seen: datetime | None = None) -> ReviewPlan:
        """Move the meeting: open tasks follow it in working days; done ones stay put.

        With `time_zone`, the meeting is planned in that zone from now on. With `seen` (the
        meeting time the person moved from), a colleague's move since is refused with
        EditConflictError; without it, this move replaces theirs.
        """
        if start.tzinfo is None:
            raise PlanError("A meeting time needs its time zone")
        if time_zone is not None and not known_zone(time_zone):
            raise PlanError(f"“{time_zone}” is not a time zone name (e.g. Europe/Berlin)")
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            if seen is not None:
                _review_edit(session, review).settle(
                    {"scheduled_at": as_utc(review.scheduled_at)}, {"scheduled_at": seen},
                    {"scheduled_at": start}, self._read(session, review_id))
            before = {"scheduled_at": as_utc(review.scheduled_at),
                      "time_zone": review.time_zone}
            if time_zone is not None:
                review.time_zone = time_zone
            local = start.astimezone(ZoneInfo(review.time_zone))
            review.scheduled_at = local
            review.updated_at, review.updated_by = self._clock(), self._user()
            _review_edit(session, review).record(
                before, {"scheduled_at": start, "time_zone": review.time_zone},
                review.updated_by, review.updated_at)
            moving = [t for t in review.tasks if t.done_at is None and t.offset_days is not None]
            notes: tuple[str, ...] = ()
            if moving:
                pseudo = Playbook(
                    name=review.playbook or "plan", tier="Core", description="",
                    preparation_days=max((-t.offset_days for t in moving
                                          if t.offset_days is not None and t.offset_days < 0),
                                         default=0),
                    tasks=tuple(PrepTask(key=f"t{t.id}", phase=Phase(t.phase),
                                         offset=t.offset_days or 0, title=t.title,
                                         description="", owner=OwnerRole(t.owner))
                                for t in moving))
                dated = schedule(pseudo, local.date(), WorkCalendar(read_holidays(session)),
                                 self._today(review.time_zone))
                for row, scheduled in zip(moving, dated.tasks, strict=True):
                    row.due_date = scheduled.due
                    row.updated_at, row.updated_by = review.updated_at, review.updated_by
                notes = _note_texts(dated.notes)
            session.flush()
            return replace(self._read(session, review_id), notes=notes)

    def set_done(self, task_id: int, done: bool) -> None:
        """Tick or clear a task (a yes/no mark: two people's saves never disagree unseen,
        the last one is what both wanted or what the other undid)."""
        with session_scope(self._sessions) as session:
            row = _task(session, task_id)
            now = self._clock()
            if (row.done_at is not None) != done:
                row.done_at = now if done else None
                row.updated_at, row.updated_by = now, self._user()
                _task_edit(session, row).record({}, {"done": done}, row.updated_by, now)

    def set_executives_confirmed(self, review_id: int, confirmed: bool) -> None:
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            if review.executives_confirmed != confirmed:
                review.executives_confirmed = confirmed
                review.updated_at, review.updated_by = self._clock(), self._user()

    def add_task(self, review_id: int, title: str, due: date, *,
                 owner: OwnerRole = OwnerRole.CSM, phase: Phase | None = None,
                 description: str = "") -> int:
        """A task of the CSM's own, dated by hand, placed among the tasks by its date."""
        title = _clean_title(title)
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            meeting_day = as_utc(review.scheduled_at).astimezone(
                ZoneInfo(review.time_zone)).date()
            chosen_phase = phase or (Phase.FOLLOW_UP if due > meeting_day
                                     else Phase.REFINEMENT_AND_LOGISTICS)
            now = self._clock()
            tasks = list(review.tasks)
            position = next((i for i, t in enumerate(tasks) if t.due_date > due), len(tasks))
            for later in tasks[position:]:
                later.position += 1
            row = PrepTaskRow(review_id=review_id, key=None, phase=chosen_phase.value,
                              title=title, description=description.strip(),
                              owner=owner.value, outputs="[]", feature=None, offset_days=None,
                              due_date=due, position=position, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return row.id

    def update_task(self, task_id: int, changes: TaskChanges, *,
                    seen: TaskChanges | None = None) -> None:
        """With `seen` (the task's fields as the person saw them), a field a colleague
        changed since is refused with EditConflictError naming it, who and when; the
        description is merged instead. Without it: "keep mine"."""
        with session_scope(self._sessions) as session:
            row = _task(session, task_id)
            before = _task_fields(row)
            if seen is not None:
                changes = TaskChanges(**_task_edit(session, row).settle(
                    before, _given(seen), _given(changes),
                    self._read(session, row.review_id)))
            if changes.title is not None:
                row.title = _clean_title(changes.title)
            if changes.description is not None:
                row.description = changes.description.strip()
            if changes.owner is not None:
                row.owner = changes.owner.value
            if changes.phase is not None:
                row.phase = changes.phase.value
            if changes.due is not None and changes.due != row.due_date:
                row.due_date = changes.due
                row.offset_days = None  # pinned: the CSM chose this date
            row.updated_at, row.updated_by = self._clock(), self._user()
            _task_edit(session, row).record(before, _task_fields(row), row.updated_by,
                                            row.updated_at)

    def remove_task(self, task_id: int) -> None:
        with session_scope(self._sessions) as session:
            row = _task(session, task_id)
            review = row.review
            session.delete(row)
            session.flush()
            for position, task in enumerate(t for t in review.tasks if t.id != task_id):
                task.position = position

    def reorder(self, review_id: int, task_ids: Sequence[int]) -> None:
        """Put the plan's tasks in the given order (all of them, each once)."""
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            by_id = {t.id: t for t in review.tasks}
            if sorted(task_ids) != sorted(by_id):
                raise PlanError("The new order must list every task of the plan exactly once")
            for position, task_id in enumerate(task_ids):
                by_id[task_id].position = position

    # The portfolio ---------------------------------------------------------------------
    def upcoming(self, days: int = 90) -> list[UpcomingReview]:
        """Reviews in the next `days` days, soonest first, then accounts whose review
        cadence needs attention and that have nothing planned."""
        if not 1 <= days <= 3660:
            raise PlanError("Look ahead between 1 and 3,660 days")
        now = self._clock()
        today = now.date()
        horizon = now + timedelta(days=days)
        with session_scope(self._sessions) as session:
            scheme = read_tier_scheme(session)
            accounts = {a.id: a for a in session.scalars(select(AccountRow))}
            reviews = list(session.scalars(select(ReviewRow).order_by(ReviewRow.scheduled_at)))
            counts = {review_id: (done or 0, total, overdue or 0)
                      for review_id, done, total, overdue in session.execute(
                          select(PrepTaskRow.review_id,
                                 func.sum(case((PrepTaskRow.done_at.is_not(None), 1))),
                                 func.count(),
                                 func.sum(case(((PrepTaskRow.done_at.is_(None))
                                                & (PrepTaskRow.due_date < today), 1))))
                          .group_by(PrepTaskRow.review_id))}
            last_held: dict[int, date] = {}
            next_planned: dict[int, ReviewRow] = {}
            for review in reviews:
                at = as_utc(review.scheduled_at)
                if review.status == ReviewStatus.HELD.value or (
                        review.status == ReviewStatus.PLANNED.value and at < now):
                    last_held[review.account_id] = at.date()
                elif review.status == ReviewStatus.PLANNED.value:
                    next_planned.setdefault(review.account_id, review)
            rows = []
            for account_id, account in accounts.items():
                tier = effective_tier(account.arr, account.tier_override, scheme)
                planned = next_planned.get(account_id)
                status = cadence_status(tier, last_held.get(account_id),
                                        as_utc(planned.scheduled_at).date() if planned else None,
                                        today)
                in_window = planned is not None and as_utc(planned.scheduled_at) <= horizon
                if not in_window and not status.needs_attention:
                    continue
                # A review planned past the window but listed for its cadence (planned too
                # late) is still planned: the row shows it, as its cadence reason does.
                done, total, overdue = counts.get(planned.id, (0, 0, 0)) if planned \
                    else (0, 0, 0)
                rows.append(UpcomingReview(
                    account_id=account_id, account_name=account.name, tier=tier,
                    review_id=planned.id if planned else None,
                    meeting_at=as_utc(planned.scheduled_at) if planned else None,
                    time_zone=planned.time_zone if planned else None, tasks_done=done,
                    tasks_total=total, overdue_tasks=overdue,
                    cadence_state=status.state.value, cadence_words=status.words,
                    in_window=in_window))
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(rows, key=lambda r: (r.meeting_at or far, r.account_name.casefold()))

    # Internals -------------------------------------------------------------------------
    def _today(self, zone_name: str) -> date:
        return self._clock().astimezone(ZoneInfo(zone_name)).date()

    def _create_tasks(self, session: Session, review: ReviewRow, playbook: Playbook,
                      day: date) -> tuple[str, ...]:
        dated = schedule(playbook, day, WorkCalendar(read_holidays(session)),
                         self._today(review.time_zone))
        session.execute(insert(PrepTaskRow), _task_values(review.id, dated, self._clock()))
        session.refresh(review)
        return _note_texts(dated.notes)

    def _playbook(self, session: Session, account: AccountRow, name: str | None) -> Playbook:
        """The playbook chosen (or the tier's), its tasks worded in the account's language
        where the playbook file gives them in it."""
        if name:
            return self.library.get(name).in_language(account.language)
        tier = effective_tier(account.arr, account.tier_override, read_tier_scheme(session))
        return self.library.for_tier(tier).in_language(account.language)

    def _read(self, session: Session, review_id: int) -> ReviewPlan:
        review = review_row(session, review_id)
        account = review.account
        tier = effective_tier(account.arr, account.tier_override, read_tier_scheme(session))
        meeting_at = as_utc(review.scheduled_at).astimezone(UTC)
        meeting_day = meeting_at.astimezone(ZoneInfo(review.time_zone)).date()
        warning = day_off_warning(meeting_day, WorkCalendar(read_holidays(session)))
        tasks = tuple(PlanTask(
            id=t.id, key=t.key, phase=Phase(t.phase), title=t.title, description=t.description,
            owner=OwnerRole(t.owner), outputs=tuple(json.loads(t.outputs or "[]")),
            feature=t.feature, offset=t.offset_days, due=t.due_date, done_at=t.done_at,
            position=t.position, updated_at=t.updated_at) for t in review.tasks)
        return ReviewPlan(
            review_id=review.id, account_id=account.id, account_name=account.name, tier=tier,
            meeting_at=meeting_at, time_zone=review.time_zone,
            duration_minutes=review.duration_minutes, status=ReviewStatus(review.status),
            playbook=review.playbook, executives_confirmed=review.executives_confirmed,
            tasks=tasks, today=self._today(review.time_zone), updated_at=review.updated_at,
            warnings=(warning,) if warning else (), language=account.language)


def _note_texts(notes: Sequence[ScheduleNote]) -> tuple[str, ...]:
    # The day-off note repeats what every read of the plan warns about.
    return tuple(note.text for note in notes if not note.day_off)


def _task_values(review_id: int, dated: SchedulePlan, now: datetime) -> list[dict[str, object]]:
    return [{
        "review_id": review_id, "key": scheduled.task.key, "phase": scheduled.task.phase.value,
        "title": scheduled.task.title, "description": scheduled.task.description,
        "owner": scheduled.task.owner.value,
        "outputs": json.dumps(list(scheduled.task.outputs), ensure_ascii=False),
        "feature": scheduled.task.feature.value if scheduled.task.feature else None,
        "offset_days": scheduled.task.offset, "due_date": scheduled.due, "position": position,
        "created_at": now, "updated_at": now,
    } for position, scheduled in enumerate(dated.tasks)]


def user_playbook_folder() -> Path:
    """Where a CSM puts playbooks of their own (*.toml): beside their portfolios."""
    return user_data_folder() / "playbooks"


def _clean_title(title: str) -> str:
    cleaned = " ".join("".join(c if c.isprintable() else " " for c in title).split())
    if not cleaned:
        raise PlanError("A task needs a title")
    return cleaned


def _task(session: Session, task_id: int) -> PrepTaskRow:
    row = session.get(PrepTaskRow, task_id)
    if row is None:
        raise NotFoundError(msg("No task with id {task_id} (it may have been removed)",
                                task_id=task_id))
    return row


_TASK_WORDS = {"due": N_("due date")}


def _task_fields(row: PrepTaskRow) -> dict[str, object]:
    return {"title": row.title, "description": row.description, "owner": OwnerRole(row.owner),
            "phase": Phase(row.phase), "due": row.due_date}


def _given(changes: TaskChanges) -> dict[str, object]:
    return {name: value for name, value in values_of(changes).items() if value is not None}


def _task_edit(session: Session, row: PrepTaskRow) -> RowEdit:
    return RowEdit(session, "prep_task", row.id, row_by=row.updated_by, row_at=row.updated_at,
                   labels=_TASK_WORDS, merged=("description",), subject=msg("the task “{title}”",
                                                                 title=row.title))


def _review_edit(session: Session, review: ReviewRow) -> RowEdit:
    return RowEdit(session, "review", review.id, row_by=review.updated_by,
                   row_at=review.updated_at, labels={"scheduled_at": N_("meeting time")},
                   subject=msg("the review with {account}", account=review.account.name))
