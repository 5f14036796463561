"""A deck's way to the CS manager, with two people on one portfolio as on a team server:
the CSM hands the deck to the manager, the manager's queue lists it, the manager approves
it or sends it back, and the CSM sees who did what and when. Neither replaces the other's
newer change unseen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ReviewDraft
from qbr_desktop.domain.deck_plan import DeckPlan
from qbr_desktop.domain.deck_review import DeckReview, DeckState
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.i18n import CHINESE, ENGLISH, set_interface_language
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.deck_reviews import DeckReviewService
from qbr_desktop.services.identity import Identity, register_member
from qbr_desktop.store.errors import EditConflictError

NOW = datetime(2026, 6, 20, 12, 0, tzinfo=UTC)
MANAGER = Identity("Morgan Lee", "morgan@example.com")
CSM = Identity("Dana Whitfield", "dana@example.com")


@pytest.fixture
def manager_context(context: Any) -> Iterator[AppContext]:
    """The manager's own application on the same portfolio."""
    other = AppContext.open(context.target)
    yield other
    other.close()


def acting(context: Any, who: Identity, now: datetime = NOW, *, team: bool = True
           ) -> DeckReviewService:
    return DeckReviewService(context.store.sessions, clock=lambda: now,
                             identity=lambda: who, team=team)


@pytest.fixture
def account_id(context: Any) -> int:
    account = context.accounts.create(AccountDraft(name="Acme & Söhne <GmbH> 株式会社",
                                                   arr=Decimal(90_000),
                                                   csm_owner="Dana Whitfield"))
    context.accounts.add_review(account.id, ReviewDraft(
        datetime(2026, 6, 30, 23, 30, tzinfo=UTC), "Asia/Tokyo"))
    for person in (MANAGER, CSM):
        register_member(context.store.sessions, person)  # as `qbr whoami` does
    return account.id


def test_the_csm_hands_a_deck_to_the_manager_who_approves_it(
        context: Any, manager_context: AppContext, account_id: int) -> None:
    dana = acting(context, CSM)
    morgan_id = dana.find_reviewer("morgan lee").id  # type: ignore[union-attr]
    ready = dana.mark_deck(account_id, DeckState.READY, reviewer=morgan_id)
    assert (ready.state, ready.ready_by, ready.ready_at) == (DeckState.READY,
                                                             "Dana Whitfield", NOW)
    assert ready.summary() == ("ready for review by Dana Whitfield on 2026-06-20 12:00 UTC, "
                               "for Morgan Lee")
    assert dana.queue() == []  # handed to the manager, not to herself
    morgan = acting(manager_context, MANAGER, NOW + timedelta(hours=3))
    [waiting] = morgan.queue()
    assert (waiting.account_name, waiting.owner, waiting.since) == (
        "Acme & Söhne <GmbH> 株式会社", "Dana Whitfield", NOW)
    assert waiting.meeting_on is not None and waiting.meeting_on.isoformat() == "2026-07-01"
    approved = morgan.mark_deck(account_id, DeckState.APPROVED,
                                expected_version=waiting.review.version)
    assert morgan.queue() == []
    seen = dana.deck_review(account_id)  # what the CSM sees
    assert (seen.state, seen.approved_by, seen.approved_at, seen.ready_by) == (
        DeckState.APPROVED, "Morgan Lee", NOW + timedelta(hours=3), "Dana Whitfield")
    assert seen == approved
    assert dana.deck_reviews() == {account_id: ("Acme & Söhne <GmbH> 株式会社", seen)}


def test_the_manager_sends_a_deck_back_with_a_reason(
        context: Any, manager_context: AppContext, account_id: int) -> None:
    dana, morgan = acting(context, CSM), acting(manager_context, MANAGER)
    dana.mark_deck(account_id, DeckState.READY,
                   reviewer=dana.find_reviewer("Morgan Lee").id)  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed):
        morgan.mark_deck(account_id, DeckState.CHANGES, reason="  ")
    back = morgan.mark_deck(account_id, DeckState.CHANGES,
                            reason="Lead with <risk> & the 数据 trend")
    shown = dana.deck_review(account_id)
    assert shown == back and shown.changes_by == "Morgan Lee"
    assert shown.summary() == ("changes requested by Morgan Lee on 2026-06-20 12:00 UTC: "
                               "“Lead with <risk> & the 数据 trend”")
    assert morgan.queue() == []
    with pytest.raises(ValidationFailed):  # only a deck handed over can be sent back
        morgan.mark_deck(account_id, DeckState.CHANGES, reason="again")
    again = dana.mark_deck(account_id, DeckState.READY)  # the last reviewer she chose
    assert again.reviewer is not None and again.reviewer.name == "Morgan Lee"
    assert [d.account_id for d in morgan.queue()] == [account_id]


def _approved_meanwhile(context: Any, manager_context: AppContext,
                        account_id: int) -> tuple[DeckReviewService, DeckReview]:
    """Dana hands the deck over; Morgan approves it five minutes later, unseen by Dana."""
    dana, morgan = acting(context, CSM), acting(manager_context, MANAGER,
                                                NOW + timedelta(minutes=5))
    shown = dana.mark_deck(account_id, DeckState.READY, reviewer=None)
    morgan.mark_deck(account_id, DeckState.APPROVED, expected_version=shown.version)
    return dana, shown


def test_a_state_set_meanwhile_is_never_replaced_unseen(
        context: Any, manager_context: AppContext, account_id: int) -> None:
    dana, shown = _approved_meanwhile(context, manager_context, account_id)
    with pytest.raises(EditConflictError) as caught:
        dana.mark_deck(account_id, DeckState.DRAFT, expected_version=shown.version)
    message = str(caught.value)
    assert message.startswith("Morgan Lee changed the review state of Acme & Söhne <GmbH> "
                              "株式会社's deck at ")
    assert caught.value.current.state is DeckState.APPROVED  # type: ignore[attr-defined]
    assert dana.deck_review(account_id).state is DeckState.APPROVED
    cleared = dana.mark_deck(account_id, DeckState.DRAFT)  # "keep mine"
    assert cleared.state is DeckState.DRAFT and cleared.version > shown.version
    assert dana.deck_reviews() == {}


def test_single_user_the_queue_is_a_checklist(context: Any, account_id: int) -> None:
    me = acting(context, CSM, team=False)
    me.mark_deck(account_id, DeckState.READY, reviewer=None)
    assert [d.account_id for d in me.queue()] == [account_id]
    assert acting(context, CSM, team=True).queue() == []  # on a server: handed to no one


def test_the_reviewer_chosen_last_is_remembered_per_person(
        context: Any, account_id: int) -> None:
    dana, sam = acting(context, CSM), acting(context, Identity("Sam Rivera"))
    assert dana.last_reviewer() is None
    morgan = dana.reviewer_named("Morgan Lee")
    dana.mark_deck(account_id, DeckState.READY, reviewer=morgan.id)
    assert dana.last_reviewer() == morgan
    assert sam.last_reviewer() is None
    with pytest.raises(ValidationFailed):
        dana.mark_deck(account_id, DeckState.READY, reviewer=99_999)


def test_a_reviewer_who_leaves_the_team_leaves_the_deck_handed_to_no_one(
        context: Any, account_id: int) -> None:
    from sqlalchemy import delete

    from qbr_desktop.store.engine import session_scope
    from qbr_desktop.store.models import CsmRow

    dana = acting(context, CSM)
    leaving = dana.reviewer_named("Pat Gone")
    dana.mark_deck(account_id, DeckState.READY, reviewer=leaving.id)
    with session_scope(context.store.sessions) as session:
        session.execute(delete(CsmRow).where(CsmRow.id == leaving.id))
    review = dana.deck_review(account_id)
    assert review.state is DeckState.READY and review.reviewer is None
    assert dana.last_reviewer() is None


def test_an_approval_says_when_the_deck_changed_since(context: Any, account_id: int) -> None:
    morgan = acting(context, MANAGER)
    approved = morgan.mark_deck(account_id, DeckState.APPROVED)  # approving a draft hands
    assert approved.ready_by == "Morgan Lee" and not approved.changed_since  # it over too
    decks = context.decks
    decks._clock = lambda: NOW + timedelta(minutes=5)
    decks.save_plan(account_id, replace(DeckPlan(), roadmap=("Carrier portal",)))
    assert morgan.deck_review(account_id).changed_since
    assert morgan.deck_review(account_id).summary().endswith("(the deck changed since)")


def test_a_refused_state_names_the_moment_in_the_windows_language(
        context: Any, manager_context: AppContext, account_id: int) -> None:
    dana, shown = _approved_meanwhile(context, manager_context, account_id)
    local = (NOW + timedelta(minutes=5)).astimezone()
    try:
        set_interface_language(CHINESE)
        with pytest.raises(EditConflictError) as caught:
            dana.mark_deck(account_id, DeckState.DRAFT, expected_version=shown.version)
        assert caught.value.field == "Acme & Söhne <GmbH> 株式会社演示文稿的审阅状态"
        assert caught.value.when == (f"{local.year}年{local.month}月{local.day}日 "
                                     f"{local:%H:%M} {local.tzname()}")
        assert str(caught.value).startswith("Morgan Lee 在你打开后于 ")
    finally:
        set_interface_language(ENGLISH)
