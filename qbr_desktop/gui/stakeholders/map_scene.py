"""The stakeholder canvas's scene: builds the items for a map and turns mouse gestures
(moving cards, drawing a line from one card to another) into signals the panel records.

The scene changes nothing in the store itself; the panel turns each signal into an undoable
command that does.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from enum import Enum

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QWidget,
)

from qbr_desktop.domain.stakeholder_layout import Layout
from qbr_desktop.domain.stakeholders import StakeholderMap
from qbr_desktop.gui.stakeholders.canvas_items import BandItem, PersonCard, RelationLine

SCENE_MARGIN = 200.0
Position = tuple[float, float]


class Gesture(Enum):
    SELECT = "select"  # click, rubber band, drag cards
    REPORTS_TO = "reports to"  # drag from a person to their manager
    INFLUENCE = "influence"  # drag from the person who sways to the one swayed


class MapScene(QGraphicsScene):
    # Cards were dragged: {person id: ((x, y) before, (x, y) after)}.
    cards_moved = Signal(object)
    # A line was drawn from one card to another: source id, target id, Gesture.
    connect_requested = Signal(int, int, object)
    # A card was double-clicked: the person id.
    person_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: dict[int, PersonCard] = {}
        self.lines: list[RelationLine] = []
        self.gesture = Gesture.SELECT
        self.movable = True
        self.snap = False
        self._pressed_at: dict[int, QPointF] = {}
        self._drawing: QGraphicsLineItem | None = None
        self._drawing_from: PersonCard | None = None

    # Building ----------------------------------------------------------------------------
    def show_map(self, stakeholders: StakeholderMap, layout: Layout, today: date, *,
                 movable: bool = True, anonymous: bool = False,
                 selected: Collection[int] = (), reporting_lines: bool = True) -> None:
        self.clear()
        self.cards, self.lines = {}, []
        self.movable = movable
        for index, band in enumerate(layout.bands):
            self.addItem(BandItem(band, index))
        for person in stakeholders.people:
            card = PersonCard(person, today, anonymous=anonymous)
            x, y = layout.positions.get(person.id, (0.0, 0.0))
            card.setPos(x, y)
            card.setFlag(card.GraphicsItemFlag.ItemIsMovable, movable)
            card.snap = self.snap
            self.addItem(card)
            self.cards[person.id] = card
        for person in stakeholders.people if reporting_lines else ():
            if person.manager_id in self.cards:
                self._add_line(RelationLine(self.cards[person.id], self.cards[person.manager_id]))
        for link in stakeholders.links:
            if link.source in self.cards and link.target in self.cards:
                self._add_line(RelationLine(self.cards[link.source], self.cards[link.target],
                                            link=link))
        for person_id in selected:
            if person_id in self.cards:
                self.cards[person_id].setSelected(True)
        self.fit_scene_rect()

    def _add_line(self, line: RelationLine) -> None:
        self.addItem(line)
        self.lines.append(line)

    def fit_scene_rect(self) -> None:
        """The scrollable area: the items plus a margin to drag into."""
        bounds = self.itemsBoundingRect()
        if bounds.isNull():
            bounds = QRectF(0, 0, 800, 500)
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN,
                                          SCENE_MARGIN, SCENE_MARGIN))

    def positions(self) -> dict[int, Position]:
        return {pid: (card.pos().x(), card.pos().y()) for pid, card in self.cards.items()}

    def set_positions(self, positions: Mapping[int, Position]) -> None:
        for person_id, (x, y) in positions.items():
            card = self.cards.get(person_id)
            if card is not None:
                card.setPos(x, y)
        self.fit_scene_rect()

    def set_snap(self, on: bool) -> None:
        self.snap = on
        for card in self.cards.values():
            card.snap = on

    def selected_people(self) -> list[int]:
        return sorted(item.person_id for item in self.selectedItems()
                      if isinstance(item, PersonCard))

    def selected_lines(self) -> list[RelationLine]:
        return [item for item in self.selectedItems() if isinstance(item, RelationLine)]

    def mark_at_risk(self, people: Collection[int]) -> None:
        for person_id, card in self.cards.items():
            card.set_at_risk(person_id in people)

    def highlight(self, people: Collection[int]) -> None:
        for person_id, card in self.cards.items():
            card.set_highlighted(person_id in people)

    def card_at(self, point: QPointF) -> PersonCard | None:
        for item in self.items(point, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform()):
            if isinstance(item, PersonCard):
                return item
        return None

    # Gestures ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.gesture is not Gesture.SELECT and event.button() == Qt.MouseButton.LeftButton:
            card = self.card_at(event.scenePos())
            if card is not None:
                self._drawing_from = card
                centre = card.sceneBoundingRect().center()
                self._drawing = QGraphicsLineItem(QLineF(centre, event.scenePos()))
                pen = QPen(QColor("#1e88e5"), 2, Qt.PenStyle.DashLine)
                self._drawing.setPen(pen)
                self._drawing.setZValue(10)
                self.addItem(self._drawing)
            event.accept()
            return
        super().mousePressEvent(event)
        self._pressed_at = {card.person_id: card.pos() for card in self.cards.values()
                            if card.isSelected()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drawing is not None:
            line = self._drawing.line()
            self._drawing.setLine(QLineF(line.p1(), event.scenePos()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drawing is not None:
            self.removeItem(self._drawing)
            self._drawing = None
            source, self._drawing_from = self._drawing_from, None
            target = self.card_at(event.scenePos())
            if source is not None and target is not None and target is not source:
                self.connect_requested.emit(source.person_id, target.person_id, self.gesture)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        moved = {}
        for person_id, before in self._pressed_at.items():
            card = self.cards.get(person_id)
            if card is not None and card.pos() != before:
                moved[person_id] = ((before.x(), before.y()), (card.pos().x(), card.pos().y()))
        self._pressed_at = {}
        if moved:
            self.fit_scene_rect()
            self.cards_moved.emit(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        card = self.card_at(event.scenePos())
        if card is not None:
            self.person_activated.emit(card.person_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
