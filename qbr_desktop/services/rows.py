"""Fetching the rows every use-case starts from, with the message a CSM reads when one is gone."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from qbr_desktop.i18n import msg
from qbr_desktop.store.errors import NotFoundError, account_gone
from qbr_desktop.store.models import AccountRow, ReviewRow


def account_row(session: Session, account_id: int) -> AccountRow:
    row = session.get(AccountRow, account_id)
    if row is None:
        raise account_gone(account_id)
    return row


def review_row(session: Session, review_id: int) -> ReviewRow:
    row = session.get(ReviewRow, review_id)
    if row is None:
        raise NotFoundError(msg("No review with id {review_id} (it may have been deleted)",
                                review_id=review_id))
    return row


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; ours are stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
