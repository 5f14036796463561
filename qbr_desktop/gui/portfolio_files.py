"""File › New Portfolio…, Open Portfolio…, Open Recent and Back Up Now…: the portfolio as
a file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from qbr_desktop.gui.recent_portfolios import RecentPortfolios
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.gui.worker import start_task
from qbr_desktop.paths import DatabaseTarget, user_data_folder
from qbr_desktop.store.location import DATABASE_FILENAME

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow

FILE_KINDS = QT_TRANSLATE_NOOP("portfolio_files", "Portfolio database (*.sqlite *.db)")
FOLDER_SHOWN = 60  # characters of a recent file's folder shown in the menu
NAME_SHOWN = 70  # and of its name: the menu stays narrower than a laptop's screen


def back_up(window: MainWindow) -> None:
    path = window.context.store.path
    if path is None:
        window.show_failure(translate("portfolio_files",
                                      "Backups of a server database are made on the server."))
        return
    stamp = datetime.now(UTC).astimezone().strftime("%Y-%m-%d")
    target, _ = QFileDialog.getSaveFileName(
        window, translate("portfolio_files", "Back up portfolio"),
        str(Path.home() / f"{path.stem}-backup-{stamp}.sqlite"),
        translate("portfolio_files", "Portfolio database (*.sqlite)"))
    if not target:
        return
    from qbr_desktop.services.maintenance import backup_to

    window.statusBar().showMessage(translate("portfolio_files", "Writing backup…"))
    # Kept on the window: a task whose signals nobody references can be collected early.
    window.backup_task = start_task(
        lambda: backup_to(window.context, Path(target)),
        lambda written: window.statusBar().showMessage(translate("portfolio_files",
                                                                 "Backup verified: "
                                                                 "{written}").format(written=written)),
        window.show_failure, translate("portfolio_files", "writing the backup"), owner=window)


def _portfolio_folder() -> Path:
    """The per-user data folder, where the README says portfolios live."""
    folder = user_data_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()  # the dialog then starts somewhere that exists
    return folder


def _free_name(folder: Path) -> Path:
    first = folder / DATABASE_FILENAME
    stem, suffix = first.stem, first.suffix
    number = 2
    candidate = first
    while candidate.exists():
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate


def new_portfolio(window: MainWindow) -> None:
    if not window.settle_unsaved_work():
        return
    target, _ = QFileDialog.getSaveFileName(
        window, translate("portfolio_files", "New portfolio"), str(_free_name(_portfolio_folder())),
        translate("portfolio_files", "Portfolio database (*.sqlite)"))
    if target:
        path = Path(target)
        if not path.suffix:
            path = path.with_suffix(".sqlite")
        if path.exists():
            window.show_failure(translate("portfolio_files",
                                          "{path} already exists; use Open Portfolio to open "
                                          "it.").format(path=path))
            return
        window.portfolio_requested.emit(DatabaseTarget(path=path))


def open_portfolio(window: MainWindow) -> None:
    if not window.settle_unsaved_work():
        return
    target, _ = QFileDialog.getOpenFileName(
        window, translate("portfolio_files", "Open portfolio"), str(_portfolio_folder()),
        FILE_KINDS)
    if target:
        window.portfolio_requested.emit(DatabaseTarget(path=Path(target)))


def open_recent(window: MainWindow, path: Path) -> None:
    if path == window.context.target.path:
        window.statusBar().showMessage(translate("portfolio_files",
                                                 "{name} is the portfolio open in this "
                                                 "window.").format(name=path.name))
        return
    if not path.is_file():
        RecentPortfolios(window.settings).remove(path)
        window.show_failure(translate("portfolio_files",
                                      "{path} is no longer there; it was taken off the recent "
                                      "list.").format(path=path))
        return
    if window.settle_unsaved_work():
        window.portfolio_requested.emit(DatabaseTarget(path=path))


def fill_recent_menu(window: MainWindow) -> None:
    """File › Open Recent, as it is now: missing files are listed, greyed out."""
    menu = window.recent_menu
    menu.clear()
    recent = RecentPortfolios(window.settings)
    current = window.context.target.path
    paths = recent.paths()
    if not paths:
        menu.addAction(translate("portfolio_files", "No recent portfolios")).setEnabled(False)
    for number, path in enumerate(paths, start=1):
        there = path.is_file()
        text = f"{_middle(path.name, NAME_SHOWN)} — {_start_cut(str(path.parent))}" + (
            "" if there else translate("portfolio_files", " (not found)"))
        action = menu.addAction(f"&{number} " + text.replace("&", "&&"))
        action.setEnabled(there)
        action.setStatusTip(str(path))
        action.setToolTip(str(path))
        if path == current:
            action.setCheckable(True)
            action.setChecked(True)
        action.triggered.connect(lambda _checked=False, p=path: open_recent(window, p))
    menu.addSeparator()
    clear = menu.addAction(translate("portfolio_files", "&Clear Recent Portfolios"))
    clear.setStatusTip(translate("portfolio_files",
                                 "Forget the portfolios opened before; this one stays"))
    clear.setEnabled(any(path != current for path in paths))
    clear.triggered.connect(lambda: _clear_recent(window))


def _middle(text: str, limit: int) -> str:
    """The start and the end (with the suffix) of a long file name."""
    if len(text) <= limit:
        return text
    tail = limit // 3
    return text[: limit - tail - 1] + "…" + text[-tail:]


def _start_cut(folder: str) -> str:
    """The end of a long folder path, nearest the file."""
    return folder if len(folder) <= FOLDER_SHOWN else "…" + folder[-(FOLDER_SHOWN - 1):]


def _clear_recent(window: MainWindow) -> None:
    RecentPortfolios(window.settings).clear(keep=window.context.target.path)
    fill_recent_menu(window)

