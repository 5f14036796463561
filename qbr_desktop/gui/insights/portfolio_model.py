"""The portfolio overview as a Qt table model, and the proxy that sorts and segments it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

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
from qbr_desktop.services.portfolio_rows import PortfolioRow, PortfolioRows

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
    """The row's key for `column`; a missing value is inf, after every number."""
    key = _sort_keys(PortfolioRows.of((row,)), column)[0]
    return math.inf if key is None else key


def _tier_position(tier: str) -> int:
    return TIER_ORDER.index(tier) if tier in TIER_ORDER else len(TIER_ORDER)


# Columns whose value sorts as the column does (None when missing, kept last): the list
# opens sorted by health, 50,000 rows on the GUI thread, and these sort with no call of
# ours per row. The other columns' keys are made by _sort_keys.
_STORED_KEYS = {
    PortfolioColumn.HEALTH: "health",
    PortfolioColumn.TREND: "change",
    PortfolioColumn.RENEWAL: "renewal_date",
    PortfolioColumn.NEXT_QBR: "next_review_at",
    PortfolioColumn.EXPANSION: "expansion",
    PortfolioColumn.RISKS: "open_risks",
}


def _sort_keys(rows: PortfolioRows, column: int) -> list[Any]:
    """Each row's key for sorting by `column`, by position, as one comprehension over a
    column of the rows (no row built, no call per row).

    Plain numbers and strings keep Qt's comparisons out of Python; a missing value is None.
    """
    if column == PortfolioColumn.NAME:
        return list(map(sort_key, rows.column("name")))
    if column == PortfolioColumn.TIER:
        return list(map(_tier_position, rows.column("tier")))
    if column == PortfolioColumn.ARR:
        return [float(amount.amount) for amount in rows.column("arr")]
    if column == PortfolioColumn.RENEWAL:
        return [day.toordinal() if day else None for day in rows.column("renewal_date")]
    if column == PortfolioColumn.NEXT_QBR:
        return [at.timestamp() if at else None for at in rows.column("next_review_at")]
    if column == PortfolioColumn.EXPANSION:
        return list(map(float, rows.column("expansion")))
    return list(rows.column(_STORED_KEYS[column]))


class PortfolioTableModel(QAbstractTableModel):
    """The rows shown: sorted, filtered by typed text and segment, all in Python.

    A proxy model would call back into Python for every row it filters and every pair it
    compares: 10,000 calls each time the list is filled. Here the model holds positions in
    the overview's rows: sorting reads one column of the rows and filtering one list
    comprehension; a row is built, and its texts made, when it is first painted, so
    opening a large portfolio costs only what is seen.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = PortfolioRows.of(())
        self._all: list[int] = []  # every row's position in _source, sorted
        self._rows: list[int] = []  # the positions shown: _all, filtered
        self._display: list[tuple[str, ...] | None] = []
        self._search_texts: list[str] | None = []
        self._row_by_id: dict[int, int] | None = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._needle = ""
        self._segment = Segment.ALL

    def set_rows(self, rows: Sequence[PortfolioRow]) -> None:
        self.beginResetModel()
        self._source = rows if isinstance(rows, PortfolioRows) else PortfolioRows.of(rows)
        self._search_texts = None  # made on the first keystroke, not as the list opens
        self._all = self._sorted()
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

    def _relayout(self, resorted: Callable[[], list[int]] | None = None) -> None:
        """Re-sort and/or re-filter, keeping the selection on rows that stay visible."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = self._source.column("account_id")
        remembered = [(ids[self._rows[index.row()]], index.column()) for index in persistent]
        if resorted is not None:
            self._all = resorted()
        self._rows = self._visible()
        self._reindex()
        by_id = self.rows_by_id()
        self.changePersistentIndexList(persistent, [
            self.index(by_id[account_id], column) if account_id in by_id else QModelIndex()
            for account_id, column in remembered])
        self.layoutChanged.emit()

    def _visible(self) -> list[int]:
        segment, needle = self._segment, self._needle
        chosen = list(self._all)
        if needle:
            texts = self.search_texts
            chosen = [position for position in chosen if needle in texts[position]]
        if segment is not Segment.ALL:
            flags = self._source.column(
                "at_risk" if segment is Segment.AT_RISK else "expansion_ready")
            chosen = [position for position in chosen if flags[position]]
        return chosen

    def _sorted(self, base: list[int] | None = None) -> list[int]:
        """Every row's position, in the chosen order. Ties keep their order in `base` (the
        order shown before this sort, so a second sort refines the first), or else the
        rows' own order, by name."""
        source, column = self._source, self._sort_column
        if not 0 <= column < PortfolioColumn.COUNT:
            return list(range(len(source))) if base is None else list(base)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        stored = _STORED_KEYS.get(column)
        # A stored column's values are compared as they are (no key list made); missing
        # values (None) are kept last in both directions.
        keys = source.column(stored) if stored is not None else _sort_keys(source, column)
        order = range(len(keys)) if base is None else base
        present = [position for position in order if keys[position] is not None]
        present.sort(key=keys.__getitem__, reverse=descending)
        if len(present) < len(keys):
            present += [position for position in order if keys[position] is None]
        return present

    def _reindex(self) -> None:
        self._display = [None] * len(self._rows)
        self._row_by_id = None  # built on first lookup

    def row_at(self, row: int) -> PortfolioRow:
        return self._source[self._rows[row]]

    def row_of(self, account_id: int) -> int | None:
        return self.rows_by_id().get(account_id)

    def rows_by_id(self) -> dict[int, int]:
        if self._row_by_id is None:
            ids = self._source.column("account_id")
            self._row_by_id = {ids[position]: row for row, position in enumerate(self._rows)}
        return self._row_by_id

    @property
    def search_texts(self) -> list[str]:
        """Each row's name, industry and tier folded for matching typed text, by position."""
        if self._search_texts is None:
            # A tier and an industry are found by the name shown as well as by the stored one.
            industries = industry_names()
            shown_tiers = {tier: ui_text(tier_label(tier))
                           for tier in set(self._source.column("tier"))}
            self._search_texts = [
                sort_key(f"{name} {industry} {industries.get(industry, '')} {tier} "
                         f"{shown_tiers[tier]}")
                for name, industry, tier in zip(self._source.column("name"),
                                                self._source.column("industry"),
                                                self._source.column("tier"), strict=True)]
        return self._search_texts

    def column_texts(self, column: int, rows: int) -> list[str]:
        """What the first `rows` rows show in `column`, for fitting its width."""
        return [self._texts(row)[column] for row in range(min(rows, len(self._rows)))]

    def _texts(self, row: int) -> tuple[str, ...]:
        texts = self._display[row]
        if texts is None:
            item = self.row_at(row)
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
            return _sort_value(self.row_at(row), column)
        if role == ACCOUNT_ID_ROLE:
            return self._source.column("account_id")[self._rows[row]]
        item = self.row_at(row)
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
