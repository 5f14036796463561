"""The tier settings dialog: which tier model is in use, and its ARR thresholds."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.money import MoneyFormatError, editable_amount, parse_amount
from qbr_desktop.domain.tiers import SCHEMES, TierModel, TierScheme, tier_label
from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.services.settings import PortfolioSettings


class TierSettingsDialog(QDialog):
    """Pick the model; edit each tier's minimum ARR. Saved only when all values are valid."""

    def __init__(self, settings: PortfolioSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TierSettingsDialog", "Tier settings"))
        self.settings = settings
        self.current = settings.tier_scheme()
        self.model_combo = QComboBox(self)
        for model, scheme in SCHEMES.items():
            self.model_combo.addItem(ui_label(scheme.label), model.value)
        self.model_combo.setCurrentIndex(self.model_combo.findData(self.current.model.value))
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.error = QLabel(self)
        self.error.setProperty("class", "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel(translate("TierSettingsDialog",
                                "Thresholds compare each account's ARR in its own currency. "
                      "An account's own tier choice always wins."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_combo)
        layout.addLayout(self.form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.model_combo.currentIndexChanged.connect(self._show_model)
        self._show_model()

    def selected_model(self) -> TierModel:
        return TierModel(self.model_combo.currentData())

    def _scheme_for(self, model: TierModel) -> TierScheme:
        return self.current if model == self.current.model else SCHEMES[model]

    def _show_model(self, _index: int = 0) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits.clear()
        scheme = self._scheme_for(self.selected_model())
        for band in scheme.bands[:-1]:
            edit = QLineEdit(editable_amount(band.minimum), self)
            tier = ui_text(tier_label(band.tier))
            edit.setAccessibleName(translate("TierSettingsDialog",
                                             "{tier} minimum ARR").format(tier=tier))
            self.edits[band.tier] = edit
            self.form.addRow(translate("TierSettingsDialog", "{tier} from").format(tier=tier),
                             edit)
        self.form.addRow(ui_text(tier_label(scheme.bands[-1].tier)),
                         QLabel(translate("TierSettingsDialog", "below that"), self))

    def save(self) -> None:
        try:
            minimums: dict[str, Decimal] = {
                tier: parse_amount(edit.text()) for tier, edit in self.edits.items()}
            self.settings.set_tier_minimums(self.selected_model(), minimums)
        except (MoneyFormatError, ValueError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.settings.set_tier_model(self.selected_model())
        self.accept()
