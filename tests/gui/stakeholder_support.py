"""Helpers for driving the stakeholder canvas with the mouse and keyboard, as a person would."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsView

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def view_point(view: QGraphicsView, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def move_with_button(widget: Any, point: QPoint) -> None:
    """A mouse move with the left button held, stated in the event (QTest.mouseMove only
    carries buttons where QTest tracks them; an explicit event drags on every Qt 6)."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point),
                        QPointF(widget.mapToGlobal(point)), Qt.MouseButton.NoButton, LEFT,
                        NO_KEYS)
    QApplication.sendEvent(widget, event)


def drag(view: QGraphicsView, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press at `start`, move in steps to `end` with the button held, release there."""
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NO_KEYS, start)
    for step in range(1, steps + 1):
        move_with_button(viewport, start + (end - start) * step / steps)
    QTest.mouseRelease(viewport, LEFT, NO_KEYS, end)


def click(view: QGraphicsView, point: QPoint) -> None:
    QTest.mouseClick(view.viewport(), LEFT, NO_KEYS, point)


def wheel(view: QGraphicsView, notches: int) -> None:
    """Turn the wheel over the middle of the viewport (120 per notch, positive = away)."""
    viewport = view.viewport()
    point = QPointF(viewport.rect().center())
    for _ in range(abs(notches)):
        event = QWheelEvent(point, QPointF(viewport.mapToGlobal(point.toPoint())), QPoint(),
                            QPoint(0, 120 if notches > 0 else -120), Qt.MouseButton.NoButton,
                            NO_KEYS, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)
