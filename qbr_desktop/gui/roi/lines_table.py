"""The value lines at a glance: one row per line with its value a year and progress.

The row picks which line the form below edits; a line with problems says so in its row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QTableWidget, QWidget

from qbr_desktop.domain.money import number_style
from qbr_desktop.domain.roi import Category
from qbr_desktop.domain.roi_scenarios import LineResult, RoiResult
from qbr_desktop.domain.roi_story import NOT_AVAILABLE, format_amount, format_figure
from qbr_desktop.gui.roi.results_view import fill_rows, make_read_only
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label, ui_text

HEADERS = (QT_TRANSLATE_NOOP("lines_table", "Line"), QT_TRANSLATE_NOOP("lines_table", "Kind"),
           QT_TRANSLATE_NOOP("lines_table", "Value a year"),
           QT_TRANSLATE_NOOP("lines_table", "Delivered"),
           QT_TRANSLATE_NOOP("lines_table", "Impact / day"))
WARNING_SIGN = "⚠ "
IMPACT_MEANING = QT_TRANSLATE_NOOP("lines_table",
                                   "(outcome − baseline) ÷ period days × business weight, in the "
                                   "line's own unit")


def _category_words(raw: object) -> str:
    """'Cost', 'Revenue': the first word is enough in a narrow column (the form says more)."""
    try:
        return ui_label(Category(str(raw)).short_label)
    except ValueError:
        return str(raw)


def value_text(line: LineResult, currency: str) -> str:
    if not line.counted:
        return translate("lines_table", "not counted")
    if line.is_cost_increase:
        return translate("lines_table",
                         "cost increase of "
                         "{format_amount}").format(format_amount=format_amount(-line.annual_value,
                                                                               currency))
    return format_amount(line.annual_value, currency)


def impact_text(line: LineResult) -> str:
    impact = line.value_impact.value
    return ui_label(NOT_AVAILABLE) if impact is None else number_style().number(impact, 2)


class LinesTable(QTableWidget):
    """One row per line; the current row is the line the form below edits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_read_only(self, [translate("lines_table", header) for header in HEADERS])
        self.setObjectName("roiLinesTable")

    def show_lines(self, docs: Sequence[Mapping[str, Any]], result: RoiResult | None,
                   problems: Mapping[str, str]) -> None:
        """Figures only when the whole model is valid (result given); else dashes."""
        rows, tips = [], []
        for index, doc in enumerate(docs):
            messages = "\n".join(m for p, m in problems.items()
                                 if p.startswith(f"lines[{index}]."))
            label = str(doc.get("label") or translate("LinesTable", "(no name)"))
            category = _category_words(doc.get("category"))
            line = result.lines[index] if result is not None else None
            if line is None:
                rows.append((WARNING_SIGN + label if messages else label, category,
                             "—", "—", "—"))
                tips.append((messages, "", "", ""))
                continue
            assert result is not None
            rows.append((label, category, value_text(line, result.model.currency),
                         format_figure(line.delivered), impact_text(line)))
            impact = line.value_impact.reason
            tips.append((messages, "\n".join(ui_text(note) for note in line.notes),
                         ui_label(line.delivered.reason) if line.delivered.reason else "",
                         ui_label(impact) if impact else translate("lines_table",
                                                                   IMPACT_MEANING)))
        fill_rows(self, rows)
        for index, row_tips in enumerate(tips):
            for column, tip in zip((0, 2, 3, 4), row_tips, strict=True):
                item = self.item(index, column)
                if item is not None:
                    item.setToolTip(tip)
