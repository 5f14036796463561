"""Two rules every form keeps, installed once on the application so today's and tomorrow's
forms behave the same:

- Scrolling a page never changes a value: the mouse wheel over a combo box, a spin box or a
  date field moves the page unless the CSM has clicked or tabbed into that field first.
  Such fields take focus by click or Tab only (not by wheel), and a wheel turn over one
  that has no focus goes to the scroll area around it.
- No list or table traps the Tab key: Tab leaves it for the next field (arrow keys move
  inside it), instead of walking its cells and coming back round.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)


class InputGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's)
        if isinstance(watched, QAbstractItemView):
            if event.type() == QEvent.Type.Polish:
                watched.setTabKeyNavigation(False)
            return False
        if not isinstance(watched, GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and not watched.hasFocus():
            assert isinstance(event, QWheelEvent)
            _scroll_around(watched, event)
            return True
        return False


def _scroll_around(widget: QWidget, event: QWheelEvent) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    viewport = parent.viewport()
    position = QPointF(widget.mapTo(viewport, event.position().toPoint()))
    forwarded = QWheelEvent(position, event.globalPosition(), event.pixelDelta(),
                            event.angleDelta(), event.buttons(), event.modifiers(),
                            event.phase(), event.inverted())
    QCoreApplication.sendEvent(viewport, forwarded)


def install_input_guards(app: QCoreApplication) -> InputGuard:
    guard = InputGuard(app)
    app.installEventFilter(guard)
    return guard
