"""A deck's way to the CS manager: handed over to a reviewer, approved or sent back with a
reason, each with who and when; and the queue of decks waiting for one reviewer.

Who acts is the person working (services/identity.py), never a name typed in. On a team
server the queue holds the decks handed to me; in a single-user portfolio also those handed
to no one, so the states work as a checklist. A save over someone else's newer change of a
deck's state is refused (EditConflictError) naming who made it and when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import Enum
from typing import Final

from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.domain.customer_words import day_words
from qbr_desktop.domain.deck_review import (
    DeckReview,
    DeckState,
    Reviewer,
    WaitingDeck,
    mark,
    refused,
    waiting_for,
)
from qbr_desktop.domain.meeting_time import meeting_day
from qbr_desktop.i18n import interface_catalogue, msg, ui_text
from qbr_desktop.services.identity import Identity, current_identity
from qbr_desktop.services.rows import account_row, as_utc
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import EditConflictError
from qbr_desktop.store.models import CsmRow, DeckReviewRow
from qbr_desktop.store.programme_repository import ProgrammeRepository
from qbr_desktop.store.repositories import CsmRepository, SettingRepository

Clock = Callable[[], datetime]
#: The setting holding the reviewer a person handed their last deck to, per person.
LAST_REVIEWER_KEY = "deck_review.last_reviewer.{who}"


class _Default(Enum):
    LAST = "last"


#: `mark_deck(reviewer=LAST_CHOSEN)`: the reviewer this person chose last time.
LAST_CHOSEN: Final = _Default.LAST


def _now() -> datetime:
    return datetime.now(UTC)


class DeckReviewService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _now,
                 identity: Callable[[], Identity] = current_identity, *,
                 team: bool = False) -> None:
        self._sessions = sessions
        self._clock = clock
        self._identity = identity
        self.team = team  # a team server: the queue holds only the decks handed to me

    # Who -----------------------------------------------------------------------------------
    def who(self) -> str:
        return self._identity().label

    def team_members(self) -> list[Reviewer]:
        with session_scope(self._sessions, reading=True) as session:
            return [_reviewer(row) for row in ProgrammeRepository(session).team()]

    def me(self) -> Reviewer | None:
        """The team member the person working is (by email, else name), if listed."""
        with session_scope(self._sessions, reading=True) as session:
            row = _member(session, self._identity())
            return _reviewer(row) if row is not None else None

    def reviewer_named(self, name: str) -> Reviewer:
        """The team member `name` names, added to the team when new (as account owners
        are): a manager who never opened the server can still be handed a deck."""
        name = name.strip()
        if not name:
            raise refused("reviewer", msg("say who should review the deck (a name)"))
        with session_scope(self._sessions) as session:
            return _reviewer(CsmRepository(session).find_or_add(name, name_key(name)))

    def find_reviewer(self, name: str) -> Reviewer | None:
        """The team member `name` names (compared without case), or None."""
        with session_scope(self._sessions, reading=True) as session:
            row = CsmRepository(session).with_name_key(name_key(name))
            return _reviewer(row) if row is not None else None

    def last_reviewer(self) -> Reviewer | None:
        """Who this person handed their last deck to (None: no one, or never)."""
        with session_scope(self._sessions, reading=True) as session:
            chosen = SettingRepository(session).get(self._last_key())
            row = ProgrammeRepository(session).member(chosen) if isinstance(chosen, int) \
                else None
            return _reviewer(row) if row is not None else None

    def _last_key(self) -> str:
        return LAST_REVIEWER_KEY.format(who=name_key(self.who()))

    # One deck ------------------------------------------------------------------------------
    def deck_review(self, account_id: int) -> DeckReview:
        with session_scope(self._sessions, reading=True) as session:
            account_row(session, account_id)
            repo = ProgrammeRepository(session)
            row = repo.deck_review(account_id)
            reviewer = (repo.member(row.reviewer_id) if row is not None and row.reviewer_id
                        else None)
            return deck_review_of(row, repo.deck_edited_at(account_id), reviewer)

    def mark_deck(self, account_id: int, state: DeckState, *,
                  reviewer: int | None | _Default = LAST_CHOSEN, reason: str = "",
                  expected_version: int | None = None) -> DeckReview:
        """Set the deck's state as the person working. Handing over names a reviewer (a csm
        id, None for no one; by default the one this person chose last time), remembered
        for next time. With `expected_version` (the version shown), a state someone else
        set since is refused with EditConflictError; without it, "keep mine"."""
        now, who = self._clock(), self.who()
        with session_scope(self._sessions) as session:
            account = account_row(session, account_id)
            repo = ProgrammeRepository(session)
            row = repo.deck_review(account_id)
            current = deck_review_of(row, repo.deck_edited_at(account_id), (
                repo.member(row.reviewer_id) if row is not None and row.reviewer_id else None))
            if expected_version is not None and current.version != expected_version:
                raise EditConflictError(
                    ui_text(msg("review state of {account}'s deck", account=account.name)),
                    current.updated_by, _local(current.updated_at), current)
            handed_to = None
            if state is DeckState.READY:
                handed_to = self._handed_to(session, reviewer)
            marked = mark(current, state, who, now, reviewer=handed_to, reason=reason)
            saved = repo.save_deck_review(account_id, {
                "state": marked.state.value, "ready_by": marked.ready_by,
                "ready_at": marked.ready_at, "approved_by": marked.approved_by,
                "approved_at": marked.approved_at,
                "reviewer_id": marked.reviewer.id if marked.reviewer else None,
                "changes_by": marked.changes_by, "changes_at": marked.changes_at,
                "changes_reason": marked.changes_reason, "updated_by": who,
                "updated_at": now})
            return deck_review_of(saved, current.edited_at, (
                repo.member(saved.reviewer_id) if saved.reviewer_id else None))

    def _handed_to(self, session: Session, reviewer: int | None | _Default) -> Reviewer | None:
        settings = SettingRepository(session)
        if reviewer is LAST_CHOSEN:
            chosen = settings.get(self._last_key())
            reviewer = chosen if isinstance(chosen, int) else None
        row = ProgrammeRepository(session).member(reviewer) if isinstance(reviewer, int) \
            else None
        if isinstance(reviewer, int) and row is None:
            raise refused("reviewer", msg("that reviewer is no longer on the team"))
        settings.set(self._last_key(), row.id if row is not None else None)
        return _reviewer(row) if row is not None else None

    # Every deck ----------------------------------------------------------------------------
    def deck_reviews(self) -> dict[int, tuple[str, DeckReview]]:
        """Every deck ready for review, approved or sent back: account id -> (name, its
        state); the decks waiting for a reviewer are those READY."""
        with session_scope(self._sessions, reading=True) as session:
            return {account.id: (account.name, deck_review_of(row, edited, reviewer))
                    for row, account, edited, reviewer
                    in ProgrammeRepository(session).deck_reviews()}

    def queue(self, reviewer: int | None = None) -> list[WaitingDeck]:
        """The decks waiting for `reviewer` (a csm id; by default me), longest waiting
        first, each with its account's CSM and next QBR."""
        now = self._clock()
        with session_scope(self._sessions, reading=True) as session:
            if reviewer is None:
                member = _member(session, self._identity())
                reviewer = member.id if member is not None else None
            repo = ProgrammeRepository(session)
            found = repo.deck_reviews(states=("ready",))
            meetings = repo.next_meetings([account.id for _r, account, _e, _c in found], now)
            decks = []
            for row, account, edited, handed in found:
                at, zone = meetings.get(account.id, (None, None))
                decks.append(WaitingDeck(
                    account.id, account.name, account.csm_owner,
                    meeting_day(as_utc(at), zone) if at is not None else None,
                    deck_review_of(row, edited, handed)))
        return waiting_for(decks, reviewer, team=self.team)


def _member(session: Session, identity: Identity) -> CsmRow | None:
    members = CsmRepository(session)
    return members.with_email(identity.email) or members.with_name_key(name_key(identity.label))


def _reviewer(row: CsmRow) -> Reviewer:
    return Reviewer(row.id, row.name)


def _local(moment: datetime | None) -> str:
    """When a state was set, in this computer's time zone and the window's language, with
    the zone's name: '7 Dec 2026 14:05 CET', '2026年12月7日 14:05 CST'."""
    if moment is None:
        return ui_text(msg("an earlier time"))
    local = moment.astimezone()
    clock = local.strftime("%H:%M")  # formatted first: an f-string in msg() stops extraction
    return ui_text(msg("{date} {time} {zone}", date=day_words(local.date(), interface_catalogue()),
                       time=clock, zone=local.tzname() or ""))


def deck_review_of(row: DeckReviewRow | None, edited: datetime | None,
                   reviewer: CsmRow | None) -> DeckReview:
    edited_at = as_utc(edited) if edited else None
    if row is None:
        return DeckReview(edited_at=edited_at)
    try:
        state = DeckState(row.state)
    except ValueError:  # written by a newer version
        return DeckReview(edited_at=edited_at, version=row.version)

    def utc(moment: datetime | None) -> datetime | None:
        return as_utc(moment) if moment is not None else None

    return DeckReview(state, row.ready_by, utc(row.ready_at), row.approved_by,
                      utc(row.approved_at), edited_at,
                      _reviewer(reviewer) if reviewer is not None else None,
                      row.changes_by, utc(row.changes_at), row.changes_reason, row.version,
                      row.updated_by, utc(row.updated_at))
