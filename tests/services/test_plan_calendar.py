"""CalendarService on real files: each event's SEQUENCE is stored and only grows, every UID
carries the portfolio's id, and the attendees' copy is the same event with text fit for the
customer. Every file is read back with icalendar and vobject (tests/calendar_support.py)."""

from __future__ import annotations

import re
import threading
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from calendar_support import Item, both
from sqlalchemy import select

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.tiers import SCHEMES
from qbr_desktop.exports.ics import TaskForm
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.plan_calendar import CalendarCopy, CalendarService
from qbr_desktop.services.plan_views import ReviewPlan
from qbr_desktop.services.plans import PlanService, TaskChanges
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import CalendarEventRow

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MEETING_DAY = date(2027, 1, 19)  # a Tuesday
ACME = "Acme 株式会社"


class Clock:
    """A clock the test sets, forwards or backwards."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def plans(context: Any, clock: Clock) -> PlanService:
    return PlanService(context.store.sessions, clock=clock)


@pytest.fixture
def calendars(context: Any, clock: Clock) -> CalendarService:
    return CalendarService(context.store.sessions, clock=clock)


def schedule(context: Any, plans: PlanService, name: str = ACME) -> ReviewPlan:
    account = context.accounts.create(AccountDraft(name=name, arr=Decimal("120000")))
    return plans.schedule(account.id, MEETING_DAY, time(9, 30), time_zone="Europe/Berlin")


def read(calendars: CalendarService, plan: ReviewPlan, **options: Any) -> list[Item]:
    data, _count = calendars.calendar(plan, **options)
    return [ours for ours, _theirs in both(data)]


def numbers(calendars: CalendarService, plan: ReviewPlan, **options: Any) -> list[int]:
    """SEQUENCE of the meeting, then of each task, in file order."""
    return [item.sequence for item in read(calendars, plan, **options)]


def test_a_first_export_starts_at_zero_and_a_repeat_changes_nothing(
        context: Any, plans: PlanService, calendars: CalendarService, clock: Clock) -> None:
    plan = schedule(context, plans)
    first, count = calendars.calendar(plan)
    assert count == 21
    assert {item.sequence for item in read(calendars, plan)} == {0}
    clock.now += timedelta(days=3)
    again, _count = calendars.calendar(plans.plan(plan.review_id))

    def without_stamps(data: bytes) -> bytes:
        return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z\r\n", b"", data)

    assert first != again  # DTSTAMP says when each file was made
    assert without_stamps(first) == without_stamps(again)


def test_a_reschedule_raises_the_meeting_and_the_tasks_it_moved(
        context: Any, plans: PlanService, calendars: CalendarService) -> None:
    plan = schedule(context, plans)
    assert set(numbers(calendars, plan)) == {0}
    moved = plans.move(plan.review_id, datetime(2027, 1, 26, 9, 30, tzinfo=NOW.tzinfo))
    after = numbers(calendars, moved)
    # Every task names the meeting's day, so all of them changed with it.
    assert after == [1] * 22
    assert numbers(calendars, plans.plan(plan.review_id)) == after
    moved_again = plans.move(plan.review_id, datetime(2027, 2, 2, 9, 30, tzinfo=NOW.tzinfo))
    assert numbers(calendars, moved_again) == [2] * 22


def test_a_task_change_raises_that_task_and_the_meeting_that_counts_it(
        context: Any, plans: PlanService, calendars: CalendarService) -> None:
    plan = schedule(context, plans)
    numbers(calendars, plan)
    first, second = plan.tasks[0].id, plan.tasks[1].id
    plans.set_done(first, True)
    after = numbers(calendars, plans.plan(plan.review_id))
    assert after[:3] == [1, 1, 0]  # the meeting's text counts the tasks done
    assert set(after[3:]) == {0}
    plans.update_task(second, TaskChanges(title="Ask the champion about 2027 budget"))
    assert numbers(calendars, plans.plan(plan.review_id))[:3] == [1, 1, 1]
    statuses = [i.status for i in read(calendars, plans.plan(plan.review_id))[1:]]
    assert statuses == ["COMPLETED"] + ["NEEDS-ACTION"] * 20


def test_the_sequence_never_falls_even_when_the_clock_goes_back(
        context: Any, plans: PlanService, calendars: CalendarService, clock: Clock) -> None:
    plan = schedule(context, plans)
    clock.now = NOW + timedelta(days=10)
    first = read(calendars, plans.plan(plan.review_id))[0]
    clock.now = NOW - timedelta(days=30)  # a machine whose clock was set back
    moved = plans.move(plan.review_id, datetime(2027, 1, 20, 9, 30, tzinfo=UTC))
    second = read(calendars, moved)[0]
    assert second.sequence == first.sequence + 1
    clock.now -= timedelta(days=400)
    plans.set_done(plan.tasks[0].id, True)
    third = read(calendars, plans.plan(plan.review_id))[0]
    assert third.sequence == second.sequence + 1
    with session_scope(context.store.sessions) as session:
        stored = session.get(CalendarEventRow, first.uid)
        assert stored is not None and stored.sequence == third.sequence
        # LAST-MODIFIED does not go back with the clock either.
        assert stored.updated_at == NOW + timedelta(days=10)


def test_the_attendees_copy_is_the_same_event_with_customer_safe_text(
        context: Any, plans: PlanService, calendars: CalendarService) -> None:
    plan = schedule(context, plans)
    (mine, *tasks) = read(calendars, plan)
    data, count = calendars.calendar(plan, audience=CalendarCopy.ATTENDEES,
                                     tasks=TaskForm.EVENT)
    (theirs,) = (ours for ours, _theirs in both(data))
    assert count == 0 and len(tasks) == 21
    assert (theirs.uid, theirs.sequence, theirs.start) == (mine.uid, mine.sequence, mine.start)
    assert theirs.summary == mine.summary == f"QBR: {ACME}"
    assert theirs.description == (f"Quarterly business review with {ACME}.\n\n"
                                  "Local time: 2027-01-19 09:30–10:30 (Europe/Berlin)")
    text = data.replace(b"\r\n ", b"").decode("utf-8")
    internal = {tier for scheme in SCHEMES.values() for tier in scheme.tiers}
    internal |= {"playbook", "Playbook", "preparation", "tasks done", "VTODO", "Prep:"}
    internal |= {task.title for task in plan.tasks}
    assert [word for word in internal if word in text] == []
    # Exporting either copy again does not count as a change of the other.
    assert numbers(calendars, plan)[0] == 0
    assert numbers(calendars, plan, audience=CalendarCopy.ATTENDEES) == [0]
    plans.set_done(plan.tasks[0].id, True)  # the CSM's copy changes: the event moves on
    assert numbers(calendars, plans.plan(plan.review_id), audience=CalendarCopy.ATTENDEES) == [1]
    assert numbers(calendars, plans.plan(plan.review_id))[0] == 1


def test_uids_carry_the_portfolio_id_so_two_portfolios_never_meet(
        context: Any, plans: PlanService, calendars: CalendarService, tmp_path: Path) -> None:
    plan = schedule(context, plans)
    portfolio = context.settings.portfolio_id()
    mine = read(calendars, plan)
    assert mine[0].uid == f"review-{plan.review_id}-{portfolio}@qbr-desktop.invalid"
    assert all(portfolio in item.uid for item in mine)
    other = AppContext.open(DatabaseTarget(path=tmp_path / "other" / "portfolio.sqlite"))
    try:
        other_plan = schedule(other, PlanService(other.store.sessions, clock=lambda: NOW))
        assert other_plan.review_id == plan.review_id  # both have a review 1
        theirs = read(CalendarService(other.store.sessions, clock=lambda: NOW), other_plan)
    finally:
        other.close()
    assert not {item.uid for item in mine} & {item.uid for item in theirs}
    assert [item.related_to for item in mine[1:]] == [mine[0].uid] * 21


def test_each_task_form_has_its_own_uids_and_numbers(
        context: Any, plans: PlanService, calendars: CalendarService) -> None:
    plan = schedule(context, plans)
    todos = read(calendars, plan, tasks=TaskForm.TODO)
    days = read(calendars, plan, tasks=TaskForm.EVENT)
    assert todos[0].uid == days[0].uid
    assert not {i.uid for i in todos[1:]} & {i.uid for i in days[1:]}
    assert {i.kind for i in todos[1:]} == {"VTODO"} and {i.kind for i in days[1:]} == {"VEVENT"}
    assert [i.sequence for i in read(calendars, plan, tasks=None)] == [0]
    assert {i.sequence for i in read(calendars, plan, tasks=TaskForm.EVENT)} == {0}


def test_exports_at_once_agree_on_one_number(context: Any, plans: PlanService,
                                             tmp_path: Path) -> None:
    """Two windows (two engines on one file) and their threads export together."""
    plan = schedule(context, plans)
    second = AppContext.open(context.target)
    try:
        services = [CalendarService(context.store.sessions, clock=lambda: NOW),
                    CalendarService(second.store.sessions, clock=lambda: NOW)]
        found: list[list[int]] = []
        failures: list[BaseException] = []

        def export(service: CalendarService, current: ReviewPlan) -> None:
            try:
                found.append(numbers(service, current))
            except BaseException as exc:  # noqa: BLE001 - reported by the assert below
                failures.append(exc)

        for expected, current in ((0, plan), (1, plans.move(
                plan.review_id, datetime(2027, 1, 21, 9, 30, tzinfo=UTC)))):
            found.clear()
            workers = [threading.Thread(target=export, args=(services[n % 2], current))
                       for n in range(6)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join(timeout=60)
            assert failures == []
            assert found == [[expected] * 22] * 6
    finally:
        second.close()


def test_a_failed_write_uses_no_number_twice(context: Any, plans: PlanService,
                                            calendars: CalendarService,
                                            tmp_path: Path) -> None:
    plan = schedule(context, plans)
    calendars.export(plan, tmp_path / "first.ics")
    moved = plans.move(plan.review_id, datetime(2027, 1, 26, 9, 30, tzinfo=UTC))
    with pytest.raises(OSError):
        calendars.export(moved, tmp_path / "missing" / "folder" / "moved.ics")
    written = calendars.export(moved, tmp_path / "moved.ics")
    assert written.tasks == 21 and written.warnings == ()
    (meeting, *_tasks) = (ours for ours, _theirs in both(written.path.read_bytes()))
    assert meeting.sequence == 1  # the number the failed write took, for the same content


def test_an_export_warns_about_a_meeting_on_a_day_off_and_still_writes(
        context: Any, plans: PlanService, calendars: CalendarService, tmp_path: Path) -> None:
    plan = schedule(context, plans)
    plans.set_holidays([MEETING_DAY])
    written = calendars.export(plans.plan(plan.review_id), tmp_path / "acme.ics")
    assert written.warnings == ("The meeting on Tuesday 2027-01-19 falls on a holiday.",)
    assert written.path.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_hostile_names_and_task_text_survive_every_variant(
        context: Any, plans: PlanService, calendars: CalendarService) -> None:
    name = ("Ünïcødé 株式会社 شركة الأمل 🚀👩🏽‍💻 <b>R&D</b>; a,b \\ " * 30)[:1000].strip()
    plan = schedule(context, plans, name=name)
    long_title = ("季度 مراجعة 📈 <x>&amp; ;, " * 250)[:5000]
    plans.add_task(plan.review_id, long_title, MEETING_DAY - timedelta(days=2),
                   description="line one\r\nline two\x00\x07\x1b\ttabbed; a,b")
    plan = plans.plan(plan.review_id)
    for options in ({"tasks": TaskForm.TODO}, {"tasks": TaskForm.EVENT},
                    {"audience": CalendarCopy.ATTENDEES}):
        items = read(calendars, plan, **options)
        assert items[0].summary == f"QBR: {name}"
        if options.get("audience") is CalendarCopy.ATTENDEES:
            assert items[0].description.startswith(f"Quarterly business review with {name}.")
            continue
        mine = [i for i in items if long_title.strip() in i.summary]
        assert len(mine) == 1
        assert mine[0].summary.endswith(f"{long_title.strip()} ({name})")
        assert mine[0].description.endswith("line one\nline two tabbed; a,b")
    with session_scope(context.store.sessions) as session:
        uids = list(session.scalars(select(CalendarEventRow.uid)))
    assert all(re.fullmatch(r"review-\d+(-task(-day)?-\d+)?-[0-9a-f-]{36}@qbr-desktop\.invalid",
                            uid) for uid in uids)


def test_the_plan_service_exports_a_review_by_its_id_as_the_window_does(
        context: Any, plans: PlanService, tmp_path: Path) -> None:
    plan = schedule(context, plans)
    mine = plans.export_calendar(plan.review_id, tmp_path / "mine.ics",
                                 audience=CalendarCopy.ME, tasks=TaskForm.EVENT)
    assert (mine.tasks, mine.warnings) == (21, ())
    kinds = [ours.kind for ours, _theirs in both(mine.path.read_bytes())]
    assert kinds == ["VEVENT"] * 22
    theirs = plans.export_calendar(plan.review_id, tmp_path / "invite.ics",
                                   audience=CalendarCopy.ATTENDEES, tasks=TaskForm.TODO)
    items = [ours for ours, _theirs in both(theirs.path.read_bytes())]
    assert theirs.tasks == 0 and [i.kind for i in items] == ["VEVENT"]
    assert items[0].sequence == 0  # the same event as the CSM's copy, content unchanged
