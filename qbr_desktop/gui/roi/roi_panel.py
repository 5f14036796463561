"""The account's ROI and value tab: value lines, costs, live results, charts, story, history.

Every keystroke rebuilds the ROI document from the form and asks the domain to read it
(parse_document) and evaluate it: the figures update at once and each bad field shows
the domain's own message. Charts are slower (matplotlib): ChartRedrawer draws them in a
worker once typing pauses.

Unsaved changes: switching account or quarter saves them when they are valid (as the
Details tab saves fields as they are edited); when they are not, the draft is kept for
the session and comes back with its messages when the CSM returns, so nothing typed is
lost and no dialog interrupts the switch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import DomainError, ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import DEFAULT_PERIOD_DAYS, Category, Confidence
from qbr_desktop.domain.roi_document import VERSION, model_to_dict, parse_document
from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario, evaluate, scenarios
from qbr_desktop.domain.roi_story import (
    ValueStory,
    default_story,
    edit_sentence,
    render,
    render_sentences,
    stale_reasons,
)
from qbr_desktop.gui.roi.chart_redrawer import ChartRedrawer
from qbr_desktop.gui.roi.investment_editor import InvestmentEditor
from qbr_desktop.gui.roi.line_editor import LineEditor
from qbr_desktop.gui.roi.lines_table import LinesTable
from qbr_desktop.gui.roi.outlook_tables import ExpansionView, QuarterValueTable
from qbr_desktop.gui.roi.results_view import HistoryTable, RoiResultsView, headline
from qbr_desktop.gui.roi.story_view import ValueStoryView
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:  # the window is built before the store (and SQLAlchemy) is loaded
    from qbr_desktop.services.roi import RoiService


@dataclass
class Draft:
    """Unsaved changes that could not be saved on the way out (they had problems)."""

    document: dict[str, Any]
    story: ValueStory
    story_follows_numbers: bool


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class RoiPanel(QWidget):
    #: An account's model is on show: the account id.
    loaded = Signal(int)
    #: The model was stored: the account id.
    saved = Signal(int)
    #: New chart images are on show.
    charts_ready = Signal()

    def __init__(self, service: RoiService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.account_id: int | None = None
        self.quarter: Quarter | None = None
        self.currency = "USD"
        self.line_docs: list[dict[str, Any]] = []
        self.result: RoiResult | None = None
        self.scenarios: Mapping[Scenario, RoiResult] = {}
        self.problems: dict[str, str] = {}
        self.story = ValueStory()
        self.story_follows_numbers = True
        self.dirty = False
        self.carried_from: Quarter | None = None
        self._drafts: dict[tuple[int, str], Draft] = {}
        self._build()
        self.charts = ChartRedrawer(self.results, self)
        self.charts.ready.connect(self.charts_ready)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

    def _build(self) -> None:
        self.quarter_box = QComboBox(self)
        self.quarter_box.activated.connect(self._quarter_chosen)
        self.save_state = QLabel(self)
        self.save_state.setObjectName("roiSaveState")
        self.save_button = QPushButton("&Save ROI", self)
        self.save_button.setToolTip("Store this quarter's model and story (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        quarter_caption = QLabel("&Quarter", self)
        quarter_caption.setBuddy(self.quarter_box)
        top = QHBoxLayout()
        for widget in (quarter_caption, self.quarter_box):
            top.addWidget(widget)
        top.addWidget(self.save_state, 1)
        top.addWidget(self.save_button)
        self.headline = QLabel(self)
        self.headline.setObjectName("roiHeadline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold;")
        self.problem_banner = QLabel(self)
        self.problem_banner.setObjectName("roiProblemBanner")
        self.problem_banner.setProperty("class", "fieldError")
        self.problem_banner.setWordWrap(True)
        self.lines_table = LinesTable(self)
        self.lines_table.currentCellChanged.connect(lambda *_: self._line_selected())
        self.add_line_button = QPushButton("&Add line", self)
        self.add_line_button.clicked.connect(self.add_line)
        self.remove_line_button = QPushButton("Remove line", self)
        self.remove_line_button.clicked.connect(self.remove_line)
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_line_button)
        row.addWidget(self.remove_line_button)
        row.addStretch(1)
        self.line_editor = LineEditor(self)
        self.line_editor.edited.connect(self._line_edited)
        self.investments = InvestmentEditor(self)
        self.investments.edited.connect(self._edited)
        self.results = RoiResultsView(self)
        self.story_view = ValueStoryView(self)
        self.story_view.sentence_edited.connect(self._sentence_edited)
        self.story_view.regenerate_requested.connect(self.regenerate_story)
        self.history = HistoryTable(self)
        self.quarters = QuarterValueTable(self)
        self.expansion = ExpansionView(self)
        content = QWidget(self)
        sections = QVBoxLayout(content)
        sections.addWidget(_group("Value lines", self.lines_table, buttons, self.line_editor))
        sections.addWidget(_group("Investment", self.investments))
        sections.addWidget(_group("Results", self.results))
        sections.addWidget(_group("Value by quarter, next three years", self.quarters))
        sections.addWidget(_group("Value story", self.story_view))
        sections.addWidget(_group("Expansion opportunities", self.expansion))
        sections.addWidget(_group("Past quarters", self.history))
        sections.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Everything wraps or shrinks to the pane's width; only the page scrolls, downwards.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.problem_banner)
        layout.addWidget(scroll, 1)
        self.setEnabled(False)

    def _show_expansion(self) -> None:
        """Expansion returns, projected from the stored model (refreshed on load and save)."""
        if self.account_id is None:
            return
        try:
            cases, assumption = self.service.expansion(self.account_id, self.quarter)
        except (StoreError, DomainError) as exc:
            cases, assumption = [], f"Expansion returns are not available: {exc}"
        self.expansion.show_cases(cases, assumption, self.currency)

    # Loading -----------------------------------------------------------------------------
    def show_account(self, account_id: int, quarter: Quarter | None = None) -> None:
        """Show the account's model for the quarter (the current one by default)."""
        self.flush_pending()
        try:
            report = self.service.report(account_id, quarter)
            history = self.service.history(account_id)
        except (StoreError, DomainError) as exc:
            self.account_id = None
            self.setEnabled(False)
            self.save_state.setText(f"Could not load the ROI model: {exc}")
            return
        self.account_id, self.quarter = account_id, report.model.quarter
        self.currency = report.model.currency
        self.setEnabled(True)
        draft = self._drafts.pop((account_id, str(self.quarter)), None)
        if draft is None:
            document = model_to_dict(report.model)
            self.story = report.story
            # A story nobody has written yet keeps following the numbers as lines change.
            self.story_follows_numbers = (not report.stored
                                          or report.story == default_story(report.result))
        else:
            document, self.story = draft.document, draft.story
            self.story_follows_numbers = draft.story_follows_numbers
        self._fill_quarters([q for q, _ in history])
        self.history.show_history(history)
        self._show_expansion()
        self.line_docs = [dict(line) for line in document["lines"]]
        self.investments.load(document["investments"], document["discount_rate"], self.currency)
        self.result = None
        self.lines_table.setCurrentCell(-1, -1)
        self._recompute()
        if self.line_docs:
            self.lines_table.selectRow(0)
        self._line_selected()
        self.carried_from = report.carried_from
        self._set_dirty(draft is not None, stored=report.stored)
        self.loaded.emit(account_id)

    def _fill_quarters(self, stored: list[Quarter]) -> None:
        assert self.quarter is not None
        current = self.service.current_quarter()
        # The next two quarters too: a CSM sets targets before the quarter begins.
        quarters = sorted({*stored, current, current.shifted(1), current.shifted(2),
                           self.quarter}, reverse=True)
        self.quarter_box.clear()
        for quarter in quarters:
            suffix = "" if quarter in stored else " (not saved)"
            self.quarter_box.addItem(f"{quarter}{suffix}", str(quarter))
        self.quarter_box.setCurrentIndex(self.quarter_box.findData(str(self.quarter)))

    def _quarter_chosen(self, index: int) -> None:
        if self.account_id is not None and self.quarter_box.itemData(index) != str(self.quarter):
            self.show_account(self.account_id, Quarter.parse(self.quarter_box.itemData(index)))

    def flush_pending(self) -> None:
        """On the way out: save valid changes; keep a draft of ones that cannot be saved."""
        if not self.dirty or self.account_id is None or self.quarter is None:
            return
        if not self.problems and self.save():
            return
        self._drafts[(self.account_id, str(self.quarter))] = Draft(
            self.document(), self.story, self.story_follows_numbers)
        self.dirty = False

    # Reading the form --------------------------------------------------------------------
    def document(self) -> dict[str, Any]:
        """The model as the form reads now, in the stored document's form."""
        assert self.quarter is not None
        return {"version": VERSION, "currency": self.currency, "quarter": str(self.quarter),
                "discount_rate": self.investments.discount_rate(),
                "lines": [dict(line) for line in self.line_docs],
                "investments": self.investments.documents()}

    def _line_edited(self) -> None:
        index = self.lines_table.currentRow()
        if 0 <= index < len(self.line_docs):
            self.line_docs[index] = self.line_editor.document()
        self._edited()

    def _edited(self) -> None:
        self._set_dirty(True)
        self._recompute()

    def _recompute(self) -> None:
        model, self.problems = parse_document(self.document())
        if model is not None:
            try:
                self.result, self.scenarios = evaluate(model), scenarios(model)
            except (ValidationFailed, ArithmeticError) as exc:
                self.problems = getattr(exc, "problems", {"document": str(exc)})
        count = len(self.problems)
        self.problem_banner.setText(
            f"{count} field{'s need' if count > 1 else ' needs'} fixing (marked below); "
            "the figures leave out the changes until then." if count else "")
        self.problem_banner.setVisible(bool(count))
        valid = model is not None and not self.problems
        self.lines_table.show_lines(self.line_docs, self.result if valid else None,
                                    self.problems)
        index = self.lines_table.currentRow()
        prefix = f"lines[{index}]."
        self.line_editor.show_problems({path[len(prefix):]: message for path, message
                                        in self.problems.items() if path.startswith(prefix)})
        self.investments.show_problems(self.problems)
        if self.result is not None:
            self.headline.setText(headline(self.result))
            self.results.show_result(self.result, self.scenarios)
            self.quarters.show_quarters(self.result.value_by_quarter, self.currency)
            if valid and self.story_follows_numbers:
                self.story = default_story(self.result)
            self._show_story()
            self.charts.schedule(self.result, self.scenarios)

    def _show_story(self) -> None:
        assert self.result is not None
        self.story_view.show_story(render_sentences(self.story, self.result),
                                   render(self.story, self.result),
                                   stale_reasons(self.story, self.result))

    def _set_dirty(self, dirty: bool, *, stored: bool = True) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        if dirty:
            text = "● Unsaved changes"
        elif stored:
            text = "Saved"
        elif self.carried_from is not None:
            text = f"Not saved yet: starts from {self.carried_from}'s model"
        else:
            text = "Not saved yet: starts from the account's subscription"
        self.save_state.setText(text)

    # Lines -------------------------------------------------------------------------------
    def _line_selected(self) -> None:
        index = self.lines_table.currentRow()
        has_line = 0 <= index < len(self.line_docs)
        self.line_editor.setVisible(has_line)
        self.remove_line_button.setEnabled(has_line)
        if has_line:
            self.line_editor.load(self.line_docs[index], self.currency)
            prefix = f"lines[{index}]."
            self.line_editor.show_problems({p[len(prefix):]: m for p, m in
                                            self.problems.items() if p.startswith(prefix)})

    def add_line(self) -> None:
        used = {line.get("id") for line in self.line_docs}
        number = len(self.line_docs) + 1
        while f"line-{number}" in used:
            number += 1
        self.line_docs.append({
            "id": f"line-{number}", "label": f"Value line {number}",
            "category": Category.COST.value, "confidence": Confidence.MEDIUM.value,
            "period_days": DEFAULT_PERIOD_DAYS, "weight": "1"})
        self._edited()
        self.lines_table.selectRow(len(self.line_docs) - 1)
        self.line_editor.label_edit.setFocus()
        self.line_editor.label_edit.selectAll()

    def remove_line(self) -> None:
        index = self.lines_table.currentRow()
        if not 0 <= index < len(self.line_docs):
            return
        del self.line_docs[index]
        self._edited()
        self.lines_table.selectRow(min(index, len(self.line_docs) - 1))
        self._line_selected()

    # The story ---------------------------------------------------------------------------
    def _sentence_edited(self, index: int, text: str) -> None:
        if self.result is None or index >= len(self.story.sentences):
            return
        if text == render_sentences(self.story, self.result)[index]:
            return  # focus left without a change
        sentences = list(self.story.sentences)
        if text.strip():
            self.story = edit_sentence(self.story, index, text.strip(), self.result)
        else:  # an emptied sentence is dropped
            del sentences[index]
            self.story = ValueStory(tuple(sentences))
        self.story_follows_numbers = False
        self._set_dirty(True)
        self._show_story()

    def regenerate_story(self) -> None:
        if self.result is not None:
            self.story, self.story_follows_numbers = default_story(self.result), True
            self._set_dirty(True)
            self._show_story()

    # Saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.account_id is None:
            return False
        model, problems = parse_document(self.document())
        if model is None:
            self.save_state.setText(f"Not saved: fix the {len(problems)} marked field"
                                    f"{'s' if len(problems) > 1 else ''} first")
            return False
        try:
            self.service.save(self.account_id, model, self.story)
            history = self.service.history(self.account_id)
        except ValidationFailed as exc:
            self.problems = exc.problems
            self.save_state.setText("Not saved: " + "; ".join(exc.problems.values()))
            return False
        except (StoreError, DomainError) as exc:
            self.save_state.setText(f"Not saved: {exc}")
            return False
        self._set_dirty(False)
        self._fill_quarters([q for q, _ in history])
        self.history.show_history(history)
        self._show_expansion()
        self.saved.emit(self.account_id)
        return True
