"""The demo portfolio's upcoming QBRs come with plans in every state a CSM meets."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from qbr_desktop.domain.playbooks import Phase
from qbr_desktop.services.demo_plans import demo_holidays
from qbr_desktop.services.plans import PlanService

TODAY = date(2026, 11, 23)


@pytest.fixture
def plans(demo_copy: Any) -> PlanService:
    context, summary = demo_copy(today=TODAY)
    assert summary.plans >= 10
    return PlanService(context.store.sessions,
                       clock=lambda: datetime.combine(TODAY, time(9), tzinfo=UTC))


def test_upcoming_plans_are_on_track_behind_and_complete(plans: PlanService) -> None:
    rows = [r for r in plans.upcoming(90) if r.review_id is not None and r.in_window]
    shown = [plans.plan(r.review_id) for r in rows if r.review_id is not None]
    started = [p for p in shown if p.done_count]
    behind = [p for p in shown if p.behind_schedule]
    complete = [p for p in shown if all(t.done for t in p.tasks
                                        if t.phase is not Phase.FOLLOW_UP)]
    on_track = [p for p in started if not p.behind_schedule and p not in complete]
    assert behind and complete and on_track
    assert all(p.executives_confirmed for p in complete)
    assert all(p.tasks and p.playbook for p in shown)
    assert {p.playbook for p in shown} == {"Strategic", "Growth", "Core"}


def test_demo_plans_skip_the_demo_holidays(plans: PlanService) -> None:
    holidays = plans.holidays()
    assert holidays == frozenset(demo_holidays(TODAY))
    for row in plans.upcoming(90):
        if row.review_id is not None:
            assert not {t.due for t in plans.plan(row.review_id).tasks
                        if t.offset not in (None, 0)} & holidays
