"""The programme view, beside the portfolio overview: whether the portfolio's QBRs work.

Every process and outcome metric with its target, the quarter picked against the four
before it, each met / missed / not enough data; a click on a figure lists the reviews
behind it (double-click one to open its review card); cadence compliance by tier; the
maturity stage with its reason. The figures are computed off the GUI thread, and the view
exports itself as a one-page PDF, a CSV or an XLSX file for the CS leadership. On a page
beside the reviews behind a figure, the decks waiting for my review
(gui/programme/deck_queue.py), read again each time the view is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.formatting import value_text
from qbr_desktop.domain.programme.metrics import SPECS, Figure, Unit
from qbr_desktop.domain.tiers import tier_label
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.programme.deck_queue import DeckQueue
from qbr_desktop.gui.programme.programme_model import FIGURE_ROLE, Column, ProgrammeModel
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.gui.worker import Worker, start_task
from qbr_desktop.i18n import ui_label, ui_text

if TYPE_CHECKING:
    from qbr_desktop.services.deck_reviews import DeckReviewService
    from qbr_desktop.services.programme import ProgrammeReport, ProgrammeService

QUARTERS_OFFERED = 8
ALL_OWNERS = QT_TRANSLATE_NOOP("programme_view", "All CSMs")
REVIEW_COLUMNS = (QT_TRANSLATE_NOOP("programme_view", "Account"),
                  QT_TRANSLATE_NOOP("programme_view", "Held on"),
                  QT_TRANSLATE_NOOP("programme_view", "Owner"),
                  QT_TRANSLATE_NOOP("programme_view", "Counts"),
                  QT_TRANSLATE_NOOP("programme_view", "Detail"))
CADENCE_COLUMNS = (QT_TRANSLATE_NOOP("programme_view", "Tier"),
                   QT_TRANSLATE_NOOP("programme_view", "Due"),
                   QT_TRANSLATE_NOOP("programme_view", "Held"),
                   QT_TRANSLATE_NOOP("programme_view", "Rate"),
                   QT_TRANSLATE_NOOP("programme_view", "Held early"),
                   QT_TRANSLATE_NOOP("programme_view", "Missed"))
EXPORTS = (("PDF", "pdf", QT_TRANSLATE_NOOP("programme_view", "One-page PDF (*.pdf)")),
           ("CSV", "csv", QT_TRANSLATE_NOOP("programme_view", "CSV (*.csv)")),
           ("XLSX", "xlsx", QT_TRANSLATE_NOOP("programme_view", "Excel workbook (*.xlsx)")))


def _item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class ProgrammeView(QWidget):
    # A review behind a figure was opened: (account id, review id).
    review_activated = Signal(int, int)
    # A report is on screen (the ProgrammeReport).
    report_shown = Signal(object)
    # A file was written: its path.
    exported = Signal(object)

    def __init__(self, service: ProgrammeService, parent: QWidget | None = None, *,
                 deck_reviews: DeckReviewService | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.queue = DeckQueue(deck_reviews, self) if deck_reviews is not None else None
        self.report: ProgrammeReport | None = None
        self.task: Worker | None = None
        self.model = ProgrammeModel(self)
        self.quarter_box = QComboBox(self)
        self.quarter_box.setAccessibleName(translate("ProgrammeView", "Quarter"))
        self.owner_box = QComboBox(self)
        self.owner_box.setAccessibleName(translate("ProgrammeView", "CSM"))
        self.owner_box.addItem(translate("programme_view", ALL_OWNERS), "")
        self.export_buttons = {suffix: QPushButton(translate("ProgrammeView",
                                                             "Export {name}…").format(name=name),
                                                             self)
                               for name, suffix, _ in EXPORTS}
        self.summary = text_label(name="programmeSummary")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.behind_label = text_label(translate("ProgrammeView",
                                                 "Click a figure to see the reviews behind it."),
                                       name="programmeBehind")
        self.reviews = self._grid(REVIEW_COLUMNS,
                                  translate("ProgrammeView", "Reviews behind the figure"))
        self.cadence = self._grid(CADENCE_COLUMNS,
                                  translate("ProgrammeView", "Cadence compliance by tier"))
        self.maturity = text_label(name="programmeMaturity")
        self.message = text_label()
        self._lay_out()
        self._fill_quarters()
        self.quarter_box.activated.connect(lambda _i: self.refresh())
        self.owner_box.activated.connect(lambda _i: self.refresh())
        for suffix, button in self.export_buttons.items():
            button.clicked.connect(lambda _c=False, s=suffix: self.ask_export(s))
        self.table.clicked.connect(self.show_behind)
        self.table.selectionModel().currentChanged.connect(
            lambda current, _previous: self.show_behind(current))
        self.reviews.itemActivated.connect(self._review_opened)

    def _grid(self, columns: tuple[str, ...], name: str) -> QTableWidget:
        grid = QTableWidget(0, len(columns), self)
        grid.setAccessibleName(name)
        grid.setHorizontalHeaderLabels([translate("programme_view", c) for c in columns])
        grid.verticalHeader().hide()
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        grid.horizontalHeader().setStretchLastSection(True)
        return grid

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        for caption, box in ((translate("ProgrammeView", "&Quarter:"), self.quarter_box),
                             (translate("ProgrammeView", "&CSM:"), self.owner_box)):
            label = QLabel(caption, self)
            label.setBuddy(box)
            controls.addWidget(label)
            controls.addWidget(box)
        controls.addStretch(1)
        for button in self.export_buttons.values():
            controls.addWidget(button)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.METRIC, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rows * (len(SPECS) + 1) + 6)
        self.table.setMaximumHeight(rows * (len(SPECS) + 1) + 6)
        self.reviews.setMinimumHeight(rows * 5)
        self.cadence.setMinimumHeight(rows * 5)
        lower = QHBoxLayout()
        left = QVBoxLayout()
        behind = QWidget(self)
        behind_layout = QVBoxLayout(behind)
        behind_layout.setContentsMargins(0, 0, 0, 0)
        behind_layout.addWidget(self.behind_label)
        behind_layout.addWidget(self.reviews, 1)
        # The queue and the reviews behind a figure take turns: the window's height is
        # spoken for by the figures above (1366 × 768 shows both pages whole).
        self.lower_pages = QTabWidget(self)
        self.lower_pages.setDocumentMode(True)
        if self.queue is not None:
            self.queue.heading.hide()
            self.lower_pages.addTab(self.queue, translate("ProgrammeView", "Waiting for my review"))
            self.queue.queue_shown.connect(self._queue_counted)
        self.behind_page = self.lower_pages.addTab(
            behind, translate("ProgrammeView", "Reviews behind a figure"))
        left.addWidget(self.lower_pages, 1)
        right = QVBoxLayout()
        right.addWidget(text_label(translate("ProgrammeView",
                                             "Cadence compliance: accounts due a review that held "
                                             "one"),
                                   name="h3"))
        right.addWidget(self.cadence, 1)
        right.addWidget(self.maturity)
        lower.addLayout(left, 3)
        lower.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(lower, 1)
        layout.addWidget(self.message)
        chain: list[QWidget] = [self.quarter_box, self.owner_box,
                                *self.export_buttons.values(), self.table,
                                *([self.queue.table] if self.queue else []), self.reviews,
                                self.cadence]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fill_quarters(self) -> None:
        current = Quarter.containing(self.service.today())
        for back in range(QUARTERS_OFFERED):
            quarter = current.shifted(-back)
            self.quarter_box.addItem(str(quarter) + (translate("ProgrammeView", " (this quarter)")
                                                     if back == 0 else ""),
                                     str(quarter))

    # Loading -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Each time the view is shown: decks are handed over and approved meanwhile."""
        super().showEvent(event)
        if self.queue is not None:
            self.queue.refresh()

    def refresh(self) -> Worker:
        """Compute the figures for the quarter and CSM picked, off the GUI thread."""
        quarter = Quarter.parse(self.quarter_box.currentData())
        owner = self.owner_box.currentData() or None
        self.summary.setText(translate("ProgrammeView",
                                       "Computing the programme for "
                                       "{quarter}…").format(quarter=quarter))
        self.task = start_task(lambda: self.service.report(quarter, owner), self.show_report,
                               self._failed,
                               translate("ProgrammeView", "computing the QBR programme"))
        return self.task

    def _failed(self, message: str) -> None:
        self.summary.setText("")
        self.message.setText(message)

    def show_report(self, report: ProgrammeReport) -> None:
        self.report = report
        self.message.setText("")
        self._fill_owners(report)
        self.model.set_trend(report.trend)
        whose = (translate("ProgrammeView", "{owner}'s accounts").format(owner=report.owner)
                 if report.owner else translate("ProgrammeView", "all accounts"))
        self.summary.setText(
            translate("ProgrammeView",
                      "{count} reviews held in {quarter} ({whose}), as of {isoformat}. Figures "
                      "from fewer than 3 reviews say “not enough "
                      "data”.").format(count=len(report.current.reviews), quarter=report.quarter,
                                       whose=whose, isoformat=report.today.isoformat()))
        self._show_cadence(report)
        verdict = report.maturity
        lines = [translate("ProgrammeView",
                           "Maturity: {label} (from {maturity_reviews} reviews over four "
                           "quarters)").format(label=ui_label(verdict.stage.label),
                                               maturity_reviews=report.maturity_reviews),
                                               verdict.reason.text()]
        if verdict.next_step is not None:
            lines.append(verdict.next_step.text())
        self.maturity.setText("\n".join(lines))
        self.reviews.setRowCount(0)
        self.behind_label.setText(translate("ProgrammeView",
                                            "Click a figure to see the reviews behind it."))
        self.report_shown.emit(report)

    def _fill_owners(self, report: ProgrammeReport) -> None:
        wanted = self.owner_box.currentData()
        known = [self.owner_box.itemData(i) for i in range(self.owner_box.count())]
        for owner in report.owners:
            if owner not in known:
                self.owner_box.addItem(owner, owner)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(wanted)))

    def _show_cadence(self, report: ProgrammeReport) -> None:
        self.cadence.setRowCount(len(report.cadence))
        for row, line in enumerate(report.cadence):
            missed = ", ".join(report.account_names.get(a, "") for a in line.missed)
            for column, text in enumerate((ui_text(tier_label(line.tier)), str(len(line.due)),
                                           str(len(line.complied)),
                                           value_text(Unit.SHARE, line.rate),
                                           str(len(line.early)), missed)):
                self.cadence.setItem(row, column, _item(text))

    def _queue_counted(self, decks: list[object]) -> None:
        if self.queue is not None:
            label = translate("ProgrammeView", "Waiting for my review ({count})")
            self.lower_pages.setTabText(self.lower_pages.indexOf(self.queue),
                                        label.format(count=len(decks)))

    def show_behind(self, index: QModelIndex) -> None:
        """The reviews behind the figure at `index`, with what each adds to it."""
        figure: Figure | None = index.data(FIGURE_ROLE) if index.isValid() else None
        shown = self.model.quarter_at(index.column()) if index.isValid() else None
        if figure is None or shown is None or self.report is None:
            return
        self.lower_pages.setCurrentIndex(self.behind_page)
        self.behind_label.setText(f"{ui_label(figure.spec.label)}, {shown.quarter}: "
                                  f"{figure.note.text()}")
        self.reviews.setRowCount(len(figure.contributions))
        for row, part in enumerate(figure.contributions):
            review = self.report.reviews[part.review_id]
            texts = (review.account_name, review.held_on.isoformat(), review.owner,
                     "yes" if part.counts_towards else "no", part.note.text())
            for column, text in enumerate(texts):
                self.reviews.setItem(row, column, _item(
                    text, (review.account_id, review.review_id) if column == 0 else None))

    def _review_opened(self, item: QTableWidgetItem) -> None:
        first = self.reviews.item(item.row(), 0)
        ids = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        if ids:
            self.review_activated.emit(int(ids[0]), int(ids[1]))

    # Exporting ---------------------------------------------------------------------------
    def ask_export(self, suffix: str) -> None:
        if self.report is None:
            return
        caption = translate("programme_view", next(f for _n, s, f in EXPORTS if s == suffix))
        default = Path.home() / translate("ProgrammeView",
                                          "QBR programme "
                                          "{quarter}.{suffix}").format(quarter=self.report.quarter,
                                                                       suffix=suffix)
        path, _ = QFileDialog.getSaveFileName(self,
                                              translate("ProgrammeView",
                                                        "Export the programme view"),
                                              str(default), caption)
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> Worker | None:
        """Write the report on view to `path` (its suffix says the format), off the GUI
        thread; `exported` reports the file."""
        from qbr_desktop.exports.programme_files import write_programme

        report = self.report
        if report is None:
            return None
        self.message.setText(translate("ProgrammeView", "Writing {name}…").format(name=path.name))
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.task = start_task(lambda: write_programme(report, path), self._exported,
                               self._export_failed,
                               translate("ProgrammeView", "exporting the programme view"))
        return self.task

    def _exported(self, path: Path) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.message.setText(translate("ProgrammeView", "Saved {path}").format(path=path))
        self.exported.emit(path)

    def _export_failed(self, message: str) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.message.setText(translate("ProgrammeView",
                                       "Not exported: {message}").format(message=message))
