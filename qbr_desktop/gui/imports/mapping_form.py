"""The columns of an import: one combo box per field the import can fill in, with which
remembered mapping (or guess) they come from and a button to guess them again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.imports.fields import FIELDS, ImportKind, choose_column
from qbr_desktop.imports.table_rows import shown_header

NOT_IMPORTED = QT_TRANSLATE_NOOP("mapping_form", "(not imported)")


class _WheelGuard(QObject):
    """An unfocused combo box ignores the wheel, so scrolling the form never changes it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            event.ignore()
            return True
        return False


class MappingForm(QGroupBox):
    """Choose the column for each field; one column feeds one field."""

    # The whole mapping after the person changed one column ({field: header}).
    mapping_changed = Signal(dict)
    # The person asked for the columns the headers suggest instead of the remembered ones.
    guess_requested = Signal()

    def __init__(self, title: str = QT_TRANSLATE_NOOP("MappingForm", "Columns"),
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.kind: ImportKind | None = None
        self.headers: tuple[str, ...] = ()
        self.mapping: dict[str, str] = {}
        self.combos: dict[str, QComboBox] = {}
        self._guard = _WheelGuard(self)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setAccessibleName(translate("MappingForm", "Where the columns come from"))
        self.guess_button = QPushButton(translate("MappingForm", "&Guess the columns again"), self)
        self.guess_button.setAutoDefault(False)
        self.guess_button.setToolTip(translate("MappingForm",
                                               "Choose the columns from the headers, instead of "
                                               "the "
                                     "ones remembered for this layout"))
        self.guess_button.hide()
        self.guess_button.clicked.connect(self.guess_requested.emit)
        self.rows = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.source, 1)
        top.addWidget(self.guess_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        # Never squeezed below its rows' height: in a scroll area, it scrolls instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(top)
        layout.addLayout(self.rows)
        layout.addStretch(1)

    def show_mapping(self, kind: ImportKind | None, headers: Sequence[str],
                     mapping: Mapping[str, str], source: str = "",
                     remembered: bool = False) -> None:
        """Rebuild the rows for `kind`, each combo on its column in `mapping`."""
        self.kind, self.headers, self.mapping = kind, tuple(headers), dict(mapping)
        self.source.setText(source)
        self.source.setVisible(bool(source))
        self.guess_button.setVisible(remembered)
        while self.rows.rowCount():
            self.rows.removeRow(0)
        self.combos = {}
        for field in FIELDS[kind] if kind is not None else ():
            combo = QComboBox(self)
            combo.addItem(translate("mapping_form", NOT_IMPORTED), "")
            for header in self.headers:
                combo.addItem(ui_text(shown_header(header)), header)
            combo.setCurrentIndex(max(combo.findData(self.mapping.get(field.key, "")), 0))
            combo.setAccessibleName(translate("MappingForm",
                                              "Column for {label}").format(
                                                  label=ui_label(field.label)))
            combo.setEnabled(bool(self.headers))
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.installEventFilter(self._guard)
            combo.currentIndexChanged.connect(lambda _i, key=field.key: self._changed(key))
            label = QLabel(translate("MappingForm", "{label}:").format(label=ui_label(field.label)),
                           self)
            label.setBuddy(combo)
            self.combos[field.key] = combo
            self.rows.addRow(label, combo)

    def select_column(self, field: str, header: str | None) -> None:
        """Choose the column for a field, as picking it in its combo box does."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(combo.findData(header or ""), 0))

    def _changed(self, key: str) -> None:
        self.mapping = choose_column(self.mapping, key, self.combos[key].currentData() or "")
        for field, combo in self.combos.items():  # a field that lost its column shows it
            if field != key and not self.mapping.get(field) and combo.currentIndex():
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self.mapping_changed.emit(dict(self.mapping))
