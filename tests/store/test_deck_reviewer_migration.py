"""Migration 0016 on a file and on a server holding decks and review cards from before it:
existing rows keep their state at version 1, handed to no one; the new states and the
reviewer's key work; and going back down keeps what the older schema can hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ReviewDraft
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.store.engine import create_store_engine, sqlite_url
from qbr_desktop.store.migrate import alembic_config, revision_graph

REVISION = "0016"
STAMP = datetime(2026, 11, 2, 9, 0)


def before_it() -> str:
    """The revision 0016 follows (read from the scripts: merges may re-chain it)."""
    [below] = revision_graph()[REVISION]
    return below


@pytest.fixture
def engine(database_target: DatabaseTarget) -> Iterator[sa.Engine]:
    """A portfolio with an account, its review and two team members, at the head."""
    context = AppContext.open(database_target)
    try:
        account = context.accounts.create(AccountDraft(name="Acme", arr=Decimal(1),
                                                       csm_owner="Dana"))
        context.accounts.add_review(account.id, ReviewDraft(
            datetime(2026, 10, 5, 10, tzinfo=UTC), "UTC"))
        context.accounts.create(AccountDraft(name="Beta", csm_owner="Morgan"))
    finally:
        context.close()
    if database_target.path is not None:
        made = create_store_engine(sqlite_url(str(database_target.path)))
    else:
        from qbr_desktop.store.server import server_engine

        made = server_engine(str(database_target.url))
    yield made
    made.dispose()


def migrate(engine: sa.Engine, revision: str, *, down: bool = False) -> None:
    """Up or down to `revision` as the program migrates: one transaction (SQLite's keys
    off while a table is rebuilt)."""
    config = alembic_config()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            driver: Any = connection.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
        if engine.dialect.name == "sqlite":
            driver.execute("PRAGMA foreign_keys=ON")


def test_decks_and_cards_from_before_keep_their_state(engine: sa.Engine) -> None:
    migrate(engine, before_it(), down=True)
    with engine.begin() as connection:
        ids = dict(connection.execute(sa.text("SELECT name, id FROM account")).all())
        review = connection.execute(sa.text("SELECT id FROM review")).scalar_one()
        connection.execute(sa.text(
            "INSERT INTO deck_review (account_id, state, ready_by, ready_at) "
            "VALUES (:a, 'ready', 'Dana', :t), (:b, 'approved', 'Morgan', :t)"),
            {"a": ids["Acme"], "b": ids["Beta"], "t": STAMP})
        connection.execute(sa.text(
            "INSERT INTO review_outcome (review_id, survey_score, recorded_by, recorded_at) "
            "VALUES (:r, 9, 'Dana', :t)"), {"r": review, "t": STAMP})
    migrate(engine, "head")
    with engine.begin() as connection:
        rows = connection.execute(sa.text(
            "SELECT account_id, state, ready_by, reviewer_id, version, changes_reason "
            "FROM deck_review ORDER BY account_id")).all()
        assert [tuple(r) for r in rows] == [(ids["Acme"], "ready", "Dana", None, 1, ""),
                                            (ids["Beta"], "approved", "Morgan", None, 1, "")]
        assert connection.execute(sa.text(
            "SELECT version FROM review_outcome")).scalar_one() == 1
        morgan = connection.execute(sa.text(
            "SELECT id FROM csm WHERE name = 'Morgan'")).scalar_one()
        connection.execute(sa.text(
            "UPDATE deck_review SET state = 'changes', changes_reason = 'Why', "
            "reviewer_id = :m WHERE account_id = :a"), {"m": morgan, "a": ids["Acme"]})
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(sa.text("UPDATE deck_review SET state = 'maybe'"))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(sa.text("UPDATE deck_review SET reviewer_id = 99999"))
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.execute(sa.text("UPDATE account SET owner_id = NULL"))
        connection.execute(sa.text("DELETE FROM csm WHERE id = :m"), {"m": morgan})
        assert connection.execute(sa.text(
            "SELECT reviewer_id FROM deck_review WHERE account_id = :a"),
            {"a": ids["Acme"]}).scalar_one() is None  # left the team: handed to no one
    migrate(engine, before_it(), down=True)
    with engine.begin() as connection:  # a state the older schema lacks is forgotten
        assert [tuple(r) for r in connection.execute(sa.text(
            "SELECT account_id, state FROM deck_review")).all()] == [(ids["Beta"],
                                                                     "approved")]
    migrate(engine, "head")
