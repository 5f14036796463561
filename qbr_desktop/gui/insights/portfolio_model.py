"""The portfolio overview as a Qt table model, and the proxy that sorts and segments it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from qbr_desktop.domain.accounts import sort_key
from qbr_desktop.domain.expansion import LEVEL_WORDS
from qbr_desktop.domain.health import BAND_WORDS, Band
from qbr_desktop.domain.money import Money, format_compact, format_money
from qbr_desktop.domain.tiers import tier_label
from qbr_desktop.gui.accounts.table_model import industry_names
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_text

if TYPE_CHECKING:
    from qbr_desktop.services.insights import PortfolioRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex

BAND_COLOURS = {Band.GREEN: "#2e9e5b", Band.YELLOW: "#b88a00", Band.RED: "#d64545"}
TIER_ORDER = ("Strategic", "Enterprise", "Growth", "Mid-Market", "SMB", "Core", "Tech-Touch")


class PortfolioColumn:
    NAME, TIER, ARR, HEALTH, TREND, RENEWAL, NEXT_QBR, EXPANSION, RISKS = range(9)
    COUNT = 9


HEADERS = (QT_TRANSLATE_NOOP("portfolio_model", "Account"),
           QT_TRANSLATE_NOOP("portfolio_model", "Tier"), "ARR",
           QT_TRANSLATE_NOOP("portfolio_model", "Health"),
           QT_TRANSLATE_NOOP("portfolio_model", "Trend"),
           QT_TRANSLATE_NOOP("portfolio_model", "Renewal"),
           QT_TRANSLATE_NOOP("portfolio_model", "Next QBR"),
           QT_TRANSLATE_NOOP("portfolio_model", "Expansion"),
           QT_TRANSLATE_NOOP("portfolio_model", "Open risks"))


class Segment(StrEnum):
    ALL = QT_TRANSLATE_NOOP("Segment", "All accounts")
    AT_RISK = QT_TRANSLATE_NOOP("Segment", "At risk")
    EXPANSION_READY = QT_TRANSLATE_NOOP("Segment", "Ready to expand")


PENDING_TEXT = QT_TRANSLATE_NOOP("portfolio_model", "calculating…")


def _health_text(row: PortfolioRow) -> str:
    if row.pending:
        return translate("portfolio_model", PENDING_TEXT)
    if row.health is None:
        return translate("portfolio_model", "no data")
    band = ui_text(BAND_WORDS[row.band]) if row.band else ""  # stored in English
    partial = "" if row.confidence >= 0.999 else translate("portfolio_model",
                                                           " · {confidence:.0%} of "
                                                           "data").format(confidence=row.confidence)
    # Truncated: 69.9 is yellow and must not read as the green threshold 70.
    return f"{math.floor(row.health)} {band}{partial}"


def _trend_text(row: PortfolioRow) -> str:
    if row.change is None:
        return "—"
    arrow = "▲" if row.change > 0.5 else "▼" if row.change < -0.5 else "▶"
    return f"{arrow} {row.change:+.0f}"


def _display(row: PortfolioRow, column: int) -> str:
    if column == PortfolioColumn.NAME:
        return row.name
    if column == PortfolioColumn.TIER:
        return ui_text(tier_label(row.tier))
    if column == PortfolioColumn.ARR:
        return format_money(row.arr)
    if column == PortfolioColumn.HEALTH:
        return _health_text(row)
    if column == PortfolioColumn.TREND:
        return _trend_text(row)
    if column == PortfolioColumn.RENEWAL:
        return row.renewal_date.isoformat() if row.renewal_date else "—"
    if column == PortfolioColumn.NEXT_QBR:
        return row.next_review_at.date().isoformat() if row.next_review_at else "—"
    if column == PortfolioColumn.EXPANSION:
        if row.pending:
            return "…"
        if row.expansion <= 0:
            return "—"
        level = LEVEL_WORDS.get(row.readiness)
        return translate("portfolio_model", "{amount} · {readiness}").format(
            amount=format_compact(Money(row.expansion, row.arr.currency)),
            readiness=ui_text(level) if level else row.readiness)
    return str(row.open_risks) if row.open_risks else "—"


def _sort_value(row: PortfolioRow, column: int) -> Any:
    return _sort_keys((row,), column)[0]


def _tier_position(tier: str) -> int:
    return TIER_ORDER.index(tier) if tier in TIER_ORDER else len(TIER_ORDER)


def _sort_keys(rows: Sequence[PortfolioRow], column: int) -> list[Any]:
    """Each row's key for sorting by `column`, as one comprehension (no call per row: the
    list is sorted by health as it opens, 50,000 rows on the GUI thread).

    Plain numbers and strings keep Qt's comparisons out of Python; missing values are inf
    (kept last).
    """
    inf = math.inf
    if column == PortfolioColumn.NAME:
        return [sort_key(row.name) for row in rows]
    if column == PortfolioColumn.TIER:
        return [_tier_position(row.tier) for row in rows]
    if column == PortfolioColumn.ARR:
        return [float(row.arr.amount) for row in rows]
    if column == PortfolioColumn.HEALTH:
        return [inf if row.health is None else row.health for row in rows]
    if column == PortfolioColumn.TREND:
        return [inf if row.change is None else row.change for row in rows]
    if column == PortfolioColumn.RENEWAL:
        return [row.renewal_date.toordinal() if row.renewal_date else inf for row in rows]
    if column == PortfolioColumn.NEXT_QBR:
        return [row.next_review_at.timestamp() if row.next_review_at else inf for row in rows]
    if column == PortfolioColumn.EXPANSION:
        return [float(row.expansion) for row in rows]
    return [row.open_risks for row in rows]


# Columns whose stored value sorts as the column does (None when missing, kept last): the
# list opens sorted by health, 50,000 rows on the GUI thread, and these sort with no call
# of ours per row. The other columns' keys are made by _sort_keys.
_STORED_KEYS: dict[int, Callable[[PortfolioRow], Any]] = {
    PortfolioColumn.HEALTH: attrgetter("health"),
    PortfolioColumn.TREND: attrgetter("change"),
    PortfolioColumn.RENEWAL: attrgetter("renewal_date"),
    PortfolioColumn.NEXT_QBR: attrgetter("next_review_at"),
    PortfolioColumn.EXPANSION: attrgetter("expansion"),
    PortfolioColumn.RISKS: attrgetter("open_risks"),
}


class PortfolioTableModel(QAbstractTableModel):
    """The rows shown: sorted, filtered by typed text and segment, all in Python.

    A proxy model would call back into Python for every row it filters and every pair it
    compares: 10,000 calls each time the list is filled. Here sorting uses precomputed
    keys and filtering one list comprehension; display texts are made when a row is
    first painted, so opening a large portfolio costs only what is seen.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[PortfolioRow] = []  # every row, sorted
        self._rows: list[PortfolioRow] = []  # the rows shown: _all, filtered
        self._display: list[tuple[str, ...] | None] = []
        self._search_all: list[str] | None = []
        self._row_by_id: dict[int, int] | None = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._needle = ""
        self._segment = Segment.ALL

    def set_rows(self, rows: Sequence[PortfolioRow]) -> None:
        self.beginResetModel()
        self._all = self._sorted(rows)
        self._search_all = None  # built on the first keystroke, not as the list opens
        self._rows = self._visible()
        self._reindex()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._relayout(lambda: self._sorted(self._all))

    def set_filter_text(self, text: str) -> None:
        self._needle = sort_key(text.strip())
        self._relayout()

    def set_segment(self, segment: Segment) -> None:
        self._segment = segment
        self._relayout()

    @property
    def total_count(self) -> int:
        return len(self._all)

    def _relayout(self, resorted: Callable[[], list[PortfolioRow]] | None = None) -> None:
        """Re-sort and/or re-filter, keeping the selection on rows that stay visible."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        remembered = [(self._rows[index.row()].account_id, index.column())
                      for index in persistent]
        if resorted is not None:
            self._all = resorted()
            self._search_all = None
        self._rows = self._visible()
        self._reindex()
        by_id = self.rows_by_id()
        self.changePersistentIndexList(persistent, [
            self.index(by_id[account_id], column) if account_id in by_id else QModelIndex()
            for account_id, column in remembered])
        self.layoutChanged.emit()

    def _visible(self) -> list[PortfolioRow]:
        segment, needle = self._segment, self._needle
        if not needle and segment is Segment.ALL:
            return list(self._all)
        texts = self.search_all if needle else None
        chosen = []
        for position, row in enumerate(self._all):
            if texts is not None and needle not in texts[position]:
                continue
            if segment is Segment.AT_RISK and not row.at_risk:
                continue
            if segment is Segment.EXPANSION_READY and not row.expansion_ready:
                continue
            chosen.append(row)
        return chosen

    def _sorted(self, rows: Sequence[PortfolioRow]) -> list[PortfolioRow]:
        column = self._sort_column
        if not 0 <= column < PortfolioColumn.COUNT:
            return list(rows)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        stored = _STORED_KEYS.get(column)
        if stored is not None:
            # The stored value is the key, read by a C getter: no key list made in Python.
            present = [row for row in rows if stored(row) is not None]
            present.sort(key=stored, reverse=descending)
            if len(present) < len(rows):
                present += [row for row in rows if stored(row) is None]
            return present
        # Keys and positions only: numbers and strings, which the cyclic collector does not
        # track. A (key, row) pair per row made 50,000 tracked tuples, enough to start a
        # full collector pass over the whole overview on the GUI thread (~0.25 s).
        keys = _sort_keys(rows, column)
        # Missing values (inf) stay last in both directions; ties keep name order.
        present_at = [position for position, key in enumerate(keys) if key != math.inf]
        present_at.sort(key=keys.__getitem__, reverse=descending)
        missing = [position for position, key in enumerate(keys) if key == math.inf]
        return [rows[position] for position in present_at + missing]

    def _reindex(self) -> None:
        self._display = [None] * len(self._rows)
        self._row_by_id = None  # built on first lookup

    def row_at(self, row: int) -> PortfolioRow:
        return self._rows[row]

    def row_of(self, account_id: int) -> int | None:
        return self.rows_by_id().get(account_id)

    def rows_by_id(self) -> dict[int, int]:
        if self._row_by_id is None:
            self._row_by_id = {r.account_id: i for i, r in enumerate(self._rows)}
        return self._row_by_id

    @property
    def search_all(self) -> list[str]:
        """Each row's name, industry and tier folded for matching typed text (all rows)."""
        if self._search_all is None:
            # A tier and an industry are found by the name shown as well as by the stored one.
            industries = industry_names()
            self._search_all = [
                sort_key(f"{r.name} {r.industry} {industries.get(r.industry, '')} {r.tier} "
                         f"{ui_text(tier_label(r.tier))}") for r in self._all]
        return self._search_all

    def column_texts(self, column: int, rows: int) -> list[str]:
        """What the first `rows` rows show in `column`, for fitting its width."""
        return [self._texts(row)[column] for row in range(min(rows, len(self._rows)))]

    def _texts(self, row: int) -> tuple[str, ...]:
        texts = self._display[row]
        if texts is None:
            item = self._rows[row]
            texts = tuple(_display(item, c) for c in range(PortfolioColumn.COUNT))
            self._display[row] = texts
        return texts

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else PortfolioColumn.COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[column]
        if role == SORT_ROLE:
            return _sort_value(self._rows[row], column)
        if role == ACCOUNT_ID_ROLE:
            return self._rows[row].account_id
        item = self._rows[row]
        if role == Qt.ItemDataRole.ForegroundRole and column == PortfolioColumn.HEALTH \
                and item.band is not None:
            return QBrush(QColor(BAND_COLOURS[item.band]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                PortfolioColumn.ARR, PortfolioColumn.HEALTH, PortfolioColumn.TREND,
                PortfolioColumn.EXPANSION, PortfolioColumn.RISKS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < PortfolioColumn.COUNT:
            return translate("portfolio_model", HEADERS[section])
        return None

    @staticmethod
    def _tooltip(item: PortfolioRow, column: int) -> str | None:
        if column == PortfolioColumn.HEALTH and item.latest_quarter is not None:
            return (translate("PortfolioTableModel",
                              "Health in {latest_quarter}, from {confidence:.0%} of the weighted "
                              "data").format(latest_quarter=item.latest_quarter,
                                             confidence=item.confidence))
        if column == PortfolioColumn.NAME:
            return item.name
        return None
