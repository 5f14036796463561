"""Two rules every form keeps, installed once on the application so today's and tomorrow's
forms behave the same:

- Scrolling a page never changes a value: the mouse wheel over a combo box, a spin box or a
  date field moves the page unless the CSM has clicked or tabbed into that field first.
  Such fields take focus by click or Tab only (not by wheel), and a wheel turn over one
  that has no focus goes to the scroll area around it.
- No list or table traps the Tab key: Tab leaves it for the next field (arrow keys move
  inside it), instead of walking its cells and coming back round.

The rules are applied as each widget is polished, by the application's style, and the
wheel is watched on the guarded fields alone. An event filter on the application would
see every event of every widget: each would cross into Python and wait for the
interpreter lock while a worker holds it, so a busy worker would hold up every repaint.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Watches the guarded fields only: a wheel turn over one without focus scrolls the page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's)
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            assert isinstance(event, QWheelEvent)
            _scroll_around(watched, event)
            return True
        return False


class GuardingStyle(QProxyStyle):
    """The application's own style, which also applies the two rules to each widget once,
    when it is polished."""

    def __init__(self, base: QStyle | None, wheel_guard: WheelGuard) -> None:
        super().__init__(base)  # None: the platform's own style
        self.wheel_guard = wheel_guard

    def polish(self, target: Any) -> Any:
        if isinstance(target, QAbstractItemView):
            target.setTabKeyNavigation(False)
        elif isinstance(target, GUARDED):
            if target.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            target.removeEventFilter(self.wheel_guard)  # a widget is polished again on restyle
            target.installEventFilter(self.wheel_guard)
        return super().polish(target)


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


def install_input_guards(app: QApplication) -> GuardingStyle:
    """The guarding style for the whole application (its style sheet still applies over it)."""
    guard = WheelGuard(app)
    # The style the application had (the platform's, or one chosen with -style) underneath.
    style = GuardingStyle(QStyleFactory.create(app.style().name()), guard)
    app.setStyle(style)  # the application owns the style from here
    return style
