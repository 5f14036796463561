"""Driving the real window as a person does, step by step, and keeping count.

A step is one thing a person does: a click, a key chord, one text typed into the field that
has the focus (with the Tab or Return that ends it), or one choice from a drop-down list
(open it, pick the item). Every step checks, before it acts, that each widget it uses lies
wholly on the 1366 × 768 screen and is not cut off by the panes around it; typing also
checks that the field typed into has the keyboard focus, as a person's keys go there and
nowhere else. What was typed is read back from the store by the caller, outside the steps.

A modal dialog runs its own event loop: `answering` drives it from inside that loop, as
the dialog is on screen, and reports a failure there after the dialog has closed. Where a
desktop's window manager would make a new window active, or give the keyboard back to
the window a dialog came from, the journey does it (`focus_as_a_window_manager`): neither
a bare X server nor the offscreen platform does. With `shots`, the whole screen is saved
as a PNG after every step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QMainWindow,
    QWidget,
)
from typing_support import type_text

SCREEN = QRect(0, 0, 1366, 768)
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
POLL_MS = 20
MODAL_TIMEOUT_S = 60
LOOK_S = 2
ANIMATED_CLICK_MS = 150  # QAbstractButton.animateClick holds the button down 100 ms


@dataclass
class Step:
    number: int
    what: str
    widget: str
    detail: str = ""  # what was typed, the keys pressed, the item chosen
    seconds: float = 0.0
    how: str = "typed"

    def line(self) -> str:
        detail = f" — {self.how} “{self.detail}”" if self.detail else ""
        return f"{self.number:2d}. {self.seconds:6.1f} s  {self.what} [{self.widget}]{detail}"


def describe(widget: QWidget) -> str:
    """A widget as a person would name it: its text, else its accessible name, else its
    class."""
    for reader in ("text", "title", "accessibleName", "windowTitle", "placeholderText"):
        value = getattr(widget, reader, None)
        text = value() if callable(value) else ""
        if isinstance(text, str) and text.strip():
            return f"{type(widget).__name__} “{text.replace('&', '').strip()[:40]}”"
    return type(widget).__name__


def off_screen(widget: QWidget, screen: QRect = SCREEN) -> str:
    """Why the widget is not wholly in view on `screen`, or "" when it is: hidden, past
    the screen's edge, or cut off by a pane (a scroll area, a splitter) around it."""
    if not widget.isVisible():
        return f"{describe(widget)} is not visible"
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    if not screen.contains(rect):
        return f"{describe(widget)} at {_text(rect)} is not inside the screen {_text(screen)}"
    shown = rect
    parent = None if widget.isWindow() else widget.parentWidget()
    while parent is not None:
        shown = shown.intersected(QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()))
        parent = None if parent.isWindow() else parent.parentWidget()
    if shown != rect:
        return f"{describe(widget)} at {_text(rect)} shows only {_text(shown)}"
    return ""


def _text(rect: QRect) -> str:
    return f"{rect.width()}×{rect.height()}+{rect.x()}+{rect.y()}"


def settle(ms: int = 30) -> None:
    """Let the window react as it would between a person's actions."""
    end = time.monotonic() + ms / 1000
    while True:
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() >= end:
            return
        time.sleep(0.005)


def wait_until(condition: Callable[[], object], what: str, timeout_s: float = 60) -> None:
    """Wait (letting the window and its background work run) until `condition` holds."""
    end = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < end, f"waited {timeout_s:.0f} s for {what}"
        settle(10)


@dataclass
class Journey:
    screen: QRect = field(default_factory=lambda: QRect(SCREEN))
    shots: Path | None = None
    steps: list[Step] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    _shot: set[int] = field(default_factory=set)

    # The person's actions ----------------------------------------------------------------
    def click(self, widget: QWidget, what: str, at: QPoint | None = None) -> None:
        self.check_on_screen(widget)
        step = self._record(what, widget)
        QTest.mouseClick(widget, LEFT, NO_KEYS, at if at is not None else widget.rect().center())
        self._after(step)

    def press(self, key: Qt.Key, what: str, modifiers: Qt.KeyboardModifier = NO_KEYS,
              uses: QWidget | None = None) -> None:
        """A key chord, sent where the keyboard focus is (the active window when nothing has
        it). `uses`: the widget the chord acts on (a button, a tab), checked for view."""
        target = self.focused()
        self.check_on_screen(uses or target)
        step = self._record(what, uses or target, _chord(key, modifiers), how="pressed")
        QTest.keyClick(target, key, modifiers)
        if isinstance(uses, QAbstractButton):
            settle(ANIMATED_CLICK_MS)  # a button's Alt key shows it pressed, then clicks
        self._after(step)

    def type(self, field_widget: QWidget, text: str, what: str,
             end: Qt.Key | None = Qt.Key.Key_Tab) -> None:
        """Type into the field that has the focus, then press `end` (Tab, Return) if any."""
        self.check_on_screen(field_widget)
        focus = self.focused()
        assert focus is field_widget or field_widget.isAncestorOf(focus), (
            f"to type {text!r} into {describe(field_widget)}, the focus is on "
            f"{describe(focus)}")
        ending = {Qt.Key.Key_Tab: "⇥", Qt.Key.Key_Return: "⏎", None: ""}.get(end, "")
        step = self._record(what, field_widget, text + ending)
        type_text(focus, text)
        if end is not None:
            QTest.keyClick(focus, end)
        self._after(step)

    def choose(self, combo: QComboBox, item: str, what: str) -> None:
        """Open a drop-down list with a click and click the item: one choice."""
        self.check_on_screen(combo)
        step = self._record(what, combo, item, how="chose")
        QTest.mouseClick(combo, LEFT, NO_KEYS, combo.rect().center())
        view = combo.view()
        wait_until(view.isVisible, f"the list of {describe(combo)} to open", 5)
        # A list takes no click for a double-click's time after it opens (so the release of
        # the click that opened it picks nothing); a person is slower than that anyway.
        settle(QApplication.doubleClickInterval() + 50)
        self.check_on_screen(view.window())
        row = combo.findText(item)
        assert row >= 0, f"{item!r} is not in {describe(combo)}"
        index = view.model().index(row, combo.modelColumn(), view.rootIndex())
        view.scrollTo(index)
        # An item's box may run past the list's right edge; its row must be in view.
        place = view.visualRect(index).intersected(view.viewport().rect())
        assert place.height() == view.visualRect(index).height(), (
            f"{item!r} at {_text(place)} is not in view in its list "
            f"({_text(view.viewport().rect())})")
        self._on_screen_rect(view.viewport(), place, item)
        QTest.mouseClick(view.viewport(), LEFT, NO_KEYS, place.center())
        wait_until(lambda: not view.isVisible(), f"the list of {describe(combo)} to close", 5)
        assert combo.currentText() == item, (combo.currentText(), item)
        self._after(step)

    def click_item(self, view: Any, index: Any, what: str) -> None:
        """Click a row of a list or table (scrolled to, as a person scrolls to it)."""
        view.scrollTo(index)
        settle()
        place = view.visualRect(index).intersected(view.viewport().rect())
        assert place.height() == view.visualRect(index).height(), f"{what}: the row is cut off"
        self.check_on_screen(view)
        self._on_screen_rect(view.viewport(), place, what)
        step = self._record(what, view, str(index.data()), how="clicked")
        QTest.mouseClick(view.viewport(), LEFT, NO_KEYS, place.center())
        self._after(step)

    def launch(self, what: str, start: Callable[[], QWidget]) -> QWidget:
        """Starting the program: one step, whose window is checked like any widget."""
        step = self._record(what, None)
        window = start()
        self._after(step)
        self.check_on_screen(window)
        return window

    # Dialogs -----------------------------------------------------------------------------
    @contextmanager
    def answering(self, kind: type[QWidget], drive: Callable[[Any], None]) -> Iterator[None]:
        """Within the block a step opens a modal `kind` dialog; `drive` works it, from
        inside its event loop, until it closes."""
        before = QApplication.activeModalWidget()
        failures: list[BaseException] = []
        handled: list[QWidget] = []
        timer = QTimer()
        timer.setInterval(POLL_MS)

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if handled or not isinstance(dialog, kind) or dialog is before:
                return
            if not dialog.isVisible():
                return
            handled.append(dialog)
            timer.stop()
            try:
                settle(50)  # as a person sees the dialog before acting
                if self.steps:
                    self._screenshot(self.steps[-1])
                self.check_on_screen(dialog)
                drive(dialog)
            except Exception as exc:  # noqa: BLE001 (reported once the dialog has closed)
                failures.append(exc)
                if dialog.isVisible() and isinstance(dialog, QDialog):
                    dialog.reject()

        timer.timeout.connect(poll)
        timer.start()
        try:
            yield
            if not failures:
                wait_until(lambda: bool(handled) or bool(failures),
                           f"a {kind.__name__} to open", MODAL_TIMEOUT_S)
        finally:
            timer.stop()
        focus_as_a_window_manager()
        if failures:
            raise failures[0]
        assert handled, f"no {kind.__name__} opened"

    # Reading the screen ------------------------------------------------------------------
    @staticmethod
    def focused() -> QWidget:
        """Where a key goes: an open menu or list takes the keyboard, else the focus."""
        def where() -> QWidget | None:
            return (QApplication.activePopupWidget() or QApplication.focusWidget()
                    or QApplication.activeWindow())

        focus_as_a_window_manager()
        wait_until(where, "a window to take the keyboard", 2)
        widget = where()
        assert widget is not None
        return widget

    def report(self) -> str:
        seconds = time.monotonic() - self.started
        lines = [step.line() for step in self.steps]
        return "\n".join([*lines, f"{len(self.steps)} steps in {seconds:.1f} s"])

    # Inside ------------------------------------------------------------------------------
    def check_on_screen(self, widget: QWidget) -> None:
        """The widget wholly in view, once the window has shown it (a person looks before
        acting: a field that appears a moment after a click is waited for, briefly)."""
        end = time.monotonic() + LOOK_S
        while (problem := off_screen(widget, self.screen)) and time.monotonic() < end:
            settle(10)
        assert not problem, f"step {len(self.steps) + 1}: {problem}"

    def _on_screen_rect(self, widget: QWidget, rect: QRect, what: str) -> None:
        place = QRect(widget.mapToGlobal(rect.topLeft()), rect.size())
        assert self.screen.contains(place), f"{what} at {_text(place)} is off the screen"

    def _record(self, what: str, widget: QWidget | None, detail: str = "",
                how: str = "typed") -> Step:
        step = Step(len(self.steps) + 1, what,
                    describe(widget) if widget is not None else "the desktop", detail,
                    time.monotonic() - self.started, how)
        self.steps.append(step)
        return step

    def _after(self, step: Step) -> None:
        settle()
        self._screenshot(step)

    def _screenshot(self, step: Step) -> None:
        """The whole screen once the step has acted; a step that opened a dialog is shown
        with its dialog up (its steps inside the dialog come next)."""
        if self.shots is None or step.number in self._shot:
            return
        self._shot.add(step.number)
        self.shots.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() else "-" for c in step.what.lower()).strip("-")[:48]
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(self.shots / f"{step.number:02d}-{name}.png"))


def focus_as_a_window_manager() -> None:
    """What a desktop's window manager does and a bare X server (or the offscreen platform,
    after a dialog) does not: when no window is active, the one on screen is made active
    (a window just opened, or the one a closed dialog came from)."""
    if QApplication.activeWindow() is not None or QApplication.activePopupWidget():
        return
    modal = QApplication.activeModalWidget()
    shown = [modal] if modal is not None and modal.isVisible() else [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    if len(shown) == 1:
        shown[0].activateWindow()
        wait_until(shown[0].isActiveWindow, "the window to be active", 5)


def _chord(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> str:
    names = [name for flag, name in ((Qt.KeyboardModifier.ControlModifier, "Ctrl"),
                                     (Qt.KeyboardModifier.AltModifier, "Alt"),
                                     (Qt.KeyboardModifier.ShiftModifier, "Shift"))
             if modifiers & flag]
    from PySide6.QtGui import QKeySequence

    return "+".join([*names, QKeySequence(key).toString()])
