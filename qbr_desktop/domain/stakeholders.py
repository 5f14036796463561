"""The customer's people as the CSM maps them: roles in the decision, influence, sentiment,
who reports to whom, who sways whom, and who on our side holds each relationship."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qbr_desktop.domain.contacts import ContactLevel, email_problem
from qbr_desktop.domain.errors import DomainError, ValidationFailed
from qbr_desktop.i18n import N_, Catalogue, Message, interface_catalogue, msg, msg_in_context

INFLUENCE_RANGE = range(1, 6)  # 1 = no say, 5 = decides
SENTIMENT_RANGE = range(-2, 3)  # -2 = hostile, 0 = neutral, +2 = advocate
STRENGTH_RANGE = range(1, 6)  # how well we know them, 1 = barely, 5 = trusted
LINK_STRENGTH_RANGE = range(1, 4)  # influence link: 1 = some, 3 = decisive
TEXT_LIMIT = 2_000
STALE_CONTACT_DAYS = 90


class DecisionRole(StrEnum):
    ECONOMIC_BUYER = "economic buyer"
    EXECUTIVE_SPONSOR = "executive sponsor"
    CHAMPION = "champion"
    DECISION_MAKER = "decision maker"
    INFLUENCER = "influencer"
    USER = "user"
    DETRACTOR = "detractor"
    BLOCKER = "blocker"

    @property
    def short(self) -> str:
        """Two letters for the card's role marker (English; `role_mark` in a language)."""
        return _ROLE_MARKS[self]


_ROLE_MARKS = {
    DecisionRole.ECONOMIC_BUYER: "EB", DecisionRole.EXECUTIVE_SPONSOR: "ES",
    DecisionRole.CHAMPION: "CH", DecisionRole.DECISION_MAKER: "DM",
    DecisionRole.INFLUENCER: "IN", DecisionRole.USER: "US",
    DecisionRole.DETRACTOR: "DT", DecisionRole.BLOCKER: "BL",
}
# What is shown for the stored values, translated where shown (the values stay English).
ROLE_LABELS: dict[DecisionRole, str] = dict(zip(DecisionRole, (
    N_("Economic buyer"), N_("Executive sponsor"), N_("Champion"), N_("Decision maker"),
    N_("Influencer"), N_("User"), N_("Detractor"), N_("Blocker")), strict=True))
# The badge's marker; a translation keeps it as short (two CJK characters at most).
_ROLE_MARK_WORDS: dict[DecisionRole, Message] = {
    DecisionRole.ECONOMIC_BUYER: msg_in_context("role badge", "EB"),
    DecisionRole.EXECUTIVE_SPONSOR: msg_in_context("role badge", "ES"),
    DecisionRole.CHAMPION: msg_in_context("role badge", "CH"),
    DecisionRole.DECISION_MAKER: msg_in_context("role badge", "DM"),
    DecisionRole.INFLUENCER: msg_in_context("role badge", "IN"),
    DecisionRole.USER: msg_in_context("role badge", "US"),
    DecisionRole.DETRACTOR: msg_in_context("role badge", "DT"),
    DecisionRole.BLOCKER: msg_in_context("role badge", "BL"),
}
LEVEL_LABELS: dict[ContactLevel, str] = dict(zip(ContactLevel, (
    N_("C-suite"), N_("VP"), N_("Director"), N_("Manager"), N_("User")),
    strict=True))


class OurSide(StrEnum):
    """Who on our side owns the relationship."""

    CSM = "CSM"
    ACCOUNT_EXECUTIVE = "account executive"
    EXECUTIVE = "our executive"
    NOBODY = "nobody"


OUR_SIDE_LABELS: dict[OurSide, str] = dict(zip(OurSide, (
    N_("CSM"), N_("Account executive"), N_("Our executive"), N_("Nobody")), strict=True))


def role_label(role: DecisionRole, book: Catalogue | None = None) -> str:
    """The decision role in words ("Champion"), in the catalogue's language (the window's)."""
    return (book or interface_catalogue()).gettext(ROLE_LABELS[role])


def role_mark(role: DecisionRole, book: Catalogue | None = None) -> str:
    """The card badge's short marker for the role ("CH"), in the catalogue's language."""
    return _ROLE_MARK_WORDS[role].render(book or interface_catalogue())


def level_label(level: ContactLevel, book: Catalogue | None = None) -> str:
    """The person's level in words ("VP"), in the catalogue's language (the window's)."""
    return (book or interface_catalogue()).gettext(LEVEL_LABELS[level])


def our_side_label(side: OurSide, book: Catalogue | None = None) -> str:
    return (book or interface_catalogue()).gettext(OUR_SIDE_LABELS[side])


# Levels at or above Director count as senior for a Strategic account's coverage.
SENIOR_LEVELS = frozenset({ContactLevel.C_SUITE, ContactLevel.VP, ContactLevel.DIRECTOR})
ABOVE_DIRECTOR = frozenset({ContactLevel.C_SUITE, ContactLevel.VP})
LEVEL_RANK = {ContactLevel.C_SUITE: 0, ContactLevel.VP: 1, ContactLevel.DIRECTOR: 2,
              ContactLevel.MANAGER: 3, ContactLevel.USER: 4}


class StakeholderError(DomainError):
    """A change the map cannot take (a reports-to cycle, an unknown person)."""


@dataclass(frozen=True, slots=True)
class Stakeholder:
    """One person on the map (a contact of the account, with the map's facts about them)."""

    id: int
    name: str
    title: str = ""
    level: ContactLevel = ContactLevel.USER
    role: DecisionRole = DecisionRole.USER
    influence: int = 3
    sentiment: int = 0
    strength: int = 2
    last_contact: date | None = None
    owner: OurSide = OurSide.CSM
    owner_name: str = ""  # the person on our side, when known
    priorities: str = ""
    concerns: str = ""
    notes: str = ""
    departed: bool = False  # left the company or the role; kept on the map, greyed
    pre_aligned: bool = False  # the champion was walked through the QBR beforehand
    manager_id: int | None = None  # reports-to
    x: float | None = None  # position on the canvas; None until placed
    y: float | None = None
    email: str = ""  # the contact's address: where the shared deck and the follow-up go

    def days_since_contact(self, today: date) -> int | None:
        return None if self.last_contact is None else (today - self.last_contact).days


@dataclass(frozen=True, slots=True)
class InfluenceLink:
    """`source` sways `target` (a dashed line on the map)."""

    source: int
    target: int
    strength: int = 2


@dataclass(frozen=True, slots=True)
class StakeholderMap:
    account_id: int
    people: tuple[Stakeholder, ...] = ()
    links: tuple[InfluenceLink, ...] = ()
    strategic: bool = False  # the account's tier asks for senior coverage

    def person(self, person_id: int) -> Stakeholder:
        for person in self.people:
            if person.id == person_id:
                return person
        raise StakeholderError(f"there is no person {person_id} on this map")

    @property
    def by_id(self) -> dict[int, Stakeholder]:
        return {person.id: person for person in self.people}

    def reports_of(self, manager_id: int) -> list[Stakeholder]:
        return [person for person in self.people if person.manager_id == manager_id]


@dataclass(frozen=True, slots=True)
class Attendance:
    """A person's place in one QBR: invited, confirmed, attended."""

    person_id: int
    invited: bool = False
    confirmed: bool = False
    attended: bool = False


# A person's text fields, by what a CSM calls them.
TEXT_FIELD_LABELS = {"name": N_("Name"), "title": N_("Title"), "owner_name": N_("Owner name"),
                     "priorities": N_("Priorities"), "concerns": N_("Concerns"),
                     "notes": N_("Notes")}


def validate_person(person: Stakeholder, stored_email: str | None = None) -> None:
    """Raise ValidationFailed naming each field that is out of range.

    An address already stored as `stored_email` (an old import's) is left to stand, so that
    it never blocks changing the person's other fields; a new one must be plausible.
    """
    problems: dict[str, Message] = {}
    if not person.name.strip():
        problems["name"] = msg("A person needs a name")
    email = person.email.strip()
    bad_email = email_problem(email) if email != stored_email else None
    if bad_email:
        problems["email"] = bad_email
    for name, value, allowed, words in (
            ("influence", person.influence, INFLUENCE_RANGE,
             N_("influence is 1 (no say) to 5 (decides)")),
            ("sentiment", person.sentiment, SENTIMENT_RANGE,
             N_("sentiment is -2 (hostile) to +2 (advocate)")),
            ("strength", person.strength, STRENGTH_RANGE,
             N_("relationship strength is 1 to 5"))):
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            problems[name] = msg("{value} is out of range: {allowed}", value=repr(value),
                                 allowed=msg(words))
    for name, label in TEXT_FIELD_LABELS.items():
        text = getattr(person, name)
        if len(text) > TEXT_LIMIT:
            problems[name] = msg("{field} is {length:,} characters; the limit is {limit:,}",
                                 field=msg(label), length=len(text), limit=TEXT_LIMIT)
    if person.manager_id == person.id:
        problems["manager_id"] = msg("{name} cannot report to themself", name=person.name)
    if problems:
        raise ValidationFailed(problems)


def reports_to_cycle(people: Iterable[Stakeholder], person_id: int,
                     manager_id: int | None) -> list[int] | None:
    """The chain that setting person → manager would close into a loop, or None.

    The chain starts at the manager and ends at the person: [manager, ..., person].
    """
    if manager_id is None:
        return None
    managers = {p.id: p.manager_id for p in people}
    managers[person_id] = manager_id
    chain = [manager_id]
    seen = {person_id}
    current: int | None = manager_id
    while current is not None:
        if current in seen:
            return chain
        seen.add(current)
        current = managers.get(current)
        if current is not None:
            chain.append(current)
    return None


def check_reports_to(people: Iterable[Stakeholder], person_id: int,
                     manager_id: int | None) -> None:
    """Refuse a reports-to line that would make a loop, naming the people in it."""
    people = list(people)
    names = {p.id: p.name for p in people}
    if manager_id is not None and manager_id not in names:
        raise StakeholderError(f"there is no person {manager_id} on this map")
    if manager_id == person_id:
        raise StakeholderError(f"{names.get(person_id, 'A person')} cannot report to themself")
    cycle = reports_to_cycle(people, person_id, manager_id)
    if cycle:
        loop = " → ".join(names.get(i, str(i)) for i in [person_id, *cycle])
        raise StakeholderError(f"That would make a reporting loop: {loop}")
