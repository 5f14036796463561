"""A review's plan as a calendar file the CSM imports into Outlook, Google or Apple Calendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from qbr_desktop import APP_NAME, __version__
from qbr_desktop.exports.ics import (
    CalendarMeeting,
    CalendarTask,
    TaskForm,
    calendar_bytes,
    write_calendar,
)
from qbr_desktop.services.plan_views import ReviewPlan
from qbr_desktop.services.rows import as_utc

# Ids stay the same across exports of the same review, so a re-import updates events.
UID_DOMAIN = "qbr-desktop.invalid"
# SEQUENCE must grow whenever an event changes: seconds since this moment do.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def _sequence(changed: datetime) -> int:
    moment = changed if changed.tzinfo else changed.replace(tzinfo=UTC)
    return max(0, int((moment - SEQUENCE_EPOCH).total_seconds()))


def plan_calendar(plan: ReviewPlan, now: datetime) -> bytes:
    title = f"QBR: {plan.account_name}"
    description = (f"Quarterly Business Review with {plan.account_name} ({plan.tier}). "
                   f"Prepared with the {plan.playbook or 'custom'} playbook: "
                   f"{plan.done_count} of {len(plan.tasks)} preparation tasks done.")
    meeting = CalendarMeeting(
        uid=f"review-{plan.review_id}@{UID_DOMAIN}", title=title, description=description,
        location="", start=plan.meeting_at, duration=timedelta(minutes=plan.duration_minutes),
        time_zone=plan.time_zone, sequence=_sequence(plan.updated_at),
        last_modified=as_utc(plan.updated_at))
    tasks = [CalendarTask(
        uid=f"review-{plan.review_id}-task-{task.id}@{UID_DOMAIN}",
        title=f"{task.title} ({plan.account_name})", description=task.description,
        due=task.due, owner=task.owner.value,
        sequence=_sequence(task.updated_at), last_modified=as_utc(task.updated_at),
        completed_at=as_utc(task.done_at) if task.done_at else None)
        for task in plan.tasks]
    return calendar_bytes(meeting, tasks, product_id=f"-//{APP_NAME}//{__version__}//EN",
                          now=now, task_form=TaskForm.EVENT)


def export_plan_calendar(plan: ReviewPlan, path: Path, now: datetime) -> Path:
    write_calendar(path, plan_calendar(plan, now))
    return path


