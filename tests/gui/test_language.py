"""The window's language: resolved from the setting or the system, Qt's own catalogue
installed with ours, and the setting changed from Edit › Language…"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qbr_desktop.gui.language_dialog import LanguageDialog
from qbr_desktop.gui.translation import (
    LANGUAGE_SETTING,
    SYSTEM_DEFAULT,
    apply_language,
    choose_language,
    chosen_language,
    resolve_language,
    window_languages,
)
from qbr_desktop.i18n import CHINESE, ENGLISH, interface_language


@pytest.fixture
def in_english_afterwards(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    yield
    apply_language(qapp, ENGLISH)
    QLocale.setDefault(locale)


def test_the_shipped_languages_are_english_and_simplified_chinese() -> None:
    assert window_languages()[:1] == (ENGLISH,)
    assert CHINESE in window_languages()


@pytest.mark.parametrize(("choice", "system", "expected"), [
    ("en", "zh_CN", ENGLISH),
    ("zh_CN", "en_GB", CHINESE),
    (SYSTEM_DEFAULT, "zh_CN", CHINESE),
    (SYSTEM_DEFAULT, "zh_Hans_SG", CHINESE),
    (SYSTEM_DEFAULT, "zh-CN", CHINESE),
    (SYSTEM_DEFAULT, "zh_TW", ENGLISH),  # Traditional is not shipped; Simplified is no substitute
    (SYSTEM_DEFAULT, "de_DE", ENGLISH),
    (SYSTEM_DEFAULT, "en_US", ENGLISH),
])
def test_the_language_follows_the_setting_else_the_system(choice: str, system: str,
                                                          expected: str) -> None:
    assert resolve_language(choice, system) == expected


def test_chinese_installs_our_catalogue_qts_own_and_the_locale(
        qapp: QApplication, in_english_afterwards: None) -> None:
    assert apply_language(qapp, CHINESE) == CHINESE
    assert interface_language() in (CHINESE, ENGLISH)  # the pure layers' own catalogue
    assert QCoreApplication.translate("window_dialogs", "Language") == "语言"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase_zh_CN
    assert QLocale().name() == "zh_CN"
    apply_language(qapp, ENGLISH)
    assert QCoreApplication.translate("window_dialogs", "Language") == "Language"


def test_the_dialog_remembers_the_choice_for_the_next_start(qtbot, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = LanguageDialog(settings)
    qtbot.addWidget(dialog)
    names = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert names[1:] == ["English", "简体中文"]
    assert dialog.combo.currentData() == SYSTEM_DEFAULT
    dialog.combo.setCurrentIndex(dialog.combo.findText("简体中文"))
    dialog.accept()
    assert dialog.changed
    assert chosen_language(settings) == CHINESE
    assert settings.value(LANGUAGE_SETTING) == CHINESE
    choose_language(SYSTEM_DEFAULT, settings)
    assert chosen_language(settings) == SYSTEM_DEFAULT


def test_the_window_says_the_language_applies_at_the_next_start(open_window, qtbot) -> None:
    window = open_window()
    told: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LanguageDialog):
            dialog.combo.setCurrentIndex(dialog.combo.findData(CHINESE))
            dialog.accept()
            QTimer.singleShot(50, answer)
        elif isinstance(dialog, QMessageBox):
            told.append(dialog.text())
            dialog.accept()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    window.language_action.trigger()
    assert told and "简体中文" in told[0] and "next time" in told[0]
    assert chosen_language(window.settings) == CHINESE
