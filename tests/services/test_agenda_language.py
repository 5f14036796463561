"""A language switch re-words the agenda and the prep tasks nobody edited, and keeps (and
names) what someone did."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
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


def test_an_import_that_changes_the_language_re_words_what_nobody_edited(
        context: Any, tmp_path: Path) -> None:
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.services.importing import ImportService

    acme, acme_review = planned(context)
    beta, beta_review = planned(context, "Beta 贝塔")
    stored = context.agendas.agenda(beta_review).agenda
    edited = replace(stored, sections=(replace(stored.sections[0], minutes=9),
                                       *stored.sections[1:]))
    context.agendas.save_agenda(beta_review, edited)
    renamed = context.plans.plan(beta_review).tasks[0]
    context.plans.update_task(renamed.id, TaskChanges(title="Call Wei <&> first"))
    file = tmp_path / "crm.csv"
    file.write_text("Account Name,Language\nAcme <&> 🚀,zh_CN\nBeta 贝塔,Chinese\n",
                    encoding="utf-8")
    service = ImportService(context.store.sessions)
    table = service.read(file)
    plan = service.apply(ImportKind.ACCOUNTS, table,
                         service.starting_mapping(ImportKind.ACCOUNTS, table).mapping)
    assert plan.updated == 2

    assert context.accounts.get(acme).draft.language == "zh_CN"
    assert context.agendas.agenda(acme_review).agenda == template_in(QBR_60, "zh_CN")
    playbook = PlaybookLibrary.load(user_playbook_folder()).get(
        context.plans.plan(acme_review).playbook)
    zh = {t.key: t.title for t in playbook.in_language("zh_CN").tasks}
    assert all(t.title == zh[t.key] for t in context.plans.plan(acme_review).tasks)
    # What someone edited stays as it is, and is named as before.
    assert context.agendas.agenda(beta_review).agenda == edited
    tasks = {t.id: t.title for t in context.plans.plan(beta_review).tasks}
    assert tasks[renamed.id] == "Call Wei <&> first"
    assert sum(title in zh.values() for title in tasks.values()) == len(tasks) - 1
    kept = context.agenda_language.kept(beta, "zh_CN")
    assert kept.agenda_days == (MEETING,) and kept.renamed_tasks == 1
