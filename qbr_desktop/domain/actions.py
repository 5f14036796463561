"""Action items agreed in a QBR and the follow-up tracker that holds both sides to them.

The reference's outcome metric is that at least 85 % of the commitments made in a QBR,
ours and the customer's, get done; a dropped item counts neither way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.i18n import Message, msg

EXECUTION_TARGET = Decimal("0.85")
TEXT_LIMIT = 1_000


class ActionSide(StrEnum):
    OURS = "ours"
    THEIRS = "theirs"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    text: str
    side: ActionSide = ActionSide.OURS
    owner: str = ""
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    review_id: int | None = None
    section: str = ""  # the agenda section it came from, by title

    def overdue(self, today: date) -> bool:
        return (self.due is not None and self.due < today
                and self.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS))


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An account's commitments at a glance."""

    items: tuple[ActionItem, ...]
    done: int
    counted: int  # all but the dropped
    overdue: int
    completion: Decimal | None  # done / counted; None with nothing to count

    @property
    def meets_target(self) -> bool | None:
        return None if self.completion is None else self.completion >= EXECUTION_TARGET


def validate_action(item: ActionItem) -> None:
    problems: dict[str, Message] = {}
    if not item.text.strip():
        problems["text"] = msg("An action item needs a description")
    elif len(item.text) > TEXT_LIMIT:
        problems["text"] = msg("The action is {length:,} characters; the limit is {limit:,}",
                               length=len(item.text), limit=TEXT_LIMIT)
    if len(item.owner) > 200:
        problems["owner"] = msg("The owner's name is longer than {limit} characters",
                                limit=200)
    if problems:
        raise ValidationFailed(problems)


def follow_up(items: Sequence[ActionItem], today: date) -> FollowUp:
    counted = [i for i in items if i.status is not ActionStatus.DROPPED]
    done = sum(i.status is ActionStatus.DONE for i in counted)
    completion = Decimal(done) / Decimal(len(counted)) if counted else None
    ordered = sorted(items, key=lambda i: (i.status in (ActionStatus.DONE, ActionStatus.DROPPED),
                                           i.due or date.max, i.id))
    return FollowUp(tuple(ordered), done, len(counted), sum(i.overdue(today) for i in items),
                    completion)
