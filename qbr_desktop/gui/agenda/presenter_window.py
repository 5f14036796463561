"""The presenter view for the meeting room: a full-screen window on the screen the CSM picks,
with large high-contrast digits readable from the back of the room, the current and next
section, and no controls.

It paints from a small snapshot (what the room should read) and repaints only when that
snapshot changes, which is at most once a second while the meeting runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from qbr_desktop.domain.meeting_timer import Pace, Phase, TimerState, clock_text
from qbr_desktop.gui.translation import translate

# High contrast on a dark background: projectors wash out pale colours.
BACKGROUND = "#101418"
PACE_COLOURS = {Pace.ON_TRACK: "#4caf50", Pace.CLOSING: "#ffc107", Pace.OVERRUN: "#ff5252"}
PAUSED_COLOUR = "#90a4ae"
TEXT = "#f5f5f5"
DIM = "#b0bec5"


@dataclass(frozen=True, slots=True)
class RoomView:
    """What the room reads, to the second: equal snapshots mean nothing to repaint."""

    title: str
    countdown: str
    meeting: str
    following: str
    status: str
    colour: str

    @classmethod
    def of(cls, state: TimerState) -> RoomView:
        current, following = state.current, state.following
        if state.phase is Phase.NOT_STARTED:
            status, colour = translate("RoomView", "Starting soon"), DIM
        elif state.phase is Phase.PAUSED:
            status, colour = translate("RoomView", "Paused"), PAUSED_COLOUR
        elif state.phase is Phase.FINISHED:
            status, colour = translate("RoomView", "Thank you"), DIM
        else:
            status, colour = state.pace.value.capitalize(), PACE_COLOURS[state.pace]
        if state.phase is Phase.FINISHED:
            countdown, title = translate("RoomView", "Done"), translate("RoomView",
                                                                        "Meeting closed")
        else:
            remaining = state.section_remaining if current else state.meeting_remaining
            countdown = clock_text(remaining)
            title = current.title if current else translate("RoomView", "Agenda")
        meeting = ("" if state.phase is Phase.FINISHED
                   else translate("RoomView",
                                  "Meeting: {meeting_remaining} "
                                  "left").format(meeting_remaining=clock_text(state.meeting_remaining)))
        after = (translate("RoomView", "Next: {title} · {suggested}").format(title=following.title,
                                                                             suggested=clock_text(following.suggested))
                 if following and state.phase is not Phase.FINISHED else "")
        return cls(title, countdown, meeting, after, status, colour)


class PresenterWindow(QWidget):
    # A key was pressed in the room window: the meeting panel handles it as its own.
    key_pressed = Signal(QKeyEvent)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(translate("PresenterWindow", "QBR meeting — presenter view"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.view: RoomView | None = None
        self.repaints = 0  # the benchmark reads it

    def show_on(self, screen: QScreen) -> None:
        """Full screen on that screen (a projector or TV the CSM picked)."""
        handle = self.windowHandle()
        if handle is None:
            self.create()
            handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def show_state(self, state: TimerState) -> None:
        view = RoomView.of(state)
        if view != self.view:
            self.view = view
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        self.key_pressed.emit(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.repaints += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        view = self.view
        if view is None:
            return
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        width, height = float(self.width()), float(self.height())
        margin = width * 0.04
        inner = width - 2 * margin
        self._text(painter, QRectF(margin, height * 0.05, inner, height * 0.12), view.title,
                   height * 0.075, TEXT, bold=True)
        self._text(painter, QRectF(margin, height * 0.18, inner, height * 0.45), view.countdown,
                   height * 0.36, view.colour, bold=True)
        self._text(painter, QRectF(margin, height * 0.64, inner, height * 0.08), view.status,
                   height * 0.05, view.colour, bold=True)
        self._text(painter, QRectF(margin, height * 0.74, inner, height * 0.08), view.meeting,
                   height * 0.045, DIM)
        self._text(painter, QRectF(margin, height * 0.85, inner, height * 0.08), view.following,
                   height * 0.045, DIM)

    @staticmethod
    def _text(painter: QPainter, rect: QRectF, text: str, pixels: float, colour: str, *,
              bold: bool = False) -> None:
        font = QFont(painter.font())
        font.setPixelSize(max(8, int(pixels)))
        font.setBold(bold)
        metrics = QFontMetricsF(font)
        if metrics.horizontalAdvance(text) > rect.width():  # shrink long titles to fit
            font.setPixelSize(max(8, int(pixels * rect.width() / metrics.horizontalAdvance(text))))
            metrics = QFontMetricsF(font)
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
