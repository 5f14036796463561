"""Typing an industry's Chinese name into the account list's and the portfolio overview's
filter finds the accounts stored with its English name, in a Chinese window; the overview's
health cells name their band in Chinese."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from qbr_desktop.gui.tabs import View
from tests.gui.test_chinese_window import SCREENS, in_chinese  # noqa: F401 - a fixture
from tests.gui.test_pseudo_locale import demo_window


def commit(line: QLineEdit, text: str) -> None:
    """Type `text` as an input method commits Chinese (QTest types ASCII only)."""
    line.clear()
    line.setFocus()
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(line, typed)
    assert line.text() == text


def test_typing_a_chinese_industry_filters_the_account_list_and_the_overview(
        qtbot: Any, tmp_path: Path, monkeypatch: Any, in_chinese: None) -> None:  # noqa: F811
    from qbr_desktop.gui.insights.portfolio_model import PortfolioColumn
    from qbr_desktop.gui.insights.portfolio_view import PortfolioView

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with demo_window(qtbot, tmp_path) as (window, account_id):
        window.context.accounts.update(account_id, {"industry": "Retail"})
        window.reload_accounts(account_id)
        panel = window.list_panel
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
        stored = {panel.model.account_at(r).name: panel.model.account_at(r).industry
                  for r in range(panel.model.rowCount())}
        retail = {name for name, industry in stored.items() if industry == "Retail"}
        assert retail and len(retail) < len(stored)
        for typed in ("零售", "Retail"):  # the shown name and the stored one
            commit(panel.filter_edit, typed)
            qtbot.waitUntil(lambda: panel.proxy.rowCount() == len(retail))
            assert {panel.proxy.index(r, 0).data()
                    for r in range(panel.proxy.rowCount())} == retail
        commit(panel.filter_edit, "零售")
        SCREENS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SCREENS / "accounts-filtered-by-industry.png"))

        window.views.setCurrentIndex(View.PORTFOLIO)
        overview = window.views.currentWidget().findChild(PortfolioView)
        overview.refresh()
        qtbot.waitUntil(lambda: overview.overview is not None
                        and not overview.overview.pending, timeout=20000)
        for typed in ("零售", "Retail"):
            commit(overview.filter_edit, typed)
            qtbot.waitUntil(lambda: overview.model.rowCount() == len(retail))
            assert {overview.model.row_at(r).name
                    for r in range(overview.model.rowCount())} == retail
        commit(overview.filter_edit, "零售")
        qtbot.wait(50)
        assert window.grab().save(str(SCREENS / "portfolio-filtered-by-industry.png"))
        # The health cell names its band in Chinese too (stored as "green", "yellow", "red").
        health = {overview.model.index(r, PortfolioColumn.HEALTH).data()
                  for r in range(overview.model.rowCount())}
        assert all(re.fullmatch(r"\d+ (绿色|黄色|红色)", text) for text in health), health
