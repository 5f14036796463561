"""Help › Getting Started walks a CSM through the job, and Help › Keyboard Shortcuts lists
every key: both offline, read by keyboard, and inside a 1366 × 768 screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTextBrowser

STEPS = ("Bring in your accounts", "Pick an account", "Schedule the QBR", "Map the people",
         "Show the value", "Plan and run the meeting", "Prepare the deck and share it",
         "Follow up")


class Reader:
    """Reads the help dialog once it is on screen, as a keyboard user: the text has the
    focus, Tab reaches Close, Escape closes."""

    def __init__(self) -> None:
        self.text = ""
        self.size = (0, 0)
        self.focus_first = ""
        self.focus_after_tab = ""
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._read)
        self.timer.start()

    def _read(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isActiveWindow() or self.text:
            return
        browser = dialog.findChild(QTextBrowser)
        self.text = browser.toPlainText()
        self.size = (dialog.frameGeometry().width(), dialog.frameGeometry().height())
        self.focus_first = describe(QApplication.focusWidget())
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        self.focus_after_tab = describe(QApplication.focusWidget())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        self.timer.stop()


def describe(widget: object) -> str:
    if isinstance(widget, QPushButton):
        return f"button {widget.text().replace('&', '')}"
    return type(widget).__name__


def open_help(window: Any, key: Qt.Key | None = None, action: Any = None) -> Reader:
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    reader = Reader()
    if key is not None:
        QTest.keyClick(window, key)
    else:
        action.trigger()
    reader.timer.stop()
    return reader


def test_f1_opens_the_getting_started_guide(open_window) -> None:
    window = open_window(seed=True)
    reader = open_help(window, key=Qt.Key.Key_F1)
    for number, step in enumerate(STEPS, start=1):
        assert f"{number}. {step}" in reader.text
    assert "File › Import…" in reader.text and "Share by email…" in reader.text
    assert reader.size[0] <= 1366 and reader.size[1] <= 768 - 48  # a taskbar's room
    assert (reader.focus_first, reader.focus_after_tab) == ("QTextBrowser", "button Close")
    assert QApplication.activeModalWidget() is None  # Escape closed it


def test_the_help_menu_offers_the_guide_the_keys_and_about(open_window) -> None:
    window = open_window()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "&Getting Started", "&Keyboard Shortcuts", "&About QBR Desktop"]


def test_the_shortcuts_list_matches_the_menus(open_window) -> None:
    window = open_window(seed=True)
    text = open_help(window, action=window.shortcuts_action).text
    for keys, what in (("Ctrl+N", "New Account"), ("Ctrl+Q", "Quit"),
                       ("Ctrl+Tab / Ctrl+PgDown", "Next Tab"), ("Ctrl+1", "Accounts"),
                       ("Ctrl+8", "Deck"), ("Ctrl+F", "Find Account"),
                       ("Ctrl+Shift+B", "Back Up Now"),
                       ("Ctrl+Shift+Tab / Ctrl+PgUp", "Previous Tab")):
        assert f"\n{keys}\n{what}\n" in text, (keys, what)
    for key in ("Space", "Ins", "Ctrl+S", "Tab / Shift+Tab"):
        assert key in text
