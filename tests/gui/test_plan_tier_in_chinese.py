"""The prep tab names the account's tier in the window's language: in the plan's details
line and in the meeting dialog's "for this tier" playbook choice; the shipped playbooks (named
for their tiers) are named so too, a CSM's own playbook as typed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from modal_support import when_dialog_opens
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from qbr_desktop.assets import resource
from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.plans.plan_dialogs import MeetingDialog
from qbr_desktop.gui.plans.plan_panel import PlanPanel
from qbr_desktop.services.plans import PlanService
from qbr_desktop.services.playbook_library import BUILT_IN_NAMES, PlaybookLibrary, load_built_in
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
    # The shipped playbook is named for its tier, and translated as the tier is.
    assert shown.details.text() == "Acme <R&D> · 成长 · 行动手册 成长 · 已计划"
    offered: list[str] = []

    def drive(dialog: MeetingDialog) -> None:
        offered.append(dialog.playbook_box.itemText(0))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    problems = when_dialog_opens(shown, MeetingDialog, drive)
    qtbot.mouseClick(shown.schedule_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert offered == ["按此层级（成长）"]


OWN_PLAYBOOK = "Acme's own <R&D> 计划"


def test_shipped_playbooks_are_named_in_chinese_and_a_csms_own_as_typed(
        qtbot: Any, context: Any, in_chinese: None, tmp_path: Path) -> None:
    assert tuple(p.name for p in load_built_in()) == BUILT_IN_NAMES
    folder = tmp_path / "playbooks"
    folder.mkdir()
    growth = next(p for p in load_built_in() if p.name == "Growth").source
    text = (resource("playbooks") / growth).read_text(encoding="utf-8")
    (folder / "own.toml").write_text(text.replace('name = "Growth"', 'name = "Acme\'s own '
                                                  '<R&D> 计划"'), encoding="utf-8")
    plans = PlanService(context.store.sessions, PlaybookLibrary.load(folder), clock=lambda: NOW)
    shown = PlanPanel(plans)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    account = context.accounts.create(AccountDraft(name="Beta 贝塔", arr=Decimal("60000")))
    with qtbot.waitSignal(shown.loaded, timeout=10000):
        shown.show_account(account.id)
    offered: list[tuple[str, object]] = []

    def drive(dialog: MeetingDialog) -> None:
        box = dialog.playbook_box
        offered.extend((box.itemText(i), box.itemData(i)) for i in range(box.count()))
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_End)  # the CSM's own playbook, listed last
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    problems = when_dialog_opens(shown, MeetingDialog, drive)
    qtbot.mouseClick(shown.empty_schedule_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert offered == [("按此层级", None), ("战略", "Strategic"), ("成长", "Growth"),
                       ("核心", "Core"), (OWN_PLAYBOOK, OWN_PLAYBOOK)]
    qtbot.waitUntil(lambda: shown.plan is not None, timeout=10000)
    assert shown.plan is not None and shown.plan.playbook == OWN_PLAYBOOK  # stored as typed
    assert shown.details.text() == f"Beta 贝塔 · 成长 · 行动手册 {OWN_PLAYBOOK} · 已计划"
    QThreadPool.globalInstance().waitForDone(10000)
