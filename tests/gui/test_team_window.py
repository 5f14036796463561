"""Who is working, on a team server: asked once, "My accounts" first, new accounts theirs."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.team import IdentityDialog
from qbr_desktop.services.identity import Identity, save_identity, stored_identity
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import CsmRow

pytestmark = pytest.mark.server_only


def names_shown(window: Any) -> list[str]:
    proxy = window.list_panel.proxy
    return sorted(proxy.index(row, 0).data() for row in range(proxy.rowCount()))


def test_my_accounts_first_and_all_one_click_away(open_window: Any, qtbot: Any) -> None:
    save_identity(Identity("Sam Rivera", "sam@example.com"))  # seed_portfolio's owner
    window = open_window(seed=False)
    window.context.accounts.create(AccountDraft(name="Acme Logistics", csm_owner="Sam Rivera"))
    window.context.accounts.create(AccountDraft(name="Other Co", csm_owner="Dana Whitfield"))
    window.reload_accounts()
    panel = window.list_panel
    assert panel.mine_button.isVisible() and panel.all_button.isVisible()
    assert panel.mine_button.isChecked()
    assert names_shown(window) == ["Acme Logistics"]
    qtbot.mouseClick(panel.all_button, Qt.MouseButton.LeftButton)
    assert names_shown(window) == ["Acme Logistics", "Other Co"]
    assert panel.count_label.text() == "2 accounts"
    qtbot.mouseClick(panel.mine_button, Qt.MouseButton.LeftButton)
    assert panel.count_label.text() == "1 of 2 accounts"
    with session_scope(window.context.store.sessions, reading=True) as session:
        team = set(session.scalars(select(CsmRow.name)))
    assert {"Sam Rivera", "Dana Whitfield"} <= team


def test_a_new_account_belongs_to_whoever_made_it(open_window: Any, qtbot: Any) -> None:
    window = open_window(seed=True)  # the conftest says this is Pat Tester
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    made = window.page.account
    assert made is not None and made.draft.csm_owner == "Pat Tester"
    assert made.updated_by == "Pat Tester"


def test_the_first_server_window_asks_who_this_is(open_window: Any, qtbot: Any,
                                                  isolated_data_folder: Any) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, IdentityDialog)
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Noor Al-Huda")
        qtbot.keyClicks(dialog.email_edit, "noor@example.com")
        qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Return)

    window = open_window(seed=True)
    (isolated_data_folder / "identity.json").unlink()
    from qbr_desktop.gui.team import ask_identity

    QTimer.singleShot(100, answer)
    ask_identity(window)
    assert stored_identity() == Identity("Noor Al-Huda", "noor@example.com")
    with session_scope(window.context.store.sessions, reading=True) as session:
        assert session.scalar(select(CsmRow.email).where(CsmRow.name == "Noor Al-Huda")) \
            == "noor@example.com"
