"""The demo portfolio's QBR programme: five quarters of held reviews behind every figure.

The rest of the demo holds one held review per account. This step adds the earlier ones,
at each tier's rhythm with a few missed (so cadence compliance is not perfect), each with
its attendance, its timed meeting, its action items and its preparation plan (ticked
ahead of time, or late for some accounts); it records a review card for most held reviews
(the customer's preparation and engagement, the follow-up answer, the survey score), logs
expansion opportunities in the week after some, and hands a few decks to the manager.
Everything comes from one seeded generator: the same seed gives the same programme.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.agenda import template_for_tier
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.deck_review import DeckState
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.playbooks import Phase
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.services.demo_agendas import _actions, _record_meeting, _store
from qbr_desktop.services.plans import PlanService
from qbr_desktop.services.programme_evidence import CHAMPION_TASKS
from qbr_desktop.services.rows import as_utc
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import (
    AccountRow,
    AttendanceRow,
    ContactRow,
    PrepTaskRow,
    ReviewOutcomeRow,
    ReviewRow,
    RiskItemRow,
)

SEED_OFFSET = 29
HISTORY_DAYS = 470  # five quarters and a little: the trend's oldest quarter is full
# Days between reviews by tier (the demo's rhythm; a Growth account meets each quarter or
# every half year, a Core one every half year or year).
RHYTHMS = {"Strategic": (91,), "Growth": (91, 182), "Core": (182, 365)}
MISSED_SHARE = 0.12
OPPORTUNITY_SHARE = 0.35
CARD_SHARE = 0.85
MANAGER = "Morgan Lee"
CHANGES_ASKED = "Lead with the renewal risk, and show the adoption trend per team"
OPPORTUNITIES = ("A second region wants the rollout", "Analytics add-on for the ops team",
                 "More seats for the new hires", "A sister company is evaluating us",
                 "Premium support before peak season")
# How accounts run their reviews: (executives present, prepared ahead, engaged, surveyed 8+)
PROFILES = {"exemplary": (0.9, 0.95, 0.8, 0.85), "solid": (0.75, 0.8, 0.6, 0.7),
            "struggling": (0.45, 0.5, 0.3, 0.4)}
PROFILE_CYCLE = ("solid", "exemplary", "solid", "struggling", "exemplary", "solid")


@dataclass(frozen=True, slots=True)
class ProgrammeSummary:
    reviews: int  # held reviews added
    opportunities: int


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def add_demo_programme(sessions: sessionmaker[Session], today: date, seed: int
                       ) -> ProgrammeSummary:
    rng = random.Random(seed + SEED_OFFSET)
    now = datetime.combine(today, time(9), tzinfo=UTC)
    added: list[int] = []
    with session_scope(sessions) as session:
        scheme = read_tier_scheme(session)
        accounts = list(session.scalars(select(AccountRow).order_by(AccountRow.id)))
        for index, account in enumerate(accounts):
            tier = effective_tier(account.arr, account.tier_override, scheme)
            held = [r for r in session.scalars(
                select(ReviewRow).where(ReviewRow.account_id == account.id,
                                        ReviewRow.status == ReviewStatus.HELD.value)
                .order_by(ReviewRow.scheduled_at))]
            if not held:
                continue
            name = PROFILE_CYCLE[index % len(PROFILE_CYCLE)]
            profile = PROFILES[name]
            regulars = _regulars(session, rng, account)
            earlier = _history(session, rng, account, held[0], tier, today)
            later = _this_quarter(session, rng, account, held[-1], today, now)
            for review in [*earlier, *later]:
                _attendance(session, rng, account, review, profile[0], regulars)
                agenda = template_for_tier(tier)
                started = as_utc(review.scheduled_at)
                _store(session, review.id, agenda, started, {})
                finished = _record_meeting(session, rng, review.id, agenda, started)
                # Older commitments are mostly done by now; a struggling account's less so.
                _actions(session, rng, account, review, agenda, finished, today,
                         "steady" if name == "struggling" or review in later else "strong")
                added.append(review.id)
        session.flush()
    every_held = _held_ids(sessions, now)
    plans = PlanService(sessions, clock=lambda: now)
    plans.plan_reviews(every_held)
    opportunities = _after_the_meetings(sessions, rng, every_held, today)
    _deck_reviews(sessions, rng, now)
    return ProgrammeSummary(len(added), opportunities)


def _history(session: Session, rng: random.Random, account: AccountRow, first: ReviewRow,
             tier: str, today: date) -> list[ReviewRow]:
    """Earlier held reviews of the account, back to HISTORY_DAYS ago, oldest first."""
    interval = rng.choice(RHYTHMS.get(tier, (182,)))
    start = as_utc(first.scheduled_at)
    rows = []
    back = 1
    while True:
        moment = start - timedelta(days=interval * back + rng.randint(-8, 8))
        if moment.date() < today - timedelta(days=HISTORY_DAYS):
            break
        back += 1
        if rng.random() < MISSED_SHARE:
            continue  # a review the rhythm called for that did not happen
        day = _weekday(moment.date())
        rows.append(ReviewRow(account_id=account.id,
                              scheduled_at=datetime.combine(day, moment.time(), tzinfo=UTC),
                              time_zone=first.time_zone, format=first.format, kind=first.kind,
                              status=ReviewStatus.HELD.value, created_at=moment,
                              updated_at=moment))
    rows.reverse()
    session.add_all(rows)
    session.flush()
    return rows


def _this_quarter(session: Session, rng: random.Random, account: AccountRow,
                  latest: ReviewRow, today: date, now: datetime) -> list[ReviewRow]:
    """A review held earlier this quarter, for an account whose next one is still far off
    (or not planned) and whose latest was before the quarter began."""
    start = Quarter.containing(today).first_day
    last_day = today - timedelta(days=5)
    if (last_day - start).days < 10 or as_utc(latest.scheduled_at).date() >= start:
        return []
    upcoming = session.scalar(select(ReviewRow.scheduled_at).where(
        ReviewRow.account_id == account.id, ReviewRow.status == ReviewStatus.PLANNED.value,
        ReviewRow.scheduled_at >= now).order_by(ReviewRow.scheduled_at).limit(1))
    if upcoming is not None and as_utc(upcoming) < now + timedelta(days=45):
        return []
    day = _weekday(start + timedelta(days=rng.randint(3, (last_day - start).days)))
    if day > last_day:
        return []
    moment = datetime.combine(day, as_utc(latest.scheduled_at).time(), tzinfo=UTC)
    row = ReviewRow(account_id=account.id, scheduled_at=moment, time_zone=latest.time_zone,
                    format=latest.format, kind=latest.kind, status=ReviewStatus.HELD.value,
                    created_at=moment, updated_at=moment)
    session.add(row)
    session.flush()
    return [row]


def _regulars(session: Session, rng: random.Random, account: AccountRow) -> list[ContactRow]:
    """The two or three people who come to most of the account's reviews."""
    people = list(session.scalars(select(ContactRow).where(
        ContactRow.account_id == account.id, ContactRow.departed.is_(False),
        ContactRow.level.in_(("Director", "Manager"))).order_by(ContactRow.id)))
    return rng.sample(people, min(len(people), rng.randint(2, 3)))


def _attendance(session: Session, rng: random.Random, account: AccountRow, review: ReviewRow,
                executives_come: float, regulars: list[ContactRow]) -> None:
    people = list(session.scalars(select(ContactRow).where(
        ContactRow.account_id == account.id, ContactRow.departed.is_(False))
        .order_by(ContactRow.id)))
    executive = [p for p in people if p.level in ("C-suite", "VP")
                 or p.role in ("executive sponsor", "economic buyer")]
    others = [p for p in people if p not in executive and p not in regulars]
    came = [p for p in regulars if rng.random() < 0.9] or regulars[:1]
    if others and rng.random() < 0.2:  # now and then someone new joins
        came.append(rng.choice(others))
    if executive and rng.random() < executives_come:
        came.append(executive[0] if rng.random() < 0.8 else rng.choice(executive))
    invited = {p.id for p in came} | {p.id for p in executive[:1]}
    for person in people:
        if person.id in invited:
            attended = person in came
            session.add(AttendanceRow(review_id=review.id, contact_id=person.id, invited=True,
                                      confirmed=attended, attended=attended))


def _held_ids(sessions: sessionmaker[Session], now: datetime) -> list[int]:
    with session_scope(sessions) as session:
        return list(session.scalars(select(ReviewRow.id).where(
            ReviewRow.status == ReviewStatus.HELD.value, ReviewRow.scheduled_at < now)
            .order_by(ReviewRow.scheduled_at, ReviewRow.id)))


def _after_the_meetings(sessions: sessionmaker[Session], rng: random.Random,
                        review_ids: list[int], today: date) -> int:
    """Ticked preparation, review cards and opportunities for every held review."""
    logged = 0
    with session_scope(sessions) as session:
        tasks: dict[int, list[PrepTaskRow]] = defaultdict(list)
        for task in session.scalars(select(PrepTaskRow).where(
                PrepTaskRow.review_id.in_(review_ids)).order_by(PrepTaskRow.position)):
            tasks[task.review_id].append(task)
        accounts = {a.id: a for a in session.scalars(select(AccountRow))}
        order = {a: i for i, a in enumerate(sorted(accounts))}
        for review in session.scalars(select(ReviewRow).where(ReviewRow.id.in_(review_ids))
                                      .order_by(ReviewRow.scheduled_at, ReviewRow.id)):
            account = accounts[review.account_id]
            profile = PROFILES[PROFILE_CYCLE[order[account.id] % len(PROFILE_CYCLE)]]
            meeting = as_utc(review.scheduled_at)
            day = meeting.date()
            _tick(rng, tasks[review.id], meeting, today, early=rng.random() < profile[1])
            if rng.random() < CARD_SHARE:
                session.add(_card(rng, review.id, day, today, profile, account.csm_owner))
            if rng.random() < OPPORTUNITY_SHARE:
                when = datetime.combine(day + timedelta(days=rng.randint(0, 5)), time(15),
                                        tzinfo=UTC)
                session.add(RiskItemRow(
                    account_id=account.id, kind="opportunity",
                    title=rng.choice(OPPORTUNITIES), detail="Came up in the QBR.",
                    likelihood=rng.randint(2, 5), impact=rng.randint(3, 5),
                    status="open",
                    origin="manual", created_at=when, updated_at=when))
                logged += 1
    return logged


def _tick(rng: random.Random, tasks: list[PrepTaskRow], meeting: datetime, today: date,
          *, early: bool) -> None:
    for task in tasks:
        if task.key in CHAMPION_TASKS and not early and rng.random() < 0.5:
            continue  # the champion call never happened
        if task.phase == Phase.FOLLOW_UP.value:
            done = task.due_date + timedelta(days=rng.randint(0, 4))
            if done <= today:
                task.done_at = datetime.combine(done, time(16), tzinfo=UTC)
            continue
        if early or rng.random() < 0.7:
            done_day = task.due_date - timedelta(days=rng.randint(0, 1))
        else:  # a late start: the work piles up in the last days
            done_day = meeting.date() - timedelta(days=rng.randint(0, 2))
        moment = datetime.combine(min(done_day, meeting.date()), time(11), tzinfo=UTC)
        task.done_at = min(moment, meeting - timedelta(hours=1))


def _card(rng: random.Random, review_id: int, day: date, today: date,
          profile: tuple[float, float, float, float], owner: str) -> ReviewOutcomeRow:
    def light(good: float) -> str:
        roll = rng.random()
        return "green" if roll < good else "yellow" if roll < good + (1 - good) * 0.7 else "red"

    answer = rng.random()
    answered = (day + timedelta(days=rng.randint(0, 1)) if answer < 0.55
                else day + timedelta(days=rng.randint(2, 7)) if answer < 0.85 else None)
    if answered is not None and answered > today:
        answered = None
    score = (rng.randint(8, 10) if rng.random() < profile[3] else rng.randint(4, 7))
    surveyed = rng.random() < 0.8
    recorded = datetime.combine(min(day + timedelta(days=rng.randint(1, 3)), today), time(17),
                                tzinfo=UTC)
    return ReviewOutcomeRow(review_id=review_id, preparation=light(profile[2]),
                            engagement=light(profile[2]), answered_on=answered,
                            survey_score=score if surveyed else None,
                            recorded_by=owner, recorded_at=recorded)


def _deck_reviews(sessions: sessionmaker[Session], rng: random.Random, now: datetime) -> None:
    """Decks of the next planned reviews on their way to the manager: some waiting for
    review (handed to no one in particular, so the queue holds them on first launch), some
    approved, one sent back with the manager's reason."""
    from qbr_desktop.services.deck_reviews import DeckReviewService
    from qbr_desktop.services.identity import Identity

    with session_scope(sessions) as session:
        ahead = list(session.execute(
            select(ReviewRow.account_id, AccountRow.csm_owner).join(AccountRow)
            .where(ReviewRow.status == ReviewStatus.PLANNED.value,
                   ReviewRow.scheduled_at >= now)
            .order_by(ReviewRow.scheduled_at, ReviewRow.id)).all())
    moment = [now]

    def acting(name: str) -> DeckReviewService:
        return DeckReviewService(sessions, clock=lambda: moment[0],
                                 identity=lambda: Identity(name))

    manager = acting(MANAGER)
    for number, (account_id, owner) in enumerate(ahead[:6]):
        # Just after the deck plans' last save (at `now`), so none says "changed since".
        moment[0] = now + timedelta(minutes=rng.randint(1, 20))
        acting(owner or MANAGER).mark_deck(account_id, DeckState.READY, reviewer=None)
        if number % 2:
            moment[0] += timedelta(minutes=rng.randint(2, 20))
            manager.mark_deck(account_id, DeckState.APPROVED)
        elif number == 4:
            moment[0] += timedelta(minutes=rng.randint(2, 20))
            manager.mark_deck(account_id, DeckState.CHANGES, reason=CHANGES_ASKED)
