"""No tab can make the window taller than a 1366 × 768 screen, or wider than 1280 px: long
content scrolls inside its tab. The deck tab's export buttons stay in view at 1366 × 768."""

from __future__ import annotations

from typing import Any

import pytest

from qbr_desktop.gui.tabs import AccountTab, View

MAX_HEIGHT, MAX_WIDTH = 720, 1280


def inside(widget: Any, window: Any) -> bool:
    """Whether the whole widget is on the window's visible area."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return (widget.isVisible() and top_left.x() >= 0 and top_left.y() >= 0
            and top_left.x() + widget.width() <= window.width()
            and top_left.y() + widget.height() <= window.height())


def test_every_tab_fits_the_screen_and_leaves_the_window_its_size(open_window: Any,
                                                                  qtbot: Any) -> None:
    window = open_window(seed=True)
    seen = []
    for view in View:
        window.views.setCurrentIndex(view)
        qtbot.wait(20)
        seen.append((view.name, window.minimumSizeHint()))
    window.views.setCurrentIndex(View.ACCOUNTS)
    for tab in AccountTab:
        window.account_tabs.setCurrentIndex(tab)
        qtbot.wait(50)  # the tab loads its account
        seen.append((tab.name, window.minimumSizeHint()))
        assert (window.width(), window.height()) == (1366, 768), tab.name
    for name, hint in seen:
        assert hint.height() <= MAX_HEIGHT and hint.width() <= MAX_WIDTH, (name, hint)


@pytest.mark.parametrize("tab", [AccountTab.DECK, AccountTab.ROI, AccountTab.MEETING,
                                 AccountTab.TIMELINE, AccountTab.STAKEHOLDERS])
def test_a_tabs_own_buttons_are_in_view_at_1366_by_768(open_window: Any, qtbot: Any,
                                                       tab: AccountTab) -> None:
    from PySide6.QtWidgets import QAbstractButton

    from qbr_desktop.gui.worker import running

    window = open_window(seed=True)
    window.show_account_tab(tab)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)  # the tab has loaded its account
    qtbot.wait(50)
    page = window.account_tabs.currentWidget().widget()

    def shown_buttons() -> list[Any]:
        return [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)
                and b.text() and not b.text().startswith(("▲", "▼"))]

    # A tab loads its account in the background; its buttons show once it has.
    qtbot.waitUntil(lambda: bool(shown_buttons()), timeout=10_000)
    buttons = shown_buttons()
    hidden = [b.text() for b in buttons if not inside(b, window)]
    assert not hidden, f"{tab.name}: out of view at 1366 × 768: {hidden}"


def test_unsaved_roi_work_of_many_accounts_leaves_the_roi_page_its_room(
        open_window: Any, qtbot: Any) -> None:
    from decimal import Decimal

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.gui.accounts.table_model import AccountColumn

    window = open_window(seed=True)
    name = "株式会社グローバル・エクスチェンジ・ホールディングス مجموعة الأمل القابضة {}"
    for number in range(8):
        window.context.accounts.create(AccountDraft(name=name.format(number),
                                                    arr=Decimal(1000)))
    window.reload_accounts()
    window.show_account_tab(AccountTab.ROI)
    panel, table, proxy = window.roi_panel, window.list_panel.table, window.list_panel.proxy
    for row in range(proxy.rowCount()):  # each account: click it, type a bad figure
        rect = table.visualRect(proxy.index(row, AccountColumn.NAME))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseClick(panel.add_line_button, Qt.MouseButton.LeftButton)
        QTest.keyClicks(panel.line_editor.fields["hours_saved"].editor, "lots")
    qtbot.wait(50)
    note = panel.drafts_note
    assert note.text().endswith("and 8 more — kept until you save or discard them there.")
    assert note.toolTip().count("hours saved") == 10
    assert window.minimumSizeHint().height() <= MAX_HEIGHT
    assert panel.page_scroll.height() >= 300, panel.page_scroll.height()
    for button in (panel.save_button, panel.discard_button, panel.add_line_button):
        assert inside(button, window), button.text()


def test_the_running_meetings_controls_are_all_in_view_at_1366_by_768(
        open_window: Any, qtbot: Any) -> None:
    """Run the meeting: the timer's buttons, the screen for the room, Presenter view and
    Chime all show without scrolling sideways (the page is no wider than its pane)."""
    from journey import off_screen
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    from qbr_desktop.gui.worker import running

    window = open_window(seed=True)
    window.show_account_tab(AccountTab.MEETING)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)
    tab = window.agenda_tab
    tab.pages.setCurrentIndex(1)  # Run the meeting
    qtbot.wait(50)
    meeting = tab.meeting
    controls = [*meeting.findChildren(QAbstractButton), *meeting.findChildren(QComboBox)]
    screen = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    hidden = [off_screen(c, screen) for c in controls if c.isVisibleTo(meeting)]
    assert not any(hidden), [problem for problem in hidden if problem]
    page = window.account_tabs.currentWidget()
    assert not page.horizontalScrollBar().isVisible()  # nothing to scroll sideways to


def test_an_action_item_has_room_to_be_typed_while_the_meeting_runs(
        open_window: Any, qtbot: Any) -> None:
    """At 1366 × 768 the action item's own field shows at least its whole hint, however
    much room the owner, the date and Add take beside it."""
    from qbr_desktop.gui.worker import running

    window = open_window(seed=True)
    window.show_account_tab(AccountTab.MEETING)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)
    window.agenda_tab.pages.setCurrentIndex(1)  # Run the meeting
    qtbot.wait(50)
    edit = window.agenda_tab.quick_action.text_edit
    hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= hint + 12, (edit.width(), hint)


def test_the_follow_up_pages_buttons_are_in_view_however_long_the_meeting_page(
        open_window: Any, qtbot: Any) -> None:
    """The Follow-up page is not made as tall as Run the meeting would like to be (with a
    dozen people to check in): its Follow-up email… shows without scrolling."""
    from journey import off_screen
    from PySide6.QtCore import QPoint, QRect

    from qbr_desktop.domain.stakeholders import Stakeholder
    from qbr_desktop.gui.worker import running

    window = open_window(seed=True)
    account_id = window.list_panel.current_account_id()
    for number in range(12):
        window.context.stakeholders.add_person(account_id, Stakeholder(
            0, f"Person {number} with a long name to wrap", "Operations"))
    window.show_account(account_id)
    window.show_account_tab(AccountTab.MEETING)
    qtbot.waitUntil(lambda: running() == 0, timeout=30_000)
    pages = window.agenda_tab.pages
    for page in (1, 2):  # Run the meeting (laid out once seen), then Follow-up
        pages.setCurrentIndex(page)
        qtbot.wait(50)
    screen = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    follow_up = window.agenda_tab.follow_up
    for button in (follow_up.email_button, follow_up.remove_button):
        assert not off_screen(button, screen), off_screen(button, screen)
