"""The store on SQLite and on a PostgreSQL server alike: schema, types, writers, errors."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactDraft
from qbr_desktop.store.engine import make_session_factory, session_scope
from qbr_desktop.store.errors import ServerUnreachableError
from qbr_desktop.store.models import AccountRow, Base, ContactRow
from qbr_desktop.store.server import server_engine


def test_the_migrated_schema_is_the_models(context: Any) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with context.store.engine.connect() as connection:
        migration = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(migration, Base.metadata) == []


def test_values_come_back_exactly_as_stored(context: Any) -> None:
    long_title = "Vice President, Customer Success & Operations — EMEA 🌍 " * 30
    account = context.accounts.create(AccountDraft(
        name="株式会社 <R&D> شركة 🚀", arr=Decimal("123456789.01"), currency="JPY",
        renewal_date=date(2027, 2, 28), notes="line\r\nwith NUL\x00 and bell\x07"))
    contact = context.accounts.add_contact(account.id, ContactDraft(
        "Ana Núñez", title=long_title[:2000]))
    with session_scope(context.store.sessions, reading=True) as session:
        row = session.get(AccountRow, account.id)
        person = session.get(ContactRow, contact)
        assert row is not None and person is not None
        assert row.arr == Decimal("123456789.01") and row.name == "株式会社 <R&D> شركة 🚀"
        assert row.renewal_date == date(2027, 2, 28)
        assert row.created_at.tzinfo is UTC
        assert abs(row.created_at - datetime.now(UTC)).total_seconds() < 600
        assert person.title == long_title[:2000]
        # A server cannot hold U+0000: it alone is left out; SQLite keeps it.
        assert row.notes in ("line\r\nwith NUL\x00 and bell\x07", "line\r\nwith NUL and bell\x07")


def test_writers_take_turns_and_readers_keep_one_snapshot(context: Any) -> None:
    """As SQLite's BEGIN IMMEDIATE does on a file, a server's advisory lock makes a second
    writer wait until the first commits; a reader meanwhile sees neither half."""
    account = context.accounts.create(AccountDraft(name="Turns", licensed_seats=1))
    sessions = context.store.sessions
    second_done = threading.Event()

    def second_writer() -> None:
        with session_scope(sessions) as session:
            row = session.get(AccountRow, account.id)
            assert row is not None
            row.licensed_seats += 10
        second_done.set()

    with session_scope(sessions) as first:
        row = first.get(AccountRow, account.id)
        assert row is not None
        row.licensed_seats += 100
        first.flush()
        other = threading.Thread(target=second_writer)
        other.start()
        assert not second_done.wait(0.5), "the second writer did not wait"
    other.join(30)
    with session_scope(sessions, reading=True) as reader:
        assert reader.scalar(select(AccountRow.licensed_seats).where(
            AccountRow.id == account.id)) == 111  # neither increment lost


def test_a_lost_connection_is_a_sentence_not_a_driver_error(postgres: Any) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(postgres.url_of("nowhere")).set(port=1, password="hidden-pw")
    engine = server_engine(url.render_as_string(hide_password=False))
    with (pytest.raises(ServerUnreachableError) as raised,
          session_scope(make_session_factory(engine)) as session):
        session.execute(text("SELECT 1"))
    assert "hidden-pw" not in str(raised.value) and "***" in str(raised.value)
    assert "cannot be reached" in str(raised.value)
