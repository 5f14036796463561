"""Keyboard only: Tab goes through the window in the order it is seen and never gets stuck
in a table; Ctrl+Tab and Ctrl+PgDown step through the account's tabs from anywhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qbr_desktop.gui.tabs import AccountTab, View

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def press(key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> Any:
    """The key goes where a real one would: to the widget with the focus."""
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)
    return QApplication.focusWidget()


def test_tab_leaves_the_account_list_for_the_accounts_tabs(open_window: Any) -> None:
    window = open_window(seed=True)
    panel = window.list_panel
    panel.filter_edit.setFocus()
    assert press(Qt.Key.Key_Tab) is panel.table
    selected = panel.current_account_id()
    assert press(Qt.Key.Key_Tab) is window.account_tabs.tabBar()
    assert panel.current_account_id() == selected  # Tab chose no other account
    assert press(Qt.Key.Key_Tab) is window.page.form.nameEdit
    assert press(Qt.Key.Key_Backtab, SHIFT) is window.account_tabs.tabBar()
    assert press(Qt.Key.Key_Backtab, SHIFT) is panel.table
    assert press(Qt.Key.Key_Backtab, SHIFT) is panel.filter_edit


def test_tab_goes_round_the_whole_window_and_back(open_window: Any) -> None:
    window = open_window(seed=True)
    window.page.form.notesEdit.setFocus()
    metrics = press(Qt.Key.Key_Tab)
    assert metrics is window.page.form.metricsView
    assert press(Qt.Key.Key_Tab) is window.views.tabBar()  # out of the history table
    assert press(Qt.Key.Key_Tab) is window.list_panel.filter_edit


def test_on_another_tab_tab_reaches_that_tabs_fields(open_window: Any) -> None:
    window = open_window(seed=True)
    window.show_account_tab(AccountTab.DECK)
    window.list_panel.table.setFocus()
    press(Qt.Key.Key_Tab)
    assert press(Qt.Key.Key_Tab) is window.deck_tab.slides


def test_ctrl_tab_steps_through_the_account_tabs_from_the_list(open_window: Any) -> None:
    window = open_window(seed=True)
    window.list_panel.table.setFocus()
    tabs = window.account_tabs
    assert tabs.currentIndex() == AccountTab.DETAILS
    press(Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == AccountTab.HEALTH
    assert window.views.currentIndex() == View.ACCOUNTS  # not the portfolio overview
    assert QApplication.focusWidget() is window.list_panel.table
    press(Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentIndex() == AccountTab.TIMELINE
    press(Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == AccountTab.HEALTH
    press(Qt.Key.Key_Tab, CTRL | SHIFT)
    assert tabs.currentIndex() == AccountTab.DETAILS
    press(Qt.Key.Key_PageUp, CTRL)  # round the end
    assert tabs.currentIndex() == AccountTab.DECK
    press(Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == AccountTab.DETAILS


def test_ctrl_tab_works_from_inside_a_text_field(open_window: Any) -> None:
    window = open_window(seed=True)
    window.page.form.notesEdit.setFocus()
    press(Qt.Key.Key_Tab, CTRL)
    assert window.account_tabs.currentIndex() == AccountTab.HEALTH
    assert window.page.form.notesEdit.toPlainText() == ""  # no tab typed into the notes


def test_ctrl_tab_from_another_view_comes_back_to_the_account_tabs(open_window: Any) -> None:
    window = open_window(seed=True)
    QTest.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.views.currentIndex() == View.PORTFOLIO
    press(Qt.Key.Key_Tab, CTRL)
    assert window.views.currentIndex() == View.ACCOUNTS
    assert window.account_tabs.currentIndex() == AccountTab.DETAILS


def test_alt_keys_in_a_persons_fields_still_reach_the_account_tabs(open_window: Any,
                                                                  qtbot: Any) -> None:
    """The person editor's Alt keys are its own: Alt+L (ROI & value) and Alt+T (Prep
    timeline) switch tabs from a person's fields as from anywhere, and each field's Alt
    key reaches that field."""
    window = open_window(seed=True)
    window.show_account_tab(AccountTab.STAKEHOLDERS)
    panel = window.stakeholder_panel
    qtbot.waitUntil(lambda: bool(panel.scene.cards), timeout=10_000)
    editor = panel.person_editor

    def show_a_person() -> None:
        window.show_account_tab(AccountTab.STAKEHOLDERS)
        next(iter(panel.scene.cards.values())).setSelected(True)
        qtbot.waitUntil(editor.name_edit.isVisible, timeout=5000)
        editor.name_edit.setFocus()

    for key, tab in ((Qt.Key.Key_L, AccountTab.ROI), (Qt.Key.Key_T, AccountTab.TIMELINE)):
        show_a_person()
        press(key, ALT)
        assert window.current_tab() is tab, key
    show_a_person()
    for key, field in ((Qt.Key.Key_I, editor.title_edit), (Qt.Key.Key_O, editor.role_box),
                       (Qt.Key.Key_U, editor.influence_spin),
                       (Qt.Key.Key_R, editor.manager_box), (Qt.Key.Key_N, editor.name_edit)):
        assert press(key, ALT) is field, key


def test_ins_adds_a_person_as_soon_as_the_map_is_on_screen(open_window: Any,
                                                          qtbot: Any) -> None:
    """Ctrl+6 then Ins, from the account list: the tooltip's key works without a click
    into the map first, and the new person's name is ready to be typed over."""
    window = open_window(seed=True)
    window.list_panel.table.setFocus()
    press(Qt.Key.Key_6, CTRL)
    panel = window.stakeholder_panel
    qtbot.waitUntil(lambda: panel.stakeholders is not None, timeout=10_000)
    before = len(panel.stakeholders.people)
    assert press(Qt.Key.Key_Insert) is panel.person_editor.name_edit
    assert len(panel.stakeholders.people) == before + 1
    window.show_account_tab(AccountTab.DETAILS)  # the map's key is the map's alone
    window.list_panel.table.setFocus()
    press(Qt.Key.Key_Insert)
    assert len(panel.service.map(panel.account_id).people) == before + 1
