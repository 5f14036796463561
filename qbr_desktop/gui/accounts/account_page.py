"""The account page: the Designer form plus the behaviour that saves each field as it is left."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from qbr_desktop.domain.accounts import INDUSTRIES, Account, EmployeeBand
from qbr_desktop.domain.meeting_time import meeting_when
from qbr_desktop.domain.metrics import MetricHistory
from qbr_desktop.domain.money import (
    CURRENCIES,
    Money,
    MoneyFormatError,
    editable_amount,
    format_money,
    parse_amount,
)
from qbr_desktop.domain.tiers import tier_label
from qbr_desktop.gui.accounts.commands import FIELD_LABELS
from qbr_desktop.gui.accounts.metric_model import MetricHistoryModel
from qbr_desktop.gui.accounts.ui_account_form import Ui_AccountForm
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import LANGUAGE_NAMES, available_languages, ui_label, ui_text

FIRST_RENEWAL, LAST_RENEWAL = date(1990, 1, 1), date(2100, 12, 31)
AUTO_TIER = QT_TRANSLATE_NOOP("account_page", "Auto (from ARR)")
NOTES_SAVE_DELAY_MS = 800


class AccountPage(QWidget):
    """Shows one account; emits each finished edit, and shows problems beside fields."""

    # A field was changed and left: (field name, parsed value).
    field_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AccountForm()
        self.form.setupUi(self)
        self.account: Account | None = None
        self.metrics_model = MetricHistoryModel(self)
        self.form.metricsView.setModel(self.metrics_model)
        self.form.metricsView.setTabKeyNavigation(False)  # Tab moves on to the next field
        self.form.metricsView.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self._filling = False
        self._notes_timer = QTimer(self, singleShot=True, interval=NOTES_SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self._save_notes)
        self._fill_choices()
        self._connect_fields()
        # Said once after a language switch: what someone edited stays in its language.
        self.language_notice = text_label(name="languageNotice")
        self.language_notice.hide()
        self.form.languageBox.addWidget(self.language_notice)

    # Showing ---------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        f = self.form
        f.industryEdit.addItem("", "")
        for industry in INDUSTRIES:  # shown in the window's language, stored in English
            f.industryEdit.addItem(ui_label(industry), industry)
        f.employeeBandEdit.addItems(["", *(band.value for band in EmployeeBand)])
        f.currencyEdit.addItems(list(CURRENCIES))
        for code in available_languages():
            f.languageEdit.addItem(LANGUAGE_NAMES.get(code, code), code)
        f.renewalDateEdit.set_optional(f.renewalDateEdit.placeholderText())
        f.renewalDateEdit.set_range(FIRST_RENEWAL, LAST_RENEWAL)

    def set_tiers(self, tiers: tuple[str, ...]) -> None:
        combo = self.form.tierOverrideEdit
        self._filling = True
        combo.clear()
        combo.addItem(translate("account_page", AUTO_TIER), "")
        for tier in tiers:  # shown in the window's language, stored by its English name
            combo.addItem(ui_text(tier_label(tier)), tier)
        self._filling = False

    def show_account(self, account: Account, history: MetricHistory | None = None,
                     next_review: str = "", *,
                     next_meeting: tuple[datetime, str | None] | None = None) -> None:
        """`next_meeting`: the next QBR's start and the zone it is held in, shown on that
        zone's clock and named ("Mon 2026-12-14 16:00 Europe/Berlin"); `next_review` is a
        text to show instead, for a caller that has no zone."""
        if self.account is not None and self.account.id != account.id:
            self.flush_pending()
            self.show_language_notice("")
        self.account = account
        draft = account.draft
        f = self.form
        self._filling = True
        try:
            f.titleLabel.setText(_headline(draft.name))
            f.titleLabel.setToolTip(draft.name)
            arr_text = format_money(Money(draft.arr, draft.currency))
            parts = [ui_text(tier_label(account.tier)),
                     translate("AccountPage", "{arr_text} ARR").format(arr_text=arr_text),
                     translate("AccountPage",
                               "{licensed_seats:,} "
                               "seats").format(licensed_seats=draft.licensed_seats)]
            if next_meeting is not None:
                next_review = meeting_when(*next_meeting)
            if next_review:
                parts.append(translate("AccountPage",
                                       "next QBR {next_review}").format(next_review=next_review))
            f.summaryLabel.setText(" · ".join(parts))
            f.nameEdit.setText(draft.name)
            f.nameEdit.setCursorPosition(0)
            listed = f.industryEdit.findData(draft.industry)
            if listed >= 0:
                f.industryEdit.setCurrentIndex(listed)
            else:
                f.industryEdit.setCurrentText(draft.industry)
            f.countryEdit.setText(draft.country)
            f.employeeBandEdit.setCurrentText(draft.employee_band)
            f.arrEdit.setText(editable_amount(draft.arr))
            f.currencyEdit.setCurrentText(draft.currency)
            f.licensedSeatsEdit.setValue(draft.licensed_seats)
            f.renewalDateEdit.set_value(draft.renewal_date)
            f.csmOwnerEdit.setText(draft.csm_owner)
            f.tierOverrideEdit.setCurrentIndex(
                max(0, f.tierOverrideEdit.findData(draft.tier_override or "")))
            f.languageEdit.setCurrentIndex(max(0, f.languageEdit.findData(draft.language)))
            if f.notesEdit.toPlainText() != draft.notes:
                f.notesEdit.setPlainText(draft.notes)
            f.timestampsLabel.setText(
                translate("AccountPage",
                          "Created {astimezone:%Y-%m-%d %H:%M} · last saved {astimezone2:%Y-%m-%d "
                          "%H:%M}").format(astimezone=account.created_at.astimezone(),
                                           astimezone2=account.updated_at.astimezone()))
            if history is not None:
                self.metrics_model.set_history(history)
                f.metricsLabel.setText(
                    translate("AccountPage", "Metric history by quarter") if history.rows
                    else translate("AccountPage", "Metric history by quarter: none recorded yet"))
        finally:
            self._filling = False
        self.show_problems({})

    def show_problems(self, problems: dict[str, str], *, only: set[str] | None = None) -> None:
        """Show each message under its field (and mark the field); clear the others.

        With `only`, fields outside that set keep whatever they show.
        """
        if "currency" in problems:
            problems = {**problems, "arr": problems["currency"]}
        for name, (editor, label) in self._field_widgets().items():
            if only is not None and name not in only:
                continue
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            editor.setProperty("invalid", "true" if message else "false")
            editor.style().unpolish(editor)
            editor.style().polish(editor)

    def _industry(self) -> str:
        """The industry typed or chosen: a listed one by its stored English name."""
        combo = self.form.industryEdit
        text = combo.currentText()
        # (Return adds what was typed to the list, without a stored name.)
        stored = combo.itemData(combo.findText(text))
        return stored if isinstance(stored, str) else text

    def _field_widgets(self) -> dict[str, tuple[QWidget, QLabel]]:
        f = self.form
        return {
            "name": (f.nameEdit, f.nameError), "industry": (f.industryEdit, f.industryError),
            "country": (f.countryEdit, f.countryError),
            "employee_band": (f.employeeBandEdit, f.employeeBandError),
            "arr": (f.arrEdit, f.arrError),
            "licensed_seats": (f.licensedSeatsEdit, f.licensedSeatsError),
            "renewal_date": (f.renewalDateEdit, f.renewalDateError),
            "csm_owner": (f.csmOwnerEdit, f.csmOwnerError),
            "tier_override": (f.tierOverrideEdit, f.tierOverrideError),
            "language": (f.languageEdit, f.languageError),
            "notes": (f.notesEdit, f.notesError),
        }

    def show_language_notice(self, text: str) -> None:
        self.language_notice.setText(text)
        self.language_notice.setVisible(bool(text))

    # Editing ---------------------------------------------------------------------------
    def _connect_fields(self) -> None:
        f = self.form
        text_fields: dict[str, Callable[[], Any]] = {
            "name": f.nameEdit.text, "country": f.countryEdit.text,
            "csm_owner": f.csmOwnerEdit.text,
        }
        for name, read in text_fields.items():
            editor = getattr(f, _widget_name(name))
            editor.editingFinished.connect(lambda n=name, r=read: self._emit(n, r()))
        f.arrEdit.editingFinished.connect(self._save_arr)
        industry_line = f.industryEdit.lineEdit()
        assert industry_line is not None  # the industry combo is editable in the form
        industry_line.editingFinished.connect(lambda: self._emit("industry", self._industry()))
        f.industryEdit.activated.connect(lambda _i: self._emit("industry", self._industry()))
        f.employeeBandEdit.activated.connect(
            lambda _i: self._emit("employee_band", f.employeeBandEdit.currentText()))
        f.currencyEdit.activated.connect(
            lambda _i: self._emit("currency", f.currencyEdit.currentText()))
        f.tierOverrideEdit.activated.connect(self._save_tier)
        f.languageEdit.activated.connect(
            lambda _i: self._emit("language", f.languageEdit.currentData()))
        f.licensedSeatsEdit.editingFinished.connect(
            lambda: self._emit("licensed_seats", f.licensedSeatsEdit.value()))
        f.renewalDateEdit.value_entered.connect(lambda day: self._emit("renewal_date", day))
        f.renewalDateEdit.problem_changed.connect(
            lambda message: self.show_problems({"renewal_date": message}, only={"renewal_date"}))
        f.notesEdit.textChanged.connect(self._notes_changed)
        f.notesEdit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form.notesEdit and event.type() == QEvent.Type.FocusOut:
            self._save_notes()
        return super().eventFilter(watched, event)

    def _emit(self, name: str, value: Any) -> None:
        if self._filling or self.account is None:
            return
        if getattr(self.account.draft, name) == value:
            self.show_problems({}, only={name})
            return
        self.field_edited.emit(name, value)

    def _save_arr(self) -> None:
        try:
            amount: Decimal = parse_amount(self.form.arrEdit.text() or "0")
        except MoneyFormatError as exc:
            self.show_problems({"arr": str(exc)}, only={"arr"})
            return
        self._emit("arr", amount)

    def _save_tier(self, _index: int = 0) -> None:
        tier = self.form.tierOverrideEdit.currentData()
        self._emit("tier_override", tier or None)

    def _notes_changed(self) -> None:
        if not self._filling:
            self._notes_timer.start()

    def _save_notes(self) -> None:
        self._notes_timer.stop()
        self._emit("notes", self.form.notesEdit.toPlainText())

    # Unsaved work (the window's protocol, see gui.unsaved_work) ---------------------------
    def unsaved_work(self) -> str | None:
        """After flush_pending, a field still marked is one whose value could not be
        stored: what is on screen is not what is saved."""
        if self.account is None:
            return None
        fields = [FIELD_LABELS.get(name, name) for name, (editor, _label)
                  in self._field_widgets().items() if editor.property("invalid") == "true"]
        if not fields:
            return None
        name = _headline(self.account.draft.name, 60)
        return translate("AccountPage", "Details of “{name}”: {join} not "
                                        "saved").format(name=name, join=', '.join(fields))

    def save_unsaved(self) -> bool:
        self.flush_pending()
        return self.unsaved_work() is None

    def discard_unsaved(self) -> None:
        if self.account is not None:
            self.show_account(self.account)

    def flush_pending(self) -> None:
        """Save whatever the focused field holds (before closing or switching account)."""
        if self.account is None:
            return
        if self._notes_timer.isActive():
            self._save_notes()
        focused = self.focusWidget()
        f = self.form
        if focused is f.arrEdit:
            self._save_arr()
        elif focused in (f.nameEdit, f.countryEdit, f.csmOwnerEdit):
            focused.editingFinished.emit()
        elif focused is f.renewalDateEdit:
            f.renewalDateEdit.commit()
        elif focused is f.industryEdit.lineEdit():
            self._emit("industry", self._industry())
        elif focused is f.licensedSeatsEdit or focused is f.licensedSeatsEdit.findChild(
                QWidget):
            f.licensedSeatsEdit.interpretText()
            self._emit("licensed_seats", f.licensedSeatsEdit.value())


def _headline(name: str, limit: int = 120) -> str:
    """The page title: long names are cut (the full name is in the field and the tooltip)."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _widget_name(field_name: str) -> str:
    head, *rest = field_name.split("_")
    return head + "".join(part.title() for part in rest) + "Edit"
