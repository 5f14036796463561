"""Edit › Language…: the window's language, applied the next time the program starts."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from qbr_desktop.gui.translation import (
    SYSTEM_DEFAULT,
    choose_language,
    chosen_language,
    language_name,
    window_languages,
)


class LanguageDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Language"))
        self.combo = QComboBox()
        self.combo.addItem(self.tr("System default"), SYSTEM_DEFAULT)
        for language in window_languages():
            # Each language in its own name, so it can be found whatever the window shows.
            self.combo.addItem(language_name(language), language)
        current = self.combo.findData(chosen_language(settings))
        self.combo.setCurrentIndex(max(current, 0))
        self.note = QLabel(self.tr("The new language is used the next time QBR Desktop "
                                   "starts."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Window language:"), self.combo)
        form.addRow(self.note)
        form.addRow(buttons)

    def chosen(self) -> str:
        return str(self.combo.currentData())

    def accept(self) -> None:
        changed = self.chosen() != chosen_language(self.settings)
        choose_language(self.chosen(), self.settings)
        self.changed = changed
        super().accept()
