"""The one way to enter a date or a time of day anywhere in the window.

A line of text, read as a whole when the CSM presses Return, leaves the field or picks a
day from the calendar: ISO (2026-12-28) or the locale's short form (12/28/26), and the
field then shows the day in ISO. A text that is not exactly one day is kept as typed,
marked and explained (`problem_changed`), never replaced by a day nobody typed. Up and
Down step the part under the cursor (year, month or day), as in a QDateEdit; Alt+Down or
F4 opens the calendar. Being a line edit, the field never turns with the mouse wheel.

Dialogs read a field through `commit()`, which says whether the text is a date; editors
in a form listen to `value_entered`.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFocusEvent, QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.date_text import (
    ISO_DATE,
    ISO_TIME,
    NEEDS_A_DATE,
    NEEDS_A_TIME,
    EntryTextError,
    date_examples,
    parse_date,
    parse_time,
    time_examples,
)
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
CALENDAR_TIP = QT_TRANSLATE_NOOP("date_entry", "Choose from a calendar (Alt+Down)")


class _TypedEntry(QLineEdit):
    """What the date and time fields share: read on Return or on leaving, problems in
    words, Up and Down to step the part under the cursor."""

    # A value was entered (Return, leaving the field, the calendar): the date or time, or
    # None when an optional field was emptied.
    value_entered = Signal(object)
    # The sentence explaining why the text is not a value; "" once it is one again.
    problem_changed = Signal(str)

    sample = ""  # the widest text the field shows, for its size

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: Any = None
        self._optional = False
        self._problem = ""
        self._tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.textEdited.connect(self._recheck)

    # To fill in by each kind -------------------------------------------------------------
    def _parse(self, text: str) -> Any:
        raise NotImplementedError

    def _format(self, value: Any) -> str:
        raise NotImplementedError

    def _needs_value(self) -> str:
        raise NotImplementedError

    def _step(self, value: Any, position: int, steps: int) -> tuple[Any, tuple[int, int]]:
        """`value` moved by `steps` in the part at `position`; and that part's span."""
        raise NotImplementedError

    # Reading and showing -----------------------------------------------------------------
    def value(self) -> Any:
        """The last value entered or set (not the text while it is being typed)."""
        return self._value

    def set_value(self, value: Any) -> None:
        """Show a stored value (not an entry: `value_entered` is not emitted)."""
        self._value = value
        self.setText("" if value is None else self._format(value))
        self._show_problem("")

    def set_optional(self, empty_text: str) -> None:
        """An empty field is allowed and means "none"; `empty_text` says so in it."""
        self._optional = True
        self.setPlaceholderText(empty_text)

    def problem(self) -> str:
        return self._problem

    def commit(self) -> bool:
        """Read the text: a value becomes the field's value (shown in ISO) and True;
        otherwise the text stays, the problem is shown, and False."""
        try:
            value = self._parse(self.text())
            if value is None and not self._optional:
                raise EntryTextError(self._needs_value())
        except EntryTextError as exc:
            self._show_problem(str(exc))
            return False
        self._value = value
        shown = "" if value is None else self._format(value)
        if self.text() != shown:
            self.setText(shown)
        self._show_problem("")
        self.value_entered.emit(value)
        return True

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._tip = text
        super().setToolTip(self._problem or text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        wanted = self.fontMetrics().horizontalAdvance(self.sample + "  ") + 12
        wanted += 24 * len(self.actions())
        return QSize(max(wanted, self.minimumSizeHint().width()), hint.height())

    def _show_problem(self, message: str) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.setProperty("invalid", "true" if message else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        super().setToolTip(message or self._tip)
        self.setAccessibleDescription(message)
        self.problem_changed.emit(message)

    def _recheck(self, text: str) -> None:
        """While a problem is shown, it goes as soon as the text reads well."""
        if not self._problem:
            return
        try:
            value = self._parse(text)
        except EntryTextError:
            return
        if value is not None or self._optional:
            self._show_problem("")

    # Keys and focus ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (
                event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self._step_at_cursor(1 if key == Qt.Key.Key_Up else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        super().keyPressEvent(event)  # and on to the dialog, whose default button acts

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def _step_at_cursor(self, steps: int) -> None:
        try:
            value = self._parse(self.text())
        except EntryTextError:
            return  # nothing sure to step from; the problem shows when the CSM moves on
        if value is None:
            value = self._value if self._value is not None else self._default()
        position = self.cursorPosition()
        stepped, (start, length) = self._step(value, position, steps)
        self.setText(self._format(stepped))
        self.setSelection(start, length)

    def _default(self) -> Any:
        raise NotImplementedError


class DateEntry(_TypedEntry):
    """A day, typed or picked from a calendar."""

    sample = "8888-88-88"

    def __init__(self, parent: QWidget | None = None, day: date | None = None) -> None:
        super().__init__(parent)
        self._first, self._last = FIRST_DAY, LAST_DAY
        self.setPlaceholderText(translate("DateEntry", "YYYY-MM-DD"))
        self.setAccessibleName(translate("DateEntry", "Date"))
        self.calendar_action = QAction(_calendar_icon(self.palette()),
                                       translate("date_entry", CALENDAR_TIP), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._popup: _CalendarPopup | None = None
        if day is not None:
            self.set_value(day)

    def set_range(self, first: date, last: date) -> None:
        self._first, self._last = first, last

    def _parse(self, text: str) -> date | None:
        return parse_date(text, self.locale(), example=self._value or date.today(),
                          first=self._first, last=self._last)

    def _format(self, value: date) -> str:
        return value.isoformat()

    def _needs_value(self) -> str:
        return translate("date_text", NEEDS_A_DATE).format(
            **date_examples(self.locale(), self._value or date.today()))

    def _default(self) -> date:
        return min(max(date.today(), self._first), self._last)

    def _step(self, value: date, position: int, steps: int) -> tuple[date, tuple[int, int]]:
        if position <= 4:
            span, year, month = (0, 4), value.year + steps, value.month
        elif position <= 7:
            span = (5, 2)
            months = value.year * 12 + value.month - 1 + steps
            year, month = divmod(months, 12)
            month += 1
        else:
            return self._clamp(date.fromordinal(value.toordinal() + steps)), (8, 2)
        year = min(max(year, self._first.year), self._last.year)
        return self._clamp(date(year, month, min(value.day, monthrange(year, month)[1]))), span

    def _clamp(self, day: date) -> date:
        return min(max(day, self._first), self._last)

    # The calendar ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        alt_down = (event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def calendar_popup(self) -> _CalendarPopup:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
        return self._popup

    def open_calendar(self) -> None:
        try:
            shown = self._parse(self.text()) or self._value or self._default()
        except EntryTextError:
            shown = self._value or self._default()
        popup = self.calendar_popup()
        popup.show_at(self.mapToGlobal(QPoint(0, self.height())), shown, self._first,
                      self._last)

    def picked(self, day: date) -> None:
        self.setText(day.isoformat())
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.commit()


class _CalendarPopup(QFrame):
    def __init__(self, entry: DateEntry) -> None:
        super().__init__(entry, Qt.WindowType.Popup)
        self.entry = entry
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)  # Return on a day
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def show_at(self, where: QPoint, day: date, first: date, last: date) -> None:
        self.calendar.setDateRange(QDate(first.year, first.month, first.day),
                                   QDate(last.year, last.month, last.day))
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.move(where)
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.entry.picked(date(day.year(), day.month(), day.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.entry.setFocus(Qt.FocusReason.PopupFocusReason)
            return
        super().keyPressEvent(event)


class TimeEntry(_TypedEntry):
    """A time of day, 24-hour in ISO; the locale's "4:30 PM" is read as well."""

    sample = "88:88"

    def __init__(self, parent: QWidget | None = None, at: time | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate("TimeEntry", "HH:MM"))
        self.setAccessibleName(translate("TimeEntry", "Time"))
        if at is not None:
            self.set_value(at)

    def _parse(self, text: str) -> time | None:
        return parse_time(text, self.locale(), example=self._value or time(10))

    def _format(self, value: time) -> str:
        return f"{value:%H:%M}"

    def _needs_value(self) -> str:
        return translate("date_text", NEEDS_A_TIME).format(
            **time_examples(self.locale(), self._value or time(10)))

    def _default(self) -> time:
        return time(10)

    def _step(self, value: time, position: int, steps: int) -> tuple[time, tuple[int, int]]:
        minutes = value.hour * 60 + value.minute + (steps * 60 if position <= 2 else steps)
        minutes = min(max(minutes, 0), 24 * 60 - 1)
        return time(*divmod(minutes, 60)), ((0, 2) if position <= 2 else (3, 2))


class EntryWithProblem(QWidget):
    """A field with a red line under it that explains a text that is not a value.

    For a form row: the row's label gives focus to the field through this box.
    """

    def __init__(self, entry: _TypedEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        entry.setParent(self)
        self.problem = QLabel(self)
        self.problem.setProperty("class", "fieldError")  # red, from the style sheet
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.problem.setWordWrap(True)
        self.problem.hide()
        entry.problem_changed.connect(self._show)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(entry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        self.setFocusProxy(entry)

    def _show(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        # A dialog keeps the height it opened with; a wrapped line needs more room.
        QTimer.singleShot(0, self, lambda: grow_to_fit(self.window()))


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough for what it now shows (never smaller): its wrapped lines
    of explanation would otherwise be squeezed into the height it opened with."""
    layout = window.layout()
    if not isinstance(window, QDialog) or not window.isVisible() or layout is None:
        return
    needed = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > window.height():
        window.resize(window.width(), needed)


def _calendar_icon(palette: QPalette) -> QIcon:
    """A small calendar page, drawn in the text colour (no icon file or image plugin)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ink = palette.color(QPalette.ColorRole.Text)
    painter.setPen(ink)
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(1, 2, 14, 3), ink)
    for row in (7, 10):
        for column in (4, 7, 10):
            painter.fillRect(QRect(column, row, 2, 2), ink)
    painter.end()
    return QIcon(pixmap)


__all__ = ["ISO_DATE", "ISO_TIME", "DateEntry", "EntryWithProblem", "TimeEntry", "grow_to_fit"]
