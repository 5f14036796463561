"""Painting the preparation timeline: phase bands, calendar, markers, titles and the axis.

Every position comes from the chart's geometry methods, so what is drawn is exactly what
hit-testing and the tests measure. Colours are fixed light bands with dark ink, chosen
for contrast on any palette; state is never told by colour alone (ticks, "!" badges and
the word "Overdue" say it too).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from qbr_desktop.domain.meeting_time import meeting_when
from qbr_desktop.domain.playbooks import Phase
from qbr_desktop.gui.plans.timeline_layout import TimelineRow, phase_summary
from qbr_desktop.gui.translation import local_date, translate

if TYPE_CHECKING:
    from qbr_desktop.gui.plans.timeline_chart import TimelineChart
    from qbr_desktop.services.plan_views import PlanTask, ReviewPlan

AXIS_HEIGHT = 50
# Light band behind a phase's rows, and the darker ink its heading and markers use.
PHASE_COLOURS = {
    Phase.DATA_GATHERING: ("#e8f1fb", "#1f4e79"),
    Phase.CONTENT_AND_STAKEHOLDERS: ("#e9f5ea", "#1e5b2c"),
    Phase.REFINEMENT_AND_LOGISTICS: ("#fcf1e1", "#7a4700"),
    Phase.FOLLOW_UP: ("#f1ecf8", "#4b2c7a"),
}
OVERDUE, DONE, TODAY, MEETING = "#c62828", "#8a9096", "#0b6e99", "#263238"
TEXT, DIM_TEXT, GRID, AXIS_BACK = "#1a1a1a", "#6b7075", "#cfd4da", "#f4f5f7"
LEFT, VCENTRE = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignVCenter
Placed = list[tuple[TimelineRow, int]]


def paint_timeline(chart: TimelineChart, painter: QPainter, plan: ReviewPlan,
                   rows: Placed) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view = chart.viewport().rect()
    painter.fillRect(view, QColor("#ffffff"))
    _paint_bands(chart, painter, rows, view.width())
    area = QRect(chart.label_width, AXIS_HEIGHT, view.width() - chart.label_width,
                 view.height() - AXIS_HEIGHT)
    painter.save()
    painter.setClipRect(area)
    _paint_calendar(chart, painter, area)
    _paint_day_line(painter, chart.today_x(), area, QPen(QColor(TODAY), 2,
                                                         Qt.PenStyle.DashLine))
    _paint_day_line(painter, chart.meeting_x(), area, QPen(QColor(MEETING), 2))
    for row, _y in rows:
        if row.task is not None:
            _paint_marker(chart, painter, plan, row.task)
    painter.restore()
    _paint_titles(chart, painter, plan, rows, view)
    _paint_axis(chart, painter, plan, view)


def _visible_days(chart: TimelineChart, area: QRect) -> list[date]:
    first, last = chart.date_at(area.left()), chart.date_at(area.right())
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _day_left(chart: TimelineChart, day: date) -> float:
    return chart.x_for_date(day) - chart.scale.day_width / 2


def _paint_bands(chart: TimelineChart, painter: QPainter, rows: Placed, width: int) -> None:
    highlight = QColor(chart.palette().highlight().color())
    highlight.setAlpha(60)
    for row, y in rows:
        band = QColor(PHASE_COLOURS[row.phase][0])
        rect = QRect(0, y, width, row.height)
        painter.fillRect(rect, band.darker(106) if row.task is None else band)
        if row.task is not None and row.task.id == chart.selected_task_id:
            painter.fillRect(rect, highlight)
            if chart.hasFocus():
                painter.setPen(QPen(QColor(TEXT), 1, Qt.PenStyle.DotLine))
                painter.drawRect(rect.adjusted(1, 0, -2, -1))


def _paint_calendar(chart: TimelineChart, painter: QPainter, area: QRect) -> None:
    """Weekends shaded (tasks fall on working days) and a line where each week starts."""
    width = math.ceil(chart.scale.day_width)
    painter.setPen(QPen(QColor(GRID), 1))
    for day in _visible_days(chart, area):
        left = round(_day_left(chart, day))
        if day.weekday() >= 5:
            painter.fillRect(QRect(left, area.top(), width, area.height()), QColor(0, 0, 0, 14))
        if day.weekday() == 0:
            painter.drawLine(left, area.top(), left, area.bottom())


def _paint_day_line(painter: QPainter, x: int | None, area: QRect, line: QPen) -> None:
    if x is not None:
        painter.setPen(line)
        painter.drawLine(x, area.top(), x, area.bottom())


def _paint_marker(chart: TimelineChart, painter: QPainter, plan: ReviewPlan,
                  task: PlanTask) -> None:
    rect = chart.marker_rect(task.id)
    drag = chart.drag
    overdue = task.overdue(plan.today)
    colour = QColor(DONE if task.done else OVERDUE if overdue else PHASE_COLOURS[task.phase][1])
    if drag is not None and drag.task_id == task.id:
        origin = rect.translated(chart.x_for_date(drag.origin) - rect.center().x(), 0)
        painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(origin, 3, 3)
        _text(painter, QRect(rect.right() + 6, rect.top() - 3, 200, rect.height() + 6),
              "→ " + local_date(drag.day, translate("timeline_paint", "ddd dd MMM")),
              QColor(TEXT), bold=True, font=chart.font())
    painter.setPen(QPen(colour.darker(130), 1))
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, 3, 3)
    glyph = "✓" if task.done else "!" if overdue else ""
    if glyph:
        _text(painter, rect, glyph, QColor("#ffffff"), bold=True, font=chart.font(),
              align=Qt.AlignmentFlag.AlignCenter)
    if overdue and (drag is None or drag.task_id != task.id):
        _text(painter, QRect(rect.right() + 6, rect.top() - 3, 120, rect.height() + 6),
              translate("timeline_paint", "Overdue"), QColor(OVERDUE), bold=True,
              font=chart.small_font())


def _paint_titles(chart: TimelineChart, painter: QPainter, plan: ReviewPlan, rows: Placed,
                  view: QRect) -> None:
    width = chart.label_width
    painter.save()
    painter.setClipRect(QRect(0, AXIS_HEIGHT, view.width(), view.height() - AXIS_HEIGHT))
    for row, y in rows:
        if row.task is None:  # the band's heading runs across: no marker shares its row
            summary = phase_summary(plan, row.phase)
            bold = QFont(chart.font())
            bold.setBold(True)
            painter.setFont(bold)
            backing = QRect(4, y + 2, painter.fontMetrics().horizontalAdvance(summary) + 8,
                            row.height - 4)  # keeps the day lines from crossing the words
            painter.fillRect(backing, QColor(PHASE_COLOURS[row.phase][0]).darker(106))
            _text(painter, QRect(8, y, view.width() - 16, row.height), summary,
                  QColor(PHASE_COLOURS[row.phase][1]), font=bold)
            continue
        task = row.task
        box = chart.tick_box_rect(task.id)
        chart.draw_check_box(painter, box, task.done)
        left = box.right() + 8
        if task.overdue(plan.today):  # a badge as well as red: colour is not the only cue
            badge = QRect(left, y + (row.height - 16) // 2, 16, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(OVERDUE))
            painter.drawEllipse(badge)
            _text(painter, badge, "!", QColor("#ffffff"), bold=True, font=chart.small_font(),
                  align=Qt.AlignmentFlag.AlignCenter)
            left = badge.right() + 6
        painter.setFont(chart.font())
        title = painter.fontMetrics().elidedText(task.title, Qt.TextElideMode.ElideRight,
                                                 max(width - left - 8, 0))
        _text(painter, QRect(left, y, width - left - 6, row.height), title,
              QColor(DIM_TEXT if task.done else TEXT), font=chart.font())
    painter.restore()
    painter.setPen(QPen(QColor(GRID), 1))
    painter.drawLine(width, 0, width, view.height())


def _paint_axis(chart: TimelineChart, painter: QPainter, plan: ReviewPlan, view: QRect) -> None:
    painter.fillRect(QRect(0, 0, view.width(), AXIS_HEIGHT), QColor(AXIS_BACK))
    painter.setPen(QPen(QColor(GRID), 1))
    painter.drawLine(0, AXIS_HEIGHT - 1, view.width(), AXIS_HEIGHT - 1)
    _text(painter, QRect(8, 18, chart.label_width - 16, 30),
          translate("timeline_paint",
                    "Task · {done_count} of {count} done").format(done_count=plan.done_count,
                                                                  count=len(plan.tasks)),
                                                                  QColor(TEXT), bold=True,
          font=chart.font())
    area = QRect(chart.label_width + 1, 0, view.width() - chart.label_width - 1, AXIS_HEIGHT)
    painter.save()
    painter.setClipRect(area)
    small = chart.small_font()
    days = _visible_days(chart, area)
    every_day = chart.scale.day_width >= 20
    for day in days:
        left = _day_left(chart, day)
        if day.day == 1 or (day == days[0] and day.day < 25):  # skip a stub month label
            _text(painter, QRect(round(left) + 3, 16, 120, 16),
                  local_date(day, translate("timeline_paint", "MMM yyyy")),
                  QColor(TEXT), font=small)
        if every_day or day.weekday() == 0:
            cell = QRect(round(left), 32, math.ceil(chart.scale.day_width), 17)
            _text(painter, cell if every_day else cell.adjusted(3, 0, 30, 0), str(day.day),
                  QColor(DIM_TEXT if day.weekday() >= 5 else TEXT), font=small,
                  align=Qt.AlignmentFlag.AlignHCenter if every_day else LEFT)
    start = plan.local_start
    meeting = _flag(painter, area, chart.meeting_x(),
                    translate("timeline_paint", "QBR ") + meeting_when(start, plan.time_zone),
                    QColor(MEETING), small, avoid=None)
    today_x = chart.today_x()
    if today_x is not None:
        _flag(painter, area, today_x, translate("timeline_paint", "Today"), QColor(TODAY), small,
              avoid=meeting)
    else:  # off the scale: say which way it lies instead of drawing nothing
        _today_beyond(painter, area, plan, ahead=plan.today > chart.scale.last, font=small,
                      avoid=meeting)
    painter.restore()


def _today_beyond(painter: QPainter, area: QRect, plan: ReviewPlan, *, ahead: bool,
                  font: QFont, avoid: QRect | None) -> None:
    """The words "← Today, Mon 07 Dec" at the edge today lies beyond, on the top line with
    the flags (the month line below is the month labels'), beside the meeting's flag if that
    is where they would go."""
    # The day in the window's language ("Mon 07 Dec", "周一 12月7日"): the locale's names.
    today = local_date(plan.today, translate("timeline_paint", "ddd dd MMM"))
    label = (translate("timeline_paint", "Today, {today} →").format(today=today) if ahead
             else translate("timeline_paint", "← Today, {today}").format(today=today))
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    width = painter.fontMetrics().horizontalAdvance(label) + 4
    rect = (QRect(area.right() - 4 - width, 0, width, 16) if ahead
            else QRect(area.left() + 4, 0, width, 16))
    if avoid is not None and rect.intersects(avoid):
        if ahead:
            rect.moveRight(avoid.left() - 8)
        else:
            rect.moveLeft(avoid.right() + 8)
    _text(painter, rect, label, QColor(TODAY), font=bold)


def _flag(painter: QPainter, area: QRect, x: int | None, label: str, colour: QColor,
          font: QFont, avoid: QRect | None) -> QRect | None:
    """A label on the axis's top line beside a day line: right of it, else left of it,
    else (off the chart or over the label it must avoid) on the sparse month line."""
    if x is None:
        return None
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    width = painter.fontMetrics().horizontalAdvance(label) + 4
    right, left = QRect(x + 4, 0, width, 16), QRect(x - 4 - width, 0, width, 16)
    fits = [r for r in (right, left) if area.left() <= r.left() and r.right() <= area.right()
            and (avoid is None or not r.intersects(avoid))]
    rect = fits[0] if fits else right.translated(0, 16)
    if not fits and rect.right() > area.right():
        rect.moveRight(x - 4)
    painter.setPen(QPen(colour, 2))
    painter.drawLine(x, 12, x, AXIS_HEIGHT)
    painter.fillRect(rect, QColor(AXIS_BACK))
    _text(painter, rect, label, colour, font=bold)
    return rect


def _text(painter: QPainter, rect: QRect, text: str, colour: QColor, *, font: QFont,
          bold: bool = False, align: Qt.AlignmentFlag = LEFT) -> None:
    chosen = QFont(font)
    chosen.setBold(bold or font.bold())
    painter.setFont(chosen)
    painter.setPen(colour)
    painter.drawText(QRectF(rect), int(align | VCENTRE) | int(Qt.TextFlag.TextSingleLine),
                     text)
