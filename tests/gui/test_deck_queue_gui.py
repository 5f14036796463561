"""The manager's queue, driven by clicks: the CSM hands a deck to the manager on the Deck
tab, the manager's "Waiting for my review" list in the programme view shows it, a
double-click opens the account's Deck tab, and the manager approves it or sends it back;
a state set meanwhile by someone else is never replaced unseen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ReviewDraft
from qbr_desktop.domain.deck_review import DeckState
from qbr_desktop.gui.tabs import AccountTab, View
from qbr_desktop.services.deck_reviews import DeckReviewService
from qbr_desktop.services.identity import Identity, register_member, save_identity

ACCOUNT = "Deck Co <R&D> 株式会社"
DANA, MORGAN = Identity("Dana Whitfield"), Identity("Morgan Lee")


@pytest.fixture
def window(open_window: Any, qtbot: Any) -> Any:
    from qbr_desktop.gui.worker import running

    shown = open_window(seed=False)
    context = shown.context
    account = context.accounts.create(AccountDraft(name=ACCOUNT, arr=Decimal(50_000),
                                                   csm_owner="Dana Whitfield"))
    context.accounts.add_review(account.id, ReviewDraft(
        datetime.now(UTC) + timedelta(days=9), "UTC"))
    for person in (DANA, MORGAN):
        register_member(context.store.sessions, person)
    save_identity(DANA)
    shown.reload_accounts(account.id)
    shown.show_account_tab(AccountTab.DECK)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)
    shown.account_id = account.id
    return shown


def hand_to_morgan(window: Any, qtbot: Any) -> Any:
    bar = window.deck_tab.review_bar
    bar.reviewer_box.setFocus()
    QTest.keyClicks(bar.reviewer_box, "Morgan")  # the list's keyboard search
    assert bar.reviewer_box.currentText() == "Morgan Lee"
    qtbot.mouseClick(bar.buttons[DeckState.READY], Qt.MouseButton.LeftButton)
    return bar


def open_queue(window: Any, qtbot: Any) -> Any:
    queue = window.programme_view.queue
    with qtbot.waitSignal(queue.queue_shown, timeout=30_000):
        bar = window.views.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                         pos=bar.tabRect(View.PROGRAMME).center())
    return queue


@pytest.mark.server_smoke
def test_the_manager_approves_a_deck_from_the_queue(window: Any, qtbot: Any) -> None:
    bar = hand_to_morgan(window, qtbot)
    assert "ready for review by Dana Whitfield on" in bar.state_label.text()
    assert bar.state_label.text().endswith("for Morgan Lee")
    queue = open_queue(window, qtbot)
    assert queue.table.rowCount() == 0  # Dana's queue: the deck went to Morgan
    save_identity(MORGAN)  # the manager at the keyboard
    window.views.setCurrentIndex(View.ACCOUNTS)
    queue = open_queue(window, qtbot)
    assert queue.table.rowCount() == 1
    assert [queue.table.item(0, c).text() for c in range(2)] == [ACCOUNT, "Dana Whitfield"]
    tabs = window.programme_view.lower_pages
    assert tabs.tabText(tabs.currentIndex()) == "Waiting for my review (1)"
    where = queue.table.visualItemRect(queue.table.item(0, 0)).center()
    with qtbot.waitSignal(queue.deck_activated, timeout=2000) as opened:
        qtbot.mouseClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [window.account_id]
    qtbot.waitUntil(lambda: window.views.currentIndex() == View.ACCOUNTS, timeout=5000)
    assert window.current_tab() is AccountTab.DECK
    assert window.deck_tab.account_id == window.account_id
    qtbot.mouseClick(bar.buttons[DeckState.APPROVED], Qt.MouseButton.LeftButton)
    assert "approved by Morgan Lee on" in bar.state_label.text()
    queue = open_queue(window, qtbot)
    assert queue.table.rowCount() == 0
    shown = window.context.deck_reviews.deck_review(window.account_id)
    assert (shown.ready_by, shown.approved_by) == ("Dana Whitfield", "Morgan Lee")


def test_the_manager_sends_a_deck_back_with_a_reason(window: Any, qtbot: Any) -> None:
    bar = hand_to_morgan(window, qtbot)
    save_identity(MORGAN)
    assert not bar.buttons[DeckState.CHANGES].isEnabled()  # no reason yet
    bar.reason_edit.setFocus()
    QTest.keyClicks(bar.reason_edit, "Lead with <risk> & the ")
    bar.reason_edit.insert("数据")  # QTest types ASCII only; an input method would do this
    QTest.keyClicks(bar.reason_edit, " trend")
    qtbot.mouseClick(bar.buttons[DeckState.CHANGES], Qt.MouseButton.LeftButton)
    assert bar.state_label.text().startswith(
        "Manager review: changes requested by Morgan Lee on ")
    assert bar.state_label.text().endswith(": “Lead with <risk> & the 数据 trend”")
    assert bar.reason_edit.text() == ""


def test_a_state_set_meanwhile_asks_before_it_is_replaced(window: Any, qtbot: Any) -> None:
    bar = hand_to_morgan(window, qtbot)
    colleague = DeckReviewService(window.context.store.sessions, identity=lambda: MORGAN)
    colleague.mark_deck(window.account_id, DeckState.APPROVED)  # another app, meanwhile
    said: list[str] = []
    bar.keep_mine = lambda conflict: said.append(str(conflict)) or False  # reload theirs
    qtbot.mouseClick(bar.buttons[DeckState.DRAFT], Qt.MouseButton.LeftButton)
    assert said and said[0].startswith(f"Morgan Lee changed the review state of {ACCOUNT}'s")
    assert "approved by Morgan Lee" in bar.state_label.text()  # theirs, shown
    bar.keep_mine = lambda conflict: True
    qtbot.mouseClick(bar.buttons[DeckState.DRAFT], Qt.MouseButton.LeftButton)
    assert bar.state_label.text() == "Manager review: draft: not handed over for review yet"
