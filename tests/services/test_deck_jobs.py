"""The Deck tab's exports as units of work: the folder is made, an existing file is only
replaced when asked, and one open elsewhere never is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.exports.file_names import FileNameError
from qbr_desktop.services.deck_jobs import destination, export_work, unused_path


@pytest.fixture
def account_id(context: Any) -> int:
    return int(context.accounts.create(AccountDraft(name="Acme: R&D / EMEA")).id)


def run(context: Any, account_id: int, target: Path, *, overwrite: bool) -> tuple[Path, Any]:
    work, _cancel = export_work(context, account_id, "brief", target, overwrite=overwrite)
    return work(lambda _done, _total: None, lambda: False)


def test_the_destination_folder_is_made_and_nothing_is_there(context: Any, account_id: int,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    found = destination(context, account_id, "brief", folder)
    assert folder.is_dir() and found.made_folder
    assert found.path.parent == folder and found.path.name.startswith("Acme R&D EMEA")
    assert not found.exists and not found.in_use
    assert found.copy_path == found.path
    again = destination(context, account_id, "brief", folder)
    assert not again.made_folder


def test_an_existing_file_is_kept_unless_replacing_is_chosen(context: Any, account_id: int,
                                                            tmp_path: Path) -> None:
    found = destination(context, account_id, "brief", tmp_path)
    found.path.write_bytes(b"mine")
    found = destination(context, account_id, "brief", tmp_path)
    assert found.exists and found.copy_path.name.endswith(" (2).pdf")
    kept, notes = run(context, account_id, found.path, overwrite=False)
    assert kept == found.copy_path and notes == ()
    assert found.path.read_bytes() == b"mine"
    replaced, _notes = run(context, account_id, found.path, overwrite=True)
    assert replaced == found.path and found.path.read_bytes().startswith(b"%PDF")


def test_a_read_only_file_is_never_replaced(context: Any, account_id: int, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import qbr_desktop.exports.file_names as file_names

    found = destination(context, account_id, "brief", tmp_path)
    found.path.write_bytes(b"open in a viewer")
    monkeypatch.setattr(file_names.os, "access",
                        lambda path, _mode: Path(path) != found.path)  # root ignores chmod
    found = destination(context, account_id, "brief", tmp_path)
    assert found.in_use and not found.exists
    written, notes = run(context, account_id, found.path, overwrite=True)
    assert written.name.endswith(" (2).pdf") and "open or read-only" in notes[0]
    assert found.path.read_bytes() == b"open in a viewer"


def test_no_free_name_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qbr_desktop.services.deck_jobs as deck_jobs

    monkeypatch.setattr(deck_jobs, "MAX_COPIES", 3)
    for name in ("x.pdf", "x (2).pdf", "x (3).pdf"):
        (tmp_path / name).write_bytes(b"")
    with pytest.raises(FileNameError, match="No free name"):
        unused_path(tmp_path / "x.pdf")
