"""A deck's review states as pure rules: who and when at each step, what a reviewer may
send back, and whose queue a deck waits in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from qbr_desktop.domain.deck_review import (
    NAME_LIMIT,
    REASON_LIMIT,
    DeckReview,
    DeckState,
    Reviewer,
    WaitingDeck,
    mark,
    waiting_for,
)
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.i18n import CHINESE, ENGLISH, set_interface_language

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MORGAN = Reviewer(7, "Morgan Lee")


def test_a_deck_is_handed_over_then_approved_with_who_and_when() -> None:
    ready = mark(DeckReview(version=3), DeckState.READY, " Dana ", NOW, reviewer=MORGAN)
    assert (ready.state, ready.ready_by, ready.ready_at, ready.reviewer) == (
        DeckState.READY, "Dana", NOW, MORGAN)
    assert (ready.updated_by, ready.updated_at, ready.version) == ("Dana", NOW, 3)
    later = NOW + timedelta(hours=2)
    approved = mark(ready, DeckState.APPROVED, "Morgan Lee", later)
    assert (approved.ready_by, approved.reviewer, approved.approved_by) == (
        "Dana", MORGAN, "Morgan Lee")
    assert approved.summary() == "approved by Morgan Lee on 2026-12-01 11:00 UTC"
    assert mark(approved, DeckState.DRAFT, "", later).state is DeckState.DRAFT


def test_changes_need_a_deck_handed_over_and_a_reason() -> None:
    ready = mark(DeckReview(), DeckState.READY, "Dana", NOW, reviewer=MORGAN)
    with pytest.raises(ValidationFailed) as caught:
        mark(ready, DeckState.CHANGES, "Morgan Lee", NOW, reason="  ")
    assert set(caught.value.problems) == {"reason"}
    with pytest.raises(ValidationFailed):
        mark(ready, DeckState.CHANGES, "Morgan Lee", NOW, reason="x" * (REASON_LIMIT + 1))
    back = mark(ready, DeckState.CHANGES, "Morgan Lee", NOW, reason="Add <the 数据> & more")
    assert back.summary() == ("changes requested by Morgan Lee on 2026-12-01 09:00 UTC: "
                              "“Add <the 数据> & more”")
    assert (back.ready_by, back.reviewer) == ("Dana", MORGAN)
    with pytest.raises(ValidationFailed):  # not ready any more
        mark(back, DeckState.CHANGES, "Morgan Lee", NOW, reason="again")
    with pytest.raises(ValidationFailed):
        mark(DeckReview(), DeckState.CHANGES, "Morgan Lee", NOW, reason="a draft")


@pytest.mark.parametrize("who", ["", "   ", "x" * (NAME_LIMIT + 1)])
def test_a_state_needs_a_name(who: str) -> None:
    with pytest.raises(ValidationFailed):
        mark(DeckReview(), DeckState.READY, who, NOW)


def test_the_deck_changed_since_its_state_was_set() -> None:
    ready = mark(DeckReview(edited_at=NOW), DeckState.READY, "Dana", NOW)
    assert not ready.changed_since
    edited = DeckReview(ready.state, ready.ready_by, ready.ready_at,
                        edited_at=NOW + timedelta(minutes=1))
    assert edited.changed_since and edited.summary().endswith("(the deck changed since)")


def deck(account_id: int, name: str, state: DeckState, reviewer: Reviewer | None,
         since: datetime | None) -> WaitingDeck:
    return WaitingDeck(account_id, name, "Dana", date(2026, 12, 9),
                       DeckReview(state, "Dana", since, reviewer=reviewer))


def test_whose_queue_a_deck_waits_in() -> None:
    decks = [deck(1, "Later", DeckState.READY, MORGAN, NOW + timedelta(hours=1)),
             deck(2, "Earlier", DeckState.READY, MORGAN, NOW),
             deck(3, "No one's", DeckState.READY, None, NOW - timedelta(days=1)),
             deck(4, "Someone else's", DeckState.READY, Reviewer(8, "Sam"), NOW),
             deck(5, "Approved", DeckState.APPROVED, MORGAN, NOW),
             deck(6, "Sent back", DeckState.CHANGES, MORGAN, NOW)]
    assert [d.account_id for d in waiting_for(decks, MORGAN.id, team=True)] == [2, 1]
    assert [d.account_id for d in waiting_for(decks, MORGAN.id, team=False)] == [3, 2, 1]
    assert [d.account_id for d in waiting_for(decks, None, team=False)] == [3]
    assert waiting_for(decks, None, team=True) == []


def test_a_refused_state_says_why_in_the_windows_language() -> None:
    ready = mark(DeckReview(), DeckState.READY, "Dana", NOW, reviewer=MORGAN)
    try:
        set_interface_language(CHINESE)
        with pytest.raises(ValidationFailed) as caught:
            mark(ready, DeckState.CHANGES, "Morgan Lee", NOW, reason="x" * (REASON_LIMIT + 1))
        assert caught.value.problems == {"reason": f"原因超过 {REASON_LIMIT} 个字符"}
        with pytest.raises(ValidationFailed) as caught:
            mark(DeckReview(), DeckState.CHANGES, "Morgan Lee", NOW, reason="a draft")
        assert caught.value.problems == {"state": "只有待审阅的演示文稿才能要求修改"}
    finally:
        set_interface_language(ENGLISH)
    with pytest.raises(ValidationFailed) as caught:
        mark(DeckReview(), DeckState.READY, " ", NOW)
    assert caught.value.problems == {"by": "say who marks the deck (a name)"}
