"""An account's health, peer benchmark, expansion whitespace and risk register, on one page.

Everything is computed in a worker, charts included (matplotlib draws off-screen), so the
window stays responsive and matplotlib is loaded only when this page is first shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.benchmark import Benchmark, format_peer_value, metric_phrase
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.expansion import ExpansionEstimate
from qbr_desktop.domain.health import DIMENSION_LABELS
from qbr_desktop.domain.metrics import MetricHistory
from qbr_desktop.domain.money import Money, format_money
from qbr_desktop.domain.risks import RiskStatus
from qbr_desktop.gui.insights.risk_matrix import RiskDialog, RiskMatrix
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import start_task
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:  # the window is built before the store (and SQLAlchemy) is loaded
    from qbr_desktop.services.departments import DepartmentService
    from qbr_desktop.services.insights import AccountHealth, InsightService
    from qbr_desktop.services.risks import RiskItem, RiskRegister

USAGE_KEYS = ("active_users", "licensed_seats")


@dataclass(frozen=True, slots=True)
class InsightBundle:
    account_id: int
    health: AccountHealth
    benchmark: Benchmark
    expansion: ExpansionEstimate
    items: list[RiskItem]
    history: MetricHistory
    health_png: bytes
    usage_png: bytes
    benchmark_png: bytes


def _table(headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Wrapped cells need new row heights whenever the columns change width (the first
    # show included, when the table gets its real width only after it was filled).
    table.horizontalHeader().sectionResized.connect(lambda *_: _fit_height(table))
    return table


def _fill(table: QTableWidget, rows: Sequence[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    _fit_height(table)


def _fit_height(table: QTableWidget) -> None:
    """Every row as tall as its wrapped text, and the table as tall as its rows: the page
    scrolls, not the table."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + sum(
        table.rowHeight(r) for r in range(table.rowCount())) + 2 * table.frameWidth()
    table.setFixedHeight(max(height, 40))


def _chart(png: bytes) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(png, "PNG")
    return pixmap


class AccountInsightsPanel(QWidget):
    # The register changed (the portfolio view's risk counts are stale): the account id.
    register_changed = Signal(int)
    # A computation finished and the page shows it: the account id.
    loaded = Signal(int)
    # The CSM wants to record which catalogue entries the account owns: the account id.
    owned_requested = Signal(int)
    # Inputs of the expansion estimate changed here (the portfolio view is stale): account id.
    estimates_changed = Signal(int)

    def __init__(self, insights: InsightService, register: RiskRegister,
                 parent: QWidget | None = None, *,
                 departments: DepartmentService | None = None) -> None:
        super().__init__(parent)
        self.insights, self.register, self.departments = insights, register, departments
        self.account_id: int | None = None
        self.bundle: InsightBundle | None = None
        self.status = text_label(translate("AccountInsightsPanel",
                                           "Choose an account to see its health."),
                                           name="insightStatus")
        self.health_summary = text_label(name="healthSummary")
        self.dimensions = _table((translate("AccountInsightsPanel", "Dimension"),
                                  translate("AccountInsightsPanel", "Score"),
                                  translate("AccountInsightsPanel", "From")))
        self.movers = text_label(name="healthMovers")
        self.health_chart = QLabel()
        self.usage_chart = QLabel()
        self.cohort = text_label(name="benchmarkCohort")
        self.benchmarks = _table((translate("AccountInsightsPanel", "Metric"),
                                  translate("AccountInsightsPanel", "This account"),
                                  translate("AccountInsightsPanel", "Peer median"),
                                  translate("AccountInsightsPanel", "Percentile"),
                                  translate("AccountInsightsPanel", "In words")))
        self.benchmark_chart = QLabel()
        self.expansion_summary = text_label(name="expansionSummary")
        self.expansion_lines = _table((translate("AccountInsightsPanel", "Kind"),
                                       translate("AccountInsightsPanel", "Opportunity"), "ARR",
                                       translate("AccountInsightsPanel", "Assumption")))
        self.expansion_notes = text_label(name="expansionNotes")
        self.owned_button = QPushButton(translate("AccountInsightsPanel",
                                                  "Modules and plan &owned…"), self)
        self.owned_button.clicked.connect(self._owned_clicked)
        self.departments_button = QPushButton(translate("AccountInsightsPanel",
                                                        "Edit de&partments…"), self)
        self.departments_button.clicked.connect(self._departments_clicked)
        # Without the service (an older caller) there is nothing the button could save.
        self.departments_button.setVisible(departments is not None)
        self.matrix = RiskMatrix(self)
        layout = QVBoxLayout(self)
        # The page takes its new height as soon as it is laid out (see _lay_out_now),
        # rather than when the scroll area around it next catches up.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.status)
        layout.addWidget(self._group(translate("AccountInsightsPanel", "Health"),
                                     (self.health_summary, self.dimensions,
                                                self.movers, self.health_chart,
                                                self.usage_chart)))
        layout.addWidget(self._group(translate("AccountInsightsPanel", "Peer benchmark"),
                                     (self.cohort, self.benchmarks,
                                                        self.benchmark_chart)))
        layout.addWidget(self._group(translate("AccountInsightsPanel", "Expansion whitespace"), (
            self.expansion_summary, self.expansion_lines, self.expansion_notes,
            self.owned_button, self.departments_button)))
        layout.addWidget(self._group(translate("AccountInsightsPanel", "Risks and opportunities"),
                                     (self.matrix,)))
        layout.addStretch(1)
        self.matrix.action_requested.connect(self._register_action)

    def _group(self, title: str, widgets: tuple[QWidget, ...]) -> QGroupBox:
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        for widget in widgets:
            inner.addWidget(widget)
        return box

    # Loading ---------------------------------------------------------------------------
    def show_account(self, account_id: int) -> None:
        self.account_id = account_id
        self.status.setText(translate("AccountInsightsPanel", "Calculating…"))
        self.status.show()
        insights, register = self.insights, self.register

        def work() -> InsightBundle:
            from qbr_desktop.exports.charts import (
                benchmark_chart,
                health_history_chart,
                metric_history_chart,
            )

            health = insights.health(account_id)
            result = insights.benchmark(account_id)
            history = insights.history(account_id)
            return InsightBundle(
                account_id, health, result, insights.expansion(account_id),
                register.items(account_id), history,
                health_history_chart(health.report.history),
                metric_history_chart(history, USAGE_KEYS), benchmark_chart(result))

        self._task = start_task(work, self._show, self._failed,
                                translate("AccountInsightsPanel",
                                          "calculating this account's insights"))

    def _failed(self, message: str) -> None:
        self.status.setText(translate("AccountInsightsPanel",
                                      "Could not calculate this account's insights: "
                                      "{message}").format(message=message))

    def _show(self, bundle: InsightBundle) -> None:
        if bundle.account_id != self.account_id:
            return  # the CSM has moved on to another account meanwhile
        self.bundle = bundle
        self.status.hide()
        self._show_health(bundle)
        self._show_benchmark(bundle.benchmark)
        self._show_expansion(bundle.expansion)
        self.matrix.set_items(bundle.items)
        self._lay_out_now()
        self.loaded.emit(bundle.account_id)

    def _lay_out_now(self) -> None:
        """Lay the page out for what it now holds before anything is painted.

        Each section box lays out its own content when asked, and only then tells the page,
        which only then grows: in between, the charts that just arrived were painted
        squeezed over one another in the old, shorter page. Doing both here, the sections
        first, leaves nothing in between to paint.
        """
        for box in self.findChildren(QGroupBox):
            inner = box.layout()
            if inner is not None:
                inner.activate()
        page = self.layout()
        if page is not None:
            page.activate()

    def _show_health(self, bundle: InsightBundle) -> None:
        report = bundle.health.report
        self.health_summary.setText(ui_text(report.summary))
        rows = []
        if report.current is not None:
            for score in report.current.dimensions:
                weight = bundle.health.weights.to_dict().get(score.dimension.value, 0)
                rows.append((translate("AccountInsightsPanel", "{dimension} (weight {weight:g})"
                                       ).format(dimension=ui_label(DIMENSION_LABELS[score.dimension]),
                                                weight=weight),
                             "—" if score.score is None else f"{score.score:.0f}",
                             ui_text(score.detail)))
        _fill(self.dimensions, rows)
        self.movers.setText("\n".join(f"• {ui_text(m.sentence)}" for m in report.movers)
                            or translate("AccountInsightsPanel",
                                         "No dimension moved by 3 points or more since last "
                                         "quarter."))
        self.health_chart.setPixmap(_chart(bundle.health_png))
        self.usage_chart.setPixmap(_chart(bundle.usage_png))

    def _show_benchmark(self, result: Benchmark) -> None:
        text = translate("AccountInsightsPanel",
                         "Compared with {description} ({size} "
                         "peers).").format(description=result.cohort.words(),
                                           size=result.cohort.size)
        if result.cohort.fallback_note:
            text += f" {ui_text(result.cohort.fallback_note)}"
        self.cohort.setText(text)
        _fill(self.benchmarks, [
            (_first_upper(ui_label(m.label)), format_peer_value(m.key, m.value),
             format_peer_value(m.key, m.cohort_median),
             "—" if m.percentile is None else f"{m.percentile:.0f}", metric_phrase(m))
            for m in result.metrics])
        self.benchmark_chart.setPixmap(_chart(self.bundle.benchmark_png if self.bundle else b""))

    def _show_expansion(self, estimate: ExpansionEstimate) -> None:
        total = format_money(Money(estimate.total, estimate.currency))
        readiness = estimate.readiness
        reasons = " ".join(ui_text(reason) for reason in readiness.reasons)
        self.expansion_summary.setText(
            translate("AccountInsightsPanel",
                      "Estimated expansion: {total} a year. Readiness: {level}. "
                      "{reasons}").format(total=total, level=ui_text(readiness.level_words),
                                          reasons=reasons))
        _fill(self.expansion_lines, [
            (line.kind, line.title, format_money(Money(line.amount, estimate.currency)),
             line.assumption) for line in estimate.lines])
        notes = [ui_text(note) for note in (*estimate.assumptions, *estimate.skipped)]
        self.expansion_notes.setText("\n".join(notes))

    def _owned_clicked(self) -> None:
        if self.account_id is not None:
            self.owned_requested.emit(self.account_id)

    def _departments_clicked(self) -> None:
        from qbr_desktop.gui.insights.departments_dialog import DepartmentsDialog

        account_id = self.account_id
        if account_id is None or self.departments is None:
            return
        try:
            dialog = DepartmentsDialog(self.departments, account_id,
                                       self.insights.name(account_id), self)
        except StoreError as exc:
            QMessageBox.warning(self, translate("AccountInsightsPanel", "Departments"), str(exc))
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_account(account_id)  # the estimate counts untapped departments
            self.estimates_changed.emit(account_id)

    # The register ----------------------------------------------------------------------
    def _register_action(self, action: str, item_id: int) -> None:
        if self.account_id is None:
            return
        try:
            if action == "add":
                dialog = RiskDialog(self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                self.register.add(self.account_id, dialog.draft())
            elif action == "suggest":
                if not self._add_suggestions():
                    return
            elif action == "close":
                self.register.set_status(item_id, RiskStatus.CLOSED, seen=RiskStatus.OPEN)
            elif action == "delete":
                self.register.delete(item_id)
        except (DomainError, StoreError) as exc:
            QMessageBox.warning(self, translate("AccountInsightsPanel", "Risks and opportunities"),
                                str(exc))
            return
        self.matrix.set_items(self.register.items(self.account_id))
        self.register_changed.emit(self.account_id)

    def _add_suggestions(self) -> bool:
        assert self.account_id is not None
        drafts = self.register.suggestions(self.account_id)
        if not drafts:
            QMessageBox.information(self, translate("AccountInsightsPanel", "Suggestions"),
                                    translate("AccountInsightsPanel",
                                              "The numbers suggest nothing the register lacks."))
            return False
        titles = [d.title for d in drafts]
        choice, accepted = QInputDialog.getItem(
            self, translate("AccountInsightsPanel", "Add a suggestion"),
            translate("AccountInsightsPanel", "Suggested by health, renewal and expansion:"),
            titles,
            0, False)
        if not accepted:
            return False
        self.register.add(self.account_id, drafts[titles.index(choice)], origin="suggested")
        return True


def _first_upper(label: str) -> str:
    return label[:1].upper() + label[1:]
