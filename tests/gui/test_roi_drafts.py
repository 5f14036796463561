"""Unsaved ROI work across accounts, driven through the window as a CSM would: type into one
account's ROI tab, click another account in the list, come back; then check what is shown
and what is stored for both."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from typing_support import type_text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.accounts.table_model import AccountColumn
from qbr_desktop.gui.roi.roi_panel import RoiPanel
from qbr_desktop.gui.tabs import AccountTab

WAIT_MS = 10000


@pytest.fixture
def window(open_window: Any) -> Any:
    shown = open_window(seed=False)
    for name, arr in (("Globex Corp", "120000"), ("Cyberdyne Systems", "48000")):
        shown.context.accounts.create(AccountDraft(name=name, arr=Decimal(arr)))
    shown.reload_accounts()
    return shown


def account_id(window: Any, name: str) -> int:
    return next(a.id for a in window.context.accounts.list_accounts() if a.name == name)


def click_account(qtbot: Any, window: Any, name: str) -> None:
    table, proxy = window.list_panel.table, window.list_panel.proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, AccountColumn.NAME).data() == name)
    rect = table.visualRect(proxy.index(row, AccountColumn.NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.roi_panel.account_id == account_id(window, name) or (
        window.current_tab() is not AccountTab.ROI)


def open_roi_tab(qtbot: Any, window: Any) -> RoiPanel:
    bar = window.account_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(AccountTab.ROI).center())
    assert window.current_tab() is AccountTab.ROI
    return window.roi_panel


def field(panel: RoiPanel, name: str) -> QLineEdit:
    editor = panel.line_editor.fields[name].editor
    assert isinstance(editor, QLineEdit)
    return editor


def type_into(editor: QLineEdit, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, text)


def add_cost_line(panel: RoiPanel, hours: str, rate: str = "75") -> None:
    QTest.mouseClick(panel.add_line_button, Qt.MouseButton.LeftButton)
    type_into(field(panel, "hours_saved"), hours)
    type_into(field(panel, "hourly_rate"), rate)


def figures(panel: RoiPanel) -> dict[str, str]:
    return {name: label.text() for name, label in panel.results.figures.items()}


def test_an_invalid_draft_comes_back_with_its_own_accounts_figures(
        qtbot: Any, window: Any) -> None:
    globex, cyberdyne = account_id(window, "Globex Corp"), account_id(window,
                                                                       "Cyberdyne Systems")
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    assert figures(panel)["investment"] == "$120,000"
    add_cost_line(panel, hours="lots")
    assert panel.problems
    click_account(qtbot, window, "Cyberdyne Systems")
    assert panel.account_id == cyberdyne
    assert figures(panel)["investment"] == "$48,000"
    cyberdyne_figures = figures(panel)
    click_account(qtbot, window, "Globex Corp")
    assert panel.account_id == globex
    # The draft is back, with its message ...
    assert field(panel, "hours_saved").text() == "lots"
    assert panel.dirty and panel.problem_banner.isVisibleTo(panel)
    # ... and the figures are Globex's, not those of the account shown before.
    assert figures(panel)["investment"] == "$120,000"
    assert figures(panel)["npv"] != cyberdyne_figures["npv"]
    assert "Value a year $0" in panel.headline.text()
    assert not window.context.roi.report(globex).stored
    assert not window.context.roi.report(cyberdyne).stored


def test_valid_changes_are_saved_under_their_own_account_on_switching(
        qtbot: Any, window: Any) -> None:
    globex, cyberdyne = account_id(window, "Globex Corp"), account_id(window,
                                                                       "Cyberdyne Systems")
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="1200")
    assert figures(panel)["value"] == "$360,000"
    click_account(qtbot, window, "Cyberdyne Systems")
    assert (figures(panel)["value"], figures(panel)["investment"]) == ("$0", "$48,000")
    assert not panel.dirty and not panel.line_docs
    assert not panel.drafts_note.isVisibleTo(panel)  # nothing was left unsaved
    stored = window.context.roi.report(globex)
    assert stored.stored and stored.result.total_value == Decimal("360000")
    assert not window.context.roi.report(cyberdyne).stored
    click_account(qtbot, window, "Globex Corp")
    assert figures(panel)["value"] == "$360,000"
    assert field(panel, "hours_saved").text() == "1200" and not panel.dirty
    assert panel.unsaved_work() is None


def test_a_kept_draft_is_named_while_another_account_is_on_show(
        qtbot: Any, window: Any) -> None:
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="lots")
    click_account(qtbot, window, "Cyberdyne Systems")
    assert panel.drafts_note.isVisibleTo(panel)
    assert panel.drafts_note.text().startswith(
        "Unsaved ROI changes for Globex Corp (2 fields, one not valid: hours saved)")
    assert panel.unsaved_work() == (
        "Unsaved ROI changes for Globex Corp (2 fields, one not valid: hours saved)")
    assert panel.unsaved_account_ids() == [account_id(window, "Globex Corp")]
    click_account(qtbot, window, "Globex Corp")
    assert not panel.drafts_note.isVisibleTo(panel)  # it is the one on show now


def test_a_draft_in_another_quarter_reopens_in_that_quarter(qtbot: Any, window: Any) -> None:
    globex = account_id(window, "Globex Corp")
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    following = window.context.roi.current_quarter().shifted(1)
    box = panel.quarter_box
    box.setFocus()
    while box.currentData() != str(following):
        QTest.keyClick(box, Qt.Key.Key_Up)  # the list runs latest first
    assert panel.quarter == following
    add_cost_line(panel, hours="lots")
    click_account(qtbot, window, "Cyberdyne Systems")
    assert str(following) in panel.drafts_note.text()
    click_account(qtbot, window, "Globex Corp")
    assert panel.quarter == following and field(panel, "hours_saved").text() == "lots"
    assert box.currentText() == str(following) + " (not saved)"
    assert not window.context.roi.report(globex, following).stored


def test_a_drawing_of_the_previous_account_never_lands_on_the_next(
        qtbot: Any, window: Any) -> None:
    from qbr_desktop.gui.worker import running

    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    started = panel.charts.generation
    add_cost_line(panel, hours="1200")
    qtbot.waitUntil(lambda: panel.charts.generation > started, timeout=WAIT_MS)
    click_account(qtbot, window, "Cyberdyne Systems")  # Globex's drawing is under way
    panel.charts.timer.stop()  # Cyberdyne's waits, so only Globex's can arrive
    with qtbot.assertNotEmitted(panel.charts_ready, wait=0):
        qtbot.waitUntil(lambda: not running(), timeout=WAIT_MS)
    charts = (panel.results.value_chart, panel.results.scenario_chart,
              panel.results.cash_chart)
    assert all(chart.pixmap().isNull() for chart in charts)
    with qtbot.waitSignal(panel.charts_ready, timeout=WAIT_MS):
        panel.charts.timer.start()
    assert panel.charts.shown == panel.charts.generation
    assert not any(chart.pixmap().isNull() for chart in charts)


def test_a_sentence_being_typed_stays_with_its_account(qtbot: Any, window: Any) -> None:
    globex, cyberdyne = account_id(window, "Globex Corp"), account_id(window,
                                                                       "Cyberdyne Systems")
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="1200")
    sentence = panel.story_view.editors[0]
    qtbot.waitUntil(sentence.isVisible)  # shown on the next turn of the event loop
    sentence.setFocus()
    sentence.selectAll()
    type_text(sentence, "Globex の支援チームは 1,200 時間を節約しました。")
    # The window moves to another account without the editor losing focus first (as
    # opening an account from the portfolio overview or the upcoming QBRs does).
    window.list_panel.select_account(cyberdyne)
    assert panel.account_id == cyberdyne
    assert "Globex" not in " ".join(editor.text() for editor in panel.story_view.editors)
    window.list_panel.table.setFocus()
    assert not panel.dirty and "Globex" not in panel.story_view.story_text.text()
    stored = window.context.roi.report(globex)
    assert stored.stored and "Globex の支援チーム" in stored.story_text
    assert not window.context.roi.report(cyberdyne).stored


# The quit prompt's questions ------------------------------------------------------------
def test_unsaved_work_names_each_account_and_its_invalid_fields(
        qtbot: Any, window: Any) -> None:
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    assert panel.unsaved_work() is None
    add_cost_line(panel, hours="1200", rate="7x5")
    type_into(field(panel, "label"), "Support automation")
    assert panel.unsaved_work() == (
        "Unsaved ROI changes for Globex Corp (3 fields, one not valid: hourly rate)")
    click_account(qtbot, window, "Cyberdyne Systems")
    rate = panel.investments.rate.editor
    assert isinstance(rate, QLineEdit)
    type_into(rate, "8")
    assert panel.unsaved_work() == (
        "Unsaved ROI changes for Cyberdyne Systems (1 field) and "
        "Globex Corp (3 fields, one not valid: hourly rate)")
    type_into(rate, "10")  # typed back to what is stored: nothing would be lost
    assert panel.unsaved_work() == (
        "Unsaved ROI changes for Globex Corp (3 fields, one not valid: hourly rate)")


def test_save_unsaved_stores_what_it_can_and_says_why_not_the_rest(
        qtbot: Any, window: Any) -> None:
    globex, cyberdyne = account_id(window, "Globex Corp"), account_id(window,
                                                                       "Cyberdyne Systems")
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="lots")
    click_account(qtbot, window, "Cyberdyne Systems")
    add_cost_line(panel, hours="100", rate="50")
    assert not panel.save_unsaved()
    assert window.context.roi.report(cyberdyne).stored  # the valid one is stored
    assert not window.context.roi.report(globex).stored
    assert panel.save_state.text() == (
        "Not saved. Unsaved ROI changes for Globex Corp (2 fields, one not valid: hours "
        "saved): open the account to fix the marked fields.")
    assert panel.unsaved_account_ids() == [globex]
    click_account(qtbot, window, "Globex Corp")
    type_into(field(panel, "hours_saved"), "1200")
    assert panel.save_unsaved() and panel.unsaved_work() is None
    assert window.context.roi.report(globex).result.total_value == Decimal("360000")
    assert panel.save_state.text() == "Saved" and not panel.dirty


def test_save_unsaved_says_why_when_the_form_on_show_is_not_valid(
        qtbot: Any, window: Any) -> None:
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="lots")
    assert not panel.save_unsaved()
    assert panel.save_state.text() == "Not saved: fix the 1 marked field first"
    assert field(panel, "hours_saved").text() == "lots" and panel.dirty


def test_discard_unsaved_drops_every_draft_and_shows_what_is_stored(
        qtbot: Any, window: Any) -> None:
    globex = account_id(window, "Globex Corp")
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="1200")
    assert panel.save()
    type_into(field(panel, "hours_saved"), "lots")
    click_account(qtbot, window, "Cyberdyne Systems")
    add_cost_line(panel, hours="7x")
    panel.discard_unsaved()
    assert panel.unsaved_work() is None and not panel.dirty and not panel.line_docs
    assert not panel.drafts_note.isVisibleTo(panel)
    click_account(qtbot, window, "Globex Corp")
    assert field(panel, "hours_saved").text() == "1200" and not panel.dirty
    assert window.context.roi.report(globex).result.total_value == Decimal("360000")


def test_the_discard_button_asks_then_goes_back_to_what_is_stored(
        qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    assert not panel.discard_button.isEnabled()
    add_cost_line(panel, hours="lots")
    QTest.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert asked == ["Unsaved ROI changes for Globex Corp (2 fields, one not valid: hours "
                     "saved). Discard them and go back to what is stored?"]
    assert field(panel, "hours_saved").text() == "lots"  # cancelled: all kept
    answer = QMessageBox.StandardButton.Discard
    QTest.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert not panel.line_docs and not panel.dirty and not panel.problems
    assert panel.results.figures["investment"].text() == "$120,000"


def test_another_account_opens_at_the_top_of_its_page(qtbot: Any, window: Any) -> None:
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="1200")
    field(panel, "multipliers.expected").setFocus()
    for _ in range(3):  # the page follows the focus down
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    scroll_bar = panel.page_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.value() > 0)
    click_account(qtbot, window, "Cyberdyne Systems")
    assert scroll_bar.value() == 0


def test_work_kept_on_a_cancelled_close_is_not_brought_back_over_later_work(
        qtbot: Any, window: Any) -> None:
    globex = account_id(window, "Globex Corp")
    click_account(qtbot, window, "Globex Corp")
    panel = open_roi_tab(qtbot, window)
    add_cost_line(panel, hours="lots")
    panel.flush_pending()  # as closing the window does, before a prompt may cancel it
    assert panel.unsaved_work() is not None
    type_into(field(panel, "hours_saved"), "1200")  # the CSM stays and fixes it
    assert panel.unsaved_work() == "Unsaved ROI changes for Globex Corp (2 fields)"
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.unsaved_work() is None
    click_account(qtbot, window, "Cyberdyne Systems")
    click_account(qtbot, window, "Globex Corp")
    assert field(panel, "hours_saved").text() == "1200" and not panel.dirty
    assert window.context.roi.report(globex).result.total_value == Decimal("360000")
