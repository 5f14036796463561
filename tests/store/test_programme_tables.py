"""Migration 0014's tables refuse what the rules refuse and go with their review
or account (on SQLite here; the statements are plain SQL that PostgreSQL runs the same)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from store_helpers import NOW

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ReviewDraft
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.database import Store
from qbr_desktop.store.models import DeckReviewRow, ReviewOutcomeRow
from qbr_desktop.store.programme_repository import ProgrammeRepository


def test_outcomes_and_deck_reviews_keep_to_their_checks_and_cascade(store: Store) -> None:
    accounts = AccountService(store.sessions, clock=lambda: NOW)
    account = accounts.create(AccountDraft(name="Acme"))
    review = accounts.add_review(account.id, ReviewDraft(
        datetime(2026, 1, 5, 10, tzinfo=UTC), "UTC"))
    refused = [{"survey_score": 11}, {"survey_score": -1}, {"preparation": "amber"},
               {"engagement": ""}, {"follow_up": "blue"}]
    for values in refused:
        with pytest.raises(sa.exc.IntegrityError), store.sessions() as session:
            ProgrammeRepository(session).save_outcome(review, {"recorded_at": NOW, **values})
    with pytest.raises(sa.exc.IntegrityError), store.sessions() as session:
        ProgrammeRepository(session).save_deck_review(account.id, {"state": "maybe"})
    with store.sessions.begin() as session:
        repo = ProgrammeRepository(session)
        repo.save_outcome(review, {"recorded_at": NOW, "survey_score": 10,
                                   "preparation": "green"})
        repo.save_deck_review(account.id, {"state": "ready", "ready_by": "Dana",
                                           "ready_at": NOW})
    accounts.delete(account.id)
    with store.sessions() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(ReviewOutcomeRow)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(DeckReviewRow)) == 0
