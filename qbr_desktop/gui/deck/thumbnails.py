"""Slide thumbnails drawn by the app itself: a miniature of each slide's layout (its title,
and a sketch of what it holds: bars, a table, the risk quadrants, the people), so the deck
builder needs no office suite to show the deck.

The sketch of each kind comes from the table of slide kinds (domain.slide_kinds: its
`sketch`); SKETCHES draws each sketch, and a slide left out of this deck for want of
anything to say is drawn faded and labelled so."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from qbr_desktop.domain.deck import SlideKind, SlidePlan
from qbr_desktop.domain.slide_kinds import SPECS, Sketch
from qbr_desktop.gui.translation import translate

WIDTH, HEIGHT = 192, 108  # 16:9
INK = QColor("#37474f")
PALE = QColor("#cfd8dc")


def slide_thumbnail(slide: SlidePlan, number: int, accent: str = "#1565C0") -> QPixmap:
    pixmap = QPixmap(WIDTH, HEIGHT)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(accent)
        if not slide.shown or slide.omitted:
            painter.setOpacity(0.35)
        if slide.kind is SlideKind.TITLE:
            painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), colour)
            _title(painter, QRectF(12, 34, WIDTH - 24, 40), slide.title,
                   QColor("#ffffff"), 12)
        else:
            painter.fillRect(QRectF(0, 0, WIDTH, 6), colour)
            _title(painter, QRectF(8, 9, WIDTH - 16, 18), slide.title, INK, 9)
            SKETCHES[SPECS[slide.kind].sketch](
                painter, QRectF(10, 32, WIDTH - 20, HEIGHT - 44), colour)
        painter.setOpacity(1.0)
        painter.setPen(QPen(PALE, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, 0.5, WIDTH - 1, HEIGHT - 1))
        small = QFont(painter.font())
        small.setPixelSize(8)
        painter.setFont(small)
        painter.setPen(INK if slide.kind is not SlideKind.TITLE else QColor("#ffffff"))
        label = f"{number}" + (translate("thumbnails", " · backup") if slide.backup else "") + (
            translate("thumbnails", " · hidden") if not slide.shown
            else translate("thumbnails", " · left out") if slide.omitted else "")
        painter.drawText(QRectF(6, HEIGHT - 12, WIDTH - 12, 10),
                         Qt.AlignmentFlag.AlignRight, label)
    finally:
        painter.end()
    return pixmap


def _title(painter: QPainter, rect: QRectF, text: str, colour: QColor, pixels: int) -> None:
    font = QFont(painter.font())
    font.setPixelSize(pixels)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(colour)
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)


def _bars(painter: QPainter, area: QRectF, accent: QColor) -> None:
    heights = (0.45, 0.7, 0.55, 0.9, 0.65)
    width = area.width() / (len(heights) * 2)
    for index, share in enumerate(heights):
        bar = QRectF(area.left() + width * (2 * index + 0.5),
                     area.bottom() - area.height() * share, width, area.height() * share)
        painter.fillRect(bar, accent if index % 2 else PALE)


def _lines(painter: QPainter, area: QRectF, accent: QColor) -> None:
    half = area.width() / 2 - 4
    for column in range(2):
        left = area.left() + column * (half + 8)
        points = [QPointF(left + half * step / 4, area.bottom() - area.height() * share)
                  for step, share in enumerate((0.3, 0.45, 0.4, 0.65, 0.8))]
        painter.setPen(QPen(accent if column == 0 else PALE, 2))
        for start, end in zip(points, points[1:], strict=False):
            painter.drawLine(start, end)
    painter.setPen(Qt.PenStyle.NoPen)


def _quadrants(painter: QPainter, area: QRectF, accent: QColor) -> None:
    half_w, half_h = area.width() / 2, area.height() / 2
    for column, row, colour in ((0, 0, "#ffe0b2"), (1, 0, "#c8e6c9"), (0, 1, "#eceff1"),
                                (1, 1, "#e3f2fd")):
        painter.fillRect(QRectF(area.left() + column * half_w + 1,
                                area.top() + row * half_h + 1, half_w - 2, half_h - 2),
                         QColor(colour))


def _people(painter: QPainter, area: QRectF, accent: QColor) -> None:
    top = QRectF(area.center().x() - 16, area.top(), 32, 14)
    lower = [QRectF(area.left() + area.width() * share - 16, area.bottom() - 14, 32, 14)
             for share in (0.2, 0.5, 0.8)]
    painter.setPen(QPen(PALE, 1.5))
    for box in lower:
        painter.drawLine(QPointF(top.center().x(), top.bottom()),
                         QPointF(box.center().x(), box.top()))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(top, accent)
    for index, box in enumerate(lower):
        painter.fillRect(box, accent if index == 1 else PALE)


def _table(painter: QPainter, area: QRectF, accent: QColor) -> None:
    rows = 5
    for row in range(rows):
        y = area.top() + row * area.height() / rows
        painter.fillRect(QRectF(area.left(), y + 2, area.width(), area.height() / rows - 4),
                         accent if row == 0 else PALE)


def _date(painter: QPainter, area: QRectF, accent: QColor) -> None:
    box = QRectF(area.left(), area.top(), area.width() * 0.4, area.height())
    painter.fillRect(box, accent)
    for line in range(4):
        painter.fillRect(QRectF(box.right() + 8, area.top() + 4 + line * 12,
                                area.width() * 0.5, 6), PALE)


def _text(painter: QPainter, area: QRectF, accent: QColor) -> None:
    for line in range(5):
        share = 0.95 if line % 3 else 0.7
        painter.fillRect(QRectF(area.left(), area.top() + line * 12, area.width() * share,
                                6), accent if line == 0 else PALE)


def _numbered(painter: QPainter, area: QRectF, accent: QColor) -> None:
    for row in range(4):
        y = area.top() + row * 15
        painter.fillRect(QRectF(area.left(), y, 12, 11), accent)
        painter.fillRect(QRectF(area.left() + 15, y, area.width() - 15, 11), PALE)


def _cards(painter: QPainter, area: QRectF, accent: QColor) -> None:
    width = (area.width() - 12) / 4
    for index in range(4):
        card = QRectF(area.left() + index * (width + 4), area.top(), width, 26)
        painter.fillRect(card, PALE)
        painter.fillRect(QRectF(card.left() + 3, card.top() + 4, width * 0.6, 9), accent)
    painter.fillRect(QRectF(area.left(), area.top() + 34, area.width() * 0.45, 6), PALE)
    painter.fillRect(QRectF(area.left(), area.top() + 44, area.width() * 0.4, 6), PALE)


def _progress(painter: QPainter, area: QRectF, accent: QColor) -> None:
    for row, share in enumerate((0.7, 0.45, 1.0)):
        y = area.top() + row * 20
        painter.fillRect(QRectF(area.left(), y, area.width() * 0.3, 12), PALE)
        track = QRectF(area.left() + area.width() * 0.35, y + 3, area.width() * 0.6, 6)
        painter.fillRect(track, PALE)
        painter.fillRect(QRectF(track.left(), track.top(), track.width() * share, 6), accent)


def _table_chart(painter: QPainter, area: QRectF, accent: QColor) -> None:
    left = QRectF(area.left(), area.top(), area.width() * 0.55, area.height())
    _table(painter, left, accent)
    _bars(painter, QRectF(left.right() + 6, area.top(), area.width() * 0.4, area.height()),
          accent)


def _title_sketch(painter: QPainter, area: QRectF, accent: QColor) -> None:
    painter.fillRect(area, accent)


Painter = Callable[[QPainter, QRectF, QColor], None]
# One painter per sketch of domain.slide_kinds: a kind's thumbnail follows its table entry.
SKETCHES: dict[Sketch, Painter] = {
    Sketch.TITLE: _title_sketch, Sketch.LIST: _numbered, Sketch.CARDS: _cards,
    Sketch.PROGRESS: _progress, Sketch.TABLE_CHART: _table_chart, Sketch.TEXT: _text,
    Sketch.COLUMNS: _bars, Sketch.LINES: _lines, Sketch.QUADRANTS: _quadrants,
    Sketch.PEOPLE: _people, Sketch.TABLE: _table, Sketch.DATE: _date,
}
