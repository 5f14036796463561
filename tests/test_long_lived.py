"""The collector's full passes are held off during start-up and come back after it, with
what start-up made frozen out of them (long_lived.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from qbr_desktop.long_lived import HELD_FULL_THRESHOLD, hold_full_passes


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_full_passes_are_held_and_then_restored(thresholds) -> None:
    hold = hold_full_passes()
    assert hold.held
    assert gc.get_threshold() == (700, 10, HELD_FULL_THRESHOLD)  # young passes go on
    made_meanwhile = [[n] for n in range(1000)]  # tracked by the collector
    frozen_before = gc.get_freeze_count()

    hold.release()

    assert not hold.held
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() >= frozen_before + len(made_meanwhile)


def test_releasing_twice_changes_nothing_more(thresholds) -> None:
    hold = hold_full_passes()
    hold.release()
    gc.set_threshold(500, 5, 5)  # someone's own choice after start-up
    hold.release()
    assert gc.get_threshold() == (500, 5, 5)


def test_thresholds_changed_while_held_are_left_alone(thresholds) -> None:
    hold = hold_full_passes()
    gc.set_threshold(900, 20, 30)
    hold.release()
    assert gc.get_threshold() == (900, 20, 30)
