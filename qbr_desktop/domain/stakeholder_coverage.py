"""Gaps in the stakeholder map that put the account at risk, in words a CSM can act on.

An account that depends on one relationship, has no sponsor, or has lost its champion is
one of the most common ways a renewal fails without warning. These checks read the map the
CSM already keeps and say what is missing and whom to call, naming people, so the finding
is a to-do rather than a score. Each finding carries the ids of the people it is about so
the canvas can highlight them.

"Engaged" here means still in the role and spoken with in the last STALE_CONTACT_DAYS days
(today's date counts, and so does exactly 90 days ago).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qbr_desktop.domain.stakeholders import (
    ABOVE_DIRECTOR,
    LEVEL_RANK,
    STALE_CONTACT_DAYS,
    DecisionRole,
    Stakeholder,
    StakeholderMap,
)
from qbr_desktop.i18n import N_

HIGH_INFLUENCE = 4
OPPOSED_SENTIMENT = -1
# Losing one of these people is the change a CSM must hear about first.
KEY_ROLES = (DecisionRole.CHAMPION, DecisionRole.EXECUTIVE_SPONSOR, DecisionRole.ECONOMIC_BUYER)


class Severity(StrEnum):
    RISK = "risk"
    WARNING = "warning"


# A finding's severity as shown (the stored value stays).
SEVERITY_LABELS: dict[Severity, str] = {Severity.RISK: N_("Risk"), Severity.WARNING: N_("Warning")}


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # stable id, e.g. "no_sponsor"
    severity: Severity
    message: str  # one sentence a CSM can act on, naming people
    people: tuple[int, ...] = ()  # person ids the finding is about (highlighted on the map)


# The order findings of the same severity are listed in.
RULES = (
    "empty_map",
    "no_sponsor",
    "single_threaded",
    "no_champion",
    "champion_not_prealigned",
    "influential_detractor",
    "nobody_contacted",
    "key_people_stale",
    "no_senior_engaged",
    "key_person_departed",
)
_SEVERITY_ORDER = {Severity.RISK: 0, Severity.WARNING: 1}


def is_engaged(person: Stakeholder, today: date) -> bool:
    """Still in the role and contacted within the last STALE_CONTACT_DAYS days."""
    days = person.days_since_contact(today)
    return not person.departed and days is not None and days <= STALE_CONTACT_DAYS


def _key(person: Stakeholder) -> tuple[int, str, int]:
    return LEVEL_RANK.get(person.level, len(LEVEL_RANK)), person.name.casefold(), person.id


NAMED_AT_MOST = 6  # a longer list stops being a to-do: the rest are counted


def _names(people: Sequence[str]) -> str:
    if len(people) <= 1:
        return "".join(people)
    if len(people) > NAMED_AT_MOST:
        rest = len(people) - NAMED_AT_MOST + 1
        return f"{', '.join(people[:NAMED_AT_MOST - 1])} and {rest} others"
    return f"{', '.join(people[:-1])} and {people[-1]}"


def _ids(people: Iterable[Stakeholder]) -> tuple[int, ...]:
    return tuple(person.id for person in people)


def _days_phrase(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def _contact_phrase(person: Stakeholder, today: date) -> str:
    days = person.days_since_contact(today)
    if days is None:
        return "never contacted"
    return f"last contacted {days} days ago"


def _opposition(person: Stakeholder) -> str:
    if person.role in (DecisionRole.DETRACTOR, DecisionRole.BLOCKER):
        return f"{person.role.value}, influence {person.influence}"
    mood = "hostile" if person.sentiment <= -2 else "sceptical"
    return f"{mood}, influence {person.influence}"


def coverage(stakeholders: StakeholderMap, today: date, *,
             meeting_date: date | None = None) -> list[Finding]:
    """What the map is missing, risks first, each finding naming the people involved."""
    people = sorted(stakeholders.people, key=_key)
    if not people:
        return [Finding("empty_map", Severity.WARNING,
                        "No one is mapped yet: add the people who will be in the room and "
                        "the ones who decide.")]
    present = [person for person in people if not person.departed]
    engaged = [person for person in present if is_engaged(person, today)]
    found: list[Finding] = []

    if not any(person.role is DecisionRole.EXECUTIVE_SPONSOR for person in present):
        found.append(Finding(
            "no_sponsor", Severity.RISK,
            "No executive sponsor is mapped: find a senior leader who owns the outcome on "
            "the customer's side and ask your executive to meet them."))

    if len(engaged) == 1:
        only = engaged[0]
        found.append(Finding(
            "single_threaded", Severity.RISK,
            f"{only.name} is the only person you have spoken with in the last "
            f"{STALE_CONTACT_DAYS} days: if they leave or go quiet the account goes dark, "
            f"so build a second relationship now.", (only.id,)))
    elif not engaged:
        found.append(Finding(
            "single_threaded", Severity.RISK,
            f"You have no active relationship at this account in the last "
            f"{STALE_CONTACT_DAYS} days: build at least two, so the account does not hang "
            f"on one person."))

    champions = [person for person in present if person.role is DecisionRole.CHAMPION]
    if not champions:
        found.append(Finding(
            "no_champion", Severity.WARNING,
            "No champion is mapped: look for someone who wants this to succeed and will "
            "speak for it when you are not in the room."))

    if meeting_date is not None and today <= meeting_date:
        unaligned = [person for person in champions if not person.pre_aligned]
        if unaligned:
            names = [person.name for person in unaligned]
            found.append(Finding(
                "champion_not_prealigned", Severity.WARNING,
                f"Walk {_names(names)} through the QBR before the meeting "
                f"{_days_phrase((meeting_date - today).days)}, so your champion"
                f"{'s are' if len(names) > 1 else ' is'} not surprised in the room.",
                _ids(unaligned)))

    opposed = [person for person in present
               if person.influence >= HIGH_INFLUENCE
               and (person.role in (DecisionRole.DETRACTOR, DecisionRole.BLOCKER)
                    or person.sentiment <= OPPOSED_SENTIMENT)]
    if opposed:
        described = [f"{person.name} ({_opposition(person)})" for person in opposed]
        found.append(Finding(
            "influential_detractor", Severity.RISK,
            f"{_names(described)} can sway the decision against you: learn their concerns "
            f"and plan how to address them before the meeting.", _ids(opposed)))

    if not engaged:
        found.append(Finding(
            "nobody_contacted", Severity.RISK,
            f"Nobody on the map has been contacted in the last {STALE_CONTACT_DAYS} days: "
            f"reach out before the QBR so the first conversation in months is not the "
            f"review itself."))
    else:
        stale = [person for person in present
                 if person.influence >= HIGH_INFLUENCE and not is_engaged(person, today)]
        if stale:
            described = [f"{person.name} ({_contact_phrase(person, today)})" for person in stale]
            found.append(Finding(
                "key_people_stale", Severity.WARNING,
                f"{_names(described)} {'carry' if len(stale) > 1 else 'carries'} real "
                f"influence but nobody has spoken with them in the last {STALE_CONTACT_DAYS} "
                f"days: book time with them.", _ids(stale)))

    if stakeholders.strategic and not any(person.level in ABOVE_DIRECTOR for person in engaged):
        senior = [person for person in present if person.level in ABOVE_DIRECTOR]
        if senior:
            described = [f"{person.name} ({person.level.value}, "
                         f"{_contact_phrase(person, today)})" for person in senior]
            advice = f"reach out to {_names(described)}"
        else:
            advice = "map a VP or C-suite leader and get them into the conversation"
        found.append(Finding(
            "no_senior_engaged", Severity.RISK,
            f"This is a Strategic account but no one above Director has been engaged in the "
            f"last {STALE_CONTACT_DAYS} days: {advice}.", _ids(senior)))

    for person in people:
        if person.departed and person.role in KEY_ROLES:
            found.append(Finding(
                "key_person_departed", Severity.RISK,
                f"{person.name}, your {person.role.value}, has left the company or the role: "
                f"losing your {person.role.value} is among the strongest churn signals, so find "
                f"their successor and build that relationship before the renewal.",
                (person.id,)))

    # sorted() is stable, so several findings under one rule keep the people's order.
    return sorted(found, key=lambda f: (_SEVERITY_ORDER[f.severity], RULES.index(f.rule)))


def findings_for(findings: Iterable[Finding], person_id: int) -> list[Finding]:
    """The findings that are about this person, for the card's tooltip and side panel."""
    return [finding for finding in findings if person_id in finding.people]
