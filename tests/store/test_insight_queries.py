"""PortfolioMetricsRepository.recent_by_account: each account's own most recent periods."""

from __future__ import annotations

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.database import Store
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.insight_repositories import PortfolioMetricsRepository


def record(service: AccountService, name: str, periods: dict[str, dict[str, float]]) -> int:
    account = service.create(AccountDraft(name=name))
    service.record_metrics(account.id, [
        MetricValue(Quarter.parse(period), key, value)
        for period, values in periods.items() for key, value in values.items()])
    return int(account.id)


def recent(store: Store, quarters: int,
           account_ids: list[int] | None = None) -> dict[int, list[tuple[str, str, float]]]:
    with session_scope(store.sessions) as session:
        found = PortfolioMetricsRepository(session).recent_by_account(quarters, account_ids)
        return {key: sorted(rows) for key, rows in found.items()}


@pytest.fixture
def accounts(service: AccountService) -> dict[str, int]:
    """Current has six quarters; Stopped ended two years earlier; Gappy has holes."""
    current = {f"2025Q{n}": {"active_users": 10.0 * n, "nps": float(n)} for n in range(1, 5)}
    current.update({"2024Q3": {"active_users": 1.0}, "2024Q4": {"active_users": 2.0}})
    stopped = {"2022Q4": {"active_users": 5.0}, "2023Q1": {"active_users": 6.0},
               "2023Q2": {"active_users": 7.0, "csat": 4.0}}
    gappy = {"2019Q2": {"nps": 1.0}, "2024Q1": {"nps": 2.0}, "2025Q4": {"csat": 3.0}}
    return {"current": record(service, "Current", current),
            "stopped": record(service, "Stopped", stopped),
            "gappy": record(service, "Gappy", gappy),
            "empty": int(service.create(AccountDraft(name="Empty")).id)}


def periods(rows: list[tuple[str, str, float]]) -> list[str]:
    return sorted({period for period, _key, _value in rows})


def test_each_account_keeps_its_own_latest_periods(store: Store,
                                                   accounts: dict[str, int]) -> None:
    found = recent(store, 2)
    assert periods(found[accounts["current"]]) == ["2025Q3", "2025Q4"]
    # Not the portfolio's last two quarters: the stopped account keeps its own last two.
    assert periods(found[accounts["stopped"]]) == ["2023Q1", "2023Q2"]
    # Gaps do not count: the two most recent periods that have data.
    assert periods(found[accounts["gappy"]]) == ["2024Q1", "2025Q4"]
    assert accounts["empty"] not in found


def test_every_metric_of_a_kept_period_is_returned(store: Store,
                                                   accounts: dict[str, int]) -> None:
    found = recent(store, 1)
    assert found[accounts["current"]] == [("2025Q4", "active_users", 40.0),
                                          ("2025Q4", "nps", 4.0)]
    assert found[accounts["stopped"]] == [("2023Q2", "active_users", 7.0),
                                          ("2023Q2", "csat", 4.0)]


def test_a_window_wider_than_the_history_returns_all_of_it(store: Store,
                                                           accounts: dict[str, int]) -> None:
    found = recent(store, 100)
    assert periods(found[accounts["current"]]) == [
        "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert len(found[accounts["current"]]) == 10
    assert len(found[accounts["stopped"]]) == 4
    assert periods(recent(store, 4)[accounts["current"]]) == [
        "2025Q1", "2025Q2", "2025Q3", "2025Q4"]


def test_account_ids_limit_the_answer(store: Store,
                                      accounts: dict[str, int]) -> None:
    found = recent(store, 3, [accounts["stopped"], accounts["empty"]])
    assert list(found) == [accounts["stopped"]]
    assert recent(store, 3, []) == {}


def test_zero_quarters_returns_nothing(store: Store, accounts: dict[str, int]) -> None:
    assert recent(store, 0) == {}


def test_an_overwritten_value_is_read_once(store: Store, service: AccountService,
                                           accounts: dict[str, int]) -> None:
    service.record_metrics(accounts["current"], [
        MetricValue(Quarter(2025, 4), "nps", 44.0)])
    assert ("2025Q4", "nps", 44.0) in recent(store, 1)[accounts["current"]]
    assert len(recent(store, 1)[accounts["current"]]) == 2
