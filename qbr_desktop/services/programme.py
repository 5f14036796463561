"""Programme use-cases: the review card after a meeting, and the programme's figures across
the portfolio (or one CSM's accounts). A deck's way to the CS manager is
services/deck_reviews.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.health import HealthWeights
from qbr_desktop.domain.meeting_time import meeting_day
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.cadence_compliance import (
    TierCompliance,
    compliance,
    overall_rate,
)
from qbr_desktop.domain.programme.evidence import HeldReview
from qbr_desktop.domain.programme.maturity import Maturity, maturity
from qbr_desktop.domain.programme.metrics import QuarterFigures, in_quarter, trend
from qbr_desktop.domain.programme.review_health import (
    Reading,
    ReviewRecord,
    apply_setting,
    review_health,
    validate_record,
)
from qbr_desktop.i18n import N_, Message, msg
from qbr_desktop.services.edit_checks import shown_time
from qbr_desktop.services.insights import InsightService
from qbr_desktop.services.programme_evidence import gather, record_of
from qbr_desktop.services.rows import account_row, as_utc, review_row
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import EditConflictError
from qbr_desktop.store.programme_repository import ProgrammeRepository

Clock = Callable[[], datetime]
MATURITY_QUARTERS = 4  # a year of reviews: the quarter shown and the three before


class ProgrammeError(DomainError):
    """A programme change that cannot be made."""


def user_name() -> str:
    """Who is at the keyboard, for "recorded by": the name they gave (`qbr whoami` or the
    first run), else their login name."""
    from qbr_desktop.services.identity import current_identity

    return current_identity().label


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ReviewCard:
    review: HeldReview
    readings: tuple[Reading, ...]
    status: ReviewStatus


@dataclass(frozen=True, slots=True)
class ProgrammeReport:
    quarter: Quarter
    owner: str | None
    today: date
    trend: tuple[QuarterFigures, ...]  # the quarter first, then the four before it
    reviews: Mapping[int, HeldReview]  # every review behind a figure, by id
    cadence: tuple[TierCompliance, ...]
    cadence_rate: Decimal | None
    maturity: Maturity
    maturity_reviews: int
    account_names: Mapping[int, str]
    owners: tuple[str, ...]

    @property
    def current(self) -> QuarterFigures:
        return self.trend[0]


class ProgrammeService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _now) -> None:
        self._sessions = sessions
        self._clock = clock

    def today(self) -> date:
        return self._clock().astimezone().date()

    def _weights(self) -> HealthWeights:
        return InsightService(self._sessions).weights()

    # The review card ---------------------------------------------------------------------
    def latest_review(self, account_id: int) -> int:
        """The review a card is about by default: the account's latest that has begun."""
        with session_scope(self._sessions, reading=True) as session:
            account_row(session, account_id)
            found = ProgrammeRepository(session).latest_past_review(account_id, self._clock())
        if found is None:
            raise ProgrammeError("This account has had no QBR yet: the review card is for "
                                 "after the meeting")
        return found

    def card_review_for(self, account_id: int, review_id: int | None) -> int | None:
        """The review whose card the Meeting tab shows: the one picked once it has begun,
        else the account's latest that has (None: no QBR has taken place yet)."""
        with session_scope(self._sessions, reading=True) as session:
            account_row(session, account_id)
            now = self._clock()
            if review_id is not None:
                review = review_row(session, review_id)
                if as_utc(review.scheduled_at) <= now and review.status != "cancelled":
                    return review_id
            return ProgrammeRepository(session).latest_past_review(account_id, now)

    def card(self, review_id: int) -> ReviewCard:
        """A review's card: its five indicators and the figures it adds to the programme."""
        weights, now, today = self._weights(), self._clock(), self.today()
        with session_scope(self._sessions, reading=True) as session:
            review = review_row(session, review_id)
            status = ReviewStatus(review.status)
            self._check_card(review.scheduled_at, status, now)
            evidence = gather(session, before=now, today=today,
                              scheme=read_tier_scheme(session), weights=weights,
                              account_id=review.account_id, review_ids=[review_id])
        held = next(r for r in evidence.reviews if r.review_id == review_id)
        readings = review_health(held.attendance, held.record, held.actions, held.held_on,
                                 today)
        return ReviewCard(held, readings, status)

    @staticmethod
    def _check_card(scheduled_at: datetime, status: ReviewStatus, now: datetime) -> None:
        if status is ReviewStatus.CANCELLED:
            raise ProgrammeError("This QBR was cancelled: it has no review card")
        if as_utc(scheduled_at) > now:
            raise ProgrammeError("This QBR has not taken place yet: its review card opens "
                                 "once the meeting has started")

    def record(self, review_id: int, record: ReviewRecord, by: str | None = None, *,
               seen: ReviewRecord | None = None) -> ReviewCard:
        """Store what the CSM says about a held review, with who and when. A past review
        still marked planned is marked held: a card says the meeting took place.

        With `seen` (the card as shown), a field someone else recorded since is kept when
        this change leaves it alone, and refused with EditConflictError naming it, who and
        when when this change sets it too. Without it: "keep mine".
        """
        now = self._clock()
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            self._check_card(review.scheduled_at, ReviewStatus(review.status), now)
            stored = ProgrammeRepository(session).outcome(review_id)
            if seen is not None and stored is not None and stored.version != seen.version:
                record = _settle(record, seen, record_of(stored))
            held_on = meeting_day(as_utc(review.scheduled_at), review.time_zone)
            record = replace(record, recorded_by=(user_name() if by is None else by).strip(),
                             recorded_at=now)
            validate_record(record, held_on, self.today())
            ProgrammeRepository(session).save_outcome(review_id, {
                "preparation": _value(record.preparation),
                "engagement": _value(record.engagement),
                "follow_up": _value(record.follow_up), "answered_on": record.answered_on,
                "survey_score": record.survey_score, "recorded_by": record.recorded_by,
                "recorded_at": now})
            if review.status == ReviewStatus.PLANNED.value:
                review.status = ReviewStatus.HELD.value
                review.updated_at = now
        return self.card(review_id)

    def stored_record(self, review_id: int) -> ReviewRecord:
        with session_scope(self._sessions, reading=True) as session:
            review_row(session, review_id)
            row = ProgrammeRepository(session).outcome(review_id)
            return record_of(row) if row is not None else ReviewRecord()

    def apply(self, review_id: int, settings: Mapping[str, str], by: str | None = None
              ) -> ReviewCard:
        """`qbr review --set name=value …`: every change applied, then stored at once."""
        record = self.stored_record(review_id)
        for name, value in settings.items():
            record = apply_setting(record, name, value, self.today())
        return self.record(review_id, record, by)

    def answered(self, review_id: int, day: date | None, by: str | None = None) -> ReviewCard:
        """Tick (or untick, with None) the customer's answer to the follow-up."""
        record = replace(self.stored_record(review_id), answered_on=day, follow_up=None)
        return self.record(review_id, record, by)

    # The programme -----------------------------------------------------------------------
    def report(self, quarter: Quarter | None = None, owner: str | None = None
               ) -> ProgrammeReport:
        weights, now, today = self._weights(), self._clock(), self.today()
        quarter = quarter or Quarter.containing(today)
        with session_scope(self._sessions, reading=True) as session:
            scheme = read_tier_scheme(session)
            evidence = gather(session, before=now, today=today, scheme=scheme,
                              weights=weights, owner=owner or None)
            owners = tuple(ProgrammeRepository(session).owners())
        shown = trend(evidence.reviews, quarter)
        year = [r for back in range(MATURITY_QUARTERS)
                for r in in_quarter(evidence.reviews, quarter.shifted(-back))]
        lines = compliance(evidence.rhythms, quarter, evidence.tiers)
        behind = {r.review_id: r for q in shown for r in q.reviews}
        return ProgrammeReport(
            quarter, owner or None, today, shown, behind, lines, overall_rate(lines),
            maturity(year), len(year), {r.account_id: r.name for r in evidence.rhythms},
            owners)


_CARD_FIELDS = {"preparation": N_("customer preparation"), "engagement": N_("engagement"),
                "follow_up": N_("follow-up response"), "answered_on": N_("follow-up answer"),
                "survey_score": N_("post-QBR survey score")}


def _settle(mine: ReviewRecord, seen: ReviewRecord, stored: ReviewRecord) -> ReviewRecord:
    """`mine` over a card someone else saved since `seen`: their fields stay where mine
    are unchanged; a field both changed, differently, is refused."""
    kept: dict[str, object] = {}
    for name, words in _CARD_FIELDS.items():
        wanted, before, theirs = (getattr(mine, name), getattr(seen, name),
                                  getattr(stored, name))
        if theirs in (before, wanted):
            continue
        if wanted == before:
            kept[name] = theirs
            continue
        when = stored.recorded_at
        raise EditConflictError(
            msg("{field} on the review card", field=Message(words)), stored.recorded_by or "",
            shown_time(when) if when else msg("an earlier time"), stored)
    return replace(mine, **kept) if kept else mine  # type: ignore[arg-type]


def _value(signal: object) -> str | None:
    return None if signal is None else str(getattr(signal, "value", signal))
