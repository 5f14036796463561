"""The review card, the QBR programme view and the deck's review states, driven as a CSM
would: clicks on tabs, cells and buttons, keys in combo and spin boxes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabBar

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.attendance import Signal
from qbr_desktop.domain.contacts import ContactDraft, ContactLevel, ReviewDraft, ReviewStatus
from qbr_desktop.domain.deck_review import DeckState
from qbr_desktop.domain.programme.metrics import SPECS, Metric
from qbr_desktop.domain.stakeholders import Attendance
from qbr_desktop.gui.agenda.agenda_tab import REVIEW_CARD
from qbr_desktop.gui.programme.programme_model import Column
from qbr_desktop.gui.tabs import AccountTab, View
from qbr_desktop.services.identity import Identity, save_identity

HELD_AT = datetime.now(UTC) - timedelta(days=12)


def seed_held_reviews(context: Any) -> tuple[int, list[int]]:
    """Acme <R&D> with three held reviews this quarter or before, an executive at two."""
    accounts = context.accounts
    account = accounts.create(AccountDraft(name="Acme <R&D>", arr=Decimal(120_000),
                                           csm_owner="Dana"))
    ceo = accounts.add_contact(account.id, ContactDraft("Cleo 蔡", level=ContactLevel.C_SUITE))
    user = accounts.add_contact(account.id, ContactDraft("Uma", level=ContactLevel.USER))
    reviews = []
    for days, people in ((200, (ceo,)), (110, (user,)), (12, (ceo, user))):
        review = accounts.add_review(account.id, ReviewDraft(
            datetime.now(UTC) - timedelta(days=days), "UTC", status=ReviewStatus.HELD))
        for person in people:
            context.stakeholders.set_attendance(review, Attendance(person, attended=True))
        reviews.append(review)
    return account.id, reviews


def click_tab(qtbot: Any, bar: QTabBar, index: int) -> None:
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


@pytest.fixture
def window(open_window: Any) -> Any:
    shown = open_window(seed=False)
    return shown


def test_the_review_card_records_in_a_few_clicks(window: Any, qtbot: Any) -> None:
    from qbr_desktop.gui.worker import running

    context = window.context
    account_id, reviews = seed_held_reviews(context)
    window.reload_accounts(account_id)
    window.show_account_tab(AccountTab.MEETING)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)
    tab = window.agenda_tab
    click_tab(qtbot, tab.pages.tabBar(), REVIEW_CARD)
    card = tab.card
    qtbot.waitUntil(lambda: card.isEnabled(), timeout=5000)
    assert card.review_id == reviews[-1]  # the latest QBR that took place
    assert "Acme <R&D> — QBR held on" in card.heading.text()
    # Preparation: focus the box and press Down twice (questions ready, then minimal).
    card.preparation_box.setFocus()
    QTest.keyClick(card.preparation_box, Qt.Key.Key_Down)
    stored = context.programme.stored_record(reviews[-1])
    assert stored.preparation is Signal.GREEN
    QTest.keyClick(card.preparation_box, Qt.Key.Key_Down)
    assert context.programme.stored_record(reviews[-1]).preparation is Signal.YELLOW
    card.engagement_box.setFocus()
    QTest.keyClick(card.engagement_box, Qt.Key.Key_Down)
    # Who records it, then the survey score typed in.
    card.by_edit.selectAll()
    QTest.keyClicks(card.by_edit, "Mia Chen")
    card.survey_box.setFocus()
    card.survey_box.selectAll()
    QTest.keyClicks(card.survey_box, "9")
    stored = context.programme.stored_record(reviews[-1])
    assert (stored.engagement, stored.survey_score, stored.recorded_by) == (
        Signal.GREEN, 9, "Mia Chen")
    # The customer answers: one tick records today (12 days after: later than a week).
    qtbot.mouseClick(card.answered_box, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, card.answered_box.height() // 2))
    assert context.programme.stored_record(reviews[-1]).answered_on == (
        context.programme.today())
    light, reason = card.lights[next(i for i in card.lights if i.value == "follow-up response")]
    assert light.text() == "🔴 Red" and "answered 12 day(s) after" in reason.text()
    assert "Recorded by Mia Chen on" in card.recorded.text()
    # Editable later: untick it again.
    qtbot.mouseClick(card.answered_box, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, card.answered_box.height() // 2))
    assert context.programme.stored_record(reviews[-1]).answered_on is None


def test_the_card_of_a_review_not_held_yet_says_so(window: Any, qtbot: Any) -> None:
    from qbr_desktop.gui.worker import running

    context = window.context
    account = context.accounts.create(AccountDraft(name="Future Co"))
    context.accounts.add_review(account.id, ReviewDraft(
        datetime.now(UTC) + timedelta(days=9), "UTC"))
    window.reload_accounts(account.id)
    window.show_account_tab(AccountTab.MEETING)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)
    click_tab(qtbot, window.agenda_tab.pages.tabBar(), REVIEW_CARD)
    card = window.agenda_tab.card
    assert not card.isEnabled()
    assert "No QBR has taken place yet" in card.heading.text()


def test_the_programme_view_shows_every_metric_and_opens_a_review(window: Any,
                                                                  qtbot: Any) -> None:
    context = window.context
    account_id, reviews = seed_held_reviews(context)
    window.reload_accounts()
    context.programme.apply(reviews[-1], {"survey": "9"}, by="Dana")
    view = window.programme_view
    with qtbot.waitSignal(view.report_shown, timeout=30_000):
        QTest.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentIndex() == View.PROGRAMME
    model = view.model
    assert model.rowCount() == len(SPECS) and model.columnCount() == 2 + 5
    labels = [model.index(row, Column.METRIC).data() for row in range(model.rowCount())]
    assert labels == [spec.label for spec in SPECS]
    row = [spec.metric for spec in SPECS].index(Metric.EXECUTIVES_PRESENT)
    index = model.index(row, Column.FIRST_QUARTER)
    assert index.data().endswith("· not enough data")
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.reviews.rowCount() == 1
    assert view.reviews.item(0, 0).text() == "Acme <R&D>"
    assert view.reviews.item(0, 4).text() == "an executive attended"
    assert "Executive attendance" in view.behind_label.text()
    assert "Maturity: Basic" in view.maturity.text()
    assert view.cadence.rowCount() == 3  # Strategic, Growth, Core
    # Enter on the review behind the figure opens its card.
    view.reviews.setFocus()
    view.reviews.setCurrentCell(0, 0)
    QTest.keyClick(view.reviews, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.views.currentIndex() == View.ACCOUNTS, timeout=5000)
    assert window.current_tab() is AccountTab.MEETING
    assert window.agenda_tab.pages.currentIndex() == REVIEW_CARD
    assert window.agenda_tab.card.review_id == reviews[-1]


def test_the_programme_view_exports_its_files(window: Any, qtbot: Any,
                                              tmp_path: Path) -> None:
    seed_held_reviews(window.context)
    view = window.programme_view
    with qtbot.waitSignal(view.report_shown, timeout=30_000):
        window.views.setCurrentIndex(View.PROGRAMME)
    for suffix in ("pdf", "csv", "xlsx"):
        target = tmp_path / f"programme.{suffix}"
        with qtbot.waitSignal(view.exported, timeout=30_000) as written:
            view.export(target)
        assert written.args == [target] and target.stat().st_size > 0
        assert view.message.text() == f"Saved {target}"


def test_the_model_passes_the_model_tester(window: Any, qtbot: Any,
                                           qtmodeltester: Any) -> None:
    seed_held_reviews(window.context)
    view = window.programme_view
    with qtbot.waitSignal(view.report_shown, timeout=30_000):
        window.views.setCurrentIndex(View.PROGRAMME)
    qtmodeltester.check(view.model)


def test_a_deck_goes_to_the_manager_and_the_upcoming_list_says_so(window: Any,
                                                                  qtbot: Any) -> None:
    from qbr_desktop.gui.worker import running

    context = window.context
    account = context.accounts.create(AccountDraft(name="Deck Co", arr=Decimal(50_000)))
    context.accounts.add_review(account.id, ReviewDraft(
        datetime.now(UTC) + timedelta(days=9), "UTC"))
    window.reload_accounts(account.id)
    window.show_account_tab(AccountTab.DECK)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)
    bar = window.deck_tab.review_bar
    assert bar.state_label.text().startswith("Manager review: draft")
    save_identity(Identity("Dana"))
    qtbot.mouseClick(bar.buttons[DeckState.READY], Qt.MouseButton.LeftButton)
    assert "ready for review by Dana on" in bar.state_label.text()
    assert not bar.buttons[DeckState.READY].isEnabled()
    with qtbot.waitSignal(window.upcoming_view.upcoming_shown, timeout=30_000):
        window.views.setCurrentIndex(View.UPCOMING)
    upcoming = window.upcoming_view
    texts = [upcoming.proxy.index(r, 6).data() for r in range(upcoming.proxy.rowCount())]
    assert "ready for review · Dana" in texts
    assert "1 deck waiting for review" in upcoming.summary.text()
    window.views.setCurrentIndex(View.ACCOUNTS)
    save_identity(Identity("Mia Chen"))
    qtbot.mouseClick(bar.buttons[DeckState.APPROVED], Qt.MouseButton.LeftButton)
    assert "approved by Mia Chen on" in bar.state_label.text()
    assert context.deck_reviews.deck_review(account.id).ready_by == "Dana"
