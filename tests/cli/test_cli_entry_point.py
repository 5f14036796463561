"""The installed `qbr` console script, run as a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qbr_desktop
from qbr_desktop.cli import main


def console_script() -> Path:
    folder = Path(sys.executable).parent
    for name in ("qbr", "qbr.exe"):
        if (folder / name).is_file():
            return folder / name
    pytest.fail(f"the qbr console script is not installed next to {sys.executable}")


def run(*argv: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(console_script()), *map(str, argv)], capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=120, env=env or dict(os.environ),
    )


def test_console_script_runs_the_cli(tmp_path: Path) -> None:
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"qbr {qbr_desktop.__version__}"

    path = tmp_path / "p.sqlite"
    assert main(["demo", "--db", str(path), "--accounts", "6", "--seed", "2"]) == 0
    listed = run("--db", path, "accounts", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 6


def test_console_script_failures_print_one_line_and_no_traceback(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"\x00garbage" * 512)
    failures = [
        (run("--db", damaged, "accounts", "list"), 1),
        (run("--db", tmp_path / "p.sqlite", "accounts", "add", ""), 1),
        (run("--db", tmp_path / "p.sqlite", "accounts", "add", "X", "--arr", "-5"), 2),
    ]
    for result, code in failures:
        assert result.returncode == code, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.strip()
        if code == 1:
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            assert result.stderr.startswith("qbr: ")
    assert str(damaged) in failures[0][0].stderr


# On Windows, output redirected to a file or pipe is encoded with the ANSI code page
# (cp1252 and the like), not UTF-8; PYTHONIOENCODING reproduces that here.
WINDOWS_LIKE = {"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
WORLD_NAMES = ["Nordlys Energi AS 🌌", "上海云帆软件有限公司", "مجموعة الواحة للتجزئة"]


@pytest.fixture
def world_db(tmp_path: Path) -> Path:
    path = tmp_path / "world.sqlite"
    for name in WORLD_NAMES:
        assert main(["--db", str(path), "accounts", "add", name]) == 0
    return path


def test_listing_survives_a_non_utf8_console(world_db: Path) -> None:
    env = {**os.environ, **WINDOWS_LIKE}
    listed = run("--db", world_db, "accounts", "list", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert sorted(item["name"] for item in json.loads(listed.stdout)) == sorted(WORLD_NAMES)
    text = run("--db", world_db, "accounts", "list", env=env)
    assert text.returncode == 0, text.stderr
    assert text.stdout.rstrip().endswith("3 account(s)")


def test_help_and_usage_errors_in_the_interface_language() -> None:
    chinese = {**os.environ, "QBR_LANGUAGE": "zh_CN"}
    top = run("--help", env=chinese)
    assert top.returncode == 0, top.stderr
    assert top.stdout.startswith("用法：qbr [-h] [--version] [--db PATH] COMMAND ...")
    assert "在命令行中使用 QBR Desktop。" in top.stdout
    assert "显示此帮助信息并退出" in top.stdout and "显示程序版本号并退出" in top.stdout
    assert "列出或添加客户" in top.stdout  # a sub-command's help, the command's name as is
    assert "    accounts    列出或添加客户" in top.stdout.splitlines()
    accounts = run("accounts", "--help", env=chinese)
    assert accounts.returncode == 0, accounts.stderr
    lines = accounts.stdout.splitlines()
    assert lines[0] == "用法：qbr accounts [-h] ACTION ..."
    assert "    list      列出所有客户" in lines and "    edit      更改客户文件的语言" in lines
    assert not any(word in accounts.stdout for word in ("usage", "options", "list every"))
    wrong = run("accounts", "frobnicate", env=chinese)
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines()[-1] == (
        "qbr accounts：错误：参数 ACTION：无效的选择：'frobnicate'（可选：'list', 'add', 'edit'）")
    english = run("accounts", "--help", env={**os.environ, "QBR_LANGUAGE": "en"})
    assert english.stdout.splitlines()[0] == "usage: qbr accounts [-h] ACTION ..."
    assert "    list      list every account" in english.stdout.splitlines()
