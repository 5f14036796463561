"""The Stakeholders tab's person editor driven by keyboard and mouse: nothing typed is lost
whatever the order of the fields or a reload in between, Tab reads the editor in order and
leaves it, a person can be entered without the mouse, an email is checked, stored, undone
and reaches the share email, and new cards never land on others."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from stakeholder_support import Team, build_team, click, open_panel, view_point
from typing_support import type_text

from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import DecisionRole, OurSide, Stakeholder
from qbr_desktop.gui.stakeholders.person_editor import PersonEditor
from qbr_desktop.gui.stakeholders.stakeholder_panel import StakeholderPanel
from qbr_desktop.i18n import CHINESE, ENGLISH, set_interface_language

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def team(context: Any) -> Team:
    return build_team(context)


@pytest.fixture
def panel(qtbot: Any, context: Any, team: Team) -> Iterator[StakeholderPanel]:
    shown = open_panel(qtbot, context, team.account_id)
    shown.activateWindow()
    assert QTest.qWaitForWindowActive(shown, 5000)
    yield shown


def stored(context: Any, team: Team, person_id: int) -> Stakeholder:
    return context.stakeholders.map(team.account_id).person(person_id)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    """A key, pressed wherever the focus is (as a person's keyboard delivers it)."""
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifiers)


def click_into(widget: QWidget) -> None:
    target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
    QTest.mouseClick(target, LEFT)
    assert focused() is widget, f"clicking {widget!r} gave the focus to {focused()!r}"


def tab_to(widget: QWidget, order: list[QWidget]) -> None:
    """Tab, or Shift+Tab if it lies back up the form, until `widget` has the focus."""
    current = focused()
    backwards = current in order and order.index(current) > order.index(widget)
    for _ in range(40):
        if focused() is widget:
            return
        press(Qt.Key.Key_Tab, SHIFT if backwards else Qt.KeyboardModifier.NoModifier)
    raise AssertionError(f"Tab never reached {widget!r}; the focus is on {focused()!r}")


def select_card(panel: StakeholderPanel, person_id: int) -> PersonEditor:
    click(panel.view, view_point(panel.view, panel.scene_point(person_id)))
    editor = panel.person_editor
    assert editor.person is not None and editor.person.id == person_id
    return editor


def field_text(widget: QWidget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


# 1. Nothing typed is lost ------------------------------------------------------------------------
ORDERS = {
    "name then title": ["name", "title"],
    "title then name": ["title", "name"],
    "notes first": ["priorities", "name", "owner_name", "title"],
}
TYPED = {"name": "Uma Lee-Okafor", "title": "Head of Dispatch",
         "owner_name": "Sam Rivera", "priorities": "Fewer late trucks"}


@pytest.mark.parametrize("move", ["click", "tab"])
@pytest.mark.parametrize("order", list(ORDERS), ids=list(ORDERS))
def test_every_field_typed_in_any_order_is_kept_on_screen_and_stored(
        panel: StakeholderPanel, context: Any, team: Team, order: str, move: str) -> None:
    editor = select_card(panel, team.user)
    widgets = {"name": editor.name_edit, "title": editor.title_edit,
               "owner_name": editor.owner_name_edit, "priorities": editor.priorities_edit}
    click_into(editor.name_edit)
    for field in ORDERS[order]:
        widget = widgets[field]
        if move == "click":
            click_into(widget)
        else:
            tab_to(widget, reading_order(editor))
        QTest.keyClick(widget, Qt.Key.Key_A, CTRL)  # replace what is there
        type_text(widget, TYPED[field])  # no pause: as fast as the events come
    press(Qt.Key.Key_Tab)  # the last field is finished

    person = stored(context, team, team.user)
    for field in ORDERS[order]:
        assert field_text(widgets[field]) == TYPED[field], field
        assert getattr(person, field) == TYPED[field], field
    assert panel.card(team.user).person == person
    click(panel.view, view_point(panel.view, QPointF(-150, -150)))  # done: click the map
    assert stored(context, team, team.user) == person


def test_a_title_typed_after_the_name_goes_to_the_title_not_elsewhere(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    """The tester's steps: type the name, click the Title field, type."""
    editor = select_card(panel, team.user)
    click_into(editor.name_edit)
    QTest.keyClick(editor.name_edit, Qt.Key.Key_A, CTRL)
    type_text(editor.name_edit, "Uma Lee-Okafor")
    click_into(editor.title_edit)  # the name is saved as the focus leaves it
    assert stored(context, team, team.user).name == "Uma Lee-Okafor"
    assert focused() is editor.title_edit  # the save did not take the focus away
    QTest.keyClick(editor.title_edit, Qt.Key.Key_End)
    type_text(editor.title_edit, " and Yard")
    QTest.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.title_edit.text() == "Dispatcher and Yard"
    assert stored(context, team, team.user).title == "Dispatcher and Yard"
    assert panel.card(team.user).person.title == "Dispatcher and Yard"


def test_text_being_typed_survives_a_reload_and_an_undo_of_another_field(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    editor = select_card(panel, team.user)
    click_into(editor.name_edit)
    QTest.keyClick(editor.name_edit, Qt.Key.Key_A, CTRL)
    type_text(editor.name_edit, "Uma L.")
    QTest.keyClick(editor.name_edit, Qt.Key.Key_Return)
    click_into(editor.title_edit)
    QTest.keyClick(editor.title_edit, Qt.Key.Key_A, CTRL)
    type_text(editor.title_edit, "Yard lead")  # not finished yet

    panel.forget()  # another tab changed the account: the map reloads while she types
    assert editor.title_edit.text() == "Yard lead"
    assert focused() is editor.title_edit
    button = panel.toolbar.widgetForAction(panel.undo_action)
    QTest.mouseClick(button, LEFT)  # undoes the name, not what is being typed
    assert stored(context, team, team.user).name == "Uma Lee"
    assert editor.name_edit.text() == "Uma Lee"
    assert editor.title_edit.text() == "Yard lead"
    type_text(editor.title_edit, " (nights)")
    press(Qt.Key.Key_Tab)
    person = stored(context, team, team.user)
    assert (person.name, person.title) == ("Uma Lee", "Yard lead (nights)")


# 2. Tab order ------------------------------------------------------------------------------------
def reading_order(editor: PersonEditor) -> list[QWidget]:
    return [editor.name_edit, editor.title_edit, editor.email_edit, editor.level_box,
            editor.role_box, editor.influence_spin, editor.sentiment_box,
            editor.strength_spin, editor.contact_edit, editor.today_button,
            editor.manager_box, editor.owner_box, editor.owner_name_edit,
            editor.priorities_edit, editor.concerns_edit, editor.notes_edit,
            editor.departed_box, editor.aligned_box]


@pytest.mark.parametrize("who", ["cfo", "user"])  # never contacted, and contacted 3 days ago
def test_tab_reads_the_editor_in_order_and_leaves_it_after_the_last_field(
        panel: StakeholderPanel, team: Team, who: str) -> None:
    editor = select_card(panel, getattr(team, who))
    order = reading_order(editor)
    click_into(editor.name_edit)
    for expected in order[1:]:
        press(Qt.Key.Key_Tab)
        assert focused() is expected, (expected, focused())
    press(Qt.Key.Key_Tab)
    assert focused() is panel.view  # out of the editor, on to the map
    press(Qt.Key.Key_Tab)
    assert focused() is panel.side.tabBar()
    press(Qt.Key.Key_Tab)
    assert focused() is editor.name_edit

    editor.aligned_box.setFocus()
    for expected in reversed(order[:-1]):
        press(Qt.Key.Key_Tab, SHIFT)
        assert focused() is expected, (expected, focused())
    press(Qt.Key.Key_Tab, SHIFT)
    assert focused() is panel.side.tabBar()
    press(Qt.Key.Key_Tab, SHIFT)
    assert focused() is panel.view


@pytest.mark.parametrize("side_tab", [0, 1, 2], ids=["person", "coverage", "attendance"])
def test_tab_and_shift_tab_go_round_the_whole_tab_without_a_trap(
        panel: StakeholderPanel, context: Any, team: Team, side_tab: int) -> None:
    context.plans.schedule(team.account_id, date.today() + timedelta(days=10), time(10),
                           time_zone="UTC")
    panel.reload()
    select_card(panel, team.user)
    panel.side.setCurrentIndex(side_tab)
    panel.view.setFocus()
    for key_modifiers in (Qt.KeyboardModifier.NoModifier, SHIFT):
        seen: list[QWidget] = []
        for _ in range(60):
            press(Qt.Key.Key_Tab, key_modifiers)
            widget = focused()
            assert widget is not None
            seen.append(widget)
            if widget is panel.view:
                break
        assert seen[-1] is panel.view, [type(w).__name__ for w in seen]
        assert len(seen) == len(set(seen))  # every stop once a round: nothing holds the focus
        assert panel.side.tabBar() in seen


# 3. A person without the mouse -------------------------------------------------------------------
def test_a_person_is_entered_with_the_keyboard_alone(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    panel.view.setFocus()
    press(Qt.Key.Key_Insert)
    editor = panel.person_editor
    assert focused() is editor.name_edit
    assert editor.person is not None
    new_id = editor.person.id
    type_text(editor.name_edit, "Zhang Wei 张伟")  # over the selected "New person 6"
    press(Qt.Key.Key_Return)  # Return saves the field and stays in it
    assert stored(context, team, new_id).name == "Zhang Wei 张伟"
    assert focused() is editor.name_edit
    press(Qt.Key.Key_Tab)
    type_text(editor.title_edit, "Head of Freight")
    press(Qt.Key.Key_Tab)
    type_text(editor.email_edit, "zhang.wei@acme.example")
    press(Qt.Key.Key_Tab)
    assert focused() is editor.level_box
    press(Qt.Key.Key_Up)  # User → Manager
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Up)  # influence 3 → 4
    press(Qt.Key.Key_Tab)

    person = stored(context, team, new_id)
    assert (person.name, person.title, person.email) == (
        "Zhang Wei 张伟", "Head of Freight", "zhang.wei@acme.example")
    assert (person.level.value, person.influence) == ("Manager", 4)
    assert panel.card(new_id).person == person

    press(Qt.Key.Key_N, CTRL | SHIFT)  # the other shortcut, from inside the editor
    assert editor.person is not None and editor.person.id != new_id
    assert focused() is editor.name_edit
    assert len(context.stakeholders.map(team.account_id).people) == 7


# 4. Email ----------------------------------------------------------------------------------------
def test_an_email_typed_in_the_editor_is_stored_shown_and_undone(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    editor = select_card(panel, team.user)
    click_into(editor.email_edit)
    type_text(editor.email_edit, "uma.lee@acme.example")
    press(Qt.Key.Key_Tab)
    assert stored(context, team, team.user).email == "uma.lee@acme.example"
    assert "uma.lee@acme.example" in panel.card(team.user).toolTip()
    assert editor.email_problem.isHidden()

    panel.undo_action.trigger()
    assert stored(context, team, team.user).email == ""
    assert editor.email_edit.text() == ""
    panel.redo_action.trigger()
    assert stored(context, team, team.user).email == "uma.lee@acme.example"
    assert editor.email_edit.text() == "uma.lee@acme.example"


def test_a_bad_address_is_refused_inline_while_the_other_fields_are_saved(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    editor = select_card(panel, team.user)
    click_into(editor.email_edit)
    type_text(editor.email_edit, "uma at acme")
    press(Qt.Key.Key_Tab)
    assert stored(context, team, team.user).email == ""
    assert editor.email_problem.isVisible()
    assert editor.email_problem.text().startswith("Not an email address")
    assert editor.email_edit.property("invalid") == "true"
    assert editor.email_edit.text() == "uma at acme"  # kept on screen to be put right

    click_into(editor.title_edit)
    QTest.keyClick(editor.title_edit, Qt.Key.Key_A, CTRL)
    type_text(editor.title_edit, "Yard lead")
    press(Qt.Key.Key_Return)
    assert stored(context, team, team.user).title == "Yard lead"
    assert editor.email_edit.text() == "uma at acme"
    assert stored(context, team, team.user).email == ""

    select_card(panel, team.vp)  # moving on: the refusal is said where it stays visible
    assert panel.message.isVisible()
    assert panel.message.text().startswith(
        "Not saved for Uma Lee: “uma at acme” is not an email address")

    editor = select_card(panel, team.user)
    assert editor.email_edit.text() == ""
    assert editor.email_problem.isHidden()


def test_a_confirmed_person_gets_the_share_email_at_the_address_typed(
        panel: StakeholderPanel, context: Any, team: Team, tmp_path: Path) -> None:
    from qbr_desktop.cli import main

    context.plans.schedule(team.account_id, date.today() + timedelta(days=10), time(10),
                           time_zone="UTC")
    panel.reload()
    QTest.mouseClick(panel.side.tabBar(), LEFT, pos=panel.side.tabBar().tabRect(2).center())
    table = panel.attendance.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Uma Lee")
    QTest.mouseClick(table.viewport(), LEFT,
                     pos=table.visualItemRect(table.item(row, 0)).center())
    press(Qt.Key.Key_Right)  # Invited
    press(Qt.Key.Key_Right)  # Confirmed
    press(Qt.Key.Key_Space)
    assert table.item(row, 2).checkState() == Qt.CheckState.Checked
    assert "cannot reach Uma Lee" in panel.attendance.no_address.text()
    assert panel.attendance.no_address.isVisible()

    QTest.mouseClick(panel.side.tabBar(), LEFT, pos=panel.side.tabBar().tabRect(0).center())
    editor = select_card(panel, team.user)
    click_into(editor.email_edit)
    type_text(editor.email_edit, "uma.lee@acme.example")
    press(Qt.Key.Key_Return)
    assert stored(context, team, team.user).email == "uma.lee@acme.example"
    QTest.mouseClick(panel.side.tabBar(), LEFT, pos=panel.side.tabBar().tabRect(2).center())
    assert panel.attendance.no_address.isHidden()

    out = tmp_path / "share.eml"
    database = tmp_path / "portfolio.sqlite"  # the context fixture's file
    assert database.exists()
    assert main(["--db", str(database), "export", "email", "Acme Logistics", "--out",
                 str(out)]) == 0
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    recipients = [address.addr_spec for address in message["To"].addresses]
    assert recipients == ["uma.lee@acme.example"]
    assert message["To"].addresses[0].display_name == "Uma Lee"


# 5. New cards in free places ---------------------------------------------------------------------
def card_rects(panel: StakeholderPanel) -> dict[int, QRectF]:
    return {pid: card.sceneBoundingRect() for pid, card in panel.scene.cards.items()}


def overlapping(rects: dict[int, QRectF]) -> list[tuple[int, int]]:
    items = sorted(rects.items())
    return [(a, b) for i, (a, ra) in enumerate(items) for b, rb in items[i + 1:]
            if ra.intersects(rb)]


def test_five_people_added_in_a_row_overlap_no_card_and_keep_their_places(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    before = set(panel.scene.cards)
    panel.view.setFocus()
    for number in range(5):
        if number % 2:
            QTest.mouseClick(panel.toolbar.widgetForAction(panel.add_action), LEFT)
        else:
            press(Qt.Key.Key_Insert)
        type_text(focused(), f"Newcomer {number}")
        press(Qt.Key.Key_Return)
        added = panel.person_editor.person
        assert added is not None and added.name == f"Newcomer {number}"
        visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
        assert visible.contains(panel.card(added.id).sceneBoundingRect())
    rects = card_rects(panel)
    assert len(rects) == len(before) + 5
    assert overlapping(rects) == []
    people = context.stakeholders.map(team.account_id).people
    assert {p.id: (p.x, p.y) for p in people} == panel.scene.positions()


def test_people_added_on_the_grid_get_free_places_on_the_org_chart(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    panel.grid_action.trigger()
    for _ in range(3):
        panel.add_action.trigger()
    panel.org_action.trigger()
    assert len(panel.scene.cards) == 8
    assert overlapping(card_rects(panel)) == []
    assert all(p.x is not None for p in context.stakeholders.map(team.account_id).people)


# In the main window, as the tester drove it ----------------------------------------------------
def test_in_the_window_a_person_is_typed_in_full_and_tab_leaves_and_enters_the_tab(
        open_window: Any, qtbot: Any) -> None:
    from qbr_desktop.gui.tabs import AccountTab

    window = open_window(seed=True)
    account_id = next(a.id for a in window.context.accounts.list_accounts()
                      if a.name == "Acme Logistics")
    window.open_account(account_id, AccountTab.STAKEHOLDERS)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    panel = window.stakeholder_panel
    qtbot.waitUntil(lambda: bool(panel.scene.cards), timeout=5000)
    (ana,) = panel.scene.cards
    editor = select_card(panel, ana)

    click_into(editor.name_edit)
    QTest.keyClick(editor.name_edit, Qt.Key.Key_A, CTRL)
    type_text(editor.name_edit, "Ana Ruiz-Castillo")
    click_into(editor.title_edit)
    QTest.keyClick(editor.title_edit, Qt.Key.Key_End)
    type_text(editor.title_edit, " & President")
    press(Qt.Key.Key_Tab)
    assert focused() is editor.email_edit
    QTest.keyClick(editor.email_edit, Qt.Key.Key_A, CTRL)
    type_text(editor.email_edit, "ana.castillo@acme.example")
    press(Qt.Key.Key_Tab)
    person = window.context.stakeholders.map(account_id).person(ana)
    assert (person.name, person.title, person.email) == (
        "Ana Ruiz-Castillo", "COO & President", "ana.castillo@acme.example")
    assert (editor.name_edit.text(), editor.title_edit.text()) == (
        "Ana Ruiz-Castillo", "COO & President")

    tab_to(editor.aligned_box, reading_order(editor))
    assert window.size().width() == 1366 and window.size().height() == 768
    corner = editor.aligned_box.mapTo(window, editor.aligned_box.rect().bottomRight())
    assert window.rect().contains(corner)  # the editor scrolled to show it
    press(Qt.Key.Key_Tab)
    left_to = focused()
    assert left_to is not None and not panel.isAncestorOf(left_to)  # on to the next part
    press(Qt.Key.Key_Tab, SHIFT)
    assert focused() is editor.aligned_box
    tabs = window.account_tabs.tabBar()
    tabs.setFocus()
    press(Qt.Key.Key_Tab)  # from the account's tabs into this one: the map first
    assert focused() is panel.view
    press(Qt.Key.Key_Tab, SHIFT)
    assert focused() is tabs


def test_a_last_contact_typed_with_another_year_is_stored_as_typed(
        panel: StakeholderPanel, context: Any, team: Team) -> None:
    editor = select_card(panel, team.user)
    click_into(editor.contact_edit)
    QTest.keyClick(editor.contact_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor.contact_edit, "2025-11-30")
    press(Qt.Key.Key_Tab)
    assert stored(context, team, team.user).last_contact == date(2025, 11, 30)
    click_into(editor.contact_edit)
    QTest.keyClick(editor.contact_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor.contact_edit, Qt.Key.Key_Delete)
    press(Qt.Key.Key_Tab)
    assert stored(context, team, team.user).last_contact is None  # emptied: "never"


def test_the_lists_name_levels_roles_and_owners_in_the_windows_language(
        qtbot: Any, context: Any) -> None:
    try:
        set_interface_language(CHINESE)
        editor = PersonEditor()
        qtbot.addWidget(editor)
        person = Stakeholder(1, "李雷", level=ContactLevel.VP, role=DecisionRole.CHAMPION,
                             owner=OurSide.EXECUTIVE)
        editor.show_person(person, [person])
        assert editor.level_box.currentText() == "副总裁"
        assert editor.role_box.currentText() == "内部倡导者"
        assert editor.owner_box.currentText() == "我方高管"
        assert editor.sentiment_box.currentText() == "+0 中立"
        roles = [editor.role_box.itemText(i) for i in range(editor.role_box.count())]
        assert "经济决策者" in roles and not any(r.isascii() for r in roles)
        editor.role_box.setCurrentIndex(editor.role_box.findText("阻碍者"))
        assert editor.role_box.currentData() == DecisionRole.BLOCKER.value  # stored: the value
    finally:
        set_interface_language(ENGLISH)
