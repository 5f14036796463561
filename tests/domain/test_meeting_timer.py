"""The meeting timer, replayed from events on a fake clock: no sleeps, no real time."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qbr_desktop.domain.meeting_timer import (
    EventKind,
    MeetingTimer,
    Pace,
    Phase,
    PlannedSection,
    TimerEvent,
    TimerState,
    clock_text,
    replay,
)


class FakeClock:
    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


THREE = [PlannedSection("a", "Opening", 600.0), PlannedSection("b", "Value", 600.0),
         PlannedSection("c", "Close", 600.0)]


def timer(sections: list[PlannedSection] | None = None, slot: float = 1800.0,
          clock: FakeClock | None = None) -> tuple[MeetingTimer, FakeClock]:
    clock = clock or FakeClock()
    return MeetingTimer(THREE if sections is None else sections, slot, clock), clock


def by_key(state: TimerState) -> dict[str, float]:
    return {s.key: s.actual for s in state.sections}


# Start and pace --------------------------------------------------------------------------

def test_before_the_start_nothing_runs() -> None:
    t, clock = timer()
    clock.advance(500)
    state = t.state()
    assert (state.phase, state.index, state.meeting_elapsed) == (Phase.NOT_STARTED, 0, 0.0)
    assert state.meeting_remaining == 1800
    assert state.sections[0].suggested == 600
    assert state.note == ""
    assert t.go(1) is None and t.finish() is None


def test_start_runs_the_first_section() -> None:
    t, clock = timer()
    event = t.start()
    assert event == TimerEvent(1000.0, EventKind.START)
    assert t.start() is None  # a second start does nothing
    clock.advance(120)
    state = t.state()
    assert state.phase is Phase.RUNNING
    assert state.current is not None and state.current.key == "a"
    assert state.following is not None and state.following.key == "b"
    assert (state.section_elapsed, state.section_remaining) == (120, 480)
    assert (state.meeting_elapsed, state.meeting_remaining) == (120, 1680)
    assert state.pace is Pace.ON_TRACK
    assert [s.visited for s in state.sections] == [True, False, False]


@pytest.mark.parametrize(("elapsed", "pace"), [
    (479.0, Pace.ON_TRACK),
    (480.0, Pace.CLOSING),  # exactly 80 % elapsed: 120 s left = 20 % of 600 -> closing
    (599.0, Pace.CLOSING),
    (600.0, Pace.OVERRUN),  # nothing left is an overrun
    (601.0, Pace.OVERRUN),
])
def test_pace_boundaries(elapsed: float, pace: Pace) -> None:
    t, clock = timer()
    t.start()
    clock.advance(elapsed)
    assert t.state().pace is pace


def test_toggle_pause_before_the_start_starts() -> None:
    t, _ = timer()
    event = t.toggle_pause()
    assert event is not None and event.kind is EventKind.START
    assert t.state().phase is Phase.RUNNING


# Moving between sections -----------------------------------------------------------------

def test_next_and_previous_accumulate_time_per_section() -> None:
    t, clock = timer()
    t.start()
    clock.advance(300)
    assert t.go(1) == TimerEvent(1300.0, EventKind.GOTO, "b")
    clock.advance(200)
    t.go(-1)
    clock.advance(100)
    state = t.state()
    assert state.index == 0
    assert by_key(state) == {"a": 400, "b": 200, "c": 0}
    assert (state.section_elapsed, state.section_remaining) == (400, 200)
    assert state.meeting_elapsed == 600
    assert state.meeting_remaining == 1200
    assert [s.visited for s in state.sections] == [True, True, False]


def test_previous_at_the_first_and_next_at_the_last_do_nothing() -> None:
    t, clock = timer()
    t.start()
    assert t.go(-1) is None
    t.go(1)
    t.go(1)
    count = len(t.events)
    assert t.go(1) is None
    assert t.go(5) is None
    assert len(t.events) == count
    assert t.state().index == 2


# Pause and suspend -----------------------------------------------------------------------

def test_pause_stops_both_clocks_even_through_a_3_hour_suspend() -> None:
    t, clock = timer()
    t.start()
    clock.advance(120)
    assert t.toggle_pause() is not None
    paused = t.state()
    clock.advance(3 * 3600)  # the lid closed while paused
    after = t.state()
    assert after.phase is Phase.PAUSED
    assert (after.meeting_elapsed, after.section_elapsed) == (120, 120)
    assert after.meeting_remaining == paused.meeting_remaining == 1680
    assert after.section_remaining == 480
    # Moving while paused changes the section but not the time.
    t.go(1)
    clock.advance(60)
    assert t.state().meeting_elapsed == 120
    event = t.toggle_pause()
    assert event is not None and event.kind is EventKind.RESUME
    clock.advance(60)
    state = t.state()
    assert state.phase is Phase.RUNNING
    assert by_key(state) == {"a": 120, "b": 60, "c": 0}
    assert state.meeting_elapsed == 180


def test_a_suspend_while_running_counts_as_meeting_time() -> None:
    t, clock = timer()
    t.start()
    clock.advance(60)
    clock.advance(20 * 60)  # the boot-time clock jumps through a suspend
    state = t.state()
    assert state.meeting_elapsed == 1260
    assert state.section_elapsed == 1260
    assert state.section_remaining == -660
    assert state.pace is Pace.OVERRUN
    assert state.meeting_remaining == 540


# Overrun, compression and extensions -----------------------------------------------------

def test_an_overrun_compresses_the_later_sections_proportionally() -> None:
    t, clock = timer()
    t.start()
    clock.advance(15 * 60)
    state = t.state()
    # 15 min used of 30: 15 left for 20 planned minutes -> 75 %, 7.5 min each.
    assert [s.suggested for s in state.sections] == [600, 450, 450]
    assert state.sections[0].over == 300
    assert state.section_remaining == -300
    assert state.pace is Pace.OVERRUN
    assert "5 min over" in state.note and "75%" in state.note
    assert state.note == ("“Opening” is 5 min over: the 2 sections after it are shortened to "
                          "75% of their time so the meeting still ends on time.")
    assert sum(s.suggested for s in state.sections[1:]) == state.meeting_remaining


def test_compression_note_for_one_section_left() -> None:
    t, clock = timer()
    t.start()
    t.go(1)
    clock.advance(900)
    state = t.state()  # 15 min in "Value" (planned 10): 15 left for "Close" (10) -> no cut
    assert state.note == "" and state.sections[2].suggested == 600
    clock.advance(600)  # 25 min gone: 5 left for 10 planned -> 50 %
    state = t.state()
    assert state.sections[2].suggested == 300
    assert state.note == ("“Value” is 15 min over: the section after it is shortened to 50% "
                          "of their time so the meeting still ends on time.")


def test_no_time_left_says_wrap_up() -> None:
    t, clock = timer()
    t.start()
    clock.advance(1790)  # 10 s left for 20 planned minutes: under 5 %
    state = t.state()
    assert state.note == ("“Opening” is 20 min over: no time is left for the 2 sections after "
                          "it; wrap up or agree to run over.")
    assert [s.suggested for s in state.sections[1:]] == pytest.approx([5.0, 5.0])


def test_extending_takes_time_from_the_later_sections() -> None:
    t, clock = timer()
    t.start()
    event = t.extend(300)
    assert event == TimerEvent(1000.0, EventKind.EXTEND, "a", 300.0)
    state = t.state()
    assert state.sections[0].allowed == 900 and state.sections[0].planned == 600
    assert state.section_remaining == 900
    # 30 - 15 for "Opening" leaves 15 for 20 planned minutes.
    assert [s.suggested for s in state.sections] == [900, 450, 450]
    assert state.note == ("The agenda is longer than the time left: the 2 sections after it "
                          "are shortened to 75% of their time so the meeting still ends on time.")
    clock.advance(720)  # 80 % of the extended 15 minutes
    assert t.state().pace is Pace.CLOSING


def test_a_negative_extension_shortens_the_section_and_never_below_zero() -> None:
    t, clock = timer()
    t.start()
    t.extend(-240)
    state = t.state()
    assert (state.sections[0].allowed, state.section_remaining) == (360, 360)
    assert state.note == ""
    assert [s.suggested for s in state.sections] == [360, 600, 600]
    t.extend(-1000)
    state = t.state()
    assert state.sections[0].allowed == 0
    assert state.pace is Pace.OVERRUN


def test_extensions_are_capped_at_an_hour() -> None:
    t, _ = timer()
    t.start()
    t.extend(5000)
    assert t.state().sections[0].allowed == 600 + 3600
    t.extend(-9000)  # extra -> max(-3600, 3600 - 9000)
    assert t.state().sections[0].allowed == 0


def test_the_last_section_overrunning_runs_past_the_slot() -> None:
    t, clock = timer()
    t.start()
    t.go(1)
    t.go(1)
    clock.advance(1900)
    state = t.state()
    assert state.index == 2 and state.following is None
    assert state.meeting_remaining == -100
    assert state.section_remaining == -1300
    assert state.pace is Pace.OVERRUN


def test_the_last_section_overrunning_says_the_meeting_will_run_over() -> None:
    t, clock = timer()
    t.start()
    t.go(1)
    t.go(1)
    clock.advance(900)  # "Close" is 5 min over its 10
    assert t.state().note == "“Close” is 5 min over: the meeting will run over."


# Finishing -------------------------------------------------------------------------------

def test_finishing_freezes_everything() -> None:
    t, clock = timer()
    t.start()
    clock.advance(900)
    t.go(1)
    clock.advance(100)
    assert t.finish() is not None
    frozen = t.state()
    clock.advance(5000)
    state = t.state()
    assert state == frozen
    assert state.phase is Phase.FINISHED
    assert state.meeting_elapsed == 1000
    assert by_key(state) == {"a": 900, "b": 100, "c": 0}
    assert state.note == "" and [s.suggested for s in state.sections] == [600, 600, 600]
    assert (t.finish(), t.go(1), t.go(-1), t.extend(60), t.toggle_pause(), t.start()) == (
        None, None, None, None, None, None)


def test_finishing_while_paused() -> None:
    t, clock = timer()
    t.start()
    clock.advance(50)
    t.toggle_pause()
    clock.advance(50)
    t.finish()
    clock.advance(50)
    assert (t.state().phase, t.state().meeting_elapsed) == (Phase.FINISHED, 50)


# Replaying stored events ----------------------------------------------------------------

EVENTS = [TimerEvent(0.0, EventKind.START), TimerEvent(300.0, EventKind.GOTO, "b"),
          TimerEvent(400.0, EventKind.PAUSE), TimerEvent(1000.0, EventKind.RESUME),
          TimerEvent(1100.0, EventKind.EXTEND, "b", 120.0),
          TimerEvent(1200.0, EventKind.GOTO, "c")]


def test_replay_figures() -> None:
    state = replay(THREE, 1800, EVENTS, 1500.0)
    # a: 0-300; b: 300-400 and 1000-1200; c: 1200-1500.
    assert by_key(state) == {"a": 300, "b": 300, "c": 300}
    assert state.meeting_elapsed == 900
    assert state.sections[1].allowed == 720
    assert state.index == 2


def test_events_out_of_order_are_sorted() -> None:
    shuffled = list(EVENTS)
    random.Random(7).shuffle(shuffled)
    assert shuffled != EVENTS
    assert replay(THREE, 1800, shuffled, 1500.0) == replay(THREE, 1800, EVENTS, 1500.0)
    assert replay(THREE, 1800, list(reversed(EVENTS)), 1500.0) == replay(
        THREE, 1800, EVENTS, 1500.0)


def test_events_after_now_are_ignored() -> None:
    state = replay(THREE, 1800, EVENTS, 350.0)
    assert state.index == 1
    assert state.phase is Phase.RUNNING
    assert by_key(state) == {"a": 300, "b": 50, "c": 0}
    assert state.sections[1].allowed == 600  # the extension at 1100 has not happened yet
    before = replay(THREE, 1800, EVENTS, -1.0)
    assert before.phase is Phase.NOT_STARTED and before.meeting_elapsed == 0


def test_a_section_deleted_while_it_runs() -> None:
    without_b = [THREE[0], THREE[2]]
    events = [TimerEvent(0.0, EventKind.START), TimerEvent(300.0, EventKind.GOTO, "b")]
    state = replay(without_b, 1800, events, 500.0)
    assert state.phase is Phase.RUNNING
    assert state.current is not None and state.current.key in {"a", "c"}
    assert 0 <= state.index < len(without_b)
    assert state.meeting_elapsed == 500
    assert sum(s.actual for s in state.sections) == 500
    # The timer on the edited agenda keeps working.
    clock = FakeClock(500.0)
    t = MeetingTimer(without_b, 1800, clock, events)
    assert t.go(1) is not None
    clock.advance(100)
    assert t.state().current == t.state().sections[1]
    assert t.state().meeting_elapsed == 600


def test_the_last_section_deleted_while_it_runs() -> None:
    events = [TimerEvent(0.0, EventKind.START), TimerEvent(100.0, EventKind.GOTO, "b"),
              TimerEvent(200.0, EventKind.GOTO, "c")]
    state = replay(THREE[:2], 1800, events, 300.0)
    assert state.current is not None
    assert state.current.key in {"a", "b"}
    assert state.meeting_elapsed == 300


def test_zero_minute_sections() -> None:
    sections = [PlannedSection("a", "Intro", 0.0), PlannedSection("b", "Main", 600.0)]
    t, clock = timer(sections, slot=600)
    t.start()
    state = t.state()
    assert (state.section_remaining, state.pace) == (0, Pace.OVERRUN)
    assert state.note == ""
    clock.advance(60)
    state = t.state()
    assert state.sections[1].suggested == 540
    assert state.note.startswith("“Intro” is 1 min over")


def test_forty_sections() -> None:
    sections = [PlannedSection(f"s{i}", f"Item {i}", 60.0) for i in range(40)]
    t, clock = timer(sections, slot=2400)
    t.start()
    for _ in range(39):
        clock.advance(60)
        assert t.go(1) is not None
    assert t.go(1) is None
    clock.advance(30)
    state = t.state()
    assert state.index == 39
    assert state.meeting_elapsed == 39 * 60 + 30
    assert all(s.visited for s in state.sections)
    assert all(s.actual == 60 for s in state.sections[:-1])
    assert (state.section_remaining, state.meeting_remaining) == (30, 30)


def test_an_agenda_without_sections_does_not_crash() -> None:
    t, clock = timer([], slot=600)
    t.start()
    clock.advance(60)
    state = t.state()
    assert state.current is None and state.following is None
    assert t.go(1) is None and t.extend(60) is None


# clock_text ------------------------------------------------------------------------------

@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0:00"), (0.9, "0:01"), (59.9, "1:00"), (725, "12:05"), (3599, "59:59"),
    (3600, "1:00:00"), (3729, "1:02:09"), (36000, "10:00:00"),
    (-0.0, "0:00"), (-0.4, "-0:01"), (-1.0, "-0:01"), (-1.5, "-0:02"), (-45, "-0:45"),
    (-3661, "-1:01:01"),
])
def test_clock_text(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text


# Property: the books always balance -----------------------------------------------------

ACTIONS = st.one_of(
    st.tuples(st.just("advance"), st.floats(min_value=0.0, max_value=900.0)),
    st.tuples(st.just("pause"), st.just(0.0)),
    st.tuples(st.just("next"), st.just(0.0)),
    st.tuples(st.just("prev"), st.just(0.0)),
    st.tuples(st.just("extend"), st.floats(min_value=-1200.0, max_value=1200.0)),
)


@given(minutes=st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=8),
       slot=st.integers(min_value=1, max_value=120),
       actions=st.lists(ACTIONS, max_size=40))
def test_elapsed_is_the_sum_of_sections_and_suggestions_fit_the_budget(
        minutes: list[int], slot: int, actions: list[tuple[str, float]]) -> None:
    sections = [PlannedSection(f"s{i}", f"S{i}", m * 60.0) for i, m in enumerate(minutes)]
    clock = FakeClock(0.0)
    t = MeetingTimer(sections, slot * 60.0, clock)
    t.start()
    for name, value in actions:
        if name == "advance":
            clock.advance(value)
        elif name == "pause":
            t.toggle_pause()
        elif name in ("next", "prev"):
            t.go(1 if name == "next" else -1)
        else:
            t.extend(value)
        state = t.state()
        assert state.meeting_elapsed == pytest.approx(sum(s.actual for s in state.sections))
        assert state.meeting_remaining == pytest.approx(slot * 60.0 - state.meeting_elapsed)
        assert 0 <= state.index < len(sections)
        if state.phase is Phase.RUNNING:
            current = state.sections[state.index]
            budget = max(0.0, state.meeting_remaining - max(0.0, current.allowed - current.actual))
            later = sum(s.suggested for s in state.sections[state.index + 1:])
            assert later <= budget + 0.5 + 1e-6
            assert all(s.suggested <= s.allowed + 1e-9 for s in state.sections)
