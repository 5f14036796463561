"""File › New Portfolio…, Open Portfolio… and Back Up Now…: the portfolio as a file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from qbr_desktop.gui.worker import start_task
from qbr_desktop.paths import DatabaseTarget

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow


def back_up(window: MainWindow) -> None:
    path = window.context.store.path
    if path is None:
        window.show_failure("Backups of a server database are made on the server.")
        return
    stamp = datetime.now(UTC).astimezone().strftime("%Y-%m-%d")
    target, _ = QFileDialog.getSaveFileName(
        window, "Back up portfolio", str(Path.home() / f"{path.stem}-backup-{stamp}.sqlite"),
        "Portfolio database (*.sqlite)")
    if not target:
        return
    from qbr_desktop.services.maintenance import backup_to

    window.statusBar().showMessage("Writing backup…")
    # Kept on the window: a task whose signals nobody references can be collected early.
    window.backup_task = start_task(
        lambda: backup_to(window.context, Path(target)),
        lambda written: window.statusBar().showMessage(f"Backup verified: {written}"),
        window.show_failure, "writing the backup", owner=window)


def new_portfolio(window: MainWindow) -> None:
    target, _ = QFileDialog.getSaveFileName(
        window, "New portfolio", str(Path.home() / "qbr.sqlite"),
        "Portfolio database (*.sqlite)")
    if target:
        if Path(target).exists():
            window.show_failure(f"{target} already exists; use Open Portfolio to open it.")
            return
        window.portfolio_requested.emit(DatabaseTarget(path=Path(target)))


def open_portfolio(window: MainWindow) -> None:
    target, _ = QFileDialog.getOpenFileName(
        window, "Open portfolio", str(Path.home()), "Portfolio database (*.sqlite *.db)")
    if target:
        window.portfolio_requested.emit(DatabaseTarget(path=Path(target)))
