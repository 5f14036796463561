"""Prep timeline › Export to calendar…: clicked, picked and saved as a CSM would; the file
is read back with icalendar and vobject (tests/calendar_support.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from calendar_support import both, read_icalendar
from modal_support import when_dialog_opens
from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.export_folder import export_folder
from qbr_desktop.gui.plans.calendar_export import FOLDER_SETTING
from qbr_desktop.gui.plans.plan_panel import PlanPanel
from qbr_desktop.services.plans import PlanService

NOW = datetime(2026, 9, 8, 9, 0, tzinfo=UTC)
MEETING = date(2026, 9, 24)  # a Thursday
NAME = "Ünïcode & Söhne 株式会社 / R&D"
WAIT_MS = 20000
# The button's menu is a popup; the offscreen platform says it cannot raise it or grab keys.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home without a Documents folder, and no folder remembered yet."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    QSettings().remove(FOLDER_SETTING)
    return folder


@pytest.fixture
def plans(context: Any) -> PlanService:
    return PlanService(context.store.sessions, clock=lambda: NOW)


@pytest.fixture
def panel(qtbot: Any, plans: PlanService, context: Any, home: Path) -> Iterator[PlanPanel]:
    account = context.accounts.create(AccountDraft(name=NAME, arr=Decimal("60000")))
    plans.schedule(account.id, MEETING, time(16), time_zone="Europe/Berlin")
    shown = PlanPanel(plans)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    assert QTest.qWaitForWindowActive(shown, 5000)
    with qtbot.waitSignal(shown.loaded, timeout=WAIT_MS):
        shown.show_account(account.id)
    yield shown
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def when_menu_opens(panel: PlanPanel, text: str) -> None:
    """Click the entry starting with `text` once the button's menu is up."""
    def step() -> None:
        menu = panel.calendar_button.menu()
        if menu is None or not menu.isVisible():
            QTimer.singleShot(10, step)
            return
        action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, step)


def export(qtbot: Any, panel: PlanPanel, choice: str,
           save: Callable[[QFileDialog], None]) -> Any:
    """Click Export to calendar…, pick `choice`, let `save` handle the save dialog, and
    wait for the file to be written; the CalendarExport."""
    when_menu_opens(panel, choice)
    problems = when_dialog_opens(panel, QFileDialog, save)
    with qtbot.waitSignal(panel.calendar_button.written, timeout=WAIT_MS,
                          raising=False) as written:
        qtbot.mouseClick(panel.calendar_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert written.signal_triggered, panel.calendar_button.status.text()
    return written.args[0]


def test_my_calendar_with_tasks_as_all_day_events(qtbot: Any, panel: PlanPanel,
                                                  plans: PlanService, home: Path) -> None:
    proposed: list[tuple[str, str]] = []

    def save(dialog: QFileDialog) -> None:
        proposed.append((dialog.directory().absolutePath(), dialog.selectedFiles()[0]))
        dialog.accept()

    result = export(qtbot, panel, "My calendar, tasks as all-day events", save)
    documents = home / "Documents"
    assert documents.is_dir()  # made, as a fresh account has none
    folder, chosen = proposed[0]
    assert Path(folder) == documents
    assert Path(chosen).name == "Ünïcode & Söhne 株式会社 R&D – QBR 2026-09-24.ics"
    assert result.path == Path(chosen) and result.path.is_file()
    plan = plans.next_plan(panel.account_id or 0)
    assert plan is not None
    items = [ours for ours, _theirs in both(result.path.read_bytes())]
    assert [i.kind for i in items] == ["VEVENT"] * (1 + len(plan.tasks))
    meeting = items[0]
    assert meeting.summary == f"QBR: {NAME}"
    assert isinstance(meeting.start, datetime)
    assert meeting.start.astimezone(UTC) == datetime(2026, 9, 24, 14, 0, tzinfo=UTC)
    assert {i.start for i in items[1:]} == {t.due for t in plan.tasks}
    status = panel.calendar_button.status
    assert status.isVisible()
    assert f"the meeting and {len(plan.tasks)} tasks as all-day events" in status.text()
    assert QSettings().value(FOLDER_SETTING) == str(documents)  # offered next time


def test_the_invitation_holds_the_meeting_only_in_the_folder_last_used(
        qtbot: Any, panel: PlanPanel, home: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "shared"
    chosen.mkdir()
    QSettings().setValue(FOLDER_SETTING, str(chosen))  # where the last export went
    opened: list[str] = []

    def save_as_invite(dialog: QFileDialog) -> None:
        opened.append(dialog.directory().absolutePath())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setFocus()
        QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(name, "invite")
        QTest.keyClick(name, Qt.Key.Key_Return)

    result = export(qtbot, panel, "Invitation for the attendees", save_as_invite)
    assert Path(opened[0]) == chosen
    assert result.path == chosen / "invite.ics"
    calendar = read_icalendar(result.path.read_bytes())
    events = [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]
    assert [c.name for c in events] == ["VEVENT"]
    text = str(events[0].get("DESCRIPTION", "")) + str(events[0].get("SUMMARY"))
    assert "playbook" not in text and "Growth" not in text  # nothing internal
    assert "the meeting only, for the attendees" in panel.calendar_button.status.text()
    result.path.unlink()
    chosen.rmdir()  # gone since: the next export opens in Documents again
    assert export_folder(FOLDER_SETTING) == home / "Documents"


def test_a_meeting_on_a_holiday_is_written_with_the_warning_shown(
        qtbot: Any, panel: PlanPanel, plans: PlanService) -> None:
    plans.set_holidays([MEETING])
    result = export(qtbot, panel, "My calendar, tasks as to-dos",
                    lambda dialog: dialog.accept())
    assert result.warnings == ("The meeting on Thursday 2026-09-24 falls on a holiday.",)
    kinds = [i.kind for i, _ in both(result.path.read_bytes())]
    assert kinds[0] == "VEVENT" and set(kinds[1:]) == {"VTODO"}
    assert "⚠ The meeting on Thursday 2026-09-24 falls on a holiday." in \
        panel.calendar_button.status.text()


def test_a_folder_that_cannot_be_written_is_said_and_the_button_comes_back(
        qtbot: Any, panel: PlanPanel, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file, not a folder")
    button, plan = panel.calendar_button, panel.plan
    assert plan is not None
    button.write(plan.review_id, blocked / "plan.ics", "me", "todo")
    assert not button.isEnabled() and button.status.text() == "Writing the calendar file…"
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)
    assert button.status.text().startswith("Not exported: ")
    assert button.status.property("class") == "fieldError"
