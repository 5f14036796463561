"""The prep timeline driven with the mouse and keys: what it shows, and what it stores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.plans.plan_panel import PlanPanel
from qbr_desktop.gui.plans.timeline_chart import TimelineChart
from qbr_desktop.services.plan_views import ReviewPlan
from qbr_desktop.services.plans import PlanService

NOW = datetime(2026, 9, 8, 9, 0, tzinfo=UTC)  # a Tuesday
MEETING = date(2026, 9, 24)
ZONE = "Europe/Berlin"
WAIT_MS = 10000


@dataclass
class Shown:
    panel: PlanPanel
    chart: TimelineChart
    plans: PlanService
    review_id: int

    def stored(self) -> ReviewPlan:
        return self.plans.plan(self.review_id)


def show(qtbot: Any, plans: PlanService, account_id: int) -> PlanPanel:
    panel = PlanPanel(plans)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(account_id)
    return panel


@pytest.fixture
def plans(context: Any) -> PlanService:
    return PlanService(context.store.sessions, clock=lambda: NOW)


@pytest.fixture
def shown(qtbot: Any, context: Any, plans: PlanService) -> Iterator[Shown]:
    account = context.accounts.create(AccountDraft(name="Acme", arr=Decimal("500000")))
    plan = plans.schedule(account.id, MEETING, time(10), time_zone=ZONE)
    panel = show(qtbot, plans, account.id)
    yield Shown(panel, panel.chart, plans, plan.review_id)
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def centre(rect: Any) -> QPoint:
    return rect.center()


def test_every_task_has_a_row_at_its_due_date_with_today_and_meeting_lines(
        shown: Shown) -> None:
    chart, plan = shown.chart, shown.stored()
    assert sorted(chart.task_ids()) == sorted(t.id for t in plan.tasks)
    assert len(plan.tasks) == 21
    tops = [chart.row_rect(task_id).top() for task_id in chart.task_ids()]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    for task in plan.tasks:
        marker = chart.marker_rect(task.id)
        assert abs(marker.center().x() - chart.x_for_date(task.due)) <= 1
        assert chart.row_rect(task.id).contains(marker)
        assert chart.date_at(marker.center().x()) == task.due
    assert chart.today_x() == chart.x_for_date(NOW.date())
    assert chart.meeting_x() == chart.x_for_date(MEETING)
    assert chart.today_x() < chart.meeting_x()  # type: ignore[operator]
    assert "QBR Thu 2026-09-24 10:00–11:00 Europe/Berlin" in shown.panel.meeting.text()


def test_clicking_a_tick_box_stores_the_task_as_done(qtbot: Any, shown: Shown) -> None:
    first = shown.chart.task_ids()[0]
    qtbot.mouseClick(shown.chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=centre(shown.chart.tick_box_rect(first)))
    assert next(t for t in shown.stored().tasks if t.id == first).done
    assert shown.panel.progress_text.text() == "1 of 21 done"
    qtbot.mouseClick(shown.chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=centre(shown.chart.tick_box_rect(first)))
    assert not next(t for t in shown.stored().tasks if t.id == first).done


def drag_by_days(qtbot: Any, chart: TimelineChart, task_id: int, days: int,
                 cancel: bool = False) -> None:
    viewport = chart.viewport()
    start = centre(chart.marker_rect(task_id))
    step = chart.scale.day_width
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for n in range(1, days + 1):  # a hand moves through the days in between
        qtbot.mouseMove(viewport, pos=start + QPoint(round(n * step), 0))
    if cancel:
        qtbot.keyClick(chart, Qt.Key.Key_Escape)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                       pos=start + QPoint(round(days * step), 0))


def test_dragging_a_marker_three_days_right_re_dates_and_pins_the_task(
        qtbot: Any, shown: Shown) -> None:
    task = next(t for t in shown.stored().tasks if t.key == "health-review")
    assert task.offset is not None
    drag_by_days(qtbot, shown.chart, task.id, 3)
    moved = next(t for t in shown.stored().tasks if t.id == task.id)
    assert moved.due == task.due + timedelta(days=3)
    assert moved.offset is None  # dated by hand: moving the meeting leaves it there
    assert abs(shown.chart.marker_rect(task.id).center().x()
               - shown.chart.x_for_date(moved.due)) <= 1
    assert "Dated by hand" in shown.chart.describe(moved)


def test_escape_during_a_drag_cancels_it(qtbot: Any, shown: Shown) -> None:
    task = next(t for t in shown.stored().tasks if t.key == "health-review")
    drag_by_days(qtbot, shown.chart, task.id, 3, cancel=True)
    unchanged = next(t for t in shown.stored().tasks if t.id == task.id)
    assert (unchanged.due, unchanged.offset) == (task.due, task.offset)
    assert abs(shown.chart.marker_rect(task.id).center().x()
               - shown.chart.x_for_date(task.due)) <= 1


def test_keys_select_tick_and_move_tasks(qtbot: Any, shown: Shown) -> None:
    chart = shown.chart
    chart.setFocus()
    ids = chart.task_ids()
    assert chart.selected_task_id == ids[0]
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert chart.selected_task_id == ids[1]
    qtbot.keyClick(chart, Qt.Key.Key_Space)
    assert next(t for t in shown.stored().tasks if t.id == ids[1]).done
    before = next(t for t in shown.stored().tasks if t.id == ids[1]).due
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert next(t for t in shown.stored().tasks if t.id == ids[1]).due == before + timedelta(1)
    qtbot.keyClick(chart, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert next(t for t in shown.stored().tasks if t.id == ids[1]).due == before + timedelta(8)
    assert chart.selected_task_id == ids[1]  # the re-read plan keeps the CSM's place
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.selected_task_id == ids[-1]


def test_forty_tasks_scroll_and_the_last_one_can_be_reached(qtbot: Any, shown: Shown) -> None:
    for n in range(25):
        shown.plans.add_task(shown.review_id, f"Extra task {n}", MEETING - timedelta(days=n % 9))
    shown.panel.show_plan(shown.stored())
    chart = shown.chart
    assert len(chart.task_ids()) == 46
    assert chart.verticalScrollBar().maximum() > 0
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_End)
    last = chart.row_rect(chart.task_ids()[-1])
    assert last.top() >= 0 and last.bottom() <= chart.viewport().height()


def test_odd_titles_past_meetings_and_compressed_plans_paint(
        qtbot: Any, context: Any, plans: PlanService) -> None:
    account = context.accounts.create(AccountDraft(name="Past", arr=Decimal("60000")))
    plan = plans.schedule(account.id, date(2026, 6, 2), time(9), time_zone="Asia/Tokyo")
    titles = ["株式会社の四半期レビュー資料を準備する" * 4, "🎯🚀 emoji only 🙂",
              "مراجعة العرض مع الفريق", "<b>bold</b> & <i>not</i> markup"]
    for title in titles:
        plans.add_task(plan.review_id, title, date(2026, 5, 28))
    panel = show(qtbot, plans, account.id)
    chart = panel.chart
    stored = plans.plan(plan.review_id)
    assert all(t.overdue(stored.today) for t in stored.tasks)
    assert "this date has passed" in panel.meeting.text()
    assert "Behind schedule" in panel.behind.text()
    assert chart.today_x() is None  # months away: an arrow at the edge instead of a line
    assert not chart.grab().isNull()  # painting raises nothing (a warning fails the test)
    odd = next(t for t in stored.tasks if t.title.startswith("<b>"))
    assert "&lt;b&gt;" in chart.describe(odd) and "<b>bold" not in chart.describe(odd)

    soon = context.accounts.create(AccountDraft(name="Soon", arr=Decimal("500000")))
    squeezed = plans.schedule(soon.id, NOW.date() + timedelta(days=3), time(10), time_zone=ZONE)
    assert squeezed.notes
    panel.show_account(soon.id)
    qtbot.waitUntil(lambda: panel.plan is not None and panel.plan.review_id ==
                    squeezed.review_id, timeout=WAIT_MS)
    assert not chart.grab().isNull()
    assert min(t.due for t in squeezed.tasks) >= NOW.date()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_today_before_the_chart_is_named_on_the_top_line_clear_of_the_month(
        qtbot: Any, context: Any, plans: PlanService) -> None:
    from PySide6.QtGui import QColor

    from qbr_desktop.gui.plans.timeline_paint import TEXT, TODAY

    account = context.accounts.create(AccountDraft(name="Later", arr=Decimal("60000")))
    plans.schedule(account.id, date(2026, 12, 15), time(10), time_zone=ZONE)
    chart = show(qtbot, plans, account.id).chart
    assert chart.today_x() is None  # weeks before the first task: "← Today, …" at the edge
    image = chart.viewport().grab().toImage()

    def rows_in(colour: str) -> set[int]:
        """The axis's pixel rows (above the day numbers) drawn in about that colour."""
        ink = QColor(colour)
        return {y for y in range(32) for x in range(chart.label_width + 1,
                                                      chart.label_width + 200)
                if max(abs(image.pixelColor(x, y).red() - ink.red()),
                       abs(image.pixelColor(x, y).green() - ink.green()),
                       abs(image.pixelColor(x, y).blue() - ink.blue())) < 40}

    today, month = rows_in(TODAY), rows_in(TEXT)
    assert today and month
    assert max(today) < min(month), (sorted(today), sorted(month))  # one above the other
