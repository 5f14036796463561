"""Two people on one portfolio, beyond accounts and people: reviews, preparation tasks,
agendas and their notes, action items, ROI models, risks, recaps and deck plans. A save or
an undo over a colleague's newer change is refused naming the field, who and when; free
text and lists keep both sides; changes to different fields both land."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.audience.followup import Recap
from qbr_desktop.domain.deck_plan import DeckPlan
from qbr_desktop.domain.playbooks import OwnerRole
from qbr_desktop.domain.risks import RiskDraft, RiskKind, RiskStatus
from qbr_desktop.domain.roi_story import StorySentence, ValueStory
from qbr_desktop.services.agendas import AgendaService
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.decks import DeckService
from qbr_desktop.services.plans import PlanService, TaskChanges
from qbr_desktop.services.risks import RiskRegister
from qbr_desktop.services.roi import RoiService
from qbr_desktop.services.stakeholders import StakeholderService
from qbr_desktop.store.errors import EditConflictError

DANA, SAM = "Dana Whitfield", "Sam Rivera"


def both(context: Any, colleague_context: AppContext, make: Any) -> tuple[Any, Any]:
    return (make(context.store.sessions, lambda: DANA),
            make(colleague_context.store.sessions, lambda: SAM))


@pytest.fixture
def review(context: Any) -> tuple[int, int]:
    account = context.accounts.create(AccountDraft(name="Acme 株式会社", arr=Decimal(90000)))
    plan = context.plans.schedule(account.id, date.today() + timedelta(days=40))
    return account.id, plan.review_id


def test_a_task_edited_by_two(context: Any, colleague_context: AppContext,
                              review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context,
                     lambda s, u: PlanService(s, library=context.plans.library, user=u))
    task = dana.plan(review[1]).tasks[0]
    seen = TaskChanges(title=task.title, description=task.description, owner=task.owner,
                       due=task.due)
    dana.update_task(task.id, TaskChanges(title="Pull usage 📈", description=task.description
                                          + "\nDana: ask for the API numbers."), seen=seen)
    # Sam changes the owner (kept with Dana's title) and the description (merged).
    sam.update_task(task.id, TaskChanges(
        owner=OwnerRole.ACCOUNT_EXECUTIVE,
        description=task.description + "\nSam: <&> include EMEA."), seen=seen)
    stored = next(t for t in dana.plan(review[1]).tasks if t.id == task.id)
    assert (stored.title, stored.owner) == ("Pull usage 📈", OwnerRole.ACCOUNT_EXECUTIVE)
    assert "Dana: ask for the API numbers." in stored.description
    assert "Sam: <&> include EMEA." in stored.description
    with pytest.raises(EditConflictError) as refused:
        sam.update_task(task.id, TaskChanges(title="Sam's title"), seen=seen)
    assert f"{DANA} changed the title of the task “Pull usage 📈”" in str(refused.value)
    # Dana's undo of her title change, over Sam's later title: refused, naming Sam.
    sam.update_task(task.id, TaskChanges(title="Sam's title"))  # keep mine
    with pytest.raises(EditConflictError, match=f"{SAM} changed the title"):
        dana.update_task(task.id, TaskChanges(title=task.title),
                         seen=TaskChanges(title="Pull usage 📈"))
    assert next(t for t in dana.plan(review[1]).tasks if t.id == task.id).title == "Sam's title"


def test_a_meeting_moved_by_two_and_an_undo_over_a_later_move(
        context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context,
                     lambda s, u: PlanService(s, library=context.plans.library, user=u))
    start = dana.plan(review[1]).meeting_at
    dana.move(review[1], start + timedelta(days=7), seen=start)
    with pytest.raises(EditConflictError) as refused:
        sam.move(review[1], start + timedelta(days=1), seen=start)
    assert f"{DANA} changed the meeting time of the review with Acme 株式会社" in str(
        refused.value)
    sam.move(review[1], start + timedelta(days=14), seen=start + timedelta(days=7))
    with pytest.raises(EditConflictError, match=SAM):  # Dana's undo of her move
        dana.move(review[1], start, seen=start + timedelta(days=7))
    assert dana.plan(review[1]).meeting_at == start + timedelta(days=14)


def test_agenda_sections_and_notes(context: Any, colleague_context: AppContext,
                                   review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context, lambda s, u: AgendaService(s, user=u))
    seen = dana.agenda(review[1])
    first, second = seen.agenda.sections[:2]
    dana.save_agenda(review[1], replace(seen.agenda, sections=(
        replace(first, minutes=first.minutes + 5), *seen.agenda.sections[1:])),
        seen=seen.agenda)
    sam.save_agenda(review[1], replace(seen.agenda, sections=(
        first, replace(second, title="Wins — 成果"), *seen.agenda.sections[2:])),
        seen=seen.agenda)
    stored = dana.agenda(review[1]).agenda.sections
    assert (stored[0].minutes, stored[1].title) == (first.minutes + 5, "Wins — 成果")
    with pytest.raises(EditConflictError) as refused:
        sam.save_agenda(review[1], replace(seen.agenda, sections=(
            replace(first, minutes=first.minutes + 1), *seen.agenda.sections[1:])),
            seen=seen.agenda)
    assert f"{DANA} changed the length of the agenda section “{first.title}”" in str(
        refused.value)
    dana.set_note(review[1], first.key, "Dana: renewal first.", seen="")
    kept = sam.set_note(review[1], first.key, "Sam: سلام, roadmap.", seen="")
    assert "Dana: renewal first." in kept and "Sam: سلام, roadmap." in kept
    assert dana.agenda(review[1]).notes[first.key] == kept


def test_agenda_sections_added_and_removed_by_two(
        context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.domain.agenda import AgendaSection

    dana, sam = both(context, colleague_context, lambda s, u: AgendaService(s, user=u))
    seen = dana.agenda(review[1]).agenda
    first, *rest = seen.sections
    dana.save_agenda(review[1], replace(seen, sections=(
        *seen.sections, AgendaSection("discussion", "Pricing 価格", 5))), seen=seen)
    stored = sam.save_agenda(review[1], replace(seen, sections=(
        *seen.sections[1:], AgendaSection("discussion", "Roadmap <Q3>", 5))), seen=seen)
    titles = [s.title for s in stored.agenda.sections]
    assert "Pricing 価格" in titles and "Roadmap <Q3>" in titles
    assert first.title not in titles  # Sam removed it; Dana had not changed it
    assert len({s.key for s in stored.agenda.sections}) == len(titles)
    with pytest.raises(EditConflictError) as refused:
        dana.save_agenda(review[1], replace(seen, sections=(
            replace(first, minutes=first.minutes + 5), *rest)), seen=seen)
    assert f"{SAM} changed the agenda (the section “{first.title}” was removed)" in str(
        refused.value)


def test_an_action_item_edited_by_two(context: Any, colleague_context: AppContext,
                                      review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context, lambda s, u: AgendaService(s, user=u))
    item = dana.add_action(review[0], ActionItem(0, "Send the SSO guide", owner="Dana"))
    dana.update_action(replace(item, status=ActionStatus.DONE), seen=item)
    sam.update_action(replace(item, owner="Sam"), seen=item)
    [stored] = dana.follow_up(review[0]).items
    assert (stored.status, stored.owner) == (ActionStatus.DONE, "Sam")
    with pytest.raises(EditConflictError) as refused:
        dana.update_action(replace(item, owner="Priya"), seen=item)
    assert f"{SAM} changed the owner of the action item" in str(refused.value)
    assert dana.follow_up(review[0]).items[0].owner == "Sam"


def test_a_recap_keeps_both_summaries_and_decisions(
        context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context, lambda s, u: AgendaService(s, user=u))
    base = Recap("We met.", ("Pilot in Q3",))
    dana.save_recap(review[1], base)
    dana.save_recap(review[1], Recap("We met.\nDana's summary.", ("Pilot in Q3", "SSO")),
                    seen=base)
    stored = sam.save_recap(review[1], Recap("We met.\nSam's summary 🙂", ("Budget",)),
                            seen=base)
    assert "Dana's summary." in stored.summary and "Sam's summary 🙂" in stored.summary
    assert stored.decisions == ("SSO", "Budget")  # Sam removed the pilot, Dana added SSO
    assert dana.recap(review[1]) == stored


def test_a_roi_model_edited_by_two(context: Any, colleague_context: AppContext,
                                   review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context,
                     lambda s, u: RoiService(s, insights=context.insights, user=u))
    report = dana.report(review[0])
    model = report.model
    story = ValueStory((StorySentence("We saved time."),))
    dana.save(review[0], model, story)
    seen = (model, story)
    dana.save(review[0], replace(model, discount_rate=Decimal("0.12")),
              ValueStory((*story.sentences, StorySentence("Dana: 12%."))), seen=seen)
    with pytest.raises(EditConflictError) as refused:
        sam.save(review[0], replace(model, discount_rate=Decimal("0.05")), story, seen=seen)
    assert f"{DANA} changed the discount rate of the {model.quarter} ROI model" in str(
        refused.value)
    stored_model, stored_story = sam.save(
        review[0], model, ValueStory((*story.sentences, StorySentence("Sam: 😀"))), seen=seen)
    assert stored_model.discount_rate == Decimal("0.12")
    assert stored_story is not None
    assert [s.text for s in stored_story.sentences] == ["We saved time.", "Dana: 12%.",
                                                        "Sam: 😀"]


def test_a_risk_closed_and_reopened(context: Any, colleague_context: AppContext,
                                    review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context,
                     lambda s, u: RiskRegister(s, context.insights, user=u))
    item = dana.add(review[0], RiskDraft(RiskKind.RISK, "Sponsor leaves", "", 3, 4))
    dana.set_status(item.id, RiskStatus.CLOSED, seen=RiskStatus.OPEN)
    # Sam closing it too, from the same open state, wants what is stored: no conflict.
    sam.set_status(item.id, RiskStatus.CLOSED, seen=RiskStatus.OPEN)  # same wish: fine
    dana.set_status(item.id, RiskStatus.OPEN, seen=RiskStatus.CLOSED)
    assert [i.status for i in sam.items(review[0])] == [RiskStatus.OPEN]


def test_a_deck_plan_edited_by_two(context: Any, colleague_context: AppContext,
                                   review: tuple[int, int]) -> None:
    dana, sam = both(context, colleague_context, lambda s, u: DeckService(s, user=u))
    seen = DeckPlan(roadmap=("SSO",), accent="#112233")
    dana.save_plan(review[0], seen)
    dana.save_plan(review[0], replace(seen, accent="#445566", roadmap=("SSO", "Mobile")),
                   seen=seen)
    stored = sam.save_plan(review[0], replace(seen, roadmap=("SSO", "Analytics 分析")),
                           seen=seen)
    assert stored.accent == "#445566"
    assert stored.roadmap == ("SSO", "Mobile", "Analytics 分析")
    with pytest.raises(EditConflictError) as refused:
        sam.save_plan(review[0], replace(seen, accent="#000000"), seen=seen)
    assert f"{DANA} changed the accent colour of the deck plan" in str(refused.value)
    assert dana.plan(review[0]) == stored


def test_attendance_marks_of_two_people_both_land(
        context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.domain.stakeholders import Attendance, Stakeholder

    dana, sam = both(context, colleague_context,
                     lambda s, u: StakeholderService(s, user=u))
    person = dana.add_person(review[0], Stakeholder(0, "Ana Núñez", title="COO"))
    seen = Attendance(person.id, invited=True)
    dana.set_attendance(review[1], seen)
    dana.set_attendance(review[1], replace(seen, confirmed=True), seen=seen)
    sam.set_attendance(review[1], replace(seen, attended=False, invited=True), seen=seen)
    [entry] = [e for e in dana.attendance(review[1]) if e.person_id == person.id]
    assert (entry.invited, entry.confirmed) == (True, True)


def test_every_edited_row_counts_its_versions(context: Any,
                                              review: tuple[int, int]) -> None:
    """Each save raises the row's version and names who saved (migration 0015)."""
    from qbr_desktop.store.engine import session_scope
    from qbr_desktop.store.models import PrepTaskRow, ReviewRow

    plans = PlanService(context.store.sessions, library=context.plans.library,
                        user=lambda: DANA)
    task = plans.plan(review[1]).tasks[0]
    plans.update_task(task.id, TaskChanges(title="One"))
    plans.update_task(task.id, TaskChanges(title="Two"))
    plans.set_executives_confirmed(review[1], True)
    with session_scope(context.store.sessions, reading=True) as session:
        row = session.get(PrepTaskRow, task.id)
        meeting = session.get(ReviewRow, review[1])
        assert row is not None and meeting is not None
        assert (row.version, row.updated_by) == (3, DANA)
        assert (meeting.version, meeting.updated_by) == (2, DANA)
