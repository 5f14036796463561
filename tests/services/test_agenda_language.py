"""A language switch re-words the agenda and the prep tasks nobody edited, and keeps (and
names) what someone did."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.agenda import QBR_60, template_in
from qbr_desktop.services.agenda_language import KeptWords
from qbr_desktop.services.plans import TaskChanges, user_playbook_folder
from qbr_desktop.services.playbook_library import PlaybookLibrary

MEETING = date(2027, 1, 19)


def planned(context: Any, name: str = "Acme <&> 🚀") -> tuple[int, int]:
    account_id = int(context.accounts.create(AccountDraft(name=name, arr=Decimal("120000"),
                                                          language="en")).id)
    plan = context.plans.schedule(account_id, MEETING, time_zone="Asia/Shanghai")
    context.agendas.agenda(plan.review_id)  # the Meeting tab stores it from its template
    return account_id, plan.review_id


def test_an_agenda_nobody_edited_is_made_again_in_the_new_language(context: Any) -> None:
    account_id, review_id = planned(context)
    assert not context.agendas.edited(review_id)

    context.accounts.update(account_id, {"language": "zh_CN"})

    agenda = context.agendas.agenda(review_id).agenda
    assert agenda == template_in(QBR_60, "zh_CN")
    assert not context.agendas.edited(review_id)  # so it follows a switch back too
    assert context.agenda_language.kept(account_id, "zh_CN") == KeptWords()
    context.accounts.update(account_id, {"language": "en"})
    assert context.agendas.agenda(review_id).agenda == template_in(QBR_60, "en")


def test_an_edited_agenda_is_kept_and_named_by_its_meeting_day(context: Any) -> None:
    account_id, review_id = planned(context)
    stored = context.agendas.agenda(review_id).agenda
    first = replace(stored.sections[0], minutes=stored.sections[0].minutes + 1)
    context.agendas.save_agenda(review_id, replace(stored, sections=(first,
                                                                     *stored.sections[1:])))
    assert context.agendas.edited(review_id)

    context.accounts.update(account_id, {"language": "zh_CN"})

    kept = context.agendas.agenda(review_id).agenda
    assert kept.sections[0].title == "Opening" and kept.sections[0].minutes == first.minutes
    assert context.agenda_language.kept(account_id, "zh_CN").agenda_days == (MEETING,)
    # Back in English it reads as the account's language again: nothing to say.
    context.accounts.update(account_id, {"language": "en"})
    assert context.agenda_language.kept(account_id, "en") == KeptWords()


def test_notes_taken_count_as_an_edit(context: Any) -> None:
    account_id, review_id = planned(context)
    key = context.agendas.agenda(review_id).agenda.sections[0].key
    context.agendas.set_note(review_id, key, "客户提到 <续约> & 🎯")
    assert context.agendas.edited(review_id)
    context.accounts.update(account_id, {"language": "zh_CN"})
    assert context.agendas.agenda(review_id).notes[key] == "客户提到 <续约> & 🎯"


def test_task_names_follow_unless_renamed_and_ticking_is_no_rename(context: Any) -> None:
    account_id, review_id = planned(context)
    plan = context.plans.plan(review_id)
    ticked, renamed, *rest = plan.tasks
    context.plans.set_done(ticked.id, True)
    context.plans.update_task(renamed.id, TaskChanges(title="Call Wei about the renewal"))

    context.accounts.update(account_id, {"language": "zh_CN"})

    playbook = PlaybookLibrary.load(user_playbook_folder()).get(plan.playbook)
    zh = {t.key: t.title for t in playbook.in_language("zh_CN").tasks}
    after = {t.id: t for t in context.plans.plan(review_id).tasks}
    assert after[ticked.id].title == zh[ticked.key] and after[ticked.id].done
    assert after[renamed.id].title == "Call Wei about the renewal"
    assert all(after[t.id].title == zh[t.key] for t in rest)
    assert context.agenda_language.kept(account_id, "zh_CN").renamed_tasks == 1
