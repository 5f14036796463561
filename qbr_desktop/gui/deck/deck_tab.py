"""The account's Deck tab: pick, order and hide slides (thumbnails drawn by the app), say
what the roadmap and priorities are, which register risks the customer sees, check the
deck against the usual mistakes, and export the deck, the brief, the handout or an email
that shares them.

Choices are saved per account as they are made. Exports run off the GUI thread with a
progress bar and a Cancel button; files land in the folder the CSM picks (made when
missing), under names made safe from the account's name. A file already there is replaced
only when the CSM says so (it may hold their edits), and one open elsewhere never is.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.deck import (
    DeckBriefing,
    DeckContent,
    DeckVariant,
    PreparedDeck,
    SlideKind,
    check_deck,
)
from qbr_desktop.domain.deck_plan import DeckPlan, OutlineEntry
from qbr_desktop.domain.errors import DomainError, ValidationFailed
from qbr_desktop.gui.deck.exporting import DeckExporting, default_folder
from qbr_desktop.gui.deck.review_state import DeckReviewBar
from qbr_desktop.gui.deck.risk_choices import RiskChoices
from qbr_desktop.gui.deck.thumbnails import HEIGHT, WIDTH, slide_thumbnail
from qbr_desktop.gui.edit_conflicts import save_over
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import Worker, start_task
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.context import AppContext

SAVE_DELAY_MS = 800
KINDS = ("deck", "brief", "handout", "email")


class DeckTab(DeckExporting, QWidget):
    # A file was written: its path.
    exported = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.account_id: int | None = None
        self.plan = DeckPlan()
        # The plan as last read or saved: what a save says the CSM saw.
        self.seen_plan = DeckPlan()
        self.content: DeckContent | None = None
        self.job: Worker | None = None
        self.last_written: Path | None = None
        self._made_folder: Path | None = None
        self.folder = default_folder()
        self._filling = False
        # The gather running, if any, and whether a change came after it read the plan.
        self._gathering: Worker | None = None
        self._gather_again = False
        self.pending = QTimer(self)
        self.pending.setSingleShot(True)
        self.pending.setInterval(SAVE_DELAY_MS)
        self.pending.timeout.connect(self.save_plan)
        self._build()
        self.setEnabled(False)

    # Building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.slides = QListWidget(self)
        self.slides.setAccessibleName(translate("DeckTab", "Slides"))
        self.slides.setIconSize(QSize(WIDTH * 3 // 4, HEIGHT * 3 // 4))
        self.slides.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.slides.itemChanged.connect(lambda _i: self._outline_changed())
        self.slides.model().rowsMoved.connect(lambda *_: self._outline_changed())
        self.up_button = QPushButton("▲", self)
        self.up_button.setToolTip(translate("DeckTab", "Move the slide earlier"))
        self.up_button.clicked.connect(lambda: self.move_slide(-1))
        self.down_button = QPushButton("▼", self)
        self.down_button.setToolTip(translate("DeckTab", "Move the slide later"))
        self.down_button.clicked.connect(lambda: self.move_slide(1))
        self.reset_button = QPushButton(translate("DeckTab", "Default slides"), self)
        self.reset_button.clicked.connect(self.reset_outline)
        self.variant_box = QComboBox(self)
        self.variant_box.addItem(translate("DeckTab", "From the tier"), "")
        for variant in DeckVariant:
            self.variant_box.addItem(ui_label(variant.words), variant.value)
        self.variant_box.activated.connect(lambda _i: self._variant_changed())
        self.roadmap_edit = self._lines(
            translate("DeckTab", "One item per line; write 'item → goal' to tie it to a goal"))
        self.priorities_edit = self._lines(translate("DeckTab",
                                                     "Next quarter's priorities, one per line"))
        self.recommendations_edit = self._lines(
            translate("DeckTab",
                      "Recommendations, one per line (left empty, the deck drafts some)"))
        self.risk_choices = RiskChoices(self)
        self.risk_choices.chosen.connect(lambda _id, _shown: self.save_plan())
        self.accent_edit = QLineEdit(self)
        self.accent_edit.setPlaceholderText("#1565C0")
        self.accent_edit.editingFinished.connect(self.save_plan)
        self.template_edit = QLineEdit(self)
        self.template_edit.setPlaceholderText(translate("DeckTab",
                                                        "Your PowerPoint template (.pptx), "
                                                        "optional"))
        self.template_edit.editingFinished.connect(self.save_plan)
        self.template_button = QPushButton(translate("DeckTab", "Choose…"), self)
        self.template_button.clicked.connect(lambda: self._pick_file(
            self.template_edit, "Choose your PowerPoint template",
            "PowerPoint template (*.pptx *.potx)"))
        self.logo_edit = QLineEdit(self)
        self.logo_edit.setPlaceholderText(translate("DeckTab", "Your logo (PNG or JPEG), optional"))
        self.logo_edit.editingFinished.connect(self.save_plan)
        self.logo_button = QPushButton(translate("DeckTab", "Choose…"), self)
        self.logo_button.clicked.connect(lambda: self._pick_file(
            self.logo_edit, "Choose your logo", "Pictures (*.png *.jpg *.jpeg)"))
        self.checks = QLabel(self)
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks.setObjectName("deckChecks")
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.folder_edit = QLineEdit(str(self.folder), self)
        self.folder_edit.setAccessibleName(translate("DeckTab", "Export folder"))
        browse = QPushButton(translate("DeckTab", "Folder…"), self)
        browse.clicked.connect(self._pick_folder)
        self.buttons = {kind: QPushButton(text, self) for kind, text in (
            ("deck", translate("DeckTab", "Export deck")),
            ("brief", translate("DeckTab", "Brief (PDF)")),
            ("handout", translate("DeckTab", "Handout (PDF)")),
            ("email", translate("DeckTab", "Share by email…")))}
        for kind, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, k=kind: self.export(k))
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(translate("DeckTab", "Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.reveal_button = QPushButton(translate("DeckTab", "Reveal in folder"), self)
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.hide()
        self.review_bar = DeckReviewBar(self.context.deck_reviews, self)
        self._lay_out(browse)

    def _lines(self, hint: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(hint)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(self._typed)
        return edit

    def _lay_out(self, browse: QPushButton) -> None:
        """Two columns that fit a 1366 × 768 screen without scrolling: the slides and the
        deck check on the left; on the right what the slides say (one list at a time), the
        look, and the export buttons, which stay in view."""
        left = QVBoxLayout()
        left.addWidget(QLabel(translate("DeckTab", "Slides (untick to hide, drag to reorder)"),
                              self))
        left.addWidget(self.slides, 3)
        order = QHBoxLayout()
        for widget in (self.up_button, self.down_button, self.reset_button):
            order.addWidget(widget)
        order.addStretch(1)
        left.addLayout(order)
        left.addWidget(QLabel(translate("DeckTab", "Deck check"), self))
        checks = QScrollArea(self)
        checks.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # text to read, not a field
        checks.setWidgetResizable(True)
        checks.setFrameShape(QFrame.Shape.NoFrame)
        checks.setWidget(self.checks)
        checks.setMinimumHeight(self.fontMetrics().height() * 4)
        left.addWidget(checks, 2)
        self.lists = QTabWidget(self)
        self.lists.setObjectName("deckLists")
        lists: tuple[tuple[QWidget, str], ...] = (
            (self.roadmap_edit, translate("DeckTab", "&Roadmap")),
            (self.priorities_edit, translate("DeckTab", "&Priorities")),
            (self.recommendations_edit, translate("DeckTab", "Recommendations")),
            (self.risk_choices, translate("DeckTab", "Risks on the slide")))
        for page, label in lists:
            self.lists.addTab(page, label)
        form = QFormLayout()
        form.addRow(translate("DeckTab", "Variant"), self.variant_box)
        form.addRow(self.lists)
        form.addRow(translate("DeckTab", "Accent colour"), self.accent_edit)
        for caption, edit, button in ((translate("DeckTab", "Template"), self.template_edit,
                                       self.template_button),
                                      (translate("DeckTab", "Logo"), self.logo_edit,
                                       self.logo_button)):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            form.addRow(caption, row)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(browse)
        form.addRow(translate("DeckTab", "Save to"), folder)
        exports = QHBoxLayout()
        for button in self.buttons.values():
            exports.addWidget(button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        result = QHBoxLayout()
        result.addWidget(self.message, 1)
        result.addWidget(self.reveal_button)
        right = QVBoxLayout()
        right.addWidget(self.review_bar)
        right.addLayout(form, 1)
        right.addLayout(exports)
        right.addLayout(running)
        right.addLayout(result)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        # Tab reads the tab as it is laid out: the slides column, then the right column top
        # to bottom (the lists' tab bar before their fields), the export buttons last.
        chain: list[QWidget] = [self.slides, self.up_button, self.down_button,
                                self.reset_button, *self.review_bar.focus_chain,
                                self.variant_box, self.lists,
                                self.roadmap_edit, self.priorities_edit,
                                self.recommendations_edit, self.risk_choices, self.accent_edit,
                                self.template_edit, self.template_button, self.logo_edit,
                                self.logo_button, self.folder_edit, browse,
                                *self.buttons.values(), self.cancel_button, self.reveal_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # Loading -----------------------------------------------------------------------------
    def show_account(self, account_id: int) -> None:
        self.flush()
        self.account_id = account_id
        try:
            self.plan = self.seen_plan = self.context.decks.plan(account_id)
        except (DomainError, StoreError) as exc:
            self.message.setText(translate("DeckTab",
                                           "Could not read the deck plan: {exc}").format(exc=exc))
            return
        self.setEnabled(True)
        self._fill()
        self.refresh_content()
        self.review_bar.show_account(account_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Coming back to the tab: the register, the ROI or the map may have changed in
        another tab, so the risk list, the slides and the checks are read again."""
        super().showEvent(event)
        if self.account_id is not None and self.content is not None:
            self._show_risks()
            self.refresh_content()

    def _fill(self) -> None:
        self._filling = True
        try:
            self.variant_box.setCurrentIndex(max(0, self.variant_box.findData(
                self.plan.variant.value if self.plan.variant else "")))
            for edit, items in ((self.roadmap_edit, self.plan.roadmap),
                                (self.priorities_edit, self.plan.priorities),
                                (self.recommendations_edit, self.plan.recommendations)):
                edit.setPlainText("\n".join(items))
            self.accent_edit.setText(self.plan.accent)
            self.template_edit.setText(self.plan.template)
            self.logo_edit.setText(self.plan.logo)
        finally:
            self._filling = False
        self._show_risks()

    def _show_risks(self) -> None:
        if self.account_id is None:
            return
        try:
            items = self.context.risks.items(self.account_id)
        except (DomainError, StoreError) as exc:
            self.risk_choices.unload()
            self.message.setText(translate("DeckTab",
                                           "Could not read the risk register: "
                                           "{exc}").format(exc=exc))
            return
        self.risk_choices.show_items(items, self.plan)

    def refresh_content(self) -> None:
        """Gather the deck's content off the GUI thread, then show its slides and checks.

        One gather at a time: asked again while one runs (two quick ticks), the running one
        may have read the plan before the change, so one more runs after it reports and only
        its result is shown. Gathers running side by side could report in any order and leave
        an older plan's content on screen (issue #20)."""
        account_id, context = self.account_id, self.context
        if account_id is None:
            return
        self.checks.setText(translate("DeckTab", "Checking the deck…"))
        if self._gathering is not None:
            self._gather_again = True
            return
        self._gather_again = False
        self._gathering = start_task(
            lambda: (account_id, context.decks.prepare(context, account_id)),
            self._content_ready, self._content_failed,
            translate("DeckTab", "checking the deck"), owner=self)

    def _gathered(self) -> bool:
        """The running gather reported: whether its report is the latest (else the next
        gather starts)."""
        self._gathering = None
        if self._gather_again:
            self.refresh_content()
            return False
        return True

    def _content_failed(self, message: str) -> None:
        if self._gathered():
            self.checks.setText(message)

    def _content_ready(self, result: tuple[int, PreparedDeck]) -> None:
        account_id, prepared = result
        if not self._gathered() or account_id != self.account_id:
            return
        content = self.content = prepared.content
        reasons = tuple(ui_text(reason) for reason in prepared.briefing.omitted)
        self._show_slides(content, prepared.briefing)
        checks = check_deck(content, prepared.briefing)
        missing = [f"• {ui_text(sentence)}" for sentence in prepared.briefing.missing]
        omitted = [f"• {reason}" for reason in reasons]
        lines = [("✓ " if c.ok else "⚠ ") + ui_text(c.message) for c in checks]
        self.checks.setText("\n".join(lines
                                      + (["",
                                          translate("DeckTab",
                                                    "Missing:")] + missing if missing else [])
                                      + (["",
                                          translate("DeckTab", "Left out of this deck:")] + omitted
                                         if omitted else [])))

    def _show_slides(self, content: DeckContent, briefing: DeckBriefing | None = None) -> None:
        self._filling = True
        try:
            self.slides.clear()
            accent = self.plan.accent or "#1565C0"
            for number, slide in enumerate(content.outline, start=1):
                left_out = translate("DeckTab",
                                     " (left out: nothing to show yet)") if slide.omitted else ""
                # The slide's title as the deck says it: in the account's language (the
                # outline is the customer's content, already worded so).
                item = QListWidgetItem(QIcon(slide_thumbnail(slide, number, accent)),
                                       slide.title
                                       + (translate("DeckTab", " (backup)")
                                          if slide.backup else "") + left_out)
                if slide.omitted:
                    reason = briefing.left_out_reason(slide.kind) if briefing else None
                    item.setToolTip(ui_text(reason) if reason is not None
                                    else left_out.strip(" ()（）"))
                item.setData(Qt.ItemDataRole.UserRole, slide.kind.value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                item.setCheckState(Qt.CheckState.Checked if slide.shown
                                   else Qt.CheckState.Unchecked)
                self.slides.addItem(item)
        finally:
            self._filling = False

    # Editing -----------------------------------------------------------------------------
    def read_plan(self) -> DeckPlan:
        outline = tuple(OutlineEntry(SlideKind(self.slides.item(row).data(
            Qt.ItemDataRole.UserRole)), self.slides.item(row).checkState() == (
                Qt.CheckState.Checked)) for row in range(self.slides.count()))
        variant = self.variant_box.currentData()

        def lines(edit: QPlainTextEdit) -> tuple[str, ...]:
            return tuple(line.strip() for line in edit.toPlainText().splitlines()
                         if line.strip())
        risks = self.risk_choices.ticked()
        shown_risks, hidden_risks = self.plan.shown_risks, self.plan.hidden_risks
        if self.risk_choices.loaded:  # items no longer open drop out of the choices
            shown_risks = tuple(i for i, ticked in risks.items() if ticked)
            hidden_risks = tuple(i for i, ticked in risks.items() if not ticked)
        return replace(self.plan, variant=DeckVariant(variant) if variant else None,
                       shown_risks=shown_risks, hidden_risks=hidden_risks,
                       outline=outline or self.plan.outline,
                       roadmap=lines(self.roadmap_edit), priorities=lines(self.priorities_edit),
                       recommendations=lines(self.recommendations_edit),
                       accent=self.accent_edit.text().strip(),
                       template=self.template_edit.text().strip(),
                       logo=self.logo_edit.text().strip())

    def _typed(self) -> None:
        if not self._filling:
            self.pending.start()

    def written(self, path: Path) -> None:
        self.exported.emit(path)

    def flush(self) -> None:
        if self.pending.isActive():
            self.pending.stop()
            self.save_plan()

    def save_plan(self) -> None:
        if self.account_id is None or self._filling:
            return
        plan = self.read_plan()
        if plan == self.plan:
            return
        account_id, seen, decks = self.account_id, self.seen_plan, self.context.decks
        try:  # over the plan as read: a colleague's newer change is reloaded or replaced
            stored = save_over(self, lambda: decks.save_plan(account_id, plan, seen=seen),
                               lambda: decks.save_plan(account_id, plan))
        except ValidationFailed as exc:
            self.message.setText(translate("DeckTab",
                                           "Not saved: ") + "; ".join(exc.problems.values()))
            return
        except (DomainError, StoreError) as exc:
            self.message.setText(translate("DeckTab", "Not saved: {exc}").format(exc=exc))
            return
        if stored is None or stored != plan:  # theirs, or both merged: shown at once
            self.show_account(account_id)
            return
        self.plan = self.seen_plan = plan
        self.message.setText("")
        self.refresh_content()
        self.review_bar.show_account(self.account_id)  # "changed since" an approval

    def _outline_changed(self) -> None:
        if not self._filling:
            self.save_plan()

    def _variant_changed(self) -> None:
        # A new variant brings its own slides: the saved order belongs to the old one.
        self.plan = replace(self.plan, outline=())
        self._filling = True
        self.slides.clear()
        self._filling = False
        self.save_plan()

    def move_slide(self, step: int) -> None:
        row = self.slides.currentRow()
        target = row + step
        if not (0 <= row < self.slides.count() and 0 <= target < self.slides.count()):
            return
        self._filling = True
        item = self.slides.takeItem(row)
        self.slides.insertItem(target, item)
        self.slides.setCurrentRow(target)
        self._filling = False
        self.save_plan()

    def reset_outline(self) -> None:
        self._filling = True
        self.slides.clear()
        self._filling = False
        self.plan = replace(self.plan, outline=(OutlineEntry(SlideKind.TITLE),))
        self.save_plan()

    # Exporting ---------------------------------------------------------------------------
    def _pick_file(self, edit: QLineEdit, title: str, kinds: str) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, title, edit.text() or str(self.folder),
                                                kinds)
        if chosen:
            edit.setText(chosen)
            self.save_plan()

    def _pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, translate("DeckTab", "Save the files in"),
                                                  str(self.folder))
        if chosen:
            self.folder = Path(chosen)
            self.folder_edit.setText(chosen)
