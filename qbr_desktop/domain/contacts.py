"""The customer's people and the reviews held with them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from qbr_desktop.i18n import N_, Message


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

    @property
    def label(self) -> str:
        """The status as a window shows it (translated there with `ui_label`)."""
        return REVIEW_STATUS_LABELS[self]


REVIEW_STATUS_LABELS: dict[ReviewStatus, str] = dict(zip(ReviewStatus, (
    N_("planned"), N_("held"), N_("cancelled")), strict=True))


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EMAIL_LIMIT = 320  # the contact table's column, and RFC 5321's longest path
NOT_AN_EMAIL = N_("“{address}” is not an email address: it needs a name, an @ and a domain, "
                  "e.g. dana.chen@example.com")
NOT_AN_EMAIL_HERE = N_("Not an email address: it needs a name, an @ and a domain, "
                       "e.g. dana.chen@example.com")
EMAIL_TOO_LONG = N_("An email address is at most {limit} characters")


def is_plausible_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def email_problem(address: str) -> Message | None:
    """Why `address` cannot be a contact's email, or None (an empty one is fine: unknown)."""
    if not address:
        return None
    if len(address) > EMAIL_LIMIT:
        return Message(EMAIL_TOO_LONG, {"limit": EMAIL_LIMIT})
    if not is_plausible_email(address):
        return Message(NOT_AN_EMAIL, {"address": address})
    return None


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
