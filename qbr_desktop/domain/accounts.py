"""Accounts as the CSM edits them, and the rules a saved account must satisfy."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.money import CURRENCIES, Money
from qbr_desktop.i18n import ENGLISH, LANGUAGE_NAMES, N_, Message, msg

NAME_MAX_LENGTH = 1000
SHORT_TEXT_MAX_LENGTH = 200
NOTES_MAX_LENGTH = 100_000
MAX_SEATS = 10_000_000
MAX_ARR = Decimal("1e12")
EARLIEST_DATE = date(1990, 1, 1)
LATEST_DATE = date(2100, 12, 31)


class EmployeeBand(StrEnum):
    MICRO = "1–50"
    SMALL = "51–200"
    MEDIUM = "201–1,000"
    LARGE = "1,001–5,000"
    ENTERPRISE = "5,001–20,000"
    GLOBAL = "20,001+"


# Stored in English (benchmarks group accounts by it); offered in the interface language.
INDUSTRIES = (
    N_("Financial Services"), N_("Healthcare"), N_("Manufacturing"), N_("Retail"),
    N_("Software"), N_("Logistics"), N_("Education"), N_("Energy"), N_("Media"),
    N_("Public Sector"), N_("Telecommunications"), N_("Professional Services"),
    N_("Hospitality"), N_("Life Sciences"),
)


# The words a CSM knows each field by (labels, undo texts, a refused save's sentence).
FIELD_LABELS = {
    "name": N_("name"), "industry": N_("industry"), "country": N_("country"),
    "employee_band": N_("employee band"), "arr": N_("ARR"), "currency": N_("currency"),
    "licensed_seats": N_("licensed seats"), "renewal_date": N_("renewal date"),
    "csm_owner": N_("CSM owner"), "tier_override": N_("tier"), "notes": N_("notes"),
    "language": N_("customer language"),
}


@dataclass(frozen=True, slots=True)
class AccountDraft:
    """Every field a CSM can edit on an account, before it is saved."""

    name: str
    industry: str = ""
    country: str = ""
    employee_band: str = ""
    arr: Decimal = Decimal(0)
    currency: str = "USD"
    licensed_seats: int = 0
    renewal_date: date | None = None
    csm_owner: str = ""
    tier_override: str | None = None
    notes: str = ""
    # The language the customer's files are written in (deck, brief, emails, invite).
    language: str = ENGLISH

    def with_changes(self, changes: dict[str, Any]) -> AccountDraft:
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"accounts have no field(s) {', '.join(sorted(unknown))}")
        return replace(self, **changes)


EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(AccountDraft))


@dataclass(frozen=True, slots=True)
class AccountSummary:
    """One row of the portfolio list."""

    id: int
    name: str
    industry: str
    country: str
    arr: Money
    licensed_seats: int
    tier: str
    tier_is_override: bool
    renewal_date: date | None
    next_qbr_at: datetime | None
    csm_owner: str
    next_qbr_zone: str | None = None  # the time zone the next QBR is held in


@dataclass(frozen=True, slots=True)
class Account:
    """A saved account: its editable draft plus identity and bookkeeping."""

    id: int
    draft: AccountDraft
    tier: str
    created_at: datetime
    updated_at: datetime
    #: Who saved it last, and its version (raised by every save): how a window tells
    #: that what it shows is no longer what is stored.
    updated_by: str = ""
    version: int = 0


def name_key(name: str) -> str:
    """The form two names are compared in: 'Acme', ' ACME ' and 'ａｃｍｅ' collide."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def sort_key(text: str) -> str:
    """Alphabetical order a person expects: 'Ärzte' beside 'Arzt', case ignored."""
    if text.isascii():  # nothing to decompose; the common case, and ten times faster
        return text.strip().lower()
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# A scheme ("http://", "mailto:", "javascript:") or "www." makes email and calendar programs
# turn text into a live link: an account name from a CRM export must not carry one into
# what a customer receives.
_LINK = re.compile(r"(?i)\b(?:(?:https?|ftp|file|mailto|javascript|data|tel)\s*:|www\s*\.)")


def has_link(text: str) -> bool:
    return _LINK.search(text) is not None


def without_links(text: str) -> str:
    """The text with every link opener broken for display ("http[:]//…", "www[.]…"), so no
    mail or calendar program makes it clickable; names without one come back unchanged."""
    return _LINK.sub(lambda m: m.group(0).replace(":", "[:]").replace(".", "[.]"), text)


def control_characters(text: str, *, allow_newlines: bool = False) -> list[str]:
    allowed = {"\n", "\t", "\r"} if allow_newlines else set()
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in allowed]


def _check_text(problems: dict[str, Message], field_name: str, label: str, value: str,
                limit: int) -> None:
    """`label` is the field's name marked with N_ ("Industry")."""
    if len(value) > limit:
        problems[field_name] = msg("{field} is {length:,} characters; the limit is {limit:,}",
                                   field=msg(label), length=len(value), limit=limit)
    elif bad := control_characters(value):
        problems[field_name] = msg("{field} contains an invisible control character "
                                   "({code})", field=msg(label), code=f"U+{ord(bad[0]):04X}")


def validate_account(draft: AccountDraft, *, tiers: tuple[str, ...]) -> AccountDraft:
    """Return the draft with whitespace tidied, or raise ValidationFailed naming each problem."""
    problems: dict[str, Message] = {}
    name = draft.name.strip()
    if not name:
        problems["name"] = msg("Name is required")
    else:
        _check_text(problems, "name", N_("Name"), name, NAME_MAX_LENGTH)
        if "name" not in problems and has_link(name):
            problems["name"] = msg("Name contains a web address; an account name cannot hold a "
                                   "link (customers' email programs would make it clickable)")
    for field_name, label in (("industry", N_("Industry")), ("country", N_("Country")),
                              ("csm_owner", N_("CSM owner")),
                              ("employee_band", N_("Employee band"))):
        _check_text(problems, field_name, label, getattr(draft, field_name).strip(),
                    SHORT_TEXT_MAX_LENGTH)
    if draft.employee_band and draft.employee_band not in {b.value for b in EmployeeBand}:
        problems["employee_band"] = msg("“{band}” is not one of the employee bands",
                                        band=draft.employee_band)
    if len(draft.notes) > NOTES_MAX_LENGTH:
        problems["notes"] = msg("Notes are {length:,} characters; the limit is {limit:,}",
                                length=len(draft.notes), limit=NOTES_MAX_LENGTH)
    if not isinstance(draft.arr, Decimal) or not draft.arr.is_finite():
        problems["arr"] = msg("ARR must be a number")
    elif draft.arr < 0:
        problems["arr"] = msg("ARR cannot be negative")
    elif draft.arr > MAX_ARR:
        problems["arr"] = msg("ARR is implausibly large (over one trillion)")
    if draft.currency not in CURRENCIES:
        problems["currency"] = msg("“{currency}” is not a supported currency code",
                                   currency=draft.currency)
    if isinstance(draft.licensed_seats, bool) or not isinstance(draft.licensed_seats, int):
        problems["licensed_seats"] = msg("Licensed seats must be a whole number")
    elif draft.licensed_seats < 0:
        problems["licensed_seats"] = msg("Licensed seats cannot be below zero")
    elif draft.licensed_seats > MAX_SEATS:
        problems["licensed_seats"] = msg("Licensed seats above {limit:,} are not plausible",
                                         limit=MAX_SEATS)
    if draft.renewal_date is not None and not (
        EARLIEST_DATE <= draft.renewal_date <= LATEST_DATE
    ):
        problems["renewal_date"] = msg("Renewal date {date} is outside {first}–{last}",
                                       date=draft.renewal_date.isoformat(),
                                       first=EARLIEST_DATE.year, last=LATEST_DATE.year)
    if draft.tier_override and draft.tier_override not in tiers:
        # The tiers are named as stored: what the CLI and an import accept.
        problems["tier_override"] = msg("“{tier}” is not a tier here ({tiers})",
                                        tier=draft.tier_override, tiers=", ".join(tiers))
    if draft.language not in LANGUAGE_NAMES:
        problems["language"] = msg("“{language}” is not a language customer files are "
                                   "written in ({languages})", language=draft.language,
                                   languages=", ".join(LANGUAGE_NAMES))
    if problems:
        raise ValidationFailed(problems)
    return replace(
        draft,
        name=name,
        industry=draft.industry.strip(),
        country=draft.country.strip(),
        csm_owner=draft.csm_owner.strip(),
        tier_override=draft.tier_override or None,
    )
