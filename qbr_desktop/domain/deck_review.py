"""A deck's way to the CS manager, who approves the final deck (the preparation playbook's
manager review): a draft, then "ready for review" when the CSM hands it over to a
reviewer, then "approved" with who and when, or "changes requested" with the reviewer's
reason. Single-user, the CSM can use the same states as a checklist.

Approval is of the deck as it was: a change to the deck plan after it keeps the approval
on record but says the deck changed since, so the manager knows to look again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import StrEnum

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.i18n import N_, Message, english, msg, ui_text

NAME_LIMIT = 200
REASON_LIMIT = 2000


class DeckState(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    APPROVED = "approved"
    CHANGES = "changes"  # the reviewer sent it back with a reason

    @property
    def label(self) -> str:
        """The state's English name (a stored-looking word for `--json`); the window shows
        it with `ui_label()`."""
        return {DeckState.DRAFT: N_("draft"), DeckState.READY: N_("ready for review"),
                DeckState.APPROVED: N_("approved"),
                DeckState.CHANGES: N_("changes requested")}[self]


def utc_minutes(moment: datetime) -> str:
    """'2026-12-02 14:05 UTC': a moment as the CLI and `--json` have always written it."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return f"{aware.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


@dataclass(frozen=True, slots=True)
class Reviewer:
    """A member of the team a deck can be handed to (a csm row)."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class DeckReview:
    state: DeckState = DeckState.DRAFT
    ready_by: str = ""
    ready_at: datetime | None = None
    approved_by: str = ""
    approved_at: datetime | None = None
    edited_at: datetime | None = None  # the deck plan's last save
    reviewer: Reviewer | None = None  # who it is handed to (None: no one in particular)
    changes_by: str = ""
    changes_at: datetime | None = None
    changes_reason: str = ""
    version: int = 0  # the stored row's version (0: never stored)
    updated_by: str = ""  # who set the state last, and when (a refused save names them)
    updated_at: datetime | None = None

    @property
    def marked_at(self) -> datetime | None:
        return {DeckState.APPROVED: self.approved_at, DeckState.READY: self.ready_at,
                DeckState.CHANGES: self.changes_at}.get(self.state)

    @property
    def changed_since(self) -> bool:
        """The deck plan was saved after the state was set (it may need another look)."""
        marked = self.marked_at
        return (self.state is not DeckState.DRAFT and marked is not None
                and self.edited_at is not None and self.edited_at > marked)

    def summary(self) -> str:
        """'approved by Mia Chen on 2026-12-02 14:05 UTC (changed since)', in English."""
        return english(self.summary_message())

    def summary_message(self, moment_text: Callable[[datetime], str] = utc_minutes
                        ) -> Message:
        """The state, who set it and when, in words; `moment_text` writes the time (the
        window's own date and time format, with the zone)."""
        if self.state is DeckState.DRAFT:
            return msg("draft: not handed over for review yet")
        who, when = {DeckState.APPROVED: (self.approved_by, self.approved_at),
                     DeckState.CHANGES: (self.changes_by, self.changes_at)}.get(
            self.state, (self.ready_by, self.ready_at))
        text = (self._marked(who, moment_text(when)) if who and when is not None
                else msg(self.state.label))
        return msg("{summary} (the deck changed since)", summary=text) if (
            self.changed_since) else text

    def _marked(self, who: str, when: str) -> Message:
        if self.state is DeckState.APPROVED:
            return msg("approved by {who} on {when}", who=who, when=when)
        if self.state is DeckState.CHANGES:
            return (msg("changes requested by {who} on {when}: “{reason}”", who=who, when=when,
                        reason=self.changes_reason) if self.changes_reason
                    else msg("changes requested by {who} on {when}", who=who, when=when))
        if self.reviewer is not None:
            return msg("ready for review by {who} on {when}, for {reviewer}", who=who,
                       when=when, reviewer=self.reviewer.name)
        return msg("ready for review by {who} on {when}", who=who, when=when)


def mark(review: DeckReview, state: DeckState, who: str, now: datetime, *,
         reviewer: Reviewer | None = None, reason: str = "") -> DeckReview:
    """The review after `who` sets `state` at `now`. Handing over names the reviewer (or
    no one); approving a draft also hands it over, by the same person; requesting changes
    needs a reason and a deck handed over; back to draft forgets all but the version."""
    who, reason = who.strip(), reason.strip()
    if not who and state is not DeckState.DRAFT:
        raise refused("by", msg("say who marks the deck (a name)"))
    if len(who) > NAME_LIMIT:
        raise refused("by", msg("the name is longer than {limit} characters", limit=NAME_LIMIT))
    kept = DeckReview(edited_at=review.edited_at, version=review.version, updated_by=who,
                      updated_at=now)
    if state is DeckState.DRAFT:
        return kept
    if state is DeckState.READY:
        return replace(kept, state=DeckState.READY, ready_by=who, ready_at=now,
                       reviewer=reviewer)
    handed = (replace(kept, ready_by=review.ready_by, ready_at=review.ready_at,
                      reviewer=review.reviewer) if review.ready_at is not None
              else replace(kept, ready_by=who, ready_at=now, reviewer=reviewer))
    if state is DeckState.APPROVED:
        return replace(handed, state=DeckState.APPROVED, approved_by=who, approved_at=now)
    if review.state is not DeckState.READY:
        raise refused("state", msg("changes can be requested of a deck ready for review only"))
    if not reason:
        raise refused("reason", msg("say what should change (a reason)"))
    if len(reason) > REASON_LIMIT:
        raise refused("reason", msg("the reason is longer than {limit} characters",
                                  limit=REASON_LIMIT))
    return replace(handed, state=DeckState.CHANGES, changes_by=who, changes_at=now,
                   changes_reason=reason)


def refused(field: str, problem: Message) -> ValidationFailed:
    """A field's value refused, the problem in the window's (or the CLI's) language."""
    return ValidationFailed({field: ui_text(problem)})


@dataclass(frozen=True, slots=True)
class WaitingDeck:
    """A deck in a reviewer's queue: whose account, when its QBR is, since when it waits."""

    account_id: int
    account_name: str
    owner: str  # the account's CSM
    meeting_on: date | None  # the next QBR's day where it is held (None: none planned)
    review: DeckReview

    @property
    def since(self) -> datetime | None:
        return self.review.ready_at


def waiting_for(decks: Iterable[WaitingDeck], me: int | None, *, team: bool
                ) -> list[WaitingDeck]:
    """The decks ready for review that are `me`'s to look at, longest waiting first: those
    handed to me (a csm id); single-user also those handed to no one (a checklist)."""
    mine = [deck for deck in decks if deck.review.state is DeckState.READY and (
        (me is not None and deck.review.reviewer is not None and deck.review.reviewer.id == me)
        or (not team and deck.review.reviewer is None))]
    return sorted(mine, key=lambda d: (d.since is None, d.since or datetime.min,
                                       d.account_name.casefold()))
