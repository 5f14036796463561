"""The portfolio list: type-to-filter above a sortable table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.accounts import AccountSummary
from qbr_desktop.gui.accounts.table_model import (
    ACCOUNT_ID_ROLE,
    AccountColumn,
    AccountFilterProxy,
    AccountTableModel,
    PreparedRows,
    prepare_rows,
)
from qbr_desktop.gui.translation import translate


class AccountListPanel(QWidget):
    # The selected account changed: its id, or -1 when nothing is selected.
    account_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(translate("AccountListPanel",
                                                      "Filter accounts (Ctrl+F): name, industry, "
                                                      "tier, CSM…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(translate("AccountListPanel", "Filter accounts"))
        self.model = AccountTableModel(self)
        self.proxy = AccountFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(translate("AccountListPanel", "Accounts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list for the account's tabs; the arrows move within it.
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A vertical header would lay out one section per row: costly for 10,000 rows.
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AccountColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((AccountColumn.TIER, 90), (AccountColumn.ARR, 100),
                              (AccountColumn.RENEWAL, 92), (AccountColumn.NEXT_QBR, 92),
                              (AccountColumn.OWNER, 110)):
            header.resizeSection(column, width)
        header.setSortIndicator(AccountColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel(self)
        # "My accounts" | "All accounts": shown on a team server only (show_owner_choice).
        self.mine_button = QPushButton(translate("AccountListPanel", "My accounts"), self)
        self.all_button = QPushButton(translate("AccountListPanel", "All accounts"), self)
        owners = QHBoxLayout()
        owners.setContentsMargins(0, 0, 0, 0)
        self._owner_choice = QButtonGroup(self)
        for button in (self.mine_button, self.all_button):
            button.setCheckable(True)
            button.setVisible(False)
            self._owner_choice.addButton(button)
            owners.addWidget(button)
        self.all_button.setChecked(True)
        self._mine: Callable[[str], bool] | None = None
        self._choose_default = False
        self._owner_choice.buttonToggled.connect(self._owner_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(owners)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self.table.setFocus)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.modelReset.connect(self._keep_selection)
        self._selected_id = -1
        self._loading = False

    def set_accounts(self, items: Sequence[AccountSummary], select_id: int | None) -> None:
        self.set_rows(prepare_rows(items), select_id)

    def set_rows(self, rows: PreparedRows, select_id: int | None) -> None:
        """Show `rows` (see prepare_rows), then select `select_id` (else the account that
        was selected)."""
        self._loading = True
        try:
            self.model.set_rows(rows)
            self.proxy.resort()
        finally:
            self._loading = False
        if self._choose_default and self.model.total_count:  # decided on the first accounts
            self._default_owner_choice()
        self._update_count()
        if select_id is not None and self.select_account(select_id):
            return
        self._selected_id = self.current_account_id()
        self.account_selected.emit(self._selected_id)

    def select_account(self, account_id: int) -> bool:
        row = self.model.row_of(account_id)
        if row is None:
            return False
        self.model.show_through(row)  # a long list may not have announced it yet
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: clear the filter so the account shows
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # someone else's, with "My accounts" chosen
            self.all_button.setChecked(True)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        # Selecting can save the previous account's pending work, which reloads the list:
        # `index` may no longer exist, so the row is looked up again.
        row = self.model.row_of(account_id)
        if row is not None:
            self.table.scrollTo(self.proxy.mapFromSource(self.model.index(row, 0)))
        return True

    def show_owner_choice(self, mine: Callable[[str], bool]) -> None:
        """Offer "My accounts" / "All accounts"; mine first, when the person owns any."""
        self._mine = mine
        for button in (self.mine_button, self.all_button):
            button.setVisible(True)
        self._choose_default = True
        if self.model.total_count:
            self._default_owner_choice()

    def _default_owner_choice(self) -> None:
        self._choose_default = False
        mine = self._mine
        owns_some = mine is not None and any(mine(self.model.account_at(row).csm_owner)
                                             for row in range(self.model.total_count))
        (self.mine_button if owns_some else self.all_button).setChecked(True)
        self._owner_chosen()

    def _owner_chosen(self, *_args: object) -> None:
        if self._mine is None:
            return
        self.proxy.set_owner_filter(self._mine if self.mine_button.isChecked() else None)
        self._update_count()

    def current_account_id(self) -> int:
        index = self.table.currentIndex()
        if not index.isValid():
            return -1
        return int(index.siblingAtColumn(0).data(ACCOUNT_ID_ROLE))

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.accepted_count(), self.model.total_count
        self.count_label.setText(
            translate("AccountListPanel",
                      "{total:,} accounts").format(total=total) if shown == total else translate(
                          "AccountListPanel",
                          "{shown:,} of {total:,} accounts").format(shown=shown, total=total))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        self._selected_id = (
            int(current.siblingAtColumn(0).data(ACCOUNT_ID_ROLE)) if current.isValid() else -1)
        self.account_selected.emit(self._selected_id)

    def _keep_selection(self) -> None:
        """After a re-sort (a model reset), select the same account again."""
        if not self._loading and self._selected_id > 0:
            self.select_account(self._selected_id)
