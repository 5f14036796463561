"""The import dialog: choose what and which file, check the columns, preview, import.

Reading, previewing and importing run on the thread pool (ImportService opens its own
session per call); the dialog only shows results. Applying is one transaction, so closing
the dialog or a failure never leaves the portfolio half-written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.imports.dialog_base import ImportDialogBase
from qbr_desktop.gui.imports.mapping_form import MappingForm
from qbr_desktop.gui.imports.preview_model import PreviewModel
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.imports.fields import FIELDS, ImportKind
from qbr_desktop.imports.plan import ImportPlan, unmatched_report
from qbr_desktop.imports.table import SourceTable
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.importing import ImportService, MappingChoice

KIND_LABELS = {ImportKind.ACCOUNTS: QT_TRANSLATE_NOOP("dialog", "Accounts"),
               ImportKind.CONTACTS: QT_TRANSLATE_NOOP("dialog", "Contacts"),
               ImportKind.METRICS: QT_TRANSLATE_NOOP("dialog", "Metric history")}
FILE_FILTER = QT_TRANSLATE_NOOP("dialog",
                                "Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;All "
                                "files (*)")
# Each kind's field labels in English, marked with N_(): shown through ui_label().
FIELD_LABELS = {kind: {f.key: f.label for f in fields} for kind, fields in FIELDS.items()}


class ImportDialog(ImportDialogBase):
    """Import accounts, contacts or metric history from a CSV or XLSX file."""

    # Emitted after a successful import with its ImportPlan (applied=True).
    imported = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("ImportDialog", "importing the file"), parent)
        self.setWindowTitle(translate("ImportDialog", "Import"))
        self.service = ImportService(context.store.sessions)
        self.path: Path | None = None
        self.table: SourceTable | None = None
        self.plan: ImportPlan | None = None
        self.mapping: dict[str, str] = {}
        self.choice: MappingChoice | None = None
        self._build()
        self._show_idle(translate("ImportDialog",
                                  "Choose a file exported from your CRM or a spreadsheet."))

    # Building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(translate("dialog", label), kind.value)
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(translate("ImportDialog", "File to import"))
        self.choose_button = QPushButton(translate("ImportDialog", "C&hoose file…"), self)
        self.sheet_combo = QComboBox(self)
        self.sheet_label = QLabel(translate("ImportDialog", "&Sheet:"), self)
        self.sheet_label.setBuddy(self.sheet_combo)
        self._make_date_choice(translate("ImportDialog", "Decide from the file"),
                               translate("ImportDialog", "&Dates like 05/06/2026:"))

        top = QFormLayout()
        kind_label = QLabel(translate("ImportDialog", "&Import:"), self)
        kind_label.setBuddy(self.kind_combo)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        file_label = QLabel(translate("ImportDialog", "&File:"), self)
        file_label.setBuddy(self.choose_button)
        top.addRow(kind_label, self.kind_combo)
        top.addRow(file_label, file_row)
        top.addRow(self.sheet_label, self.sheet_combo)
        top.addRow(self.date_label, self.date_combo)

        self.mapping_box = MappingForm(translate("ImportDialog", "Columns"), self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_box)
        scroll.setMinimumWidth(320)

        self.preview_model = PreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.preview_model)
        self.preview.setAccessibleName(translate("ImportDialog", "Preview of the first rows"))
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setAlternatingRowColors(True)
        self.preview.verticalHeader().hide()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)  # a long list of accounts not found never widens it
        self.summary.setAccessibleName(translate("ImportDialog", "Import summary"))

        middle = QHBoxLayout()
        middle.addWidget(scroll)
        middle.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            translate("ImportDialog", "&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter never starts an import by accident
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(middle, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)

        self.sheet_label.hide()
        self.sheet_combo.hide()
        self._show_date_choice(False)
        self._rebuild_mapping_rows()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.mapping_box.mapping_changed.connect(self._mapping_changed)
        self.mapping_box.guess_requested.connect(self.guess_columns)
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo.activated.connect(self._sheet_changed)
        self.date_combo.currentIndexChanged.connect(self._request_preview)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.import_now)

    def _rebuild_mapping_rows(self) -> None:
        headers = self.table.headers if self.table else ()
        choice = self.choice
        source = ""
        if choice is not None and self.table is not None:
            source = (translate("ImportDialog",
                                "Columns guessed from the headers; check "
                                "them.") if not choice.remembered
                      else translate("ImportDialog",
                                     "Columns remembered: "
                                     "{describe}.").format(describe=ui_text(choice.source.describe()))
                      if choice.source is not None
                      else translate("ImportDialog",
                                     "Columns as you chose them last time for this layout."))
        self.mapping_box.show_mapping(self.kind, headers, self.mapping, source,
                                      remembered=bool(choice and choice.remembered))

    # Public API (also used by tests) -------------------------------------------------------
    @property
    def kind(self) -> ImportKind:
        return ImportKind(self.kind_combo.currentData())

    @property
    def combos(self) -> dict[str, QComboBox]:
        return self.mapping_box.combos

    def set_kind(self, kind: ImportKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else ""
        chosen, _filter = QFileDialog.getOpenFileName(self,
                                                      translate("ImportDialog",
                                                                "Choose a file to import"), start,
                                                      translate("dialog", FILE_FILTER))
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path | str, sheet: str | None = None) -> None:
        """Read the file (off the GUI thread), then choose columns and preview."""
        self.path = Path(path)
        self.path_edit.setText(str(self.path))
        self.table, self.plan = None, None
        self.preview_model.set_preview(None, None)
        kind = self.kind
        service = self.service
        target = self.path

        def work() -> tuple[SourceTable, MappingChoice]:
            table = service.read(target, sheet=sheet)
            return table, service.starting_mapping(kind, table)

        self._run(work, self._file_read,
                  translate("ImportDialog", "Reading {name}…").format(name=self.path.name))

    def select_column(self, field: str, header: str | None) -> None:
        """Choose the column for a field, as picking it in its combo box does."""
        self.mapping_box.select_column(field, header)

    def guess_columns(self) -> None:
        """The columns the headers suggest, instead of the remembered ones."""
        if self.table is None:
            return
        kind, table = self.kind, self.table
        self._run(lambda: ImportService.guessed_mapping(kind, table), self._mapping_chosen,
                  translate("ImportDialog", "Choosing columns…"))

    def set_day_first(self, day_first: bool | None) -> None:
        self._show_date_choice(True)
        self.date_combo.setCurrentIndex(self.date_combo.findData(day_first))

    def import_now(self) -> None:
        if self.table is None or self.busy:
            return
        table, kind, mapping, options = self.table, self.kind, dict(self.mapping), self._options()
        service = self.service
        self.import_button.setEnabled(False)
        self._set_applying(True)
        self._run(lambda: service.apply(kind, table, mapping, options), self._applied,
                  translate("ImportDialog", "Importing…"), on_error=self._apply_failed, always=True)

    # Slots -------------------------------------------------------------------------------
    def _file_read(self, result: tuple[SourceTable, MappingChoice]) -> None:
        self.table, choice = result
        self.choice = choice
        self.mapping = dict(choice.mapping)
        sheets = self.table.sheets
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(sheets))
        if self.table.sheet:
            self.sheet_combo.setCurrentText(self.table.sheet)
        self.sheet_label.setVisible(len(sheets) > 1)
        self.sheet_combo.setVisible(len(sheets) > 1)
        notices = " ".join(ui_text(notice) for notice in self.table.notices)
        self._show_idle(translate("ImportDialog", "{file}: {described}. {notices}").format(
            file=self.table.name, described=ui_text(self.table.describe()),
            notices=notices).strip())
        self._rebuild_mapping_rows()
        self._request_preview()

    def _kind_changed(self, _index: int) -> None:
        self.plan = None
        if self.table is None:
            self.mapping, self.choice = {}, None
            self._rebuild_mapping_rows()
            return
        kind, table, service = self.kind, self.table, self.service
        self._run(lambda: service.starting_mapping(kind, table), self._mapping_chosen,
                  translate("ImportDialog", "Choosing columns…"))

    def _mapping_chosen(self, choice: MappingChoice) -> None:
        self.choice = choice
        self.mapping = dict(choice.mapping)
        self._rebuild_mapping_rows()
        self._request_preview()

    def _sheet_changed(self, _index: int) -> None:
        if self.path is not None and self.sheet_combo.currentText():
            self.load_file(self.path, sheet=self.sheet_combo.currentText())

    def _mapping_changed(self, mapping: dict[str, str]) -> None:
        self.mapping = dict(mapping)
        self._request_preview()

    def _request_preview(self, _index: int = 0) -> None:
        if self.table is None:
            return
        table, kind, mapping = self.table, self.kind, dict(self.mapping)
        options, service = self._options(), self.service
        self._run(lambda: service.preview(kind, table, mapping, options), self._previewed,
                  translate("ImportDialog", "Checking the rows…"))

    def _previewed(self, plan: ImportPlan) -> None:
        self.plan = plan
        labels = {header: ui_label(FIELD_LABELS[plan.kind][key])
                  for key, header in plan.mapping.items()}
        labels.update({header: translate("ImportDialog", "a period, rolled up to its quarter")
                       for header in plan.period_columns})
        self.preview_model.set_preview(self.table, plan, labels)
        self.preview.resizeColumnsToContents()
        if plan.needs_date_order:
            self._show_date_choice(True)
        hint = (translate("ImportDialog",
                          " Some dates read both ways: choose the date order above.")
                if plan.needs_date_order else "")
        periods = translate("ImportDialog", " Periods: {periods}.").format(
            periods=ui_text(plan.periods)) if plan.periods else ""
        unmatched = " " + ui_text(unmatched_report(plan.unmatched, limit=5)) if plan.unmatched \
            else ""
        self.summary.setText(translate("ImportDialog", "{summary}.").format(
            summary=ui_text(plan.summary())) + hint + periods + unmatched)
        self.summary.setToolTip("\n".join(ui_text(notice) for notice in plan.notices))
        self.import_button.setEnabled(plan.has_changes)

    def _locked_widgets(self) -> tuple[QWidget, ...]:
        return (self.kind_combo, self.choose_button, self.sheet_combo, self.date_combo,
                self.mapping_box)

    def _applied(self, plan: ImportPlan) -> None:
        self._set_applying(False)
        self.imported.emit(plan)
        self._show_idle(translate("ImportDialog",
                                  "Imported: {summary}.").format(
                                      summary=ui_text(plan.summary())))
        self._request_preview()

    def _failed(self, message: str) -> None:
        self.plan = None
        if self.table is None:
            self.preview_model.set_preview(None, None)
            self._rebuild_mapping_rows()
            self._show_error(message)
            self.summary.setText(translate("ImportDialog", "Nothing was imported."))
            return
        self.preview_model.set_preview(self.table, None)
        self.summary.setText(message)
        self.import_button.setEnabled(False)

    def _apply_failed(self, message: str) -> None:
        self._set_applying(False)
        self._show_error(message)
        self.summary.setText(translate("ImportDialog", "Nothing was imported."))
        self._request_preview()
