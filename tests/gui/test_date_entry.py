"""The one date (and time) field: typed as a whole or part by part, in ISO or the locale's
short form, explained when it is not a date, picked from a calendar, deaf to the wheel."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.date_entry import DateEntry, EntryWithProblem, TimeEntry


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.day = DateEntry(self, date(2027, 1, 4))
        self.at = TimeEntry(self, time(10, 0))
        self.other = QLineEdit(self)
        self.day_box = EntryWithProblem(self.day, self)
        layout = QVBoxLayout(self)
        for widget in (self.day_box, EntryWithProblem(self.at, self), self.other):
            layout.addWidget(widget)
        self.entered: list[object] = []
        self.day.value_entered.connect(self.entered.append)


@pytest.fixture
def form(qtbot: Any) -> Form:
    shown = Form()
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    assert QTest.qWaitForWindowActive(shown, 5000)
    return shown


def over_all(field: QWidget, text: str, leave: Qt.Key = Qt.Key.Key_Tab) -> None:
    field.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, leave)


def test_a_whole_date_typed_over_the_selection_is_that_date_year_included(form: Form) -> None:
    over_all(form.day, "2026-12-28")
    assert form.day.value() == date(2026, 12, 28)
    assert form.entered == [date(2026, 12, 28)]
    assert form.other.hasFocus() or form.at.hasFocus()  # Tab moved on


def test_typing_part_by_part_changes_only_that_part(form: Form) -> None:
    day = form.day
    day.setFocus()
    QTest.keyClick(day, Qt.Key.Key_Home)
    for _ in range(4):
        QTest.keyClick(day, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(day, "2026")  # over the selected year
    QTest.keyClick(day, Qt.Key.Key_Return)
    assert day.value() == date(2026, 1, 4)
    QTest.keyClick(day, Qt.Key.Key_End)
    QTest.keyClick(day, Qt.Key.Key_Backspace)
    QTest.keyClick(day, Qt.Key.Key_Backspace)
    QTest.keyClicks(day, "28")
    QTest.keyClick(day, Qt.Key.Key_Return)
    assert day.value() == date(2026, 1, 28) and day.text() == "2026-01-28"


@pytest.mark.parametrize(("locale", "typed"), [
    ("en_US", "12/28/26"), ("en_US", "12/28/2026"), ("de_DE", "28.12.2026"),
    ("de_DE", "28.12.26"), ("en_GB", "28/12/2026"), ("ja_JP", "2026/12/28"),
    ("fr_FR", "2026-12-28"),
])
def test_the_locales_short_form_and_iso_both_work(form: Form, locale: str, typed: str) -> None:
    form.day.setLocale(QLocale(locale))
    over_all(form.day, typed)
    assert form.day.value() == date(2026, 12, 28), typed
    assert form.day.text() == "2026-12-28"  # shown back as stored, unambiguous
    assert form.day.problem() == ""


@pytest.mark.parametrize(("typed", "words"), [
    ("2026-12", "“2026-12” is not a whole date: type it as 2027-01-04 or "),
    ("2026", "“2026” is not a whole date"),
    ("28.12.", "“28.12.” is not a whole date"),
    ("2026-02-30", "“2026-02-30” is not a day of the calendar"),
    ("2026-13-01", "“2026-13-01” is not a day of the calendar"),
    ("tomorrow", "“tomorrow” is not a whole date"),
    ("", "Type a date, as 2027-01-04 or "),
])
def test_a_text_that_is_not_one_day_is_explained_and_kept(form: Form, typed: str,
                                                           words: str) -> None:
    over_all(form.day, typed)
    assert form.day.value() == date(2027, 1, 4)  # unchanged, nothing coerced
    assert form.day.text() == typed  # what was typed stays to be corrected
    assert form.entered == []
    assert form.day.problem().startswith(words)
    problem = form.day_box.problem
    assert problem.isVisible() and problem.text() == form.day.problem()
    assert form.day.property("invalid") == "true"
    over_all(form.day, "2026-12-28")  # corrected: the explanation goes
    assert form.day.value() == date(2026, 12, 28)
    assert not problem.isVisible() and form.day.property("invalid") == "false"


def test_the_problem_goes_as_soon_as_the_text_reads_as_a_date(form: Form) -> None:
    over_all(form.day, "2026-12-2", Qt.Key.Key_Return)
    assert form.day.problem() == ""  # a whole date (the 2nd), taken as typed
    over_all(form.day, "2026-12-", Qt.Key.Key_Return)
    assert form.day.problem()
    QTest.keyClicks(form.day, "28")
    assert form.day.problem() == ""
    assert form.day.value() == date(2026, 12, 2)  # entered only on Return or leaving


def test_a_day_outside_the_range_is_refused(form: Form) -> None:
    form.day.set_range(date(2020, 1, 1), date(2030, 12, 31))
    over_all(form.day, "2031-01-01")
    assert form.day.problem() == "Choose a day from 2020-01-01 to 2030-12-31"
    assert form.day.value() == date(2027, 1, 4)


def test_an_optional_field_takes_an_empty_text_as_no_date(form: Form) -> None:
    form.day.set_optional("— none —")
    form.day.setFocus()
    QTest.keyClick(form.day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(form.day, Qt.Key.Key_Delete)
    QTest.keyClick(form.day, Qt.Key.Key_Tab)
    assert form.day.value() is None and form.entered == [None]
    assert form.day.placeholderText() == "— none —"


def test_up_and_down_step_the_part_under_the_cursor(form: Form) -> None:
    day = form.day
    day.setFocus()
    day.setCursorPosition(9)  # in the day
    QTest.keyClick(day, Qt.Key.Key_Down)
    assert day.text() == "2027-01-03" and day.selectedText() == "03"
    day.setCursorPosition(6)  # in the month
    QTest.keyClick(day, Qt.Key.Key_Down)
    assert day.text() == "2026-12-03"
    day.setCursorPosition(1)  # in the year
    QTest.keyClick(day, Qt.Key.Key_Up)
    assert day.text() == "2027-12-03" and day.selectedText() == "2027"
    QTest.keyClick(day, Qt.Key.Key_Return)
    assert day.value() == date(2027, 12, 3)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # popups
def test_the_calendar_opens_by_mouse_or_alt_down_and_sets_the_day(qtbot: Any,
                                                                  form: Form) -> None:
    button = next(b for b in form.day.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    popup = form.day.calendar_popup()
    assert popup.isVisible()
    calendar = popup.calendar
    assert calendar.selectedDate().toPython() == date(2027, 1, 4)
    view = QApplication.focusWidget()
    assert view is not None and popup.isAncestorOf(view)
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert form.day.value() == date(2027, 1, 5) and form.entered == [date(2027, 1, 5)]
    form.day.setFocus()
    QTest.keyClick(form.day, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert popup.isVisible()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not popup.isVisible() and form.day.value() == date(2027, 1, 5)


def test_the_wheel_is_left_to_the_page_and_never_changes_the_date(qtbot: Any) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    field = DateEntry(page, date(2027, 1, 4))
    column.addWidget(field)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    for focused in (False, True):
        if focused:
            field.setFocus()
        centre = QPointF(field.rect().center())
        turn = QWheelEvent(centre, QPointF(field.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                           QPoint(0, -120), Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(field, turn)
        assert not turn.isAccepted()  # so a real turn goes on to the scroll area around it
        assert field.text() == "2027-01-04" and field.value() == date(2027, 1, 4)


@pytest.mark.parametrize(("locale", "typed", "expected"), [
    ("C", "16:30", time(16, 30)), ("C", "9.05", time(9, 5)), ("C", "7:00", time(7, 0)),
    ("en_US", "4:30 PM", time(16, 30)), ("en_US", "16:30", time(16, 30)),
])
def test_a_time_typed_over_the_selection_is_that_time(form: Form, locale: str, typed: str,
                                                      expected: time) -> None:
    form.at.setLocale(QLocale(locale))
    over_all(form.at, typed)
    assert form.at.value() == expected and form.at.problem() == ""


@pytest.mark.parametrize("typed", ["16:", "25:00", "16:75", "noon"])
def test_a_time_that_is_not_one_is_explained_and_kept(form: Form, typed: str) -> None:
    over_all(form.at, typed)
    assert form.at.value() == time(10, 0) and form.at.text() == typed
    assert form.at.problem().startswith(f"“{typed}” is not a time of day: type it as 10:00")
