"""The view onto the stakeholder canvas: wheel and key zoom around the pointer, panning with
the middle button or Space+drag, fit-to-view, rubber-band selection, and an empty state
that says what to do instead of showing a blank grey square."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from qbr_desktop.gui.stakeholders.map_scene import MapScene
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate

MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
WHEEL_STEP = 1.15
READABLE_ZOOM = 0.6  # below this a card's name is too small to read
EMPTY_TEXT = (QT_TRANSLATE_NOOP("map_view",
                                "No one is on this map yet.\n\nAdd the people who will be in the "
                                "room and the "
              "ones who decide:\nuse “Add person” above, or import the account's contacts "
              "(File › Import)."))


class MapView(QGraphicsView):
    # Delete or Backspace was pressed with something selected.
    delete_requested = Signal()
    # The zoom changed: the new scale factor.
    zoomed = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Only what changed is repainted: a dragged card and its lines, not the scene.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setBackgroundBrush(QColor("#fafafa"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("MapView", "Stakeholder map"))
        self._pan_from: QPoint | None = None
        self._space_down = False

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(max(self.zoom() * factor, MIN_ZOOM), MAX_ZOOM)
        if abs(target - self.zoom()) > 1e-9:
            self.scale(target / self.zoom(), target / self.zoom())
            self.zoomed.emit(self.zoom())

    def reset_zoom(self) -> None:
        self.resetTransform()
        self.zoomed.emit(self.zoom())

    def fit_all(self) -> None:
        bounds = self.map_scene.itemsBoundingRect()
        if bounds.isNull():
            return
        self.fitInView(bounds.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:  # a small map is shown at full size, not blown up
            self.reset_zoom()
            self.centerOn(bounds.center())
        elif self.zoom() < MIN_ZOOM:
            self.zoom_by(1.0)
        self.zoomed.emit(self.zoom())

    def first_look(self) -> None:
        """How a map opens: all of it when that stays readable; else readable, from the top
        (where the executives are), with F to see everything."""
        self.fit_all()
        if self.zoom() >= READABLE_ZOOM:
            return
        bounds = self.map_scene.itemsBoundingRect()
        self.resetTransform()
        self.scale(READABLE_ZOOM, READABLE_ZOOM)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(bounds.center().x(), bounds.top() + visible.height() / 2 - 20)
        self.zoomed.emit(self.zoom())

    # Input -------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(WHEEL_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(WHEEL_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / WHEEL_STEP)
        elif key == Qt.Key.Key_0:
            self.reset_zoom()
        elif key == Qt.Key.Key_F:
            self.fit_all()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key == Qt.Key.Key_Escape:
            self.map_scene.clearSelection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space_down and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        if self.map_scene.cards:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#546e7a"))
        font = painter.font()
        font.setPixelSize(15)
        painter.setFont(font)
        painter.drawText(QRectF(self.viewport().rect()).adjusted(40, 40, -40, -40),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         translate("map_view", EMPTY_TEXT))
        painter.restore()
