"""The portfolio as a Qt table model, with a proxy that sorts and filters it."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)

from qbr_desktop.domain.accounts import INDUSTRIES, AccountSummary, sort_key
from qbr_desktop.domain.meeting_time import meeting_day
from qbr_desktop.domain.money import format_money
from qbr_desktop.domain.tiers import TIER_LABELS
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label, ui_text

# Rows announced to the views per turn of the event loop. Each row announced costs the
# filter proxy one call into Python (filterAcceptsRow): 50,000 at once kept the window
# from answering for 50-230 ms; 2,500 a turn take a few milliseconds each on a quiet
# machine, but tens on a busy one: the step is then cut to what fits in FILL_TURN_S.
FILL_STEP = 2_500
FILL_TURN_S = 0.008
FILL_STEP_MIN = 100
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
TIER_ORDER = ("Strategic", "Enterprise", "Growth", "Mid-Market", "SMB", "Core", "Tech-Touch")

AnyIndex = QModelIndex | QPersistentModelIndex


class AccountColumn:
    NAME = 0
    TIER = 1
    ARR = 2
    RENEWAL = 3
    NEXT_QBR = 4
    OWNER = 5
    COUNT = 6


HEADERS = (QT_TRANSLATE_NOOP("table_model", "Account"), QT_TRANSLATE_NOOP("table_model", "Tier"),
           "ARR", QT_TRANSLATE_NOOP("table_model", "Renewal"),
           QT_TRANSLATE_NOOP("table_model", "Next QBR"), "CSM")


def _tier_names() -> dict[str, str]:
    """Each scheme tier's name in the interface language, looked up once per list."""
    return {tier: ui_text(label) for tier, label in TIER_LABELS.items()}


def industry_names() -> dict[str, str]:
    """Each listed industry's name in the interface language by its stored English name,
    looked up once per list (an industry typed that is not listed has no other name)."""
    return {industry: ui_label(industry) for industry in INDUSTRIES}


def _display_row(item: AccountSummary, tiers: dict[str, str]) -> tuple[str, ...]:
    """Every column's text; all at once, as 50,000 rows are made at start-up."""
    tier = tiers.get(item.tier, item.tier)
    return (
        item.name,
        translate("table_model",
                  "{tier} (set)").format(tier=tier) if item.tier_is_override else tier,
        format_money(item.arr),
        item.renewal_date.isoformat() if item.renewal_date else "—",
        meeting_day(item.next_qbr_at, item.next_qbr_zone).isoformat()
        if item.next_qbr_at else "—",
        item.csm_owner,
    )


def _sort_row(item: AccountSummary) -> tuple[Any, ...]:
    """Every column's sort key: plain ints, floats and strings, so Qt compares them without
    calling back into Python types; missing dates sort last."""
    tier = item.tier
    return (
        sort_key(item.name),
        TIER_ORDER.index(tier) if tier in TIER_ORDER else len(TIER_ORDER),
        float(item.arr.amount),
        item.renewal_date.toordinal() if item.renewal_date else math.inf,
        item.next_qbr_at.timestamp() if item.next_qbr_at else math.inf,
        sort_key(item.csm_owner),
    )


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """The list's rows with their display text, sort keys and filter text, in name order.

    Made by `prepare_rows`, which touches no widget: start-up makes them on a worker thread,
    as they take seconds for 50,000 accounts, and the model takes them in at once.
    """

    items: list[AccountSummary]
    display: list[tuple[str, ...]]
    sort: list[tuple[Any, ...]]
    search: list[str]


def prepare_rows(items: Sequence[AccountSummary]) -> PreparedRows:
    keys = [_sort_row(i) for i in items]
    # The order AccountTableModel.sort gives by name, ascending.
    order = sorted(range(len(items)), key=lambda r: (keys[r][AccountColumn.NAME], keys[r][0]))
    ordered = [items[r] for r in order]
    tiers = _tier_names()
    industries = industry_names()
    # The filter finds a tier and an industry by the name shown as well as by the stored one.
    return PreparedRows(
        ordered,
        [_display_row(i, tiers) for i in ordered],
        [keys[r] for r in order],
        [sort_key(" ".join((i.name, i.industry, industries.get(i.industry, ""), i.country,
                            i.tier, tiers.get(i.tier, ""), i.csm_owner)))
         for i in ordered])


def next_fill_step(step: int, spent_s: float) -> int:
    """The rows to announce next turn, after `step` rows took `spent_s`: as many as fit in
    FILL_TURN_S at that pace, never more than FILL_STEP nor fewer than FILL_STEP_MIN."""
    fitting = step * FILL_TURN_S / spent_s if spent_s > 0 else FILL_STEP
    return max(min(FILL_STEP_MIN, FILL_STEP), min(FILL_STEP, int(fitting)))


class AccountTableModel(QAbstractTableModel):
    """Rows are AccountSummary objects; display text and sort keys are computed once.

    A long list is announced to the views in steps (FILL_STEP rows a turn of the event
    loop, `filled` once all are in): the first rows show at once and the window answers
    meanwhile. Every row is held from the start; `total_count` counts them all.
    """

    # Every row is announced to the views (a long list's fill has ended).
    filled = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AccountSummary] = []
        self._display: list[tuple[str, ...]] = []
        self._sort: list[tuple[Any, ...]] = []
        self.search_text: list[str] = []
        # The (column, order) the rows are in, once sorted.
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._shown = 0  # the rows announced to the views: the first ones
        self._step = FILL_STEP  # rows a turn, fitted to FILL_TURN_S as the fill goes
        self._fill = QTimer(self)
        self._fill.setInterval(0)
        self._fill.timeout.connect(self._announce_more)

    # Loading -------------------------------------------------------------------------
    def set_accounts(self, items: Sequence[AccountSummary]) -> None:
        self.set_rows(prepare_rows(items))

    def set_rows(self, rows: PreparedRows) -> None:
        self.beginResetModel()
        self._items, self._display = list(rows.items), list(rows.display)
        self._sort, self.search_text = list(rows.sort), list(rows.search)
        self.sorted_by = (AccountColumn.NAME, Qt.SortOrder.AscendingOrder)
        self._end_reset()

    @property
    def total_count(self) -> int:
        return len(self._items)

    @property
    def filling(self) -> bool:
        return self._shown < len(self._items)

    def show_through(self, row: int) -> None:
        """Announce every row up to `row` now (to select it, say), if not yet done."""
        if row >= self._shown:
            self._announce(row + 1)

    def finish_filling(self) -> None:
        self._announce(len(self._items))

    def _end_reset(self) -> None:
        self._step = FILL_STEP
        self._shown = min(len(self._items), FILL_STEP)
        self.endResetModel()
        if self.filling:
            self._fill.start()
        else:
            self._fill.stop()
            self.filled.emit()

    def _announce_more(self) -> None:
        started = time.perf_counter()
        self._announce(self._shown + self._step)
        self._step = next_fill_step(self._step, time.perf_counter() - started)

    def _announce(self, upto: int) -> None:
        upto = min(upto, len(self._items))
        if upto > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, upto - 1)
            self._shown = upto
            self.endInsertRows()
        if not self.filling and self._fill.isActive():
            self._fill.stop()
            self.filled.emit()

    def row_of(self, account_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == account_id:
                return row
        return None

    def account_at(self, row: int) -> AccountSummary:
        return self._items[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder rows by precomputed keys in one Python sort.

        Sorting in Qt's proxy would call back into Python twice per comparison: about
        two seconds for 10,000 accounts, against a few milliseconds here. The change is
        announced as a reset: emitting the layout-change signals from Python crashes
        PySide6 6.12 (a reference-count bug), and views re-select by account id anyway.
        """
        if not 0 <= column < AccountColumn.COUNT:
            return
        keys = self._sort
        new_order = sorted(range(len(self._items)), key=lambda r: (keys[r][column], keys[r][0]),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._items = [self._items[r] for r in new_order]
        self._display = [self._display[r] for r in new_order]
        self._sort = [self._sort[r] for r in new_order]
        self.search_text = [self.search_text[r] for r in new_order]
        self.sorted_by = (column, order)
        self._end_reset()

    # Qt overrides --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else AccountColumn.COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == AccountColumn.NAME:
            return self._items[row].name
        if role == SORT_ROLE:
            return self._sort[row][column]
        if role == ACCOUNT_ID_ROLE:
            return self._items[row].id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AccountColumn.ARR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < AccountColumn.COUNT):
            return translate("table_model", HEADERS[section])
        return None


class AccountFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose text contains every typed word; sorting is done by the source model.

    The proxy itself stays unsorted (it keeps the source order), so a filter change costs
    one cheap yes/no call per row and never a Python-driven re-sort.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self._words: tuple[str, ...] = ()
        self._owner: Callable[[str], bool] | None = None
        self._accepted: list[bool] | None = None
        self._sort_column = AccountColumn.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        model = self.sourceModel()
        if isinstance(model, AccountTableModel):
            model.sort(column, order)

    def resort(self) -> None:
        """Apply the current sort again (after the source model was reloaded), unless the
        rows came in that order."""
        model = self.sourceModel()
        if isinstance(model, AccountTableModel) and model.sorted_by == (self._sort_column,
                                                                          self._sort_order):
            return
        self.sort(self._sort_column, self._sort_order)

    def setSourceModel(self, model: Any) -> None:
        # Connected before the proxy's own handlers, so the accepted rows are recomputed
        # for the new row order before the proxy asks about them.
        if isinstance(model, AccountTableModel):
            model.modelReset.connect(self._recompute)
        super().setSourceModel(model)
        self._recompute()

    def set_filter_text(self, text: str) -> None:
        words = tuple(sort_key(text).split())
        if words == self._words:
            return
        self._words = words
        self._recompute()
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_owner_filter(self, accepts: Callable[[str], bool] | None) -> None:
        """Keep only accounts whose owner `accepts` says yes to ("My accounts"); None: all."""
        self._owner = accepts
        self._recompute()
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _recompute(self) -> None:
        model = self.sourceModel()
        if (self._words or self._owner) and isinstance(model, AccountTableModel):
            # One pass in Python over precomputed text; Qt then asks a cheap yes/no per row.
            words, owner = self._words, self._owner
            self._accepted = [
                all(w in text for w in words)
                and (owner is None or owner(model.account_at(row).csm_owner))
                for row, text in enumerate(model.search_text)]
        else:
            self._accepted = None

    def accepted_count(self) -> int:
        """How many accounts the filters keep, counting rows not yet announced."""
        model = self.sourceModel()
        total = model.total_count if isinstance(model, AccountTableModel) else 0
        return total if self._accepted is None else sum(self._accepted)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        accepted = self._accepted
        return accepted is None or (source_row < len(accepted) and accepted[source_row])
