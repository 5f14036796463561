"""The CLI speaks the window's language: the language saved in the window's settings, else
QBR_LANGUAGE, else the locale; `--json` stays English whatever the language."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_support import open_portfolio
from insights_support import SmallPortfolio, build_small_portfolio

from qbr_desktop import i18n
from qbr_desktop.cli.language import requested_language, saved_language, settings_file

Runner = Callable[..., Any]


@pytest.fixture
def small_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "small" / "portfolio.sqlite"
    path.parent.mkdir()
    context = open_portfolio(path)
    try:
        small: SmallPortfolio = build_small_portfolio(context)
        assert small.acme
    finally:
        context.close()
    yield path
    i18n.set_interface_language(i18n.ENGLISH)


def save_window_language(environment: dict[str, str], language: str) -> None:
    """What QSettings writes on Linux when the window's language is chosen."""
    file = settings_file(environment)
    assert file is not None
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"[interface]\nlanguage={language}\n", encoding="utf-8")


def test_the_saved_setting_comes_before_the_variables(tmp_path: Path) -> None:
    environment = {"XDG_CONFIG_HOME": str(tmp_path), "QBR_LANGUAGE": "en",
                   "LANG": "en_GB.UTF-8"}
    assert requested_language(environment) == "en"
    save_window_language(environment, "zh_CN")
    assert saved_language(environment) == "zh_CN"
    assert requested_language(environment) == "zh_CN"
    save_window_language(environment, "")  # "follow the system"
    assert requested_language(environment) == "en"


def test_the_locale_variables_in_posix_order(tmp_path: Path) -> None:
    base = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert requested_language({**base, "LANG": "zh_CN.UTF-8"}) == "zh_CN.UTF-8"
    assert requested_language({**base, "LANG": "zh_CN.UTF-8", "LC_ALL": "C"}) == "C"
    assert requested_language({**base, "LANG": "en_US", "LC_MESSAGES": "zh_CN"}) == "zh_CN"
    assert i18n.normalise_language(requested_language(base)) == i18n.ENGLISH


def test_health_in_chinese_from_the_window_setting_and_json_stays_english(
        qbr: Runner, small_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    save_window_language({"XDG_CONFIG_HOME": str(tmp_path / "config")}, "zh_CN")
    text = qbr("--db", small_db, "health", "Acme Logistics")
    assert text.code == 0, text.err
    lines = text.out.splitlines()
    assert "健康评分" in lines[1] and "数据完整度" in lines[1], lines[1]
    assert any("用户覆盖率上升了 5 分（从 90 到 95）。" in line for line in lines), lines
    data = json.loads(qbr("--db", small_db, "health", "Acme Logistics", "--json").out)
    assert data["summary"].startswith("Health ")
    assert "User coverage rose 5 points (from 90 to 95)." in [
        m["sentence"] for m in data["movers"]]


def test_qbr_language_picks_chinese_when_nothing_is_saved(
        qbr: Runner, small_db: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    text = qbr("--db", small_db, "health", "Acme Logistics")
    assert text.code == 0, text.err
    assert "健康评分" in text.out.splitlines()[1]


def test_the_cli_own_headings_and_summaries_in_chinese_and_json_unchanged(
        qbr: Runner, small_db: Path, monkeypatch: Any) -> None:
    english_json = qbr("--db", small_db, "portfolio", "--json").out
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    health = qbr("--db", small_db, "health", "Acme Logistics").out.splitlines()
    assert health[-1].startswith("趋势：2025Q1 "), health[-1]
    portfolio = qbr("--db", small_db, "portfolio")
    assert portfolio.code == 0, portfolio.err
    assert portfolio.out.splitlines()[-1] == "4 个客户；2 个有风险，1 个可扩展"
    assert "\t健康评分 " in portfolio.out and "\t续约 " in portfolio.out
    assert qbr("--db", small_db, "accounts", "list").out.splitlines()[-1] == "4 个客户"
    assert qbr("--db", small_db, "portfolio", "--json").out == english_json
    missing = qbr("--db", small_db, "export", "deck", "--out", str(small_db.parent / "d.pptx"))
    assert missing.code == 1
    assert missing.err == "qbr: 请指定客户（或使用 --all-upcoming 并给出文件夹）\n"


def test_table_columns_count_terminal_columns_not_characters() -> None:
    from qbr_desktop.cli.output import padded, width

    assert width("健康评分") == 8 and width("Müller") == 6 and width("e\u0301") == 1
    assert padded("健康评分", 10) == "健康评分  " and padded("Usage", 10) == "Usage     "
    assert padded("a very long label", 4) == "a very long label"


def test_argparse_speaks_english_again_once_the_command_is_parsed(
        monkeypatch: Any, capsys: Any) -> None:
    import argparse

    from qbr_desktop.cli import main

    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    assert main(["accounts", "--help"]) == 0
    assert capsys.readouterr().out.startswith("用法：qbr accounts")
    assert argparse.ArgumentParser(prog="other").format_usage() == "usage: other [-h]\n"
    i18n.set_interface_language(i18n.ENGLISH)


def test_an_import_in_chinese_explains_the_bad_cell_and_json_stays_english(
        qbr: Runner, small_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    crm = tmp_path / "crm.csv"
    crm.write_text("Account Name,ARR\nAcme 物流,12000\nBeta <&>,lots\n", encoding="utf-8")
    english_json = qbr("--db", small_db, "import", "accounts", crm, "--json").out
    assert "“lots” is not an amount of money" in english_json
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    text = qbr("--db", small_db, "import", "accounts", crm)
    assert text.code == 0, text.err
    lines = text.out.splitlines()
    assert lines[0] == "crm.csv：CSV，UTF-8，逗号分隔，表头下方 2 行"
    assert "  arr                  年度经常性收入（ARR）  ← ARR" in lines
    assert "第 3 行    已拒绝  Beta <&>" in lines
    assert "           ARR：“lots”不是金额" in lines
    assert lines[-1] == ("试运行：新增 1 行，更新 0 行，拒绝 1 行。"
                         "未保存任何内容；加上 --apply 即可导入。")
    assert qbr("--db", small_db, "import", "accounts", crm, "--json").out == english_json


def test_a_plan_in_chinese_names_phases_owners_and_weekdays(
        qbr: Runner, small_db: Path, monkeypatch: Any) -> None:
    planned = qbr("--db", small_db, "schedule", "Acme Logistics", "--date", "2027-01-27")
    assert planned.code == 0, planned.err
    english_json = qbr("--db", small_db, "plan", "Acme Logistics", "--json").out
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    plan = qbr("--db", small_db, "plan", "Acme Logistics")
    assert plan.code == 0, plan.err
    tasks = [line for line in plan.out.splitlines() if line.startswith("[")]
    assert tasks and all(line[4] == "周" for line in tasks), tasks
    assert any("  数据收集  " in line for line in tasks), tasks
    assert any(" CSM " in line for line in tasks), tasks
    assert "提前 3 天以上完成准备：" in plan.out
    assert "data gathering" not in plan.out and "Preparation complete" not in plan.out
    assert qbr("--db", small_db, "plan", "Acme Logistics", "--json").out == english_json


def test_an_unreadable_file_and_a_guessed_encoding_in_chinese(
        qbr: Runner, small_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    binary = tmp_path / "export.csv"
    binary.write_bytes(b"Account Name,ARR\n\x00\x01\x02\x00rest\n")
    legacy = tmp_path / "crm.csv"
    legacy.write_bytes(b"Account Name,ARR\nAcme,1\nCaf\xe9 Nu\xf1ez,3\n")
    english_json = qbr("--db", small_db, "import", "accounts", legacy, "--json").out
    assert "crm.csv is not UTF-8; it was read as Windows-1252" in english_json
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    refused = qbr("--db", small_db, "import", "accounts", binary)
    assert refused.code == 1
    assert refused.err == ("qbr: export.csv 第 2 行含有二进制数据（NUL 字节），无法读取此文件；"
                           "请重新将数据导出为 CSV 或 XLSX\n")
    guessed = qbr("--db", small_db, "import", "accounts", legacy)
    assert guessed.code == 0, guessed.err
    assert "crm.csv 不是 UTF-8 编码；根据少量字符推测按 Windows-1252 读取：" \
           "请检查第 3 行的文字是否正确" in guessed.out
    assert "is not UTF-8" not in guessed.out
    assert qbr("--db", small_db, "import", "accounts", legacy, "--json").out == english_json
