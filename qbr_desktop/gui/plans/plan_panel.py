"""The account's "Prep timeline" tab: the next QBR, its preparation tasks and their progress.

The plan is read in a worker when an account is shown. Writes (tick, re-date, move the
meeting) are single small transactions made on the GUI thread, as the other panels do,
followed by a re-read of that one plan; a refusal is shown in the panel, never raised.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.meeting_time import meeting_when
from qbr_desktop.domain.tiers import tier_label
from qbr_desktop.gui.edit_conflicts import save_over
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.plans.calendar_export import CalendarExportButton
from qbr_desktop.gui.plans.plan_dialogs import AddTaskDialog, MeetingChoice, MeetingDialog, NewTask
from qbr_desktop.gui.plans.task_table import PlanTaskModel, TaskTable
from qbr_desktop.gui.plans.timeline_chart import TimelineChart
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.gui.worker import start_task
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.services.plans import TaskChanges
from qbr_desktop.services.playbook_library import playbook_label
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from datetime import date

    from qbr_desktop.domain.scorecard import ScoreItem
    from qbr_desktop.services.plan_views import Metric, ReviewPlan
    from qbr_desktop.services.plans import PlanService

EMPTY_TEXT = (
    QT_TRANSLATE_NOOP("plan_panel", "No QBR is planned for this account.\n\n"
    "Scheduling one picks the playbook for the account's tier and creates its preparation "
    "tasks (data gathering, content and stakeholders, refinement and logistics, follow-up), "
    "each dated back from the meeting in working days. Tick tasks off as you go; move the "
    "meeting and the open tasks follow it."))
METRIC_MARKS = {True: (QT_TRANSLATE_NOOP("plan_panel", "✓ Met"), "#1e5b2c"),
                False: (QT_TRANSLATE_NOOP("plan_panel", "✗ Missed"), "#b00020"),
                None: (QT_TRANSLATE_NOOP("plan_panel", "○ Open"), "#444444")}


def describe_meeting(plan: ReviewPlan) -> str:
    text = translate("plan_panel", "QBR ") + meeting_when(plan.local_start, plan.time_zone,
                                                          until=plan.local_end)
    return text + (translate("plan_panel",
                             " · this date has passed") if plan.meeting_day < plan.today else "")


def describe_metric(metric: Metric) -> str:
    mark = translate("plan_panel", METRIC_MARKS[metric.met][0])
    return translate("plan_panel", "{mark} · {metric}: {detail}").format(
        mark=mark, metric=ui_text(metric.title), detail=ui_text(metric.says))


class PlanPanel(QWidget):
    # The account's plan (or its empty state) is on show: the account id.
    loaded = Signal(int)
    # Something was written (schedule, move, tick, edit): the account id.
    plan_changed = Signal(int)

    def __init__(self, plans: PlanService, parent: QWidget | None = None, *,
                 scorecard_for: Callable[[ReviewPlan], list[ScoreItem]] | None = None
                 ) -> None:
        """`scorecard_for` reads the prep scorecard of a plan (services/scorecard.py)."""
        super().__init__(parent)
        self.plans = plans
        self.scorecard_for = scorecard_for
        self.score_items: list[ScoreItem] = []
        self.account_id: int | None = None
        self.plan: ReviewPlan | None = None
        self._notes: tuple[str, ...] = ()
        self.status = text_label(name="planStatus")
        self.status.setText(translate("PlanPanel", "Choose an account to see its QBR preparation."))
        self.problem = text_label(name="planProblem")
        self.problem.setProperty("class", "fieldError")
        self.problem.hide()
        self.empty_text = text_label(name="planEmpty")
        self.empty_text.setText(translate("plan_panel", EMPTY_TEXT))
        self.meeting = text_label(name="planMeeting")
        self.meeting.setStyleSheet("font-weight: 600; font-size: 12pt;")
        self.details = text_label(name="planDetails")
        self.progress_text = text_label(name="planProgressText", wrap=False)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)  # the label says it in words
        self.progress.setMaximumHeight(12)
        self.behind = text_label(name="planBehind")
        self.metric_labels = [text_label(name=f"planMetric{n}") for n in range(3)]
        self.scorecard = text_label(name="planScorecard")
        self.scorecard.hide()
        self.notes = text_label(name="planNotes")
        self.notes.setStyleSheet("color: #555555;")
        self.chart = TimelineChart(self)
        self.model = PlanTaskModel(self)
        self.table = TaskTable(self.model, self)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.chart)
        self.views.addWidget(self.table)
        self._build_buttons()
        self._build_layout()
        self.chart.done_toggled.connect(self._set_done)
        self.chart.due_moved.connect(self._move_task)
        self.model.done_requested.connect(self._set_done)
        self.model.change_requested.connect(self._change_task)

    def _build_buttons(self) -> None:
        def button(text: str, slot: Callable[[], None]) -> QPushButton:
            made = QPushButton(text, self)
            made.clicked.connect(slot)
            return made

        self.schedule_button = button(translate("PlanPanel", "&Schedule QBR…"), self.schedule)
        self.empty_schedule_button = button(translate("PlanPanel", "&Schedule QBR…"), self.schedule)
        self.move_button = button(translate("PlanPanel", "&Move meeting…"), self.move_meeting)
        self.add_button = button(translate("PlanPanel", "&Add task…"), self.add_task)
        self.remove_button = button(translate("PlanPanel", "&Remove task"), self.remove_task)
        # Re-ordering: Ctrl+Up / Ctrl+Down anywhere in the panel, or these buttons.
        self.up_button = button(translate("PlanPanel", "▲ Up"), lambda: self.move_selected(-1))
        self.down_button = button(translate("PlanPanel", "▼ Down"), lambda: self.move_selected(1))
        for made, text, keys in ((self.up_button,
                                  translate("PlanPanel", "Move the task up (Ctrl+Up)"), "Ctrl+Up"),
                                 (self.down_button,
                                  translate("PlanPanel", "Move the task down (Ctrl+Down)"),
                                  "Ctrl+Down")):
            made.setToolTip(text)
            made.setAccessibleName(text)
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(made.click)
        self.calendar_button = CalendarExportButton(self.plans, lambda: self.plan, self)
        self.executives_box = QCheckBox(translate("PlanPanel", "&Executives confirmed"), self)
        self.executives_box.toggled.connect(self._set_executives)
        self.timeline_button = QPushButton(translate("PlanPanel", "T&imeline"), self)
        self.list_button = QPushButton(translate("PlanPanel", "&List"), self)
        self.view_group = QButtonGroup(self)
        for index, toggle in enumerate((self.timeline_button, self.list_button)):
            toggle.setCheckable(True)
            self.view_group.addButton(toggle, index)
        self.timeline_button.setChecked(True)
        self.view_group.idClicked.connect(self.show_view)

    def _build_layout(self) -> None:
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.empty_schedule_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_text)
        progress_row.addWidget(self.progress, 1)
        for widget in (self.meeting, self.details):
            column.addWidget(widget)
        column.addLayout(progress_row)
        column.addWidget(self.behind)
        for label in self.metric_labels:
            column.addWidget(label)
        column.addWidget(self.scorecard)
        column.addWidget(self.notes)
        actions = QHBoxLayout()
        for button in (self.schedule_button, self.move_button, self.add_button,
                       self.remove_button, self.up_button, self.down_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.calendar_button)
        toggles = QHBoxLayout()
        toggles.addWidget(self.executives_box)
        toggles.addStretch(1)
        toggles.addWidget(QLabel(translate("PlanPanel", "View:"), self))
        toggles.addWidget(self.timeline_button)
        toggles.addWidget(self.list_button)
        column.addLayout(actions)
        column.addWidget(self.calendar_button.status)
        column.addLayout(toggles)
        column.addWidget(self.views, 1)
        # Shown and hidden in one box layout rather than stacked: a QStackedWidget does not
        # pass height-for-width on, and the wrapped metric lines would be cut to one line.
        self.empty_page, self.plan_page = empty, page
        empty.hide()
        page.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(empty, 1)
        layout.addWidget(page, 1)

    # Loading ---------------------------------------------------------------------------
    def show_account(self, account_id: int) -> None:
        self.account_id = account_id
        self.status.setText(translate("PlanPanel", "Loading the QBR plan…"))
        self.status.show()
        self.problem.hide()
        self.calendar_button.status.hide()
        plans, scorecard_for = self.plans, self.scorecard_for

        def load() -> tuple[int, ReviewPlan | None, list[ScoreItem]]:
            plan = plans.next_plan(account_id)
            items = scorecard_for(plan) if plan is not None and scorecard_for else []
            return account_id, plan, items
        # Kept: a QRunnable whose signals nobody references can be collected early.
        self._task = start_task(load, self._loaded, self._failed,
                                translate("PlanPanel", "reading the account's preparation plan"))

    def _loaded(self, result: tuple[int, ReviewPlan | None, list[ScoreItem]]) -> None:
        account_id, plan, self.score_items = result
        if account_id != self.account_id:
            return  # the CSM moved on to another account meanwhile
        self.status.hide()
        self._notes = ()
        self.show_plan(plan)
        self.loaded.emit(account_id)

    def _failed(self, message: str) -> None:
        self.status.setText(translate("PlanPanel",
                                      "Could not load the QBR plan: "
                                      "{message}").format(message=message))

    def show_plan(self, plan: ReviewPlan | None) -> None:
        chosen = self.selected_task_id()  # in the view in use: both views keep that task
        self.plan = plan
        self.empty_page.setVisible(plan is None)
        self.plan_page.setVisible(plan is not None)
        self.chart.set_plan(plan)
        self.model.set_plan(plan)
        if plan is None:
            return
        chosen = chosen if chosen in self.chart.task_ids() else self.chart.selected_task_id
        self.chart.select_task(chosen)
        self.table.select_task(chosen)
        self.meeting.setText(describe_meeting(plan))
        playbook = (ui_text(playbook_label(plan.playbook)) if plan.playbook
                    else translate("PlanPanel", "none"))
        self.details.setText(translate("PlanPanel",
                                       "{account_name} · {tier} · playbook {value} · "
                                       "{value2}").format(account_name=plan.account_name,
                                                          tier=ui_text(tier_label(plan.tier)),
                                                          value=playbook,
                                                          value2=ui_label(plan.status.label)))
        self.progress_text.setText(translate("PlanPanel",
                                             "{done_count} of {count} "
                                             "done").format(done_count=plan.done_count,
                                                            count=len(plan.tasks)))
        self.progress.setRange(0, max(len(plan.tasks), 1))
        self.progress.setValue(plan.done_count)
        overdue = len(plan.overdue)
        self.behind.setText(
            translate("PlanPanel", "⚠ Behind schedule: %n overdue task", None, overdue)
            if overdue == 1 else
            translate("PlanPanel", "⚠ Behind schedule: %n overdue tasks", None, overdue)
            if overdue else translate("PlanPanel", "✓ Every task is done.") if plan.complete
            else translate("PlanPanel", "On schedule."))
        self.behind.setStyleSheet("color: #b00020; font-weight: 600;" if overdue else "")
        for label, metric in zip(self.metric_labels, plan.metrics(), strict=False):
            label.setText(describe_metric(metric))
            label.setStyleSheet(f"color: {METRIC_MARKS[metric.met][1]};")
        passed = sum(item.passed for item in self.score_items)
        self.scorecard.setText(
            translate("PlanPanel", "Prep scorecard: {passed} of {count} pass\n").format(
                passed=passed, count=len(self.score_items)) + "\n".join(
                f"{'✓' if item.passed else '⚠'} {ui_label(item.name)}: {ui_text(item.reason)}"
                for item in self.score_items))
        self.scorecard.setVisible(bool(self.score_items))
        # Warnings hold as long as the plan does; notes only right after scheduling or moving.
        lines = (*plan.warnings, *self._notes)
        self.notes.setText("\n".join(lines))
        self.notes.setVisible(bool(lines))
        self.executives_box.blockSignals(True)  # showing the stored value is not an edit
        self.executives_box.setChecked(plan.executives_confirmed)
        self.executives_box.blockSignals(False)

    def show_view(self, index: int) -> None:
        """0: the timeline, 1: the list; the selected task carries over."""
        chosen = self.selected_task_id()
        self.views.setCurrentIndex(index)
        self.view_group.button(index).setChecked(True)
        self.chart.select_task(chosen)
        self.table.select_task(chosen)
        (self.table if index == 1 else self.chart).setFocus()

    def selected_task_id(self) -> int:
        if self.views.currentIndex() == 1:
            return self.table.current_task_id()
        return self.chart.selected_task_id

    # Writes ----------------------------------------------------------------------------
    def _write(self, action: Callable[[], ReviewPlan | None]) -> bool:
        """Run one service call; show the plan it returns (or the re-read plan), or the
        refusal in words."""
        account_id = self.account_id
        try:
            plan = action()
            if plan is None and self.plan is not None:
                plan = self.plans.plan(self.plan.review_id)
        except (DomainError, StoreError) as exc:
            if account_id is not None:
                self.show_account(account_id)  # show what is stored now
            self.problem.setText(str(exc))
            self.problem.show()
            return False
        self.problem.hide()
        self.show_plan(plan)
        if account_id is not None:
            self.plan_changed.emit(account_id)
        return True

    def _set_done(self, task_id: int, done: bool) -> None:
        self._write(lambda: self.plans.set_done(task_id, done))

    def _move_task(self, task_id: int, day: date) -> None:
        self._change_task(task_id, TaskChanges(due=day))

    def _change_task(self, task_id: int, changes: TaskChanges) -> None:
        """Save over the task as shown: a colleague's newer change to the same field is
        reloaded or replaced, as the CSM chooses."""
        shown = next((t for t in self.plan.tasks if t.id == task_id), None) if self.plan \
            else None
        seen = None if shown is None else TaskChanges(
            title=shown.title, description=shown.description, owner=shown.owner,
            phase=shown.phase, due=shown.due)
        self._write(lambda: save_over(
            self, lambda: self.plans.update_task(task_id, changes, seen=seen),
            lambda: self.plans.update_task(task_id, changes)))

    def _set_executives(self, confirmed: bool) -> None:
        if self.plan is not None:
            review_id = self.plan.review_id
            self._write(lambda: self.plans.set_executives_confirmed(review_id, confirmed))

    def _with_notes(self, plan: ReviewPlan) -> ReviewPlan:
        self._notes = plan.notes  # only scheduling and moving say something worth keeping
        return plan

    def schedule(self) -> None:
        account_id = self.account_id
        if account_id is None:
            return
        zone = self.plans.default_time_zone()
        start = datetime.combine(datetime.now(UTC).date() + timedelta(days=28),
                                 datetime.min.time().replace(hour=10), ZoneInfo(zone))

        def submit(choice: MeetingChoice) -> None:
            plan = self.plans.schedule(account_id, choice.day, choice.at,
                                       time_zone=choice.time_zone, playbook=choice.playbook)
            self._write(lambda: self._with_notes(plan))

        self._open_meeting_dialog(translate("PlanPanel", "Schedule QBR"), submit, start,
                                  self.plans.library.names())

    def move_meeting(self) -> None:
        plan = self.plan
        if plan is None:
            return

        def submit(choice: MeetingChoice) -> None:
            start = datetime.combine(choice.day, choice.at, ZoneInfo(plan.time_zone))
            moved = save_over(
                self, lambda: self.plans.move(plan.review_id, start, seen=plan.meeting_at),
                lambda: self.plans.move(plan.review_id, start))
            self._write(lambda: None if moved is None else self._with_notes(moved))

        self._open_meeting_dialog(translate("PlanPanel", "Move meeting"), submit, plan.local_start,
                                  None)

    def _open_meeting_dialog(self, title: str, submit: Callable[[MeetingChoice], None],
                             start: datetime, playbooks: tuple[str, ...] | None) -> None:
        from zoneinfo import available_timezones  # reads the zone database: only when asked

        tier = ui_text(tier_label(self.plan.tier)) if self.plan else ""
        dialog = MeetingDialog(self, title=title, submit=submit, start=start,
                               zones=sorted(available_timezones()), playbooks=playbooks,
                               tier=tier)
        dialog.exec()

    def add_task(self) -> None:
        plan = self.plan
        if plan is None:
            return

        def submit(task: NewTask) -> None:
            task_id = self.plans.add_task(plan.review_id, task.title, task.due,
                                          owner=task.owner, phase=task.phase)
            self._write(lambda: None)
            self.chart.select_task(task_id)
            self.table.select_task(task_id)

        AddTaskDialog(self, submit=submit, due=plan.today).exec()

    def move_selected(self, step: int) -> None:
        """Move the selected task one place earlier (-1) or later (+1) in the plan."""
        if self.plan is None:
            return
        order = [task.id for task in self.plan.tasks]
        chosen = self.selected_task_id()
        if chosen not in order:
            return
        here = order.index(chosen)
        there = here + step
        if not 0 <= there < len(order):
            return
        order[here], order[there] = order[there], order[here]
        review_id = self.plan.review_id
        if self._write(lambda: self.plans.reorder(review_id, order)):
            self.chart.select_task(chosen)
            self.table.select_task(chosen)

    def remove_task(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        task = next((t for t in self.plan.tasks if t.id == self.selected_task_id()), None) \
            if self.plan else None
        if task is None:
            return
        shown = task.title if len(task.title) <= 80 else task.title[:79] + "…"
        answer = QMessageBox.question(self, translate("PlanPanel", "Remove task"),
                                      translate("PlanPanel",
                                                "Remove “{shown}” from the "
                                                "plan?").format(shown=shown),
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._write(lambda: self.plans.remove_task(task.id))
