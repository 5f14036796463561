"""The ROI tab's widgets, their layout, and the order the keyboard walks them in.

Tab goes through the tab as it reads: top to bottom, left to right. The value line's
inputs, the cost rows and the story's sentences are rebuilt as the CSM works (a new
category, an added cost), and new widgets join the end of Qt's focus chain; so the chain
is laid again whenever one of those parts says its fields changed. Read-only tables let
Tab leave them (see make_read_only), so no part of the tab traps the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.roi.fields import chain_focus
from qbr_desktop.gui.roi.investment_editor import InvestmentEditor
from qbr_desktop.gui.roi.line_editor import LineEditor
from qbr_desktop.gui.roi.lines_table import LinesTable
from qbr_desktop.gui.roi.outlook_tables import ExpansionView, QuarterValueTable
from qbr_desktop.gui.roi.results_view import HistoryTable, RoiResultsView
from qbr_desktop.gui.roi.story_view import ValueStoryView
from qbr_desktop.gui.translation import translate


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class RoiForm(QWidget):
    """The ROI tab's widgets, laid out; RoiPanel gives them their behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quarter_box = QComboBox(self)
        self.save_state = QLabel(self)
        self.save_state.setObjectName("roiSaveState")
        self.save_button = QPushButton(translate("RoiForm", "&Save ROI"), self)
        self.save_button.setToolTip(translate("RoiForm",
                                              "Store this quarter's model and story (Ctrl+S)"))
        self.discard_button = QPushButton(translate("RoiForm", "Discard changes"), self)
        self.discard_button.setToolTip(translate("RoiForm",
                                                 "Go back to the stored model and story"))
        quarter_caption = QLabel(translate("RoiForm", "&Quarter"), self)
        quarter_caption.setBuddy(self.quarter_box)
        top = QHBoxLayout()
        for widget in (quarter_caption, self.quarter_box):
            top.addWidget(widget)
        top.addWidget(self.save_state, 1)
        top.addWidget(self.discard_button)
        top.addWidget(self.save_button)
        self.drafts_note = text_label(name="roiDraftsNote")
        self.drafts_note.setProperty("class", "fieldError")
        self.drafts_note.hide()
        self.headline = QLabel(self)
        self.headline.setObjectName("roiHeadline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold;")
        self.problem_banner = QLabel(self)
        self.problem_banner.setObjectName("roiProblemBanner")
        self.problem_banner.setProperty("class", "fieldError")
        self.problem_banner.setWordWrap(True)
        self.lines_table = LinesTable(self)
        self.add_line_button = QPushButton(translate("RoiForm", "&Add line"), self)
        self.remove_line_button = QPushButton(translate("RoiForm", "Remove line"), self)
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_line_button)
        row.addWidget(self.remove_line_button)
        row.addStretch(1)
        self.line_editor = LineEditor(self)
        self.investments = InvestmentEditor(self)
        self.results = RoiResultsView(self)
        self.story_view = ValueStoryView(self)
        self.history = HistoryTable(self)
        self.quarters = QuarterValueTable(self)
        self.expansion = ExpansionView(self)
        content = QWidget(self)
        sections = QVBoxLayout(content)
        sections.addWidget(_group(translate("RoiForm", "Value lines"), self.lines_table, buttons,
                                  self.line_editor))
        sections.addWidget(_group(translate("RoiForm", "Investment"), self.investments))
        sections.addWidget(_group(translate("RoiForm", "Results"), self.results))
        sections.addWidget(_group(translate("RoiForm", "Value by quarter, next three years"),
                                  self.quarters))
        sections.addWidget(_group(translate("RoiForm", "Value story"), self.story_view))
        sections.addWidget(_group(translate("RoiForm", "Expansion opportunities"), self.expansion))
        sections.addWidget(_group(translate("RoiForm", "Past quarters"), self.history))
        sections.addStretch(1)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Everything wraps or shrinks to the pane's width; only the page scrolls, downwards.
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own: it scrolls to whichever field has the focus.
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page_scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.drafts_note)
        layout.addWidget(self.headline)
        layout.addWidget(self.problem_banner)
        layout.addWidget(self.page_scroll, 1)
        for part in (self.line_editor, self.investments, self.story_view):
            part.fields_changed.connect(self.chain_focus)
        self.chain_focus()

    def focus_order(self) -> list[QWidget]:
        """Every field of the tab, as it reads."""
        return [self.quarter_box, self.discard_button, self.save_button, self.lines_table,
                self.add_line_button, self.remove_line_button,
                *self.line_editor.focus_order(), *self.investments.focus_order(),
                self.results.sensitivity, self.quarters, *self.story_view.focus_order(),
                self.expansion.table, self.history]

    def chain_focus(self) -> None:
        chain_focus(self.focus_order())
