"""The ROI tab driven as a CSM would: add lines, type figures, read the results as they
change, fix bad fields, save, edit the story; every change is checked in the store too."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QThreadPool
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from typing_support import type_text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.money import DEFAULT_STYLE, use_number_style
from qbr_desktop.domain.roi import Category
from qbr_desktop.domain.roi_scenarios import Scenario
from qbr_desktop.gui.locale_style import style_for
from qbr_desktop.gui.roi.roi_panel import RoiPanel
from qbr_desktop.services.departments import DepartmentItem

WAIT_MS = 10000


@pytest.fixture
def account_id(context: Any) -> int:
    return context.accounts.create(AccountDraft(name="Acme <&> Co", arr=Decimal("120000"))).id


@pytest.fixture
def panel(qtbot: Any, context: Any, account_id: int) -> Iterator[RoiPanel]:
    shown = RoiPanel(context.roi)
    qtbot.addWidget(shown)
    shown.resize(900, 768)
    shown.show()
    qtbot.waitExposed(shown)
    with qtbot.waitSignal(shown.loaded, timeout=WAIT_MS):
        shown.show_account(account_id)
    yield shown
    shown.charts.timer.stop()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def field(panel: RoiPanel, name: str) -> QLineEdit:
    editor = panel.line_editor.fields[name].editor
    assert isinstance(editor, QLineEdit)
    return editor


def type_into(editor: QLineEdit, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, text)


def message(panel: RoiPanel, name: str) -> str:
    box = panel.line_editor.fields[name]
    return box.message.text() if box.message.isVisibleTo(panel) else ""


def add_cost_line(panel: RoiPanel, hours: str = "1200", rate: str = "75") -> None:
    QTest.mouseClick(panel.add_line_button, Qt.MouseButton.LeftButton)
    assert panel.line_editor.category() is Category.COST
    type_into(field(panel, "hours_saved"), hours)
    type_into(field(panel, "hourly_rate"), rate)


def test_an_empty_model_starts_from_the_subscription(panel: RoiPanel) -> None:
    figures = panel.results.figures
    assert figures["value"].text() == "$0"
    assert figures["investment"].text() == "$120,000"
    assert figures["roi"].text() == "-100%"
    assert figures["payback"].text().startswith("n/a — The value does not cover the cost")
    assert panel.investments.rows[0].label.editor.text() == "Subscription"  # type: ignore
    assert not panel.dirty and "Not saved yet" in panel.save_state.text()


def test_typing_a_cost_line_updates_the_results_without_pressing_anything(
        panel: RoiPanel) -> None:
    add_cost_line(panel)
    figures = panel.results.figures
    assert figures["value"].text() == "$360,000"
    assert figures["roi"].text() == "200%"
    assert figures["net"].text() == "$240,000"
    assert panel.results.scenarios[Scenario.CONSERVATIVE].text().startswith("125%")
    assert panel.results.scenarios[Scenario.OPTIMISTIC].text().startswith("275%")
    assert "ROI 200%" in panel.headline.text()
    assert panel.lines_table.item(0, 2).text() == "$360,000"  # type: ignore[union-attr]
    assert panel.dirty and "Unsaved" in panel.save_state.text()
    assert panel.save_button.isEnabled()


def test_bad_numbers_are_marked_with_the_domains_message(panel: RoiPanel) -> None:
    add_cost_line(panel)
    type_into(field(panel, "hours_saved"), "abc")
    assert message(panel, "hours_saved") == "“abc” is not a number"
    assert field(panel, "hours_saved").property("invalid") == "true"
    assert panel.problem_banner.isVisibleTo(panel)
    assert panel.results.figures["value"].text() == "$360,000"  # the last sound figures
    assert panel.lines_table.item(0, 0).text().startswith("⚠")  # type: ignore[union-attr]
    for typed, expected in (("NaN", "not a finite number"), ("1e30", "beyond the largest"),
                            ("-5", "hours saved cannot be negative")):
        type_into(field(panel, "hours_saved"), typed)
        assert expected in message(panel, "hours_saved"), typed
    assert not panel.save()
    assert "fix the 1 marked field" in panel.save_state.text()
    type_into(field(panel, "hours_saved"), "1,200")
    assert message(panel, "hours_saved") == ""
    assert field(panel, "hours_saved").property("invalid") == "false"
    assert not panel.problem_banner.isVisibleTo(panel)


def test_a_negative_reduction_shows_as_a_cost_increase(panel: RoiPanel) -> None:
    QTest.mouseClick(panel.add_line_button, Qt.MouseButton.LeftButton)
    panel.line_editor.category_box.setCurrentIndex(
        panel.line_editor.category_box.findData(Category.QUALITY.value))
    type_into(field(panel, "cost_per_error"), "100")
    type_into(field(panel, "error_volume"), "50")
    type_into(field(panel, "error_reduction"), "-20")  # percent: errors rose by a fifth
    assert panel.lines_table.item(0, 2).text() == (  # type: ignore[union-attr]
        "cost increase of $4,000")
    assert panel.results.figures["value"].text() == "-$4,000"


def test_save_stores_the_lines_and_the_story(panel: RoiPanel, context: Any,
                                             account_id: int) -> None:
    add_cost_line(panel)
    field(panel, "label").setText("サポート自動化 🤖")  # keyClicks cannot type CJK
    field(panel, "label").textEdited.emit(field(panel, "label").text())
    QTest.keySequence(panel.line_editor.label_edit, "Ctrl+S")
    assert not panel.dirty and panel.save_state.text() == "Saved"
    report = context.roi.report(account_id)
    assert report.stored
    (line,) = report.model.lines
    assert line.label == "サポート自動化 🤖"
    assert line.inputs == {"hours_saved": Decimal("1200"), "hourly_rate": Decimal("75")}
    assert "1,200 hours" in report.story_text
    assert "1,200 hours" in panel.story_view.story_text.text()
    assert panel.history.rowCount() == 1


def test_an_edited_sentence_goes_stale_when_its_figure_changes(
        qtbot: Any, panel: RoiPanel, context: Any, account_id: int) -> None:
    add_cost_line(panel)
    sentence = panel.story_view.editors[0]
    assert "1,200 hours" in sentence.text()
    sentence.setFocus()
    sentence.setText("Support saved 1,200 hours with the new bots.")
    sentence.editingFinished.emit()
    assert "Support saved 1,200 hours" in panel.story_view.story_text.text()
    assert not panel.story_view.regenerate_button.isVisibleTo(panel)
    type_into(field(panel, "hours_saved"), "1500")
    assert panel.story_view.stale_text.isVisibleTo(panel)
    assert "1,200" in panel.story_view.stale_text.text()
    assert panel.save()
    assert context.roi.report(account_id).story_stale
    QTest.mouseClick(panel.story_view.regenerate_button, Qt.MouseButton.LeftButton)
    assert "1,500 hours" in panel.story_view.story_text.text()
    assert not panel.story_view.stale_text.isVisibleTo(panel)
    assert panel.save()
    assert not context.roi.report(account_id).story_stale


def test_charts_are_redrawn_once_typing_pauses(qtbot: Any, panel: RoiPanel) -> None:
    with qtbot.waitSignal(panel.charts_ready, timeout=WAIT_MS):
        add_cost_line(panel)
    for label in (panel.results.value_chart, panel.results.scenario_chart,
                  panel.results.cash_chart):
        pixmap = label.pixmap()
        assert pixmap is not None and not pixmap.isNull() and pixmap.width() > 200
    # Loading and eight keystrokes came faster than the delay: one drawing, not nine.
    assert panel.charts.generation == 1


def test_chart_images_decode(qtbot: Any, panel: RoiPanel) -> None:
    from qbr_desktop.exports.roi_charts import cumulative_cash_chart

    add_cost_line(panel)
    assert panel.result is not None
    pixmap = QPixmap()
    assert pixmap.loadFromData(cumulative_cash_chart(panel.result), "PNG")


def test_history_lists_each_saved_quarter_and_the_selector_opens_them(
        qtbot: Any, panel: RoiPanel, context: Any, account_id: int) -> None:
    add_cost_line(panel)
    assert panel.save()
    current = context.roi.report(account_id).model
    earlier = replace(current, quarter=current.quarter.shifted(-1), lines=())
    context.roi.save(account_id, earlier)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(account_id)
    assert panel.history.rowCount() == 2
    texts = [panel.history.item(r, 0).text() for r in range(2)]  # type: ignore[union-attr]
    assert texts == [str(earlier.quarter), str(current.quarter)]
    assert panel.history.item(1, 2).text() == "200%"  # type: ignore[union-attr]
    index = panel.quarter_box.findData(str(earlier.quarter))
    panel.quarter_box.setCurrentIndex(index)
    panel.quarter_box.activated.emit(index)
    assert panel.quarter == earlier.quarter and not panel.line_docs


def test_switching_away_saves_valid_changes_and_keeps_invalid_drafts(
        qtbot: Any, panel: RoiPanel, context: Any, account_id: int) -> None:
    other = context.accounts.create(AccountDraft(name="Bluefin", arr=Decimal("40000"))).id
    add_cost_line(panel)
    panel.show_account(other)  # valid: saved on the way out
    assert context.roi.report(account_id).stored
    add_cost_line(panel, hours="lots")
    panel.show_account(account_id)
    assert not context.roi.report(other).stored  # invalid: not stored ...
    panel.show_account(other)  # ... but kept, with its message
    assert panel.dirty and field(panel, "hours_saved").text() == "lots"
    assert message(panel, "hours_saved") == "“lots” is not a number"


def test_removing_a_line_updates_the_results(panel: RoiPanel) -> None:
    add_cost_line(panel)
    add_cost_line(panel, hours="100", rate="10")
    assert panel.results.figures["value"].text() == "$364,000"
    panel.lines_table.selectRow(0)
    QTest.mouseClick(panel.remove_line_button, Qt.MouseButton.LeftButton)
    assert panel.results.figures["value"].text() == "$4,000"
    assert panel.lines_table.rowCount() == 1


def test_the_window_loads_the_roi_tab_when_it_is_shown(qtbot: Any, open_window: Any) -> None:
    window = open_window(seed=True)
    tabs = window.account_tabs
    assert tabs.tabText(3) == "ROI && va&lue"
    assert window.roi_panel.account_id is None  # not loaded until shown
    with qtbot.waitSignal(window.roi_panel.loaded, timeout=WAIT_MS):
        tabs.setCurrentIndex(3)
    account_id = window.list_panel.current_account_id()
    assert window.roi_panel.account_id == account_id
    assert window.roi_panel.results.figures["investment"].text() != ""
    window.roi_panel.charts.timer.stop()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_the_sensitivity_table_follows_the_typing(panel: RoiPanel) -> None:
    table = panel.results.sensitivity
    add_cost_line(panel)
    rows = [[table.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
            for r in range(table.rowCount())]
    # 360,000 of value on 120,000 of cost: the subscription at -20 % gives 275 %.
    assert ["Subscription: cost", "275%", "150%"] in rows
    assert len(rows) == 3  # subscription, hours saved, hourly rate
    type_into(field(panel, "hours_saved"), "2400")
    assert any(row[0].endswith("hours saved") and row[1] == "380%"
               for row in ([table.item(r, c).text() for c in range(3)]  # type: ignore
                           for r in range(table.rowCount())))


def test_value_by_quarter_follows_the_typing(panel: RoiPanel) -> None:
    add_cost_line(panel)
    table = panel.quarters
    assert table.rowCount() == 12  # three years
    first = [table.item(0, c).text() for c in range(5)]  # type: ignore[union-attr]
    # 360,000 a year is 90,000 a quarter; the 120,000 subscription is billed as year one
    # starts, so the cash position after the first quarter is -30,000.
    assert first[0] == "2026Q4" and first[1] == "$90,000" and first[3] == "$120,000"
    assert first[4] == "-$30,000"


def test_expansion_opportunities_show_after_saving_value(
        qtbot: Any, panel: RoiPanel, context: Any, account_id: int) -> None:
    assert "Record the value delivered" in panel.expansion.assumption.text()
    assert not panel.expansion.table.isVisibleTo(panel)
    context.accounts.update(account_id, {"licensed_seats": 100})
    context.departments.replace(account_id, [DepartmentItem("Finance 財務", 40, False)])
    add_cost_line(panel)
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "return on spend (3.0 to 1)" in panel.expansion.assumption.text()
    rows = [panel.expansion.table.item(0, c).text()  # type: ignore[union-attr]
            for c in range(5)]
    assert "Finance 財務" in rows[0]
    assert rows[3].endswith("%") and "month" in rows[4]
    assert "Finance 財務" in panel.expansion.table.item(0, 0).toolTip()  # type: ignore


@pytest.fixture
def german_numbers() -> Iterator[None]:
    use_number_style(style_for(QLocale("de_DE")))
    yield
    use_number_style(DEFAULT_STYLE)


def test_figures_read_and_show_in_the_csms_locale(german_numbers: None, panel: RoiPanel,
                                                  context: Any, account_id: int) -> None:
    add_cost_line(panel, hours="1.200", rate="75,5")
    assert panel.results.figures["value"].text() == "$362.400"
    assert panel.results.figures["investment"].text() == "$120.000"
    assert panel.lines_table.item(0, 2).text() == "$362.400"  # type: ignore[union-attr]
    assert panel.save()
    line = context.roi.report(account_id).model.lines[0]
    assert line.inputs["hours_saved"] == Decimal("1200")
    assert line.inputs["hourly_rate"] == Decimal("75.5")
    panel.show_account(account_id)
    assert field(panel, "hourly_rate").text() == "75,5"  # read back with the locale's comma


def test_scenario_multipliers_are_typed_per_line_and_stored(panel: RoiPanel, context: Any,
                                                           account_id: int) -> None:
    add_cost_line(panel)
    low = field(panel, "multipliers.low")
    assert low.placeholderText() == "0.75"  # medium confidence: ±25% unless told otherwise
    assert panel.results.scenarios[Scenario.CONSERVATIVE].text().startswith("125%")
    type_into(low, "0.5")
    assert message(panel, "multipliers.high") == (
        "give all three multipliers, or none to use the range that goes with the line's "
        "confidence")
    type_into(field(panel, "multipliers.expected"), "1")
    type_into(field(panel, "multipliers.high"), "0.9")
    assert "low ≤ expected ≤ high" in panel.line_editor.other_problems.text()
    type_into(field(panel, "multipliers.high"), "2")
    assert not panel.problems
    # $360,000 × 0.5 against $120,000: 50%; × 2: 500%.
    assert panel.results.scenarios[Scenario.CONSERVATIVE].text().startswith("50%")
    assert panel.results.scenarios[Scenario.OPTIMISTIC].text().startswith("500%")
    assert panel.save()
    stored = context.roi.report(account_id).model.lines[0].multipliers
    assert (stored.low, stored.expected, stored.high) == (Decimal("0.5"), 1, 2)
    for name in ("multipliers.low", "multipliers.expected", "multipliers.high"):
        field(panel, name).selectAll()
        QTest.keyClick(field(panel, name), Qt.Key.Key_Backspace)
    panel.line_editor.confidence_box.setCurrentIndex(
        panel.line_editor.confidence_box.findData("low"))
    assert low.placeholderText() == "0.5"
    assert panel.results.scenarios[Scenario.OPTIMISTIC].text().startswith("350%")
    assert panel.save()
    assert context.roi.report(account_id).model.lines[0].multipliers is None


def test_next_quarter_starts_from_this_quarters_model(panel: RoiPanel, context: Any,
                                                     account_id: int) -> None:
    add_cost_line(panel)
    assert panel.save()
    current = context.roi.current_quarter()
    following = current.shifted(1)
    index = panel.quarter_box.findData(str(following))
    assert panel.quarter_box.itemText(index) == f"{following} (not saved)"
    assert panel.quarter_box.findData(str(current.shifted(2))) >= 0
    panel.quarter_box.setCurrentIndex(index)
    panel.quarter_box.activated.emit(index)
    assert panel.quarter == following
    assert panel.save_state.text() == f"Not saved yet: starts from {current}'s model"
    assert panel.results.figures["value"].text() == "$360,000"
    type_into(field(panel, "hours_saved"), "1500")
    assert panel.save()
    history = dict(context.roi.history(account_id))
    assert history[current].total_value == Decimal("360000")
    assert history[following].total_value == Decimal("450000")


def test_a_long_line_name_leaves_the_sensitivity_rows_apart(panel: RoiPanel) -> None:
    add_cost_line(panel)
    label = field(panel, "label")
    label.setFocus()
    label.selectAll()
    name = "サポート窓口の自動化による工数削減（日本・韓国・台湾の三拠点合計）" * 3
    type_text(label, name)
    table = panel.results.sensitivity
    rows = [table.item(r, 0) for r in range(table.rowCount())]
    ours = [item for item in rows if item is not None and item.text().startswith(name)]
    assert {item.text() for item in ours} == {f"{name}: hours saved", f"{name}: hourly rate"}
    # Elided in the middle, the input each row is about stays in view; hover shows all.
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert [item.toolTip() for item in ours] == [item.text() for item in ours]
