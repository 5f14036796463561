"""The Deck tab's exports: the folder, the question before replacing a file, and the two
background steps of every export (see services.deck_jobs).

A mixin of DeckTab: it works on the tab's buttons, progress bar and message line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices

from qbr_desktop.gui.deck.overwrite_question import OverwriteChoice, ask_overwrite
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import Worker, run_in_background

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QPushButton, QWidget

    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.deck_jobs import Destination

FOLDER_SETTING = "deck/folder"


def default_folder() -> Path:
    """The folder last saved to, else the CSM's Documents folder (made by the first export
    when a fresh account has none yet)."""
    remembered = str(QSettings().value(FOLDER_SETTING, "", type=str) or "")
    if remembered and Path(remembered).is_absolute():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


class DeckExporting:
    """Export buttons' behaviour; the tab builds the widgets named here."""

    context: AppContext
    account_id: int | None
    job: Worker | None
    last_written: Path | None
    folder: Path
    folder_edit: QLineEdit
    buttons: dict[str, QPushButton]
    progress: QProgressBar
    cancel_button: QPushButton
    reveal_button: QPushButton
    message: QLabel
    _made_folder: Path | None = None

    def flush(self) -> None:
        """Save what the CSM typed, so the export shows it (the tab's own)."""

    def written(self, path: Path) -> None:
        """A file was written (the tab announces it)."""

    def _widget(self) -> QWidget:
        return cast("QWidget", self)

    def export(self, kind: str) -> None:
        """Write the deck, brief, handout or email draft into the chosen folder: first
        make the folder and look for a file of the same name (in the background), then
        ask before writing over one."""
        if self.account_id is None or self.job is not None:
            return
        self.flush()
        folder = self._chosen_folder()
        if folder is None:
            return
        from qbr_desktop.services.deck_jobs import destination

        account_id, context = self.account_id, self.context
        self._set_running(translate("DeckExporting", "Writing the {kind}…").format(kind=kind))
        self.job = run_in_background(
            lambda _progress, _cancelled: destination(context, account_id, kind, folder),
            translate("DeckExporting", "preparing the {kind}").format(kind=kind),
            lambda found: self._write(kind, account_id, found),
            self._export_failed, on_cancel=self._export_cancelled, owner=self._widget())

    def _chosen_folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        folder = Path(text).expanduser() if text else default_folder()
        if not folder.is_absolute():
            self.message.setText(translate("DeckExporting",
                                           "Not exported: type the whole path of a folder, or pick "
                                 "one with Folder…"))
            return None
        self.folder = folder
        self.folder_edit.setText(str(folder))
        return folder

    def _write(self, kind: str, account_id: int, found: Destination) -> None:
        overwrite = True
        if found.exists:
            choice = ask_overwrite(self._widget(), found)
            if choice is OverwriteChoice.CANCEL:
                self._finish(translate("DeckExporting",
                                       "Nothing was written; {name} is as it "
                                       "was.").format(name=found.path.name))
                return
            overwrite = choice is OverwriteChoice.REPLACE
        from qbr_desktop.services.deck_jobs import export_work

        self._made_folder = found.path.parent if found.made_folder else None
        work, cancel_errors = export_work(self.context, account_id, kind, found.path,
                                          overwrite=overwrite)
        self._set_running(translate("DeckExporting", "Writing the {kind}…").format(kind=kind))
        self.job = run_in_background(work,
                                     translate("DeckExporting",
                                               "writing the {kind}").format(kind=kind),
                                               self._exported,
                                     self._export_failed, progress=self._progressed,
                                     on_cancel=self._export_cancelled,
                                     cancel_errors=cancel_errors)

    def _set_running(self, text: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.reveal_button.hide()
        self.message.setText(text)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.message.setText(translate("DeckExporting", "Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self, text: str) -> None:
        self.job = None
        for button in self.buttons.values():
            button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.message.setText(text)

    def _exported(self, result: tuple[Path, tuple[str, ...]]) -> None:
        path, warnings = result
        self.last_written = path
        QSettings().setValue(FOLDER_SETTING, str(path.parent))
        made = ([translate("DeckExporting",
                           "The folder {made_folder} was made for "
                           "it.").format(made_folder=self._made_folder)]
                if self._made_folder is not None else [])
        self._made_folder = None
        self._finish("\n".join([translate("DeckExporting", "Saved {path}").format(path=path),
                                *made, *warnings]))
        self.reveal_button.show()
        self.written(path)

    def _export_failed(self, message: str) -> None:
        self._finish(translate("DeckExporting", "Not exported: {message}").format(message=message))

    def _export_cancelled(self) -> None:
        self._finish(translate("DeckExporting", "Cancelled: nothing was written."))

    def reveal(self) -> None:
        if self.last_written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_written.parent)))
