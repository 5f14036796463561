"""The portfolio's "Upcoming QBRs": every review in the coming weeks, how far its
preparation is, and the accounts whose review cadence needs one planned."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.cadence import CadenceState
from qbr_desktop.domain.deck_review import DeckReview, DeckState
from qbr_desktop.domain.meeting_time import meeting_when
from qbr_desktop.domain.tiers import SCHEMES, tier_label
from qbr_desktop.gui.activating_table import ActivatingTableView
from qbr_desktop.gui.deck.review_state import review_words
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.gui.worker import start_task
from qbr_desktop.i18n import ui_label, ui_text

if TYPE_CHECKING:
    from qbr_desktop.services.plan_views import UpcomingReview
    from qbr_desktop.services.plans import PlanService

ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# Tiers sort by importance, not alphabetically: Strategic first, in either tier model.
TIER_RANK = {tier: rank for scheme in SCHEMES.values()
             for rank, tier in enumerate(scheme.tiers)}
CADENCE_RANK = {state.value: rank for rank, state in enumerate(
    (CadenceState.OVERDUE, CadenceState.NEVER_REVIEWED, CadenceState.DUE,
     CadenceState.PLANNED_LATE, CadenceState.PLANNED, CadenceState.ON_TRACK))}
AnyIndex = QModelIndex | QPersistentModelIndex
ACCOUNT_WIDTH = 280  # at most, at first: longer names are cut (whole in the tooltip)


class UpcomingColumn(IntEnum):
    ACCOUNT = 0
    TIER = 1
    MEETING = 2
    PREP = 3
    BEHIND = 4
    CADENCE = 5
    DECK = 6  # on its way to the CS manager: ready for review, approved


HEADERS = (QT_TRANSLATE_NOOP("upcoming_view", "Account"),
           QT_TRANSLATE_NOOP("upcoming_view", "Tier"),
           QT_TRANSLATE_NOOP("upcoming_view", "Meeting"),
           QT_TRANSLATE_NOOP("upcoming_view", "Prep progress"),
           QT_TRANSLATE_NOOP("upcoming_view", "Behind"),
           QT_TRANSLATE_NOOP("upcoming_view", "Cadence"),
           QT_TRANSLATE_NOOP("upcoming_view", "Deck review"))


def meeting_text(row: UpcomingReview) -> str:
    if row.meeting_at is None:
        return translate("upcoming_view", "Not planned")
    return meeting_when(row.meeting_at, row.time_zone)


class UpcomingModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UpcomingReview] = []
        self.decks: dict[int, DeckReview] = {}

    def set_rows(self, rows: list[UpcomingReview],
                 decks: dict[int, DeckReview] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.decks = dict(decks or {})
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(UpcomingColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return translate("upcoming_view", HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], UpcomingColumn(index.column())
        if role == ACCOUNT_ID_ROLE:
            return row.account_id
        if column == UpcomingColumn.DECK:
            return self._deck(row, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == UpcomingColumn.BEHIND \
                and row.behind_schedule:
            return QColor("#b00020")
        return None

    def _deck(self, row: UpcomingReview, role: int) -> Any:
        review = self.decks.get(row.account_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if review is None:
                return translate("UpcomingModel", "draft")
            who = {DeckState.APPROVED: review.approved_by,
                   DeckState.CHANGES: review.changes_by}.get(review.state, review.ready_by)
            return ui_label(review.state.label) + (f" · {who}" if who else "") + (
                translate("UpcomingModel", " · changed since") if review.changed_since else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return review_words(review) if review is not None else translate("UpcomingModel",
                                                                         "Not handed over for "
                                                                         "review")
        if role == SORT_ROLE:  # the decks waiting for the manager first
            order = {DeckState.READY: 0, DeckState.CHANGES: 1, DeckState.APPROVED: 2}
            return order.get(review.state, 3) if review is not None else 3
        return None

    @staticmethod
    def _text(row: UpcomingReview, column: UpcomingColumn) -> str:
        planned = row.review_id is not None
        if column == UpcomingColumn.ACCOUNT:
            return row.account_name
        if column == UpcomingColumn.TIER:
            return ui_text(tier_label(row.tier))
        if column == UpcomingColumn.MEETING:
            return meeting_text(row)
        if column == UpcomingColumn.PREP:
            if not planned:
                return "—"
            return f"{row.tasks_done}/{row.tasks_total}" if row.tasks_total else translate(
                "UpcomingModel", "No prep plan")
        if column == UpcomingColumn.BEHIND:
            if not planned:
                return "—"
            return translate("UpcomingModel", "Yes · {overdue_tasks} overdue").format(
                overdue_tasks=row.overdue_tasks) if row.behind_schedule else translate(
                    "UpcomingModel", "No")
        return ui_text(row.cadence_words)

    @staticmethod
    def _sort_key(row: UpcomingReview, column: UpcomingColumn) -> Any:
        if column == UpcomingColumn.ACCOUNT:
            return row.account_name.casefold()
        if column == UpcomingColumn.TIER:
            return TIER_RANK.get(row.tier, len(TIER_RANK))
        if column == UpcomingColumn.MEETING:  # unplanned accounts after every meeting
            return row.meeting_at.timestamp() if row.meeting_at else float("inf")
        if column == UpcomingColumn.PREP:
            return row.progress if row.review_id is not None else -1.0
        if column == UpcomingColumn.BEHIND:
            return row.overdue_tasks if row.review_id is not None else -1
        return CADENCE_RANK.get(row.cadence_state, len(CADENCE_RANK))


class UpcomingView(QWidget):
    # The CSM opened an account from the list (its id).
    account_activated = Signal(int)
    # A fresh list is on show (the list of UpcomingReview).
    upcoming_shown = Signal(object)

    def __init__(self, plans: PlanService, parent: QWidget | None = None, *,
                 deck_reviews: Callable[[], dict[int, tuple[str, DeckReview]]] | None = None
                 ) -> None:
        """`deck_reviews` gives every deck marked ready or approved (ProgrammeService)."""
        super().__init__(parent)
        self.plans = plans
        self.deck_reviews = deck_reviews
        self._request = 0
        self.model = UpcomingModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.days_box = QSpinBox(self)
        self.days_box.setRange(1, 3660)
        self.days_box.setValue(90)
        self.days_box.setSuffix(translate("UpcomingView", " days"))
        self.days_box.setAccessibleName(translate("UpcomingView", "Look ahead"))
        self.refresh_button = QPushButton(translate("UpcomingView", "&Refresh"), self)
        self.summary = QLabel(translate("UpcomingView",
                                        "Press Refresh to list the coming reviews."), self)
        self.summary.setObjectName("upcomingSummary")
        self.table = ActivatingTableView(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(UpcomingColumn.MEETING, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # whole in the tooltip
        header = self.table.horizontalHeader()
        for column in UpcomingColumn:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column == UpcomingColumn.CADENCE
                                        else QHeaderView.ResizeMode.ResizeToContents)
        # A very long account name would squeeze the cadence's reason to a few letters.
        header.setSectionResizeMode(UpcomingColumn.ACCOUNT, QHeaderView.ResizeMode.Interactive)
        controls = QHBoxLayout()
        label = QLabel(translate("UpcomingView", "&Look ahead:"), self)
        label.setBuddy(self.days_box)
        controls.addWidget(label)
        controls.addWidget(self.days_box)
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.days_box.editingFinished.connect(self.refresh)
        self.table.doubleClicked.connect(self._activate)
        self.table.row_activated.connect(self._activate)

    def refresh(self) -> None:
        self._request += 1
        request, days, plans = self._request, self.days_box.value(), self.plans
        decks = self.deck_reviews
        self.summary.setText(translate("UpcomingView", "Looking for reviews…"))
        # Kept: a QRunnable whose signals nobody references can be collected early.
        self._task = start_task(lambda: (request, plans.upcoming(days),
                                         {account: review for account, (_n, review)
                                          in (decks() if decks else {}).items()}),
                                self._show, self._failed,
                                translate("UpcomingView", "reading the upcoming reviews"))

    def _show(self, result: tuple[int, list[UpcomingReview], dict[int, DeckReview]]) -> None:
        request, rows, decks = result
        if request != self._request:
            return  # an older request answered after a newer one was made
        current = self.table.currentIndex()
        chosen = current.data(ACCOUNT_ID_ROLE) if current.isValid() else None
        self.model.set_rows(rows, decks)
        self.table.horizontalHeader().resizeSection(UpcomingColumn.ACCOUNT, min(
            self.table.sizeHintForColumn(UpcomingColumn.ACCOUNT), ACCOUNT_WIDTH))
        if chosen is not None:
            self.select_account(int(chosen))
        planned = [r for r in rows if r.review_id is not None and r.in_window]
        behind = sum(1 for r in planned if r.behind_schedule)
        unplanned = sum(1 for r in rows if r.review_id is None)
        # The count as a name: lupdate misses a translate() whose count is a call. English
        # has no catalogue to choose plural forms, hence the two texts.
        count = len(planned)
        coming = (translate("UpcomingView", "%n review in the next {days} days", None, count)
                  if count == 1 else
                  translate("UpcomingView", "%n reviews in the next {days} days", None, count))
        self.summary.setText(
            coming.format(days=self.days_box.value())
            + translate("UpcomingView", " · {behind} behind schedule").format(behind=behind)
            + (translate("UpcomingView", " · %n account to plan", None, unplanned)
               if unplanned == 1 else
               translate("UpcomingView", " · %n accounts to plan", None, unplanned))
            + ((translate("UpcomingView", " · %n deck waiting for review", None, waiting)
                if waiting == 1 else
                translate("UpcomingView", " · %n decks waiting for review", None, waiting))
               if (waiting := sum(r.state is DeckState.READY for r in decks.values()))
               else ""))
        self.upcoming_shown.emit(rows)

    def _failed(self, message: str) -> None:
        self.summary.setText(translate("UpcomingView",
                                       "Could not list the coming reviews: "
                                       "{message}").format(message=message))

    def select_account(self, account_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ACCOUNT_ID_ROLE) == account_id:
                self.table.setCurrentIndex(index)
                return True
        return False

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.account_activated.emit(int(index.data(ACCOUNT_ID_ROLE)))
