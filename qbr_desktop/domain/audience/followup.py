"""The follow-up email's customer content (see the package's notes on the audience boundary).

After a QBR every attendee receives what was agreed: the decisions and the action items,
both sides', with owners and dates, and a summary only when the CSM wrote one for them. The
meeting's own record stays with the CSM: the notes taken section by section ("the VP joined
from the airport"), how long each section took against its plan, the prompts, the prep. The
topics covered are the agenda's section titles, which were on the room's screen anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qbr_desktop.domain.accounts import without_links
from qbr_desktop.domain.actions import ActionItem
from qbr_desktop.domain.audience.deck import customer_actions
from qbr_desktop.domain.deck import ActionFigure
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.i18n import ENGLISH

SUMMARY_LIMIT = 5_000
DECISION_LIMIT = 500
MAX_DECISIONS = 30


@dataclass(frozen=True, slots=True)
class Recap:
    """What the CSM writes for the customer after the meeting: an optional summary and the
    decisions taken. Both are meant to be read by every attendee."""

    summary: str = ""
    decisions: tuple[str, ...] = ()


def clean_recap(recap: Recap) -> Recap:
    """The recap as stored: trimmed, blank decisions left out."""
    return Recap(recap.summary.strip(),
                 tuple(text for item in recap.decisions if (text := item.strip())))


def validate_recap(recap: Recap) -> None:
    problems: dict[str, str] = {}
    if len(recap.summary) > SUMMARY_LIMIT:
        problems["summary"] = (f"The summary is {len(recap.summary):,} characters; the limit "
                               f"is {SUMMARY_LIMIT:,}")
    if len(recap.decisions) > MAX_DECISIONS:
        problems["decisions"] = (f"{len(recap.decisions)} decisions; at most {MAX_DECISIONS} "
                                 "fit in one email")
    for index, decision in enumerate(recap.decisions):
        if len(decision) > DECISION_LIMIT:
            problems[f"decisions[{index}]"] = (f"{len(decision):,} characters; the limit is "
                                               f"{DECISION_LIMIT}")
    if problems:
        raise ValidationFailed(problems)


@dataclass(frozen=True, slots=True)
class SectionFacts:
    """One agenda section as the meeting left it (internal: its notes and minutes)."""

    title: str
    planned_minutes: int
    visited: bool = False
    notes: str = ""
    actual_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class FollowupFacts:
    """What the services know about the review being followed up, notes included."""

    account_name: str
    meeting_date: date
    today: date
    csm_name: str
    recipients: tuple[tuple[str, str], ...]  # (name, email) of who confirmed or attended
    sections: tuple[SectionFacts, ...]
    timer_ran: bool
    recap: Recap
    actions: tuple[ActionItem, ...]  # agreed in this review, and open ones from no review
    next_review: date | None = None
    language: str = ENGLISH  # the account's: the email is written in it


@dataclass(frozen=True, slots=True)
class FollowupContent:
    """The follow-up email as the customer may read it."""

    account_name: str
    meeting_date: date
    csm_name: str
    recipients: tuple[tuple[str, str], ...]
    topics: tuple[str, ...]
    summary: str
    decisions: tuple[str, ...]
    actions: tuple[ActionFigure, ...]
    next_review: date | None
    language: str = ENGLISH


def customer_followup(facts: FollowupFacts) -> FollowupContent:
    recap = clean_recap(facts.recap)
    return FollowupContent(
        account_name=without_links(facts.account_name), meeting_date=facts.meeting_date,
        csm_name=facts.csm_name.strip(), recipients=facts.recipients,
        topics=covered_topics(facts.sections, facts.timer_ran), summary=recap.summary,
        decisions=recap.decisions, actions=customer_actions(facts.actions, facts.today),
        next_review=facts.next_review, language=facts.language)


def covered_topics(sections: Sequence[SectionFacts], timer_ran: bool) -> tuple[str, ...]:
    """The agenda's titles: those reached when the meeting ran with the timer, else all."""
    reached = [s for s in sections if s.visited] if timer_ran else list(sections)
    return tuple(dict.fromkeys(title for s in reached if (title := " ".join(s.title.split()))))
