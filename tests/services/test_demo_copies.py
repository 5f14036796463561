"""A copy of the run's demo portfolio holds what a fresh build of it holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from demo_support import DemoKey, fill_with_demo
from sqlalchemy import func, select

from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.account_listing import DEMO_COMPLETE_KEY
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import build_demo_portfolio
from qbr_desktop.services.settings import PORTFOLIO_ID_KEY
from qbr_desktop.store import models
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.repositories import SettingRepository

TODAY = date(2026, 11, 23)
MIDNIGHT = datetime.combine(TODAY, time(0), tzinfo=UTC)
TABLES = ("AccountRow", "ContactRow", "ReviewRow", "MetricSnapshotRow", "AgendaRow",
          "ActionItemRow", "MeetingRunRow")


def contents(context: Any) -> dict[str, Any]:
    """Counts of the demo's tables, its settings, its metric values and every account as
    the account list shows it."""
    with session_scope(context.store.sessions) as session:
        counts = {name: session.scalar(select(func.count()).select_from(
            getattr(models, name))) for name in TABLES}
        marks = (SettingRepository(session).get(DEMO_COMPLETE_KEY), context.settings.is_demo())
        # The portfolio's id is random by design, made when the schema is (a copy of a
        # server database shares its template's, as every test's database always has).
        settings = sorted((row.key, row.value) for row in session.scalars(
            select(models.SettingRow).where(models.SettingRow.key != PORTFOLIO_ID_KEY)))
        metrics = sorted((m.account_id, m.period, m.metric_key, str(m.value))
                         for m in session.scalars(select(models.MetricSnapshotRow)))
    listed = AccountService(context.store.sessions, clock=lambda: MIDNIGHT).list_accounts()
    return {"counts": counts, "marks": marks, "settings": settings, "metrics": metrics,
            "accounts": listed}


@pytest.fixture
def fresh_build(request: pytest.FixtureRequest, database_target: DatabaseTarget,
                tmp_path: Any) -> Iterator[Any]:
    """A second, empty portfolio on the same backend, where the test builds the demo."""
    if database_target.path is not None:
        target = DatabaseTarget(path=tmp_path / "fresh" / "portfolio.sqlite")
        drop = None
    else:
        server = request.getfixturevalue("postgres")
        target = DatabaseTarget(url=server.migrated_database())
        drop = server.drop
    context = AppContext.open(target)
    yield context
    context.close()
    if drop is not None:
        drop(target.url)


def test_a_copy_holds_what_a_fresh_build_holds(demo_copy: Any, fresh_build: Any) -> None:
    copy, summary = demo_copy(accounts=12, seed=3, today=TODAY)
    built = build_demo_portfolio(fresh_build, accounts=12, seed=3, today=TODAY)
    assert summary == built
    expected, got = contents(fresh_build), contents(copy)
    assert got["counts"]["AccountRow"] == summary.accounts == 12
    assert got["counts"]["MetricSnapshotRow"] == summary.metric_values
    assert got["marks"] == (True, True)
    assert got["settings"] and got["metrics"]
    assert got == expected


def test_a_copy_is_the_tests_own(request: pytest.FixtureRequest, demo_copy: Any,
                                 database_target: DatabaseTarget, demo_templates: Any,
                                 tmp_path: Any) -> None:
    copy, summary = demo_copy(accounts=12, seed=3, today=TODAY)
    assert copy.target == database_target
    copy.accounts.delete(copy.accounts.list_accounts()[0].id)
    assert len(copy.accounts.list_accounts()) == summary.accounts - 1
    # The next test's copy still has every account.
    server = None
    if database_target.path is not None:
        target = DatabaseTarget(path=tmp_path / "next" / "portfolio.sqlite")
    else:
        server = request.getfixturevalue("postgres")
        target = DatabaseTarget(url=server.migrated_database())
    fill_with_demo(request, demo_templates, target, DemoKey(12, 3, TODAY))
    following = AppContext.open(target)
    try:
        assert len(following.accounts.list_accounts()) == summary.accounts
    finally:
        following.close()
        if server is not None:
            server.drop(target.url)
