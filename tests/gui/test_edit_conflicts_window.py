"""A colleague saved the same account meanwhile (another app on the same portfolio): the
window never overwrites their change unseen, and notes keep both sides."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from test_main_window import select, stored, type_into

from qbr_desktop.domain.money import editable_amount
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.context import AppContext

pytestmark = pytest.mark.server_smoke


def colleague(window: Any) -> AccountService:
    """A second application's account service on the same portfolio, saving as Sam."""
    other = AppContext.open(window.context.target)
    window.destroyed.connect(other.close)
    return AccountService(other.store.sessions, user=lambda: "Sam Rivera")


def answer(qtbot: Any, button_text: str, said: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == button_text)
        button.click()

    QTimer.singleShot(100, click)


def test_reload_shows_the_colleagues_value_and_saves_nothing(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Bluefin Health")
    colleague(window).update(account_id, {"arr": Decimal("55000")})
    said: list[str] = []
    answer(qtbot, "Reload theirs", said)
    type_into(qtbot, window.page.form.arrEdit, "99k")
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "Sam Rivera changed the ARR at " in said[0]
    assert stored(window, account_id).arr == Decimal("55000")
    shown = editable_amount(Decimal("55000"))
    qtbot.waitUntil(lambda: window.page.form.arrEdit.text() == shown, timeout=3000)


def test_keep_mine_replaces_it(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Bluefin Health")
    colleague(window).update(account_id, {"arr": Decimal("55000")})
    said: list[str] = []
    answer(qtbot, "Keep mine", said)
    type_into(qtbot, window.page.form.arrEdit, "99k")
    qtbot.waitUntil(lambda: stored(window, account_id).arr == Decimal("99000"), timeout=5000)
    assert said and "Sam Rivera" in said[0]


def test_notes_typed_meanwhile_are_merged_and_shown(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Bluefin Health")
    colleague(window).update(account_id, {"notes": "Sam: CFO prefers a 3-year term."})
    notes = window.page.form.notesEdit
    notes.setFocus()
    qtbot.keyClicks(notes, "Dana: ask about EMEA.")
    expected = "Sam: CFO prefers a 3-year term.\nDana: ask about EMEA."
    qtbot.waitUntil(lambda: stored(window, account_id).notes == expected, timeout=5000)
    qtbot.waitUntil(lambda: notes.toPlainText() == expected, timeout=3000)
