"""A long account list is announced to the table in steps: the first rows at once, the
rest over the next turns of the event loop, with the count, filter, sort and selection
right throughout (the step is made small here; a real one is FILL_STEP rows)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt

from qbr_desktop.domain.accounts import AccountSummary
from qbr_desktop.domain.money import Money
from qbr_desktop.gui.accounts import table_model
from qbr_desktop.gui.accounts.list_panel import AccountListPanel
from qbr_desktop.gui.accounts.table_model import ACCOUNT_ID_ROLE, AccountColumn, prepare_rows

STEP = 10
NAMES = [f"Acme {n:02d}" for n in range(40)] + ["Zürich Ünion <R&D>", "株式会社さくら",
                                                 "Beta 🚀", "שלום Ltd", "Cedar & Co"]


def accounts() -> list[AccountSummary]:
    return [AccountSummary(n + 1, name, "Retail", "France", Money(Decimal(1000 + n), "EUR"),
                           10, "Growth", False, date(2027, 1, 1 + n % 28), None, "Sam")
            for n, name in enumerate(NAMES)]


@pytest.fixture
def panel(qtbot, monkeypatch) -> AccountListPanel:
    monkeypatch.setattr(table_model, "FILL_STEP", STEP)
    made = AccountListPanel()
    qtbot.addWidget(made)
    made.resize(480, 600)
    made.show()
    qtbot.waitExposed(made)
    return made


def shown_names(panel: AccountListPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, AccountColumn.NAME).data() for row in range(proxy.rowCount())]


def test_the_first_rows_show_at_once_and_the_rest_follow(panel, qtbot, qtmodeltester) -> None:
    panel.set_rows(prepare_rows(accounts()), None)
    assert panel.model.rowCount() == STEP and panel.model.filling
    assert panel.count_label.text() == "45 accounts"  # every account counted meanwhile
    qtmodeltester.check(panel.proxy)  # and watched while the rest are announced
    with qtbot.waitSignal(panel.model.filled, timeout=5000):
        pass
    assert not panel.model.filling
    assert shown_names(panel) == sorted(NAMES, key=table_model.sort_key)


def test_typing_a_filter_while_filling_counts_every_account(panel, qtbot) -> None:
    panel.set_rows(prepare_rows(accounts()), None)
    qtbot.keyClicks(panel.filter_edit, "zurich")
    assert shown_names(panel) == []  # sorted last: not yet announced
    assert panel.count_label.text() == "1 of 45 accounts"
    qtbot.waitUntil(lambda: not panel.model.filling, timeout=5000)
    assert shown_names(panel) == ["Zürich Ünion <R&D>"]
    assert panel.count_label.text() == "1 of 45 accounts"


def test_an_account_not_yet_shown_can_be_selected(panel, qtbot) -> None:
    panel.set_rows(prepare_rows(accounts()), None)
    last = next(a for a in accounts() if a.name == "株式会社さくら")
    with qtbot.waitSignal(panel.account_selected) as selected:
        assert panel.select_account(last.id)
    assert selected.args == [last.id]
    assert panel.table.currentIndex().data() == "株式会社さくら"


def test_sorting_by_a_header_click_while_filling(panel, qtbot) -> None:
    panel.set_rows(prepare_rows(accounts()), None)
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(AccountColumn.ARR) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: not panel.model.filling, timeout=5000)
    arr = [panel.proxy.index(r, 0).data(ACCOUNT_ID_ROLE) for r in range(panel.proxy.rowCount())]
    assert arr == sorted(arr) or arr == sorted(arr, reverse=True)  # by ARR, which grows by id
    assert len(arr) == len(NAMES)


def test_a_slow_turn_cuts_the_next_step_to_its_time_box() -> None:
    step, budget = table_model.FILL_STEP, table_model.FILL_TURN_S
    assert table_model.next_fill_step(step, budget * 4) == step // 4  # four times too long
    assert table_model.next_fill_step(step, budget / 10) == step  # never above FILL_STEP
    assert table_model.next_fill_step(step, 10.0) == table_model.FILL_STEP_MIN  # some rows go
    assert table_model.next_fill_step(step, 0.0) == step


def test_the_fill_goes_on_in_smaller_steps_when_turns_are_slow(panel, qtbot,
                                                                monkeypatch) -> None:
    monkeypatch.setattr(table_model, "FILL_STEP_MIN", 2)
    monkeypatch.setattr(table_model, "FILL_TURN_S", 0.0)  # every turn over its time box
    steps: list[int] = []
    panel.model.rowsInserted.connect(lambda _parent, first, last: steps.append(last - first + 1))
    panel.set_rows(prepare_rows(accounts()), None)
    with qtbot.waitSignal(panel.model.filled, timeout=5000):
        pass
    assert steps[0] == STEP and set(steps[1:-1]) == {2}  # then the smallest step, to the end
    assert shown_names(panel) == sorted(NAMES, key=table_model.sort_key)
