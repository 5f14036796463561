"""An account's customer language, chosen in the account form and stored."""

from __future__ import annotations

from PySide6.QtCore import Qt

from qbr_desktop.i18n import LANGUAGE_NAMES


def test_the_form_lists_the_shipped_languages_and_stores_the_one_picked(
        open_window, qtbot) -> None:
    window = open_window(seed=True)
    combo = window.page.form.languageEdit
    assert [combo.itemText(i) for i in range(combo.count())] == ["English", "简体中文"]
    assert combo.currentData() == "en"
    account_id = window.page.account.id

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)

    assert window.context.accounts.get(account_id).draft.language == "zh_CN"
    assert combo.currentText() == LANGUAGE_NAMES["zh_CN"]
