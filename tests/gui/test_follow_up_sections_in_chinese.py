"""The follow-up table's "From" column names a built-in agenda section in the window's
language, whichever language its agenda was made in; a title the CSM typed stays as typed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qbr_desktop.domain.actions import ActionItem
from qbr_desktop.gui.agenda.agenda_tab import RUN, AgendaTab
from qbr_desktop.gui.agenda.follow_up_view import COLUMNS
from tests.gui.test_chinese_window import SCREENS, in_chinese  # noqa: F401 - a fixture
from tests.gui.test_meeting_tab import Setup, make_tab, setup  # noqa: F401 - fixtures

FROM = COLUMNS.index("From")


@pytest.fixture
def tab(qtbot: Any, setup: Setup, in_chinese: None) -> Iterator[AgendaTab]:  # noqa: F811
    shown = make_tab(qtbot, setup)
    shown.resize(1366, 768)
    yield shown
    shown.meeting.close_presenter()


def test_a_built_in_section_reads_in_chinese_and_a_typed_one_as_typed(
        qtbot: Any, tab: AgendaTab, setup: Setup) -> None:  # noqa: F811
    tab.pages.setCurrentIndex(RUN)
    tab.meeting.start()
    tab.meeting.step(1)
    quick = tab.quick_action
    quick.text_edit.setText("Send the pilot plan")
    QTest.keyClick(quick.text_edit, Qt.Key.Key_Return)
    setup.context.agendas.add_action(setup.account_id, ActionItem(
        0, "Price the EU rollout", section="Pricing deep-dive <EU>"))
    (first, second) = setup.context.agendas.follow_up(setup.account_id).items
    assert first.section == "Business context"  # stored as the English agenda titled it
    tab.meeting.finish()
    tab.show_account(setup.account_id)
    tab.pages.setCurrentIndex(2)
    table = tab.follow_up.table
    shown = {table.item(row, 0).text(): table.item(row, FROM).text()
             for row in range(table.rowCount())}
    assert shown == {"Send the pilot plan": "业务背景",
                     "Price the EU rollout": "Pricing deep-dive <EU>"}
    assert table.horizontalHeaderItem(FROM).text() != "From"
    qtbot.wait(50)  # cells of the fill before are deleted once the event loop runs
    SCREENS.mkdir(parents=True, exist_ok=True)
    assert tab.grab().save(str(SCREENS / "meeting-follow-up.png"))
