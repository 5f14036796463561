"""An import from the command line in Simplified Chinese: the notices about the file's layout
and a row's problem read in Chinese and still name the file's rows, columns and values;
`--json` keeps them in English."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Runner = Callable[..., Any]


def test_the_header_row_a_duplicate_header_and_a_bad_value_in_chinese(
        qbr: Runner, empty_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    crm = tmp_path / "客户.csv"
    crm.write_text("\n\nAccount Name,ARR,arr\nAcme 物流,12000,1\nBeta <&>,lots,2\n",
                   encoding="utf-8")
    english = json.loads(qbr("--db", empty_db, "import", "accounts", crm, "--json").out)
    assert english["notices"][:2] == [
        "The header is row 3; the rows above it are blank.",
        "Row 3: the header “arr” appears in columns B and C; neither is matched "
        "automatically, so choose the one to use."]
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    shown = qbr("--db", empty_db, "import", "accounts", crm, "--map", "arr=ARR")
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert "注意：表头在第 3 行；其上方各行均为空白。" in lines, lines
    assert ("注意：第 3 行：表头“arr”同时出现在 B 列和 C 列；两列都不会自动匹配，"
            "请选择要使用的一列。") in lines, lines
    assert "           ARR：“lots”不是金额" in lines, shown.out
    assert "The header is" not in shown.out and "appears in columns" not in shown.out


def test_a_field_the_kind_does_not_have_is_named_with_the_kind_in_chinese(
        qbr: Runner, empty_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    crm = tmp_path / "contacts.csv"
    crm.write_text("Name,ARR\nAna,1\n", encoding="utf-8")
    english = qbr("--db", empty_db, "import", "contacts", crm, "--map", "arr=ARR")
    assert english.err.startswith("qbr: a contacts import has no field “arr” (it has: "
                                  "external_id, name,"), english.err
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    refused = qbr("--db", empty_db, "import", "contacts", crm, "--map", "arr=ARR")
    assert refused.code == 1
    assert "contacts" not in refused.err and "联系人" in refused.err, refused.err
    assert "“arr”" in refused.err


def test_a_row_without_a_name_is_labelled_in_chinese_and_json_keeps_english(
        qbr: Runner, empty_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    crm = tmp_path / "crm.csv"
    crm.write_text("Account Name,CRM ID,ARR\n,SF-7,100\n", encoding="utf-8")
    rows = json.loads(qbr("--db", empty_db, "import", "accounts", crm, "--map",
                          "external_id=CRM ID", "--json").out)["rows"]
    assert rows[0]["label"] == "(no name, CRM id SF-7)"
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    shown = qbr("--db", empty_db, "import", "accounts", crm, "--map", "external_id=CRM ID")
    assert "第 2 行    已拒绝  （无名称，CRM ID SF-7）" in shown.out.splitlines(), shown.out


def test_a_usage_row_without_an_account_is_labelled_in_chinese(
        qbr: Runner, empty_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    usage = tmp_path / "usage.csv"
    usage.write_text("Account,Quarter,Active users\n,2026Q1,5\n", encoding="utf-8")
    rows = json.loads(qbr("--db", empty_db, "import", "metrics", usage, "--json").out)["rows"]
    assert rows[0]["label"] == "(no account) 2026Q1"
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    shown = qbr("--db", empty_db, "import", "metrics", usage)
    assert any(line.startswith("第 2 行    已拒绝  （无客户） 2026Q1")
               for line in shown.out.splitlines()), shown.out


def test_an_unnamed_or_repeated_column_is_named_in_chinese_and_mapped_by_its_key(
        qbr: Runner, empty_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    """A column the file leaves unnamed is "Column C" to a script (its key, which --map
    and --json use) and 第 C 列 to a Chinese reader."""
    crm = tmp_path / "crm.csv"
    crm.write_text("Account Name,ARR,,Notes,Notes\nAcme,100,x,a,b\n", encoding="utf-8")
    english = qbr("--db", empty_db, "import", "accounts", crm, "--map", "notes=Column C")
    assert english.code == 0, english.err
    assert "← Column C" in english.out and "Notes (column E)" in english.out, english.out
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    shown = qbr("--db", empty_db, "import", "accounts", crm, "--map", "notes=Column C")
    assert shown.code == 0, shown.err
    assert "← 第 C 列" in shown.out, shown.out
    assert "  未导入：Notes、Notes（第 E 列）" in shown.out.splitlines(), shown.out
    assert "Column C" not in shown.out and "(column" not in shown.out, shown.out
