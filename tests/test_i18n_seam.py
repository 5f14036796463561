"""The pure layers' translation seam: messages rendered per language, catalogues found by folder."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from qbr_desktop import i18n
from qbr_desktop.i18n import msg, msg_in_context, msg_plural


def _compile(folder: Path, language: str, entries: dict[object, object]) -> None:
    book = Catalog(locale=language.replace("-", "_"), domain=i18n.DOMAIN)
    for key, text in entries.items():
        if isinstance(key, tuple) and len(key) == 2 and isinstance(text, str):
            book.add(key[1], text, context=key[0])
        else:
            book.add(key, text)
    target = folder / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    target.parent.mkdir(parents=True)
    data = BytesIO()
    write_mo(data, book)
    target.write_bytes(data.getvalue())


@pytest.fixture
def catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(i18n, "locale_folder", lambda: tmp_path)
    i18n.catalogue.cache_clear()
    yield tmp_path
    i18n.catalogue.cache_clear()
    i18n.set_interface_language(i18n.ENGLISH)


def test_a_message_renders_in_the_language_asked_for_and_falls_back_to_english(catalogues):
    _compile(catalogues, "zh_CN", {"No account is called {name}.": "没有名为 {name} 的客户。"})
    missing = msg("No account is called {name}.", name="Acme <&> 株式会社")

    assert missing.render(i18n.catalogue("zh_CN")) == "没有名为 Acme <&> 株式会社 的客户。"
    assert missing.render(i18n.catalogue("en")) == "No account is called Acme <&> 株式会社."
    assert msg("Not translated yet").render(i18n.catalogue("zh_CN")) == "Not translated yet"


def test_plural_context_and_nested_messages(catalogues):
    _compile(catalogues, "zh_CN", {
        ("{count} account", "{count} accounts"): ("{count} 个客户", "{count} 个客户"),
        ("task", "Open"): "未完成",
        "Saved: {what}": "已保存：{what}",
    })
    chinese = i18n.catalogue("zh_CN")

    assert msg_plural("{count} account", "{count} accounts", 1).render() == "1 account"
    assert msg_plural("{count} account", "{count} accounts", 3).render(chinese) == "3 个客户"
    assert msg_in_context("task", "Open").render(chinese) == "未完成"
    nested = msg("Saved: {what}", what=msg_in_context("task", "Open"))
    assert nested.render(chinese) == "已保存：未完成"


def test_the_interface_language_is_what_str_and_ui_text_show(catalogues):
    _compile(catalogues, "zh_CN", {"Saved": "已保存"})

    assert i18n.set_interface_language("zh-CN") == "zh_CN"
    assert str(msg("Saved")) == "已保存"
    assert i18n.ui_text(msg("Saved")) == "已保存"
    assert i18n.ui_text("typed by a person") == "typed by a person"


def test_languages_are_whatever_catalogues_are_shipped(catalogues):
    assert i18n.available_languages() == ("en",)
    assert i18n.normalise_language("zh_CN") == "en"
    _compile(catalogues, "zh_CN", {})
    _compile(catalogues, "fr", {})

    assert i18n.available_languages() == ("en", "fr", "zh_CN")
    assert i18n.normalise_language("zh_Hans_CN") == "zh_CN"
    assert i18n.normalise_language("zh-TW") == "en"
    assert i18n.normalise_language("fr_CA.UTF-8") == "fr"
    assert i18n.normalise_language(None) == "en"
