"""The stakeholder canvas's items: a card per person, a line per relation, a band per region.

Cards cache their pixels (DeviceCoordinateCache), and a moving card tells only its own
lines to follow, so a drag repaints the card and its lines, never the whole scene.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from qbr_desktop.domain.stakeholder_layout import Band
from qbr_desktop.domain.stakeholders import InfluenceLink, Stakeholder
from qbr_desktop.exports.map_drawing import (
    ARROW,
    card_bounds,
    card_rect,
    edge_line,
    paint_band,
    paint_card,
    paint_edge,
    tooltip,
)
from qbr_desktop.gui.translation import translate

GRID = 20.0  # snap-to-grid step, in scene units
CARD_Z, EDGE_Z, BAND_Z = 2.0, 1.0, 0.0


def rich_tooltip(text: str) -> str:
    """Qt guesses whether a tooltip is rich text; escaping it into rich text makes '<b>' in a
    title show as typed rather than turn bold."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"


class PersonCard(QGraphicsObject):
    """One person; movable in the org-chart view, selectable in both."""

    def __init__(self, person: Stakeholder, today: date, *, anonymous: bool = False) -> None:
        super().__init__()
        self.person = person
        self.today = today
        self.anonymous = anonymous
        self.highlighted = False
        self.at_risk = False  # part of a coverage risk: a red mark on the card
        self.snap = False
        self.edges: list[RelationLine] = []
        self.paints = 0  # how often the card was drawn (the drag benchmark reads it)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(CARD_Z)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._refresh_tooltip()

    @property
    def person_id(self) -> int:
        return self.person.id

    def show_person(self, person: Stakeholder) -> None:
        self.person = person
        self._refresh_tooltip()
        self.update()

    def set_at_risk(self, on: bool) -> None:
        if on != self.at_risk:
            self.at_risk = on
            self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def _refresh_tooltip(self) -> None:
        self.setToolTip(rich_tooltip(tooltip(self.person, self.today, self.anonymous)))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return card_bounds()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(card_rect(), 6, 6)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.paints += 1
        paint_card(painter, self.person, self.today, anonymous=self.anonymous,
                   selected=self.isSelected(), highlighted=self.highlighted,
                   at_risk=self.at_risk)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange,  # noqa: N802
                   value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self.snap:
            point = QPointF(value)
            return QPointF(round(point.x() / GRID) * GRID, round(point.y() / GRID) * GRID)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.follow()
        return super().itemChange(change, value)


class RelationLine(QGraphicsItem):
    """A reports-to arrow (solid, to the manager) or an influence line (dashed)."""

    def __init__(self, source: PersonCard, target: PersonCard, *,
                 link: InfluenceLink | None = None) -> None:
        super().__init__()
        self.source, self.target, self.link = source, target, link
        self._line = QLineF()
        self.paints = 0  # how often the line was drawn (the drag benchmark reads it)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(EDGE_Z)
        source.edges.append(self)
        target.edges.append(self)
        sentence = (translate("RelationLine", "{source} influences {target}") if link
                    else translate("RelationLine", "{source} reports to {target}"))
        self.setToolTip(rich_tooltip(sentence.format(source=source.person.name,
                                                     target=target.person.name)))
        self.follow()

    @property
    def is_influence(self) -> bool:
        return self.link is not None

    def detach(self) -> None:
        for card in (self.source, self.target):
            if self in card.edges:
                card.edges.remove(self)

    def follow(self) -> None:
        self.prepareGeometryChange()
        self._line = edge_line(self.source.pos(), self.target.pos())

    def line(self) -> QLineF:
        return QLineF(self._line)

    def boundingRect(self) -> QRectF:  # noqa: N802
        pad = ARROW + 4
        return QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(
            -pad, -pad, pad, pad)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(10)  # easy to click on a thin line
        return stroker.createStroke(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.paints += 1
        paint_edge(painter, self._line, influence=self.is_influence,
                   strength=self.link.strength if self.link else 2,
                   highlighted=self.isSelected())


class BandItem(QGraphicsItem):
    """A labelled region behind the cards (a grid quadrant, the unattached block)."""

    def __init__(self, band: Band, index: int) -> None:
        super().__init__()
        self.band, self.index = band, index
        self.setZValue(BAND_Z)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self.band.x, self.band.y, self.band.width,
                      self.band.height).adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint_band(painter, self.band, self.index)
