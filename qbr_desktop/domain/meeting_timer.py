"""The running meeting, computed from what happened and when, never from timer ticks.

Every control (start, pause, resume, go to a section, extend, finish) is an event stamped
with a clock reading in seconds. The state at any moment is a replay of those events up to
"now": elapsed time is a difference of two readings, so a late or dropped repaint can never
make the countdown drift, and a restarted app resumes from the stored events.

The clock is passed in. The app's clock keeps counting while the laptop sleeps and ignores
changes to the wall clock (see services/meeting_clock.py); tests pass a fake one.

The meeting's length is the booked slot, and pauses stop its clock. Extending a section
gives it more time out of the sections after it; when a section runs over, the sections
still to come are shortened in proportion so that the meeting still ends on time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from qbr_desktop.i18n import N_

CLOSING_SHARE = 0.20  # the last 20 % of a section's time is "closing"
MAX_EXTENSION = 60 * 60.0


class EventKind(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    GOTO = "goto"  # next / previous / a section picked: `section` is its key
    EXTEND = "extend"  # `seconds` more (or fewer, when negative) for `section`
    FINISH = "finish"


class Phase(StrEnum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


# A meeting's phase as a sentence names it (the stored value stays).
PHASE_LABELS: dict[Phase, str] = {Phase.NOT_STARTED: N_("not started"),
                                  Phase.RUNNING: N_("running"), Phase.PAUSED: N_("paused"),
                                  Phase.FINISHED: N_("finished")}


class Pace(StrEnum):
    ON_TRACK = "on track"
    CLOSING = "closing"
    OVERRUN = "overrun"


@dataclass(frozen=True, slots=True)
class TimerEvent:
    at: float  # clock seconds
    kind: EventKind
    section: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class PlannedSection:
    key: str
    title: str
    seconds: float


@dataclass(frozen=True, slots=True)
class SectionTiming:
    key: str
    title: str
    planned: float  # seconds on the agenda
    allowed: float  # planned plus extensions
    actual: float  # seconds it has been the current section while the meeting ran
    suggested: float  # what it should take now: shortened after an overrun
    visited: bool = False

    @property
    def over(self) -> float:
        return self.actual - self.allowed


@dataclass(frozen=True, slots=True)
class TimerState:
    phase: Phase
    index: int  # the current section (0 before the start)
    sections: tuple[SectionTiming, ...]
    meeting_elapsed: float
    meeting_remaining: float  # negative once the meeting runs past its slot
    section_elapsed: float
    section_remaining: float  # against the section's suggested time; negative = over
    pace: Pace
    note: str = ""  # what the compression did, in words

    @property
    def current(self) -> SectionTiming | None:
        return self.sections[self.index] if self.sections else None

    @property
    def following(self) -> SectionTiming | None:
        return self.sections[self.index + 1] if self.index + 1 < len(self.sections) else None


@dataclass
class _Replay:
    keys: list[str]
    index: int = 0
    phase: Phase = Phase.NOT_STARTED
    since: float | None = None  # when the current running stretch began
    meeting: float = 0.0
    actual: dict[str, float] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)
    visited: set[str] = field(default_factory=set)

    def run_until(self, moment: float) -> None:
        if self.phase is Phase.RUNNING and self.since is not None:
            spent = max(0.0, moment - self.since)
            self.meeting += spent  # the meeting's clock runs even with no sections left
            if self.keys:
                key = self.keys[min(self.index, len(self.keys) - 1)]
                self.actual[key] = self.actual.get(key, 0.0) + spent
            self.since = moment


def replay(sections: Sequence[PlannedSection], slot_seconds: float,
           events: Sequence[TimerEvent], now: float) -> TimerState:
    """The meeting's state at `now`, from its events (in order of their clock readings)."""
    keys = [s.key for s in sections]
    state = _Replay(keys)
    for event in sorted(events, key=lambda e: e.at):
        if event.at > now:
            break
        _apply(state, event, keys)
    state.run_until(now)
    return _summarise(sections, slot_seconds, state)


def _apply(state: _Replay, event: TimerEvent, keys: list[str]) -> None:
    state.run_until(event.at)
    kind = event.kind
    if kind is EventKind.START and state.phase is Phase.NOT_STARTED:
        state.phase, state.since, state.index = Phase.RUNNING, event.at, 0
        if keys:
            state.visited.add(keys[0])
    elif kind is EventKind.PAUSE and state.phase is Phase.RUNNING:
        state.phase, state.since = Phase.PAUSED, None
    elif kind is EventKind.RESUME and state.phase is Phase.PAUSED:
        state.phase, state.since = Phase.RUNNING, event.at
    elif kind is EventKind.GOTO and event.section in keys and state.phase in (
            Phase.RUNNING, Phase.PAUSED):
        state.index = keys.index(event.section)
        state.visited.add(keys[state.index])
    elif kind is EventKind.EXTEND and event.section in keys:
        key = event.section or ""
        state.extra[key] = max(-MAX_EXTENSION, min(MAX_EXTENSION,
                                                   state.extra.get(key, 0.0) + event.seconds))
    elif kind is EventKind.FINISH and state.phase in (Phase.RUNNING, Phase.PAUSED):
        state.phase, state.since = Phase.FINISHED, None


def _summarise(sections: Sequence[PlannedSection], slot: float, state: _Replay) -> TimerState:
    index = min(state.index, max(len(sections) - 1, 0))
    allowed = [max(0.0, s.seconds + state.extra.get(s.key, 0.0)) for s in sections]
    actual = [state.actual.get(s.key, 0.0) for s in sections]
    meeting_remaining = slot - state.meeting
    suggested = list(allowed)
    note = ""
    if sections and state.phase in (Phase.RUNNING, Phase.PAUSED):
        current_left = max(0.0, allowed[index] - actual[index])
        later = range(index + 1, len(sections))
        wanted = sum(allowed[i] for i in later)
        budget = max(0.0, meeting_remaining - current_left)
        over = actual[index] - allowed[index]
        cause = (f"“{sections[index].title}” is {_minutes(over)} over"
                 if over > 0 else "The agenda is longer than the time left")
        if wanted > budget + 0.5 and wanted > 0:
            factor = budget / wanted
            for i in later:
                suggested[i] = allowed[i] * factor
            note = _compression_note(cause, len(later), factor)
        elif not later and (over > 0 or meeting_remaining < 0):
            note = _compression_note(cause, 0, 0.0)
    timings = tuple(SectionTiming(s.key, s.title, s.seconds, allowed[i], actual[i], suggested[i],
                                  s.key in state.visited)
                    for i, s in enumerate(sections))
    section_elapsed = actual[index] if sections else 0.0
    section_remaining = (allowed[index] - section_elapsed) if sections else meeting_remaining
    pace = _pace(section_remaining, allowed[index] if sections else slot)
    return TimerState(state.phase, index, timings, state.meeting, meeting_remaining,
                      section_elapsed, section_remaining, pace, note)


def _compression_note(cause: str, later: int, factor: float) -> str:
    if not later:
        return f"{cause}: the meeting will run over."
    which = "the section after it" if later == 1 else f"the {later} sections after it"
    if factor < 0.05:
        return f"{cause}: no time is left for {which}; wrap up or agree to run over."
    verb = "is" if later == 1 else "are"
    return (f"{cause}: {which} {verb} shortened to {int(factor * 100)}% of their time so the "
            "meeting still ends on time.")


def _pace(remaining: float, allowed: float) -> Pace:
    if remaining <= 0:
        return Pace.OVERRUN
    if remaining <= allowed * CLOSING_SHARE:
        return Pace.CLOSING
    return Pace.ON_TRACK


def _minutes(seconds: float) -> str:
    whole = max(1, round(seconds / 60))
    return f"{whole} min"


def clock_text(seconds: float) -> str:
    """'12:05', '1:02:09', '-0:45' (over time), in whole seconds rounded up, as a countdown
    reads: a fresh five-minute section shows 5:00 until a whole second has gone."""
    sign = "-" if seconds < 0 else ""
    # To the millisecond first: times re-based across a restart carry float noise
    # (899.9999 s), which must not read as a second more or less.
    total = math.ceil(round(abs(seconds), 3))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


class MeetingTimer:
    """The controls, as events appended with the injected clock's reading."""

    def __init__(self, sections: Sequence[PlannedSection], slot_seconds: float,
                 clock: Callable[[], float], events: Sequence[TimerEvent] = ()) -> None:
        self.sections = list(sections)
        self.slot = slot_seconds
        self.clock = clock
        self.events: list[TimerEvent] = list(events)

    def state(self) -> TimerState:
        return replay(self.sections, self.slot, self.events, self.clock())

    def _add(self, kind: EventKind, section: str | None = None, seconds: float = 0.0
             ) -> TimerEvent:
        event = TimerEvent(self.clock(), kind, section, seconds)
        self.events.append(event)
        return event

    def start(self) -> TimerEvent | None:
        return self._add(EventKind.START) if self.state().phase is Phase.NOT_STARTED else None

    def toggle_pause(self) -> TimerEvent | None:
        phase = self.state().phase
        if phase is Phase.RUNNING:
            return self._add(EventKind.PAUSE)
        if phase is Phase.PAUSED:
            return self._add(EventKind.RESUME)
        if phase is Phase.NOT_STARTED:
            return self.start()
        return None

    def go(self, step: int) -> TimerEvent | None:
        """Next (+1) or previous (-1) section."""
        state = self.state()
        target = state.index + step
        if state.phase not in (Phase.RUNNING, Phase.PAUSED) or not (
                0 <= target < len(self.sections)):
            return None
        return self._add(EventKind.GOTO, self.sections[target].key)

    def extend(self, seconds: float) -> TimerEvent | None:
        state = self.state()
        if state.phase in (Phase.FINISHED,) or not self.sections:
            return None
        return self._add(EventKind.EXTEND, self.sections[state.index].key, seconds)

    def finish(self) -> TimerEvent | None:
        if self.state().phase in (Phase.RUNNING, Phase.PAUSED):
            return self._add(EventKind.FINISH)
        return None


TWO_MINUTES = 120.0


class Cue(StrEnum):
    TWO_MINUTES = "two minutes left"
    TIME_UP = "time is up"


def cues(before: TimerState | None, after: TimerState) -> list[Cue]:
    """The moments worth a soft chime between two looks at the timer: the current section
    passing its two-minute mark, and reaching its end. Each sounds once per section."""
    if before is None or after.phase is not Phase.RUNNING or before.index != after.index:
        return []
    if after.current is None or after.current.allowed <= TWO_MINUTES:
        crossings = [(0.0, Cue.TIME_UP)]
    else:
        crossings = [(TWO_MINUTES, Cue.TWO_MINUTES), (0.0, Cue.TIME_UP)]
    return [cue for mark, cue in crossings
            if before.section_remaining > mark >= after.section_remaining]
