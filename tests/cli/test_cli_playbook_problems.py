"""A CSM's playbook files that cannot be used are named in the CLI's language: which file,
which line and what is wrong, in Chinese as in English (the values typed in the file stay
as typed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from qbr_desktop.i18n import CHINESE, catalogue
from qbr_desktop.services.playbook_library import PlaybookLibrary

Runner = Callable[..., Any]

# One task, written as an inline table: the task's problems are reported on line 5.
GOOD = """\
name = "{name}"
tier = "Growth"
description = "Made by a CSM"
preparation_days = 3
tasks = [{{key = "prep", phase = "data gathering", offset = {offset}, title = "Prep <&> 准备", \
description = "", owner = "{owner}"}}]
"""


def _schedule_with_a_missing_playbook(qbr: Runner, db: Path) -> list[str]:
    refused = qbr("--db", db, "schedule", "Acme", "--date", "2027-03-01", "--playbook", "Nope")
    assert refused.code == 1
    lines: list[str] = refused.err.splitlines()
    return lines


def _user_files(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "a-owner.toml").write_text(GOOD.format(name="Mine", offset=-3, owner="intern"),
                                         encoding="utf-8")
    (folder / "b-syntax.toml").write_text('name = "x"\ntier = \n', encoding="utf-8")
    (folder / "c-latin1.toml").write_bytes('name = "Caf\xe9"\n'.encode("latin-1"))
    (folder / "d-taken.toml").write_text(GOOD.format(name="strategic", offset=-3, owner="CSM"),
                                         encoding="utf-8")
    (folder / "e-late.toml").write_text(GOOD.format(name="Late", offset=-9, owner="CSM"),
                                        encoding="utf-8")


def test_unreadable_playbooks_are_named_in_chinese_and_english(
        qbr: Runner, empty_db: Path, isolated_data_folder: Path, monkeypatch: Any) -> None:
    _user_files(isolated_data_folder / "playbooks")
    qbr("--db", empty_db, "accounts", "add", "Acme", "--arr", "120k")
    assert _schedule_with_a_missing_playbook(qbr, empty_db) == [
        "qbr: there is no playbook named “Nope” (available: Strategic, Growth, Core); skipped "
        "because they could not be read:",
        "  a-owner.toml, line 5: task “prep” has unknown owner role “intern” (expected one "
        "of: CSM, CS manager, account executive, executive sponsor)",
        "  b-syntax.toml, line 2: not valid TOML: Invalid value (column 8)",
        "  c-latin1.toml: skipped, because it is not UTF-8 text",
        "  e-late.toml, line 5: task “prep” is due 9 working days before the meeting, earlier "
        "than the 3-day preparation cycle starts",
        "  d-taken.toml: skipped, because its name “strategic” is already used by the built-in "
        "playbook"]

    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    assert _schedule_with_a_missing_playbook(qbr, empty_db) == [
        "qbr: 没有名为“Nope”的行动手册（可用：Strategic、Growth、Core）；"
        "以下文件因无法读取而被跳过：",
        "  a-owner.toml，第 5 行：任务“prep”的负责人角色“intern”无法识别（应为以下之一："
        "CSM、CS manager、account executive、executive sponsor）",
        "  b-syntax.toml，第 2 行：不是有效的 TOML：值无效（第 8 列）",
        "  c-latin1.toml：已跳过，因为它不是 UTF-8 文本",
        "  e-late.toml，第 5 行：任务“prep”在会议前 9 个工作日到期，早于 3 个工作日的准备周期"
        "开始之时",
        "  d-taken.toml：已跳过，因为其名称“strategic”已被内置行动手册使用"]


def test_the_library_keeps_its_problems_as_messages(tmp_path: Path) -> None:
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "one.toml").write_text(GOOD.format(name="Twin", offset=-3, owner="CSM"),
                                     encoding="utf-8")
    late = GOOD.format(name="twin", offset=2, owner="CSM").replace(
        '"data gathering"', '"follow-up"').replace(
        "preparation_days = 3\n", "preparation_days = 3\nfollow_up_days = 1\nextra = 1\n")
    (folder / "two.toml").write_text(late, encoding="utf-8")
    (folder / "three.toml").write_text(GOOD.format(name="twin", offset=-3, owner="CSM"),
                                       encoding="utf-8")

    library = PlaybookLibrary.load(folder)

    assert [message.render(catalogue(CHINESE)) for message in library.messages] == [
        "two.toml，第 6 行：行动手册有未知字段“extra”（已知字段：name、tier、description、"
        "preparation_days、follow_up_days、tasks）",
        "two.toml，第 7 行：任务“prep”在会议后 2 个工作日到期，晚于 1 个工作日的跟进期结束之时",
        "three.toml：已跳过，因为其名称“twin”已被 one.toml 使用"]
    assert library.problems == (
        "two.toml, line 6: the playbook has an unknown field “extra” (known fields: name, "
        "tier, description, preparation_days, follow_up_days, tasks)",
        "two.toml, line 7: task “prep” is due 2 working days after the meeting, later than "
        "the 1-day follow-up ends",
        "three.toml: skipped, because its name “twin” is already used by one.toml")
