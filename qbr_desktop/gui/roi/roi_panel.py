"""The account's ROI and value tab: value lines, costs, live results, charts, story, history.

Every keystroke rebuilds the ROI document from the form and asks the domain to read it
(parse_document) and evaluate it: the figures update at once and each bad field shows
the domain's own message. Charts are slower (matplotlib): ChartRedrawer draws them in a
worker once typing pauses.

Unsaved changes: switching account or quarter saves them when they are valid (as the
Details tab saves fields as they are edited); when they are not, the draft is kept, per
account and quarter, for the session: it comes back with its messages and its own last
sound figures when the CSM returns, a note names it while another account is on show, and
the window's quit prompt asks about it (see RoiPanel), so nothing typed is lost and no
dialog interrupts the switch.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from qbr_desktop.domain.errors import DomainError, ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi_document import VERSION, model_from_dict, model_to_dict, parse_document
from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario, evaluate, scenarios
from qbr_desktop.domain.roi_story import (
    ValueStory,
    default_story,
    edit_sentence,
    follows_numbers,
    render,
    render_sentences,
    stale_reasons,
)
from qbr_desktop.gui.edit_conflicts import save_over
from qbr_desktop.gui.roi.chart_redrawer import ChartRedrawer
from qbr_desktop.gui.roi.drafts import (
    DISCARD_QUESTION,
    KEPT_NOTE,
    NOT_SAVED,
    Draft,
    describe,
    new_line,
)
from qbr_desktop.gui.roi.results_view import headline
from qbr_desktop.gui.roi.roi_form import RoiForm
from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import ui_text
from qbr_desktop.store.errors import StoreError

NOTE_LIMIT = 2  # drafts named in the note; the rest are counted

if TYPE_CHECKING:  # the window is built before the store (and SQLAlchemy) is loaded
    from qbr_desktop.services.roi import RoiService


class RoiPanel(RoiForm):
    """One account's ROI model for one quarter, edited in place.

    Unsaved work, for the window's quit prompt (and anything else that must not lose it):

    - ``unsaved_work()``: one sentence naming every account with unsaved ROI changes, the
      one on show and those kept from earlier (how many fields, which are not valid), e.g.
      "Unsaved ROI changes for Globex Corp (3 fields, one not valid: hourly rate)"; None
      when nothing would be lost.
    - ``save_unsaved()``: stores all of it; False when some could not be stored (fields
      not valid, or the store refused), with the reason on the tab's save line, the work
      kept, and ``unsaved_account_ids()`` naming the accounts still to see to.
    - ``discard_unsaved()``: drops all of it; the form shows the stored model again.
    """

    # An account's model is on show: the account id.
    loaded = Signal(int)
    # The model was stored: the account id.
    saved = Signal(int)
    # New chart images are on show.
    charts_ready = Signal()

    def __init__(self, service: RoiService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEnabled(False)
        self.service = service
        self.account_id: int | None = None
        self.account_name = ""
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
        # What the form is measured against to count the changed fields.
        self._stored_document: dict[str, Any] = {}
        self._stored_story = ValueStory()
        # Drafts with problems left behind, by (account id, quarter).
        self._drafts: dict[tuple[int, str], Draft] = {}
        self._connect()
        self.charts = ChartRedrawer(self.results, self)
        self.charts.ready.connect(self.charts_ready)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

    def _connect(self) -> None:
        self.quarter_box.activated.connect(self._quarter_chosen)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self._discard_clicked)
        self.lines_table.currentCellChanged.connect(lambda *_: self._line_selected())
        self.add_line_button.clicked.connect(self.add_line)
        self.remove_line_button.clicked.connect(self.remove_line)
        self.line_editor.edited.connect(self._line_edited)
        self.investments.edited.connect(self._edited)
        self.story_view.sentence_edited.connect(self._sentence_edited)
        self.story_view.regenerate_requested.connect(self.regenerate_story)

    def _show_expansion(self) -> None:
        """Expansion returns, projected from the stored model (refreshed on load and save)."""
        if self.account_id is None:
            return
        try:
            cases, assumption = self.service.expansion(self.account_id, self.quarter)
        except (StoreError, DomainError) as exc:
            cases, assumption = [], translate("RoiPanel",
                                              "Expansion returns are not available: "
                                              "{exc}").format(exc=exc)
        self.expansion.show_cases(cases, assumption, self.currency)

    # Loading -----------------------------------------------------------------------------
    def show_account(self, account_id: int, quarter: Quarter | None = None) -> None:
        """Show the account's model for the quarter: by default the quarter of a draft left
        there, else the current one."""
        self._finish_typing()
        self.flush_pending()
        if quarter is None:
            quarter = next((Quarter.parse(q) for a, q in self._drafts if a == account_id), None)
        try:
            report = self.service.report(account_id, quarter)
            history = self.service.history(account_id)
        except (StoreError, DomainError) as exc:
            self.account_id = None
            self.setEnabled(False)
            self.save_state.setText(translate("RoiPanel",
                                              "Could not load the ROI model: "
                                              "{exc}").format(exc=exc))
            return
        another_account = account_id != self.account_id
        self.account_id, self.quarter = account_id, report.model.quarter
        self.account_name = report.account_name
        self.currency = report.model.currency
        self._stored_document = model_to_dict(report.model)
        self._stored_story = report.story
        self.setEnabled(True)
        draft = self._drafts.pop((account_id, str(self.quarter)), None)
        # The figures start as this account's own: a draft's last sound ones, else the
        # stored model's. A draft with problems leaves them so (never the previous account's).
        self.result, self.scenarios = report.result, report.scenarios
        if draft is None:
            document = model_to_dict(report.model)
            self.story = report.story
            # A story nobody has written yet keeps following the numbers as lines change,
            # drafted in the window's language (the customer's files draft it in theirs).
            self.story_follows_numbers = (not report.stored
                                          or follows_numbers(report.story, report.result))
            if self.story_follows_numbers:
                self.story = default_story(report.result)
        else:
            document, self.story = draft.document, draft.story
            self.story_follows_numbers = draft.story_follows_numbers
            if draft.result is not None:
                self.result, self.scenarios = draft.result, draft.scenarios
        self.charts.reset()  # a drawing under way is the previous model's
        self._fill_quarters([q for q, _ in history])
        self.history.show_history(history)
        self._show_expansion()
        self.line_docs = [dict(line) for line in document["lines"]]
        self.investments.load(document["investments"], document["discount_rate"], self.currency)
        self.lines_table.setCurrentCell(-1, -1)
        self._recompute()
        if self.line_docs:
            self.lines_table.selectRow(0)
        self._line_selected()
        self.carried_from = report.carried_from
        self._set_dirty(draft is not None, stored=report.stored)
        self._show_drafts_note()
        if another_account:  # its page starts at the top (after the fields were rebuilt)
            self.page_scroll.verticalScrollBar().setValue(0)
        self.loaded.emit(account_id)

    def _finish_typing(self) -> None:
        """A sentence being typed is read when its editor loses focus: let that happen now,
        while the account it was typed for is still the one on show."""
        focused = self.focusWidget()
        if focused is not None and focused in self.story_view.editors and focused.hasFocus():
            focused.clearFocus()

    def _fill_quarters(self, stored: list[Quarter]) -> None:
        assert self.quarter is not None
        current = self.service.current_quarter()
        # The next two quarters too: a CSM sets targets before the quarter begins.
        quarters = sorted({*stored, current, current.shifted(1), current.shifted(2),
                           self.quarter, *(Quarter.parse(q) for a, q in self._drafts
                                           if a == self.account_id)}, reverse=True)
        self.quarter_box.clear()
        for quarter in quarters:
            suffix = "" if quarter in stored else translate("RoiPanel", " (not saved)")
            if (self.account_id, str(quarter)) in self._drafts:
                suffix = translate("RoiPanel", " (unsaved changes)")
            self.quarter_box.addItem(f"{quarter}{suffix}", str(quarter))
        self.quarter_box.setCurrentIndex(self.quarter_box.findData(str(self.quarter)))

    def _quarter_chosen(self, index: int) -> None:
        if self.account_id is not None and self.quarter_box.itemData(index) != str(self.quarter):
            self.show_account(self.account_id, Quarter.parse(self.quarter_box.itemData(index)))

    def flush_pending(self) -> None:
        """On the way out: save valid changes; keep a draft of ones that cannot be saved."""
        draft = self._shown_draft()
        if draft is None or self.account_id is None:
            return
        if not self.problems and self.save():
            return
        self._drafts[(self.account_id, draft.quarter)] = draft
        self.dirty = False

    def _shown_draft(self) -> Draft | None:
        """The form's unsaved changes as a draft; None when there are none."""
        if not self.dirty or self.account_id is None or self.quarter is None:
            return None
        return Draft(self.account_name, str(self.quarter), self.document(),
                     self._stored_document, self.story, self._stored_story,
                     self.story_follows_numbers, dict(self.problems), self.result,
                     dict(self.scenarios))

    def _show_drafts_note(self) -> None:
        """Drafts kept for other accounts or quarters stay in sight."""
        drafts, quarter = list(self._drafts.values()), str(self.service.current_quarter())
        # A few by name: the note sits above the page and must not crowd it out.
        text = describe(drafts, quarter, limit=NOTE_LIMIT)
        self.drafts_note.setText(translate("drafts", KEPT_NOTE).format(unsaved=text)
                                 if text else "")
        self.drafts_note.setToolTip(describe(drafts, quarter) or "")
        self.drafts_note.setVisible(bool(text))

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
        model, problems = parse_document(self.document())
        self.problems = {path: ui_text(problem) for path, problem in problems.items()}
        if model is not None:
            try:
                self.result, self.scenarios = evaluate(model), scenarios(model)
            except (ValidationFailed, ArithmeticError) as exc:
                self.problems = getattr(exc, "problems", {"document": str(exc)})
        count = len(self.problems)
        self.problem_banner.setText(
            translate("RoiPanel", "%n field needs fixing (marked below); the figures leave out "
                      "the changes until then.", None, count) if count == 1 else
            translate("RoiPanel", "%n fields need fixing (marked below); the figures leave out "
                      "the changes until then.", None, count) if count else "")
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
        if self.account_id is not None and self.quarter is not None:
            # The form on show is the one copy of its work: a draft kept of it (the window
            # flushes on closing, and the close may be cancelled) is now out of date.
            self._drafts.pop((self.account_id, str(self.quarter)), None)
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)
        if dirty:
            text = translate("RoiPanel", "● Unsaved changes")
        elif stored:
            text = translate("RoiPanel", "Saved")
        elif self.carried_from is not None:
            text = translate("RoiPanel",
                             "Not saved yet: starts from {carried_from}'s "
                             "model").format(carried_from=self.carried_from)
        else:
            text = translate("RoiPanel", "Not saved yet: starts from the account's subscription")
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
        self.line_docs.append(new_line((line.get("id") for line in self.line_docs),
                                       len(self.line_docs)))
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
            # The count as a name: lupdate misses a translate() whose count is a call.
            count = len(problems)
            self.save_state.setText(
                translate("RoiPanel", "Not saved: fix the %n marked field first", None, count)
                if count == 1 else
                translate("RoiPanel", "Not saved: fix the %n marked fields first", None, count))
            return False
        account_id, story = self.account_id, self.story
        seen = ((model_from_dict(self._stored_document), self._stored_story)
                if self._stored_document else None)
        try:  # over the model as loaded: a colleague's newer change is reloaded or replaced
            stored = save_over(
                self, lambda: self.service.save(account_id, model, story, seen=seen),
                lambda: self.service.save(account_id, model, story))
            if stored is None:
                self._set_dirty(False)
                self.show_account(account_id, model.quarter)
                self.save_state.setText(translate(
                    "RoiPanel", "Reloaded: your colleague's newer change is shown."))
                return True
            history = self.service.history(account_id)
        except ValidationFailed as exc:
            self.problems = exc.problems
            self.save_state.setText(translate("RoiPanel",
                                              "Not saved: ") + "; ".join(exc.problems.values()))
            return False
        except (StoreError, DomainError) as exc:
            self.save_state.setText(translate("RoiPanel", "Not saved: {exc}").format(exc=exc))
            return False
        self._stored_document, self._stored_story = model_to_dict(model), self.story
        self._set_dirty(False)
        self._fill_quarters([q for q, _ in history])
        self.history.show_history(history)
        self._show_expansion()
        self.saved.emit(account_id)
        if stored != (model, story):  # merged with a colleague's change: shown at once
            self.show_account(account_id, model.quarter)
        return True

    # Unsaved work, for the window (see the class docstring) ------------------------------
    def unsaved_work(self) -> str | None:
        drafts = [d for d in (self._shown_draft(), *self._drafts.values())
                  if d is not None and d.worth_keeping()]
        return describe(drafts, str(self.service.current_quarter()))

    def unsaved_account_ids(self) -> list[int]:
        """Accounts with unsaved ROI work, the one on show first."""
        ids = [self.account_id] if self.account_id is not None and self.dirty else []
        return list(dict.fromkeys([*ids, *(account for account, _ in self._drafts)]))

    def save_unsaved(self) -> bool:
        failed: list[Draft] = []
        shown = self._shown_draft()
        if shown is not None and not self.save():
            failed.append(self._shown_draft() or shown)  # save() may have found more
        for key, draft in list(self._drafts.items()):
            model, _problems = parse_document(draft.document)
            if model is None:
                failed.append(draft)
                continue
            seen = (model_from_dict(draft.stored_document), draft.stored_story) \
                if draft.stored_document else None
            try:  # a colleague's newer change is not replaced unseen here either
                save = partial(self.service.save, key[0], model, draft.story)
                if save_over(self, partial(save, seen=seen), save) is None:
                    del self._drafts[key]  # theirs chosen: this draft is let go
                    continue
            except (StoreError, DomainError):
                failed.append(draft)
                continue
            del self._drafts[key]
            self.saved.emit(key[0])
        self._show_drafts_note()
        if self.account_id is not None:
            self._fill_quarters([q for q, _ in self.service.history(self.account_id)])
        reason = describe(failed, str(self.service.current_quarter()))
        if reason is not None and failed != [shown]:  # else save() said why
            self.save_state.setText(translate("drafts", NOT_SAVED).format(unsaved=reason))
        return reason is None

    def discard_unsaved(self) -> None:
        self._drafts.clear()
        self._show_drafts_note()
        if self.account_id is not None and self.quarter is not None:
            self._reload()

    def _discard_clicked(self) -> None:
        draft = self._shown_draft()
        if draft is None or self.account_id is None:
            return
        answer = QMessageBox.question(
            self, translate("RoiPanel", "Discard changes"),
            translate("drafts", DISCARD_QUESTION).format(unsaved=describe([draft], draft.quarter)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self._reload()

    def _reload(self) -> None:
        """The stored model again, dropping the form's changes."""
        assert self.account_id is not None and self.quarter is not None
        self._set_dirty(False)
        self.show_account(self.account_id, self.quarter)
