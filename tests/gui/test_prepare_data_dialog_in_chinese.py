"""Prepare QBR data in Simplified Chinese: what each dropped export holds, its kind and its
period columns read in Chinese, and still name the file's own accounts and metrics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qbr_desktop.gui.imports.prepare_dialog import PrepareDataDialog
from tests.gui.test_chinese_window import in_chinese  # noqa: F401 - the fixture
from tests.gui.test_prepare_data_dialog import PREP, drop, rows

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens-zh"


def test_what_each_export_holds_in_chinese(context: Any, qtbot: Any,
                                           in_chinese: None) -> None:  # noqa: F811
    dialog = PrepareDataDialog(context)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    drop(qtbot, dialog, PREP / "hubspot_contacts_fr.csv", PREP / "gainsight_usage_de.csv",
         PREP / "hubspot_companies.csv")
    table = rows(dialog)
    assert [(name, kind) for name, kind, _holds in table] == [
        ("hubspot_contacts_fr.csv", "联系人"), ("gainsight_usage_de.csv", "使用情况"),
        ("hubspot_companies.csv", "客户")]
    assert table[0][2] == "2 个客户的 4 位联系人（新增 4 个、更新 0 个）"
    usage = table[1][2]
    assert usage.startswith("5 个客户的使用情况：活跃用户，授权席位，"), usage
    assert ("2025年第1季度至2026年第3季度（7 个季度）（21 个月度列，2025-01 至 2026-09）；"
            "数值新增 280 个、更新 0 个，拒绝 16 行。文件中有 2 个客户") in usage, usage
    assert table[2][2].startswith("6 个客户（新增 6 个、更新 0 个）：年度经常性收入（ARR），")
    for english_word in ("accounts", "contacts", "new", "updated", "monthly", "quarters", " to "):
        assert all(english_word not in holds for _n, _k, holds in table), english_word

    SCREENS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENS / "prepare-data-dialog.png"))
