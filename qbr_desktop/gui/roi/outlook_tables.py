"""Two read-only views of where the value goes next: by quarter, and from expansion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

from qbr_desktop.domain.roi_story import format_amount, format_figure, format_months
from qbr_desktop.gui.roi.fields import figure_text
from qbr_desktop.gui.roi.results_view import fill_rows, make_read_only
from qbr_desktop.gui.translation import translate

if TYPE_CHECKING:
    from qbr_desktop.domain.roi_scenarios import QuarterValue
    from qbr_desktop.services.roi import ExpansionRoi


class QuarterValueTable(QTableWidget):
    """The model's value, cost and running cash position quarter by quarter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_read_only(self,
                       (translate("QuarterValueTable", "Quarter"),
                        translate("QuarterValueTable", "Value"),
                        translate("QuarterValueTable", "Risk-adjusted"),
                        translate("QuarterValueTable", "Cost"),
                        translate("QuarterValueTable", "Cash position")))
        self.setObjectName("roiQuarterTable")

    def show_quarters(self, quarters: Sequence[QuarterValue], currency: str) -> None:
        fill_rows(self, [
            (str(q.quarter), format_amount(q.value, currency),
             format_amount(q.risk_adjusted_value, currency), format_amount(q.cost, currency),
             format_amount(q.cumulative_net, currency))
            for q in quarters])


class ExpansionView(QWidget):
    """Each expansion opportunity's added cost, projected value, ROI and payback."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(self)
        make_read_only(self.table,
                       (translate("ExpansionView", "Opportunity"),
                        translate("ExpansionView", "Added cost a year"),
                        translate("ExpansionView", "Projected value"),
                                    translate("ExpansionView", "ROI, first year"),
                                    translate("ExpansionView", "Payback")))
        self.table.setObjectName("roiExpansionTable")
        self.assumption = QLabel(self)
        self.assumption.setObjectName("roiExpansionAssumption")
        self.assumption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.assumption)

    def show_cases(self, cases: Sequence[ExpansionRoi], assumption: str, currency: str) -> None:
        fill_rows(self.table, [
            (case.title, format_amount(case.case.added_annual_cost, currency),
             format_amount(case.case.projected_annual_value, currency),
             figure_text(case.result.roi, format_figure(case.result.roi)),
             figure_text(case.result.payback_months, format_months(case.result.payback_months)))
            for case in cases])
        for row, case in enumerate(cases):  # the narrow pane elides titles; hover shows them
            item = self.table.item(row, 0)
            if item is not None:
                item.setToolTip(translate("ExpansionView",
                                          "{title}\n{ramp_months}-month "
                                          "ramp-up").format(title=case.title,
                                                            ramp_months=case.case.ramp_months))
        self.table.setVisible(bool(cases))
        self.assumption.setText(assumption)
