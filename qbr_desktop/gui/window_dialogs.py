"""The main window's dialogs: portfolio settings, import and About. Each opens its dialog
on the window and tells the window what changed; the window module stays about panels
and their wiring."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from qbr_desktop import APP_NAME, __version__
from qbr_desktop.gui.translation import translate

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow

IMPORTED_MESSAGE_MS = 8000


def edit_tier_settings(window: MainWindow) -> None:
    from qbr_desktop.gui.tier_settings import TierSettingsDialog

    dialog = TierSettingsDialog(window.context.settings, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.page.set_tiers(window.context.settings.tier_scheme().tiers)
        window.reload_accounts()
        window.show_account(window.list_panel.current_account_id())


def import_file(window: MainWindow) -> None:
    from qbr_desktop.gui.imports import ImportDialog

    window.page.flush_pending()
    dialog = ImportDialog(window.context, window)
    dialog.imported.connect(lambda plan: _imported(window, plan))
    dialog.exec()


def prepare_data(window: MainWindow) -> None:
    """Several exports at once, checked against the current account's deck."""
    from qbr_desktop.gui.imports.prepare_dialog import PrepareDataDialog

    window.page.flush_pending()
    account_id = window.list_panel.current_account_id()
    account = window.context.insights.name(account_id) if account_id is not None else None
    dialog = PrepareDataDialog(window.context, account, window)
    dialog.imported.connect(lambda plans: _imported(window, plans))
    dialog.exec()


def _imported(window: MainWindow, plan: object) -> None:
    window.reload_accounts()
    window.estimates_changed()
    window.show_account(window.list_panel.current_account_id())
    summary = getattr(plan, "summary", None)
    if callable(summary):
        window.statusBar().showMessage(translate("window_dialogs",
                                                 "Imported: {summary}").format(summary=summary()),
                                                 IMPORTED_MESSAGE_MS)
    elif isinstance(plan, tuple):  # several files, imported together
        window.statusBar().showMessage(translate("window_dialogs",
                                                 "Imported {count} files").format(count=len(plan)),
                                                 IMPORTED_MESSAGE_MS)


def edit_catalogue(window: MainWindow) -> None:
    from qbr_desktop.gui.insights.settings_dialogs import CatalogueDialog

    if CatalogueDialog(window.context.catalogue, window).exec() == QDialog.DialogCode.Accepted:
        window.estimates_changed()


def edit_health_weights(window: MainWindow) -> None:
    from qbr_desktop.gui.insights.settings_dialogs import HealthWeightsDialog

    dialog = HealthWeightsDialog(window.context.insights, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.estimates_changed()


def edit_owned_modules(window: MainWindow, account_id: int) -> None:
    from qbr_desktop.gui.insights.settings_dialogs import OwnedModulesDialog

    name = window.context.accounts.get(account_id).draft.name
    dialog = OwnedModulesDialog(window.context.catalogue, account_id, name, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.estimates_changed()


def edit_holidays(window: MainWindow) -> None:
    from qbr_desktop.gui.plans.holidays_dialog import HolidaysDialog

    HolidaysDialog(window.context.plans, window).exec()


def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window, translate("window_dialogs", "About {app_name}").format(app_name=APP_NAME),
        translate("window_dialogs",
                  "{app_name} {version}\n\nPrepare and run Quarterly Business Reviews from a "
                  "local portfolio that works offline.\n\nPortfolio: "
                  "{describe}").format(app_name=APP_NAME, version=__version__,
                                       describe=window.context.target.describe()))


def edit_language(window: MainWindow) -> None:
    """The window's language; it takes effect at the next start (every label would have to
    be set again to switch now)."""
    from qbr_desktop.gui.language_dialog import LanguageDialog
    from qbr_desktop.gui.translation import chosen_language, language_name, resolve_language

    dialog = LanguageDialog(window.settings, window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changed:
        language = language_name(resolve_language(chosen_language(window.settings)))
        QMessageBox.information(window, translate("window_dialogs", "Language"), translate(
            "window_dialogs", "QBR Desktop will be in {language} the next time it starts."
        ).format(language=language))
    dialog.deleteLater()
