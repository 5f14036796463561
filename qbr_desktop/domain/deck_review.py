"""A deck's way to the CS manager, who approves the final deck (the preparation playbook's
manager review): a draft, then "ready for review" when the CSM hands it over, then
"approved" with who and when. Single-user, the CSM can use the same states as a checklist.

Approval is of the deck as it was: a change to the deck plan after it keeps the approval
on record but says the deck changed since, so the manager knows to look again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from qbr_desktop.domain.errors import ValidationFailed

NAME_LIMIT = 200


class DeckState(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return {DeckState.DRAFT: "draft", DeckState.READY: "ready for review",
                DeckState.APPROVED: "approved"}[self]


@dataclass(frozen=True, slots=True)
class DeckReview:
    state: DeckState = DeckState.DRAFT
    ready_by: str = ""
    ready_at: datetime | None = None
    approved_by: str = ""
    approved_at: datetime | None = None
    edited_at: datetime | None = None  # the deck plan's last save

    @property
    def changed_since(self) -> bool:
        """The deck plan was saved after the state was set (it may need another look)."""
        marked = self.approved_at if self.state is DeckState.APPROVED else self.ready_at
        return (self.state is not DeckState.DRAFT and marked is not None
                and self.edited_at is not None and self.edited_at > marked)

    def summary(self) -> str:
        """'approved by Mia Chen on 2026-12-02 14:05 UTC (changed since)'."""
        if self.state is DeckState.DRAFT:
            return "draft: not handed over for review yet"
        who, when = ((self.approved_by, self.approved_at) if self.state is DeckState.APPROVED
                     else (self.ready_by, self.ready_at))
        text = self.state.label
        if who:
            text += f" by {who}"
        if when is not None:
            text += f" on {when:%Y-%m-%d %H:%M} UTC"
        return text + (" (the deck changed since)" if self.changed_since else "")


def mark(review: DeckReview, state: DeckState, who: str, now: datetime) -> DeckReview:
    """The review after `who` sets `state` at `now`. Approving a draft also hands it over,
    by the same person; back to draft forgets both."""
    who = who.strip()
    if not who and state is not DeckState.DRAFT:
        raise ValidationFailed({"by": "say who marks the deck (a name)"})
    if len(who) > NAME_LIMIT:
        raise ValidationFailed({"by": f"the name is longer than {NAME_LIMIT} characters"})
    if state is DeckState.DRAFT:
        return DeckReview(edited_at=review.edited_at)
    if state is DeckState.READY:
        return DeckReview(DeckState.READY, who, now, edited_at=review.edited_at)
    ready_by, ready_at = ((review.ready_by, review.ready_at) if review.ready_at is not None
                          else (who, now))
    return DeckReview(DeckState.APPROVED, ready_by, ready_at, who, now, review.edited_at)
