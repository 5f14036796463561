"""The deck plan's problems and a refused save's question, in the window's language (Chinese
here): the CSM types a bad accent colour and reads why it was not saved; a colleague's newer
change is named with its field, its row and its local time and zone."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from typing_support import type_text

from qbr_desktop.i18n import english, msg
from qbr_desktop.services.edit_checks import RowEdit, shown_time
from qbr_desktop.store.errors import EditConflictError
from tests.gui.test_chinese_window import in_chinese

__all__ = ["in_chinese"]


def test_a_bad_accent_typed_on_the_deck_tab_is_explained_in_chinese(
        qtbot: Any, context: Any, in_chinese: None) -> None:
    from decimal import Decimal

    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.gui.deck.deck_tab import DeckTab

    account = context.accounts.create(AccountDraft(name="Acme <R&D> 株式会社",
                                                   arr=Decimal("120000")))
    tab = DeckTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_account(account.id)
    qtbot.waitUntil(lambda: tab.content is not None, timeout=20000)
    tab.accent_edit.setFocus()
    type_text(tab.accent_edit, "蓝色 <&>")
    QTest.keyClick(tab.accent_edit, Qt.Key.Key_Return)
    tab.flush()
    shown = tab.message.text()
    assert "“蓝色 <&>”不是颜色（格式如 #1F6FEB）" in shown
    assert "colour" not in shown
    assert context.decks.plan(account.id).accent == ""  # nothing was saved


def conflict(monkeypatch: Any) -> EditConflictError:
    """What a task's refused save raises: the field within its row, Sam, and the moment."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    import time
    time.tzset()
    edit = RowEdit(None, "prep_task", 1, row_by="Sam Rivera", row_at=None,  # type: ignore[arg-type]
                   labels={"due": "due date"},
                   subject=msg("the task “{title}”", title="Send the <deck> & agenda"))
    at = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)
    return EditConflictError(edit.label("due"), "Sam Rivera", shown_time(at), None)


def test_the_reload_or_keep_mine_question_reads_in_chinese(
        qtbot: Any, in_chinese: None, monkeypatch: Any) -> None:
    from qbr_desktop.gui.edit_conflicts import ask_keep_mine

    refused = conflict(monkeypatch)
    said: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        next(b for b in box.findChildren(QPushButton) if b.text() == "保留我的版本").click()

    QTimer.singleShot(100, click)
    try:
        kept = ask_keep_mine(None, refused)
    finally:
        monkeypatch.delenv("TZ")
        import time
        time.tzset()
    assert kept
    assert said == ["Sam Rivera 在你打开后于 2026年12月2日 22:05 CST 修改了任务“Send the <deck> & "
                    "agenda”的截止日期；你的更改未保存。重新加载可查看对方的更改，或保留你的更改以替换它。"]
    # The log keeps English.
    assert english(refused.message).startswith(
        "Sam Rivera changed the due date of the task “Send the <deck> & agenda” at "
        "2 Dec 2026 22:05 CST, after you opened it;")
