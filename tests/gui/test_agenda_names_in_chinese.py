"""The agenda builder names its templates in the window's language and still stores (and
selects by) the template's own name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qbr_desktop.domain.agenda import DIGITAL_30, QBR_60, TEMPLATES
from qbr_desktop.gui.agenda.agenda_tab import AgendaTab
from tests.gui.test_chinese_window import in_chinese
from tests.gui.test_meeting_tab import Setup, make_tab, minutes_spin, setup, stored_agenda

__all__ = ["in_chinese", "setup"]
CHINESE_NAMES = ["60 分钟 QBR", "45 分钟流程表 + 15 分钟问答", "高管业务回顾（90 分钟）",
                 "数字化业务回顾（30 分钟）"]


def test_templates_are_listed_in_chinese_and_chosen_by_their_stored_name(
        qtbot: Any, in_chinese: None, setup: Setup) -> None:
    tab: AgendaTab = make_tab(qtbot, setup)
    box = tab.builder.template_box
    assert [box.itemText(i) for i in range(box.count())] == CHINESE_NAMES
    assert [box.itemData(i) for i in range(box.count())] == list(TEMPLATES)
    assert stored_agenda(setup).template == QBR_60  # stored as before
    assert box.currentData() == QBR_60 and box.currentText() == "60 分钟 QBR"

    minutes_spin(tab, 0).setValue(7)  # an edit: "Use template" asks first
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_End)  # the last template: the 30-minute digital review
    assert box.currentData() == DIGITAL_30
    asked: list[str] = []
    tab.builder.ask = lambda question: asked.append(question) is None  # "Yes"
    QTest.mouseClick(tab.builder.use_template, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and "“数字化业务回顾（30 分钟）”" in asked[0], asked
    agenda = stored_agenda(setup)
    assert agenda.template == DIGITAL_30 and agenda.slot_minutes == 30
    # Shown again from what is stored: the combo still finds it by its stored name.
    assert box.currentData() == DIGITAL_30 and box.currentText() == CHINESE_NAMES[-1]
    tab.meeting.close_presenter()
