"""Running the meeting from the CSM's laptop: the controls, the countdowns, and the
presenter view on the room's screen.

The panel holds the meeting's events and asks the domain for the state about ten times a
second; every control goes through the service first, which stores it, so a crash loses
nothing. Labels and the presenter view change only when what they show changes.

Keys (when the focus is not in a text field, and in the presenter view): Space pauses and
resumes, → and ← go to the next and previous section, + and − give the section a minute
more or less, Shift with + five minutes more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.meeting_timer import (
    MeetingTimer,
    Phase,
    TimerState,
    clock_text,
    cues,
)
from qbr_desktop.gui.agenda.chime import play_chime
from qbr_desktop.gui.agenda.presenter_window import PACE_COLOURS, PresenterWindow
from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.agendas import AgendaService, Meeting

REFRESH_MS = 100
SOUND_SETTING = "meeting/sound"


class MeetingPanel(QWidget):
    # The meeting's state changed (a control, or a new second): the state.
    state_changed = Signal(object)
    # The meeting was started, finished or reset: the review id.
    meeting_changed = Signal(int)

    def __init__(self, service: AgendaService, parent: QWidget | None = None,
                 chime: Callable[[], None] = play_chime) -> None:
        super().__init__(parent)
        self.service = service
        self.chime = chime
        self.review_id: int | None = None
        self.meeting: Meeting | None = None
        self.timer: MeetingTimer | None = None
        self.state: TimerState | None = None
        self.presenter: PresenterWindow | None = None
        self.refresh = QTimer(self)
        self.refresh.setInterval(REFRESH_MS)
        self.refresh.setTimerType(Qt.TimerType.CoarseTimer)
        self.refresh.timeout.connect(self.tick)
        self._build()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    def _build(self) -> None:
        self.start_button = self._button(translate("MeetingPanel", "Start"),
                                         translate("MeetingPanel", "Start the meeting's clock"),
                                         self.start)
        self.pause_button = self._button(translate("MeetingPanel", "Pause"),
                                         translate("MeetingPanel", "Pause or resume (Space)"),
                                         self.toggle_pause)
        self.previous_button = self._button(translate("MeetingPanel", "◀ Previous"),
                                            translate("MeetingPanel", "Previous section (←)"),
                                            lambda: self.step(-1))
        self.next_button = self._button(translate("MeetingPanel", "Next ▶"),
                                        translate("MeetingPanel", "Next section (→)"),
                                        lambda: self.step(1))
        self.extend_one = self._button(translate("MeetingPanel", "+1 min"),
                                       translate("MeetingPanel",
                                                 "A minute more for this section (+)"),
                                       lambda: self.extend(1))
        self.extend_five = self._button(translate("MeetingPanel", "+5 min"),
                                        translate("MeetingPanel",
                                                  "Five minutes more (Shift and +)"),
                                        lambda: self.extend(5))
        self.finish_button = self._button(translate("MeetingPanel", "Finish"),
                                          translate("MeetingPanel",
                                                    "Close the meeting and record its times"),
                                          self.finish)
        self.screen_box = QComboBox(self)
        self.screen_box.setToolTip(translate("MeetingPanel", "The screen the room sees"))
        self.present_button = self._button(translate("MeetingPanel", "Presenter view"),
                                           translate("MeetingPanel",
                                                     "Full screen on the chosen screen"),
                                           self.open_presenter)
        self.sound_box = QCheckBox(translate("MeetingPanel", "Chime"), self)
        self.sound_box.setToolTip(translate("MeetingPanel",
                                            "A soft sound two minutes before a section ends, and "
                                            "at its end"))
        self.sound_box.setChecked(bool(QSettings().value(SOUND_SETTING, True, type=bool)))
        self.sound_box.toggled.connect(lambda on: QSettings().setValue(SOUND_SETTING, on))
        controls = QHBoxLayout()
        for widget in (self.start_button, self.pause_button, self.previous_button,
                       self.next_button, self.extend_one, self.extend_five, self.finish_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        # The room's screen on a line of its own: beside the timer's buttons it made the
        # page wider than the account pane at 1366 px, and Chime fell off its edge.
        room = QHBoxLayout()
        room.addStretch(1)
        room.addWidget(self.screen_box)
        room.addWidget(self.present_button)
        room.addWidget(self.sound_box)
        self.section_title = self._label(22, bold=True)
        self.countdown = self._label(54, bold=True)
        self.countdown.setObjectName("meetingCountdown")
        self.pace = self._label(16, bold=True)
        self.meeting_left = self._label(14)
        self.following = self._label(13)
        self.prompt = self._label(12)
        self.note = self._label(12)
        self.note.setProperty("class", "fieldError")
        self.message = self._label(12)
        self.message.setProperty("class", "fieldError")
        display = QGridLayout()
        display.addWidget(self.section_title, 0, 0, 1, 2)
        display.addWidget(self.countdown, 1, 0, 2, 1)
        display.addWidget(self.pace, 1, 1)
        display.addWidget(self.meeting_left, 2, 1)
        display.addWidget(self.following, 3, 0, 1, 2)
        display.addWidget(self.prompt, 4, 0, 1, 2)
        display.addWidget(self.note, 5, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(room)
        layout.addWidget(self.message)
        layout.addLayout(display)

    def _label(self, pixels: int, *, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setPixelSize(pixels)
        font.setBold(bold)
        label.setFont(font)
        return label

    # Loading -----------------------------------------------------------------------------
    def show_review(self, review_id: int) -> None:
        self.review_id = review_id
        self._run(lambda: self.service.meeting(review_id))
        self._fill_screens()

    def _fill_screens(self) -> None:
        self.screen_box.clear()
        screens = QGuiApplication.screens()
        for index, screen in enumerate(screens):
            size = screen.geometry()
            self.screen_box.addItem(f"{index + 1}: {screen.name() or 'screen'} "
                                    f"({size.width()}×{size.height()})", index)
        # The room's screen is usually the one the laptop is not.
        self.screen_box.setCurrentIndex(len(screens) - 1 if len(screens) > 1 else 0)

    def _run(self, action: Callable[[], Meeting]) -> None:
        try:
            meeting = action()
        except (DomainError, StoreError) as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.message.hide()
        changed = self.meeting is None or meeting.state.phase != self.meeting.state.phase
        self.meeting = meeting
        self.timer = meeting.timer(self.service.clock)
        self.state = None
        self.tick()
        if changed and self.review_id is not None:
            self.meeting_changed.emit(self.review_id)

    # Controls ----------------------------------------------------------------------------
    def start(self) -> None:
        if self.review_id is not None:
            self._run(lambda: self.service.start(self.review_id or 0))

    def toggle_pause(self) -> None:
        if self.review_id is not None:
            self._run(lambda: self.service.toggle_pause(self.review_id or 0))

    def step(self, step: int) -> None:
        if self.review_id is not None:
            self._run(lambda: self.service.step(self.review_id or 0, step))

    def extend(self, minutes: float) -> None:
        if self.review_id is not None:
            self._run(lambda: self.service.extend(self.review_id or 0, minutes))

    def finish(self) -> None:
        if self.review_id is not None:
            self._run(lambda: self.service.finish(self.review_id or 0))

    def handle_key(self, event: QKeyEvent) -> bool:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Space: self.toggle_pause, Qt.Key.Key_Right: lambda: self.step(1),
            Qt.Key.Key_Left: lambda: self.step(-1),
            Qt.Key.Key_Plus: lambda: self.extend(5 if shift else 1),
            Qt.Key.Key_Equal: lambda: self.extend(5 if shift else 1),
            Qt.Key.Key_Minus: lambda: self.extend(-1)}
        action = actions.get(key)
        if action is None:
            return False
        action()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        focus = QGuiApplication.focusObject()
        if isinstance(focus, QLineEdit | QPlainTextEdit) or not self.handle_key(event):
            super().keyPressEvent(event)

    # Presenter ---------------------------------------------------------------------------
    def open_presenter(self) -> None:
        screens = QGuiApplication.screens()
        index = self.screen_box.currentData()
        screen = screens[index] if isinstance(index, int) and index < len(screens) else (
            QGuiApplication.primaryScreen())
        if self.presenter is None:
            self.presenter = PresenterWindow()
            self.presenter.key_pressed.connect(self.handle_key)
            self.presenter.destroyed.connect(lambda: setattr(self, "presenter", None))
            self.presenter.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.state is not None:
            self.presenter.show_state(self.state)
        self.presenter.show_on(screen)

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()

    # Showing -----------------------------------------------------------------------------
    def tick(self) -> None:
        """Read the state from the recorded events and show what changed."""
        if self.timer is None or self.meeting is None:
            return
        before, state = self.state, self.timer.state()
        self.state = state
        if self.sound_box.isChecked() and cues(before, state):
            self.chime()
        self._show(state)
        if self.presenter is not None:
            self.presenter.show_state(state)
        running = state.phase in (Phase.RUNNING, Phase.PAUSED)
        if running and not self.refresh.isActive():
            self.refresh.start()
        elif not running:
            self.refresh.stop()
        if before is None or _shown(before) != _shown(state):
            self.state_changed.emit(state)

    def _show(self, state: TimerState) -> None:
        current, following = state.current, state.following
        agenda = self.meeting.agenda.agenda if self.meeting else None
        phase = state.phase
        _set(self.section_title, current.title if current and phase is not Phase.FINISHED
             else (translate("MeetingPanel",
                             "Meeting closed") if phase is Phase.FINISHED else translate(
                                 "MeetingPanel", "No sections")))
        if phase is Phase.FINISHED:
            _set(self.countdown, translate("MeetingPanel", "Done"))
        else:
            _set(self.countdown, clock_text(state.section_remaining))
        if phase is Phase.NOT_STARTED:
            pace, colour = translate("MeetingPanel", "Not started"), "#607d8b"
        elif phase is Phase.PAUSED:
            pace, colour = translate("MeetingPanel", "Paused"), "#607d8b"
        elif phase is Phase.FINISHED:
            pace, colour = translate("MeetingPanel", "Finished"), "#607d8b"
        else:
            pace, colour = state.pace.value.capitalize(), PACE_COLOURS[state.pace]
        _set(self.pace, pace)
        style = f"color: {colour};"
        for label in (self.countdown, self.pace):
            if label.styleSheet() != style:
                label.setStyleSheet(style)
        slot = agenda.slot_minutes if agenda else 0
        _set(self.meeting_left,
             translate("MeetingPanel",
                       "Took {meeting_elapsed} of the {slot}-minute "
                       "slot").format(meeting_elapsed=clock_text(state.meeting_elapsed), slot=slot)
             if phase is Phase.FINISHED else
             translate("MeetingPanel",
                       "Meeting: {meeting_remaining} left of {slot} "
                       "min").format(meeting_remaining=clock_text(state.meeting_remaining),
                                     slot=slot))
        _set(self.following,
             translate("MeetingPanel", "Next: {title} ({suggested})").format(title=following.title,
                                                                             suggested=clock_text(following.suggested))
             if following and phase is not Phase.FINISHED else "")
        section = agenda.section(current.key) if agenda and current else None
        _set(self.prompt, section.prompt if section and phase is not Phase.FINISHED else "")
        _set(self.note, state.note)
        self.note.setVisible(bool(state.note))
        self.start_button.setEnabled(phase is Phase.NOT_STARTED)
        self.pause_button.setText(translate("MeetingPanel",
                                            "Resume") if phase is Phase.PAUSED else translate(
                                                "MeetingPanel", "Pause"))
        live = phase in (Phase.RUNNING, Phase.PAUSED)
        for button in (self.pause_button, self.finish_button, self.extend_one,
                       self.extend_five):
            button.setEnabled(live)
        self.previous_button.setEnabled(live and state.index > 0)
        self.next_button.setEnabled(live and following is not None)


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def _shown(state: TimerState) -> tuple[object, ...]:
    """What the section table shows, to the second: equal means nothing to redraw."""
    return (state.phase, state.index, int(state.section_remaining), state.note,
            tuple((int(s.actual), int(s.suggested)) for s in state.sections))
