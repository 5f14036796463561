"""`qbr --help` in Chinese: headings end in the full-width colon, help texts line up and wrap
by terminal columns (a Chinese character takes two), and English help is laid out as before."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from typing import Any

import pytest

from qbr_desktop import i18n
from qbr_desktop.cli import _ARGPARSE_OWN as ARGPARSE_OWN
from qbr_desktop.cli.help_format import ColumnsHelpFormatter, wrap_columns
from qbr_desktop.cli.output import width

COLUMNS = 60


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_interface_language(i18n.ENGLISH)


def help_text(monkeypatch: Any, capsys: Any, language: str, *command: str) -> str:
    from qbr_desktop.cli import main

    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")  # no saved window language
    monkeypatch.setenv("QBR_LANGUAGE", language)
    monkeypatch.setenv("COLUMNS", str(COLUMNS))
    capsys.readouterr()
    assert main([*command, "--help"]) == 0
    out: str = capsys.readouterr().out
    return out


def help_columns(text: str) -> dict[str, int]:
    """Each listed name or option → the terminal column its help text starts in."""
    found = {}
    for line in text.splitlines():
        match = re.match(r"^( +)(\S+(?: [A-Z.]+)?(?:, \S+)?)( {2,})(\S.*)$", line)
        if match:
            found[match[2]] = width(line[:match.start(4)])
    return found


def test_top_level_help_in_chinese(monkeypatch: Any, capsys: Any) -> None:
    text = help_text(monkeypatch, capsys, "zh_CN")
    lines = text.splitlines()
    assert "位置参数：" in lines and "选项：" in lines
    assert "位置参数:" not in text and "选项:" not in text
    starts = help_columns(text)
    commands = {name: column for name, column in starts.items() if not name.startswith("-")}
    assert {"demo", "check", "roi", "agenda", "whoami"} <= set(commands)
    assert set(commands.values()) == {16}, commands  # every command's help starts alike
    # No line runs past the width argparse was given (COLUMNS - 2), counted in columns.
    assert max(width(line) for line in lines) <= COLUMNS - 2, text
    # A wrapped help text goes on in the same column.
    after_roi = lines[lines.index(next(x for x in lines if x.startswith("    roi "))) + 1]
    assert after_roi.startswith(" " * 16) and not after_roi[16].isspace()


def test_a_sub_command_help_in_chinese(monkeypatch: Any, capsys: Any) -> None:
    text = help_text(monkeypatch, capsys, "zh_CN", "accounts", "add")
    lines = text.splitlines()
    assert lines[0].startswith("用法：qbr accounts add [-h]")
    # The usage's later lines start under the first option, in terminal columns.
    first_option = width(lines[0][:lines[0].index("[-h]")])
    usage = lines[1:lines.index("")]
    assert usage and all(len(line) - len(line.lstrip()) == first_option for line in usage)
    starts = help_columns(text)
    assert starts["--arr ARR"] == starts["--owner OWNER"] == starts["--language CODE"]
    assert {"位置参数：", "选项："} <= set(lines)
    assert "  --owner OWNER        负责该客户的客户成功经理" in lines


def every_parser(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in {id(sub): sub for sub in action.choices.values()}.values():
                yield from every_parser(sub)


def argparse_own(formatter: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """The formatter a parser asked for, before it was made to measure in columns."""
    return argparse.HelpFormatter if formatter is ColumnsHelpFormatter else formatter.__mro__[1]


def test_english_help_keeps_argparse_layout(monkeypatch: Any, capsys: Any) -> None:
    text = help_text(monkeypatch, capsys, "en", "accounts", "add")
    assert "positional arguments:" in text.splitlines() and "options:" in text.splitlines()
    from qbr_desktop.cli import build_parser

    parsers = list(every_parser(build_parser()))
    assert len(parsers) > 30
    for parser in parsers:  # every command's help, raw descriptions and examples included
        ours = parser.format_help()
        parser.formatter_class = argparse_own(parser.formatter_class)
        assert ours == parser.format_help(), parser.prog


def test_every_command_help_in_chinese_has_full_width_headings(monkeypatch: Any) -> None:
    from qbr_desktop.cli import _speak_argparse, build_parser
    from qbr_desktop.cli.language import choose_cli_language

    monkeypatch.setenv("COLUMNS", str(COLUMNS))
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")
    _speak_argparse(choose_cli_language())
    try:
        for parser in every_parser(build_parser()):  # those with a formatter of their own too
            lines = parser.format_help().splitlines()
            assert "选项：" in lines and "选项:" not in lines, parser.prog
            assert "位置参数:" not in lines, parser.prog
        imports = next(p for p in every_parser(build_parser()) if p.prog == "qbr import")
        text = imports.format_help()
        mapping = text[text.index("  --map"):text.index("  --apply")].splitlines()
        assert len(mapping) > 1 and all(width(line) <= COLUMNS - 2 for line in mapping), mapping
    finally:
        argparse._, argparse.ngettext = ARGPARSE_OWN  # type: ignore[attr-defined]


def test_wrapping_counts_columns_and_keeps_punctuation_with_its_word() -> None:
    assert wrap_columns("客户的价值、投资回报率和回收期", 10) == ["客户的价", "值、投资回",
                                                                 "报率和回收", "期"]
    lines = wrap_columns("客户的价值、投资回报率和回收期（查看、设置条目）", 12)
    assert all(width(line) <= 12 for line in lines), lines
    assert not any(line[0] in "，、。）" for line in lines), lines
    assert "".join(lines) == "客户的价值、投资回报率和回收期（查看、设置条目）"
    assert wrap_columns("one two three four", 9) == ["one two", "three", "four"]
    assert wrap_columns("用 --queue 列出", 8) == ["用", "--queue", "列出"]
    assert wrap_columns("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap_columns("", 10) == []


def test_the_formatter_heading_follows_the_catalogue() -> None:
    i18n.set_interface_language("zh_CN")
    parser = argparse.ArgumentParser(prog="x", formatter_class=ColumnsHelpFormatter,
                                     add_help=False)
    group = parser.add_argument_group("分组")
    group.add_argument("--flag", metavar="名称", help="说明")
    group.add_argument("--other", metavar="N", help="另一个")
    lines = parser.format_help().splitlines()
    assert lines[-3:] == ["分组：", "  --flag 名称  说明", "  --other N    另一个"]
    assert width("  --flag 名称  ") == width("  --other N    ")  # the same column
