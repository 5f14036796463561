"""Edit an account's departments: who they are, how many people, and whether they use us yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.gui.insights.settings_dialogs import _buttons, _error_label
from qbr_desktop.gui.translation import translate
from qbr_desktop.services.departments import DepartmentItem, DepartmentService, read_entered
from qbr_desktop.store.errors import StoreError

DEPARTMENT, HEADCOUNT, USES_PRODUCT = range(3)


class DepartmentsDialog(QDialog):
    """The account's departments in a table; OK saves every row or, on a problem, none."""

    def __init__(self, service: DepartmentService, account_id: int, account_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.account_id = service, account_id
        self.setWindowTitle(translate("DepartmentsDialog",
                                      "Departments of "
                                      "{account_name}").format(account_name=account_name))
        self.resize(620, 400)
        self.table = QTableWidget(0, 3, self)
        for column, title, tip in (
                (DEPARTMENT, translate("DepartmentsDialog", "Department"),
                 translate("DepartmentsDialog", "The department's name, as the customer says it")),
                (HEADCOUNT, translate("DepartmentsDialog", "Headcount"),
                 translate("DepartmentsDialog",
                           "People in the department; empty if you do not know")),
                (USES_PRODUCT, translate("DepartmentsDialog", "Uses our product"),
                 translate("DepartmentsDialog", "Ticked when it uses the product already"))):
            header_item = QTableWidgetItem(title)
            header_item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, header_item)
        self.table.setAccessibleName(translate("DepartmentsDialog", "Departments"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the table for the buttons (arrow keys move between cells), so the
        # keyboard can reach OK without a trip through every cell.
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DEPARTMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HEADCOUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(USES_PRODUCT, QHeaderView.ResizeMode.ResizeToContents)
        heading = QLabel(translate("DepartmentsDialog",
                                   "&Departments, their headcount, and whether each uses the "
                                   "product "
                         "yet. Those that do not are expansion whitespace."), self)
        heading.setWordWrap(True)
        heading.setBuddy(self.table)  # Alt+D returns to the table from anywhere
        self.add_button = QPushButton(translate("DepartmentsDialog", "&Add department"), self)
        self.remove_button = QPushButton(translate("DepartmentsDialog", "&Remove department"), self)
        self.error_label = _error_label(self)
        self.error_label.setAccessibleName(translate("DepartmentsDialog", "Problems"))
        buttons = _buttons(self)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button,
                            buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.add_button.clicked.connect(self.add_new_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.table.currentCellChanged.connect(self._update_remove_button)
        for item in service.items(account_id):
            self.add_row(item)
        self._update_remove_button()
        self.table.setFocus()

    def add_row(self, item: DepartmentItem) -> QTableWidgetItem:
        """Append `item` as a row and make it current; returns its name cell."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(item.name)
        self.table.setItem(row, DEPARTMENT, name)
        headcount = QTableWidgetItem("" if item.headcount is None else f"{item.headcount:,}")
        headcount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, HEADCOUNT, headcount)
        uses = QTableWidgetItem()
        # Checkable but not a text cell: Space ticks it, typing does not open an editor.
        uses.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        uses.setCheckState(Qt.CheckState.Checked if item.uses_product
                           else Qt.CheckState.Unchecked)
        self.table.setItem(row, USES_PRODUCT, uses)
        self.table.setCurrentCell(row, DEPARTMENT)
        return name

    def add_new_row(self) -> None:
        """A blank row with its name cell open, so the CSM can type straight away."""
        name = self.add_row(DepartmentItem(""))
        self.table.setFocus()
        self.table.editItem(name)
        self._update_remove_button()

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), DEPARTMENT)
        self.table.setFocus()
        self._update_remove_button()

    def _update_remove_button(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0)

    def entered_rows(self) -> list[tuple[str, str, bool]]:
        """(name, headcount text, uses product) of every row, as typed."""
        def text(row: int, column: int) -> str:
            cell = self.table.item(row, column)
            return cell.text() if cell is not None else ""

        def ticked(row: int) -> bool:
            cell = self.table.item(row, USES_PRODUCT)
            return cell is not None and cell.checkState() == Qt.CheckState.Checked

        return [(text(row, DEPARTMENT), text(row, HEADCOUNT), ticked(row))
                for row in range(self.table.rowCount())]

    def commit_open_editor(self) -> None:
        """Keep what is typed in a cell still being edited (OK by keyboard leaves it open)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def show_problems(self, problems: list[str]) -> None:
        self.error_label.setText("\n".join(problems))

    def accept(self) -> None:
        self.commit_open_editor()
        items, problems = read_entered(self.entered_rows())
        if problems:
            self.show_problems(list(problems.values()))
            return
        try:
            self.service.replace(self.account_id, items)
        except ValidationFailed as exc:
            self.show_problems(list(exc.problems.values()))
            return
        except StoreError as exc:  # e.g. the account was deleted while the dialog was open
            self.show_problems([str(exc)])
            return
        super().accept()
