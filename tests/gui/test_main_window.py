"""The main window driven as a CSM would: keys, clicks, typing; then what is stored."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from qbr_desktop import __version__
from qbr_desktop.gui.accounts.table_model import AccountColumn


def names_in_list(window) -> list[str]:
    proxy = window.list_panel.proxy
    return [proxy.index(row, AccountColumn.NAME).data() for row in range(proxy.rowCount())]


def select(window, name: str) -> int:
    account_id = next(a.id for a in window.context.accounts.list_accounts() if a.name == name)
    assert window.list_panel.select_account(account_id)
    return account_id


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def stored(window, account_id: int):
    return window.context.accounts.get(account_id).draft


def test_first_launch_shows_the_first_account(open_window) -> None:
    window = open_window(seed=True)
    assert names_in_list(window) == ["Acme Logistics", "Bluefin Health", "Cedar Bank"]
    assert window.page.form.titleLabel.text() == "Acme Logistics"
    assert "Strategic" in window.page.form.summaryLabel.text()
    assert window.list_panel.count_label.text() == "3 accounts"
    history = window.page.metrics_model
    assert history.rowCount() == 1 and history.columnCount() == 2
    assert history.headerData(1, Qt.Orientation.Horizontal) == "2026Q3"
    assert history.index(0, 1).data() == "72"


def test_ctrl_n_creates_an_account_ready_to_be_named(open_window, qtbot) -> None:
    window = open_window(seed=True)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    name_edit = window.page.form.nameEdit
    assert name_edit.hasFocus()
    assert name_edit.selectedText() == "New account"
    qtbot.keyClicks(name_edit, "Zeta Corp")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    names = [a.name for a in window.context.accounts.list_accounts()]
    assert "Zeta Corp" in names and "New account" not in names
    assert "Zeta Corp" in names_in_list(window)
    assert window.list_panel.count_label.text() == "4 accounts"
    assert window.statusBar().currentMessage().startswith("Saved at")


@pytest.mark.server_smoke
def test_edits_save_when_the_field_is_left(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Bluefin Health")
    form = window.page.form
    type_into(qtbot, form.countryEdit, "Deutschland")
    type_into(qtbot, form.arrEdit, "85k")
    form.licensedSeatsEdit.setFocus()
    form.licensedSeatsEdit.selectAll()
    qtbot.keyClicks(form.licensedSeatsEdit, "250")
    qtbot.keyClick(form.licensedSeatsEdit, Qt.Key.Key_Return)
    draft = stored(window, account_id)
    assert (draft.country, draft.arr, draft.licensed_seats) == ("Deutschland", Decimal(85000), 250)
    # 85k crosses the Strategic threshold: the list shows the derived tier at once.
    row = window.list_panel.model.row_of(account_id)
    assert window.list_panel.model.index(row, AccountColumn.TIER).data() == "Strategic"


def test_invalid_input_is_shown_inline_and_not_stored(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Acme Logistics")
    form = window.page.form
    type_into(qtbot, form.arrEdit, "-5")
    assert not form.arrError.isHidden()
    assert "negative" in form.arrError.text()
    assert form.arrEdit.property("invalid") == "true"
    type_into(qtbot, form.nameEdit, "  ")
    assert form.nameError.text() == "Name is required"
    type_into(qtbot, form.nameEdit, "BLUEFIN health")
    assert "already called" in form.nameError.text()
    form.licensedSeatsEdit.setFocus()
    form.licensedSeatsEdit.selectAll()
    qtbot.keyClicks(form.licensedSeatsEdit, "-3")  # the field refuses the minus sign
    qtbot.keyClick(form.licensedSeatsEdit, Qt.Key.Key_Return)
    draft = stored(window, account_id)
    assert (draft.name, draft.arr, draft.licensed_seats) == (
        "Acme Logistics", Decimal("120000.00"), 3)
    window.undo_action.trigger()
    assert not window.editor.undo_stack.canUndo()
    type_into(qtbot, form.nameEdit, "Acme Logistics International")
    assert form.nameError.isHidden()
    assert stored(window, account_id).name == "Acme Logistics International"


def test_filter_by_typing(open_window, qtbot) -> None:
    window = open_window(seed=True)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.list_panel.filter_edit.hasFocus()
    qtbot.keyClicks(window.list_panel.filter_edit, "blue")
    assert names_in_list(window) == ["Bluefin Health"]
    assert window.list_panel.count_label.text() == "1 of 3 accounts"
    window.list_panel.filter_edit.clear()
    qtbot.keyClicks(window.list_panel.filter_edit, "sam riv")  # matches the CSM column
    assert len(names_in_list(window)) == 3
    qtbot.keyClicks(window.list_panel.filter_edit, "zzz")
    assert names_in_list(window) == []


def test_sort_by_clicking_headers(open_window, qtbot) -> None:
    window = open_window(seed=True)
    header = window.list_panel.table.horizontalHeader()
    arr_x = header.sectionViewportPosition(AccountColumn.ARR) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().topLeft() + type(header.pos())(arr_x, 5))
    first_click = names_in_list(window)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().topLeft() + type(header.pos())(arr_x, 5))
    second_click = names_in_list(window)
    by_arr = ["Cedar Bank", "Bluefin Health", "Acme Logistics"]
    assert {tuple(first_click), tuple(second_click)} == {tuple(by_arr), tuple(reversed(by_arr))}
    window.list_panel.table.sortByColumn(AccountColumn.RENEWAL, Qt.SortOrder.AscendingOrder)
    assert names_in_list(window) == ["Bluefin Health", "Acme Logistics", "Cedar Bank"]


def test_delete_asks_then_undo_and_redo(open_window, qtbot, monkeypatch) -> None:
    window = open_window(seed=True)
    asked: list[str] = []

    def answer_yes(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    account_id = select(window, "Acme Logistics")
    window.list_panel.table.setFocus()
    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier)
    assert asked and "Acme Logistics" in asked[0]
    assert "Acme Logistics" not in names_in_list(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Acme Logistics" in names_in_list(window)
    restored = window.context.accounts.get(account_id)
    assert restored.draft.renewal_date is not None
    assert window.context.accounts.metric_history(account_id).rows
    summary = next(a for a in window.context.accounts.list_accounts() if a.id == account_id)
    assert summary.next_qbr_at is not None
    window.redo_action.trigger()
    assert "Acme Logistics" not in names_in_list(window)
    window.undo_action.trigger()
    assert "Acme Logistics" in names_in_list(window)


def test_declining_the_delete_keeps_the_account(open_window, qtbot, monkeypatch) -> None:
    window = open_window(seed=True)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    select(window, "Cedar Bank")
    window.delete_action.trigger()
    assert "Cedar Bank" in names_in_list(window)


@pytest.mark.server_smoke
def test_undo_an_edit_restores_field_and_store(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Cedar Bank")
    type_into(qtbot, window.page.form.csmOwnerEdit, "Jordan Ellis")
    assert stored(window, account_id).csm_owner == "Jordan Ellis"
    assert "CSM owner" in window.undo_action.text()
    window.undo_action.trigger()
    assert stored(window, account_id).csm_owner == "Sam Rivera"
    assert window.page.form.csmOwnerEdit.text() == "Sam Rivera"
    window.redo_action.trigger()
    assert window.page.form.csmOwnerEdit.text() == "Jordan Ellis"


@pytest.mark.server_smoke
def test_hostile_and_long_names_display_and_store_intact(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Cedar Bank")
    name = ("<b>R&D</b> 株式会社 🚀 شركة الأمل " * 40)[:1000].strip()
    window.page.form.nameEdit.setText(name)
    window.page.form.nameEdit.editingFinished.emit()
    assert stored(window, account_id).name == name
    assert name in names_in_list(window)
    title = window.page.form.titleLabel
    assert title.toolTip() == name and window.page.form.nameEdit.text() == name
    assert title.text() == name[:119].rstrip() + "…"  # the headline stays within two lines
    assert window.page.form.titleLabel.textFormat() == Qt.TextFormat.PlainText
    assert window.windowTitle().endswith("QBR Desktop")


@pytest.mark.server_smoke
def test_notes_save_by_themselves(open_window, qtbot) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Bluefin Health")
    notes = window.page.form.notesEdit
    notes.setFocus()
    qtbot.keyClicks(notes, "Champion moved to Finance.")
    qtbot.waitUntil(lambda: stored(window, account_id).notes == "Champion moved to Finance.",
                    timeout=3000)


def test_closing_saves_the_field_being_typed_and_reopening_shows_it(open_window, qtbot
                                                                    ) -> None:
    window = open_window(seed=True)
    account_id = select(window, "Bluefin Health")
    window.page.form.countryEdit.setFocus()
    qtbot.keyClicks(window.page.form.countryEdit, "Norway")  # no Return, no focus change
    window.resize(1100, 700)
    window.close()
    again = open_window(size=None)
    assert again.context.accounts.get(account_id).draft.country == "Norway"
    assert again.size().width() == 1100
    assert again.page.form.titleLabel.text() == "Bluefin Health"  # last account reopened


def test_demo_portfolio_is_marked(open_window) -> None:
    window = open_window(seed=True)
    window.context.settings.mark_demo(True)
    window.close()
    demo = open_window()
    assert "DEMO" in demo.windowTitle()
    banner = demo.findChild(type(demo.centralWidget()), "demoBanner")
    assert banner is not None and banner.isVisible()


def test_about_names_the_version(open_window, monkeypatch) -> None:
    window = open_window()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    assert __version__ in shown[0]


@pytest.mark.parametrize("width,height", [(1366, 768), (1920, 1080)])
def test_layout_fits_common_screens(open_window, qtbot, width: int, height: int) -> None:
    window = open_window(seed=True)
    window.resize(width, height)
    qtbot.wait(10)
    form = window.page.form
    # Every field of the account form is reachable without the window growing.
    assert window.size().width() == width
    assert window.list_panel.table.width() > 400
    assert form.nameEdit.width() > 200
    image = window.grab()
    assert image.width() == width


def retype(qtbot, widget, text: str) -> None:
    """Tab into the field (which selects it all), type over it, and Tab out."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_a_renewal_date_typed_over_the_old_one_is_stored_with_its_year(open_window,
                                                                       qtbot) -> None:
    from datetime import date

    window = open_window(seed=True)
    account_id = select(window, "Acme Logistics")  # renews 2027-03-31
    field = window.page.form.renewalDateEdit
    retype(qtbot, field, "2026-12-28")
    assert stored(window, account_id).renewal_date == date(2026, 12, 28)
    retype(qtbot, field, "2026-02-30")
    assert stored(window, account_id).renewal_date == date(2026, 12, 28)
    error = window.page.form.renewalDateError
    assert not error.isHidden() and "not a day of the calendar" in error.text()
    assert field.property("invalid") == "true"
    retype(qtbot, field, "")  # emptied: no renewal date
    assert stored(window, account_id).renewal_date is None
    assert error.isHidden()
