"""The language column of a CRM accounts export: which language the customer's files are
written in, read from codes and names in several scripts; an unknown value is its row's
problem, and a re-import keeps a language the CSM chose unless the file gives one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.i18n import english
from qbr_desktop.imports.account_language import customer_language
from qbr_desktop.imports.cells import ImportOptions
from qbr_desktop.imports.fields import ImportKind, guess_mapping
from qbr_desktop.imports.plan import Action
from qbr_desktop.imports.values import ValueProblem
from qbr_desktop.services.importing import ImportService

ACCOUNTS = ImportKind.ACCOUNTS


@pytest.mark.parametrize("value", ["zh", "zh-CN", "zh_CN", "ZH-cn", "zh-Hans", "Chinese",
                                   "Simplified Chinese", "中文", "简体中文", " 中文（简体） "])
def test_simplified_chinese_in_its_many_spellings(value: str) -> None:
    assert customer_language(value) == "zh_CN"


@pytest.mark.parametrize("value", ["en", "EN-us", "en_GB", "English", "english (UK)", "英语"])
def test_english_in_its_many_spellings(value: str) -> None:
    assert customer_language(value) == "en"


@pytest.mark.parametrize(("value", "words"), [
    ("Klingon", "“Klingon” is not a language customer files are written in"),
    ("fr-FR", "“fr-FR” is not a language customer files are written in"),
    ("繁體中文", "“繁體中文” is Traditional Chinese, which customer files are not written in"),
    ("zh-TW", "“zh-TW” is Traditional Chinese"),
])
def test_an_unknown_language_names_the_value_and_the_choices(value: str, words: str) -> None:
    with pytest.raises(ValueProblem) as raised:
        customer_language(value)
    assert str(raised.value).startswith(words)
    assert str(raised.value).endswith("use one of: English (en), 简体中文 (zh_CN)")


@pytest.mark.parametrize("header", ["Language", "Preferred language", "语言", "首选语言",
                                    "Sprache", "言語"])
def test_the_column_is_found_by_its_header(header: str) -> None:
    mapping = guess_mapping(ACCOUNTS, ["Account Name", "ARR", header])
    assert mapping["language"] == header


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def imported(service: ImportService, path: Path, *, apply: bool = True) -> Any:
    table = service.read(path)
    mapping = service.starting_mapping(ACCOUNTS, table).mapping
    step = service.apply if apply else service.preview
    return step(ACCOUNTS, table, mapping, ImportOptions())


def languages(context: Any) -> dict[str, str]:
    return {a.name: context.accounts.get(a.id).draft.language
            for a in context.accounts.list_accounts()}


def test_the_language_column_sets_each_account_s_language(context: Any,
                                                          tmp_path: Path) -> None:
    service = ImportService(context.store.sessions)
    crm = write(tmp_path / "crm.csv", "Account Name,ARR,Preferred language\n"
                                      "Acme,100,zh-CN\n"
                                      "Beta,200,English\n"
                                      "Gamma,300,简体中文\n"
                                      "Delta,400,Klingon\n"
                                      "Epsilon,500,\n")
    plan = imported(service, crm)
    assert english(plan.summary()) == "4 new, 0 updated, 1 rejected"
    rejected = [row for row in plan.rows if row.action is Action.REJECT]
    assert [(row.number, row.label) for row in rejected] == [(5, "Delta")]
    assert [p.describe() for p in rejected[0].problems] == [
        "Preferred language: “Klingon” is not a language customer files are written in; "
        "use one of: English (en), 简体中文 (zh_CN)"]
    assert languages(context) == {"Acme": "zh_CN", "Beta": "en", "Gamma": "zh_CN",
                                  "Epsilon": "en"}


def test_a_reimport_keeps_a_language_set_by_hand_unless_the_file_gives_one(
        context: Any, tmp_path: Path) -> None:
    service = ImportService(context.store.sessions)
    imported(service, write(tmp_path / "first.csv", "Account Name,ARR\nAcme,100\nBeta,200\n"))
    by_name = {a.name: a.id for a in context.accounts.list_accounts()}
    context.accounts.update(by_name["Acme"], {"language": "zh_CN"})  # the CSM's choice
    context.accounts.update(by_name["Beta"], {"language": "zh_CN"})

    again = imported(service, write(tmp_path / "again.csv", "Account Name,ARR\n"
                                                            "Acme,150\nBeta,250\n"))
    assert again.updated == 2 and languages(context) == {"Acme": "zh_CN", "Beta": "zh_CN"}

    given = imported(service, write(tmp_path / "given.csv", "Account Name,ARR,Language\n"
                                                            "Acme,150,\nBeta,250,en\n"))
    assert [row.changes for row in given.rows if row.action is Action.UPDATE] == [
        ("Language",)]
    assert languages(context) == {"Acme": "zh_CN", "Beta": "en"}
