"""Demo accounts come with agendas, recorded meetings, notes and action items."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from qbr_desktop.domain.actions import EXECUTION_TARGET, ActionSide, ActionStatus
from qbr_desktop.domain.agenda import SectionOwner, template_for_tier
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.meeting_timer import EventKind, Phase
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.agendas import AgendaService
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import build_demo_portfolio
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import (
    AccountRow,
    ActionItemRow,
    AgendaRow,
    AgendaSectionRow,
    MeetingRunRow,
    ReviewRow,
)

TODAY = date(2026, 11, 23)
NOW = datetime.combine(TODAY, time(9), tzinfo=UTC)
CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff]")


@pytest.fixture
def demo(demo_copy: Any) -> Any:
    context, summary = demo_copy(seed=7, today=TODAY)
    assert summary.agendas > 0
    return context


def service(context: Any, clock: float = 1_000.0) -> AgendaService:
    # Another boot, a clock that reads nothing like the one the meetings were recorded on.
    return AgendaService(context.store.sessions, clock=lambda: clock, wall=lambda: NOW,
                         boot=lambda: "another-boot")


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def test_every_planned_review_has_an_agenda(demo: Any) -> None:
    with session_scope(demo.store.sessions) as session:
        upcoming = [r for r in session.scalars(select(ReviewRow).where(
            ReviewRow.status == ReviewStatus.PLANNED.value)) if aware(r.scheduled_at) >= NOW]
        with_agenda = set(session.scalars(select(AgendaRow.review_id)))
        assert upcoming
        assert all(r.id in with_agenda for r in upcoming)
        assert not session.scalars(select(MeetingRunRow.review_id).where(
            MeetingRunRow.review_id.in_([r.id for r in upcoming]))).all()
        accounts = {r.account_id for r in upcoming}
        scheme = read_tier_scheme(session)
        tiers = {a.id: effective_tier(a.arr, a.tier_override, scheme)
                 for a in session.scalars(select(AccountRow))}
    agendas = service(demo)
    customised = renamed = moved = customer_owned = 0
    for account_id in accounts:
        review_id = agendas.review_for(account_id)
        agenda = agendas.agenda(review_id).agenda
        template = template_for_tier(tiers[account_id])
        assert agenda.template == template.template
        assert agenda.total_minutes <= agenda.slot_minutes
        original = {s.key: s for s in template.sections}
        added = [s for s in agenda.sections if s.key not in original]
        renamed += any(s.key in original and s.title != original[s.key].title
                       for s in agenda.sections)
        moved += any(s.key in original and s.minutes != original[s.key].minutes
                     for s in agenda.sections) and not added
        customer_owned += any(s.owner is SectionOwner.CUSTOMER for s in added)
        customised += agenda != template
    assert 0 < customised < len(accounts), "some agendas customised, not all"
    assert renamed and moved and customer_owned


def test_held_meetings_replay_with_over_and_under_runs_and_notes(demo: Any) -> None:
    with session_scope(demo.store.sessions) as session:
        runs = list(session.scalars(select(MeetingRunRow)))
        held = {r.id: r.account_id for r in session.scalars(select(ReviewRow).where(
            ReviewRow.status == ReviewStatus.HELD.value))}
        assert all(run.finished_at is not None for run in runs)
        assert all(run.review_id in held for run in runs)
        notes = list(session.scalars(select(AgendaSectionRow.notes).where(
            AgendaSectionRow.review_id.in_([run.review_id for run in runs]))))
    assert any(CJK.search(text) for text in notes)
    assert any("<" in text or "&" in text for text in notes)
    good = 0
    paused = False
    for run in runs:
        meetings = [service(demo, clock).meeting(run.review_id) for clock in (1_000.0, 9e6)]
        first, second = (m.state for m in meetings)
        assert first.phase is Phase.FINISHED
        assert [s.actual for s in first.sections] == pytest.approx(
            [s.actual for s in second.sections])
        paused |= any(e.kind is EventKind.PAUSE for e in meetings[0].events)
        over = [s for s in first.sections if s.actual > s.planned + 1]
        under = [s for s in first.sections if s.actual < s.planned - 1]
        # The sections' time adds up to the meeting's, pauses excluded.
        assert sum(s.actual for s in first.sections) == pytest.approx(first.meeting_elapsed)
        started, finished = aware(run.started_at), aware(run.finished_at)  # type: ignore[arg-type]
        assert (finished - started).total_seconds() >= first.meeting_elapsed
        assert aware(run.started_at) < NOW  # type: ignore[arg-type]
        texts = meetings[0].agenda.notes
        if over and under and all(texts.values()):
            good += 1
    assert paused
    assert good >= 5


def test_action_items_cover_every_status_and_both_sides(demo: Any) -> None:
    with session_scope(demo.store.sessions) as session:
        items = [(a.status, a.side, a.due, a.account_id, a.owner)
                 for a in session.scalars(select(ActionItemRow))]
    assert {status for status, *_ in items} == {s.value for s in ActionStatus}
    assert {side for _, side, *_ in items} == {s.value for s in ActionSide}
    assert all(owner for *_, owner in items)
    active = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)
    assert any(s in active and due is not None and due < TODAY for s, _, due, *_ in items)
    assert any(s in active and due is not None and 0 <= (due - TODAY).days <= 14
               for s, _, due, *_ in items)
    agendas = service(demo)
    completions: list[Decimal] = []
    for account_id in sorted({account for *_, account, _ in items}):
        follow = agendas.follow_up(account_id)
        assert follow.completion is not None
        completions.append(follow.completion)
    assert any(c > EXECUTION_TARGET for c in completions)
    assert any(c < EXECUTION_TARGET for c in completions)
    assert any(agendas.follow_up(a).overdue for a in {account for *_, account, _ in items})


def snapshot(context: Any) -> list[Any]:
    with session_scope(context.store.sessions) as session:
        return [
            [(r.review_id, r.template, r.slot_minutes) for r in session.scalars(
                select(AgendaRow).order_by(AgendaRow.review_id))],
            [(r.review_id, r.key, r.position, r.title, r.minutes, r.owner, r.notes)
             for r in session.scalars(select(AgendaSectionRow).order_by(AgendaSectionRow.id))],
            [(r.review_id, r.events, r.started_at, r.finished_at) for r in session.scalars(
                select(MeetingRunRow).order_by(MeetingRunRow.review_id))],
            [(r.account_id, r.review_id, r.section, r.text, r.side, r.owner, r.due, r.status)
             for r in session.scalars(select(ActionItemRow).order_by(ActionItemRow.id))],
        ]


def test_the_same_seed_gives_the_same_meetings(demo: Any, tmp_path: Path) -> None:
    other = AppContext.open(DatabaseTarget(path=tmp_path / "again.sqlite"))
    try:
        build_demo_portfolio(other, seed=7, today=TODAY)
        assert snapshot(other) == snapshot(demo)
    finally:
        other.close()
