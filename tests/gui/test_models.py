"""The item models pass Qt's own model consistency checks, and sort/filter correctly."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from qbr_desktop.domain.accounts import AccountSummary
from qbr_desktop.domain.metrics import MetricHistory, MetricValue
from qbr_desktop.domain.money import Money
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.gui.accounts.metric_model import MetricHistoryModel
from qbr_desktop.gui.accounts.table_model import (
    ACCOUNT_ID_ROLE,
    AccountColumn,
    AccountFilterProxy,
    AccountTableModel,
)


def summary(account_id: int, name: str, arr: str, renewal: date | None = None,
            tier: str = "Growth", owner: str = "Sam") -> AccountSummary:
    return AccountSummary(account_id, name, "Retail", "France", Money(Decimal(arr), "EUR"), 10,
                          tier, False, renewal, None, owner)


ACCOUNTS = [
    summary(1, "Zeta Bank", "500", date(2027, 5, 1), "Core", "Jordan"),
    summary(2, "alpha <R&D>", "90000", None, "Strategic"),
    summary(3, "Ärzte Verbund", "30000", date(2027, 1, 1)),
    summary(4, "株式会社さくら", "12000.50", date(2026, 12, 24), "Core"),
]


def test_account_models_pass_the_model_tester(qtmodeltester) -> None:
    model = AccountTableModel()
    model.set_accounts(ACCOUNTS)
    qtmodeltester.check(model)
    proxy = AccountFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("a")
    qtmodeltester.check(proxy)


def test_metric_model_passes_the_model_tester(qtmodeltester) -> None:
    model = MetricHistoryModel()
    model.set_history(MetricHistory.from_values([
        MetricValue(Quarter(2026, 1), "nps", 31.0), MetricValue(Quarter(2026, 2), "csat", 4.25)]))
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "4.2"  # CSAT, one decimal (round half to even)
    assert model.index(0, 0).data() == "—"  # no CSAT in 2026Q1: shown as missing, not zero
    assert model.headerData(1, Qt.Orientation.Vertical) == "NPS (−100 to 100)"


def test_sorting_uses_raw_values_and_keeps_missing_dates_last() -> None:
    model = AccountTableModel()
    model.set_accounts(ACCOUNTS)
    proxy = AccountFilterProxy()
    proxy.setSourceModel(model)

    def column(col: int) -> list[int]:
        return [proxy.index(r, col).data(ACCOUNT_ID_ROLE) for r in range(proxy.rowCount())]

    proxy.sort(AccountColumn.ARR, Qt.SortOrder.AscendingOrder)
    assert column(0) == [1, 4, 3, 2]  # 500 < 12,000.50 < 30,000 < 90,000 (not as text)
    proxy.sort(AccountColumn.RENEWAL, Qt.SortOrder.AscendingOrder)
    assert column(0) == [4, 3, 1, 2]
    proxy.sort(AccountColumn.TIER, Qt.SortOrder.AscendingOrder)
    assert column(0)[0] == 2  # Strategic first
    proxy.sort(AccountColumn.NAME, Qt.SortOrder.AscendingOrder)
    assert column(0) == [2, 3, 1, 4]  # case- and accent-insensitive enough: alpha, Ärzte, Zeta


def test_filter_matches_every_word_in_any_column_and_survives_resorting() -> None:
    model = AccountTableModel()
    model.set_accounts(ACCOUNTS)
    proxy = AccountFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("<r&d>")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("core jordan")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Zeta Bank"]
    proxy.set_filter_text("arzte")  # accents optional when typing
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Ärzte Verbund"]
    proxy.set_filter_text("さくら")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("core")
    proxy.sort(AccountColumn.ARR, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == ["株式会社さくら", "Zeta Bank"]
    model.set_accounts(ACCOUNTS[:2])
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Zeta Bank"]


def test_display_formats_money_and_dates() -> None:
    model = AccountTableModel()
    model.set_accounts([AccountSummary(
        9, "Acme", "", "", Money(Decimal("1234567.89"), "USD"), 1, "Strategic", True,
        date(2027, 3, 31), datetime(2027, 1, 5, 15, tzinfo=UTC), "")])
    row = [model.index(0, c).data() for c in range(AccountColumn.COUNT)]
    assert row[:5] == ["Acme", "Strategic (set)", "$1,234,568", "2027-03-31", "2027-01-05"]
