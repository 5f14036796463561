"""Slide thumbnails drawn by the app itself: a miniature of each slide's layout (its title,
and a sketch of what it holds: bars, a table, the risk quadrants, the people), so the deck
builder needs no office suite to show the deck."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from qbr_desktop.domain.deck import SlideKind, SlidePlan

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
        if not slide.shown:
            painter.setOpacity(0.35)
        if slide.kind is SlideKind.TITLE:
            painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), colour)
            _title(painter, QRectF(12, 34, WIDTH - 24, 40), slide.title, QColor("#ffffff"), 12)
        else:
            painter.fillRect(QRectF(0, 0, WIDTH, 6), colour)
            _title(painter, QRectF(8, 9, WIDTH - 16, 18), slide.title, INK, 9)
            _sketch(painter, slide.kind, QRectF(10, 32, WIDTH - 20, HEIGHT - 44), colour)
        painter.setOpacity(1.0)
        painter.setPen(QPen(PALE, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, 0.5, WIDTH - 1, HEIGHT - 1))
        small = QFont(painter.font())
        small.setPixelSize(8)
        painter.setFont(small)
        painter.setPen(INK if slide.kind is not SlideKind.TITLE else QColor("#ffffff"))
        label = f"{number}" + (" · backup" if slide.backup else "") + (
            " · hidden" if not slide.shown else "")
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


def _sketch(painter: QPainter, kind: SlideKind, area: QRectF, accent: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    if kind in (SlideKind.OUTCOMES, SlideKind.ADOPTION, SlideKind.APPENDIX):
        heights = (0.45, 0.7, 0.55, 0.9, 0.65)
        width = area.width() / (len(heights) * 2)
        for index, share in enumerate(heights):
            bar = QRectF(area.left() + width * (2 * index + 0.5),
                         area.bottom() - area.height() * share, width, area.height() * share)
            painter.fillRect(bar, accent if index % 2 else PALE)
    elif kind is SlideKind.RISKS:
        half_w, half_h = area.width() / 2, area.height() / 2
        for column, row, colour in ((0, 0, "#ffe0b2"), (1, 0, "#c8e6c9"), (0, 1, "#eceff1"),
                                    (1, 1, "#e3f2fd")):
            painter.fillRect(QRectF(area.left() + column * half_w + 1,
                                    area.top() + row * half_h + 1, half_w - 2, half_h - 2),
                             QColor(colour))
    elif kind is SlideKind.STAKEHOLDERS:
        painter.setBrush(accent)
        points = [QPointF(area.center().x(), area.top() + 8)] + [
            QPointF(area.left() + area.width() * share, area.bottom() - 10)
            for share in (0.15, 0.38, 0.62, 0.85)]
        painter.setPen(QPen(PALE, 1.5))
        for point in points[1:]:
            painter.drawLine(points[0], point)
        painter.setPen(Qt.PenStyle.NoPen)
        for point in points:
            painter.drawEllipse(point, 7, 7)
    elif kind in (SlideKind.ACTIONS, SlideKind.EXPANSION):
        rows = 5
        for row in range(rows):
            y = area.top() + row * area.height() / rows
            painter.fillRect(QRectF(area.left(), y + 2, area.width(), area.height() / rows - 4),
                             accent if row == 0 else PALE)
    elif kind is SlideKind.NEXT_QBR:
        box = QRectF(area.center().x() - 24, area.top() + 2, 48, area.height() - 4)
        painter.fillRect(box, PALE)
        painter.fillRect(QRectF(box.left(), box.top(), box.width(), 12), accent)
    else:  # summaries, stories, roadmaps, recommendations: lines of text
        for line in range(5):
            share = 0.95 if line % 3 else 0.7
            painter.fillRect(QRectF(area.left(), area.top() + line * 12, area.width() * share,
                                    6), accent if line == 0 else PALE)
