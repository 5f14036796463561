"""The stakeholder map as a PNG (high resolution) or SVG for the deck and for email.

The picture has a title, the cards and lines exactly as the canvas paints them, and a
legend, so someone who never saw the app can read it. The anonymous variant puts titles in
place of names for sharing outside the account team.

Its words (the legend, the cards') are in the language of the catalogue given: the window's
by default, the account's for the customer's picture; the caller writes the title in it too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter

from qbr_desktop.atomic_files import write_bytes
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.stakeholder_layout import CARD_HEIGHT, CARD_WIDTH, Layout
from qbr_desktop.domain.stakeholders import StakeholderMap
from qbr_desktop.exports.map_drawing import (
    SENTIMENT_COLOURS,
    SENTIMENT_WORDS,
    edge_line,
    edge_pen,
    paint_band,
    paint_card,
    paint_edge,
    words_in,
)
from qbr_desktop.i18n import N_, Catalogue, msg

MARGIN = 40.0
TITLE_HEIGHT = 56.0
LEGEND_HEIGHT = 44.0
PNG_SCALE = 2.0  # 2× the canvas: sharp on a projector and in a zoomed PDF
MAX_PNG_SIDE = 16_000  # past this, a PNG is scaled down to stay openable
MIN_PAGE_WIDTH = 1060.0  # room for the title and the legend on a small map
REPORTS_TO, INFLUENCES = N_("reports to"), N_("influences")
LEGEND_TAIL = N_("●●●○○ influence · dot fades with time since last contact")


_application: QGuiApplication | None = None


class MapExportError(DomainError):
    """The map cannot be exported (nobody on it, an unknown file type)."""


def ensure_gui() -> None:
    """Painting text needs a Qt GUI application; the CLI may have none (or no display)."""
    global _application
    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                     or os.environ.get("WAYLAND_DISPLAY")):
            if not os.environ.get("QT_QPA_PLATFORM"):
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _application = QGuiApplication([sys.argv[0] if sys.argv else "qbr"])


def public_map(stakeholders: StakeholderMap) -> StakeholderMap:
    """The map as the customer may see it: current people and who reports to whom."""
    present = tuple(p for p in stakeholders.people if not p.departed)
    ids = {p.id for p in present}
    people = tuple(replace(p, manager_id=p.manager_id if p.manager_id in ids else None)
                   for p in present)
    return replace(stakeholders, people=people, links=())


def scene_bounds(layout: Layout) -> QRectF:
    rect = QRectF()
    for x, y in layout.positions.values():
        rect = rect.united(QRectF(x, y, CARD_WIDTH, CARD_HEIGHT))
    for band in layout.bands:
        rect = rect.united(QRectF(band.x, band.y, band.width, band.height))
    return rect


def paint_map(painter: QPainter, stakeholders: StakeholderMap, layout: Layout, today: date, *,
              anonymous: bool = False, highlighted: Collection[int] = (),
              at_risk: Collection[int] = (), internal: bool = True,
              book: Catalogue | None = None) -> None:
    """Bands, then lines, then cards, in scene coordinates; the cards' words in `book`'s
    language (the window's by default).

    `internal=False` is the customer's view (see map_drawing.paint_card): no influence
    lines either, and people who have left are not shown.
    """
    if not internal:
        stakeholders = public_map(stakeholders)
    for index, band in enumerate(layout.bands):
        paint_band(painter, band, index, book)
    positions = {pid: QPointF(x, y) for pid, (x, y) in layout.positions.items()
                 if pid in stakeholders.by_id}
    for person in stakeholders.people:
        if person.manager_id in positions and person.id in positions:
            paint_edge(painter, edge_line(positions[person.id], positions[person.manager_id]),
                       influence=False)
    for link in stakeholders.links:
        if link.source in positions and link.target in positions:
            paint_edge(painter, edge_line(positions[link.source], positions[link.target]),
                       influence=True, strength=link.strength)
    for person in stakeholders.people:
        if person.id in positions:
            painter.save()
            painter.translate(positions[person.id])
            paint_card(painter, person, today, anonymous=anonymous,
                       highlighted=person.id in highlighted, at_risk=person.id in at_risk,
                       internal=internal, book=book)
            painter.restore()


def _paint_page(painter: QPainter, stakeholders: StakeholderMap, layout: Layout, today: date,
                title: str, anonymous: bool, bounds: QRectF, page: QRectF,
                internal: bool = True, book: Catalogue | None = None) -> None:
    painter.fillRect(page, QColor("#ffffff"))
    title_font = QFont(painter.font())
    title_font.setPixelSize(22)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#212121"))
    metrics = QFontMetricsF(title_font)
    painter.drawText(QRectF(MARGIN, MARGIN / 2, page.width() - 2 * MARGIN, TITLE_HEIGHT),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     metrics.elidedText(title, Qt.TextElideMode.ElideRight,
                                        page.width() - 2 * MARGIN))
    painter.save()
    painter.translate(MARGIN - bounds.left(), MARGIN / 2 + TITLE_HEIGHT - bounds.top())
    paint_map(painter, stakeholders, layout, today, anonymous=anonymous, internal=internal,
              book=book)
    painter.restore()
    _paint_legend(painter, QPointF(MARGIN, page.height() - LEGEND_HEIGHT), internal,
                  words_in(book))


def _paint_legend(painter: QPainter, origin: QPointF, internal: bool,
                  book: Catalogue) -> None:
    font = QFont(painter.font())
    font.setPixelSize(12)
    font.setBold(False)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    x = origin.x()
    y = origin.y() + 10
    if not internal:
        painter.setPen(edge_pen(False))
        painter.drawLine(QPointF(x, y + 5), QPointF(x + 28, y + 5))
        painter.setPen(QColor("#455a64"))
        painter.drawText(QPointF(x + 34, y + 9), book.gettext(REPORTS_TO))
        return
    for sentiment, colour in SENTIMENT_COLOURS.items():
        painter.fillRect(QRectF(x, y, 10, 10), QColor(colour))
        label = book.gettext(SENTIMENT_WORDS[sentiment])
        painter.setPen(QColor("#455a64"))
        painter.drawText(QPointF(x + 14, y + 9), label)
        x += 22 + metrics.horizontalAdvance(label)
    for influence, label in ((False, book.gettext(REPORTS_TO)),
                             (True, book.gettext(INFLUENCES))):
        painter.setPen(edge_pen(influence))
        painter.drawLine(QPointF(x, y + 5), QPointF(x + 28, y + 5))
        painter.setPen(QColor("#455a64"))
        painter.drawText(QPointF(x + 34, y + 9), label)
        x += 46 + metrics.horizontalAdvance(label)
    painter.drawText(QPointF(x, y + 9), book.gettext(LEGEND_TAIL))


def _page_size(bounds: QRectF) -> QSize:
    return QSize(int(max(bounds.width() + 2 * MARGIN, MIN_PAGE_WIDTH)),
                 int(bounds.height() + MARGIN + TITLE_HEIGHT + LEGEND_HEIGHT))


def map_png(stakeholders: StakeholderMap, layout: Layout, today: date, title: str, *,
            anonymous: bool = False, scale: float = PNG_SCALE, internal: bool = True,
            book: Catalogue | None = None) -> bytes:
    """The map as a PNG; `internal=False` for a picture the customer will see (with the
    account's catalogue as `book`)."""
    ensure_gui()
    bounds = scene_bounds(layout)
    size = _page_size(bounds)
    scale = min(scale, MAX_PNG_SIDE / max(size.width(), size.height(), 1))
    image = QImage(max(1, int(size.width() * scale)), max(1, int(size.height() * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        _paint_page(painter, stakeholders, layout, today, title, anonymous, bounds,
                    QRectF(0, 0, size.width(), size.height()), internal, book)
    finally:
        painter.end()
    # Set after painting: the file says "print me at 96 dpi × scale" without the fonts
    # having been sized for that resolution twice.
    dots_per_metre = round(96 * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.setText("Title", title)
    return _encoded(image)


def _encoded(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # stub: bytes; str works
    if not saved:
        raise MapExportError(msg("The map picture could not be encoded as PNG"))
    buffer.close()
    return bytes(data.data())


def map_svg(stakeholders: StakeholderMap, layout: Layout, today: date, title: str, *,
            anonymous: bool = False, internal: bool = True,
            book: Catalogue | None = None) -> bytes:
    ensure_gui()
    from PySide6.QtSvg import QSvgGenerator  # only an SVG export needs the SVG module

    bounds = scene_bounds(layout)
    size = _page_size(bounds)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(words_in(book).gettext("Stakeholder map exported from QBR Desktop"))
    painter = QPainter(generator)
    try:
        _paint_page(painter, stakeholders, layout, today, title, anonymous, bounds,
                    QRectF(0, 0, size.width(), size.height()), internal, book)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def export_map(stakeholders: StakeholderMap, layout: Layout, out: Path, today: date,
               title: str, *, anonymous: bool = False, book: Catalogue | None = None) -> Path:
    """Write the map to `out` (.png or .svg) atomically; returns the path written."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".png", ".svg"):
        raise MapExportError(msg("“{file}” is neither .png nor .svg; the map exports as "
                                 "a PNG picture or an SVG drawing", file=out.name))
    if not stakeholders.people:
        raise MapExportError(msg("Nobody is on this map yet, so there is nothing to export"))
    render = map_png if kind == ".png" else map_svg
    write_bytes(out, render(stakeholders, layout, today, title, anonymous=anonymous, book=book))
    return out
