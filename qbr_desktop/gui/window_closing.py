"""Closing the main window, and what it keeps for the next time it opens.

Before the window closes (or another portfolio opens in its place), work on screen that is
not stored is settled: saved or discarded as the CSM says (gui.unsaved_work). Once it
closes, its size and place, the split between the list and the account's page, and the
account last shown in this portfolio are saved in the settings, which a new window reads
back here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow


def settle_unsaved_work(window: MainWindow) -> bool:
    """Before the window closes or another portfolio opens: typed values are saved as
    on leaving a field; work that still is not stored is saved or discarded as the
    CSM says (gui.unsaved_work). False when they cancel or a save fails."""
    if not window.is_open:
        return True
    from qbr_desktop.gui.unsaved_work import settle

    window.page.flush_pending()
    built = [window.lazy_pages.built[name] for name in window._lazy_tabs.values()
             if name in window.lazy_pages.built]
    return settle(window, [window.page, *built])


def may_close(window: MainWindow) -> bool:
    """Whether the window may close now (False: the CSM kept their unsaved work); when it
    may, what it keeps for the next time is saved."""
    if not window.is_open:  # closed while the portfolio was still opening
        return True
    if not settle_unsaved_work(window):
        return False
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("window/splitter", window.splitter.saveState())
    window.settings.setValue(last_account_key(window), window.list_panel.current_account_id())
    window.settings.sync()
    return True


def last_account_id(window: MainWindow) -> int | None:
    """The account shown when a window on this portfolio last closed."""
    value = window.settings.value(last_account_key(window))
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def last_account_key(window: MainWindow) -> str:
    target = window._target or window.context.target
    return f"portfolio/{target.describe()}/last_account"


def restore_geometry(window: MainWindow) -> None:
    geometry = window.settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 720)


def restore_splitter(window: MainWindow) -> None:
    state = window.settings.value("window/splitter")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.splitter.restoreState(state)
