"""The window in Simplified Chinese at 1366 × 768: every view and tab of the demo portfolio
saved as PNG to test-artifacts/screens-zh/ for a person to look at (clipped labels, boxes
for missing glyphs, English left among Chinese), with the window held to the screen's size
on each, and Qt's own buttons in Chinese too."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from qbr_desktop.gui.translation import apply_language
from qbr_desktop.i18n import CHINESE, ENGLISH
from tests.gui.test_pseudo_locale import demo_window, screens

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens-zh"
WIDTH, HEIGHT = 1366, 768


@pytest.fixture
def in_chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    apply_language(qapp, CHINESE)
    yield
    apply_language(qapp, ENGLISH)
    QLocale.setDefault(locale)


def test_every_tab_in_chinese_at_1366_by_768(qtbot: Any, tmp_path: Path, monkeypatch: Any,
                                               in_chinese: None,
                                               styled_like_the_app: None) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    shutil.rmtree(SCREENS, ignore_errors=True)
    SCREENS.mkdir(parents=True)
    shots = []
    with demo_window(qtbot, tmp_path) as (window, account_id):
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        for screen in screens(window, account_id):
            qtbot.wait(100)
            assert (window.width(), window.height()) == (WIDTH, HEIGHT), screen
            file = SCREENS / f"{len(shots) + 1:02d}-{screen.replace(' ', '-')}.png"
            assert window.grab().save(str(file)), file
            shots.append(file)
    assert len(shots) >= 3 + 7


def test_qts_own_buttons_are_in_chinese(qtbot: Any, in_chinese: None) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    texts = {button.text() for button in buttons.buttons()}
    assert "取消" in texts


def test_tiers_read_in_chinese_and_typing_a_chinese_tier_filters_the_list(
        qtbot: Any, tmp_path: Path, monkeypatch: Any, in_chinese: None) -> None:
    from qbr_desktop.gui.accounts.table_model import AccountColumn
    from qbr_desktop.gui.tabs import AccountTab

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with demo_window(qtbot, tmp_path) as (window, account_id):
        panel = window.list_panel
        model = panel.model
        stored = {model.account_at(r).name: model.account_at(r).tier
                  for r in range(model.rowCount())}
        shown = {model.account_at(r).name: model.index(r, AccountColumn.TIER).data()
                 for r in range(model.rowCount())}
        names = {"Strategic": "战略", "Growth": "成长", "Core": "核心"}
        assert set(stored.values()) == set(names)  # stored values stay English
        assert shown == {name: names[tier] for name, tier in stored.items()}
        panel.filter_edit.setFocus()
        # Chinese arrives from an input method as committed text, not as key presses.
        typed = QInputMethodEvent()
        typed.setCommitString("战略")
        QApplication.sendEvent(panel.filter_edit, typed)
        assert panel.filter_edit.text() == "战略"
        strategic = {name for name, tier in stored.items() if tier == "Strategic"}
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == len(strategic))
        assert {panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())} \
            == strategic
        panel.filter_edit.clear()
        qtbot.keyClicks(panel.filter_edit, "Strategic")  # the stored name still finds it
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == len(strategic))
        window.open_account(account_id, AccountTab.DETAILS)
        combo = window.page.form.tierOverrideEdit
        assert [combo.itemText(i) for i in range(1, combo.count())] == ["战略", "成长", "核心"]
        assert [combo.itemData(i) for i in range(1, combo.count())] == [
            "Strategic", "Growth", "Core"]
        summary = window.page.form.summaryLabel.text()
        assert summary.split(" · ")[0] in names.values()


def test_industries_are_offered_in_chinese_and_stored_in_english(
        qtbot: Any, tmp_path: Path, monkeypatch: Any, in_chinese: None) -> None:
    from PySide6.QtCore import Qt

    from qbr_desktop.gui.tabs import AccountTab

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with demo_window(qtbot, tmp_path) as (window, account_id):
        window.open_account(account_id, AccountTab.DETAILS)
        combo = window.page.form.industryEdit
        offered = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
        assert offered["Retail"] == "零售" and offered["Financial Services"] == "金融服务"
        stored = window.context.accounts.get(account_id).draft.industry
        assert combo.currentText() == offered[stored]  # the demo's industry, in Chinese
        line = combo.lineEdit()
        line.setFocus()
        for text, kept in (("零售", "Retail"), ("造船业", "造船业")):  # the second is not listed
            line.selectAll()
            typed = QInputMethodEvent()  # as an input method commits Chinese
            typed.setCommitString(text)
            QApplication.sendEvent(line, typed)
            qtbot.keyClick(line, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda kept=kept: window.context.accounts.get(
                account_id).draft.industry == kept)
