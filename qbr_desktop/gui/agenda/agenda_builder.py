"""Building the agenda: start from a template, then add, remove, reorder and retime sections;
the total against the booked slot and the forward-looking share update as the CSM edits.

Each finished edit is saved at once; the checks warn but never block (an agenda longer
than the slot can still be run: the timer will squeeze the last sections)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.agenda import (
    FORWARD_TARGETS,
    MAX_SECTION_MINUTES,
    MAX_SLOT_MINUTES,
    OWNER_LABELS,
    TEMPLATES,
    TITLE_LIMIT,
    Agenda,
    AgendaSection,
    Focus,
    SectionOwner,
    check_agenda,
    new_key,
    template_label,
)
from qbr_desktop.domain.errors import DomainError, ValidationFailed
from qbr_desktop.gui.edit_conflicts import save_over
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.agendas import AgendaService, ReviewAgenda

TITLE, OWNER, MINUTES, FOCUS = range(4)
FOCUS_WORDS = {Focus.FORWARD: QT_TRANSLATE_NOOP("agenda_builder", "Forward"),
               Focus.BACKWARD: QT_TRANSLATE_NOOP("agenda_builder", "Backward"),
               Focus.NEUTRAL: QT_TRANSLATE_NOOP("agenda_builder", "Neither")}
MIN_TITLE_WIDTH = 160


def _owner_box(parent: QWidget | None) -> QComboBox:
    box = QComboBox(parent)
    for side in SectionOwner:
        box.addItem(ui_label(OWNER_LABELS[side]), side.value)
    return box


def _minutes_box(parent: QWidget | None) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, MAX_SECTION_MINUTES)
    box.setKeyboardTracking(False)
    return box


def _focus_box(parent: QWidget | None) -> QComboBox:
    box = QComboBox(parent)
    for kind, words in FOCUS_WORDS.items():
        box.addItem(translate("agenda_builder", words), kind.value)
    return box


class _TitleTips(QStyledItemDelegate):
    """A title cut short by the column shows whole in its tooltip, above the prompt."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt's
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        prompt = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        room = option.rect.width() - 2 * view.style().pixelMetric(
            view.style().PixelMetric.PM_FocusFrameHMargin, None, view) - 6
        cut = option.fontMetrics.horizontalAdvance(title) > room
        text = "\n\n".join(part for part in ((title if cut else ""), prompt) if part)
        if not text:
            QToolTip.hideText()
            return True
        QToolTip.showText(event.globalPos(), text, view)
        return True


class AgendaBuilder(QWidget):
    # The agenda was saved: the review id.
    saved = Signal(int)

    def __init__(self, service: AgendaService, parent: QWidget | None = None, *,
                 ask: Callable[[str], bool] | None = None) -> None:
        """`ask` puts a yes/no question (default: a message box; tests answer it)."""
        super().__init__(parent)
        self.service = service
        self.ask = ask or self._ask
        self.review: ReviewAgenda | None = None
        self.agenda: Agenda | None = None
        self._filling = False
        self.template_box = QComboBox(self)
        for name in TEMPLATES:  # shown in the interface language, chosen by the stored name
            self.template_box.addItem(ui_text(template_label(name)), name)
        self.template_box.setToolTip(translate("AgendaBuilder",
                                               "Replace the sections with a template's"))
        self.use_template = QPushButton(translate("AgendaBuilder", "Use template"), self)
        self.use_template.clicked.connect(self._use_template)
        self.slot_spin = QSpinBox(self)
        self.slot_spin.setRange(5, MAX_SLOT_MINUTES)
        self.slot_spin.setSuffix(translate("AgendaBuilder", " min booked"))
        self.slot_spin.setKeyboardTracking(False)
        self.slot_spin.valueChanged.connect(lambda _v: self._edited())
        self.target_box = QComboBox(self)
        for target in FORWARD_TARGETS:
            percent = int(target * 100)
            self.target_box.addItem(translate("AgendaBuilder",
                                              "Aim {percent}/{value} "
                                              "forward/back").format(percent=percent,
                                                                     value=100 - percent),
                                                                     str(target))
        self.target_box.activated.connect(self._target_chosen)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([translate("AgendaBuilder", "Section"),
                                              translate("AgendaBuilder", "Owner"),
                                              translate("AgendaBuilder", "Minutes"),
                                              translate("AgendaBuilder", "Focus")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(TITLE, _TitleTips(self.table))
        self._fit_columns()
        self.table.itemChanged.connect(lambda _item: self._edited())
        self.add_button = QPushButton(translate("AgendaBuilder", "Add section"), self)
        self.add_button.clicked.connect(self.add_section)
        self.remove_button = QPushButton(translate("AgendaBuilder", "Remove"), self)
        self.remove_button.clicked.connect(self.remove_section)
        self.up_button = QPushButton("▲", self)
        self.up_button.setToolTip(translate("AgendaBuilder", "Move the section earlier"))
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button = QPushButton("▼", self)
        self.down_button.setToolTip(translate("AgendaBuilder", "Move the section later"))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("agendaChecks")
        top = QHBoxLayout()
        for widget in (self.template_box, self.use_template, self.slot_spin, self.target_box):
            top.addWidget(widget)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)

    def _fit_columns(self) -> None:
        """Owner, minutes and focus as wide as their widest choice: the header's own
        sizing counts the text of the items only, and these cells hold widgets. The title
        takes the rest, and is cut short (whole in its tooltip) when it must be."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        makers: tuple[tuple[int, Callable[[QWidget | None], QWidget]], ...] = (
            (OWNER, _owner_box), (MINUTES, _minutes_box), (FOCUS, _focus_box))
        for column, make in makers:
            sample = make(None)  # never shown; a spin box's hint allows for its largest value
            sample.setFont(self.table.font())
            width = max(sample.sizeHint().width(), header.sectionSizeHint(column))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width + 2)
        self.table.setMinimumWidth(sum(header.sectionSize(c) for c in (OWNER, MINUTES, FOCUS))
                                   + MIN_TITLE_WIDTH)

    # Showing -----------------------------------------------------------------------------
    def show_agenda(self, review: ReviewAgenda) -> None:
        self.review, self.agenda = review, review.agenda
        self._filling = True
        try:
            index = self.template_box.findData(review.agenda.template)
            if index >= 0:
                self.template_box.setCurrentIndex(index)
            self.slot_spin.setValue(review.agenda.slot_minutes)
            target = self.service.forward_target()
            self.target_box.setCurrentIndex(max(0, self.target_box.findData(str(target))))
            self.table.setRowCount(len(review.agenda.sections))
            for row, section in enumerate(review.agenda.sections):
                self._fill_row(row, section)
        finally:
            self._filling = False
        self._show_checks()

    def _fill_row(self, row: int, section: AgendaSection) -> None:
        title = QTableWidgetItem(section.title)
        title.setData(Qt.ItemDataRole.UserRole, section.key)
        title.setToolTip(section.prompt)
        self.table.setItem(row, TITLE, title)
        owner = _owner_box(self.table)
        owner.setCurrentIndex(owner.findData(section.owner.value))
        owner.activated.connect(lambda _i: self._edited())
        self.table.setCellWidget(row, OWNER, owner)
        minutes = _minutes_box(self.table)
        minutes.setValue(section.minutes)
        minutes.valueChanged.connect(lambda _v: self._edited())
        self.table.setCellWidget(row, MINUTES, minutes)
        focus = _focus_box(self.table)
        focus.setCurrentIndex(focus.findData(section.focus.value))
        focus.activated.connect(lambda _i: self._edited())
        self.table.setCellWidget(row, FOCUS, focus)

    def _show_checks(self) -> None:
        if self.agenda is None:
            return
        checks = check_agenda(self.agenda, self.service.forward_target())
        self.summary.setText("\n".join(("✓ " if c.ok else "⚠ ") + ui_text(c.message)
                                      for c in checks))

    # Reading -----------------------------------------------------------------------------
    def read(self) -> Agenda | None:
        if self.agenda is None:
            return None
        sections = []
        for row in range(self.table.rowCount()):
            title_item = self.table.item(row, TITLE)
            owner, minutes, focus = (self.table.cellWidget(row, c)
                                     for c in (OWNER, MINUTES, FOCUS))
            if title_item is None or not isinstance(owner, QComboBox) or not isinstance(
                    minutes, QSpinBox) or not isinstance(focus, QComboBox):
                continue
            key = str(title_item.data(Qt.ItemDataRole.UserRole))
            before = self.agenda.section(key)
            sections.append(AgendaSection(
                key, title_item.text()[:TITLE_LIMIT], minutes.value(),
                SectionOwner(owner.currentData()), Focus(focus.currentData()),
                before.prompt if before else ""))
        return replace(self.agenda, slot_minutes=self.slot_spin.value(),
                       sections=tuple(sections))

    def _edited(self) -> None:
        if self._filling:
            return
        agenda = self.read()
        if agenda is not None and agenda != self.agenda:
            self._save(agenda)

    def _save(self, agenda: Agenda, select: int | None = None) -> None:
        if self.review is None:
            return
        review_id, seen = self.review.review_id, self.agenda
        try:  # over the agenda as shown: a colleague's newer change is reloaded or replaced
            review = save_over(
                self, lambda: self.service.save_agenda(review_id, agenda, seen=seen),
                lambda: self.service.save_agenda(review_id, agenda)
            ) or self.service.agenda(review_id)
        except ValidationFailed as exc:
            self.summary.setText(translate("AgendaBuilder",
                                           "⚠ Not saved: ") + "; ".join(exc.problems.values()))
            return
        except (DomainError, StoreError) as exc:
            self.summary.setText(translate("AgendaBuilder", "⚠ Not saved: {exc}").format(exc=exc))
            return
        current = self.table.currentRow() if select is None else select
        self.show_agenda(review)
        if 0 <= current < self.table.rowCount():
            self.table.selectRow(current)
        self.saved.emit(review.review_id)

    # Section actions ---------------------------------------------------------------------
    def add_section(self) -> None:
        agenda = self.read()
        if agenda is None:
            return
        key = new_key("Discussion", [s.key for s in agenda.sections])
        section = AgendaSection(key, translate("AgendaBuilder", "Discussion"), 5,
                                SectionOwner.JOINT, Focus.FORWARD)
        self._save(replace(agenda, sections=(*agenda.sections, section)),
                   select=len(agenda.sections))
        added = self.table.item(self.table.rowCount() - 1, TITLE)
        if added is not None:
            self.table.editItem(added)

    def remove_section(self) -> None:
        agenda, row = self.read(), self.table.currentRow()
        if agenda is None or not 0 <= row < len(agenda.sections):
            return
        sections = list(agenda.sections)
        del sections[row]
        self._save(replace(agenda, sections=tuple(sections)),
                   select=min(row, len(sections) - 1))

    def move_section(self, step: int) -> None:
        agenda, row = self.read(), self.table.currentRow()
        target = row + step
        if agenda is None or not (0 <= row < len(agenda.sections)
                                  and 0 <= target < len(agenda.sections)):
            return
        sections = list(agenda.sections)
        sections[row], sections[target] = sections[target], sections[row]
        self._save(replace(agenda, sections=tuple(sections)), select=target)

    def _use_template(self) -> None:
        if self.review is None:
            return
        review_id, name, seen = (self.review.review_id, str(self.template_box.currentData()),
                                 self.agenda)
        try:
            if self.service.edited(review_id) and not self.ask(translate(
                    "AgendaBuilder", "This agenda was edited or has notes. Make it again from "
                    "the template “{name}”, in the customer's language? Changed sections are "
                    "replaced; notes stay with their sections.").format(
                        name=self.template_box.currentText())):
                return
            review = save_over(
                self, lambda: self.service.use_template(review_id, name, seen=seen),
                lambda: self.service.use_template(review_id, name)
            ) or self.service.agenda(review_id)
        except (DomainError, StoreError) as exc:
            self.summary.setText(f"⚠ {exc}")
            return
        self.show_agenda(review)
        self.saved.emit(review.review_id)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, translate("AgendaBuilder", "Use template"), question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _target_chosen(self, _index: int) -> None:
        try:
            self.service.set_forward_target(Decimal(self.target_box.currentData()))
        except (DomainError, StoreError) as exc:
            self.summary.setText(f"⚠ {exc}")
            return
        self._show_checks()
