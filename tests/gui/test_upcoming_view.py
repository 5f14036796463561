"""Upcoming QBRs: the coming reviews with their prep progress, sorted and opened from the
list; and the main window's wiring of the new view and the account's prep tab."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.plans.upcoming_view import UpcomingColumn, UpcomingView
from qbr_desktop.gui.tabs import View
from qbr_desktop.services.plans import PlanService, TaskChanges

NOW = datetime(2026, 9, 8, 9, 0, tzinfo=UTC)
WAIT_MS = 10000


@pytest.fixture
def plans(context: Any) -> PlanService:
    return PlanService(context.store.sessions, clock=lambda: NOW)


@pytest.fixture
def accounts(context: Any, plans: PlanService) -> dict[str, int]:
    ids = {name: context.accounts.create(AccountDraft(name=name, arr=Decimal(arr))).id
           for name, arr in (("Acme", "500000"), ("Bluefin", "60000"), ("Cedar", "5000"))}
    acme = plans.schedule(ids["Acme"], date(2026, 9, 24), time(10), time_zone="Europe/Berlin")
    plans.set_done(acme.tasks[0].id, True)
    bluefin = plans.schedule(ids["Bluefin"], date(2026, 9, 15), time(16),
                             time_zone="America/New_York")
    for task in bluefin.tasks[:3]:  # back-dated by hand: three overdue tasks
        plans.update_task(task.id, TaskChanges(due=date(2026, 9, 1)))
    return ids


@pytest.fixture
def view(qtbot: Any, plans: PlanService, accounts: dict[str, int]) -> Iterator[UpcomingView]:
    shown = UpcomingView(plans)
    qtbot.addWidget(shown)
    shown.resize(1366, 500)
    shown.show()
    qtbot.waitExposed(shown)
    with qtbot.waitSignal(shown.upcoming_shown, timeout=WAIT_MS):
        qtbot.mouseClick(shown.refresh_button, Qt.MouseButton.LeftButton)
    yield shown
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def column(view: UpcomingView, which: int) -> list[str]:
    return [view.proxy.index(r, which).data() for r in range(view.proxy.rowCount())]


def cell(view: UpcomingView, account: str, which: int) -> str:
    return column(view, which)[column(view, UpcomingColumn.ACCOUNT).index(account)]


def test_lists_scheduled_reviews_with_prep_progress_and_overdue_counts(
        view: UpcomingView) -> None:
    assert column(view, UpcomingColumn.ACCOUNT)[:2] == ["Bluefin", "Acme"]  # soonest first
    assert cell(view, "Acme", UpcomingColumn.PREP) == "1/21"
    assert cell(view, "Acme", UpcomingColumn.BEHIND) == "No"
    assert cell(view, "Acme", UpcomingColumn.MEETING) == "Thu 2026-09-24 10:00 Europe/Berlin"
    assert cell(view, "Bluefin", UpcomingColumn.BEHIND) == "Yes · 3 overdue"
    assert cell(view, "Bluefin", UpcomingColumn.MEETING) == \
        "Tue 2026-09-15 16:00 America/New_York"
    assert cell(view, "Acme", UpcomingColumn.CADENCE)  # the cadence's reason, in words
    if "Cedar" in column(view, UpcomingColumn.ACCOUNT):  # listed only if its cadence slips
        assert cell(view, "Cedar", UpcomingColumn.MEETING) == "Not planned"
        assert cell(view, "Cedar", UpcomingColumn.PREP) == "—"
    assert "2 reviews in the next 90 days · 1 behind schedule" in view.summary.text()


def test_sorts_by_tier_importance_and_by_progress(qtbot: Any, view: UpcomingView) -> None:
    view.table.sortByColumn(UpcomingColumn.TIER, Qt.SortOrder.AscendingOrder)
    assert column(view, UpcomingColumn.TIER)[:2] == ["Strategic", "Growth"]
    view.table.sortByColumn(UpcomingColumn.BEHIND, Qt.SortOrder.DescendingOrder)
    assert column(view, UpcomingColumn.ACCOUNT)[0] == "Bluefin"


def test_a_shorter_window_leaves_later_reviews_out(qtbot: Any, view: UpcomingView) -> None:
    view.days_box.setValue(10)
    with qtbot.waitSignal(view.upcoming_shown, timeout=WAIT_MS):
        qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    names = column(view, UpcomingColumn.ACCOUNT)
    assert "Bluefin" in names and cell(view, "Bluefin", UpcomingColumn.PREP) == "0/15"
    assert "Acme" not in names or cell(view, "Acme", UpcomingColumn.MEETING) == "Not planned"


def test_enter_and_double_click_open_the_account(qtbot: Any, view: UpcomingView,
                                                accounts: dict[str, int]) -> None:
    row = column(view, UpcomingColumn.ACCOUNT).index("Acme")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, 0))
    with qtbot.waitSignal(view.account_activated, timeout=1000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [accounts["Acme"]]
    row = column(view, UpcomingColumn.ACCOUNT).index("Bluefin")
    rect = view.table.visualRect(view.proxy.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.account_activated, timeout=1000) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [accounts["Bluefin"]]


def test_the_model_passes_the_model_tester(qtmodeltester: Any, view: UpcomingView) -> None:
    qtmodeltester.check(view.model)


def test_the_main_window_lists_upcoming_reviews_and_opens_the_prep_tab(
        qtbot: Any, open_window: Any) -> None:
    window = open_window(seed=True)
    context = window.context
    acme = next(a.id for a in context.accounts.list_accounts() if a.name == "Acme Logistics")
    day = (datetime.now(UTC) + timedelta(days=10)).date()  # before the seeded review
    plan = context.plans.schedule(acme, day, time(10), time_zone="Europe/Berlin")
    assert window.views.tabText(View.UPCOMING) == "Upcoming QBRs"
    assert window.account_tabs.tabText(2) == "Prep &timeline"
    with qtbot.waitSignal(window.upcoming_view.upcoming_shown, timeout=WAIT_MS):
        window.views.setCurrentIndex(View.UPCOMING)
    view = window.upcoming_view
    row = column(view, UpcomingColumn.ACCOUNT).index("Acme Logistics")
    assert column(view, UpcomingColumn.PREP)[row] == f"0/{len(plan.tasks)}"
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, 0))
    with qtbot.waitSignal(window.plan_panel.loaded, timeout=WAIT_MS):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.views.currentIndex() == 0
    assert window.account_tabs.currentIndex() == 2
    assert window.list_panel.current_account_id() == acme
    panel = window.plan_panel
    assert panel.plan is not None and panel.plan.review_id == plan.review_id
    panel.chart.setFocus()
    qtbot.keyClick(panel.chart, Qt.Key.Key_Space)  # ticks the first task off, stored
    assert context.plans.plan(plan.review_id).done_count == 1
    assert window.account_tabs.currentIndex() == 2 and panel.plan.done_count == 1
    window.grab().save("/tmp/timeline-main-window.png")
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_a_review_planned_too_late_shows_its_date_not_not_planned(
        qtbot: Any, context: Any, plans: PlanService, accounts: dict[str, int]) -> None:
    from qbr_desktop.domain.contacts import ReviewDraft, ReviewStatus

    late = context.accounts.create(AccountDraft(name="Dunmore Bank", arr=Decimal("400000"))).id
    context.accounts.add_review(late, ReviewDraft(NOW - timedelta(days=80), "Europe/Dublin",
                                                  status=ReviewStatus.HELD))
    planned = plans.schedule(late, (NOW + timedelta(days=100)).date(), time(9),
                             time_zone="Europe/Dublin")  # past the 91 days Strategic allows
    view = UpcomingView(plans)
    qtbot.addWidget(view)
    view.resize(1366, 500)
    view.show()
    with qtbot.waitSignal(view.upcoming_shown, timeout=WAIT_MS):
        qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    reason = cell(view, "Dunmore Bank", UpcomingColumn.CADENCE)
    assert reason.startswith("next review planned for 2026-12-17, after 2026-09-19")
    assert cell(view, "Dunmore Bank", UpcomingColumn.MEETING) == \
        "Thu 2026-12-17 09:00 Europe/Dublin"
    assert cell(view, "Dunmore Bank", UpcomingColumn.PREP) == f"0/{len(planned.tasks)}"
    # Counted neither among the reviews in the next 90 days nor among the accounts to plan.
    assert view.summary.text().startswith("2 reviews in the next 90 days · 1 behind schedule")
    unplanned = sum(1 for name in column(view, UpcomingColumn.ACCOUNT)
                    if cell(view, name, UpcomingColumn.MEETING) == "Not planned")
    assert view.summary.text().endswith(
        f"{unplanned} account{'' if unplanned == 1 else 's'} to plan")
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_a_very_long_account_name_leaves_room_for_the_cadence(
        qtbot: Any, context: Any, plans: PlanService, accounts: dict[str, int]) -> None:
    name = ("Müller & Söhne Präzisionstechnik GmbH Internationale Beteiligungsgesellschaft "
            "mbH & Co. KG — Werk Nord")
    context.accounts.create(AccountDraft(name=name, arr=Decimal("500000")))  # never reviewed
    view = UpcomingView(plans)
    qtbot.addWidget(view)
    view.resize(1366, 500)
    view.show()
    with qtbot.waitSignal(view.upcoming_shown, timeout=WAIT_MS):
        qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    header = view.table.horizontalHeader()
    assert header.sectionSize(UpcomingColumn.CADENCE) >= 300
    row = column(view, UpcomingColumn.ACCOUNT).index(name)
    assert view.proxy.index(row, UpcomingColumn.ACCOUNT).data(
        Qt.ItemDataRole.ToolTipRole) == name
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
