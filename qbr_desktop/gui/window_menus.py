"""The main window's menus, toolbar and keyboard shortcuts.

Kept apart from the window's assembly: this is the one place to look for what a
shortcut does, and the window module stays about panels and their wiring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup

from qbr_desktop import APP_NAME
from qbr_desktop.gui import window_dialogs as dialogs
from qbr_desktop.gui.portfolio_files import (
    back_up,
    fill_recent_menu,
    new_portfolio,
    open_portfolio,
)
from qbr_desktop.gui.tabs import AccountTab, View
from qbr_desktop.gui.translation import translate

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow


def install_menus(window: MainWindow) -> None:
    """Create the actions (kept on the window as `*_action`), the menus and the toolbar."""

    def action(text: str, slot: Any,
               shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
               tip: str = "", *more_keys: str) -> QAction:
        act = QAction(text, window)
        if shortcut is not None:
            act.setShortcuts([QKeySequence(shortcut), *(QKeySequence(k) for k in more_keys)])
        act.setStatusTip(tip)
        act.triggered.connect(slot)
        return act

    window.new_action = action(translate("window_menus", "&New Account"), window.new_account,
                               QKeySequence.StandardKey.New,
                               translate("window_menus", "Add an account to the portfolio"))
    window.delete_action = action(translate("window_menus", "&Delete Account…"),
                                  window.delete_current_account,
                                  "Ctrl+Delete",
                                  translate("window_menus",
                                            "Delete the selected account (undoable)"))
    # One Undo for the window: it acts on the account edits or, while the stakeholder map
    # shows, on the map's edits (the window switches the active stack).
    window.undo_group = QUndoGroup(window)
    window.undo_group.addStack(window.editor.undo_stack)
    # (The stakeholder map's stack joins when the map is first shown: window_pages.)
    window.undo_group.setActiveStack(window.editor.undo_stack)
    window.undo_action = window.undo_group.createUndoAction(window,
                                                            translate("window_menus", "&Undo"))
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = window.undo_group.createRedoAction(window,
                                                            translate("window_menus", "&Redo"))
    window.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                                     QKeySequence("Ctrl+Y")])
    window.tiers_action = action(translate("window_menus", "&Tier Settings…"),
                                 lambda: dialogs.edit_tier_settings(window),
                                 None,
                                 translate("window_menus",
                                           "Choose the tier model and its ARR thresholds"))
    window.catalogue_action = action(translate("window_menus", "Product &Catalogue…"),
                                     lambda: dialogs.edit_catalogue(window), None,
                                     translate("window_menus",
                                               "Modules and plans with their prices, for "
                                               "expansion"))
    window.weights_action = action(translate("window_menus", "Health &Weights…"),
                                   lambda: dialogs.edit_health_weights(window), None,
                                   translate("window_menus",
                                             "How much each dimension counts in the health score"))
    window.find_action = action(translate("window_menus", "&Find Account"), window._focus_filter,
                                QKeySequence.StandardKey.Find)
    window.backup_action = action(translate("window_menus", "&Back Up Now…"),
                                  lambda: back_up(window), "Ctrl+Shift+B",
                                  translate("window_menus",
                                            "Write a verified copy of the portfolio"))
    window.new_portfolio_action = action(translate("window_menus", "New &Portfolio…"),
                                         lambda: new_portfolio(window), None,
                                         translate("window_menus", "Start an empty portfolio file"))
    window.open_portfolio_action = action(translate("window_menus", "&Open Portfolio…"),
                                          lambda: open_portfolio(window),
                                          QKeySequence.StandardKey.Open)
    window.import_action = action(translate("window_menus", "&Import…"),
                                  lambda: dialogs.import_file(window), "Ctrl+I",
                                  translate("window_menus",
                                            "Accounts, contacts or metric history from CSV or "
                                            "XLSX"))
    # Kept local: the window's own attribute list is main_window.py's.
    prepare_data_action = action(
        translate("window_menus", "Prep&are QBR Data…"), lambda: dialogs.prepare_data(window),
        "Ctrl+Shift+I",
        translate("window_menus",
                  "Several exports at once: what each holds and what the deck still lacks"))
    window.accounts_view_action = action(
        translate("window_menus", "&Accounts"),
        lambda: window.views.setCurrentIndex(View.ACCOUNTS), "Ctrl+1",
        translate("window_menus", "The account list and the account page"))
    window.portfolio_view_action = action(
        translate("window_menus", "&Portfolio Overview"),
        lambda: window.views.setCurrentIndex(View.PORTFOLIO), "Ctrl+2",
        translate("window_menus", "Health, trend, renewal and expansion of every account"))
    window.health_view_action = action(translate("window_menus", "Account &Health"),
                                       window.show_health, "Ctrl+3",
                                       translate("window_menus",
                                                 "Health, benchmark, expansion and risks of the "
                                                 "account"))
    window.upcoming_view_action = action(
        translate("window_menus", "&Upcoming QBRs"),
        lambda: window.views.setCurrentIndex(View.UPCOMING), "Ctrl+4",
        translate("window_menus",
                  "Reviews in the coming weeks, their preparation and review cadence"))
    window.programme_view_action = action(
        translate("window_menus", "QBR P&rogramme"),
        lambda: window.views.setCurrentIndex(View.PROGRAMME), "Ctrl+9",
        translate("window_menus",
                  "Whether the QBRs work: every metric against its target, cadence, maturity"))
    window.plan_view_action = action(
        translate("window_menus", "Prep &Timeline"),
        lambda: window.show_account_tab(AccountTab.TIMELINE), "Ctrl+5",
        translate("window_menus", "The preparation plan of the account's next QBR"))
    window.map_view_action = action(
        translate("window_menus", "&Stakeholder Map"),
        lambda: window.show_account_tab(AccountTab.STAKEHOLDERS), "Ctrl+6",
        translate("window_menus",
                  "The account's people, their influence and sentiment, and coverage gaps"))
    window.meeting_view_action = action(
        translate("window_menus", "&Meeting"), lambda: window.show_account_tab(AccountTab.MEETING),
        "Ctrl+7",
        translate("window_menus",
                  "The next QBR's agenda, its timer and presenter view, and the follow-up"))
    window.deck_view_action = action(
        translate("window_menus", "&Deck"), lambda: window.show_account_tab(AccountTab.DECK),
        "Ctrl+8",
        translate("window_menus", "The QBR deck, its brief and handout, and sharing them by email"))
    window.holidays_action = action(translate("window_menus", "Ho&lidays…"),
                                    lambda: dialogs.edit_holidays(window), None,
                                    translate("window_menus",
                                              "Days off that preparation plans skip like weekends"))
    window.language_action = action(translate("window_menus", "Lan&guage…"),
                                    lambda: dialogs.edit_language(window), None,
                                    translate("window_menus",
                                              "The window's language, from the next start"))
    # Ctrl+Tab is taken by Qt's own tab switching only inside a tab widget; as window
    # actions they work from the account list too. Ctrl+Shift+Tab reaches Qt as Backtab.
    window.next_tab_action = action(
        translate("window_menus", "Ne&xt Tab"), lambda: window.step_account_tab(1), "Ctrl+Tab",
        translate("window_menus", "The account's next tab"), "Ctrl+PgDown")
    window.previous_tab_action = action(
        translate("window_menus", "Pre&vious Tab"), lambda: window.step_account_tab(-1),
        "Ctrl+Shift+Tab",
        translate("window_menus", "The account's previous tab"), "Ctrl+Shift+Backtab",
        "Ctrl+Backtab", "Ctrl+PgUp")
    # Windows' key scheme has no standard Quit key: Ctrl+Q is added so it works everywhere.
    window.quit_action = action(translate("window_menus", "&Quit"), window.close, "Ctrl+Q")
    # The platform's own first (Cmd+Q on macOS); X11's extra media "Exit" key is left out.
    window.quit_action.setShortcuts(list(dict.fromkeys(
        [*QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)[:1], QKeySequence("Ctrl+Q")])))
    window.getting_started_action = action(
        translate("window_menus", "&Getting Started"), lambda: show_getting_started(window),
        QKeySequence.StandardKey.HelpContents,
        translate("window_menus", "A short guide to preparing and running a QBR with this app"))
    window.shortcuts_action = action(
        translate("window_menus", "&Keyboard Shortcuts"), lambda: show_shortcuts(window), None,
        translate("window_menus", "Every key the window knows"))
    window.about_action = action(translate("window_menus",
                                           "&About {app_name}").format(app_name=APP_NAME),
                                           lambda: dialogs.show_about(window))

    menu = window.menuBar()
    file_menu = menu.addMenu(translate("window_menus", "&File"))
    for item in (window.new_action, window.delete_action, None, window.import_action,
                 prepare_data_action, None,
                 window.new_portfolio_action, window.open_portfolio_action):
        file_menu.addSeparator() if item is None else file_menu.addAction(item)
    window.recent_menu = file_menu.addMenu(translate("window_menus", "Open &Recent"))
    # Filled now for the keyboard and again each time it opens: files come and go.
    fill_recent_menu(window)
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    for item in (window.backup_action, None, window.quit_action):
        file_menu.addSeparator() if item is None else file_menu.addAction(item)
    edit_menu = menu.addMenu(translate("window_menus", "&Edit"))
    for item in (window.undo_action, window.redo_action, None, window.find_action, None,
                 window.tiers_action, window.catalogue_action, window.weights_action,
                 window.holidays_action, None, window.language_action):
        edit_menu.addSeparator() if item is None else edit_menu.addAction(item)
    view_menu = menu.addMenu(translate("window_menus", "&View"))
    for item in (window.accounts_view_action, window.portfolio_view_action,
                 window.programme_view_action, window.upcoming_view_action, None,
                 window.health_view_action, window.plan_view_action, window.map_view_action,
                 window.meeting_view_action, window.deck_view_action, None, window.next_tab_action,
                 window.previous_tab_action):
        view_menu.addSeparator() if item is None else view_menu.addAction(item)
    help_menu = menu.addMenu(translate("window_menus", "&Help"))
    for item in (window.getting_started_action, window.shortcuts_action, None, window.about_action):
        help_menu.addSeparator() if item is None else help_menu.addAction(item)
    toolbar = window.addToolBar(translate("window_menus", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
    # The menu's Undo/Redo name the change ("Undo Edit name of …"); the toolbar keeps
    # short labels and puts that text in the tooltip.
    group = window.undo_group
    toolbar_undo = action(translate("window_menus", "Undo"), group.undo)
    toolbar_redo = action(translate("window_menus", "Redo"), group.redo)
    for button, can, text in ((toolbar_undo, group.canUndoChanged, group.undoTextChanged),
                              (toolbar_redo, group.canRedoChanged, group.redoTextChanged)):
        button.setEnabled(False)
        can.connect(button.setEnabled)
        text.connect(button.setToolTip)
    for item in (window.new_action, window.delete_action, toolbar_undo, toolbar_redo):
        toolbar.addAction(item)



def show_getting_started(window: MainWindow) -> None:
    from qbr_desktop.gui.help_dialogs import GettingStartedDialog

    dialog = GettingStartedDialog(window)
    dialog.exec()
    dialog.deleteLater()


def show_shortcuts(window: MainWindow) -> None:
    from qbr_desktop.gui.help_dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.exec()
    dialog.deleteLater()
