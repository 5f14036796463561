"""What the import dialogs share: background steps where the newest request wins, a status
line that can say something went wrong, the date-order choice, and a dialog that will not
close while an import is being written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPushButton, QWidget

from qbr_desktop.gui.imports.steps import LatestSteps
from qbr_desktop.gui.translation import translate
from qbr_desktop.imports.cells import ImportOptions


class ImportDialogBase(QDialog):
    """Subclasses make `import_button` and `summary`, and say what to do when a step fails
    (`_failed`) and which widgets an import in progress locks (`_locked_widgets`)."""

    import_button: QPushButton
    summary: QLabel

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = LatestSteps(self, what)
        # True while an import is being written (the dialog cannot be closed meanwhile).
        self.applying = False
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    @property
    def busy(self) -> bool:
        return self.steps.busy

    def _make_date_choice(self, decide: str, label: str) -> None:
        """The date order for 05/06/2026, shown once a file needs it."""
        self.date_combo = QComboBox(self)
        for text, value in ((decide, None),
                            (translate("ImportDialogBase", "Day first (31/12/2026)"), True),
                            (translate("ImportDialogBase", "Month first (12/31/2026)"), False)):
            self.date_combo.addItem(text, value)
        self.date_label = QLabel(label, self)
        self.date_label.setBuddy(self.date_combo)

    def _show_date_choice(self, visible: bool) -> None:
        self.date_label.setVisible(visible)
        self.date_combo.setVisible(visible)

    def _options(self) -> ImportOptions:
        return ImportOptions(day_first=self.date_combo.currentData())

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], doing: str,
             on_error: Callable[[str], None] | None = None, always: bool = False) -> None:
        """Run `work` on the thread pool; only the newest request's result is shown
        (`always`: this one's result is shown even if a newer request came in)."""
        self.import_button.setEnabled(False)
        self.summary.setText(doing)
        self.steps.run(work, done, on_error or self._failed, always=always)

    def _failed(self, message: str) -> None:
        raise NotImplementedError

    def _locked_widgets(self) -> Iterable[QWidget]:
        return ()

    def _set_applying(self, applying: bool) -> None:
        """While an import is written, nothing that would change it can be touched."""
        self.applying = applying
        for widget in self._locked_widgets():
            widget.setEnabled(not applying)

    def _show_idle(self, text: str) -> None:
        self.status.setProperty("class", "")
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _show_error(self, text: str) -> None:
        self.status.setProperty("class", "fieldError")
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(text)

    def reject(self) -> None:
        """Close, except while an import is being written: it finishes first, so the
        window that listens to `imported` always hears of it."""
        if self.applying:
            self.summary.setText(translate("ImportDialogBase",
                                           "Importing… the dialog closes once the import is "
                                           "saved."))
            return
        super().reject()

    def done(self, result: int) -> None:
        self.steps.closed = True
        super().done(result)
