"""Turning stored rows into the programme's facts: one HeldReview per held meeting, and
each account's review rhythm for cadence compliance.

What is computed here, from data other features already store:

- attendance: domain/attendance.py over the review's attendance rows;
- action completion: the review's action items (review_health.action_tally);
- time against plan: the meeting timer's events replayed to their end, against the
  agenda's booked slot;
- preparation 3+ days ahead and the champion call: the review's preparation tasks;
- expansion opportunities: opportunities logged in the register from the meeting's day
  to a week after it;
- new stakeholders: people attending for the first time; an account's first review with
  attendance recorded has everyone new, so it counts neither way;
- health before and 30 days after: the health score (quarterly) of the last quarter before
  the meeting, and of the quarter holding the day 30 days after it, once that day has
  passed and that quarter is scored;
- value shown: an ROI model with value stored for the meeting's quarter.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from qbr_desktop.domain.actions import ActionItem, ActionSide, ActionStatus
from qbr_desktop.domain.attendance import AttendanceIndicator, Signal, executive_attendance
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.health import HealthWeights, health_history
from qbr_desktop.domain.meeting_time import meeting_day
from qbr_desktop.domain.meeting_timer import EventKind, TimerEvent, replay
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.playbooks import Phase
from qbr_desktop.domain.programme.cadence_compliance import AccountRhythm
from qbr_desktop.domain.programme.evidence import EARLY_DAYS, HeldReview, PrepEvidence
from qbr_desktop.domain.programme.review_health import ReviewRecord, action_tally
from qbr_desktop.domain.roi_document import model_from_dict
from qbr_desktop.domain.roi_scenarios import evaluate
from qbr_desktop.domain.stakeholders import Attendance, DecisionRole, Stakeholder
from qbr_desktop.domain.tiers import TierScheme, effective_tier
from qbr_desktop.services.insights import history_from_rows
from qbr_desktop.services.rows import as_utc
from qbr_desktop.store.insight_repositories import PortfolioMetricsRepository
from qbr_desktop.store.models import (
    ActionItemRow,
    ContactRow,
    PrepTaskRow,
    ReviewOutcomeRow,
    ReviewRow,
)
from qbr_desktop.store.programme_repository import ProgrammeRepository

# The playbooks' pre-call with the champion (strategic and growth) and its short form (core).
CHAMPION_TASKS = frozenset({"champion-pre-call", "champion-check-in"})
OPPORTUNITY_WINDOW_DAYS = 7
HEALTH_AFTER_DAYS = 30


@dataclass(frozen=True, slots=True)
class Evidence:
    reviews: tuple[HeldReview, ...]  # oldest first
    rhythms: tuple[AccountRhythm, ...]
    tiers: tuple[str, ...]  # the tier scheme's, highest first


def gather(session: Session, *, before: datetime, today: date, scheme: TierScheme,
           weights: HealthWeights, owner: str | None = None,
           account_id: int | None = None, review_ids: Sequence[int] = ()) -> Evidence:
    """The held reviews before `before` (with `review_ids`, those reviews too whatever
    their status: a past review the CSM records a card for before marking it held)."""
    repo = ProgrammeRepository(session)
    pairs = repo.held_reviews(before, owner, account_id, also=review_ids)
    accounts = ({a.id: a for a in repo.accounts(owner)} if account_id is None
                else {a.id: a for _, a in pairs})
    for _, account in pairs:
        accounts.setdefault(account.id, account)
    tiers = {a.id: effective_tier(a.arr, a.tier_override, scheme) for a in accounts.values()}
    days = {review.id: meeting_day(as_utc(review.scheduled_at), review.time_zone)
            for review, _ in pairs}
    facts = _Facts(repo, [review for review, _ in pairs], list(accounts), today, weights)
    reviews = []
    for review, account in pairs:
        held_on = days[review.id]
        reviews.append(HeldReview(
            review_id=review.id, account_id=account.id, account_name=account.name,
            owner=account.csm_owner, tier=tiers[account.id], held_on=held_on,
            attendance=facts.attendance(review), record=facts.record(review.id),
            actions=action_tally(facts.actions[review.id], held_on, today),
            customer_actions=sum(item.side is ActionSide.THEIRS
                                 and item.status is not ActionStatus.DROPPED
                                 for item in facts.actions[review.id]),
            slot_minutes=facts.slots.get(review.id), seconds_run=facts.runs.get(review.id),
            prep=facts.prep(review.id, held_on),
            champion_aligned=facts.champion(review),
            opportunities=facts.opportunities(account.id, held_on),
            new_people=facts.new_people.get(review.id),
            health_before=facts.health(account.id, Quarter.containing(held_on).shifted(-1)),
            health_after=facts.health_after(account.id, held_on),
            health_shown=facts.health(account.id, Quarter.containing(held_on).shifted(-1))
            is not None,
            value_shown=facts.value_shown(account.id, Quarter.containing(held_on))))
    held_days: dict[int, list[date]] = defaultdict(list)
    for review, account in pairs:
        if review.status == "held":
            held_days[account.id].append(days[review.id])
    rhythms = tuple(AccountRhythm(a.id, a.name, tiers[a.id], tuple(sorted(held_days[a.id])),
                                  a.customer_since) for a in accounts.values())
    return Evidence(tuple(reviews), rhythms, scheme.tiers)


class _Facts:
    """The rows of every review at once, indexed for the loop above."""

    def __init__(self, repo: ProgrammeRepository, held: list[ReviewRow],
                 account_ids: list[int], today: date, weights: HealthWeights) -> None:
        self.today = today
        review_ids = [review.id for review in held]
        people = repo.contacts(account_ids)
        self.team: dict[int, list[Stakeholder]] = defaultdict(list)
        for person in people:
            self.team[person.account_id].append(_stakeholder(person))
        self.entries: dict[int, list[Attendance]] = defaultdict(list)
        for entry in repo.attendance(review_ids):
            self.entries[entry.review_id].append(
                Attendance(entry.contact_id, entry.invited, entry.confirmed, entry.attended))
        names = {row.id: row.name for row in people}
        self.new_people = _first_seen(held, self.entries, names)
        self.actions: dict[int, list[ActionItem]] = defaultdict(list)
        for item in repo.actions(review_ids):
            if item.review_id is not None:
                self.actions[item.review_id].append(_action(item))
        self.slots: dict[int, int] = {}
        self.runs: dict[int, float] = {}
        for review_id, events, slot in repo.finished_runs(review_ids):
            self.slots[review_id] = slot
            if (seconds := _seconds_run(events, slot)) is not None:
                self.runs[review_id] = seconds
        self.tasks: dict[int, list[PrepTaskRow]] = defaultdict(list)
        for task in repo.prep_tasks(review_ids):
            self.tasks[task.review_id].append(task)
        self.logged: dict[int, list[date]] = defaultdict(list)
        for account_id, created in repo.opportunities(account_ids):
            self.logged[account_id].append(as_utc(created).date())
        self.scores: dict[int, dict[Quarter, float]] = {}
        rows = PortfolioMetricsRepository(repo.session).recent_by_account(10_000, account_ids)
        for account_id, metric_rows in rows.items():
            self.scores[account_id] = {
                score.quarter: score.total for score in health_history(
                    history_from_rows(metric_rows), weights) if score.total is not None}
        self.valued: set[tuple[int, str]] = set()
        for account_id, quarter, document in repo.roi_documents(account_ids):
            if _claims_value(document):
                self.valued.add((account_id, quarter))
        self.outcomes: dict[int, ReviewOutcomeRow] = repo.outcomes(review_ids)

    def attendance(self, review: ReviewRow) -> AttendanceIndicator:
        return executive_attendance(self.team[review.account_id], self.entries[review.id],
                                    held=True)

    def record(self, review_id: int) -> ReviewRecord:
        row = self.outcomes.get(review_id)
        return record_of(row) if row is not None else ReviewRecord()

    def prep(self, review_id: int, held_on: date) -> PrepEvidence | None:
        tasks = [t for t in self.tasks[review_id] if t.phase != Phase.FOLLOW_UP.value]
        if not tasks:
            return None
        by = held_on - timedelta(days=EARLY_DAYS)
        early = [t for t in tasks if t.due_date <= by]
        done = [t for t in early if t.done_at is not None and as_utc(t.done_at).date() <= by]
        return PrepEvidence(len(early), len(done))

    def champion(self, review: ReviewRow) -> bool | None:
        calls = [t for t in self.tasks[review.id] if t.key in CHAMPION_TASKS]
        if not calls:
            return None
        start = as_utc(review.scheduled_at)
        return any(t.done_at is not None and as_utc(t.done_at) <= start for t in calls)

    def opportunities(self, account_id: int, held_on: date) -> int:
        last = held_on + timedelta(days=OPPORTUNITY_WINDOW_DAYS)
        return sum(held_on <= day <= last for day in self.logged[account_id])

    def health(self, account_id: int, quarter: Quarter) -> float | None:
        return self.scores.get(account_id, {}).get(quarter)

    def health_after(self, account_id: int, held_on: date) -> float | None:
        later = held_on + timedelta(days=HEALTH_AFTER_DAYS)
        if later > self.today:
            return None
        return self.health(account_id, Quarter.containing(later))

    def value_shown(self, account_id: int, quarter: Quarter) -> bool:
        return (account_id, str(quarter)) in self.valued


def record_of(row: ReviewOutcomeRow) -> ReviewRecord:
    return ReviewRecord(
        preparation=_signal(row.preparation), engagement=_signal(row.engagement),
        follow_up=_signal(row.follow_up), answered_on=row.answered_on,
        survey_score=row.survey_score, recorded_by=row.recorded_by,
        recorded_at=as_utc(row.recorded_at) if row.recorded_at else None,
        version=row.version or 0)


def _signal(value: str | None) -> Signal | None:
    try:
        return Signal(value) if value else None
    except ValueError:  # written by a newer version: shown as not recorded
        return None


def _stakeholder(row: ContactRow) -> Stakeholder:
    try:
        level = ContactLevel(row.level)
    except ValueError:
        level = ContactLevel.USER
    try:
        role = DecisionRole(row.role)
    except ValueError:
        role = DecisionRole.USER
    return Stakeholder(row.id, row.name, row.title or "", level, role)


def _action(row: ActionItemRow) -> ActionItem:
    try:
        side, status = ActionSide(row.side), ActionStatus(row.status)
    except ValueError:
        side, status = ActionSide.OURS, ActionStatus.OPEN
    return ActionItem(row.id, row.text, side, row.owner, row.due, status, row.review_id)


def _first_seen(held: Iterable[ReviewRow], entries: dict[int, list[Attendance]],
                names: dict[int, str]) -> dict[int, tuple[str, ...] | None]:
    """Review id -> the people attending their account's reviews for the first time;
    None for the first review with attendance recorded (everyone is new there)."""
    reviews = sorted(held, key=lambda r: (as_utc(r.scheduled_at), r.id))
    seen: dict[int, set[int]] = {}
    result: dict[int, tuple[str, ...] | None] = {}
    for review in reviews:
        came = [e.person_id for e in entries.get(review.id, []) if e.attended]
        if not came:
            continue  # nothing recorded: unknown, and nobody is "seen" by it
        before = seen.get(review.account_id)
        result[review.id] = (None if before is None else tuple(
            names.get(person, "") for person in came if person not in before))
        seen.setdefault(review.account_id, set()).update(came)
    return result


def _seconds_run(document: str, slot_minutes: int) -> float | None:
    try:
        raw = json.loads(document)
        events = [TimerEvent(float(e["at"]), EventKind(e["kind"]), e.get("section"),
                             float(e.get("seconds", 0.0))) for e in raw]
    except (ValueError, KeyError, TypeError):
        return None
    if not any(e.kind is EventKind.FINISH for e in events):
        return None
    end = max(e.at for e in events)
    return replay((), slot_minutes * 60.0, events, end).meeting_elapsed


def _claims_value(document: str) -> bool:
    try:
        return evaluate(model_from_dict(json.loads(document))).total_value > 0
    except (DomainError, ValueError, TypeError, KeyError, ArithmeticError):
        return False
