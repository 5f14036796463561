"""Column types: money as exact integer cents, timestamps as aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.exc import StatementError
from store_helpers import NOW, query

from qbr_desktop.store.database import Store
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow, ReviewRow


def _account(name: str, arr: Decimal, **extra: object) -> AccountRow:
    return AccountRow(name=name, name_key=name.casefold(), arr=arr, created_at=NOW,
                      updated_at=NOW, **extra)


@pytest.mark.parametrize(
    "amount",
    ["12345678901.23", "0.01", "0", "0.10", "999999999999.99", "1000000000000", "75000.01"],
)
def test_money_round_trips_exactly(db_path: Path, store: Store, amount: str) -> None:
    with session_scope(store.sessions) as session:
        row = _account("Exact", Decimal(amount))
        session.add(row)
        session.flush()
        account_id = row.id
    with session_scope(store.sessions) as session:
        loaded = session.get(AccountRow, account_id)
        assert loaded is not None
        assert isinstance(loaded.arr, Decimal)
        assert loaded.arr == Decimal(amount)
        assert str(loaded.arr) == str(Decimal(amount).quantize(Decimal("0.01")))
    # On disk it is an integer number of cents, not a float.
    stored = query(db_path, "SELECT arr, typeof(arr) FROM account WHERE id = ?", account_id)
    assert stored == [(int(Decimal(amount) * 100), "integer")]


def test_large_amount_is_exact_on_disk(db_path: Path, store: Store) -> None:
    with session_scope(store.sessions) as session:
        session.add(_account("Big", Decimal("12345678901.23")))
    store.close()
    assert query(db_path, "SELECT arr FROM account") == [(1234567890123,)]


@pytest.mark.parametrize("amount", ["1.005", "0.001", "12345678901.234"])
def test_sub_cent_amounts_are_refused(store: Store, amount: str) -> None:
    with pytest.raises(StatementError) as caught, session_scope(store.sessions) as session:
        session.add(_account("Fraction", Decimal(amount)))
        session.flush()
    assert isinstance(caught.value.orig, ValueError)
    assert "more precision than a cent" in str(caught.value)
    with session_scope(store.sessions) as session:
        assert session.query(AccountRow).count() == 0


def test_trailing_zero_precision_is_not_a_sub_cent(store: Store) -> None:
    with session_scope(store.sessions) as session:
        session.add(_account("Zeros", Decimal("1.500000")))
    with session_scope(store.sessions) as session:
        assert session.query(AccountRow).one().arr == Decimal("1.50")


def test_float_money_is_refused(store: Store) -> None:
    with pytest.raises(StatementError) as caught, session_scope(store.sessions) as session:
        session.add(_account("Float", 1.5))  # type: ignore[arg-type]
        session.flush()
    assert isinstance(caught.value.orig, TypeError)


def _review(account_id: int, when: datetime) -> ReviewRow:
    return ReviewRow(account_id=account_id, scheduled_at=when, time_zone="Asia/Kolkata",
                     format="video", kind="QBR", status="planned", created_at=NOW,
                     updated_at=NOW)


def test_naive_datetimes_are_refused(store: Store) -> None:
    with session_scope(store.sessions) as session:
        account = _account("Clock", Decimal(0))
        session.add(account)
        session.flush()
        account_id = account.id
    with pytest.raises(StatementError) as caught, session_scope(store.sessions) as session:
        session.add(_review(account_id, datetime(2027, 1, 14, 16, 0)))
        session.flush()
    assert isinstance(caught.value.orig, ValueError)
    assert "timezone-aware" in str(caught.value)
    with pytest.raises(StatementError), session_scope(store.sessions) as session:
        session.add(AccountRow(name="Naive", name_key="naive", arr=Decimal(0),
                               created_at=datetime(2026, 1, 1), updated_at=NOW))
        session.flush()


def test_datetimes_come_back_as_the_same_instant_in_utc(db_path: Path, store: Store) -> None:
    india = timezone(timedelta(hours=5, minutes=30))
    local = datetime(2027, 1, 14, 21, 30, 15, 123456, tzinfo=india)
    with session_scope(store.sessions) as session:
        account = _account("Kolkata", Decimal(0))
        session.add(account)
        session.flush()
        session.add(_review(account.id, local))
    with session_scope(store.sessions) as session:
        review = session.query(ReviewRow).one()
        assert review.scheduled_at == local
        assert review.scheduled_at.tzinfo is UTC
        assert review.scheduled_at.utcoffset() == timedelta(0)
        assert (review.scheduled_at.hour, review.scheduled_at.minute) == (16, 0)
        created = session.query(AccountRow).one().created_at
        assert created == NOW and created.tzinfo is UTC
    store.close()
    # Stored without an offset, as UTC wall time.
    assert query(db_path, "SELECT scheduled_at FROM review")[0][0].startswith(
        "2027-01-14 16:00:15")
