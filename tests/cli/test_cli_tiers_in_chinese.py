"""Tier names and a file's column list read in the CLI's language: `qbr accounts list`,
`qbr accounts add` and `qbr tiers` show the translated tier (the columns still line up by the
width a terminal gives Chinese), `--json` keeps the English value, and an import's "no
column" error lists the columns with the language's separator."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qbr_desktop import i18n
from qbr_desktop.cli.output import width

Runner = Callable[..., Any]


def test_accounts_show_their_tier_in_chinese_and_json_keeps_english(
        qbr: Runner, empty_db: Path, monkeypatch: Any) -> None:
    english = qbr("--db", empty_db, "accounts", "add", "Acme <&> 物流", "--arr", "120k")
    assert english.out == "Added Acme <&> 物流 (id 1, Strategic)\n", english.err
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    added = qbr("--db", empty_db, "accounts", "add", "Beta", "--arr", "1000")
    assert added.out == "已添加 Beta（ID 2，核心）\n", added.err
    listed = qbr("--db", empty_db, "accounts", "list").out.splitlines()
    assert listed[0].split("\t")[:2] == ["Acme <&> 物流", "战略"], listed
    assert listed[1].split("\t")[:2] == ["Beta", "核心"], listed
    data = json.loads(qbr("--db", empty_db, "accounts", "list", "--json").out)
    assert [item["tier"] for item in data] == ["Strategic", "Core"]
    monkeypatch.setenv("QBR_LANGUAGE", "en")
    assert qbr("--db", empty_db, "accounts", "list").out.splitlines()[0].split("\t")[1] \
        == "Strategic"


def test_the_tier_model_in_chinese_lines_up_by_terminal_width(
        qbr: Runner, empty_db: Path, monkeypatch: Any) -> None:
    english = qbr("--db", empty_db, "tiers", "--model", "five_segment").out.splitlines()
    assert english[1:3] == ["  Strategic    from 500,000.00", "  Enterprise   from 100,000.00"]
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    shown = qbr("--db", empty_db, "tiers")
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == "五个细分（战略 / 企业 / 中型市场 / 中小企业 / 技术触达）"
    assert lines[1] == "  战略         起点 500,000.00"
    assert lines[3] == "  中型市场     起点 25,000.00"
    # "起点" starts in the same terminal column on every line.
    assert {width(line[:line.index("起点")]) for line in lines[1:]} == {15}
    assert not any(name in shown.out for name in ("Strategic", "Mid-Market", "from"))


def test_a_missing_column_lists_the_file_columns_with_the_language_separator(
        qbr: Runner, empty_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    crm = tmp_path / "客户.csv"
    crm.write_text("Name,ARR,备注\nAcme,1,x\n", encoding="utf-8")
    english = qbr("--db", empty_db, "import", "accounts", crm, "--map", "name=Nom")
    assert english.code == 1
    assert "has no column “Nom” (its columns: “Name”, “ARR”, “备注”)" in english.err, english.err
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    refused = qbr("--db", empty_db, "import", "accounts", crm, "--map", "name=Nom")
    assert refused.code == 1
    assert "“Name”、“ARR”、“备注”" in refused.err, refused.err
    assert ", " not in refused.err


def test_the_portfolio_names_tier_and_health_band_in_chinese(
        qbr: Runner, demo_db: Path, monkeypatch: Any) -> None:
    english = qbr("--db", demo_db, "portfolio").out.splitlines()
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    try:
        chinese = qbr("--db", demo_db, "portfolio").out.splitlines()
    finally:
        i18n.set_interface_language(i18n.ENGLISH)
    assert len(chinese) == len(english)
    tiers = {"Strategic": "战略", "Growth": "成长", "Core": "核心"}
    bands = {"green": "绿色", "yellow": "黄色", "red": "红色"}
    for line, shown in zip(english[:-1], chinese[:-1], strict=True):
        name, tier, _arr, health = line.split("\t")[:4]
        assert shown.split("\t")[:2] == [name, tiers[tier]], shown
        band = health.split()[2]
        assert f" {bands[band]}" in shown.split("\t")[3], shown
    assert any("红色" in line for line in chinese) and any("绿色" in line for line in chinese)


def test_thresholds_take_a_tier_as_shown_and_name_an_unknown_one_in_chinese(
        qbr: Runner, empty_db: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    changed = qbr("--db", empty_db, "tiers", "--minimum", "战略=100k", "--minimum",
                  "Growth=30k")
    assert changed.code == 0, changed.err
    assert changed.out.splitlines()[1:3] == ["  战略         起点 100,000.00",
                                             "  成长         起点 30,000.00"]
    unknown = qbr("--db", empty_db, "tiers", "--minimum", "黄金=1")
    assert unknown.code == 1
    assert unknown.err == "qbr: 三个层级（战略 / 成长 / 核心）中没有以下层级：黄金\n"
    monkeypatch.setenv("QBR_LANGUAGE", "en")
    english = qbr("--db", empty_db, "tiers", "--minimum", "Gold=1", "--minimum", "Tin=2")
    assert english.err == ("qbr: unknown tiers for Three tiers (Strategic / Growth / Core): "
                           "Gold, Tin\n")
