"""The account's Stakeholders tab: the canvas, its toolbar, and the person, coverage and
attendance panels beside it.

Two views of the same people: the org chart, where cards sit where the CSM put them (or
where the auto-layout put them), and the power × interest grid, which places each card by
influence and sentiment and so cannot be dragged. Every change to people and lines goes
through MapEditor and can be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.stakeholder_coverage import Severity, findings_for
from qbr_desktop.domain.stakeholder_layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    COLUMN_PITCH,
    Layout,
    org_chart,
    power_interest,
    saved_or_org_chart,
)
from qbr_desktop.domain.stakeholders import Attendance, Stakeholder, StakeholderMap
from qbr_desktop.gui.attempt import attempt
from qbr_desktop.gui.stakeholders.canvas_items import PersonCard
from qbr_desktop.gui.stakeholders.map_editor import MapEditor
from qbr_desktop.gui.stakeholders.map_scene import Gesture, MapScene
from qbr_desktop.gui.stakeholders.map_view import MapView
from qbr_desktop.gui.stakeholders.person_editor import PersonEditor
from qbr_desktop.gui.stakeholders.side_views import AttendanceTable, CoverageList
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import Worker, start_task
from qbr_desktop.i18n import ui_text
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.stakeholders import StakeholderService


class StakeholderPanel(QWidget):
    # The map on show changed (loaded, edited): the account id.
    loaded = Signal(int)
    # The map was exported: the file written.
    exported = Signal(Path)

    def __init__(self, service: StakeholderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.editor = MapEditor(service, self)
        self.undo_stack = self.editor.undo_stack
        self.account_id: int | None = None
        self.stakeholders: StakeholderMap | None = None
        self.grid_view = False
        self.anonymous = False
        self._fitted_for: int | None = None
        self._sized = False
        self._rebuilding = False
        self._last_added: int | None = None
        self.scene = MapScene(self)
        self.view = MapView(self.scene, self)
        self.person_editor = PersonEditor(self)
        self.coverage = CoverageList(self)
        self.attendance = AttendanceTable(self)
        self.message = QLabel(self)
        self.message.setObjectName("mapMessage")
        self.message.setProperty("class", "fieldError")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        # A file path or an address is one long word: it must not widen the whole tab.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.hide()
        self._build()
        self._connect()
        self.setEnabled(False)

    # Building ----------------------------------------------------------------------------
    def _action(self, text: str, tip: str, slot: object = None, *, checkable: bool = False,
                shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcuts([QKeySequence(keys) for keys in shortcut.split(";")])
            # Whenever the map is on screen, wherever the focus is (Ctrl+6 leaves it on the
            # account list); a hidden tab's actions never fire, so other tabs keep the keys.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build(self) -> None:
        # Ins, or Ctrl+Shift+N where a laptop has no Insert key; either types the name next.
        self.add_action = self._action(translate("StakeholderPanel", "Add person"),
                                       translate("StakeholderPanel",
                                                 "Add someone to the map (Ins or Ctrl+Shift+N)"),
                                       self.add_person,
                                       shortcut="Ins;Ctrl+Shift+N")
        self.delete_action = self._action(translate("StakeholderPanel", "Delete"),
                                          translate("StakeholderPanel",
                                                    "Remove the selected people and lines (Del)"),
                                          self.delete_selection)
        self.select_action = self._action(translate("StakeholderPanel", "Select"),
                                          translate("StakeholderPanel",
                                                    "Click, drag and rubber-band select"),
                                          checkable=True)
        self.reports_action = self._action(
            translate("StakeholderPanel", "Draw reports-to"),
            translate("StakeholderPanel", "Drag from a person to their manager"), checkable=True)
        self.influence_action = self._action(
            translate("StakeholderPanel", "Draw influence"),
            translate("StakeholderPanel", "Drag from the person who sways to the one swayed"),
            checkable=True)
        gestures = QActionGroup(self)
        for action in (self.select_action, self.reports_action, self.influence_action):
            gestures.addAction(action)
        self.select_action.setChecked(True)
        self.org_action = self._action(translate("StakeholderPanel", "Org chart"),
                                       translate("StakeholderPanel", "Cards where you put them"),
                                       checkable=True)
        self.grid_action = self._action(translate("StakeholderPanel", "Power × interest"),
                                        translate("StakeholderPanel",
                                                  "Cards by influence (up) and support (right)"),
                                        checkable=True)
        views = QActionGroup(self)
        views.addAction(self.org_action)
        views.addAction(self.grid_action)
        self.org_action.setChecked(True)
        self.layout_action = self._action(translate("StakeholderPanel", "Auto-layout"),
                                          translate("StakeholderPanel",
                                                    "Arrange everyone as an org chart"),
                                          self.auto_layout)
        self.snap_action = self._action(translate("StakeholderPanel", "Snap to grid"),
                                        translate("StakeholderPanel",
                                                  "Cards land on a 20-point grid"),
                                        checkable=True)
        self.fit_action = self._action(translate("StakeholderPanel", "Fit"),
                                       translate("StakeholderPanel", "Show the whole map (F)"),
                                       self.view.fit_all)
        self.zoom_in_action = self._action(translate("StakeholderPanel", "Zoom in"),
                                           translate("StakeholderPanel",
                                                     "Zoom in (+ or the wheel)"),
                                           lambda: self.view.zoom_by(1.25))
        self.zoom_out_action = self._action(translate("StakeholderPanel", "Zoom out"),
                                            translate("StakeholderPanel", "Zoom out (−)"),
                                            lambda: self.view.zoom_by(0.8))
        self.anonymous_action = self._action(
            translate("StakeholderPanel", "Anonymous"),
            translate("StakeholderPanel", "Titles instead of names, for sharing outside the team"),
            checkable=True)
        self.export_action = self._action(translate("StakeholderPanel", "Export…"),
                                          translate("StakeholderPanel",
                                                    "Save the map as PNG or SVG"),
                                          self.ask_export)
        self.undo_action = self.undo_stack.createUndoAction(self,
                                                            translate("StakeholderPanel", "Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self,
                                                            translate("StakeholderPanel", "Redo"))
        toolbar = QToolBar(self)
        toolbar.setAccessibleName(translate("StakeholderPanel", "Map tools"))
        for item in (self.add_action, self.delete_action, None, self.select_action,
                     self.reports_action, self.influence_action, None, self.org_action,
                     self.grid_action, self.layout_action, self.snap_action, None,
                     self.zoom_out_action, self.zoom_in_action, self.fit_action, None,
                     self.anonymous_action, self.export_action, None, self.undo_action,
                     self.redo_action):
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(item)
        self.toolbar = toolbar
        self.side = QTabWidget(self)
        self.side.addTab(self.person_editor, translate("StakeholderPanel", "Person"))
        self.side.addTab(self.coverage, translate("StakeholderPanel", "Coverage"))
        self.side.addTab(self.attendance, translate("StakeholderPanel", "Attendance"))
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        # Tab reads the tab as it is laid out: the map, the side's tabs, then their fields.
        # The tab widget is a stop of its own that hands the focus to its bar, after the
        # fields in the chain: Tab from the last field would go back to the bar, past the
        # map, for ever. The bar keeps its own stop. (None clears a proxy; the stubs omit it.)
        self.side.setFocusProxy(None)  # type: ignore[arg-type]
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QWidget.setTabOrder(self.view, self.side.tabBar())
        QWidget.setTabOrder(self.side.tabBar(), self.person_editor.first_field)
        self.side.setMinimumWidth(260)
        self.side.setMaximumWidth(460)  # the canvas gets the room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.cards_moved.connect(self._cards_moved)
        self.scene.connect_requested.connect(self._connect_people)
        self.scene.person_activated.connect(self._person_activated)
        self.view.delete_requested.connect(self.delete_selection)
        self.editor.changed.connect(self.reload)
        self.editor.moved.connect(self.scene.set_positions)
        self.editor.failed.connect(self.show_message)
        self.person_editor.not_saved.connect(self.show_message)
        self.editor.attendance_changed.connect(lambda _review: self._show_attendance())
        self.person_editor.edited.connect(self._person_edited)
        self.coverage.people_chosen.connect(self._show_people)
        self.attendance.review_chosen.connect(lambda _id: self._show_attendance())
        self.attendance.changed.connect(self._attendance_changed)
        for action, gesture in ((self.select_action, Gesture.SELECT),
                                (self.reports_action, Gesture.REPORTS_TO),
                                (self.influence_action, Gesture.INFLUENCE)):
            action.toggled.connect(lambda on, g=gesture: self.set_gesture(g) if on else None)
        self.grid_action.toggled.connect(self.set_grid_view)
        self.snap_action.toggled.connect(self.scene.set_snap)
        self.anonymous_action.toggled.connect(self.set_anonymous)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            side = min(380, max(260, self.width() // 3))
            self.splitter.setSizes([max(self.width() - side, 200), side])

    # Loading -----------------------------------------------------------------------------
    def show_account(self, account_id: int) -> None:
        self.person_editor.commit_pending()
        if account_id != self.account_id:
            self.undo_stack.clear()
            self._last_added = None
            self.editor.account_id = account_id
        self.account_id = account_id
        self.reload()

    def forget(self, *_args: object) -> None:
        """Reviews changed elsewhere: the attendance list reloads when the tab shows again."""
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self.account_id is None:
            return
        selected = self.scene.selected_people()
        try:
            self.stakeholders = self.service.map(self.account_id)
            findings = self.service.coverage(self.account_id, self.stakeholders)
            reviews = self.service.reviews(self.account_id)
        except (StoreError, DomainError) as exc:
            self.setEnabled(False)
            self.show_message(translate("StakeholderPanel",
                                        "Could not load the stakeholder map: "
                                        "{exc}").format(exc=exc))
            return
        self.setEnabled(True)
        # Rebuilding the scene drops and restores the selection; the editor must not see
        # that as "nobody selected", or it hides its fields and the focus with them.
        self._rebuilding = True
        try:
            self.scene.show_map(self.stakeholders, self.current_layout(), self.service.today(),
                                movable=not self.grid_view, anonymous=self.anonymous,
                                selected=selected, reporting_lines=not self.grid_view)
        finally:
            self._rebuilding = False
        self.coverage.show_findings(findings)
        self.scene.mark_at_risk({person for finding in findings
                                 if finding.severity is Severity.RISK
                                 for person in finding.people})
        risks, warnings = self.coverage.counts()
        self.side.setTabText(1,
                             translate("StakeholderPanel", "Coverage ({count})").format(
                                 count=risks + warnings) if findings
                             else translate("StakeholderPanel", "Coverage"))
        self.attendance.show_reviews(reviews, self.attendance.current_review())
        self._show_attendance()
        self._selection_changed()
        self.layout_action.setEnabled(not self.grid_view)
        if self._fitted_for != self.account_id:
            self._fitted_for = self.account_id
            self.view.first_look()
        self.loaded.emit(self.account_id)

    def current_layout(self) -> Layout:
        assert self.stakeholders is not None
        people = list(self.stakeholders.people)
        return power_interest(people) if self.grid_view else saved_or_org_chart(people)

    # Toolbar -----------------------------------------------------------------------------
    def set_gesture(self, gesture: Gesture) -> None:
        self.scene.gesture = gesture
        self.view.setDragMode(self.view.DragMode.RubberBandDrag if gesture is Gesture.SELECT
                              else self.view.DragMode.NoDrag)

    def set_grid_view(self, on: bool) -> None:
        self.person_editor.commit_pending()
        if on != self.grid_view:
            self.grid_view = on
            self.reload()
            self.view.first_look()

    def set_anonymous(self, on: bool) -> None:
        self.person_editor.commit_pending()
        self.anonymous = on
        self.reload()

    def add_person(self) -> None:
        """A new person in a free place on the map, their name selected to type over."""
        if self.account_id is None:
            return
        self.person_editor.commit_pending()
        number = len(self.stakeholders.people) + 1 if self.stakeholders else 1
        person = Stakeholder(0,
                             translate("StakeholderPanel",
                                       "New person {number}").format(number=number))
        added = self._safely(lambda: self.editor.add_person(self.account_id or 0, person,
                                                            self._place_for_newcomer()))
        if isinstance(added, Stakeholder):
            self._last_added = added.id
            self.scene.clearSelection()
            card = self.scene.cards.get(added.id)
            if card is not None:
                card.setSelected(True)
                self.view.ensureVisible(card)
            self.side.setCurrentWidget(self.person_editor)
            self.person_editor.name_edit.setFocus()
            self.person_editor.name_edit.selectAll()

    def _place_for_newcomer(self) -> tuple[float, float] | None:
        """Where the CSM is looking: beside the last newcomer while it is in view, so people
        added one after another line up, else the middle of the view. None on the power ×
        interest grid (the org chart's place then follows its last card)."""
        if self.grid_view:
            return None
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        last = self.scene.cards.get(self._last_added) if self._last_added else None
        if last is not None and visible.contains(last.sceneBoundingRect()):
            return (last.pos().x() + COLUMN_PITCH, last.pos().y())
        centre = visible.center()
        return (round(centre.x() - CARD_WIDTH / 2), round(centre.y() - CARD_HEIGHT / 2))

    def delete_selection(self) -> None:
        if self.stakeholders is None:
            return
        self.person_editor.commit_pending()
        people = self.scene.selected_people()
        lines = self.scene.selected_lines()
        links = [line.link for line in lines if line.link is not None]
        reports = [line.source.person for line in lines if line.link is None]
        self._safely(lambda: self.editor.remove(people, links, reports))

    def auto_layout(self) -> None:
        if self.stakeholders is None or self.grid_view:
            return
        before = self.scene.positions()
        after = org_chart(list(self.stakeholders.people)).positions
        moved = {pid: (before[pid], after[pid]) for pid in after
                 if pid in before and before[pid] != after[pid]}
        if moved and self._safely(lambda: self.editor.move(moved,
                                                           translate("StakeholderPanel",
                                                                     "Arrange as an org chart"))):
            self.scene.set_positions(after)
            self.view.fit_all()

    # Canvas signals ----------------------------------------------------------------------
    def _cards_moved(self, moved: dict[int, tuple[tuple[float, float], tuple[float, float]]]
                     ) -> None:
        if not self._safely(lambda: self.editor.move(moved)):
            self.scene.set_positions({pid: positions[0] for pid, positions in moved.items()})

    def _connect_people(self, source: int, target: int, gesture: Gesture) -> None:
        if self.stakeholders is None:
            return
        if gesture is Gesture.REPORTS_TO:
            person = self.stakeholders.person(source)
            self._safely(lambda: self.editor.set_manager(person, target))
        else:
            self._safely(lambda: self.editor.add_link(source, target))

    def _person_activated(self, person_id: int) -> None:
        self.side.setCurrentWidget(self.person_editor)
        self.person_editor.name_edit.setFocus()

    def _selection_changed(self) -> None:
        if self._rebuilding:
            return
        people = self.scene.selected_people()
        team = list(self.stakeholders.people) if self.stakeholders else []
        person = next((p for p in team if p.id == people[0]), None) if len(people) == 1 else None
        self.person_editor.show_person(person, team, len(people))
        self.delete_action.setEnabled(bool(people or self.scene.selected_lines()))

    def _person_edited(self, before: Stakeholder, after: Stakeholder) -> None:
        if self._safely(lambda: self.editor.edit_person(before, after)) is False:
            team = list(self.stakeholders.people) if self.stakeholders else []
            message = self.message.text()
            self.person_editor.show_person(before, team)
            self.person_editor.show_problem(message)

    def _show_people(self, people: list[int]) -> None:
        self.scene.highlight(people)
        cards = [self.scene.cards[p] for p in people if p in self.scene.cards]
        if cards:
            bounds = cards[0].sceneBoundingRect()
            for card in cards[1:]:
                bounds = bounds.united(card.sceneBoundingRect())
            self.view.ensureVisible(bounds, 40, 40)

    # Attendance --------------------------------------------------------------------------
    def _show_attendance(self) -> None:
        review = self.attendance.current_review()
        if review is None or self.stakeholders is None:
            return
        try:
            entries = self.service.attendance(review)
            indicator = self.service.attendance_indicator(review)
        except (StoreError, DomainError) as exc:
            self.show_message(str(exc))
            return
        self.attendance.show_attendance(list(self.stakeholders.people), entries, indicator)

    def _attendance_changed(self, review_id: int, entry: Attendance) -> None:
        """A box ticked in the attendance table: saved as one undoable step."""
        try:
            before = next((e for e in self.service.attendance(review_id)
                           if e.person_id == entry.person_id), Attendance(entry.person_id))
        except (StoreError, DomainError) as exc:
            self.show_message(str(exc))
            return
        people = self.stakeholders.people if self.stakeholders is not None else ()
        name = next((p.name for p in people if p.id == entry.person_id), "someone")
        self._safely(lambda: self.editor.set_attendance(review_id, before, entry, name))
        self._show_attendance()

    # Export ------------------------------------------------------------------------------
    def ask_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # kept off the start-up path

        if self.account_id is None:
            return
        name = self.service.account_name(self.account_id).replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, translate("StakeholderPanel", "Export the stakeholder map"),
            str(Path.home() / translate("StakeholderPanel",
                                        "{name} – stakeholder map.png").format(name=name)),
            translate("StakeholderPanel", "PNG picture (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Worker | None:
        """Draw and write the map off the GUI thread; `exported` reports the file."""
        from qbr_desktop.exports.map_image import export_map

        stakeholders = self.stakeholders
        if self.account_id is None or stakeholders is None:
            return None
        title = translate("StakeholderPanel",
                          "{account_name} — stakeholder "
                          "map").format(account_name=self.service.account_name(self.account_id))
        if self.grid_view:
            title += translate("StakeholderPanel", " (power × interest)")
        layout, today, anonymous = self.current_layout(), self.service.today(), self.anonymous
        self.export_action.setEnabled(False)
        return start_task(lambda: export_map(stakeholders, layout, path, today, title,
                                             anonymous=anonymous),
                          self._exported, self._export_failed,
                          translate("StakeholderPanel", "exporting the map"))

    def _exported(self, path: Path) -> None:
        self.export_action.setEnabled(True)
        self.show_message("")
        self.message.setProperty("class", "")
        self.message.setText(translate("StakeholderPanel", "Saved {path}").format(path=path))
        self.message.show()
        self.exported.emit(path)

    def _export_failed(self, message: str) -> None:
        self.export_action.setEnabled(True)
        self.show_message(message)

    # Messages ----------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setProperty("class", "fieldError")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _safely(self, action: Callable[[], object]) -> object:
        """Run a change; a refusal is shown above the view (and returns False)."""
        return attempt(action, self.show_message)

    def card(self, person_id: int) -> PersonCard:
        return self.scene.cards[person_id]

    def findings_about(self, person_id: int) -> list[str]:
        return [ui_text(f.words) for f in findings_for(self.coverage.findings, person_id)]

    def scene_point(self, person_id: int) -> QPointF:
        return self.scene.cards[person_id].sceneBoundingRect().center()
