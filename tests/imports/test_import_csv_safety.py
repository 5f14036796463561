"""CSV the app writes: formula-looking cells neutralised, files written whole or not at all."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from qbr_desktop.imports.csv_safety import neutralise_cell, write_csv_atomically


@pytest.mark.parametrize(("text", "written"), [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@HYPERLINK(\"x\")", "'@HYPERLINK(\"x\")"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("-5", "-5"),
    ("-1,200.50", "-1,200.50"),
    ("+44", "+44"),
    ("-1.5e3", "-1.5e3"),
    ("Acme = good", "Acme = good"),
    ("", ""),
    ("北京", "北京"),
])
def test_neutralise_cell(text: str, written: str) -> None:
    assert neutralise_cell(text) == written


def test_written_atomically_with_neutralised_cells(tmp_path: Path) -> None:
    target = tmp_path / "rejects.csv"
    target.write_text("old content")
    write_csv_atomically(target, ["Row", "Name", "Seats"],
                         [[2, "=1+1", -5], [3, "Sam 🚀 Rivera", None]])
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["Row", "Name", "Seats"], ["2", "'=1+1", "-5"],
                                            ["3", "Sam 🚀 Rivera", ""]]
    assert os.listdir(tmp_path) == ["rejects.csv"]


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "rejects.csv"
    target.write_text("old content")

    def rows():  # noqa: ANN202 - a generator that breaks halfway
        yield ["1"]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_csv_atomically(target, ["Row"], rows())
    assert target.read_text() == "old content"
    assert os.listdir(tmp_path) == ["rejects.csv"]
