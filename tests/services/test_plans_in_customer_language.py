"""A Chinese account's preparation plan and agenda start in Chinese; an English one's as
before. The Chinese words are data beside the English (the playbooks' title_zh_CN keys, the
agenda templates' catalogue entries)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.agenda import QBR_60, TEMPLATES
from qbr_desktop.services.plans import user_playbook_folder
from qbr_desktop.services.playbook_library import PlaybookLibrary

CJK = range(0x4E00, 0xA000)


def chinese(text: str) -> bool:
    return any(ord(char) in CJK for char in text)


def account(context: Any, name: str, language: str) -> int:
    return int(context.accounts.create(AccountDraft(name=name, arr=Decimal("120000"),
                                                    language=language)).id)


def test_a_chinese_accounts_plan_and_agenda_are_in_chinese(context: Any) -> None:
    shanghai = account(context, "上海 <&> 贸易", "zh_CN")
    plan = context.plans.schedule(shanghai, date(2027, 1, 19), time_zone="Asia/Shanghai")
    library = PlaybookLibrary.load(user_playbook_folder())
    playbook = library.get(plan.playbook)

    by_key = {task.key: task for task in plan.tasks}
    for task in playbook.tasks:
        assert by_key[task.key].title == task.in_language("zh_CN").title != task.title
        assert chinese(by_key[task.key].description)
    agenda = context.agendas.agenda(plan.review_id).agenda
    assert agenda.template == QBR_60
    assert [s.key for s in agenda.sections] == [s.key for s in TEMPLATES[QBR_60].sections]
    assert [s.title for s in agenda.sections][:3] == ["开场", "业务背景", "价值回顾"]
    assert all(chinese(s.title) and chinese(s.prompt) for s in agenda.sections)


def test_an_english_accounts_plan_and_agenda_are_as_written(context: Any) -> None:
    acme = account(context, "Acme", "en")
    plan = context.plans.schedule(acme, date(2027, 1, 19), time_zone="UTC")
    playbook = PlaybookLibrary.load(user_playbook_folder()).get(plan.playbook)

    assert [t.title for t in plan.tasks] == [t.title for t in playbook.tasks]
    assert context.agendas.agenda(plan.review_id).agenda == TEMPLATES[QBR_60]


@pytest.mark.parametrize("tier", ["Strategic", "Growth", "Core"])
def test_every_shipped_playbook_task_is_written_in_chinese_too(tier: str) -> None:
    playbook = PlaybookLibrary.load(user_playbook_folder()).for_tier(tier)
    for task in playbook.tasks:
        worded = task.in_language("zh_CN")
        assert chinese(worded.title) and chinese(worded.description), task.key
