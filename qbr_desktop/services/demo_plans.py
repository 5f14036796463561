"""Preparation plans for the demo portfolio's upcoming reviews, in every state a CSM meets.

Plans are made through PlanService with the demo's own "today", so the dates, the
overdue flags and the metrics read the way they would on that day.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.playbooks import Phase
from qbr_desktop.services.plan_views import PlanTask, ReviewPlan
from qbr_desktop.services.plans import PlanService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import ReviewRow

PLAN_HORIZON_DAYS = 90  # the upcoming-QBRs window
PLANNED_DAYS_AGO = 35
# States cycled over reviews whose preparation has started: what the timeline shows.
STARTED_STATES = ("on track", "behind", "complete", "on track", "behind")


def demo_holidays(today: date) -> list[date]:
    """Year-end and New Year days around `today`: plans skip them like weekends."""
    years = (today.year, today.year + 1)
    return [date(y, m, d) for y in years for m, d in ((1, 1), (12, 24), (12, 25), (12, 26))
            if date(y, m, d) >= today - timedelta(days=30)]


def add_demo_plans(sessions: sessionmaker[Session], today: date) -> int:
    """Give every planned review in the next 90 days its plan; returns how many.

    Plans are made as if scheduled five weeks ago, so the near ones are under way with
    their full cycle; tasks are ticked off on their due dates.
    """
    now = datetime.combine(today, time(9), tzinfo=UTC)
    planned_at = now - timedelta(days=PLANNED_DAYS_AGO)
    moment = [planned_at]
    plans = PlanService(sessions, clock=lambda: moment[0])
    plans.set_holidays(demo_holidays(today))
    with session_scope(sessions) as session:
        review_ids = list(session.scalars(
            select(ReviewRow.id).where(
                ReviewRow.status == ReviewStatus.PLANNED.value,
                ReviewRow.scheduled_at >= now,
                ReviewRow.scheduled_at <= now + timedelta(days=PLAN_HORIZON_DAYS))
            .order_by(ReviewRow.scheduled_at)))
    plans.plan_reviews(review_ids)
    states = itertools.cycle(STARTED_STATES)
    for review_id in review_ids:
        plan = plans.plan(review_id)
        if any(task.due < today for task in plan.tasks):
            for task in _finished(plan, next(states), today):
                moment[0] = datetime.combine(min(task.due, today), time(16), tzinfo=UTC)
                plans.set_done(task.id, True)
            if plan.complete or all(t.done for t in plans.plan(review_id).tasks
                                    if t.phase is not Phase.FOLLOW_UP):
                plans.set_executives_confirmed(review_id, True)
    return len(review_ids)


def _finished(plan: ReviewPlan, state: str, today: date) -> list[PlanTask]:
    """The tasks to tick so the plan is on track, behind (two past-due tasks open) or
    complete (all preparation done ahead of time)."""
    past_due = [task for task in plan.tasks if task.due < today]
    if state == "complete":
        return [task for task in plan.tasks if task.phase is not Phase.FOLLOW_UP]
    if state == "behind":
        return past_due[:-2] if len(past_due) > 2 else past_due[:1]
    return past_due
