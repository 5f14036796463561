"""Agendas, meetings and action items for the demo portfolio, so the meeting features have
something to show on first launch.

Every planned review gets its tier's agenda, a few of them customised the way a CSM would
(a section renamed, minutes moved from one section to another, a section the customer runs
added). Every held review gets its agenda too, with the meeting as it was recorded: sections
that ran over and under, a pause, sometimes an extension, and finished; notes taken in each
section; and the action items agreed, ours and the customer's, followed up since. Accounts
follow a cycle of follow-through so some are above the 85 % completion target and some
well below it, with overdue items and items due soon.

The recorded meetings are written as the stored event list directly: the events come from
a MeetingTimer driven by a fake clock that starts at zero, and each event's wall-clock time
is the meeting's start plus that reading. A meeting from another boot is re-based on its
wall-clock times, which keep the same differences as the readings, so the replay gives the
same per-section times on any machine. The meetings are finished, so their boot id is never
compared with a live clock's.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.actions import ActionSide, ActionStatus
from qbr_desktop.domain.agenda import (
    Agenda,
    AgendaSection,
    Focus,
    SectionOwner,
    new_key,
    template_for_tier,
    validate_agenda,
)
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.meeting_timer import MeetingTimer
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.services.agendas import planned
from qbr_desktop.services.demo_stakeholders import ACCOUNT_EXECUTIVES, OUR_EXECUTIVES
from qbr_desktop.services.rows import as_utc
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import (
    AccountRow,
    ActionItemRow,
    AgendaRow,
    AgendaSectionRow,
    AttendanceRow,
    ContactRow,
    MeetingRunRow,
    ReviewRow,
)

SEED_OFFSET = 17
DEMO_BOOT = "demo-portfolio"  # recorded meetings are finished: never compared with this boot

# How each account's agendas are customised (the cycle repeats).
CUSTOMISATIONS: tuple[tuple[str, ...], ...] = (
    (), ("rename",), ("minutes",), ("customer",), (), ("rename", "minutes"),
    ("customer", "minutes"), (), ("rename", "customer"),
)
# How well each account has followed up its last QBR's commitments (the cycle repeats).
FOLLOW_THROUGH = ("strong", "steady", "slipping", "strong", "steady", "strong", "slipping",
                  "steady")
RENAMES = {
    "business-context": "Their year so far",
    "value-review": "Value review: the SSO roll-out",
    "strategic-discussion": "Next two quarters",
    "success-review": "Wins since the last review",
    "usage-adoption": "Adoption by team",
    "roadmap": "What ships next quarter",
    "discussion": "Open questions",
    "value-snapshot": "What changed since last time",
    "whats-next": "Plans for next quarter",
    "close": "Wrap-up and next date",
}
CUSTOMER_SECTIONS = (
    "Their roll-out plan for Europe", "IT security update from their team",
    "Procurement timeline", "Their team's wish list", "Finance's view of the renewal",
)

NOTES: dict[str, tuple[str, ...]] = {
    "opening": (
        "Started five minutes late; the VP joined from the airport.",
        "Agreed the goal: decide on the second-region roll-out.",
        "Two new faces from finance joined; quick introductions.",
        "They asked to keep the value section short and spend time on the roadmap.",
        "Confirmed the agenda; no changes requested.",
    ),
    "context": (
        "New CFO wants every tool to show a return by Q2.",
        "They reorganised support into three regional teams.",
        "Budget is flat next year; growth has to come from efficiency.",
        "An acquisition closes next month and adds about 300 users.",
        "Hiring freeze until the spring, so self-service matters more.",
    ),
    "value": (
        "Ticket handling time is down 18% since the automation went live.",
        "They quoted the ROI figure back to us; the sponsor liked the payback chart.",
        "Reporting now takes an hour a week instead of a day.",
        "Outage in August still comes up; we walked through the fixes.",
        "Agreed P1 response < 4 h & a weekly status call until the backlog clears.",
    ),
    "adoption": (
        "Adoption is strong in the US teams and lagging in Europe.",
        "Only half the licensed seats logged in last month.",
        "Power users want bulk edit; everyone else wants simpler dashboards.",
        "The mobile app is finally catching on with field staff.",
    ),
    "roadmap": (
        "They are keen on the workflow builder coming in the spring release.",
        "Showed the new analytics module; asked for early access.",
        "SSO for the remaining units depends on our SCIM release.",
        "Data residency in the EU is a must before they expand.",
    ),
    "strategy": (
        "Second region goes live in Q2 if the pilot hits its targets.",
        "They want one platform for all business units by year end.",
        "Discussed a joint case study once the numbers are in.",
        "Renewal conversation will include the analytics add-on.",
        "Their COO wants a quarterly executive check-in, not just the QBR.",
    ),
    "actions": (
        "Listed the commitments on screen and agreed owners for each.",
        "Dates agreed for every item; two depend on their IT team.",
        "We owe them the training plan; they owe us the pilot group.",
    ),
    "discussion": (
        "Questions on pricing for the extra seats; we will follow up in writing.",
        "They asked how other retailers use the forecasting feature.",
        "Concern about training time for new starters.",
        "Long discussion on the integration with their data warehouse.",
    ),
    "close": (
        "Next QBR pencilled in for the same week next quarter.",
        "Thanked them for the candour; summary goes out tomorrow.",
        "Sponsor asked for the deck to share with the board.",
    ),
    "customer": (
        "Their security lead walked through the new vendor review process.",
        "Procurement needs quotes six weeks before the renewal.",
        "They presented their own adoption targets per region.",
        "Their team shared a wish list; bulk import is at the top.",
    ),
}
THEMES = {
    "opening": "opening", "business-context": "context", "value-review": "value",
    "success-review": "value", "value-delivered": "value", "value-snapshot": "value",
    "usage-adoption": "adoption", "adoption": "adoption", "roadmap": "roadmap",
    "strategic-roadmap": "roadmap", "whats-next": "roadmap",
    "strategic-discussion": "strategy", "recommendations": "strategy", "expansion": "strategy",
    "action-planning": "actions", "actions": "actions", "commitments": "actions",
    "discussion": "discussion", "close": "close",
}
CJK_NOTES = {
    "Japan": "Kenji asked for the training deck in Japanese: 「研修資料を日本語で」.",
    "China": "They want the release notes in Chinese too (发布说明中文版).",
}
CJK_NOTE = "Their Tokyo office asked for Japanese material: 「研修資料を日本語で」."
AMPERSAND_NOTE = "Agreed P1 response < 4 h & a weekly status call until the backlog clears."

OUR_ACTIONS = (
    "Send the meeting summary and the deck",
    "Share the ROI model with finance",
    "Run an admin training session for the European team",
    "Set up a sandbox for the workflow builder pilot",
    "Confirm the SCIM release date in writing",
    "Write up the data residency options",
    "Arrange a call with our product manager for analytics",
    "Send pricing for the additional seats",
    "Review the open P1 tickets with support",
    "Draft the joint case study outline",
    "Book the next QBR and send the invitation",
    "Prepare adoption dashboards per region",
)
THEIR_ACTIONS = (
    "Nominate the pilot group for the second region",
    "Share their adoption targets per business unit",
    "Confirm the budget owner after the reorganisation",
    "Send the security questionnaire",
    "Give IT access for the SSO configuration",
    "Pick the champions for each region",
    "Share the data warehouse schema with our team",
    "Confirm the procurement timeline for the renewal",
    "Collect feedback from field staff on the mobile app",
    "Introduce us to the new CFO",
)


def add_demo_agendas(sessions: sessionmaker[Session], today: date, seed: int) -> int:
    """Store agendas for the demo reviews (held ones with their meeting, notes and action
    items); returns how many agendas were stored."""
    rng = random.Random(seed + SEED_OFFSET)
    now = datetime.combine(today, time(9), tzinfo=UTC)
    stored = 0
    recorded = 0
    with session_scope(sessions) as session:
        scheme = read_tier_scheme(session)
        accounts = list(session.scalars(select(AccountRow).order_by(AccountRow.id)))
        reviews: dict[int, list[ReviewRow]] = defaultdict(list)
        for review in session.scalars(select(ReviewRow).order_by(ReviewRow.scheduled_at,
                                                                 ReviewRow.id)):
            reviews[review.account_id].append(review)
        for index, account in enumerate(accounts):
            template = template_for_tier(effective_tier(account.arr, account.tier_override,
                                                        scheme), account.language)
            changes = CUSTOMISATIONS[index % len(CUSTOMISATIONS)]
            held = [r for r in reviews[account.id] if r.status == ReviewStatus.HELD.value
                    and as_utc(r.scheduled_at) < now]
            upcoming = [r for r in reviews[account.id]
                        if r.status == ReviewStatus.PLANNED.value
                        and as_utc(r.scheduled_at) >= now][:1]
            if upcoming:
                agenda = _customised(rng, template, changes)
                _store(session, upcoming[0].id, agenda, now, {})
                stored += 1
            if held:
                review = held[-1]
                # Last quarter's agenda: the customer section, if any, is this quarter's idea.
                agenda = _customised(rng, template, tuple(c for c in changes
                                                          if c != "customer"))
                started = as_utc(review.scheduled_at) + timedelta(minutes=rng.randint(0, 4))
                notes = _notes(rng, agenda, account, recorded)
                _store(session, review.id, agenda, started, notes)
                finished = _record_meeting(session, rng, review.id, agenda, started)
                _actions(session, rng, account, review, agenda, finished, today,
                         FOLLOW_THROUGH[index % len(FOLLOW_THROUGH)])
                stored += 1
                recorded += 1
    return stored


# Agendas ---------------------------------------------------------------------------------
def _customised(rng: random.Random, template: Agenda, changes: Sequence[str]) -> Agenda:
    sections = list(template.sections)
    if "rename" in changes:
        candidates = [i for i, s in enumerate(sections) if s.key in RENAMES]
        if candidates:
            i = rng.choice(candidates)
            sections[i] = replace(sections[i], title=RENAMES[sections[i].key])
    if "minutes" in changes and len(sections) > 1:
        donor = max(range(len(sections)), key=lambda i: (sections[i].minutes, -i))
        takers = [i for i, s in enumerate(sections) if i != donor and s.focus is Focus.FORWARD]
        taker = rng.choice(takers or [i for i in range(len(sections)) if i != donor])
        moved = min(rng.randint(2, 5), sections[donor].minutes - 1)
        sections[donor] = replace(sections[donor], minutes=sections[donor].minutes - moved)
        sections[taker] = replace(sections[taker], minutes=sections[taker].minutes + moved)
    if "customer" in changes:
        title = rng.choice(CUSTOMER_SECTIONS)
        donor = max(range(len(sections)), key=lambda i: (sections[i].minutes, -i))
        minutes = min(5, sections[donor].minutes - 1)
        sections[donor] = replace(sections[donor], minutes=sections[donor].minutes - minutes)
        added = AgendaSection(new_key(title, [s.key for s in sections]), title, minutes,
                              SectionOwner.CUSTOMER, Focus.FORWARD,
                              "Added at the customer's request; they run this section.")
        sections.insert(min(2, len(sections)), added)
    agenda = replace(template, sections=tuple(sections))
    validate_agenda(agenda)
    return agenda


def _store(session: Session, review_id: int, agenda: Agenda, moment: datetime,
           notes: dict[str, str]) -> None:
    session.add(AgendaRow(review_id=review_id, template=agenda.template,
                          slot_minutes=agenda.slot_minutes, updated_at=moment))
    session.flush()
    for position, section in enumerate(agenda.sections):
        session.add(AgendaSectionRow(
            review_id=review_id, key=section.key, position=position, title=section.title,
            minutes=section.minutes, owner=section.owner.value, focus=section.focus.value,
            prompt=section.prompt, notes=notes.get(section.key, "")))


def _notes(rng: random.Random, agenda: Agenda, account: AccountRow,
           recorded: int) -> dict[str, str]:
    notes: dict[str, list[str]] = {}
    for section in agenda.sections:
        pool = NOTES[THEMES.get(section.key, "customer")]
        notes[section.key] = rng.sample(pool, rng.choice((1, 1, 2)))
    keys = [s.key for s in agenda.sections]
    special = CJK_NOTES.get(account.country or "")
    if special is None and recorded == 0:
        special = CJK_NOTE  # at least one meeting's notes are not in English alone
    if special is not None:
        notes[keys[min(1, len(keys) - 1)]].append(special)
    if recorded == 0:
        wanted = notes[keys[min(2, len(keys) - 1)]]
        if AMPERSAND_NOTE not in wanted:
            wanted.append(AMPERSAND_NOTE)
    return {key: " ".join(lines) for key, lines in notes.items()}


# The meeting -----------------------------------------------------------------------------
def _record_meeting(session: Session, rng: random.Random, review_id: int, agenda: Agenda,
                    started: datetime) -> datetime:
    """Store the finished meeting's events; returns when it finished (wall clock)."""
    sections = planned(agenda)
    count = len(sections)
    factors = [rng.uniform(0.75, 1.25) for _ in sections]
    if count > 1:
        over, under = rng.sample(range(count), 2)
        factors[over] = rng.uniform(1.25, 1.6)
        factors[under] = rng.uniform(0.45, 0.75)
    spent = [max(30.0, float(round(s.seconds * f))) for s, f in zip(sections, factors,
                                                                      strict=True)]
    pause_at = rng.randrange(count)
    extend_at = next((i for i in rng.sample(range(count), count)
                      if spent[i] > sections[i].seconds + 120), None)
    if rng.random() < 0.5:
        extend_at = None
    clock = [0.0]
    timer = MeetingTimer(sections, agenda.slot_minutes * 60.0, lambda: clock[0])
    timer.start()
    for i, section in enumerate(sections):
        if i:
            timer.go(1)
        if i == pause_at:
            before = float(round(spent[i] * rng.uniform(0.3, 0.7)))
            clock[0] += before
            timer.toggle_pause()
            clock[0] += float(rng.randint(90, 360))
            timer.toggle_pause()
            clock[0] += spent[i] - before
        elif i == extend_at:
            clock[0] += section.seconds
            timer.extend(float(rng.choice((3, 5)) * 60))
            clock[0] += spent[i] - section.seconds
        else:
            clock[0] += spent[i]
    timer.finish()
    events = [{"at": e.at, "wall": (started + timedelta(seconds=e.at)).isoformat(),
               "kind": e.kind.value, "section": e.section, "seconds": e.seconds}
              for e in timer.events]
    finished = started + timedelta(seconds=clock[0])
    session.add(MeetingRunRow(review_id=review_id, boot_id=DEMO_BOOT, events=json.dumps(events),
                              started_at=started, finished_at=finished, updated_at=finished))
    return finished


# Action items ----------------------------------------------------------------------------
def _statuses(rng: random.Random, count: int, follow_through: str) -> list[ActionStatus]:
    dropped = 1 if rng.random() < 0.4 else 0
    counted = count - dropped
    if follow_through == "strong":
        # 100 %, or one still in progress out of seven or more (at least 6/7, 86 %).
        busy = 1 if counted >= 7 else 0
        done = counted - busy
        rest = [ActionStatus.IN_PROGRESS] * busy
    elif follow_through == "steady":
        done = counted - 2
        rest = [ActionStatus.IN_PROGRESS, ActionStatus.OPEN]
    else:
        done = counted // 2
        rest = [rng.choice((ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
                for _ in range(counted - done)]
    statuses = [ActionStatus.DONE] * done + rest + [ActionStatus.DROPPED] * dropped
    rng.shuffle(statuses)
    return statuses


def _actions(session: Session, rng: random.Random, account: AccountRow, review: ReviewRow,
             agenda: Agenda, finished: datetime, today: date, follow_through: str) -> None:
    attended = list(session.scalars(
        select(ContactRow.name).join(AttendanceRow, AttendanceRow.contact_id == ContactRow.id)
        .where(AttendanceRow.review_id == review.id, AttendanceRow.attended.is_(True))
        .order_by(ContactRow.id)))
    theirs = attended or list(session.scalars(
        select(ContactRow.name).where(ContactRow.account_id == account.id,
                                      ContactRow.departed.is_(False)).order_by(ContactRow.id)))
    ours = [account.csm_owner or rng.choice(ACCOUNT_EXECUTIVES)] * 3 + [
        rng.choice(ACCOUNT_EXECUTIVES), rng.choice(OUR_EXECUTIVES)]
    count = rng.randint(5, 8)
    their_count = rng.randint(2, count - 2)
    items = [(text, ActionSide.OURS) for text in rng.sample(OUR_ACTIONS, count - their_count)]
    items += [(text, ActionSide.THEIRS) for text in rng.sample(THEIR_ACTIONS, their_count)]
    rng.shuffle(items)
    forward = [s.title for s in agenda.sections if s.focus is Focus.FORWARD]
    titles = forward or [s.title for s in agenda.sections]
    meeting_day = finished.date()
    for (text, side), status in zip(items, _statuses(rng, count, follow_through), strict=True):
        open_ = status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
        if open_ and rng.random() < 0.5:
            due: date | None = max(meeting_day + timedelta(days=5),
                                   today - timedelta(days=rng.randint(3, 25)))  # overdue
        elif open_:
            due = today + timedelta(days=rng.randint(1, 12))  # due soon
        else:
            due = meeting_day + timedelta(days=rng.randint(7, 45))
        if side is ActionSide.THEIRS and status is ActionStatus.DROPPED and rng.random() < 0.5:
            due = None
        owner = rng.choice(ours) if side is ActionSide.OURS else (
            rng.choice(theirs) if theirs else "")
        changed = finished if status is ActionStatus.OPEN else datetime.combine(
            min(today, due or today), time(16), tzinfo=UTC)
        session.add(ActionItemRow(
            account_id=account.id, review_id=review.id, section=rng.choice(titles),
            text=text, side=side.value, owner=owner, due=due, status=status.value,
            created_at=finished, updated_at=max(changed, finished)))
