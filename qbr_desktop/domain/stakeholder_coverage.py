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
    LEVEL_LABELS,
    LEVEL_RANK,
    STALE_CONTACT_DAYS,
    DecisionRole,
    Stakeholder,
    StakeholderMap,
)
from qbr_desktop.i18n import (
    N_,
    Catalogue,
    Message,
    english,
    interface_catalogue,
    msg,
    msg_plural,
)

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
    words: Message  # one sentence a CSM can act on, naming people, in no language yet
    people: tuple[int, ...] = ()  # person ids the finding is about (highlighted on the map)

    @property
    def message(self) -> str:
        """The sentence in English (what `--json` and the log keep); `ui_text(words)` in
        the window's language."""
        return english(self.words)


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

# The decision role as a word inside a sentence ("your champion").
ROLE_WORDS: dict[DecisionRole, str] = dict(zip(DecisionRole, (
    N_("economic buyer"), N_("executive sponsor"), N_("champion"), N_("decision maker"),
    N_("influencer"), N_("user"), N_("detractor"), N_("blocker")), strict=True))


@dataclass(frozen=True)
class NameList(Message):
    """People named in a sentence, joined the language's way ("A, B and C", "A、B和C")."""

    names: tuple[Message | str, ...] = ()
    listing: bool = False  # every name, commas only ("A, B, C"), as a label's list

    def render(self, catalogue: Catalogue | None = None) -> str:
        book = catalogue if catalogue is not None else interface_catalogue()
        shown = [name.render(book) if isinstance(name, Message) else name
                 for name in self.names]
        if len(shown) <= 1:
            return "".join(shown)
        comma = book.pgettext("between names", ", ")
        if self.listing:
            return comma.join(shown)
        if len(shown) > NAMED_AT_MOST:
            rest = len(shown) - NAMED_AT_MOST + 1
            return book.ngettext("{names} and {count} other", "{names} and {count} others",
                                 rest, names=comma.join(shown[:NAMED_AT_MOST - 1]))
        return book.gettext("{names} and {last}", names=comma.join(shown[:-1]),
                            last=shown[-1])


def name_list(people: Sequence[Message | str], *, listing: bool = False) -> NameList:
    """People's names (or names with a detail) as one phrase in a sentence ("A, B and C");
    `listing`: all of them, joined by commas only."""
    return NameList("", names=tuple(people), listing=listing)


def _ids(people: Iterable[Stakeholder]) -> tuple[int, ...]:
    return tuple(person.id for person in people)


def _days_phrase(days: int) -> Message:
    if days == 0:
        return msg("today")
    if days == 1:
        return msg("tomorrow")
    return msg_plural("in {count} day", "in {count} days", days)


def _contact_phrase(person: Stakeholder, today: date) -> Message:
    days = person.days_since_contact(today)
    if days is None:
        return msg("never contacted")
    return msg_plural("last contacted {count} day ago", "last contacted {count} days ago", days)


def _opposition(person: Stakeholder) -> Message:
    if person.role in (DecisionRole.DETRACTOR, DecisionRole.BLOCKER):
        return msg("{role}, influence {influence}", role=msg(ROLE_WORDS[person.role]),
                   influence=person.influence)
    mood = msg("hostile") if person.sentiment <= -2 else msg("sceptical")
    return msg("{mood}, influence {influence}", mood=mood, influence=person.influence)


def _level_and_contact(person: Stakeholder, today: date) -> Message:
    return msg("{level}, {contact}", level=msg(LEVEL_LABELS[person.level]),
               contact=_contact_phrase(person, today))


def _described(person: Stakeholder, detail: Message) -> Message:
    return msg("{name} ({detail})", name=person.name, detail=detail)


def coverage(stakeholders: StakeholderMap, today: date, *,
             meeting_date: date | None = None) -> list[Finding]:
    """What the map is missing, risks first, each finding naming the people involved."""
    people = sorted(stakeholders.people, key=_key)
    if not people:
        return [Finding("empty_map", Severity.WARNING, msg(
            "No one is mapped yet: add the people who will be in the room and the ones who "
            "decide."))]
    present = [person for person in people if not person.departed]
    engaged = [person for person in present if is_engaged(person, today)]
    found: list[Finding] = []
    days = STALE_CONTACT_DAYS

    if not any(person.role is DecisionRole.EXECUTIVE_SPONSOR for person in present):
        found.append(Finding("no_sponsor", Severity.RISK, msg(
            "No executive sponsor is mapped: find a senior leader who owns the outcome on "
            "the customer's side and ask your executive to meet them.")))

    if len(engaged) == 1:
        only = engaged[0]
        found.append(Finding("single_threaded", Severity.RISK, msg(
            "{name} is the only person you have spoken with in the last {days} days: if they "
            "leave or go quiet the account goes dark, so build a second relationship now.",
            name=only.name, days=days), (only.id,)))
    elif not engaged:
        found.append(Finding("single_threaded", Severity.RISK, msg(
            "You have no active relationship at this account in the last {days} days: build "
            "at least two, so the account does not hang on one person.", days=days)))

    champions = [person for person in present if person.role is DecisionRole.CHAMPION]
    if not champions:
        found.append(Finding("no_champion", Severity.WARNING, msg(
            "No champion is mapped: look for someone who wants this to succeed and will "
            "speak for it when you are not in the room.")))

    if meeting_date is not None and today <= meeting_date:
        unaligned = [person for person in champions if not person.pre_aligned]
        if unaligned:
            found.append(Finding("champion_not_prealigned", Severity.WARNING, msg_plural(
                "Walk {names} through the QBR before the meeting {when}, so your champion is "
                "not surprised in the room.",
                "Walk {names} through the QBR before the meeting {when}, so your champions "
                "are not surprised in the room.", len(unaligned),
                names=name_list([person.name for person in unaligned]),
                when=_days_phrase((meeting_date - today).days)), _ids(unaligned)))

    opposed = [person for person in present
               if person.influence >= HIGH_INFLUENCE
               and (person.role in (DecisionRole.DETRACTOR, DecisionRole.BLOCKER)
                    or person.sentiment <= OPPOSED_SENTIMENT)]
    if opposed:
        found.append(Finding("influential_detractor", Severity.RISK, msg(
            "{names} can sway the decision against you: learn their concerns and plan how to "
            "address them before the meeting.",
            names=name_list([_described(person, _opposition(person)) for person in opposed])),
            _ids(opposed)))

    if not engaged:
        found.append(Finding("nobody_contacted", Severity.RISK, msg(
            "Nobody on the map has been contacted in the last {days} days: reach out before "
            "the QBR so the first conversation in months is not the review itself.",
            days=days)))
    else:
        stale = [person for person in present
                 if person.influence >= HIGH_INFLUENCE and not is_engaged(person, today)]
        if stale:
            found.append(Finding("key_people_stale", Severity.WARNING, msg_plural(
                "{names} carries real influence but nobody has spoken with them in the last "
                "{days} days: book time with them.",
                "{names} carry real influence but nobody has spoken with them in the last "
                "{days} days: book time with them.", len(stale),
                names=name_list([_described(person, _contact_phrase(person, today))
                              for person in stale]), days=days), _ids(stale)))

    if stakeholders.strategic and not any(person.level in ABOVE_DIRECTOR for person in engaged):
        senior = [person for person in present if person.level in ABOVE_DIRECTOR]
        advice = (msg("reach out to {names}", names=name_list(
            [_described(person, _level_and_contact(person, today)) for person in senior]))
            if senior else msg("map a VP or C-suite leader and get them into the conversation"))
        found.append(Finding("no_senior_engaged", Severity.RISK, msg(
            "This is a Strategic account but no one above Director has been engaged in the "
            "last {days} days: {advice}.", days=days, advice=advice), _ids(senior)))

    for person in people:
        if person.departed and person.role in KEY_ROLES:
            found.append(Finding("key_person_departed", Severity.RISK, msg(
                "{name}, your {role}, has left the company or the role: losing your {role} is "
                "among the strongest churn signals, so find their successor and build that "
                "relationship before the renewal.", name=person.name,
                role=msg(ROLE_WORDS[person.role])), (person.id,)))

    # sorted() is stable, so several findings under one rule keep the people's order.
    return sorted(found, key=lambda f: (_SEVERITY_ORDER[f.severity], RULES.index(f.rule)))


def findings_for(findings: Iterable[Finding], person_id: int) -> list[Finding]:
    """The findings that are about this person, for the card's tooltip and side panel."""
    return [finding for finding in findings if person_id in finding.people]
