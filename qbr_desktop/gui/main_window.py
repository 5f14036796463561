"""The main window: assembles the portfolio list, the account page, menus and actions.

Its parts live beside it, each a module of functions of the window: the frame built at
start-up in turns (window_frame), the pages built when first shown (window_pages), menus
and shortcuts (window_menus), dialogs (window_dialogs), account edits (account_edits), and
closing with what it keeps for next time (window_closing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

# Start-up paints this window before anything else loads, and PySide6 builds a class's
# enums when the class is first imported: the Qt namespace alone costs about 20 ms. So
# QtCore.Qt is looked up where used, and dialogs (QDialog, QFileDialog, QMessageBox) are
# imported inside the methods that open them.
from PySide6 import QtCore
from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter

from qbr_desktop import APP_NAME
from qbr_desktop.gui import account_edits, window_closing, window_frame, window_pages
from qbr_desktop.gui.tabs import AccountTab, View
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.window_pages import BuiltWhenShown, WindowPages
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:  # imported by start-up only after the window is on screen
    from email.message import EmailMessage

    from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
    from PySide6.QtWidgets import QMenu, QStackedWidget, QTabWidget, QVBoxLayout

    from qbr_desktop.domain.scorecard import ScoreItem
    from qbr_desktop.gui.accounts.account_page import AccountPage
    from qbr_desktop.gui.accounts.list_panel import AccountListPanel
    from qbr_desktop.gui.accounts.table_model import PreparedRows
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.plan_views import ReviewPlan


class MainWindow(QMainWindow):
    # The CSM asked to open or create another portfolio file.
    portfolio_requested = Signal(object)
    # The account shown changed (0: none). The tabs learn of it through this alone.
    account_changed = Signal(int)
    # Something stored about an account changed: account id. Tabs showing it reload.
    account_data_changed = Signal(int)
    # show_rows has put rows in the list.
    rows_shown = Signal()
    # Set by window_frame as it builds the frame (start-up: in turns; attach: the rest).
    list_panel: AccountListPanel
    account_tabs: QTabWidget
    page: AccountPage
    empty_label: QLabel
    pages: QStackedWidget
    splitter: QSplitter
    views: QTabWidget
    _chrome: QVBoxLayout  # the banners above the views, and the views
    _lazy_tabs: dict[AccountTab, str]  # the tabs that load their account only when shown
    _stale: set[AccountTab]  # and those of them stale since a change
    _overview_stale: bool
    _programme_stale: bool
    # Set by window_menus.install_menus once a portfolio is attached.
    new_action: QAction
    delete_action: QAction
    undo_action: QAction
    redo_action: QAction
    tiers_action: QAction
    catalogue_action: QAction
    weights_action: QAction
    find_action: QAction
    backup_action: QAction
    new_portfolio_action: QAction
    open_portfolio_action: QAction
    recent_menu: QMenu
    next_tab_action: QAction
    previous_tab_action: QAction
    getting_started_action: QAction
    shortcuts_action: QAction
    about_action: QAction
    quit_action: QAction
    import_action: QAction
    accounts_view_action: QAction
    portfolio_view_action: QAction
    health_view_action: QAction
    upcoming_view_action: QAction
    programme_view_action: QAction
    plan_view_action: QAction
    map_view_action: QAction
    meeting_view_action: QAction
    deck_view_action: QAction
    holidays_action: QAction
    language_action: QAction
    undo_group: QUndoGroup
    backup_task: object  # the running backup, kept so its signals stay alive
    # The pages beyond the list and the account's details: built when first shown.
    insights_panel = BuiltWhenShown(window_pages.insights_panel)
    plan_panel = BuiltWhenShown(window_pages.plan_panel)
    roi_panel = BuiltWhenShown(window_pages.roi_panel)
    stakeholder_panel = BuiltWhenShown(window_pages.stakeholder_panel)
    agenda_tab = BuiltWhenShown(window_pages.agenda_tab)
    deck_tab = BuiltWhenShown(window_pages.deck_tab)
    portfolio_view = BuiltWhenShown(window_pages.portfolio_view)
    upcoming_view = BuiltWhenShown(window_pages.upcoming_view)
    programme_view = BuiltWhenShown(window_pages.programme_view)

    def __init__(self, context: AppContext | None = None,
                 settings: QSettings | None = None) -> None:
        """A window on `context`; without one, a window that says it is opening a portfolio.

        Start-up shows the window first and attaches the portfolio right after, so the
        window is on screen before the database layer is even imported.
        """
        super().__init__()
        self.settings = settings or QSettings()
        self._keeping_account = False
        self._context: AppContext | None = None
        self.lazy_pages = WindowPages(self)
        self._frame_build: Iterator[None] | None = None
        self._target: DatabaseTarget | None = None
        self.setWindowTitle(APP_NAME)
        self.setCentralWidget(self._opening_label())
        window_closing.restore_geometry(self)
        if context is not None:
            self.attach(context)

    @property
    def context(self) -> AppContext:
        assert self._context is not None, "no portfolio attached yet"
        return self._context

    @property
    def is_open(self) -> bool:
        return self._context is not None

    def _opening_label(self) -> QLabel:
        opening = QLabel(translate("MainWindow", "Opening your portfolio…"), self)
        opening.setObjectName("emptyState")  # centred by the style sheet
        return opening

    def show_rows(self, rows: PreparedRows, target: DatabaseTarget) -> None:
        """`target`'s accounts in the list. Start-up reads them apart from opening the
        portfolio (gui/account_loading.py): before it is attached, the list shows beside
        "Opening your portfolio…" and takes clicks and typing; after, it is the window's."""
        self._target = target
        panel = self.show_empty_list()
        chosen = panel.current_account_id()
        panel.set_rows(rows, chosen if chosen > 0 else window_closing.last_account_id(self))
        if panel.current_account_id() <= 0 and panel.proxy.rowCount():
            panel.table.selectRow(0)
        if self._context is not None:
            self.delete_action.setEnabled(panel.current_account_id() > 0)
        self.rows_shown.emit()

    def show_empty_list(self) -> AccountListPanel:
        """The list, empty, beside "Opening your portfolio…" (start-up makes it while the
        list is read); the list panel once the window has one."""
        panel: AccountListPanel | None = getattr(self, "list_panel", None)
        if panel is None:
            from qbr_desktop.gui.accounts.list_panel import AccountListPanel

            panel = self.list_panel = AccountListPanel(self)
            preview = QSplitter(QtCore.Qt.Orientation.Horizontal, self)
            preview.addWidget(panel)
            preview.addWidget(self._opening_label())
            preview.setSizes([480, 880])
            self.setCentralWidget(preview)
        return panel

    def attach(self, context: AppContext, *, load_accounts: bool = True,
               known: tuple[tuple[str, ...], bool] | None = None) -> None:
        """Build the panels, actions and menus for an open portfolio (once per window).
        Without `load_accounts`, the list is the one `show_rows` shows, now or later;
        `known` is (the tiers, whether it is the demo), when read on a worker."""
        from qbr_desktop.gui.accounts.commands import AccountEditor

        assert self._context is None, "a window shows one portfolio for its whole life"
        self._context, self._target = context, context.target
        self.editor = AccountEditor(context.accounts, self)
        window_frame.build_at_once(self)
        self.empty_label.setText(translate("MainWindow",
                                           "Select an account on the left, or press Ctrl+N to add "
                                           "one."))
        tiers, self.is_demo = known or (context.settings.tier_scheme().tiers, context.is_demo)
        self.page.set_tiers(tiers)
        if self.is_demo:
            window_frame.add_banner(self, "demoBanner", translate(
                "MainWindow",
                "Demo portfolio: fictional accounts to explore. Changes stay in the demo "
                "file. File › New Portfolio… starts your own."))
        for notice in context.store.notices:
            self.show_notice(notice)
        self._build_actions()
        self._update_title()
        self.statusBar().showMessage(translate("MainWindow",
                                               "Portfolio: "
                                               "{describe}").format(describe=context.target.describe()))
        self.list_panel.account_selected.connect(self.show_account)
        self.page.field_edited.connect(self.save_field)
        self.editor.account_changed.connect(self._account_edited)
        self.editor.failed.connect(self.show_failure)
        from qbr_desktop.gui.team import join_team

        self.colleagues = join_team(self)
        if load_accounts:
            self.reload_accounts(window_closing.last_account_id(self))
            if self.list_panel.current_account_id() <= 0 and self.list_panel.proxy.rowCount():
                self.list_panel.table.selectRow(0)
        else:  # the account chosen in the list while the portfolio opened
            self.delete_action.setEnabled(self.list_panel.current_account_id() > 0)
            # Its details a turn later: with the menus just made, one turn would keep the
            # list from answering for about 80 ms.
            QtCore.QTimer.singleShot(0, self, self._show_chosen_account)
        if self.views.currentIndex() != View.ACCOUNTS:  # chosen while it opened
            self._view_changed(self.views.currentIndex())
        self.list_panel.table.setFocus()  # applied when the window is first activated

    def _show_chosen_account(self) -> None:
        chosen = self.list_panel.current_account_id()
        if chosen > 0 and (self.page.account is None or self.page.account.id != chosen):
            self.show_account(chosen)

    # Layout ----------------------------------------------------------------------------
    def build_frame_in_steps(self, then: Callable[[], None] = lambda: None) -> None:
        """The rest of the window in short turns of the event loop, so the list answers
        clicks and keys in between; then `then` (window_frame.build_in_steps)."""
        window_frame.build_in_steps(self, then)

    def show_notice(self, message: str) -> None:
        """A sentence above the accounts for as long as the window is open."""
        window_frame.add_banner(self, "noticeBanner", message)

    def _build_actions(self) -> None:
        from qbr_desktop.gui.window_menus import install_menus

        install_menus(self)

    def _update_title(self) -> None:
        name = self.context.target.path.name if self.context.target.path else "server"
        demo = translate("MainWindow", " — DEMO (sample data)") if self.is_demo else ""
        self.setWindowTitle(f"{name}{demo} — {APP_NAME}")

    # Accounts --------------------------------------------------------------------------
    def reload_accounts(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.list_panel.current_account_id()
        self.list_panel.set_accounts(self.context.accounts.list_accounts(),
                                     keep if keep and keep > 0 else None)
        self.delete_action.setEnabled(self.list_panel.current_account_id() > 0)

    def show_account(self, account_id: int) -> None:
        if self._keeping_account or not self._leave_account_for(account_id):
            return
        self.delete_action.setEnabled(account_id > 0)
        if account_id <= 0:
            self.pages.setCurrentIndex(0)
            self.account_changed.emit(0)
            return
        try:
            account = self.context.accounts.get(account_id)
        except StoreError:
            self.pages.setCurrentIndex(0)
            return
        history = None
        if self.page.account is None or self.page.account.id != account_id:
            history = self.context.accounts.metric_history(account_id)
        row = self.list_panel.model.row_of(account_id)
        summary = self.list_panel.model.account_at(row) if row is not None else None
        meeting = ((summary.next_qbr_at, summary.next_qbr_zone)
                   if summary is not None and summary.next_qbr_at else None)
        self.page.show_account(account, history, next_meeting=meeting)
        self.pages.setCurrentIndex(1)
        self.account_changed.emit(account_id)

    def _leave_account_for(self, account_id: int) -> bool:
        """Before the page shows another account: a value the page could not store (a refused
        ARR, say) is saved, discarded or kept, as the CSM says, never dropped. False when
        they keep it: the list goes back to the account they were editing."""
        shown = self.page.account
        if shown is None or shown.id == account_id:
            return True
        from qbr_desktop.gui.unsaved_work import settle

        self.page.flush_pending()
        if settle(self, [self.page]):
            return True
        self._keeping_account = True  # the page keeps what was typed, unread from the store
        try:
            self.list_panel.select_account(shown.id)
        finally:
            self._keeping_account = False
        return False

    def open_account(self, account_id: int, tab: AccountTab = AccountTab.HEALTH) -> None:
        """From the portfolio overview (or the upcoming QBRs) to that account's page."""
        self.views.setCurrentIndex(View.ACCOUNTS)
        if self.list_panel.current_account_id() != account_id and not (
                self.list_panel.select_account(account_id)):
            self.list_panel.filter_edit.clear()
            self.list_panel.select_account(account_id)
        self.account_tabs.setCurrentIndex(tab)

    def open_review_card(self, account_id: int, review_id: int) -> None:
        """From a figure of the programme view to the card of one review behind it."""
        self.open_account(account_id, tab=AccountTab.MEETING)
        self.agenda_tab.show_review_card(account_id, review_id)

    def show_account_tab(self, tab: AccountTab) -> None:
        self.views.setCurrentIndex(View.ACCOUNTS)
        self.account_tabs.setCurrentIndex(tab)

    def show_health(self) -> None:
        self.show_account_tab(AccountTab.HEALTH)

    def step_account_tab(self, step: int) -> None:
        """Ctrl+Tab and Ctrl+Shift+Tab: the next or previous account tab, round the end;
        from another view, back to the account tabs first."""
        if self.views.currentIndex() != View.ACCOUNTS:
            self.views.setCurrentIndex(View.ACCOUNTS)
            return
        count = self.account_tabs.count()
        self.account_tabs.setCurrentIndex((self.account_tabs.currentIndex() + step) % count)

    def current_tab(self) -> AccountTab:
        return AccountTab(self.account_tabs.currentIndex())

    def _load_tab(self) -> None:
        """Show the account in the tab on view; the other tabs catch up when shown (the
        health tab's first showing is what loads matplotlib). A tab holding unsaved work
        (an ROI draft) keeps it until the CSM saves or discards it."""
        if self._context is None:  # a tab chosen while the portfolio opens loads with it
            return
        account_id = self.list_panel.current_account_id()
        tab = self.current_tab()
        # Ctrl+Z undoes map edits while the map is showing, account edits otherwise.
        self.undo_group.setActiveStack(self.stakeholder_panel.undo_stack
                                       if tab is AccountTab.STAKEHOLDERS
                                       else self.editor.undo_stack)
        name = self._lazy_tabs.get(tab)
        if name is None or account_id <= 0:
            return
        panel = getattr(self, name)  # built here when first shown
        stale = tab in self._stale and not getattr(panel, "dirty", False)
        if panel.account_id != account_id or stale:
            self._stale.discard(tab)
            panel.show_account(account_id)

    def _account_edited(self, account_id: int) -> None:
        """Created, edited, deleted or brought back by undo: the list selects it."""
        self.reload_accounts(account_id)
        self._data_changed(account_id, AccountTab.DETAILS, reload_list=False)

    def _data_changed(self, account_id: int, source: AccountTab | None = None, *,
                      reload_list: bool = True) -> None:
        """Something stored about `account_id` changed in `source` (None: settings that
        move every account's figures): every other tab reloads when next shown, the one
        on view at once."""
        self._stale.update(tab for tab in self._lazy_tabs if tab is not source)
        if reload_list:
            self.reload_accounts()
        self._mark_overview_stale()
        self.account_data_changed.emit(account_id)
        if self.current_tab() is not source:
            self._load_tab()

    def _prep_scorecard(self, plan: ReviewPlan) -> list[ScoreItem]:
        from qbr_desktop.services.scorecard import prep_scorecard

        return prep_scorecard(self.context, plan.account_id, plan.review_id, plan.tier)

    def _follow_up_email(self, account_id: int) -> EmailMessage:
        from qbr_desktop.services.followup import followup_for

        return followup_for(self.context, account_id)

    def _followed_up_review(self, account_id: int) -> int | None:
        from qbr_desktop.services.followup import FollowupError, followed_up_review

        try:
            return followed_up_review(self.context, account_id, datetime.now(UTC))
        except FollowupError:
            return None

    def _view_changed(self, index: int) -> None:
        if self._context is None:  # attach shows the view chosen while it opened
            return
        if index == View.PORTFOLIO and self._overview_stale:
            self._overview_stale = False
            self.portfolio_view.refresh()
        elif index == View.PROGRAMME and self._programme_stale:
            self._programme_stale = False
            self.programme_view.refresh()
        elif index == View.UPCOMING:  # cheap, and prep progress changes with every tick
            self.upcoming_view.refresh()

    def _mark_overview_stale(self, *_args: object) -> None:
        self._overview_stale = self._programme_stale = True
        if self.views.currentIndex() in (View.PORTFOLIO, View.PROGRAMME):
            self._view_changed(self.views.currentIndex())

    def save_field(self, field_name: str, value: Any) -> None:
        account_edits.save_field(self, field_name, value)

    def new_account(self) -> None:
        account_edits.new_account(self)

    def delete_current_account(self) -> None:
        account_edits.delete_current_account(self)

    # Portfolio -------------------------------------------------------------------------
    def estimates_changed(self) -> None:
        """Settings that move every account's figures changed (catalogue, weights…)."""
        self._data_changed(self.list_panel.current_account_id())

    # Chrome ----------------------------------------------------------------------------
    def _focus_filter(self) -> None:
        self.list_panel.filter_edit.setFocus()
        self.list_panel.filter_edit.selectAll()

    def show_failure(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, APP_NAME, message)

    def settle_unsaved_work(self) -> bool:
        """False when the CSM keeps their unsaved work (window_closing)."""
        return window_closing.settle_unsaved_work(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if window_closing.may_close(self):
            super().closeEvent(event)
        else:
            event.ignore()
