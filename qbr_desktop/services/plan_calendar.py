"""A review's plan as a calendar file: for the CSM's own calendar, or for the attendees.

Calendars keep an event by its UID and take an update only when its SEQUENCE is above the
one they hold. So every UID carries the portfolio's random id (two portfolios both have a
review 28), and each event's SEQUENCE is stored in `calendar_event` beside the fingerprint
of what was last exported: it grows by one when the content changed and stays put when it
did not, whatever the clock says. The number is committed before the file is written: a
failed write leaves a gap in the numbers, never a number used twice for two contents.

The attendees' copy updates the same event as the CSM's (same UID, same SEQUENCE), so the
meeting's fingerprint covers both copies' text. It is built from the audience boundary's
AttendeeInvite alone (domain.audience.calendar), which holds nothing internal: no tier,
playbook, progress or tasks.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from time import sleep
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop import APP_NAME, __version__
from qbr_desktop.domain.audience.calendar import AttendeeInvite, attendee_invite
from qbr_desktop.exports.ics import (
    CalendarMeeting,
    CalendarTask,
    TaskForm,
    calendar_bytes,
    fingerprints,
    write_calendar,
)
from qbr_desktop.services.plan_views import ReviewPlan
from qbr_desktop.services.rows import as_utc
from qbr_desktop.services.settings import portfolio_id
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import CalendarEventRow

UID_DOMAIN = "qbr-desktop.invalid"
PRODUCT_ID = f"-//{APP_NAME}//{__version__}//EN"
TITLE = "QBR: {account}"
MY_DESCRIPTION = ("Quarterly Business Review with {account} ({tier}). Prepared with the "
                  "{playbook} playbook: {done} of {total} preparation tasks done.")
# Another writer (a second window, the CLI) may take the same new UIDs or the same rows
# at once; the loser of that race starts again on what the winner stored. SQLite refuses
# at once, without waiting, a reader that wants to write while another writes (waiting
# could deadlock), so the loser pauses before it tries again: 50, 100, 200, 400 ms.
ATTEMPTS = 5
RETRY_PAUSE_SECONDS = 0.05
_IN_CLAUSE = 500  # under every database's bound-parameter limit
# Events are built before their stored SEQUENCE and LAST-MODIFIED are known.
_NOT_YET = datetime(1970, 1, 1, tzinfo=UTC)
Clock = Callable[[], datetime]
Event = TypeVar("Event", CalendarMeeting, CalendarTask)


def _now() -> datetime:
    return datetime.now(UTC)


class CalendarCopy(StrEnum):
    ME = "me"  # the CSM's own calendar: tier, playbook, progress, and the tasks
    ATTENDEES = "attendees"  # the invitation: customer-safe text, the meeting only


@dataclass(frozen=True, slots=True)
class CalendarExport:
    path: Path
    tasks: int  # how many tasks the file holds
    warnings: tuple[str, ...]  # e.g. the meeting falls on a holiday: written all the same


def invite_for(plan: ReviewPlan) -> AttendeeInvite:
    """The attendees' copy, made by the audience boundary from the plan's public facts."""
    return attendee_invite(plan.account_name, plan.meeting_at, plan.duration_minutes,
                           plan.time_zone, plan.language)


class CalendarService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _now) -> None:
        self._sessions = sessions
        self._clock = clock
        # Two exports in one process wait for each other instead of racing to a retry.
        self._lock = threading.Lock()

    def export(self, plan: ReviewPlan, path: Path, *, audience: CalendarCopy = CalendarCopy.ME,
               tasks: TaskForm | None = TaskForm.TODO) -> CalendarExport:
        """Write the calendar file; `tasks` None leaves the tasks out (attendees get none)."""
        data, count = self.calendar(plan, audience=audience, tasks=tasks)
        write_calendar(path, data)
        return CalendarExport(path, count, plan.warnings)

    def calendar(self, plan: ReviewPlan, *, audience: CalendarCopy = CalendarCopy.ME,
                 tasks: TaskForm | None = TaskForm.TODO) -> tuple[bytes, int]:
        """The file's bytes and how many tasks it holds; stores each event's SEQUENCE."""
        form = None if audience is CalendarCopy.ATTENDEES else tasks
        now = self._clock()
        with self._lock:
            for attempt in range(ATTEMPTS):
                try:
                    with session_scope(self._sessions) as session:
                        meeting, task_events, prints = _events(plan, portfolio_id(session),
                                                               audience, form)
                        stored = _advance(session, prints, now)
                    break
                except (IntegrityError, OperationalError):
                    if attempt == ATTEMPTS - 1:
                        raise
                    sleep(RETRY_PAUSE_SECONDS * 2 ** attempt)
        meeting = _stored(meeting, stored)
        task_events = [_stored(task, stored) for task in task_events]
        data = calendar_bytes(meeting, task_events, product_id=PRODUCT_ID, now=now,
                              task_form=form or TaskForm.TODO)
        return data, len(task_events)


def _events(plan: ReviewPlan, portfolio: str, audience: CalendarCopy, form: TaskForm | None
            ) -> tuple[CalendarMeeting, list[CalendarTask], dict[str, str]]:
    """The meeting and tasks to write, before their stored numbers are known, and the
    fingerprints to store."""
    uid = f"review-{plan.review_id}-{portfolio}@{UID_DOMAIN}"
    mine = _my_meeting(plan, uid)
    theirs = _attendee_meeting(invite_for(plan), uid)
    both = hashlib.sha256("".join(
        fingerprints(meeting, [])[uid] for meeting in (mine, theirs)).encode()).hexdigest()
    prints = {uid: both}
    if form is None:
        return (theirs if audience is CalendarCopy.ATTENDEES else mine), [], prints
    # A VTODO and an all-day VEVENT are different objects to a calendar: separate UIDs.
    kind = "task" if form is TaskForm.TODO else "task-day"
    tasks = [CalendarTask(
        uid=f"review-{plan.review_id}-{kind}-{task.id}-{portfolio}@{UID_DOMAIN}",
        title=f"{task.title} ({plan.account_name})", description=task.description,
        due=task.due, owner=task.owner.value, sequence=0, last_modified=_NOT_YET,
        completed_at=as_utc(task.done_at) if task.done_at else None) for task in plan.tasks]
    task_prints = fingerprints(mine, tasks, task_form=form)
    prints.update((task.uid, task_prints[task.uid]) for task in tasks)
    return mine, tasks, prints


def _my_meeting(plan: ReviewPlan, uid: str) -> CalendarMeeting:
    description = MY_DESCRIPTION.format(
        account=plan.account_name, tier=plan.tier, playbook=plan.playbook or "custom",
        done=plan.done_count, total=len(plan.tasks))
    return CalendarMeeting(
        uid=uid, title=TITLE.format(account=plan.account_name), description=description,
        location="", start=plan.meeting_at, duration=timedelta(minutes=plan.duration_minutes),
        time_zone=plan.time_zone, sequence=0, last_modified=_NOT_YET)


def _attendee_meeting(invite: AttendeeInvite, uid: str) -> CalendarMeeting:
    return CalendarMeeting(
        uid=uid, title=invite.title, description=invite.description, location="",
        start=invite.start, duration=invite.duration, time_zone=invite.time_zone,
        sequence=0, last_modified=_NOT_YET, language=invite.language)


def _advance(session: Session, prints: Mapping[str, str], now: datetime
             ) -> dict[str, tuple[int, datetime]]:
    """{uid: (SEQUENCE, when its content last changed)}, raised where the content changed.

    Rows are read FOR UPDATE (PostgreSQL locks them; SQLite has one writer anyway), so two
    exports at once cannot both raise a number from the same stored value.
    """
    uids = list(prints)
    rows: dict[str, CalendarEventRow] = {}
    for start in range(0, len(uids), _IN_CLAUSE):
        rows.update((row.uid, row) for row in session.scalars(
            select(CalendarEventRow)
            .where(CalendarEventRow.uid.in_(uids[start:start + _IN_CLAUSE]))
            .with_for_update()))
    result = {}
    for uid, fingerprint in prints.items():
        row = rows.get(uid)
        if row is None:
            row = CalendarEventRow(uid=uid, sequence=0, fingerprint=fingerprint,
                                   updated_at=now)
            session.add(row)
        elif row.fingerprint != fingerprint:
            row.sequence += 1
            row.fingerprint = fingerprint
            # A clock set back must not make LAST-MODIFIED go back with it.
            row.updated_at = max(now, as_utc(row.updated_at))
        result[uid] = (row.sequence, as_utc(row.updated_at))
    session.flush()
    return result


def _stored(event: Event, stored: Mapping[str, tuple[int, datetime]]) -> Event:
    sequence, changed = stored[event.uid]
    return replace(event, sequence=sequence, last_modified=changed)
