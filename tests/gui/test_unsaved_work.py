"""Closing the window, or opening another portfolio, never drops work that is on screen
but not stored: the CSM is asked Save / Discard / Cancel, and a save that fails keeps the
window open and says why."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from dialog_support import answer_with
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from typing_support import type_text

from qbr_desktop.domain.money import editable_amount
from qbr_desktop.gui.tabs import AccountTab


class DraftTab:
    """Stands in for a tab's side of the protocol (the ROI panel's own is written
    elsewhere): it holds a draft that can be saved, or refuses to save it."""

    def __init__(self, sentence: str, saves: bool = True) -> None:
        self.sentence: str | None = sentence
        self.saves = saves
        self.calls: list[str] = []

    def unsaved_work(self) -> str | None:
        return self.sentence

    def save_unsaved(self) -> bool:
        self.calls.append("save")
        if self.saves:
            self.sentence = None
        return self.saves

    def discard_unsaved(self) -> None:
        self.calls.append("discard")
        self.sentence = None


@pytest.fixture
def draft() -> DraftTab:
    return DraftTab("ROI of “Acme Logistics”: 2 lines not saved")


def with_draft(window: Any, monkeypatch: Any, draft: DraftTab) -> None:
    """The ROI tab, as the window finds it, holds `draft`."""
    for name in ("unsaved_work", "save_unsaved", "discard_unsaved"):
        monkeypatch.setattr(window.roi_panel, name, getattr(draft, name), raising=False)


def press_quit(window: Any) -> None:
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_quitting_with_a_draft_asks_and_cancel_keeps_the_window(open_window, monkeypatch,
                                                                draft: DraftTab) -> None:
    window = open_window(seed=True)
    with_draft(window, monkeypatch, draft)
    answers = answer_with(key=Qt.Key.Key_Escape)
    press_quit(window)
    answers.stop()
    assert len(answers.seen) == 1 and "ROI of “Acme Logistics”" in answers.seen[0]
    assert sorted(answers.buttons[0]) == ["Cancel", "Discard", "Save"]
    assert window.isVisible() and draft.calls == []


def test_discard_drops_the_draft_and_closes(open_window, monkeypatch, draft: DraftTab) -> None:
    window = open_window(seed=True)
    with_draft(window, monkeypatch, draft)
    answers = answer_with("Discard")
    press_quit(window)
    answers.stop()
    assert not window.isVisible() and draft.calls == ["discard"]


def test_save_stores_the_draft_and_closes(open_window, monkeypatch, draft: DraftTab) -> None:
    window = open_window(seed=True)
    with_draft(window, monkeypatch, draft)
    answers = answer_with("Save")
    press_quit(window)
    answers.stop()
    assert not window.isVisible() and draft.calls == ["save"]


def test_a_save_that_fails_keeps_the_window_open_and_says_why(open_window, monkeypatch
                                                              ) -> None:
    window = open_window(seed=True)
    draft = DraftTab("ROI of “Acme Logistics”: the discount rate is not a number",
                     saves=False)
    with_draft(window, monkeypatch, draft)
    answers = answer_with("Save", then=("OK",))
    press_quit(window)
    answers.stop()
    assert window.isVisible() and draft.calls == ["save"]
    assert "could not be saved" in answers.seen[1]
    assert "the discount rate is not a number" in answers.seen[1]


def test_an_account_field_that_cannot_be_saved_is_part_of_the_question(open_window, qtbot
                                                                       ) -> None:
    window = open_window(seed=True)
    account_id = window.list_panel.current_account_id()
    arr = window.page.form.arrEdit
    arr.setFocus()
    arr.selectAll()
    type_text(arr, "-5")
    QTest.keyClick(arr, Qt.Key.Key_Return)  # refused: shown beside the field, not stored
    answers = answer_with("Save", then=("OK",))
    press_quit(window)
    answers.stop()
    assert "Details of “Acme Logistics”: ARR not saved" in answers.seen[0]
    assert window.isVisible()  # -5 still cannot be saved
    answers = answer_with("Discard")
    press_quit(window)
    answers.stop()
    assert not window.isVisible()
    assert arr.text() == editable_amount(Decimal(120000))  # the stored value again
    assert window.context.accounts.get(account_id).draft.arr == Decimal("120000.00")


def test_nothing_unsaved_closes_without_a_question(open_window) -> None:
    window = open_window(seed=True)
    window.show_account_tab(AccountTab.ROI)
    answers = answer_with(key=Qt.Key.Key_Escape)
    press_quit(window)
    answers.stop()
    assert answers.seen == [] and not window.isVisible()


def test_opening_another_portfolio_asks_first(open_window, monkeypatch,
                                              draft: DraftTab) -> None:
    window = open_window(seed=True)
    with_draft(window, monkeypatch, draft)
    asked_for_file: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (asked_for_file.append("new"), ("", ""))[1])
    requested: list[object] = []
    window.portfolio_requested.connect(requested.append)
    answers = answer_with(key=Qt.Key.Key_Escape)
    window.new_portfolio_action.trigger()
    answers.stop()
    assert len(answers.seen) == 1 and asked_for_file == [] and requested == []
    assert draft.calls == []


def test_a_refused_field_is_asked_about_before_another_account_shows(open_window,
                                                                     qtbot) -> None:
    window = open_window(seed=True)
    acme = window.list_panel.current_account_id()
    arr = window.page.form.arrEdit
    arr.setFocus()
    arr.selectAll()
    type_text(arr, "-5")
    QTest.keyClick(arr, Qt.Key.Key_Return)  # refused: shown beside the field, not stored
    table = window.list_panel.table
    other_row = next(r for r in range(table.model().rowCount())
                     if table.model().index(r, 0).data() != "Acme Logistics")
    answers = answer_with("Cancel")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(other_row, 0)).center())
    answers.stop()
    assert "Details of “Acme Logistics”: ARR not saved" in answers.seen[0]
    # Kept: the list is back on Acme and the typed value is still there to correct.
    assert window.list_panel.current_account_id() == acme
    assert window.page.account is not None and window.page.account.id == acme
    assert arr.text() == "-5"
    answers = answer_with("Discard")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(other_row, 0)).center())
    answers.stop()
    assert window.list_panel.current_account_id() != acme
    assert window.context.accounts.get(acme).draft.arr == Decimal("120000.00")


def test_a_save_the_store_refuses_is_marked_not_saved_beside_the_field(
        open_window, monkeypatch) -> None:
    from qbr_desktop.store.errors import PortfolioBusyError

    window = open_window(seed=True)
    account_id = window.list_panel.current_account_id()

    def busy(*_args: object, **_kwargs: object) -> None:
        raise PortfolioBusyError("portfolio.sqlite is busy: another QBR Desktop window or qbr "
                                 "command is saving to it. Nothing was changed; try again in "
                                 "a moment.")

    monkeypatch.setattr(window.editor, "edit", busy)
    country = window.page.form.countryEdit
    country.setFocus()
    country.selectAll()
    type_text(country, "Norge")
    QTest.keyClick(country, Qt.Key.Key_Return)
    assert country.text() == "Norge"  # kept on screen …
    assert country.property("invalid") == "true"  # … and marked as not stored
    assert "Not saved" in window.page.form.countryError.text()
    assert "busy" in window.page.form.countryError.text()
    assert window.page.unsaved_work() is not None
    assert window.context.accounts.get(account_id).draft.country != "Norge"
