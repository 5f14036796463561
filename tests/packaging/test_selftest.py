"""`qbr-desktop --self-test` from the source tree (the frozen build runs it too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qbr_desktop import selftest
from qbr_desktop.selftest import run_self_test
from qbr_desktop.store.migrate import head_revision


def test_self_test_passes_and_leaves_complete_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run_self_test(out) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"ok   database migrated to {head_revision()}"
    assert [line[:5] for line in lines[:-1]] == ["ok   "] * len(selftest.CHECKS)
    assert lines[-1] == "self-test passed"
    assert sorted(path.name for path in out.iterdir()) == [
        "self-test.pdf", "self-test.png", "self-test.pptx"]  # no .part files, no database


def test_a_failing_check_is_reported_and_the_others_still_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def check_broken(_work: Path) -> str:
        raise RuntimeError("library missing\nmore detail")

    monkeypatch.setattr(selftest, "CHECKS", (check_broken, selftest.check_resources))

    assert run_self_test(tmp_path) == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "FAIL broken: RuntimeError: library missing"
    assert lines[-2].startswith("ok   resources found")
    assert lines[-1] == "self-test FAILED: broken: RuntimeError: library missing"


def test_an_interrupted_write_leaves_neither_file_nor_temp_file(tmp_path: Path) -> None:
    def write(part: Path) -> None:
        part.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        selftest._write_atomically(tmp_path / "out.pdf", write)
    assert list(tmp_path.iterdir()) == []
