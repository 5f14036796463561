"""Action items: the follow-up tracker's completion, overdue count and order, and the checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from qbr_desktop.domain.actions import (
    EXECUTION_TARGET,
    ActionItem,
    ActionSide,
    ActionStatus,
    follow_up,
    validate_action,
)
from qbr_desktop.domain.errors import ValidationFailed

TODAY = date(2026, 12, 1)
OPEN, PROGRESS, DONE, DROPPED = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS,
                                 ActionStatus.DONE, ActionStatus.DROPPED)


def item(id_: int, status: ActionStatus = OPEN, due: date | None = None) -> ActionItem:
    return ActionItem(id_, f"Action {id_}", ActionSide.OURS, "", due, status)


def test_overdue_is_due_before_today_and_still_open() -> None:
    yesterday, today, tomorrow = date(2026, 11, 30), TODAY, date(2026, 12, 2)
    assert item(1, OPEN, yesterday).overdue(TODAY)
    assert item(2, PROGRESS, yesterday).overdue(TODAY)
    assert not item(3, DONE, yesterday).overdue(TODAY)
    assert not item(4, DROPPED, yesterday).overdue(TODAY)
    assert not item(5, OPEN, today).overdue(TODAY)  # due today is not late yet
    assert not item(6, OPEN, tomorrow).overdue(TODAY)
    assert not item(7, OPEN, None).overdue(TODAY)


def test_follow_up_counts_done_over_all_but_dropped() -> None:
    items = [item(1, DONE, date(2026, 11, 1)), item(2, OPEN, date(2026, 11, 20)),
             item(3, PROGRESS, date(2026, 12, 10)), item(4, DROPPED, date(2026, 11, 5)),
             item(5, DONE), item(6, DROPPED)]
    result = follow_up(items, TODAY)
    assert (result.done, result.counted, result.overdue) == (2, 4, 1)
    assert result.completion == Decimal("0.5")
    assert result.meets_target is False
    assert len(result.items) == 6


def test_follow_up_orders_open_items_by_due_date_then_closed_ones() -> None:
    items = [item(1, DONE, date(2026, 10, 1)), item(2, OPEN), item(3, OPEN, date(2026, 12, 20)),
             item(4, PROGRESS, date(2026, 11, 15)), item(5, DROPPED, date(2026, 9, 1)),
             item(6, OPEN, date(2026, 12, 20)), item(7, DONE)]
    ordered = [i.id for i in follow_up(items, TODAY).items]
    # Open and in progress first, by due date (undated last, ties by id); then done/dropped.
    assert ordered == [4, 3, 6, 2, 5, 1, 7]


def test_17_of_20_done_meets_the_85_percent_target() -> None:
    assert Decimal("0.85") == EXECUTION_TARGET
    items = [item(i, DONE) for i in range(17)] + [item(100 + i, OPEN) for i in range(3)]
    result = follow_up(items, TODAY)
    assert result.completion == Decimal("0.85")
    assert result.meets_target is True


def test_16_of_20_done_misses_the_target() -> None:
    items = [item(i, DONE) for i in range(16)] + [item(100 + i, OPEN) for i in range(4)]
    result = follow_up(items, TODAY)
    assert result.completion == Decimal("0.8")
    assert result.meets_target is False


def test_dropped_items_count_neither_way() -> None:
    items = ([item(i, DONE) for i in range(17)] + [item(100 + i, OPEN) for i in range(3)]
             + [item(200 + i, DROPPED) for i in range(10)])
    result = follow_up(items, TODAY)
    assert (result.done, result.counted) == (17, 20)
    assert result.meets_target is True


@pytest.mark.parametrize("items", [[], [item(1, DROPPED), item(2, DROPPED)]])
def test_nothing_to_count_has_no_completion(items: list[ActionItem]) -> None:
    result = follow_up(items, TODAY)
    assert result.completion is None
    assert result.meets_target is None
    assert result.counted == 0


def test_validate_action_accepts_a_plain_item() -> None:
    validate_action(ActionItem(0, "Send the ROI deck", owner="Dana"))
    validate_action(ActionItem(0, "x" * 1000, owner="o" * 200))


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_validate_action_needs_a_description(text: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_action(ActionItem(0, text))
    assert caught.value.problems == {"text": "An action item needs a description"}


def test_validate_action_limits() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_action(ActionItem(0, "x" * 1001, owner="o" * 201))
    assert caught.value.problems == {
        "text": "The action is 1,001 characters; the limit is 1,000",
        "owner": "The owner's name is longer than 200 characters",
    }
