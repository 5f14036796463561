"""PlanService on a real file: scheduling creates dated tasks, moving re-dates open ones,
edits are stored, the upcoming list and the process metrics read them back."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.playbooks import OwnerRole, Phase
from qbr_desktop.services.plans import PlanError, PlanService, TaskChanges
from qbr_desktop.store.errors import NotFoundError

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # a Tuesday
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def plans(context: Any) -> PlanService:
    return PlanService(context.store.sessions, clock=lambda: NOW)


def account(context: Any, name: str = "Acme 株式会社", arr: str = "120000") -> int:
    return int(context.accounts.create(AccountDraft(name=name, arr=Decimal(arr))).id)


def test_scheduling_picks_the_tier_playbook_and_counts_back_in_working_days(
        context: Any, plans: PlanService) -> None:
    plan = plans.schedule(account(context), date(2027, 1, 19), time(9, 30),
                          time_zone="Europe/Berlin")
    assert (plan.tier, plan.playbook, len(plan.tasks)) == ("Strategic", "Strategic", 21)
    assert plan.local_start == datetime(2027, 1, 19, 9, 30, tzinfo=BERLIN)
    assert plan.meeting_at == datetime(2027, 1, 19, 8, 30, tzinfo=UTC)
    by_key = {t.key: t for t in plan.tasks}
    # Tuesday 19 Jan: 3 working days back is Thursday 14 Jan, 15 back is Tuesday 29 Dec.
    assert by_key["champion-pre-call"].due == date(2027, 1, 14)
    assert by_key["send-invitation"].due == date(2026, 12, 29)
    assert by_key["send-recap"].due == date(2027, 1, 20)
    assert [t.position for t in plan.tasks] == list(range(21))
    assert plan.notes == ()


def test_holidays_are_skipped(context: Any, plans: PlanService) -> None:
    plans.set_holidays([date(2027, 1, 18), date(2027, 1, 15)])
    plan = plans.schedule(account(context), date(2027, 1, 19), time_zone="Europe/Berlin")
    assert {t.key: t.due for t in plan.tasks}["champion-pre-call"] == date(2027, 1, 12)
    assert plans.holidays() == frozenset({date(2027, 1, 18), date(2027, 1, 15)})


def test_a_meeting_on_a_day_off_is_warned_about_on_every_read(context: Any,
                                                              plans: PlanService) -> None:
    acme = account(context)
    plan = plans.schedule(acme, date(2027, 1, 19), time_zone="Europe/Berlin")
    assert plan.warnings == ()
    plans.set_holidays([date(2027, 1, 19)])  # declared after the meeting was planned
    assert plans.plan(plan.review_id).warnings == (
        "The meeting on Tuesday 2027-01-19 falls on a holiday.",)
    moved = plans.move(plan.review_id, datetime(2027, 1, 23, 10, 0, tzinfo=BERLIN))
    assert moved.warnings == ("The meeting on Saturday 2027-01-23 falls on a weekend day.",)
    assert not any("falls on" in note for note in moved.notes)  # said once, as a warning
    assert plans.move(plan.review_id, datetime(2027, 1, 25, 10, 0, tzinfo=BERLIN)
                      ).warnings == ()


def test_a_meeting_across_the_clock_change_ends_after_its_real_length(
        context: Any, plans: PlanService) -> None:
    # Berlin's clocks go forward at 02:00 on Sunday 28 March 2027.
    plan = plans.schedule(account(context), date(2027, 3, 28), time(1, 30),
                          time_zone="Europe/Berlin", duration_minutes=120)
    assert plan.local_end == datetime(2027, 3, 28, 4, 30, tzinfo=BERLIN)
    assert plan.local_end.utcoffset() == timedelta(hours=2)
    assert plan.local_end.astimezone(UTC) - plan.meeting_at == timedelta(hours=2)


def test_a_meeting_too_close_compresses_the_plan_and_says_so(context: Any,
                                                            plans: PlanService) -> None:
    plan = plans.schedule(account(context), date(2026, 12, 8), time_zone="Europe/Berlin")
    assert any("squeezed into 5" in note for note in plan.notes)
    assert min(t.due for t in plan.tasks) >= NOW.date()
    assert not plan.overdue


def test_a_past_meeting_is_allowed_and_shows_overdue_tasks(context: Any,
                                                          plans: PlanService) -> None:
    plan = plans.schedule(account(context), date(2026, 11, 2), time_zone="Europe/Berlin")
    assert plan.behind_schedule and len(plan.overdue) > 10
    assert any("has passed" in note for note in plan.notes)


def test_moving_the_meeting_re_dates_open_tasks_and_keeps_done_and_pinned_ones(
        context: Any, plans: PlanService) -> None:
    plan = plans.schedule(account(context), date(2027, 1, 19), time_zone="Europe/Berlin")
    tasks = {t.key: t for t in plan.tasks}
    plans.set_done(tasks["send-invitation"].id, True)
    plans.update_task(tasks["health-review"].id, TaskChanges(due=date(2027, 1, 4)))
    moved = plans.move(plan.review_id, datetime(2027, 1, 26, 9, 30, tzinfo=BERLIN))
    after = {t.key: t for t in moved.tasks}
    assert after["send-invitation"].due == tasks["send-invitation"].due  # done: kept
    assert after["send-invitation"].done
    assert after["health-review"].due == date(2027, 1, 4)  # pinned by hand: kept
    assert after["health-review"].offset is None
    assert after["champion-pre-call"].due == date(2027, 1, 21)  # followed the meeting
    assert moved.meeting_day == date(2027, 1, 26)


def test_tasks_can_be_added_edited_reassigned_reordered_and_removed(
        context: Any, plans: PlanService) -> None:
    plan = plans.schedule(account(context), date(2027, 1, 19), time_zone="Europe/Berlin")
    added = plans.add_task(plan.review_id, "Print <agenda> & name cards 🖨", date(2027, 1, 18),
                           owner=OwnerRole.ACCOUNT_EXECUTIVE)
    shown = plans.plan(plan.review_id)
    task = next(t for t in shown.tasks if t.id == added)
    assert (task.title, task.owner, task.key, task.offset) == (
        "Print <agenda> & name cards 🖨", OwnerRole.ACCOUNT_EXECUTIVE, None, None)
    assert task.phase is Phase.REFINEMENT_AND_LOGISTICS
    dues = [t.due for t in shown.tasks]
    assert shown.tasks.index(task) == next(i for i, d in enumerate(dues) if d > task.due) - 1
    plans.update_task(added, TaskChanges(title="Print the agenda", owner=OwnerRole.CSM))
    reversed_ids = [t.id for t in reversed(shown.tasks)]
    plans.reorder(plan.review_id, reversed_ids)
    assert [t.id for t in plans.plan(plan.review_id).tasks] == reversed_ids
    plans.remove_task(added)
    final = plans.plan(plan.review_id)
    assert added not in [t.id for t in final.tasks]
    assert [t.position for t in final.tasks] == list(range(len(final.tasks)))


def test_bad_requests_name_the_problem_and_change_nothing(context: Any,
                                                         plans: PlanService) -> None:
    acme = account(context)
    with pytest.raises(PlanError, match="not a time zone"):
        plans.schedule(acme, date(2027, 1, 19), time_zone="Mars/Olympus")
    with pytest.raises(NotFoundError):
        plans.schedule(9999, date(2027, 1, 19))
    plan = plans.schedule(acme, date(2027, 1, 19), time_zone="UTC")
    with pytest.raises(PlanError, match="needs a title"):
        plans.add_task(plan.review_id, " \x00 ", date(2027, 1, 5))
    with pytest.raises(PlanError, match="exactly once"):
        plans.reorder(plan.review_id, [plan.tasks[0].id])
    with pytest.raises(PlanError, match="already has a plan"):
        plans.plan_review(plan.review_id)
    assert plans.plan(plan.review_id).tasks == plan.tasks


def test_metrics_follow_the_work(context: Any, plans: PlanService) -> None:
    plan = plans.schedule(account(context), date(2027, 1, 19), time_zone="Europe/Berlin")
    metrics = {m.name: m.met for m in plan.metrics()}
    assert set(metrics.values()) == {None}  # nothing due yet, nothing missed
    for task in plan.tasks:
        if task.phase in (Phase.DATA_GATHERING, Phase.CONTENT_AND_STAKEHOLDERS) \
                or task.key == "champion-pre-call":
            plans.set_done(task.id, True)
    plans.set_executives_confirmed(plan.review_id, True)
    assert {m.name: m.met for m in plans.plan(plan.review_id).metrics()} == {
        "Preparation complete 3+ days ahead": True, "Champion pre-aligned": True,
        "Executive attendance confirmed": True}


def test_upcoming_lists_reviews_with_progress_and_slipping_cadences(
        context: Any, plans: PlanService) -> None:
    soon = account(context, "Soon GmbH")
    later = account(context, "Later Ltd")
    account(context, "Never reviewed", arr="50000")
    plan = plans.schedule(soon, date(2026, 12, 3), time_zone="UTC")  # compressed, due now
    plans.set_done(plan.tasks[0].id, True)
    plans.schedule(later, date(2027, 6, 1), time_zone="UTC")
    rows = plans.upcoming(90)
    names = [r.account_name for r in rows]
    assert names[0] == "Soon GmbH" and "Later Ltd" not in names
    first = rows[0]
    assert (first.tasks_done, first.tasks_total) == (1, 21)
    never = next(r for r in rows if r.account_name == "Never reviewed")
    assert never.review_id is None and never.cadence_state == "never reviewed"
    assert "Later Ltd" in [r.account_name for r in plans.upcoming(365)]
    with pytest.raises(PlanError):
        plans.upcoming(0)


def test_a_review_planned_too_late_is_listed_with_its_meeting_and_progress(
        context: Any, plans: PlanService) -> None:
    from qbr_desktop.domain.contacts import ReviewDraft, ReviewStatus

    late = account(context, "Late Ltd")  # Strategic: a review every 91 days at the least
    context.accounts.add_review(late, ReviewDraft(NOW - timedelta(days=60), "UTC",
                                                  status=ReviewStatus.HELD))
    plan = plans.schedule(late, date(2027, 4, 1), time_zone="Asia/Tokyo")
    plans.set_done(plan.tasks[0].id, True)
    row = next(r for r in plans.upcoming(90) if r.account_name == "Late Ltd")
    assert row.cadence_state == "planned late"
    assert (row.review_id, row.time_zone, row.in_window) == (plan.review_id, "Asia/Tokyo",
                                                            False)
    assert row.meeting_at == plan.meeting_at
    assert (row.tasks_done, row.tasks_total) == (1, len(plan.tasks))
    assert next(r for r in plans.upcoming(365) if r.account_name == "Late Ltd").in_window


def test_many_reviews_are_planned_at_once_and_planned_ones_are_left_alone(
        context: Any, plans: PlanService) -> None:
    from qbr_desktop.domain.contacts import ReviewDraft

    big, small = account(context, "Big"), account(context, "Small", arr="12000")
    meeting = datetime(2027, 2, 2, 10, 0, tzinfo=BERLIN)
    first = context.accounts.add_review(big, ReviewDraft(meeting, "Europe/Berlin"))
    second = context.accounts.add_review(small, ReviewDraft(meeting, "Europe/Berlin"))
    already = plans.schedule(big, date(2027, 3, 2), time_zone="Europe/Berlin")
    assert plans.plan_reviews([first, second, already.review_id, first]) == 2
    assert [len(plans.plan(r).tasks) for r in (first, second)] == [21, 8]
    assert plans.plan(second).playbook == "Core"
    assert plans.plan(already.review_id).tasks == already.tasks
    assert plans.plan_reviews([first]) == 0
