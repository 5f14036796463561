"""Export file names: safe on every system, inside the folder chosen, never over a file in
use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qbr_desktop.exports.file_names import (
    FileNameError,
    available_path,
    safe_file_name,
    target_in,
)

BAD = '/\\:*?"<>|'


def _name(account: str, suffix: str = ".pptx") -> str:
    return safe_file_name(account, suffix, quarter="2026 Q4")


def _is_safe(name: str) -> bool:
    return (not any(char in name for char in BAD) and ".." not in name
            and not any(ord(char) < 32 for char in name) and name == name.rstrip(" .")
            and len(name) <= 150 and len(name.encode("utf-8")) <= 240)


def test_the_usual_name() -> None:
    assert _name("Acme Corp") == "Acme Corp – QBR 2026-Q4.pptx"
    assert safe_file_name("Acme Corp", "pdf", quarter="2026Q4", kind="QBR brief") == \
        "Acme Corp – QBR brief 2026-Q4.pdf"
    assert safe_file_name("Acme", ".pptx", quarter="2026-q1") == "Acme – QBR 2026-Q1.pptx"


@pytest.mark.parametrize(("account", "expected"), [
    ("../etc", "etc – QBR 2026-Q4.pptx"),
    ("a:b*c", "a b c – QBR 2026-Q4.pptx"),
    ("CON", "_CON – QBR 2026-Q4.pptx"),
    ("con.txt", "_con.txt – QBR 2026-Q4.pptx"),
    ("LPT9", "_LPT9 – QBR 2026-Q4.pptx"),
    ("Acme. ", "Acme – QBR 2026-Q4.pptx"),
    ("a/b\\c", "a b c – QBR 2026-Q4.pptx"),
    ('"Quoted" <R&D> | Ltd?', "Quoted R&D Ltd – QBR 2026-Q4.pptx"),
    ("line\nbreak\ttab\x00nul", "line break tab nul – QBR 2026-Q4.pptx"),
    ("evil\u202etxt.exe", "evil txt.exe – QBR 2026-Q4.pptx"),
    ("..", "Account – QBR 2026-Q4.pptx"),
    ("", "Account – QBR 2026-Q4.pptx"),
])
def test_bad_names_are_made_safe(account: str, expected: str) -> None:
    name = _name(account)
    assert name == expected
    assert _is_safe(name)


def test_emoji_and_other_scripts_are_kept() -> None:
    assert _name("Nordlys Energi AS 🌌") == "Nordlys Energi AS 🌌 – QBR 2026-Q4.pptx"
    assert _name("さくら物流株式会社") == "さくら物流株式会社 – QBR 2026-Q4.pptx"
    assert _name("مجموعة الواحة") == "مجموعة الواحة – QBR 2026-Q4.pptx"
    family = "👩\u200d👩\u200d👧"  # a ZWJ sequence stays one picture
    assert family in _name(f"Team {family}")


def test_long_names_are_cut_keeping_the_suffix() -> None:
    name = _name("x" * 300)
    assert len(name) == 150
    assert name.endswith("x – QBR 2026-Q4.pptx")
    cjk = _name("上海云帆软件有限公司" * 30)
    assert cjk.endswith(" – QBR 2026-Q4.pptx") and _is_safe(cjk)
    assert _name("y" * 140 + ".  ...").endswith("y – QBR 2026-Q4.pptx")


def test_target_in_stays_inside_the_folder(tmp_path: Path) -> None:
    assert target_in(tmp_path, "deck.pptx") == (tmp_path / "deck.pptx").resolve()
    for bad in ("../deck.pptx", "sub/deck.pptx", "..", ".", "", "/etc/passwd", "a\\b.pptx"):
        with pytest.raises(FileNameError):
            target_in(tmp_path, bad)
    (tmp_path / "out").mkdir()
    link = tmp_path / "out" / "link.pptx"
    link.symlink_to(tmp_path / "elsewhere.pptx")
    with pytest.raises(FileNameError):
        target_in(tmp_path / "out", "link.pptx")
    for account in ("../etc", "..", "a/../../b"):
        target = target_in(tmp_path, _name(account))
        assert target.parent == tmp_path.resolve()


def test_available_path(tmp_path: Path) -> None:
    deck = tmp_path / "Acme – QBR 2026-Q4.pptx"
    assert available_path(deck) == deck  # nothing there yet
    deck.write_bytes(b"old")
    assert available_path(deck) == deck  # a writable file nobody has open is replaced
    (tmp_path / f"~${deck.name}").write_bytes(b"")  # PowerPoint has it open
    second = available_path(deck)
    assert second.name == "Acme – QBR 2026-Q4 (2).pptx"
    second.write_bytes(b"")
    (tmp_path / f"~${second.name}").write_bytes(b"")
    assert available_path(deck).name == "Acme – QBR 2026-Q4 (3).pptx"


def test_a_read_only_file_is_not_overwritten(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"old")
    deck.chmod(0o444)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Root may write any file (CI runs as root); a CSM is never root, so the check is
        # asked what the file's mode tells an ordinary user.
        real_access = os.access

        def as_a_user(path: object, mode: int) -> bool:
            if mode == os.W_OK and Path(str(path)) == deck:
                return False
            return real_access(path, mode)  # type: ignore[arg-type]
        monkeypatch.setattr("qbr_desktop.exports.file_names.os.access", as_a_user)
    try:
        assert available_path(deck) == tmp_path / "deck (2).pptx"
    finally:
        deck.chmod(0o644)
