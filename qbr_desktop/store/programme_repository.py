"""Queries of the QBR programme: held reviews with everything their figures are read from,
the review cards, and decks on their way to the CS manager.

Portable SQLAlchemy only (no dialect text), and every IN list goes in chunks below
SQLite's limit of bound parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Executable, or_, select
from sqlalchemy.orm import Session

from qbr_desktop.store.models import (
    AccountRow,
    ActionItemRow,
    AgendaRow,
    AttendanceRow,
    ContactRow,
    CsmRow,
    DeckPlanRow,
    DeckReviewRow,
    MeetingRunRow,
    PrepTaskRow,
    ReviewOutcomeRow,
    ReviewRow,
    RiskItemRow,
    RoiModelRow,
)

CHUNK = 900
HELD = "held"


def _chunked(ids: Iterable[int], query: Callable[[list[int]], Executable],
             session: Session) -> list[Any]:
    wanted = sorted(set(ids))
    found: list[Any] = []
    for start in range(0, len(wanted), CHUNK):
        found.extend(session.execute(query(wanted[start:start + CHUNK])).all())
    return found


Row = TypeVar("Row", ReviewOutcomeRow, DeckReviewRow)

class ProgrammeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # Held reviews and what they are judged by ----------------------------------------------
    def held_reviews(self, before: datetime, owner: str | None = None,
                     account_id: int | None = None, also: Sequence[int] = ()
                     ) -> list[tuple[ReviewRow, AccountRow]]:
        """Every review recorded as held that started before `before`, oldest first, and
        the reviews `also` names whatever their status; with `owner`, only those of the
        accounts that CSM owns, with `account_id` only that account's."""
        chosen = ReviewRow.status == HELD
        if also:
            chosen = or_(chosen, ReviewRow.id.in_(list(also)))
        query = (select(ReviewRow, AccountRow).join(AccountRow)
                 .where(chosen, ReviewRow.scheduled_at < before)
                 .order_by(ReviewRow.scheduled_at, ReviewRow.id))
        if owner is not None:
            query = query.where(AccountRow.csm_owner == owner)
        if account_id is not None:
            query = query.where(ReviewRow.account_id == account_id)
        return [(review, account) for review, account in self.session.execute(query).all()]

    def latest_past_review(self, account_id: int, before: datetime) -> int | None:
        """The account's latest review that started before `before` and was not cancelled."""
        return self.session.scalar(
            select(ReviewRow.id).where(ReviewRow.account_id == account_id,
                                       ReviewRow.scheduled_at < before,
                                       ReviewRow.status != "cancelled")
            .order_by(ReviewRow.scheduled_at.desc(), ReviewRow.id.desc()).limit(1))

    def accounts(self, owner: str | None = None) -> list[AccountRow]:
        query = select(AccountRow).order_by(AccountRow.name_key)
        if owner is not None:
            query = query.where(AccountRow.csm_owner == owner)
        return list(self.session.scalars(query))

    def owners(self) -> list[str]:
        return [owner for owner in self.session.scalars(
            select(AccountRow.csm_owner).distinct().order_by(AccountRow.csm_owner)) if owner]

    def attendance(self, review_ids: Iterable[int]) -> list[AttendanceRow]:
        return [row for (row,) in _chunked(review_ids, lambda chunk: select(AttendanceRow)
                                           .where(AttendanceRow.review_id.in_(chunk)),
                                           self.session)]

    def contacts(self, account_ids: Iterable[int]) -> list[ContactRow]:
        return [row for (row,) in _chunked(account_ids, lambda chunk: select(ContactRow)
                                           .where(ContactRow.account_id.in_(chunk)),
                                           self.session)]

    def actions(self, review_ids: Iterable[int]) -> list[ActionItemRow]:
        return [row for (row,) in _chunked(review_ids, lambda chunk: select(ActionItemRow)
                                           .where(ActionItemRow.review_id.in_(chunk)),
                                           self.session)]

    def finished_runs(self, review_ids: Iterable[int]) -> list[tuple[int, str, int]]:
        """(review id, timer events as stored, booked slot in minutes) of each meeting timed
        to its end."""
        return [tuple(row) for row in _chunked(review_ids, lambda chunk: select(
            MeetingRunRow.review_id, MeetingRunRow.events, AgendaRow.slot_minutes)
            .join(AgendaRow, AgendaRow.review_id == MeetingRunRow.review_id)
            .where(MeetingRunRow.review_id.in_(chunk), MeetingRunRow.finished_at.is_not(None)),
            self.session)]

    def prep_tasks(self, review_ids: Iterable[int]) -> list[PrepTaskRow]:
        return [row for (row,) in _chunked(review_ids, lambda chunk: select(PrepTaskRow)
                                           .where(PrepTaskRow.review_id.in_(chunk)),
                                           self.session)]

    def opportunities(self, account_ids: Iterable[int]) -> list[tuple[int, datetime]]:
        """(account id, when logged) of every expansion opportunity in the register."""
        return [tuple(row) for row in _chunked(account_ids, lambda chunk: select(
            RiskItemRow.account_id, RiskItemRow.created_at)
            .where(RiskItemRow.account_id.in_(chunk), RiskItemRow.kind == "opportunity"),
            self.session)]

    def roi_documents(self, account_ids: Iterable[int]) -> list[tuple[int, str, str]]:
        """(account id, quarter, JSON document) of every stored ROI model."""
        return [tuple(row) for row in _chunked(account_ids, lambda chunk: select(
            RoiModelRow.account_id, RoiModelRow.quarter, RoiModelRow.document)
            .where(RoiModelRow.account_id.in_(chunk)), self.session)]

    def outcomes(self, review_ids: Iterable[int]) -> dict[int, ReviewOutcomeRow]:
        return {row.review_id: row for (row,) in _chunked(
            review_ids, lambda chunk: select(ReviewOutcomeRow)
            .where(ReviewOutcomeRow.review_id.in_(chunk)), self.session)}

    # One review card -----------------------------------------------------------------------
    def outcome(self, review_id: int) -> ReviewOutcomeRow | None:
        return self.session.get(ReviewOutcomeRow, review_id)

    def save_outcome(self, review_id: int, values: dict[str, Any]) -> ReviewOutcomeRow:
        return self._upsert(ReviewOutcomeRow, {"review_id": review_id}, values)

    # Decks on their way to the manager ---------------------------------------------------
    def deck_review(self, account_id: int) -> DeckReviewRow | None:
        return self.session.get(DeckReviewRow, account_id)

    def deck_edited_at(self, account_id: int) -> datetime | None:
        return self.session.scalar(select(DeckPlanRow.updated_at)
                                   .where(DeckPlanRow.account_id == account_id))

    def save_deck_review(self, account_id: int, values: dict[str, Any]) -> DeckReviewRow:
        return self._upsert(DeckReviewRow, {"account_id": account_id}, values)

    def _upsert(self, model: type[Row], key: dict[str, int], values: dict[str, Any]) -> Row:
        """The row with this one-column primary key, made if missing, with `values` set."""
        row = self.session.get(model, next(iter(key.values())))
        if row is None:
            row = model(**key)
            self.session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        self.session.flush()
        return row

    def deck_reviews(self, account_ids: Sequence[int] | None = None, *,
                     states: Sequence[str] = ("ready", "approved", "changes")
                     ) -> list[tuple[DeckReviewRow, AccountRow, datetime | None,
                                     CsmRow | None]]:
        """Every deck in one of `states`, with its account, when its plan was last saved
        and the team member it is handed to."""
        query = (select(DeckReviewRow, AccountRow, DeckPlanRow.updated_at, CsmRow)
                 .join(AccountRow, AccountRow.id == DeckReviewRow.account_id)
                 .outerjoin(DeckPlanRow, DeckPlanRow.account_id == DeckReviewRow.account_id)
                 .outerjoin(CsmRow, CsmRow.id == DeckReviewRow.reviewer_id)
                 .where(DeckReviewRow.state.in_(list(states)))
                 .order_by(DeckReviewRow.ready_at, AccountRow.name_key))
        if account_ids is not None:
            query = query.where(DeckReviewRow.account_id.in_(list(account_ids)))
        return [tuple(found) for found in self.session.execute(query).all()]  # type: ignore[misc]

    def next_meetings(self, account_ids: Iterable[int], after: datetime
                      ) -> dict[int, tuple[datetime, str]]:
        """Each account's next planned review after `after`: (when, its time zone)."""
        found: dict[int, tuple[datetime, str]] = {}
        for account_id, at, zone in _chunked(account_ids, lambda chunk: select(
                ReviewRow.account_id, ReviewRow.scheduled_at, ReviewRow.time_zone)
                .where(ReviewRow.account_id.in_(chunk), ReviewRow.status == "planned",
                       ReviewRow.scheduled_at >= after)
                .order_by(ReviewRow.scheduled_at.desc()), self.session):
            found[account_id] = (at, zone)  # the earliest comes last and stays
        return found

    def team(self) -> list[CsmRow]:
        """Every member of the team, by name."""
        return list(self.session.scalars(select(CsmRow).order_by(CsmRow.name_key)))

    def member(self, csm_id: int) -> CsmRow | None:
        return self.session.get(CsmRow, csm_id)
