"""The account's Stakeholders tab driven as a CSM would: drag cards, draw lines, select with
a rubber band, delete, zoom, edit a person, read coverage, tick attendance, switch views and
export; every change is checked on screen and in the store, and undo puts it back."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem
from stakeholder_support import Team, build_team, click, drag, open_panel, view_point, wheel

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholder_layout import org_chart
from qbr_desktop.domain.stakeholders import InfluenceLink, Stakeholder
from qbr_desktop.gui.stakeholders.canvas_items import RelationLine
from qbr_desktop.gui.stakeholders.map_view import MAX_ZOOM, MIN_ZOOM
from qbr_desktop.gui.stakeholders.stakeholder_panel import StakeholderPanel

MOVABLE = QGraphicsItem.GraphicsItemFlag.ItemIsMovable


@pytest.fixture
def team(context: Any) -> Team:
    return build_team(context)


@pytest.fixture
def panel(qtbot: Any, context: Any, team: Team) -> Iterator[StakeholderPanel]:
    yield open_panel(qtbot, context, team.account_id)


# Reading the screen and the store ------------------------------------------------------------
def stored(context: Any, team: Team, person_id: int) -> Stakeholder:
    return context.stakeholders.map(team.account_id).person(person_id)


def stored_xy(context: Any, team: Team, person_id: int) -> tuple[float, float]:
    person = stored(context, team, person_id)
    assert person.x is not None and person.y is not None
    return person.x, person.y


def card_xy(panel: StakeholderPanel, person_id: int) -> tuple[float, float]:
    pos = panel.card(person_id).pos()
    return pos.x(), pos.y()


def centre(panel: StakeholderPanel, person_id: int) -> QPoint:
    return view_point(panel.view, panel.scene_point(person_id))


def lines_of(panel: StakeholderPanel, person_id: int) -> list[RelationLine]:
    return [line for line in panel.scene.lines
            if person_id in (line.source.person_id, line.target.person_id)]


def influence_lines(panel: StakeholderPanel) -> set[tuple[int, int]]:
    return {(line.source.person_id, line.target.person_id) for line in panel.scene.lines
            if line.is_influence}


def reporting_lines(panel: StakeholderPanel) -> set[tuple[int, int]]:
    return {(line.source.person_id, line.target.person_id) for line in panel.scene.lines
            if not line.is_influence}


def finding_item(panel: StakeholderPanel, words: str) -> Any:
    items = [panel.coverage.list.item(row) for row in range(panel.coverage.list.count())]
    matches = [item for item in items if words in item.text()]
    assert matches, [item.text() for item in items]
    return matches[0]


def select_by_click(panel: StakeholderPanel, person_id: int) -> None:
    click(panel.view, centre(panel, person_id))
    assert panel.scene.selected_people() == [person_id]
    assert panel.person_editor.person is not None
    assert panel.person_editor.person.id == person_id


def scene_delta(panel: StakeholderPanel, start: QPoint, end: QPoint) -> tuple[float, float]:
    a, b = panel.view.mapToScene(start), panel.view.mapToScene(end)
    return b.x() - a.x(), b.y() - a.y()


# 1. Dragging a card --------------------------------------------------------------------------
def test_dragging_a_card_moves_it_stores_it_and_its_lines_follow(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    vp = team.vp
    before_screen = card_xy(panel, vp)
    before_store = stored_xy(context, team, vp)
    assert before_screen == before_store
    before_lines = {id(line): line.line() for line in lines_of(panel, vp)}
    assert len(before_lines) == 3  # reports to the CFO, the champion's manager, swayed

    start = centre(panel, vp)
    end = start + QPoint(120, 0)
    dx, dy = scene_delta(panel, start, end)
    drag(panel.view, start, end)

    moved_screen = card_xy(panel, vp)
    assert moved_screen == pytest.approx((before_screen[0] + dx, before_screen[1] + dy))
    assert stored_xy(context, team, vp) == pytest.approx(moved_screen)
    for line in lines_of(panel, vp):
        assert line.line() != before_lines[id(line)]
    assert panel.undo_stack.count() == 1
    # The others stayed where they were.
    assert stored_xy(context, team, team.cfo) == (250, 0)

    panel.undo_stack.undo()
    assert card_xy(panel, vp) == before_screen
    assert stored_xy(context, team, vp) == before_store
    assert {id(line): line.line() for line in lines_of(panel, vp)} == before_lines

    panel.undo_stack.redo()
    assert card_xy(panel, vp) == pytest.approx(moved_screen)
    assert stored_xy(context, team, vp) == pytest.approx(moved_screen)

    assert panel.undo_action.isEnabled()
    panel.undo_action.trigger()
    assert card_xy(panel, vp) == before_screen
    assert stored_xy(context, team, vp) == before_store
    panel.redo_action.trigger()
    assert stored_xy(context, team, vp) == pytest.approx(moved_screen)


# 2. Snap to grid -----------------------------------------------------------------------------
def test_with_snap_on_a_drag_lands_on_the_20_point_grid(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    panel.snap_action.trigger()
    assert panel.snap_action.isChecked()
    start = centre(panel, team.user)
    drag(panel.view, start, start + QPoint(113, 47))
    x, y = card_xy(panel, team.user)
    assert (x, y) != (0, 450)
    assert x % 20 == 0 and y % 20 == 0
    assert stored_xy(context, team, team.user) == (x, y)

    panel.snap_action.trigger()  # off: a drag lands where the pointer leaves it
    start = centre(panel, team.user)
    end = start + QPoint(113, 0)
    dx, _ = scene_delta(panel, start, end)
    drag(panel.view, start, end)
    assert card_xy(panel, team.user)[0] == pytest.approx(x + dx)


# 3. Drawing lines ----------------------------------------------------------------------------
def test_drawing_an_influence_line_stores_it_and_undo_removes_it(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    panel.influence_action.trigger()
    assert panel.influence_action.isChecked()
    drag(panel.view, centre(panel, team.champion), centre(panel, team.cfo))

    assert (team.champion, team.cfo) in influence_lines(panel)
    line = next(line for line in panel.scene.lines if line.is_influence
                and line.source.person_id == team.champion)
    assert line.link == InfluenceLink(team.champion, team.cfo, 2)
    links = context.stakeholders.map(team.account_id).links
    assert InfluenceLink(team.champion, team.cfo, 2) in links
    assert len(links) == 2
    # Drawing did not move anything.
    assert stored_xy(context, team, team.champion) == (250, 300)

    panel.undo_action.trigger()
    assert (team.champion, team.cfo) not in influence_lines(panel)
    assert context.stakeholders.map(team.account_id).links == (
        InfluenceLink(team.detractor, team.vp, 2),)
    panel.redo_action.trigger()
    assert (team.champion, team.cfo) in influence_lines(panel)


def test_drawing_reports_to_stores_the_manager_and_a_loop_is_refused_by_name(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    panel.reports_action.trigger()
    drag(panel.view, centre(panel, team.user), centre(panel, team.champion))
    assert stored(context, team, team.user).manager_id == team.champion
    assert (team.user, team.champion) in reporting_lines(panel)
    assert not panel.message.isVisible()
    steps = panel.undo_stack.count()

    drag(panel.view, centre(panel, team.cfo), centre(panel, team.vp))
    assert panel.message.isVisible()
    assert "loop" in panel.message.text()
    assert "Carla Finch" in panel.message.text() and "Victor Park" in panel.message.text()
    assert stored(context, team, team.cfo).manager_id is None
    assert stored(context, team, team.vp).manager_id == team.cfo
    assert (team.cfo, team.vp) not in reporting_lines(panel)
    assert panel.undo_stack.count() == steps

    panel.undo_action.trigger()
    assert stored(context, team, team.user).manager_id is None
    assert (team.user, team.champion) not in reporting_lines(panel)


# 4. Rubber band and Delete -------------------------------------------------------------------
def test_rubber_band_selects_two_cards_and_delete_removes_them_in_one_step(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    panel.view.setFocus()
    # From empty canvas left of the champion across into the detractor's card.
    start = view_point(panel.view, QPointF(230, 320))
    end = view_point(panel.view, QPointF(520, 370))
    assert panel.scene.itemAt(panel.view.mapToScene(start), panel.view.transform()) is None
    drag(panel.view, start, end, steps=10)
    assert panel.scene.selected_people() == sorted([team.champion, team.detractor])
    assert card_xy(panel, team.champion) == (250, 300)  # selecting moved nothing

    QTest.keyClick(panel.view, Qt.Key.Key_Delete)
    assert team.champion not in panel.scene.cards
    assert team.detractor not in panel.scene.cards
    people = {p.id for p in context.stakeholders.map(team.account_id).people}
    assert people == {team.cfo, team.vp, team.user}
    assert context.stakeholders.map(team.account_id).links == ()
    assert panel.undo_stack.count() == 1

    panel.undo_action.trigger()
    restored = context.stakeholders.map(team.account_id)
    assert {p.id for p in restored.people} == {team.cfo, team.vp, team.champion, team.user,
                                               team.detractor}
    assert restored.person(team.champion).manager_id == team.vp
    assert restored.links == (InfluenceLink(team.detractor, team.vp, 2),)
    assert set(panel.scene.cards) == {p.id for p in restored.people}
    assert (team.champion, team.vp) in reporting_lines(panel)
    assert (team.detractor, team.vp) in influence_lines(panel)
    assert card_xy(panel, team.detractor) == (500, 300)


# 5. Zoom -------------------------------------------------------------------------------------
def test_wheel_and_keys_zoom_within_bounds(panel: StakeholderPanel) -> None:
    view = panel.view
    panel.view.setFocus()
    start = view.zoom()
    wheel(view, 1)
    assert view.zoom() > start
    wheel(view, 40)
    assert view.zoom() == pytest.approx(MAX_ZOOM)
    wheel(view, -80)
    assert view.zoom() == pytest.approx(MIN_ZOOM)

    QTest.keyClick(view, Qt.Key.Key_0)
    assert view.zoom() == pytest.approx(1.0)
    QTest.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom() > 1.0
    QTest.keyClick(view, Qt.Key.Key_0)
    QTest.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom() < 1.0
    for _ in range(30):
        QTest.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom() == pytest.approx(MIN_ZOOM)
    QTest.keyClick(view, Qt.Key.Key_F)
    assert MIN_ZOOM <= view.zoom() <= 1.0
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for card in panel.scene.cards.values():
        assert visible.contains(card.sceneBoundingRect())


# 6. The person editor ------------------------------------------------------------------------
def test_editing_the_selected_person_updates_card_and_store_and_undoes(
        qtbot: Any, panel: StakeholderPanel, context: Any, team: Team) -> None:
    select_by_click(panel, team.champion)
    editor = panel.person_editor
    assert editor.name_edit.text() == "Dana Chen"

    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    QTest.keyClicks(editor.name_edit, "Dana Chen-Ortiz")
    QTest.keyClick(editor.name_edit, Qt.Key.Key_Return)
    assert stored(context, team, team.champion).name == "Dana Chen-Ortiz"
    assert panel.card(team.champion).person.name == "Dana Chen-Ortiz"
    assert panel.scene.selected_people() == [team.champion]  # still selected after reload

    editor.influence_spin.setValue(5)
    assert stored(context, team, team.champion).influence == 5
    assert panel.card(team.champion).person.influence == 5

    QTest.keyClick(editor.sentiment_box, Qt.Key.Key_Down)  # +2 → +1
    assert editor.sentiment_box.currentData() == 1
    assert stored(context, team, team.champion).sentiment == 1
    assert panel.card(team.champion).person.sentiment == 1
    assert panel.undo_stack.count() == 3

    panel.undo_action.trigger()
    assert stored(context, team, team.champion).sentiment == 2
    panel.undo_action.trigger()
    assert stored(context, team, team.champion).influence == 3
    panel.undo_action.trigger()
    person = stored(context, team, team.champion)
    assert (person.name, person.influence, person.sentiment) == ("Dana Chen", 3, 2)
    assert panel.card(team.champion).person == person
    assert editor.name_edit.text() == "Dana Chen"


def test_unicode_name_and_long_marked_up_title_are_stored_and_shown_literally(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    select_by_click(panel, team.user)
    editor = panel.person_editor
    name = "王小明 🚀"
    title = ("<b>& Head of " + "Regional Dispatch Operations " * 7)[:200]
    assert len(title) == 200
    editor.name_edit.setText(name)
    editor.name_edit.editingFinished.emit()
    editor.title_edit.setText(title)
    editor.title_edit.editingFinished.emit()

    person = stored(context, team, team.user)
    assert person.name == name
    assert person.title == title.strip()
    card = panel.card(team.user)
    assert card.person.name == name
    tip = card.toolTip()
    assert name in tip
    assert html.escape(title.strip()) in tip
    assert "&lt;b&gt;&amp;" in tip
    assert "<b>&" not in tip


def test_card_tooltip_shows_unicode_and_markup_literally(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    """The display half of the test above, with the change stored through the service."""
    name = "王小明 🚀"
    title = ("<b>& Head of " + "Regional Dispatch Operations " * 7)[:200].strip()
    person = stored(context, team, team.user)
    context.stakeholders.update_person(replace(person, name=name, title=title))
    panel.reload()
    assert stored(context, team, team.user).title == title
    select_by_click(panel, team.user)
    assert panel.person_editor.name_edit.text() == name
    assert panel.person_editor.title_edit.text() == title
    tip = panel.card(team.user).toolTip()
    assert name in tip and html.escape(title) in tip
    assert "&lt;b&gt;&amp;" in tip and "<b>&" not in tip


# 7. Coverage ---------------------------------------------------------------------------------
def test_choosing_a_finding_highlights_exactly_its_people(
        panel: StakeholderPanel, team: Team) -> None:
    panel.side.setCurrentWidget(panel.coverage)
    assert panel.side.tabText(1).startswith("Coverage (")
    listing = panel.coverage.list

    senior = finding_item(panel, "Strategic account")
    click_item(listing, senior)
    highlighted = {pid for pid, card in panel.scene.cards.items() if card.highlighted}
    assert highlighted == {team.cfo, team.vp}

    detractor = finding_item(panel, "can sway the decision")
    click_item(listing, detractor)
    highlighted = {pid for pid, card in panel.scene.cards.items() if card.highlighted}
    assert highlighted == {team.detractor}


def click_item(listing: Any, item: Any) -> None:
    listing.scrollToItem(item)
    QTest.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, listing.visualItemRect(item).center())
    assert listing.currentItem() is item


def test_marking_the_champion_departed_raises_a_finding(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    texts = [panel.coverage.list.item(i).text() for i in range(panel.coverage.list.count())]
    assert not any("has left" in text for text in texts)
    select_by_click(panel, team.champion)
    panel.person_editor.departed_box.click()
    assert stored(context, team, team.champion).departed
    assert panel.card(team.champion).person.departed

    item = finding_item(panel, "Dana Chen, your champion, has left")
    assert item.data(Qt.ItemDataRole.UserRole) == [team.champion]
    rules = [f.rule for f in context.stakeholders.coverage(team.account_id)]
    assert "key_person_departed" in rules


def test_a_departed_champion_stored_elsewhere_shows_as_a_finding_on_reload(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    """The coverage half of the test above, with the change stored through the service."""
    champion = stored(context, team, team.champion)
    context.stakeholders.update_person(replace(champion, departed=True))
    panel.reload()
    assert panel.card(team.champion).person.departed
    item = finding_item(panel, "Dana Chen, your champion, has left")
    assert item.data(Qt.ItemDataRole.UserRole) == [team.champion]
    panel.side.setCurrentWidget(panel.coverage)
    click_item(panel.coverage.list, item)
    highlighted = {pid for pid, card in panel.scene.cards.items() if card.highlighted}
    assert highlighted == {team.champion}


# 8. Attendance -------------------------------------------------------------------------------
def test_confirming_the_sponsor_for_a_review_is_stored_and_ticks_the_plan(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    review_id = context.plans.schedule(team.account_id,
                                       date.today() + timedelta(days=30)).review_id
    panel.reload()
    panel.side.setCurrentWidget(panel.attendance)
    table = panel.attendance.table
    box = panel.attendance.review_box
    index = box.findData(review_id)
    assert index >= 0
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert panel.attendance.current_review() == review_id
    assert table.rowCount() == 5
    assert not context.plans.plan(review_id).executives_confirmed

    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == team.vp)
    table.item(row, 2).setCheckState(Qt.CheckState.Checked)

    entries = context.stakeholders.attendance(review_id)
    assert [(e.person_id, e.invited, e.confirmed, e.attended) for e in entries] == [
        (team.vp, True, True, False)]
    assert context.plans.plan(review_id).executives_confirmed is True
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == team.vp)
    assert table.item(row, 1).checkState() == Qt.CheckState.Checked  # confirmed ⇒ invited
    assert table.item(row, 2).checkState() == Qt.CheckState.Checked
    assert "Victor Park" in panel.attendance.indicator.text()

    # One undo step puts the box, the store and the prep timeline back; redo ticks it again.
    assert panel.undo_stack.undoText() == "Change attendance of “Victor Park”"
    panel.undo_stack.undo()
    assert [(e.confirmed, e.invited) for e in context.stakeholders.attendance(review_id)
            if e.person_id == team.vp] in ([], [(False, False)])
    assert context.plans.plan(review_id).executives_confirmed is False
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == team.vp)
    assert table.item(row, 2).checkState() == Qt.CheckState.Unchecked
    panel.undo_stack.redo()
    assert context.plans.plan(review_id).executives_confirmed is True


# 9. Views ------------------------------------------------------------------------------------
def test_grid_view_places_cards_by_power_and_interest_and_back(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    org = panel.scene.positions()
    panel.grid_action.trigger()
    assert panel.grid_view and panel.grid_action.isChecked()
    grid = panel.scene.positions()
    assert set(grid) == set(org)
    assert grid != org
    assert all(not card.flags() & MOVABLE for card in panel.scene.cards.values())
    assert not panel.layout_action.isEnabled()
    assert reporting_lines(panel) == set()

    start = centre(panel, team.user)  # a drag in the grid moves nothing
    drag(panel.view, start, start + QPoint(120, 0))
    assert panel.scene.positions() == grid
    assert stored_xy(context, team, team.user) == (0, 450)
    assert panel.undo_stack.count() == 0

    panel.org_action.trigger()
    assert not panel.grid_view
    assert panel.scene.positions() == org
    assert all(card.flags() & MOVABLE for card in panel.scene.cards.values())


def test_auto_layout_arranges_as_an_org_chart_in_one_undo_step(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    before = panel.scene.positions()
    people = list(context.stakeholders.map(team.account_id).people)
    expected = org_chart(people).positions
    panel.layout_action.trigger()
    assert panel.scene.positions() == {pid: pytest.approx(xy) for pid, xy in expected.items()}
    assert panel.scene.positions() != before
    for person in context.stakeholders.map(team.account_id).people:
        assert (person.x, person.y) == pytest.approx(expected[person.id])
    assert panel.undo_stack.count() == 1

    panel.undo_action.trigger()
    assert panel.scene.positions() == before
    for person in context.stakeholders.map(team.account_id).people:
        assert (person.x, person.y) == before[person.id]


# 10. Empty state -----------------------------------------------------------------------------
def test_an_empty_map_says_what_to_do_and_add_person_starts_one(
        qtbot: Any, panel: StakeholderPanel, context: Any) -> None:
    empty_id = context.accounts.create(AccountDraft(name="Nobody Yet", arr=Decimal("9000"))).id
    panel.show_account(empty_id)
    assert panel.scene.cards == {}
    picture = panel.view.viewport().grab().toImage().convertToFormat(
        QImage.Format.Format_RGB32)
    background = picture.pixel(5, 5)
    assert any(picture.pixel(x, y) != background
               for x in range(0, picture.width(), 3) for y in range(0, picture.height(), 3))

    panel.add_action.trigger()
    stored_people = context.stakeholders.map(empty_id).people
    assert [p.name for p in stored_people] == ["New person 1"]
    added = stored_people[0].id
    assert list(panel.scene.cards) == [added]
    assert panel.scene.selected_people() == [added]
    assert panel.side.currentWidget() is panel.person_editor
    assert panel.person_editor.name_edit.text() == "New person 1"
    assert panel.focusWidget() is panel.person_editor.name_edit
    qtbot.waitUntil(panel.person_editor.name_edit.hasFocus, timeout=2000)
    assert panel.person_editor.name_edit.selectedText() == "New person 1"

    painted = panel.view.viewport().grab().toImage()
    assert painted != picture.convertToFormat(painted.format())


# 11. Export ----------------------------------------------------------------------------------
def test_export_writes_a_png_and_an_anonymous_svg_without_names(
        qtbot: Any, panel: StakeholderPanel, context: Any, team: Team, tmp_path: Path) -> None:
    with qtbot.waitSignal(panel.exported, timeout=30000) as written:
        panel.export_to(tmp_path / "map.png")
    png = written.args[0]
    assert png == tmp_path / "map.png"
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 1000
    assert "Saved" in panel.message.text()

    panel.anonymous_action.trigger()
    assert panel.anonymous
    with qtbot.waitSignal(panel.exported, timeout=30000) as written:
        panel.export_to(tmp_path / "map.svg")
    svg = written.args[0]
    text = svg.read_text(encoding="utf-8")
    people = context.stakeholders.map(team.account_id).people
    for person in people:
        assert person.name not in text
        assert person.name.split()[0] not in text
        assert person.title in text


def test_people_in_a_coverage_risk_carry_a_mark_on_the_map(panel: StakeholderPanel,
                                                          team: Team) -> None:
    marked = {pid for pid, card in panel.scene.cards.items() if card.at_risk}
    assert team.detractor in marked  # a detractor with influence 4
    assert team.user not in marked


def test_namesakes_are_told_apart_in_the_reports_to_list(panel: StakeholderPanel,
                                                         context: Any, team: Team) -> None:
    context.stakeholders.add_person(team.account_id, Stakeholder(
        0, "Carla Finch", "Head of Finance Ops", level=ContactLevel.DIRECTOR))
    panel.reload()
    select_by_click(panel, team.user)
    box = panel.person_editor.manager_box
    shown = [box.itemText(i) for i in range(box.count())]
    assert "Carla Finch (CFO)" in shown and "Carla Finch (Head of Finance Ops)" in shown
    assert "Victor Park" in shown  # a unique name stays as it is
