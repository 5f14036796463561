"""The portfolio overview keeps each account's result; any change to its inputs forgets it.

Every test compares against a fresh computation, so a stored result that outlived its
inputs shows up as a wrong number, not just a wrong row count.
"""

from __future__ import annotations

import importlib
import threading
from decimal import Decimal
from typing import Any

import pytest
from insights_support import Q4, SmallPortfolio, build_small_portfolio
from insights_support import quarter as quarter_values
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from qbr_desktop.domain.health import HealthWeights
from qbr_desktop.services import insights as insights_module
from qbr_desktop.services.catalogue import CatalogueItem
from qbr_desktop.services.insights import FORMULA_VERSION, PortfolioOverview
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.insight_cache import InsightCacheRepository
from qbr_desktop.store.models import AccountInsightRow, AccountRow
from qbr_desktop.store.repositories import SettingRepository


@pytest.fixture
def small(context: Any) -> SmallPortfolio:
    return build_small_portfolio(context)


def stored_ids(context: Any) -> set[int]:
    with session_scope(context.store.sessions) as session:
        return set(session.scalars(select(AccountInsightRow.account_id)))


def comparable(overview: PortfolioOverview) -> list[tuple[Any, ...]]:
    return [(r.account_id, r.name, r.tier, r.arr, r.health, r.band, r.change, r.confidence,
             r.latest_quarter, r.readiness, r.expansion, r.open_risks) for r in overview.rows]


def fresh(context: Any) -> PortfolioOverview:
    """The overview computed from scratch, ignoring anything stored."""
    with session_scope(context.store.sessions) as session:
        InsightCacheRepository(session).forget()
    return context.insights.overview()


def test_the_first_overview_stores_every_account_and_the_next_reads_them(
        context: Any, small: SmallPortfolio) -> None:
    first = context.insights.overview()
    assert first.pending == 0
    assert stored_ids(context) == set(small.ids.values())
    again = context.insights.overview(stored_only=True)
    assert again.pending == 0
    assert comparable(again) == comparable(first)


def test_stored_only_marks_accounts_without_a_result_as_pending(
        context: Any, small: SmallPortfolio) -> None:
    overview = context.insights.overview(stored_only=True)
    assert overview.pending == 4
    assert all(r.pending and r.health is None for r in overview.rows)
    assert [r.name for r in overview.rows] == sorted(small.ids)  # the accounts show at once
    assert stored_ids(context) == set()  # nothing computed, nothing written


def test_exact_expansion_amounts_survive_storage(context: Any, small: SmallPortfolio) -> None:
    computed = {r.account_id: r.expansion for r in context.insights.overview().rows}
    stored = {r.account_id: r.expansion
              for r in context.insights.overview(stored_only=True).rows}
    assert stored == computed
    assert stored[small.acme] == Decimal("18000.00")
    assert all(isinstance(amount, Decimal) for amount in stored.values())


def test_new_metrics_forget_only_that_account(context: Any, small: SmallPortfolio) -> None:
    before = {r.account_id: r for r in context.insights.overview().rows}
    context.accounts.record_metrics(small.bluefin, quarter_values(Q4.shifted(1), active=95,
                                                                  nps=60))
    assert stored_ids(context) == set(small.ids.values()) - {small.bluefin}
    after = context.insights.overview()
    assert comparable(after) == comparable(fresh(context))
    row = next(r for r in after.rows if r.account_id == small.bluefin)
    assert row.latest_quarter == Q4.shifted(1)
    assert row.health != before[small.bluefin].health


def test_an_arr_or_seat_change_forgets_the_account_but_a_rename_does_not(
        context: Any, small: SmallPortfolio) -> None:
    context.insights.overview()
    context.accounts.update(small.cedar, {"name": "Cedar Bank & Trust"})
    assert small.cedar in stored_ids(context)
    context.accounts.update(small.acme, {"licensed_seats": 150})
    assert small.acme not in stored_ids(context)
    context.accounts.update(small.cedar, {"arr": Decimal("500000")})
    assert small.cedar not in stored_ids(context)
    assert comparable(context.insights.overview()) == comparable(fresh(context))


def test_catalogue_and_weight_changes_forget_every_account(context: Any,
                                                           small: SmallPortfolio) -> None:
    context.insights.overview()
    items = context.catalogue.items()
    context.catalogue.replace([*items, CatalogueItem(
        id=None, name="Analytics add-on", kind="module", pricing="per_seat",
        price=Decimal("30"), currency="USD", description="")])
    assert stored_ids(context) == set()
    context.insights.overview()
    context.insights.set_weights(HealthWeights.from_dict(
        {**context.insights.weights().to_dict(), "adoption": 0.5}))
    assert stored_ids(context) == set()
    assert comparable(context.insights.overview()) == comparable(fresh(context))


def test_owned_modules_forget_that_account(context: Any, small: SmallPortfolio) -> None:
    context.catalogue.replace([CatalogueItem(
        id=None, name="Analytics add-on", kind="module", pricing="per_seat",
        price=Decimal("30"), currency="USD", description="")])
    context.insights.overview()
    module_id = context.catalogue.items()[0].id
    context.catalogue.set_owned(small.acme, [module_id])
    assert stored_ids(context) == set(small.ids.values()) - {small.acme}


def test_other_settings_keep_stored_results(context: Any, small: SmallPortfolio) -> None:
    context.insights.overview()
    with session_scope(context.store.sessions) as session:
        SettingRepository(session).set("window.theme", "dark")
    assert stored_ids(context) == set(small.ids.values())


def test_a_deleted_account_takes_its_result_along(context: Any, small: SmallPortfolio) -> None:
    context.insights.overview()
    deleted = context.accounts.delete(small.delta)
    assert small.delta not in stored_ids(context)
    context.accounts.restore(deleted)
    overview = context.insights.overview()
    assert {r.account_id for r in overview.rows} >= {small.acme, small.cedar}
    assert overview.pending == 0


def test_results_of_an_older_formula_are_ignored(context: Any, small: SmallPortfolio,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    context.insights.overview()
    with session_scope(context.store.sessions) as session:
        session.execute(text("UPDATE account_insight SET health = 1, formula_version = :v"),
                        {"v": FORMULA_VERSION - 1})
    assert context.insights.overview(stored_only=True).pending == 4
    assert comparable(context.insights.overview()) == comparable(fresh(context))


def test_a_file_that_refuses_the_write_still_gets_its_overview(
        context: Any, small: SmallPortfolio, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any) -> None:
        raise OperationalError("INSERT", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(InsightCacheRepository, "store", refuse)
    overview = context.insights.overview()
    assert overview.pending == 0
    assert next(r for r in overview.rows if r.account_id == small.acme).health is not None
    assert stored_ids(context) == set()


def test_results_computed_before_someone_else_wrote_are_not_stored(
        context: Any, small: SmallPortfolio) -> None:
    """SQLite refuses to upgrade a stale read snapshot, so stale results never land."""
    sessions = context.store.sessions
    with session_scope(sessions, reading=True) as reader:
        cache = InsightCacheRepository(reader)
        computed = insights_module._compute_insights(reader, [small.acme])
        # Another connection (the GUI thread, an import) commits while we computed.
        with session_scope(sessions) as writer:
            writer.execute(text("UPDATE account SET licensed_seats = 300 WHERE id = :id"),
                           {"id": small.acme})
        insights_module._store_quietly(reader, cache, computed)
    assert stored_ids(context) == set()
    with session_scope(sessions) as session:
        assert session.get(AccountRow, small.acme).licensed_seats == 300  # type: ignore[union-attr]


def test_a_change_saved_while_results_are_stored_waits_and_then_forgets_them(
        context: Any, small: SmallPortfolio) -> None:
    """The other order: the results are being stored when a colleague saves new metrics.
    The save waits for them (SQLite's write lock; on a server, the share lock on the
    insight_inputs counter), then forgets what was just stored."""
    sessions = context.store.sessions
    saved = threading.Event()

    def colleague_saves() -> None:
        context.accounts.record_metrics(small.acme, quarter_values(Q4.shifted(1), active=20))
        saved.set()

    with session_scope(sessions, reading=True) as reader:
        cache = InsightCacheRepository(reader)
        insights_module._store_quietly(
            reader, cache, insights_module._compute_insights(reader, [small.acme]))
        colleague = threading.Thread(target=colleague_saves)
        colleague.start()
        assert not saved.wait(0.5), "the save did not wait for the results being stored"
    colleague.join(30)
    assert saved.is_set()
    assert small.acme not in stored_ids(context)
    assert comparable(context.insights.overview()) == comparable(fresh(context))


def test_every_trigger_exists_after_migrating(context: Any) -> None:
    sqlite = context.store.engine.dialect.name == "sqlite"
    migration = importlib.import_module(
        "qbr_desktop.store.migrations.versions."
        + ("0003_stored_insights" if sqlite else "0011_team_server"))
    query = ("SELECT name FROM sqlite_master WHERE type = 'trigger'" if sqlite else
             "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    with session_scope(context.store.sessions) as session:
        present = set(session.scalars(text(query)))
    assert {trigger[0] for trigger in migration.TRIGGERS} <= present
    assert len(migration.TRIGGERS) == 16
