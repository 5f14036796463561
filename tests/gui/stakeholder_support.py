"""Helpers for driving the stakeholder canvas with the mouse and keyboard, as a person would,
and the team most of its tests work on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsView

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import DecisionRole, Stakeholder
from qbr_desktop.gui.stakeholders.stakeholder_panel import StakeholderPanel

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


@dataclass(frozen=True)
class Team:
    account_id: int
    cfo: int
    vp: int
    champion: int
    user: int
    detractor: int


def build_team(context: Any) -> Team:
    """A Strategic account with five people; nobody above Director has been spoken with."""
    account_id = context.accounts.create(AccountDraft(name="Acme Logistics",
                                                      arr=Decimal("120000"))).id
    service = context.stakeholders
    today = service.today()

    def add(person: Stakeholder) -> int:
        return int(service.add_person(account_id, person).id)

    cfo = add(Stakeholder(0, "Carla Finch", "CFO",
                          level=ContactLevel.C_SUITE, role=DecisionRole.ECONOMIC_BUYER,
                          influence=5, x=250, y=0))
    vp = add(Stakeholder(0, "Victor Park", "VP Operations", level=ContactLevel.VP,
                         role=DecisionRole.EXECUTIVE_SPONSOR, influence=4, sentiment=1,
                         manager_id=cfo, x=250, y=150))
    champion = add(Stakeholder(0, "Dana Chen", "Logistics Lead",
                               level=ContactLevel.DIRECTOR, role=DecisionRole.CHAMPION,
                               influence=3, sentiment=2, strength=4, last_contact=today,
                               manager_id=vp, x=250, y=300))
    user = add(Stakeholder(0, "Uma Lee", "Dispatcher", level=ContactLevel.USER,
                           role=DecisionRole.USER, influence=2, sentiment=1,
                           last_contact=today - timedelta(days=3), x=0, y=450))
    detractor = add(Stakeholder(0, "Derek Stone", "Procurement",
                                level=ContactLevel.MANAGER, role=DecisionRole.DETRACTOR,
                                influence=4, sentiment=-1, x=500, y=300))
    service.add_link(detractor, vp, 2)
    return Team(account_id, cfo, vp, champion, user, detractor)


def open_panel(qtbot: Any, context: Any, account_id: int) -> StakeholderPanel:
    """The tab on its own, as a window showing the account's map."""
    shown = StakeholderPanel(context.stakeholders)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    with qtbot.waitSignal(shown.loaded, timeout=5000):
        shown.show_account(account_id)
    return shown


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
