"""The customer's people and the reviews held with them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ContactLevel(StrEnum):
    C_SUITE = "C-suite"
    VP = "VP"
    DIRECTOR = "Director"
    MANAGER = "Manager"
    USER = "User"


class ReviewFormat(StrEnum):
    IN_PERSON = "in-person"
    VIDEO = "video"
    DIGITAL = "digital"


class ReviewKind(StrEnum):
    QBR = "QBR"
    EBR = "EBR"
    DIGITAL = "digital"


class ReviewStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_plausible_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


@dataclass(frozen=True, slots=True)
class ContactDraft:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    level: ContactLevel = ContactLevel.USER


@dataclass(frozen=True, slots=True)
class ReviewDraft:
    """A scheduled review: `scheduled_at` is timezone-aware, `time_zone` an IANA name."""

    scheduled_at: datetime
    time_zone: str
    format: ReviewFormat = ReviewFormat.VIDEO
    kind: ReviewKind = ReviewKind.QBR
    status: ReviewStatus = ReviewStatus.PLANNED

    def __post_init__(self) -> None:
        if self.scheduled_at.tzinfo is None:
            raise ValueError("a review's time must carry its time zone")
