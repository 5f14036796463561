"""The customer's language changed on the Details tab: an agenda nobody edited follows it; an
edited one stays, the window says so once, and the Meeting tab's "Use template" re-makes it
after asking."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qbr_desktop.domain.agenda import template_in
from qbr_desktop.gui.agenda.agenda_builder import TITLE
from qbr_desktop.gui.tabs import AccountTab


def acme_with_agenda(window: Any, *, edited: bool) -> tuple[int, int]:
    """Acme's planned review with its agenda stored from the template, in English."""
    context = window.context
    acme = next(a.id for a in context.accounts.list_accounts() if a.name == "Acme Logistics")
    review_id = context.agendas.review_for(acme)
    agenda = context.agendas.agenda(review_id).agenda
    if edited:
        first = replace(agenda.sections[0], title="Welcome <&> 👋")
        context.agendas.save_agenda(review_id, replace(agenda, sections=(first,
                                                                         *agenda.sections[1:])))
    window.open_account(acme, AccountTab.DETAILS)
    return acme, review_id


def choose_chinese(window: Any, qtbot: Any) -> None:
    combo = window.page.form.languageEdit
    assert combo.currentData() == "en"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "zh_CN"


@pytest.mark.server_smoke
def test_an_unedited_agenda_follows_the_language_chosen_on_the_details_tab(
        open_window: Any, qtbot: Any) -> None:
    window = open_window(seed=True)
    acme, review_id = acme_with_agenda(window, edited=False)
    template = window.context.agendas.agenda(review_id).agenda.template
    window.show_account_tab(AccountTab.MEETING)  # seen in English first
    builder = window.agenda_tab.builder
    qtbot.waitUntil(lambda: builder.table.rowCount() > 0)
    assert builder.table.item(0, TITLE).text() == "Opening"
    window.show_account_tab(AccountTab.DETAILS)

    choose_chinese(window, qtbot)

    assert window.context.accounts.get(acme).draft.language == "zh_CN"
    assert window.context.agendas.agenda(review_id).agenda == template_in(template, "zh_CN")
    assert window.page.language_notice.isHidden()
    window.show_account_tab(AccountTab.MEETING)  # re-read when shown again
    qtbot.waitUntil(lambda: builder.table.item(0, TITLE).text() == "开场")


@pytest.mark.server_smoke
def test_an_edited_agenda_stays_is_named_once_and_is_re_made_after_asking(
        open_window: Any, qtbot: Any) -> None:
    window = open_window(seed=True)
    acme, review_id = acme_with_agenda(window, edited=True)
    before = window.context.agendas.agenda(review_id).agenda

    choose_chinese(window, qtbot)

    assert window.context.agendas.agenda(review_id).agenda == before
    notice = window.page.language_notice
    assert notice.isVisible()
    assert "was edited, so it stays in English" in notice.text()
    assert "Use template" in notice.text()
    # Said once: showing another account and coming back does not say it again.
    other = next(a.id for a in window.context.accounts.list_accounts() if a.id != acme)
    window.open_account(other, AccountTab.DETAILS)
    window.open_account(acme, AccountTab.DETAILS)
    assert notice.isHidden()

    window.show_account_tab(AccountTab.MEETING)
    builder = window.agenda_tab.builder
    qtbot.waitUntil(lambda: builder.review is not None and builder.review.review_id == review_id)
    asked: list[str] = []
    builder.ask = lambda question: asked.append(question) is None
    builder.template_box.setCurrentText(before.template)
    QTest.mouseClick(builder.use_template, Qt.MouseButton.LeftButton)

    assert len(asked) == 1
    assert window.context.agendas.agenda(review_id).agenda == template_in(before.template,
                                                                          "zh_CN")
