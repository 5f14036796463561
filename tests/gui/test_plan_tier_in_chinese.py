"""The prep tab names the account's tier in the window's language: in the plan's details
line and in the meeting dialog's "for this tier" playbook choice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from modal_support import when_dialog_opens
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.plans.plan_dialogs import MeetingDialog
from qbr_desktop.gui.plans.plan_panel import PlanPanel
from qbr_desktop.services.plans import PlanService
from tests.gui.test_chinese_window import in_chinese

__all__ = ["in_chinese"]
NOW = datetime(2026, 9, 8, 9, 0, tzinfo=UTC)


@pytest.fixture
def panel(qtbot: Any, context: Any) -> Iterator[tuple[PlanPanel, PlanService]]:
    plans = PlanService(context.store.sessions, clock=lambda: NOW)
    shown = PlanPanel(plans)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown, plans
    QThreadPool.globalInstance().waitForDone(10000)


def test_the_tier_reads_in_chinese_on_the_prep_tab(
        qtbot: Any, context: Any, in_chinese: None,
        panel: tuple[PlanPanel, PlanService]) -> None:
    shown, plans = panel
    account = context.accounts.create(AccountDraft(name="Acme <R&D>", arr=Decimal("60000")))
    plans.schedule(account.id, date(2026, 9, 24), time(10), time_zone="Asia/Shanghai")
    with qtbot.waitSignal(shown.loaded, timeout=10000):
        shown.show_account(account.id)
    assert shown.plan is not None and shown.plan.tier == "Growth"  # stored value unchanged
    # The playbook keeps its library name (the CSM's to rename); the tier is translated.
    assert shown.details.text() == "Acme <R&D> · 成长 · 行动手册 Growth · 已计划"
    offered: list[str] = []

    def drive(dialog: MeetingDialog) -> None:
        offered.append(dialog.playbook_box.itemText(0))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    problems = when_dialog_opens(shown, MeetingDialog, drive)
    qtbot.mouseClick(shown.schedule_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert offered == ["按此层级（成长）"]
