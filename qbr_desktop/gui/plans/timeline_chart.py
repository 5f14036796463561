"""A Gantt-style timeline of one preparation plan, painted, with check-off and dragging.

Painted on a QAbstractScrollArea rather than built from QGraphicsItems: a plan has tens
of rows, so repainting what is visible costs nothing, and one layout object
(`timeline_layout`) answers every "where is it" question for painting, hit-testing and
tests alike. The axis and the title column stay put while the rows scroll beneath them,
which a scene would need extra views to do.

The chart only shows and asks: ticking a box or moving a marker emits a signal, and the
owner writes it through the plan service and hands back the re-read plan.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal, qWarning
from PySide6.QtGui import QFont, QHelpEvent, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyleOptionButton,
    QToolTip,
    QWidget,
)

from qbr_desktop.gui.plans.timeline_layout import (
    PHASE_TITLES,
    DayScale,
    TimelineRow,
    build_rows,
    day_span,
)
from qbr_desktop.gui.plans.timeline_paint import AXIS_HEIGHT, paint_timeline
from qbr_desktop.gui.translation import local_date, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QResizeEvent

    from qbr_desktop.services.plan_views import PlanTask, ReviewPlan

TICK_BOX = 16
LABEL_MIN, LABEL_MAX = 190, 300


@dataclass(slots=True)
class _Drag:
    task_id: int
    origin: date
    press_x: int
    day: date


class TimelineChart(QAbstractScrollArea):
    # The CSM ticked or unticked a task: its id and whether it is now done.
    done_toggled = Signal(int, bool)
    # The CSM moved a task to another day (drag or arrow keys): its id and the new date.
    due_moved = Signal(int, object)
    # Another task was selected: its id.
    selection_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ReviewPlan | None = None
        self._rows: list[TimelineRow] = []
        self._scale = DayScale(date.today(), 1, 1.0)
        self._label_width = LABEL_MAX
        self._selected = 0
        self._drag: _Drag | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("TimelineChart", "Preparation timeline"))
        self.setAccessibleDescription(
            translate("TimelineChart",
                      "Up and Down choose a task, Space ticks it off, Left and Right move it by a "
            "day (with Shift by a week)."))
        self.viewport().setMouseTracking(True)  # the cursor shows which markers can be dragged
        self.verticalScrollBar().setSingleStep(24)
        self.horizontalScrollBar().setSingleStep(24)

    def sizeHint(self) -> QSize:
        return QSize(720, 420)

    # The plan --------------------------------------------------------------------------
    def set_plan(self, plan: ReviewPlan | None) -> None:
        self.plan = plan
        self._drag = None
        self._rows = build_rows(plan) if plan is not None else []
        ids = self.task_ids()
        if self._selected not in ids:
            self._selected = ids[0] if ids else 0
        self._relayout()
        self.ensure_visible(self._selected)
        self.viewport().update()

    def task_ids(self) -> list[int]:
        """Task ids in the order the rows show them."""
        return [row.task.id for row in self._rows if row.task is not None]

    @property
    def selected_task_id(self) -> int:
        return self._selected

    def select_task(self, task_id: int) -> None:
        if task_id in self.task_ids() and task_id != self._selected:
            self._selected = task_id
            self.ensure_visible(task_id)
            self.viewport().update()
            self.selection_changed.emit(task_id)

    # Geometry, in viewport coordinates -------------------------------------------------
    def x_for_date(self, day: date) -> int:
        """The middle of the day's column."""
        return round(self._label_width + self._scale.centre(day)
                     - self.horizontalScrollBar().value())

    def date_at(self, x: int) -> date:
        return self._scale.day_at(x - self._label_width + self.horizontalScrollBar().value())

    def today_x(self) -> int | None:
        """Where the today line is drawn, or None when today is off the scale."""
        if self.plan is None or not self._scale.contains(self.plan.today):
            return None
        return self.x_for_date(self.plan.today)

    def meeting_x(self) -> int | None:
        return None if self.plan is None else self.x_for_date(self.plan.meeting_day)

    def row_rect(self, task_id: int) -> QRect:
        row = self._row_of(task_id)
        if row is None:
            return QRect()
        return QRect(0, self._row_y(row), self.viewport().width(), row.height)

    def tick_box_rect(self, task_id: int) -> QRect:
        row = self.row_rect(task_id)
        return QRect() if row.isNull() else QRect(
            8, row.top() + (row.height() - TICK_BOX) // 2, TICK_BOX, TICK_BOX)

    def marker_rect(self, task_id: int) -> QRect:
        row, task = self.row_rect(task_id), self._task(task_id)
        if row.isNull() or task is None:
            return QRect()
        day = self._drag.day if self._drag and self._drag.task_id == task_id else task.due
        width = round(max(10.0, min(self._scale.day_width - 4, 26.0)))
        return QRect(self.x_for_date(day) - width // 2, row.top() + 5, width, row.height() - 10)

    def ensure_visible(self, task_id: int) -> None:
        row = self._row_of(task_id)
        if row is None:
            return
        bar, room = self.verticalScrollBar(), self.viewport().height() - AXIS_HEIGHT
        if row.top < bar.value():
            bar.setValue(row.top)
        elif row.bottom > bar.value() + room:
            bar.setValue(row.bottom - room)
        task = self._task(task_id)
        if task is not None:
            hbar, width = self.horizontalScrollBar(), self.viewport().width() - self._label_width
            x = self._scale.centre(task.due)
            if not hbar.value() + 20 <= x <= hbar.value() + width - 20:
                hbar.setValue(round(x - width / 2))

    def _row_of(self, task_id: int) -> TimelineRow | None:
        return next((r for r in self._rows if r.task is not None and r.task.id == task_id), None)

    def _task(self, task_id: int) -> PlanTask | None:
        row = self._row_of(task_id)
        return row.task if row is not None else None

    def _row_y(self, row: TimelineRow) -> int:
        return AXIS_HEIGHT + row.top - self.verticalScrollBar().value()

    def _task_at(self, y: int) -> PlanTask | None:
        if y < AXIS_HEIGHT:
            return None
        content_y = y - AXIS_HEIGHT + self.verticalScrollBar().value()
        return next((r.task for r in self._rows if r.top <= content_y < r.bottom), None)

    def _relayout(self) -> None:
        width, height = self.viewport().width(), self.viewport().height()
        self._label_width = int(min(LABEL_MAX, max(LABEL_MIN, width * 0.38)))
        chart_width = max(width - self._label_width, 1)
        if self.plan is not None:
            self._scale = DayScale.fit(*day_span(self.plan), chart_width)
        rows_height = self._rows[-1].bottom if self._rows else 0
        room = max(height - AXIS_HEIGHT, 1)
        self.verticalScrollBar().setRange(0, max(0, rows_height - room))
        self.verticalScrollBar().setPageStep(room)
        self.horizontalScrollBar().setRange(0, max(0, round(self._scale.width) - chart_width))
        self.horizontalScrollBar().setPageStep(chart_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # Painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            if self.plan is None:
                painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter,
                                 translate("TimelineChart", "No plan to show."))
            else:
                paint_timeline(self, painter, self.plan, self._visible_rows())
        except Exception as exc:  # noqa: BLE001 - an exception must never reach Qt's paint loop
            qWarning(translate("TimelineChart",
                               "The preparation timeline could not be drawn: "
                               "{exc!r}").format(exc=exc))
        finally:
            painter.end()

    def _visible_rows(self) -> list[tuple[TimelineRow, int]]:
        height = self.viewport().height()
        placed = ((row, self._row_y(row)) for row in self._rows)
        return [(row, y) for row, y in placed if y + row.height > AXIS_HEIGHT and y < height]

    @property
    def label_width(self) -> int:
        return self._label_width

    @property
    def scale(self) -> DayScale:
        return self._scale

    @property
    def drag(self) -> _Drag | None:
        return self._drag

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        return font

    def draw_check_box(self, painter: QPainter, rect: QRect, checked: bool) -> None:
        option = QStyleOptionButton()
        option.initFrom(self)
        option.rect = rect
        option.state |= QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option,
                                   painter, self)

    # Mouse and keys --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        task = self._task_at(point.y())
        if event.button() != Qt.MouseButton.LeftButton or task is None:
            super().mousePressEvent(event)
            return
        self.select_task(task.id)
        if self.tick_box_rect(task.id).adjusted(-4, -4, 4, 4).contains(point):
            self.done_toggled.emit(task.id, not task.done)
        elif self.marker_rect(task.id).adjusted(-3, -3, 3, 3).contains(point):
            self._drag = _Drag(task.id, task.due, point.x(), task.due)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._drag is None:
            task = self._task_at(point.y())
            over = task is not None and self.marker_rect(task.id).contains(point)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if over
                                      else Qt.CursorShape.ArrowCursor)
            return
        steps = round((point.x() - self._drag.press_x) / self._scale.day_width)
        day = self._drag.origin + timedelta(days=steps)  # whole days: markers snap
        day = min(max(day, self._scale.first), self._scale.last)
        if day != self._drag.day:
            self._drag.day = day
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.viewport().unsetCursor()
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        self.viewport().update()
        if drag.day != drag.origin:
            self.due_moved.emit(drag.task_id, drag.day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, ids = Qt.Key(event.key()), self.task_ids()
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None  # the release that follows finds no drag and changes nothing
            self.viewport().unsetCursor()
            self.viewport().update()
            return
        task = self._task(self._selected)
        if not ids or task is None:
            super().keyPressEvent(event)
            return
        index = ids.index(task.id)
        page = max((self.viewport().height() - AXIS_HEIGHT) // 28, 1)
        moves = {Qt.Key.Key_Up: index - 1, Qt.Key.Key_Down: index + 1, Qt.Key.Key_Home: 0,
                 Qt.Key.Key_End: len(ids) - 1, Qt.Key.Key_PageUp: index - page,
                 Qt.Key.Key_PageDown: index + page}
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in moves:
            self.select_task(ids[min(max(moves[key], 0), len(ids) - 1)])
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            self.done_toggled.emit(task.id, not task.done)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = (7 if shifted else 1) * (1 if key == Qt.Key.Key_Right else -1)
            self.due_moved.emit(task.id, task.due + timedelta(days=step))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: object) -> None:
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            task = self._task_at(event.pos().y())
            if task is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(task), self.viewport())
            return True
        return super().viewportEvent(event)

    def describe(self, task: PlanTask) -> str:
        """The tooltip: the full title and the facts the row only hints at (escaped, since
        a title may hold "<" or "&")."""
        assert self.plan is not None
        today = self.plan.today
        if task.done_at is not None:
            state = translate("TimelineChart", "Done {done_at}").format(
                done_at=local_date(task.done_at, translate("TimelineChart", "ddd dd MMM")))
        elif task.overdue(today):
            state = translate("TimelineChart",
                              "Overdue by {days} days").format(days=(today - task.due).days)
        else:
            state = translate("TimelineChart", "Open")
        lines = [task.title,
                 translate("TimelineChart", "Due {due} · {owner} · {phase}").format(
                     due=local_date(task.due, translate("TimelineChart", "ddd dd MMM yyyy")),
                     owner=task.owner.value,
                     phase=translate("timeline_layout", PHASE_TITLES[task.phase])), state]
        if task.offset is None:
            lines.append(translate("TimelineChart",
                                   "Dated by hand: moving the meeting leaves it where it is."))
        return "<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>"

