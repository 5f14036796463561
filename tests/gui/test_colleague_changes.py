"""A colleague's save appears in an open window on a team server within seconds, and never
replaces what the CSM is typing."""

from __future__ import annotations

from typing import Any

import pytest
from test_edit_conflicts_window import colleague
from test_main_window import select, stored

from qbr_desktop.store.changes import ChangeMarker

SECONDS = 8000  # the window polls every 2 s


@pytest.mark.server_smoke
def test_the_change_marker_moves_with_every_commit_of_another_connection(
        open_window: Any) -> None:
    window = open_window(seed=True)
    marker = ChangeMarker(window.context.store.engine)
    try:
        before = marker.read()
        account_id = select(window, "Bluefin Health")
        colleague(window).update(account_id, {"industry": "Banking"})
        assert marker.read() != before
    finally:
        marker.close()


def server_window(open_window: Any) -> Any:
    window = open_window(seed=True)
    assert window.colleagues is not None
    return window


def test_a_file_is_not_polled(open_window: Any) -> None:
    assert open_window(seed=True).colleagues is None  # a file is open in one window only


@pytest.mark.server_only
def test_a_colleagues_save_appears_within_seconds(open_window: Any, qtbot: Any) -> None:
    window = server_window(open_window)
    account_id = select(window, "Bluefin Health")
    sam = colleague(window)
    sam.update(account_id, {"industry": "Banking", "csm_owner": "Sam Rivera"})
    form = window.page.form
    qtbot.waitUntil(lambda: form.industryEdit.currentText() == "Banking", timeout=SECONDS)
    assert form.csmOwnerEdit.text() == "Sam Rivera"
    renamed = sam.create(type(window.page.account.draft)(name="Zeta Added By Sam"))
    qtbot.waitUntil(lambda: window.list_panel.model.row_of(renamed.id) is not None,
                    timeout=SECONDS)


@pytest.mark.server_only
def test_what_is_being_typed_stays(open_window: Any, qtbot: Any) -> None:
    window = server_window(open_window)
    account_id = select(window, "Bluefin Health")
    form = window.page.form
    form.countryEdit.setFocus()
    form.countryEdit.selectAll()
    qtbot.keyClicks(form.countryEdit, "Deutschl")
    colleague(window).update(account_id, {"industry": "Banking"})
    qtbot.wait(5000)  # two polls: the change has arrived, and waits
    assert form.countryEdit.text() == "Deutschl" and form.countryEdit.hasFocus()
    assert form.industryEdit.currentText() != "Banking"
    qtbot.keyClicks(form.countryEdit, "and")
    form.licensedSeatsEdit.setFocus()  # leaving the field saves it, then the page catches up
    qtbot.waitUntil(lambda: form.industryEdit.currentText() == "Banking", timeout=SECONDS)
    assert (stored(window, account_id).country, stored(window, account_id).industry) == (
        "Deutschland", "Banking")
    assert form.countryEdit.text() == "Deutschland"
