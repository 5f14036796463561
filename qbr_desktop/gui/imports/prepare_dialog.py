"""Prepare QBR data: drop the exports for a QBR at once (accounts, contacts, usage), see
what each holds and what the account's deck would still lack, and import them all in one
transaction.

The work is PrepareService's, on the thread pool; the dialog shows the files, the columns
of the selected one (with the remembered mapping they come from, which the CSM can change
or replace by a fresh guess), and the deck check of the chosen account.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.imports.dialog_base import ImportDialogBase
from qbr_desktop.gui.imports.mapping_form import MappingForm
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import msg, ui_label, ui_text
from qbr_desktop.imports.errors import ImportFailed
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.imports.file_kinds import KIND_WORDS
from qbr_desktop.imports.plan import ImportPlan, unmatched_report
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.prepare_data import PreparedData, PreparedFile, PrepareService

FILE_FILTER = QT_TRANSLATE_NOOP("prepare_dialog",
                                "Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;All "
                                "files (*)")
FILE_COLUMN, KIND_COLUMN, HOLDS_COLUMN = 0, 1, 2
UNKNOWN = QT_TRANSLATE_NOOP("prepare_dialog", "(choose)")
Opened = tuple[list[PreparedFile], list[str]]


class PrepareDataDialog(ImportDialogBase):
    """Several exports at once, checked against the account's deck, imported together."""

    # Emitted after the files were imported, with their ImportPlans (applied=True).
    imported = Signal(object)

    def __init__(self, context: AppContext, account: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("PrepareDataDialog", "preparing QBR data"), parent)
        self.setWindowTitle(translate("PrepareDataDialog", "Prepare QBR data"))
        self.setAcceptDrops(True)
        self.service = PrepareService(context)
        self.files: list[PreparedFile] = []
        self.data: PreparedData | None = None
        self.account = account
        self._build()
        self._show_idle("")
        self._show_files()

    # Building ------------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(translate("PrepareDataDialog",
                                 "Drop the exports for this QBR here, several at once: accounts "
                                 "from "
                       "your CRM, contacts, usage from your analytics or customer-success "
                       "tool. Nothing is saved until you import them all."), self)
        intro.setWordWrap(True)
        self.add_button = QPushButton(translate("PrepareDataDialog", "&Add files…"), self)
        self.remove_button = QPushButton(translate("PrepareDataDialog", "&Remove"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([translate("PrepareDataDialog", "File"),
                                              translate("PrepareDataDialog", "Holds"),
                                              translate("PrepareDataDialog",
                                                        "What it would bring")])
        self.table.setAccessibleName(translate("PrepareDataDialog", "Files to import"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FILE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HOLDS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.mapping_box = MappingForm(translate("PrepareDataDialog",
                                                 "Columns of the selected file"), self)
        columns = QScrollArea(self)
        columns.setWidgetResizable(True)
        columns.setWidget(self.mapping_box)
        columns.setFrameShape(QFrame.Shape.NoFrame)
        columns.setMinimumWidth(380)

        self.deck_box = QGroupBox(translate("PrepareDataDialog", "The deck after this import"),
                                  self)
        self.account_combo = QComboBox(self.deck_box)
        self.account_combo.setAccessibleName(translate("PrepareDataDialog",
                                                       "Account whose deck to check"))
        self.account_combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        account_label = QLabel(translate("PrepareDataDialog", "&Deck for:"), self.deck_box)
        account_label.setBuddy(self.account_combo)
        self.slides_label = QLabel(self.deck_box)
        self.slides_label.setWordWrap(True)
        self.slides_label.setAccessibleName(translate("PrepareDataDialog",
                                                      "Slides the deck would have"))
        missing_label = QLabel(translate("PrepareDataDialog",
                                         "Still missing, and where to fill it in:"), self.deck_box)
        self.missing_list = QListWidget(self.deck_box)
        self.missing_list.setWordWrap(True)
        self.missing_list.setAccessibleName(translate("PrepareDataDialog",
                                                      "What the deck would still lack"))
        missing_label.setBuddy(self.missing_list)
        account_row = QHBoxLayout()
        account_row.addWidget(account_label)
        account_row.addWidget(self.account_combo, 1)
        deck_layout = QVBoxLayout(self.deck_box)
        deck_layout.addLayout(account_row)
        deck_layout.addWidget(self.slides_label)
        deck_layout.addWidget(missing_label)
        deck_layout.addWidget(self.missing_list, 1)

        self._make_date_choice(translate("PrepareDataDialog", "Decide from the files"),
                               translate("PrepareDataDialog", "D&ates like 05/06/2026:"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("PrepareDataDialog", "Import summary"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            translate("PrepareDataDialog", "&Import all"), QDialogButtonBox.ButtonRole.AcceptRole)
        for button in (*self.buttons.buttons(), self.add_button, self.remove_button):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter never starts an import by accident

        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        file_buttons.addWidget(self.date_label)
        file_buttons.addWidget(self.date_combo)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(columns)
        lower.addWidget(self.deck_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setChildrenCollapsible(False)
        lower.setSizes([460, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addLayout(file_buttons)
        layout.addWidget(self.status)
        layout.addWidget(lower, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        # Fits a 1366x768 laptop with its taskbar; long content scrolls inside.
        self.resize(1100, 660)

        self._show_date_choice(False)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._show_selected_columns)
        self.mapping_box.mapping_changed.connect(self._columns_changed)
        self.mapping_box.guess_requested.connect(self.guess_columns)
        self.account_combo.activated.connect(self._account_chosen)
        self.date_combo.currentIndexChanged.connect(lambda _i: self._request_preview())
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.import_all)

    # Public API (also used by tests) -----------------------------------------------------
    def choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self,
                                                       translate("PrepareDataDialog",
                                                                 "Choose the exports to import"),
                                                                 "",
                                                       translate("prepare_dialog", FILE_FILTER))
        if chosen:
            self.add_files(Path(name) for name in chosen)

    def add_files(self, paths: Iterable[Path]) -> None:
        """Read the files (off the GUI thread), tell what each holds, then preview."""
        known = {f.path.resolve() for f in self.files}
        wanted = [Path(p) for p in paths if Path(p).resolve() not in known]
        if not wanted:
            return
        service = self.service

        def work() -> Opened:
            opened, refused = [], []
            for path in wanted:
                try:
                    opened.append(service.open(path))
                except ImportFailed as exc:
                    refused.append(str(exc))
            return opened, refused

        # The count as a name: lupdate misses a translate() whose count is a call.
        count = len(wanted)
        self._run(work, self._files_opened,
                  translate("PrepareDataDialog", "Reading %n file…", None, count) if count == 1
                  else translate("PrepareDataDialog", "Reading %n files…", None, count))

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is None or self.applying:
            return
        del self.files[row]
        self._show_files()
        self._request_preview()

    def set_kind(self, row: int, kind: ImportKind | None) -> None:
        """Read a file as another kind, as choosing it in its Holds box does."""
        combo = self.table.cellWidget(row, KIND_COLUMN)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(combo.findData(kind.value if kind else ""), 0))

    def select_file(self, row: int) -> None:
        self.table.selectRow(row)

    def select_column(self, field: str, header: str | None) -> None:
        self.mapping_box.select_column(field, header)

    def guess_columns(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.files[row] = self.service.guessed(self.files[row])
            self._show_selected_columns()
            self._request_preview()

    def choose_account(self, name: str) -> None:
        self.account_combo.setCurrentIndex(max(self.account_combo.findText(name), 0))
        self._account_chosen(self.account_combo.currentIndex())

    def import_all(self) -> None:
        if not self.files or self.busy or self.applying:
            return
        files, options, service = list(self.files), self._options(), self.service
        self._set_applying(True)
        self._run(lambda: service.apply(files, options), self._applied,
                  translate("PrepareDataDialog", "Importing…"),
                  self._apply_failed, always=True)

    # Drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and not self.applying:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.applying:
            event.acceptProposedAction()
            self.add_files(paths)
        else:
            event.ignore()

    # Slots -------------------------------------------------------------------------------
    def _files_opened(self, result: Opened) -> None:
        opened, refused = result
        self.files += opened
        self._show_files()
        if refused:
            self._show_error(" ".join(refused))
        else:
            self._show_idle("")
        if opened:
            self.select_file(len(self.files) - len(opened))
        self._request_preview()

    def _kind_chosen(self, row: int, combo: QComboBox) -> None:
        value = combo.currentData()
        self.files[row] = self.service.as_kind(self.files[row],
                                               ImportKind(value) if value else None)
        self.select_file(row)
        self._show_selected_columns()
        self._request_preview()

    def _columns_changed(self, mapping: dict[str, str]) -> None:
        row = self._selected_row()
        if row is None:
            return
        file = self.files[row] = replace(self.files[row], mapping=dict(mapping))
        self.mapping_box.source.setText(self._columns_note(file))
        self._request_preview()

    def _account_chosen(self, index: int) -> None:
        self.account = self.account_combo.itemText(index) if index >= 0 else None
        self._request_preview()

    def _request_preview(self) -> None:
        if not self.files:
            self.data = None
            self._show_preview()
            return
        files, account, options = list(self.files), self.account, self._options()
        service = self.service
        self._run(lambda: service.preview(files, account, options), self._previewed,
                  translate("PrepareDataDialog", "Checking the files and the deck…"))

    def _previewed(self, data: PreparedData) -> None:
        self.data = data
        self._show_preview()

    def _applied(self, plans: Sequence[ImportPlan]) -> None:
        self._set_applying(False)
        self.imported.emit(tuple(plans))
        self._show_idle(translate("PrepareDataDialog", "Imported: {files}.").format(
            files=translate("PrepareDataDialog", "; ").join(
                translate("PrepareDataDialog", "{file}: {summary}").format(
                    file=file.name, summary=ui_text(plan.summary()))
                for file, plan in zip(self.files, plans, strict=False))))
        self._request_preview()

    def _apply_failed(self, message: str) -> None:
        self._set_applying(False)
        self._show_error(message)
        self._request_preview()
        self.summary.setText(translate("PrepareDataDialog", "Nothing was imported."))

    def _failed(self, message: str) -> None:
        self._show_error(message)
        self.summary.setText("")
        self.import_button.setEnabled(False)

    # Showing -----------------------------------------------------------------------------
    def _show_files(self) -> None:
        selected = self._selected_row()
        self.table.setRowCount(len(self.files))
        for row, file in enumerate(self.files):
            name = QTableWidgetItem(file.name)
            name.setToolTip(str(file.path))
            self.table.setItem(row, FILE_COLUMN, name)
            combo = QComboBox(self.table)
            combo.addItem(translate("prepare_dialog", UNKNOWN), "")
            for kind, words in KIND_WORDS.items():
                combo.addItem(ui_label(words), kind.value)
            combo.setCurrentIndex(max(combo.findData(file.kind.value if file.kind else ""), 0))
            combo.setAccessibleName(translate("PrepareDataDialog",
                                              "What {name} holds").format(name=file.name))
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.currentIndexChanged.connect(
                lambda _i, r=row, c=combo: self._kind_chosen(r, c))
            self.table.setCellWidget(row, KIND_COLUMN, combo)
            self.table.setItem(row, HOLDS_COLUMN, QTableWidgetItem("…"))
        self.remove_button.setEnabled(bool(self.files))
        if selected is not None and selected < len(self.files):
            self.select_file(selected)
        self._show_selected_columns()

    def _show_selected_columns(self) -> None:
        row = self._selected_row()
        if row is None:
            self.mapping_box.show_mapping(None, (), {},
                                          translate("PrepareDataDialog",
                                                    "Select a file to see its columns."))
            return
        file = self.files[row]
        self.mapping_box.setTitle(translate("PrepareDataDialog",
                                            "Columns of {name}").format(name=file.name))
        self.mapping_box.show_mapping(file.kind, file.table.headers, file.mapping,
                                      self._columns_note(file),
                                      remembered=bool(file.choice and file.choice.remembered))

    def _columns_note(self, file: PreparedFile) -> str:
        """Where the columns come from, and the period columns no field needs."""
        note = ui_text(file.describe_choice())
        outcome = next((o for o in self.data.files if o.file is file), None) if self.data \
            else None
        if outcome is not None and outcome.plan is not None and outcome.plan.periods:
            note += (translate("PrepareDataDialog",
                               " Read as periods, no choice needed: {periods}, rolled up to "
                               "quarters.").format(periods=ui_text(outcome.plan.periods)))
        return note

    def _show_preview(self) -> None:
        data = self.data
        outcomes = {id(o.file): o for o in data.files} if data else {}
        for row, file in enumerate(self.files):
            outcome = outcomes.get(id(file))
            item = self.table.item(row, HOLDS_COLUMN)
            if item is None or outcome is None:
                continue
            text = ui_text(outcome.problem or outcome.holds)
            if outcome.plan is not None and outcome.plan.unmatched:
                text = ui_text(msg("{holds}. {unmatched}", holds=text, unmatched=unmatched_report(
                    outcome.plan.unmatched, limit=3)))
            item.setText(text)
            notices = outcome.plan.notices if outcome.plan else ()
            item.setToolTip("\n".join([text, *(ui_text(notice) for notice in notices)]))
            item.setForeground(Qt.GlobalColor.darkRed if outcome.problem else
                               self.table.palette().text().color())
        self.table.resizeRowsToContents()
        selected = self._selected_row()
        if selected is not None:
            self.mapping_box.source.setText(self._columns_note(self.files[selected]))
        self._show_deck(data)
        needs_order = bool(data and any(o.plan and o.plan.needs_date_order for o in data.files))
        if needs_order:
            self._show_date_choice(True)
        if data is None:
            self.summary.setText(translate("PrepareDataDialog",
                                           "Drop files here, or add them, to see what they hold."))
        elif data.problems:
            self.summary.setText(translate("PrepareDataDialog",
                                           "Before importing: ") + " ".join(data.problems))
        elif not data.ready:
            self.summary.setText(translate("PrepareDataDialog",
                                           "The files hold nothing new for the portfolio."))
        else:
            count = len(data.files)
            self.summary.setText(
                translate("PrepareDataDialog", "Ready: %n file, imported together or not at all.",
                          None, count) if count == 1 else translate(
                    "PrepareDataDialog", "Ready: %n files, imported together or not at all.",
                    None, count))
        self.import_button.setEnabled(bool(data and data.ready) and not self.applying)

    def _show_deck(self, data: PreparedData | None) -> None:
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        self.account_combo.addItems(list(data.accounts) if data else [])
        if data and data.account:
            self.account_combo.setCurrentIndex(self.account_combo.findText(data.account))
        self.account_combo.blockSignals(False)
        self.missing_list.clear()
        if data is None or data.account is None:
            self.slides_label.setText(translate("PrepareDataDialog",
                                                "Once the files name an account, its deck is "
                                                "checked "
                                      "here."))
            return
        count = len(data.slides)
        self.slides_label.setText((
            translate("PrepareDataDialog", "%n slide: {slides}.", None, count) if count == 1
            else translate("PrepareDataDialog", "%n slides: {slides}.", None, count)
        ).format(slides=translate("PrepareDataDialog", ", ").join(data.slides)))
        self.missing_list.addItems(list(data.missing) or [translate("PrepareDataDialog",
                                                                    "Nothing: every slide has "
                                                                    "what it "
                                                          "needs.")])

    # Helpers -----------------------------------------------------------------------------
    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows and rows[0].row() < len(self.files) else None

    def _locked_widgets(self) -> tuple[QWidget, ...]:
        return (self.add_button, self.remove_button, self.table, self.mapping_box,
                self.date_combo)

    def _show_idle(self, text: str) -> None:
        super()._show_idle(text)
        self.status.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        super()._show_error(text)
        self.status.setVisible(True)
