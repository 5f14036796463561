"""The default investment a new ROI model starts from is labelled in the account's
language (the model is the customer's, like its value story); a CSM's rename is kept."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.roi.roi_panel import RoiPanel
from qbr_desktop.i18n import CHINESE, ENGLISH
from tests.gui.test_chinese_window import SCREENS, in_chinese  # noqa: F401 - a fixture

WAIT_MS = 10000


@pytest.fixture
def shown(qtbot: Any, context: Any,
          in_chinese: None) -> Iterator[Any]:  # noqa: F811
    panel = RoiPanel(context.roi)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    qtbot.waitExposed(panel)

    def show(language: str) -> RoiPanel:
        account = context.accounts.create(AccountDraft(
            name=f"客户 {language}", arr=Decimal("120000"), language=language))
        with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
            panel.show_account(account.id)
        return panel

    yield show
    panel.charts.timer.stop()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def labels(panel: RoiPanel) -> list[str]:
    return [row.label.editor.text() for row in panel.investments.rows]  # type: ignore[attr-defined]


def test_a_chinese_accounts_new_model_starts_from_a_chinese_subscription(
        qtbot: Any, context: Any, shown: Any) -> None:
    panel = shown(CHINESE)
    assert labels(panel) == ["订阅"]
    panel.page_scroll.ensureWidgetVisible(panel.investments.rows[0].label.editor, 0, 60)  # type: ignore[attr-defined]
    qtbot.wait(50)
    SCREENS.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(SCREENS / "roi-subscription.png"))  # for a person to look at
    # Renamed by the CSM and saved: kept as typed, in whatever language.
    editor = panel.investments.rows[0].label.editor  # type: ignore[attr-defined]
    editor.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, "Platform licence")
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.dirty, timeout=WAIT_MS)
    assert panel.account_id is not None
    report = context.roi.report(panel.account_id)
    assert [item.label for item in report.model.investments] == ["Platform licence"]


def test_an_english_accounts_model_keeps_the_english_word_in_a_chinese_window(
        shown: Any) -> None:
    assert labels(shown(ENGLISH)) == ["Subscription"]
