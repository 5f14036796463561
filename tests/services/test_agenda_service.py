"""AgendaService on a real SQLite file, with fake meeting and wall clocks and boot ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.actions import ActionItem, ActionSide, ActionStatus
from qbr_desktop.domain.agenda import (
    DIGITAL_30,
    EBR_90,
    QBR_60,
    RUN_SHEET_45,
    TEMPLATES,
    Agenda,
    AgendaSection,
)
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.meeting_timer import EventKind, Phase
from qbr_desktop.services.agendas import AgendaError, AgendaService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError
from qbr_desktop.store.models import ReviewRow

START_WALL = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


class Clocks:
    """A meeting clock and a wall clock that move together unless told otherwise."""

    def __init__(self, clock: float = 5_000.0, wall: datetime = START_WALL,
                 boot: str = "boot-a") -> None:
        self.clock, self.wall_now, self.boot_id = clock, wall, boot

    def advance(self, seconds: float) -> None:
        self.clock += seconds
        self.wall_now += timedelta(seconds=seconds)

    def service(self, context: Any) -> AgendaService:
        return AgendaService(context.store.sessions, clock=lambda: self.clock,
                             wall=lambda: self.wall_now, boot=lambda: self.boot_id)


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def agendas(context: Any, clocks: Clocks) -> AgendaService:
    return clocks.service(context)


def account(context: Any, name: str = "Acme 株式会社", arr: str = "120000") -> int:
    return int(context.accounts.create(AccountDraft(name=name, arr=Decimal(arr))).id)


def review(context: Any, account_id: int, day: date = date(2027, 1, 19)) -> int:
    return int(context.plans.schedule(account_id, day, time_zone="UTC").review_id)


def review_status(context: Any, review_id: int) -> str:
    with session_scope(context.store.sessions) as session:
        row = session.get(ReviewRow, review_id)
        assert row is not None
        return row.status


# Agendas ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("arr", "template"), [("120000", QBR_60), ("50000", RUN_SHEET_45),
                                               ("1000", DIGITAL_30)])
def test_the_first_agenda_comes_from_the_tiers_template(context: Any, agendas: AgendaService,
                                                        arr: str, template: str) -> None:
    rid = review(context, account(context, arr=arr))
    got = agendas.agenda(rid)
    assert got.agenda == TEMPLATES[template]
    assert got.review_id == rid and got.account_name == "Acme 株式会社"
    assert got.status is ReviewStatus.PLANNED
    assert got.notes == {s.key: "" for s in TEMPLATES[template].sections}


def test_the_agenda_is_created_once_and_kept(context: Any, agendas: AgendaService) -> None:
    rid = review(context, account(context))
    first = agendas.agenda(rid).agenda
    edited = replace(first, slot_minutes=75, sections=first.sections[:3])
    agendas.save_agenda(rid, edited)
    assert agendas.agenda(rid).agenda == edited
    assert agendas.agenda(rid).agenda == edited  # not re-created from the template


def test_save_keeps_notes_by_key_when_reordered_and_drops_removed_ones(
        context: Any, agendas: AgendaService) -> None:
    rid = review(context, account(context))
    agenda = agendas.agenda(rid).agenda
    agendas.set_note(rid, "value-review", "ROI 3.2× — 請求書")
    agendas.set_note(rid, "close", "Next QBR in April")
    reordered = replace(agenda, sections=tuple(reversed(agenda.sections[:-1])))
    saved = agendas.save_agenda(rid, reordered)
    assert [s.key for s in saved.agenda.sections] == [
        "action-planning", "strategic-discussion", "value-review", "business-context",
        "opening"]
    assert saved.notes["value-review"] == "ROI 3.2× — 請求書"
    assert "close" not in saved.notes
    with pytest.raises(NotFoundError):
        agendas.set_note(rid, "close", "again")
    # A section added back under the old key starts with no notes.
    back = agendas.save_agenda(rid, replace(reordered, sections=reordered.sections + (
        AgendaSection("close", "Close", 2),)))
    assert back.notes["close"] == ""
    assert agendas.agenda(rid).notes["value-review"] == "ROI 3.2× — 請求書"


def test_save_refuses_an_invalid_agenda_and_keeps_the_old_one(
        context: Any, agendas: AgendaService) -> None:
    rid = review(context, account(context))
    before = agendas.agenda(rid).agenda
    with pytest.raises(ValidationFailed):
        agendas.save_agenda(rid, Agenda("x", 0, (AgendaSection("a", "", -1),)))
    assert agendas.agenda(rid).agenda == before


def test_use_template(context: Any, agendas: AgendaService) -> None:
    rid = review(context, account(context))
    agendas.agenda(rid)
    agendas.set_note(rid, "opening", "Introduce the new VP")
    got = agendas.use_template(rid, EBR_90)
    assert got.agenda == TEMPLATES[EBR_90]
    assert got.notes["opening"] == "Introduce the new VP"  # the same key in both templates
    with pytest.raises(AgendaError) as caught:
        agendas.use_template(rid, "Two-hour marathon")
    message = str(caught.value)
    assert "Two-hour marathon" in message
    assert all(name in message for name in TEMPLATES)


def test_set_note_on_an_unknown_section(context: Any, agendas: AgendaService) -> None:
    rid = review(context, account(context))
    agendas.agenda(rid)
    agendas.set_note(rid, "opening", "first")
    agendas.set_note(rid, "opening", "second")
    assert agendas.agenda(rid).notes["opening"] == "second"
    with pytest.raises(NotFoundError):
        agendas.set_note(rid, "nope", "x")


def test_forward_target_setting(agendas: AgendaService) -> None:
    assert agendas.forward_target() == Decimal("0.60")
    agendas.set_forward_target(Decimal("0.70"))
    assert agendas.forward_target() == Decimal("0.70")
    with pytest.raises(AgendaError):
        agendas.set_forward_target(Decimal("0.5"))
    assert agendas.forward_target() == Decimal("0.70")
    agendas.set_forward_target(Decimal("0.60"))
    assert agendas.forward_target() == Decimal("0.60")


# The meeting -----------------------------------------------------------------------------

def test_meeting_controls_through_the_service(context: Any, clocks: Clocks,
                                              agendas: AgendaService) -> None:
    rid = review(context, account(context))
    assert agendas.meeting(rid).state.phase is Phase.NOT_STARTED
    assert agendas.running_meetings() == []
    started = agendas.start(rid)
    assert started.state.phase is Phase.RUNNING
    assert [e.kind for e in started.events] == [EventKind.START]
    assert agendas.running_meetings() == [rid]
    clocks.advance(240)
    state = agendas.step(rid, 1).state
    assert state.index == 1 and state.sections[0].actual == 240
    state = agendas.extend(rid, 5).state
    assert state.sections[1].allowed == 900  # business context: 10 + 5 minutes
    clocks.advance(60)
    assert agendas.toggle_pause(rid).state.phase is Phase.PAUSED
    clocks.advance(3600)
    state = agendas.toggle_pause(rid).state
    assert state.phase is Phase.RUNNING
    assert state.meeting_elapsed == 300
    clocks.advance(100)
    state = agendas.meeting(rid).state
    assert (state.meeting_elapsed, state.section_elapsed) == (400, 160)
    assert state.meeting_remaining == 3200
    assert review_status(context, rid) == ReviewStatus.PLANNED.value
    finished = agendas.finish(rid)
    assert finished.state.phase is Phase.FINISHED
    assert finished.agenda.status is ReviewStatus.HELD
    assert review_status(context, rid) == ReviewStatus.HELD.value
    assert agendas.running_meetings() == []
    clocks.advance(1000)
    assert agendas.meeting(rid).state.meeting_elapsed == 400
    # A control that does nothing stores nothing.
    assert len(agendas.step(rid, 1).events) == len(finished.events)


def test_a_restart_resumes_the_same_meeting(context: Any, clocks: Clocks,
                                            agendas: AgendaService) -> None:
    rid = review(context, account(context))
    agendas.start(rid)
    clocks.advance(300)
    agendas.step(rid, 1)
    clocks.advance(120)
    before = agendas.meeting(rid)
    again = clocks.service(context).meeting(rid)  # the app restarted on the same boot
    assert again.state == before.state
    assert again.events == before.events
    assert again.state.meeting_elapsed == 420


def test_a_reboot_rebases_the_meeting_on_wall_clock_time(context: Any, clocks: Clocks,
                                                         agendas: AgendaService) -> None:
    rid = review(context, account(context))
    agendas.start(rid)
    clocks.advance(300)
    agendas.step(rid, 1)
    # Reboot: 300 s later on the wall, the new boot's clock reads 40 s.
    after = Clocks(clock=40.0, wall=clocks.wall_now + timedelta(seconds=300), boot="boot-b")
    service = after.service(context)
    state = service.meeting(rid).state
    assert state.phase is Phase.RUNNING and state.index == 1
    assert state.meeting_elapsed == pytest.approx(600, abs=1)
    assert state.sections[0].actual == pytest.approx(300, abs=1)
    assert state.sections[1].actual == pytest.approx(300, abs=1)
    # A control on the new boot re-stores the events on its clock, and time still adds up.
    after.advance(60)
    service.step(rid, 1)
    after.advance(60)
    state = after.service(context).meeting(rid).state
    assert state.index == 2
    assert state.meeting_elapsed == pytest.approx(720, abs=1)
    assert [s.actual for s in state.sections[:3]] == pytest.approx([300, 360, 60], abs=1)


def test_a_wall_clock_jump_does_not_move_the_countdown(context: Any, clocks: Clocks,
                                                       agendas: AgendaService) -> None:
    rid = review(context, account(context))
    agendas.start(rid)
    clocks.advance(600)
    before = agendas.meeting(rid).state
    clocks.wall_now -= timedelta(hours=1)  # daylight saving or a manual change
    assert agendas.meeting(rid).state == before
    clocks.clock += 60  # the meeting clock goes on
    state = agendas.meeting(rid).state
    assert state.meeting_remaining == 3600 - 660
    assert state.section_remaining == 300 - 660
    state = agendas.step(rid, 1).state
    assert state.sections[0].actual == 660 and state.index == 1


# Which review -----------------------------------------------------------------------------

def test_review_for_picks_the_next_planned_review(context: Any,
                                                  agendas: AgendaService) -> None:
    aid = account(context)
    later = review(context, aid, date(2027, 3, 2))
    sooner = review(context, aid, date(2027, 1, 19))
    review(context, aid, date(2026, 10, 1))  # in the past
    assert agendas.review_for(aid) == sooner
    assert later != sooner


def test_review_for_falls_back_to_a_running_meeting_then_the_latest(
        context: Any, agendas: AgendaService) -> None:
    aid = account(context)
    older = review(context, aid, date(2026, 10, 1))
    newer = review(context, aid, date(2026, 11, 3))
    assert agendas.review_for(aid) == newer  # both in the past: the latest
    agendas.start(older)
    assert agendas.review_for(aid) == older  # the running meeting
    upcoming = review(context, aid, date(2027, 2, 2))
    assert agendas.review_for(aid) == upcoming  # a planned one ahead wins
    agendas.finish(older)


def test_review_for_after_the_running_meeting_finishes(context: Any,
                                                       agendas: AgendaService) -> None:
    aid = account(context)
    older = review(context, aid, date(2026, 10, 1))
    newer = review(context, aid, date(2026, 11, 3))
    agendas.start(older)
    agendas.finish(older)
    assert agendas.review_for(aid) == newer


def test_review_for_without_a_review(context: Any, agendas: AgendaService) -> None:
    aid = account(context)
    with pytest.raises(AgendaError, match="no QBR yet"):
        agendas.review_for(aid)
    with pytest.raises(NotFoundError):
        agendas.review_for(999_999)


# Action items -----------------------------------------------------------------------------

def test_actions_add_update_remove_and_follow_up(context: Any,
                                                 agendas: AgendaService) -> None:
    aid = account(context)
    rid = review(context, aid)
    added = agendas.add_action(aid, ActionItem(0, "  Send the ROI deck  ", ActionSide.OURS,
                                               " Dana ", date(2026, 11, 20),
                                               review_id=rid, section="Value review"))
    assert added.id > 0
    assert (added.text, added.owner, added.review_id) == ("Send the ROI deck", "Dana", rid)
    assert added.status is ActionStatus.OPEN
    second = agendas.add_action(aid, ActionItem(0, "Share usage export", ActionSide.THEIRS,
                                                "Kenji", date(2026, 12, 20)))
    dropped = agendas.add_action(aid, ActionItem(0, "Old idea", status=ActionStatus.DROPPED))
    result = agendas.follow_up(aid)
    assert (result.done, result.counted, result.overdue) == (0, 2, 1)
    assert result.completion == Decimal(0)
    assert [i.id for i in result.items] == [added.id, second.id, dropped.id]

    agendas.update_action(replace(added, status=ActionStatus.DONE))
    result = agendas.follow_up(aid)
    assert (result.done, result.counted, result.overdue) == (1, 2, 0)
    assert result.completion == Decimal("0.5")

    agendas.remove_action(second.id)
    result = agendas.follow_up(aid)
    assert (result.done, result.counted, result.completion) == (1, 1, Decimal(1))
    assert result.meets_target is True
    assert {i.id for i in result.items} == {added.id, dropped.id}


def test_an_action_on_another_accounts_review_is_refused(context: Any,
                                                         agendas: AgendaService) -> None:
    mine, theirs = account(context, "Mine"), account(context, "Theirs")
    their_review = review(context, theirs)
    with pytest.raises(AgendaError, match="another account"):
        agendas.add_action(mine, ActionItem(0, "Follow up", review_id=their_review))
    assert agendas.follow_up(mine).items == ()


def test_invalid_and_missing_actions(context: Any, agendas: AgendaService) -> None:
    aid = account(context)
    with pytest.raises(ValidationFailed):
        agendas.add_action(aid, ActionItem(0, "   "))
    with pytest.raises(NotFoundError):
        agendas.update_action(ActionItem(424242, "Ghost"))
    with pytest.raises(NotFoundError):
        agendas.follow_up(999_999)
    agendas.remove_action(424242)  # removing what is gone is not an error
    assert agendas.follow_up(aid).completion is None


def test_undoing_an_account_delete_brings_back_its_agenda_meeting_and_actions(
        context: Any, agendas: AgendaService, clocks: Clocks) -> None:
    account_id = account(context)
    review_id = review(context, account_id)
    agendas.set_note(review_id, agendas.agenda(review_id).agenda.sections[0].key, "Kick-off")
    agendas.start(review_id)
    clocks.advance(120)
    agendas.step(review_id, 1)
    agendas.add_action(account_id, ActionItem(0, "Send the plan", review_id=review_id))
    before = agendas.meeting(review_id)
    deleted = context.accounts.delete(account_id)
    context.accounts.restore(deleted)
    after = agendas.meeting(review_id)
    assert after.agenda.agenda == before.agenda.agenda
    assert after.agenda.notes == before.agenda.notes
    assert after.events == before.events
    assert [i.text for i in agendas.follow_up(account_id).items] == ["Send the plan"]
    assert agendas.follow_up(account_id).items[0].review_id == review_id
