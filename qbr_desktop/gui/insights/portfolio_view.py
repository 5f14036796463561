"""The portfolio overview: every account's health, trend, renewal and expansion in one table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.activating_table import ActivatingTableView
from qbr_desktop.gui.insights.portfolio_model import (
    ACCOUNT_ID_ROLE,
    HEADERS,
    PortfolioColumn,
    PortfolioTableModel,
    Segment,
)
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import start_task

# Enough rows to see the usual widths; a longer text further down is elided, not cut.
FIT_SAMPLE_ROWS = 300
FIT_CANDIDATES = 5  # the longest texts by length are measured in pixels
CELL_PADDING = 24  # margins and the sort arrow
PAINT_WAIT_MS = 500

if TYPE_CHECKING:
    from qbr_desktop.services.insights import InsightService, PortfolioOverview


class PortfolioView(QWidget):
    # The CSM opened an account from the overview (its id).
    account_activated = Signal(int)
    # A complete overview has been shown (the PortfolioOverview), every health computed.
    overview_shown = Signal(object)

    def __init__(self, service: InsightService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.overview: PortfolioOverview | None = None
        self.model = PortfolioTableModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(translate("PortfolioView",
                                                      "Filter by name, industry or tier"))
        self.filter_edit.setClearButtonEnabled(True)
        self.segment_box = QComboBox(self)
        for segment in Segment:
            self.segment_box.addItem(translate("Segment", segment.value), segment.value)
        self.segment_box.setAccessibleName(translate("PortfolioView", "Show"))
        self.summary = QLabel(translate("PortfolioView",
                                        "Calculating health across the portfolio…"), self)
        self.summary.setObjectName("portfolioSummary")
        self.refresh_button = QPushButton(translate("PortfolioView", "&Refresh"), self)
        self.table = ActivatingTableView(self)
        self.table.setModel(self.model)
        self.table.sortByColumn(PortfolioColumn.HEALTH, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PortfolioColumn.NAME, QHeaderView.ResizeMode.Stretch)
        # Widths are fitted once per list from the texts themselves (fit_columns), not by
        # ResizeToContents, which asks the model for every visible cell's size on each
        # layout; the CSM can then drag them.
        for column in range(1, PortfolioColumn.COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fitting = False
        self._user_sized = False
        self._compute_after_paint = False
        self.table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._section_resized)
        controls = QHBoxLayout()
        controls.addWidget(self.filter_edit, 3)
        show_label = QLabel(translate("PortfolioView", "&Show:"), self)
        show_label.setBuddy(self.segment_box)
        controls.addWidget(show_label)
        controls.addWidget(self.segment_box, 1)
        controls.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.filter_edit.textChanged.connect(self._filter)
        self.segment_box.currentIndexChanged.connect(self._segment)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.doubleClicked.connect(self._activate)
        self.table.row_activated.connect(self._activate)

    def refresh(self) -> None:
        """Show every account at once from stored results, then compute what is missing."""
        self.refresh_button.setEnabled(False)
        self.summary.setText(translate("PortfolioView", "Calculating health across the portfolio…"))
        # Kept: a QRunnable whose signals nobody references can be collected early.
        self._task = start_task(lambda: self.service.overview(stored_only=True),
                                self._show_stored, self._failed,
                                translate("PortfolioView", "reading the portfolio"))

    def _show_stored(self, overview: PortfolioOverview) -> None:
        if not overview.pending:
            self.show_overview(overview)
            return
        self._display(overview)
        # The computation holds the interpreter for seconds: it starts once the accounts
        # have been painted, or at once when the table is not on screen to paint.
        if self.table.viewport().isVisible():
            self._compute_after_paint = True
            # A minimised window gets no paint: do not wait for one for long.
            QTimer.singleShot(PAINT_WAIT_MS, self._compute_if_still_waiting)
        else:
            self._compute_missing()

    def _compute_if_still_waiting(self) -> None:
        if self._compute_after_paint:
            self._compute_after_paint = False
            self._compute_missing()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._compute_after_paint and event.type() == QEvent.Type.Paint
                and watched is self.table.viewport()):
            self._compute_after_paint = False
            QTimer.singleShot(0, self._compute_missing)  # after this paint has finished
        return False

    def _compute_missing(self) -> None:
        self._task = start_task(self.service.overview, self.show_overview, self._failed,
                                translate("PortfolioView", "calculating the portfolio overview"))

    def show_overview(self, overview: PortfolioOverview) -> None:
        self._display(overview)
        self.refresh_button.setEnabled(True)
        self.overview_shown.emit(overview)

    def _display(self, overview: PortfolioOverview) -> None:
        self.overview = overview
        current = self.table.currentIndex()
        chosen = current.data(ACCOUNT_ID_ROLE) if current.isValid() else None
        self.model.set_rows(overview.rows)
        self.fit_columns()
        if chosen is not None:
            self._select_account(int(chosen))
        self._update_summary()

    def fit_columns(self) -> None:
        """Size each column to its widest text among the first rows and its header."""
        if self._user_sized:
            return
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for column in range(1, PortfolioColumn.COUNT):
                texts = [translate("portfolio_model", HEADERS[column]),
                         *self.model.column_texts(column, FIT_SAMPLE_ROWS)]
                widest = max(texts, key=len)
                width = max(metrics.horizontalAdvance(text) for text in
                            sorted(texts, key=len)[-FIT_CANDIDATES:])
                header.resizeSection(column, max(width, metrics.horizontalAdvance(widest))
                                     + CELL_PADDING)
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        # The stretching name column follows the window; only a dragged column counts.
        if not self._fitting and self.isVisible() and column != PortfolioColumn.NAME:
            self._user_sized = True  # the CSM dragged a column: leave it as they set it

    def _select_account(self, account_id: int) -> None:
        source_row = self.model.row_of(account_id)
        if source_row is None:
            return
        self.table.setCurrentIndex(self.model.index(source_row, 0))

    def select_segment(self, segment: Segment) -> None:
        self.segment_box.setCurrentIndex(self.segment_box.findData(segment.value))

    def _failed(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(translate("PortfolioView",
                                       "Could not calculate the overview: "
                                       "{message}").format(message=message))

    def _filter(self, text: str) -> None:
        self.model.set_filter_text(text)
        self._update_summary()

    def _segment(self, _index: int) -> None:
        self.model.set_segment(Segment(self.segment_box.currentData()))
        self._update_summary()

    def _update_summary(self) -> None:
        if self.overview is None:
            return
        total = len(self.overview.rows)
        shown = self.model.rowCount()
        parts = [translate("PortfolioView", "{total} accounts").format(total=total),
                 translate("PortfolioView",
                           "{at_risk_count} at "
                           "risk").format(at_risk_count=self.overview.at_risk_count),
                 translate("PortfolioView",
                           "{expansion_ready_count} ready to "
                           "expand").format(expansion_ready_count=self.overview.expansion_ready_count)]
        if pending := self.overview.pending:
            parts.append(translate("PortfolioView",
                                   "calculating health for {pending}…").format(pending=pending))
        if shown != total:
            parts.insert(0, translate("PortfolioView", "showing {shown}").format(shown=shown))
        self.summary.setText(" · ".join(parts) + translate("PortfolioView",
                                                           " · as of "
                                                           "{isoformat}").format(isoformat=self.overview.as_of.isoformat()))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.account_activated.emit(int(index.data(ACCOUNT_ID_ROLE)))
