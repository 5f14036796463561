"""The import dialog in Simplified Chinese: the field labels, the row outcomes, the summary and
a bad cell's problem are all in Chinese, and the problem still quotes the file's value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from qbr_desktop.gui.imports import ImportDialog
from qbr_desktop.gui.imports.preview_model import PROBLEMS_ROLE, RESULT_COLUMN
from qbr_desktop.imports.fields import ImportKind
from tests.gui.conftest import seed_portfolio
from tests.gui.test_chinese_window import in_chinese  # noqa: F401 - the fixture

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens-zh"


def dialog_choosing(context: Any, qtbot: Any, monkeypatch: Any,
                    chosen: list[Path]) -> ImportDialog:
    """A shown import dialog whose file picker answers `chosen[0]` (change it between picks)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args, **_kwargs: (str(chosen[0]), ""))
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot: Any, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def test_a_bad_cell_is_explained_in_chinese(context: Any, qtbot: Any, tmp_path: Path,
                                            monkeypatch: Any, in_chinese: None) -> None:  # noqa: F811
    crm = tmp_path / "crm.csv"
    crm.write_text("Account Name,ARR,Preferred Language\n"
                   "Acme 物流,12000,English\n"
                   "Beta <&>,lots,简体中文\n"
                   "Acme 物流,13000,English\n", encoding="utf-8")
    dialog = dialog_choosing(context, qtbot, monkeypatch, [crm])
    choose(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)

    labels = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)
              if label.buddy() is not None}
    assert labels[dialog.combos["name"]] == "客户名称："
    assert labels[dialog.combos["language"]] == "语言："
    assert "CSV，UTF-8，逗号分隔，表头下方 3 行" in dialog.status.text()
    assert dialog.summary.text().startswith("新增 1 行，更新 0 行，拒绝 2 行。")
    model = dialog.preview_model
    assert model.index(0, RESULT_COLUMN).data() == "新增"
    assert model.index(1, RESULT_COLUMN).data() == "已拒绝"
    arr = next(c for c in range(model.columnCount())
               if model.headerData(c, Qt.Orientation.Horizontal) == "ARR")
    assert model.index(1, arr).data(Qt.ItemDataRole.ToolTipRole) == "“lots”不是金额"
    assert model.index(1, arr).data(PROBLEMS_ROLE) == ["“lots”不是金额"]
    assert model.index(1, RESULT_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == \
        "ARR：“lots”不是金额"
    assert model.index(2, RESULT_COLUMN).data(PROBLEMS_ROLE) == [
        "与第 2 行是同一客户；每个客户只导入第一行"]

    SCREENS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENS / "import-dialog.png"))


def test_an_unreadable_file_and_a_guessed_encoding_in_chinese(
        context: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any,
        in_chinese: None) -> None:  # noqa: F811
    binary = tmp_path / "export.csv"
    binary.write_bytes(b"Account Name,ARR\n\x00\x01\x02\x00rest\n")
    legacy = tmp_path / "crm.csv"
    legacy.write_bytes(b"Account Name,ARR\nAcme,1\nCaf\xe9 Nu\xf1ez,3\n")
    chosen = [binary]
    dialog = dialog_choosing(context, qtbot, monkeypatch, chosen)
    choose(qtbot, dialog)
    assert dialog.status.text() == ("export.csv 第 2 行含有二进制数据（NUL 字节），无法读取此文件；"
                                    "请重新将数据导出为 CSV 或 XLSX")
    assert not dialog.import_button.isEnabled()

    chosen[0] = legacy
    choose(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    status = dialog.status.text()
    assert "crm.csv 不是 UTF-8 编码；根据少量字符推测按 Windows-1252 读取：" \
           "请检查第 3 行的文字是否正确" in status, status
    assert "not UTF-8" not in status and "not UTF-8" not in dialog.summary.toolTip()
    assert "根据少量字符推测" in dialog.summary.toolTip()
    SCREENS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENS / "import-dialog-encoding.png"))


def test_a_monthly_usage_file_in_chinese_counts_each_rows_values_and_names_its_periods(
        context: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any,
        in_chinese: None) -> None:  # noqa: F811
    usage = tmp_path / "使用情况.csv"
    usage.write_text("Account,Active users 2026-04,Active users 2026-05,Logins 2026-04,"
                     "Logins 2026-05\nAcme Logistics,60,66,300,310\nBluefin Health,10,12,30,40\n",
                     encoding="utf-8")
    seed_portfolio(context)
    dialog = dialog_choosing(context, qtbot, monkeypatch, [usage])
    dialog.set_kind(ImportKind.METRICS)
    choose(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)

    summary = dialog.summary.text()
    assert "时间段：4 个月度列，2026-04 至 2026-05。" in summary, summary
    model = dialog.preview_model
    # Acme's active users are stored for 2026 Q2 (60): May's 66 updates them; logins are new.
    assert model.index(0, RESULT_COLUMN).data() == "更新：2026Q2：新增 1 个，更新 1 个"
    assert model.index(1, RESULT_COLUMN).data() == "新增：2026Q2：新增 2 个"
    notes = dialog.summary.toolTip()
    assert "已将月度数据汇总为季度。活跃用户：最后一个月的数值；登录次数：各月之和。" \
        in notes, notes
    assert "2026年第2季度：文件只有该季度 3 个月中的 2 个月（4月，5月）" in notes, notes
    for english_word in ("new", "updated", "monthly", "Months were", "rolled up"):
        assert english_word not in summary + notes + model.index(0, RESULT_COLUMN).data()

    SCREENS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENS / "import-dialog-usage.png"))


def test_an_unnamed_column_is_offered_in_chinese_and_chosen_by_its_key(
        context: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any,
        in_chinese: None) -> None:  # noqa: F811
    crm = tmp_path / "crm.csv"
    crm.write_text("Account Name,ARR,\nAcme 物流,12000,VIP\n", encoding="utf-8")
    dialog = dialog_choosing(context, qtbot, monkeypatch, [crm])
    choose(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    notes = dialog.combos["notes"]
    offered = {notes.itemText(i): notes.itemData(i) for i in range(notes.count())}
    assert offered["第 C 列"] == "Column C"  # shown in Chinese, kept by its key
    assert "Column C" not in offered
    assert notes.itemText(notes.count() - 1) == "第 C 列"
    notes.setFocus()
    qtbot.keyClick(notes, Qt.Key.Key_End)  # the last column, by the keyboard
    qtbot.waitUntil(lambda: dialog.plan is not None
                    and dialog.plan.mapping.get("notes") == "Column C", timeout=10_000)
    model = dialog.preview_model
    shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "第 C 列" in shown and "Column C" not in shown, shown
