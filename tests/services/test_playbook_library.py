"""The playbook library: built-ins from the package resources plus a user folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from qbr_desktop.domain.cadence import UnknownTier
from qbr_desktop.services.playbook_library import (
    PlaybookLibrary,
    PlaybookNotFound,
    load_built_in,
)

USER_PLAYBOOK = """\
name = "{name}"
tier = "Growth"
description = "Made by a CSM"
preparation_days = 3

[[tasks]]
key = "prep"
phase = "data gathering"
offset = -3
title = "{title}"
description = ""
owner = "{owner}"
"""


def _write(folder: Path, file: str, name: str = "Renewal push", title: str = "Prep",
           owner: str = "CSM") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file
    path.write_text(USER_PLAYBOOK.format(name=name, title=title, owner=owner), encoding="utf-8")
    return path


def test_built_ins_load_from_the_package_resources() -> None:
    playbooks = load_built_in()

    assert [(p.name, p.preparation_days) for p in playbooks] == [
        ("Strategic", 15), ("Growth", 10), ("Core", 5)]
    assert [p.source for p in playbooks] == ["strategic.toml", "growth.toml", "core.toml"]


@pytest.mark.parametrize(("tier", "playbook"), [
    ("Strategic", "Strategic"), ("Enterprise", "Strategic"),
    ("Growth", "Growth"), ("Mid-Market", "Growth"),
    ("Core", "Core"), ("SMB", "Core"), ("Tech-Touch", "Core"),
])
def test_each_tier_of_both_models_gets_a_default(tier: str, playbook: str) -> None:
    assert PlaybookLibrary.load().for_tier(tier).name == playbook


def test_an_unknown_tier_or_name_is_reported() -> None:
    library = PlaybookLibrary.load()

    with pytest.raises(UnknownTier):
        library.for_tier("Gold")
    with pytest.raises(PlaybookNotFound, match="“Platinum”.*Strategic, Growth, Core"):
        library.get("Platinum")


def test_user_playbooks_join_the_library(tmp_path: Path) -> None:
    path = _write(tmp_path / "playbooks", "renewal.toml")

    library = PlaybookLibrary.load(tmp_path / "playbooks")

    assert library.names() == ("Strategic", "Growth", "Core", "Renewal push")
    assert library.get("  renewal PUSH ").source == "renewal.toml"
    assert library.entries[-1].path == path and not library.entries[-1].built_in
    assert library.problems == ()


def test_a_missing_user_folder_is_simply_empty(tmp_path: Path) -> None:
    library = PlaybookLibrary.load(tmp_path / "nothing-here")

    assert len(library.playbooks) == 3 and library.problems == ()


def test_a_broken_user_file_is_skipped_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "playbooks"
    _write(folder, "a-broken.toml", owner="intern")
    (folder / "b-syntax.toml").write_text('name = "x"\ntier = \n', encoding="utf-8")
    (folder / "c-latin1.toml").write_bytes('name = "Caf\xe9"\n'.encode("latin-1"))
    _write(folder, "d-good.toml")

    library = PlaybookLibrary.load(folder)

    assert library.names()[-1] == "Renewal push"
    assert library.get("Strategic").preparation_days == 15
    assert library.problems[0].startswith("a-broken.toml, line 12: task “prep” has unknown "
                                          "owner role “intern”")
    assert library.problems[1].startswith("b-syntax.toml, line 2: not valid TOML")
    assert library.problems[2] == "c-latin1.toml: skipped, because it is not UTF-8 text"
    assert len(library.problems) == 3


def test_a_user_playbook_cannot_replace_a_built_in(tmp_path: Path) -> None:
    folder = tmp_path / "playbooks"
    _write(folder, "mine.toml", name="strategic")
    _write(folder, "one.toml", name="Twin")
    _write(folder, "two.toml", name="twin ")

    library = PlaybookLibrary.load(folder)

    assert library.get("Strategic").source == "strategic.toml"
    assert library.get("Twin").source == "one.toml"
    assert library.problems == (
        "mine.toml: skipped, because its name “strategic” is already used by the built-in "
        "playbook",
        "two.toml: skipped, because its name “twin” is already used by one.toml")


def test_user_titles_round_trip_any_characters(tmp_path: Path) -> None:
    title = "顧客レビュー準備 🚀 <Q3> & “wins”"
    _write(tmp_path, "intl.toml", name="国際 <QBR> & 🎯", title=title)

    library = PlaybookLibrary.load(tmp_path)

    playbook = library.get("国際 <QBR> & 🎯")
    assert playbook.tasks[0].title == title


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    text = USER_PLAYBOOK.format(name="Bom", title="T", owner="CSM")
    (tmp_path / "bom.toml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    assert PlaybookLibrary.load(tmp_path).get("Bom").tasks[0].title == "T"
