"""A portfolio in a folder whose name holds URI characters opens that very file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qbr_desktop.store.sqlite_uri import sqlite_uri


@pytest.mark.parametrize(
    "folder", ["Q3 #2", "100% done", "what? why", "Zoë Ångström 客户", "a%23b"])
def test_the_read_only_uri_opens_the_file_named(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "portfolio.sqlite"
    path.parent.mkdir()
    with sqlite3.connect(path) as writer:
        writer.execute("CREATE TABLE marker (name TEXT)")
        writer.execute("INSERT INTO marker VALUES (?)", (folder,))
    writer.close()

    reader = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        assert reader.execute("SELECT name FROM marker").fetchone() == (folder,)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.execute("INSERT INTO marker VALUES ('x')")
    finally:
        reader.close()


def test_a_missing_file_is_not_created_by_a_read_only_open(tmp_path: Path) -> None:
    path = tmp_path / "a#b" / "none.sqlite"
    path.parent.mkdir()
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(sqlite_uri(path), uri=True).execute("SELECT 1")
    assert not path.exists() and not (tmp_path / "a").exists()
