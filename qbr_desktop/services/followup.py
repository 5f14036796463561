"""The follow-up email after an account's QBR: the data gathered from the services.

Which review it follows up: AgendaService.review_for picks the next planned review ahead,
else a meeting still running, else the latest one. Right after a QBR the CSM has often
already scheduled the next one, and review_for then picks that future meeting, which has
nothing to recap. So the review review_for picks is used when it has taken place (held,
its meeting timer started, or its scheduled time has passed); otherwise the latest review
that has taken place is used; with none, there is nothing to follow up and an error says so.

Recipients are the people who confirmed or attended that review (attendance record), with
the email address from their contact row. The action items are those agreed in that review,
plus open ones not tied to any review (still commitments the customer should see); dropped
items are left out. What the email may say is decided by domain.audience.followup: the
summary and decisions the CSM wrote for it, the topics and the actions; the meeting's notes
and timings stay here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.audience.followup import (
    FollowupFacts,
    Recap,
    SectionFacts,
    clean_recap,
    customer_followup,
    validate_recap,
)
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.meeting_timer import Phase
from qbr_desktop.exports.followup_eml import followup_message
from qbr_desktop.exports.mail_addresses import usable_address
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.rows import account_row
from qbr_desktop.services.stakeholders import ReviewChoice
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import ContactRow


class FollowupError(DomainError):
    """There is no QBR to follow up."""


@dataclass(frozen=True, slots=True)
class FollowupDraft:
    message: EmailMessage
    review_id: int
    meeting_date: date
    recipients: tuple[str, ...]  # names on the To line
    without_email: tuple[str, ...]  # confirmed or attended, but no usable address
    actions: int
    decisions: int
    summary: bool  # whether the CSM wrote a summary for it


def followup_for(context: AppContext, account_id: int, *,
                 now: datetime | None = None) -> EmailMessage:
    """The follow-up email draft for the account's latest QBR (see the module's notes)."""
    return followup_draft(context, account_id, now=now).message


def followup_draft(context: AppContext, account_id: int, *, now: datetime | None = None,
                   summary: str | None = None,
                   decisions: tuple[str, ...] | None = None) -> FollowupDraft:
    """The draft with what the CLI reports about it (who is on it, who is missing).

    `summary` and `decisions`, when given, replace the stored ones for this draft only."""
    now = now or datetime.now(UTC)
    review_id = followed_up_review(context, account_id, now)
    stored = context.agendas.recap(review_id)
    recap = clean_recap(Recap(stored.summary if summary is None else summary,
                              stored.decisions if decisions is None else decisions))
    validate_recap(recap)
    facts = followup_facts(context, account_id, review_id, now=now, recap=recap)
    content = customer_followup(facts)
    message = followup_message(content, now=now)
    missing = tuple(name for name, mail in facts.recipients
                    if usable_address(name, mail) is None)
    names = tuple(dict.fromkeys(name for name, mail in facts.recipients
                                if usable_address(name, mail) is not None))
    return FollowupDraft(message, review_id, content.meeting_date, names, missing,
                         len(content.actions), len(content.decisions), bool(content.summary))


def followup_facts(context: AppContext, account_id: int, review_id: int, *, now: datetime,
                   recap: Recap | None = None) -> FollowupFacts:
    """What the services know about the review being followed up (internal)."""
    agenda = context.agendas.agenda(review_id)
    state = context.agendas.meeting(review_id).state
    ran = state.phase is not Phase.NOT_STARTED
    timings = {timing.key: timing for timing in state.sections}
    sections = tuple(SectionFacts(
        section.title, section.minutes,
        timings[section.key].visited if section.key in timings else False,
        agenda.notes.get(section.key, ""),
        timings[section.key].actual if ran and section.key in timings else None)
        for section in agenda.agenda.sections)
    people = _contacts(context, account_id)
    wanted = [entry.person_id for entry in context.stakeholders.attendance(review_id)
              if entry.confirmed or entry.attended]
    items = tuple(item for item in context.agendas.follow_up(account_id).items
                  if _belongs(item, review_id))
    csm_name, language = _account_words(context, account_id)
    return FollowupFacts(
        account_name=agenda.account_name,
        meeting_date=_local_date(agenda.scheduled_at, agenda.time_zone),
        today=now.astimezone().date(), csm_name=csm_name, language=language,
        recipients=tuple(people[person] for person in wanted if person in people),
        sections=sections, timer_ran=ran,
        recap=recap if recap is not None else context.agendas.recap(review_id),
        actions=items, next_review=_next_review(context, account_id, review_id, now))


def _account_words(context: AppContext, account_id: int) -> tuple[str, str]:
    """(the CSM's name, the customer's language) of the account."""
    with session_scope(context.store.sessions) as session:
        row = account_row(session, account_id)
        return row.csm_owner, row.language


def followed_up_review(context: AppContext, account_id: int, now: datetime) -> int:
    """The review the follow-up is about: raises FollowupError when none has taken place."""
    picked = context.agendas.review_for(account_id)  # AgendaError when there is no review
    reviews = context.stakeholders.reviews(account_id)  # the latest first
    running = set(context.agendas.running_meetings())
    by_id = {choice.review_id: choice for choice in reviews}
    if picked in by_id and _taken_place(by_id[picked], now, running):
        return picked
    for choice in reviews:
        if _taken_place(choice, now, running):
            return choice.review_id
    planned = by_id.get(picked)
    when = f" on {planned.scheduled_at.astimezone().date()}" if planned else ""
    raise FollowupError(f"This account's QBR{when} has not been held yet and there is no "
                        "earlier one, so there is nothing to follow up")


def _taken_place(choice: ReviewChoice, now: datetime, running: set[int]) -> bool:
    if choice.status is ReviewStatus.CANCELLED:
        return False
    return (choice.status is ReviewStatus.HELD or choice.review_id in running
            or choice.scheduled_at <= now)


def _belongs(item: ActionItem, review_id: int) -> bool:
    if item.status is ActionStatus.DROPPED:
        return False
    if item.review_id is None:
        return item.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    return item.review_id == review_id


def _contacts(context: AppContext, account_id: int) -> dict[int, tuple[str, str]]:
    """Each contact's name and email, as the stakeholder map and the contact import store
    them."""
    with session_scope(context.store.sessions) as session:
        rows = session.execute(
            select(ContactRow.id, ContactRow.name, ContactRow.email)
            .where(ContactRow.account_id == account_id)).all()
        return {row.id: (row.name, row.email or "") for row in rows}


def _next_review(context: AppContext, account_id: int, review_id: int,
                 now: datetime) -> date | None:
    """The next planned review after this one and after now, for the next-steps line."""
    reviews = context.stakeholders.reviews(account_id)
    this = next(choice for choice in reviews if choice.review_id == review_id)
    ahead = [choice for choice in reviews if choice.status is ReviewStatus.PLANNED
             and choice.review_id != review_id
             and choice.scheduled_at > max(now, this.scheduled_at)]
    if not ahead:
        return None
    return min(ahead, key=lambda choice: choice.scheduled_at).scheduled_at.astimezone().date()


def _local_date(moment: datetime, zone: str) -> date:
    try:
        return moment.astimezone(ZoneInfo(zone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return moment.date()
