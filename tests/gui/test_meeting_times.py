"""One meeting, one time: the account header, Upcoming QBRs, the prep timeline and the
Meeting tab show it on the meeting's own clock with its zone named, whatever the
machine's zone is (here Los Angeles, for a meeting at 16:00 in Berlin)."""

from __future__ import annotations

import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.accounts.account_page import AccountPage
from qbr_desktop.gui.plans.upcoming_view import UpcomingColumn
from qbr_desktop.gui.tabs import AccountTab, View

WAIT_MS = 10000


@pytest.fixture
def machine_in_los_angeles(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    clock.tzset()
    yield
    monkeypatch.undo()
    clock.tzset()


def berlin_at_four(day: date) -> str:
    return f"{day:%a %Y-%m-%d} 16:00 Europe/Berlin"


def test_the_account_header_shows_the_next_qbr_where_it_is_held(
        qtbot: Any, context: Any, machine_in_los_angeles: None) -> None:
    account = context.accounts.create(AccountDraft(name="さくら物流株式会社",
                                                   arr=Decimal("36000")))
    page = AccountPage()
    qtbot.addWidget(page)
    start = datetime(2026, 12, 14, 16, 0, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)
    page.show_account(account, None, next_meeting=(start, "Europe/Berlin"))
    summary = page.form.summaryLabel.text()
    assert "next QBR Mon 2026-12-14 16:00 Europe/Berlin" in summary
    assert "07:00" not in summary  # Los Angeles' clock, unlabelled, as it was


def test_upcoming_the_prep_timeline_and_the_meeting_tab_agree(
        qtbot: Any, open_window: Any, machine_in_los_angeles: None) -> None:
    window = open_window(seed=True)
    context = window.context
    acme = next(a.id for a in context.accounts.list_accounts() if a.name == "Acme Logistics")
    day = (datetime.now(UTC) + timedelta(days=10)).date()  # before the seeded review
    context.plans.schedule(acme, day, time(16), time_zone="Europe/Berlin")
    shown = berlin_at_four(day)

    with qtbot.waitSignal(window.upcoming_view.upcoming_shown, timeout=WAIT_MS):
        window.views.setCurrentIndex(View.UPCOMING)
    view = window.upcoming_view
    rows = [view.proxy.index(r, UpcomingColumn.ACCOUNT).data()
            for r in range(view.proxy.rowCount())]
    meeting = view.proxy.index(rows.index("Acme Logistics"), UpcomingColumn.MEETING).data()
    assert meeting == shown

    window.views.setCurrentIndex(View.ACCOUNTS)
    with qtbot.waitSignal(window.plan_panel.loaded, timeout=WAIT_MS):
        window.open_account(acme, AccountTab.TIMELINE)
    assert window.plan_panel.meeting.text().startswith(
        f"QBR {day:%a %Y-%m-%d} 16:00–17:00 Europe/Berlin")

    window.show_account_tab(AccountTab.MEETING)
    qtbot.waitUntil(lambda: "QBR" in window.agenda_tab.heading.text(), timeout=WAIT_MS)
    assert f"Acme Logistics — QBR {shown} (planned)" == window.agenda_tab.heading.text()


def test_the_windows_account_header_agrees_with_the_other_views(
        qtbot: Any, open_window: Any, machine_in_los_angeles: None) -> None:
    window = open_window(seed=True)
    context = window.context
    acme = next(a.id for a in context.accounts.list_accounts() if a.name == "Acme Logistics")
    day = (datetime.now(UTC) + timedelta(days=10)).date()
    context.plans.schedule(acme, day, time(16), time_zone="Europe/Berlin")
    window.reload_accounts(acme)
    window.show_account(acme)
    assert f"next QBR {berlin_at_four(day)}" in window.page.form.summaryLabel.text()
