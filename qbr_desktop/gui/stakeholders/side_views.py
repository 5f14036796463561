"""The map's side lists: coverage findings (select one to see its people on the map) and
who was invited to, confirmed for and attended each QBR."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.attendance import AttendanceIndicator, is_executive
from qbr_desktop.domain.attendance import Signal as Light
from qbr_desktop.domain.stakeholder_coverage import Finding, Severity
from qbr_desktop.domain.stakeholders import Attendance, Stakeholder
from qbr_desktop.exports.mail_addresses import usable_address
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.services.stakeholders import ReviewChoice

SEVERITY_MARKS = {Severity.RISK: QT_TRANSLATE_NOOP("side_views", "⚠ Risk"),
                  Severity.WARNING: QT_TRANSLATE_NOOP("side_views", "• Warning")}
LIGHT_WORDS = {Light.GREEN: QT_TRANSLATE_NOOP("side_views", "🟢 Green"),
               Light.YELLOW: QT_TRANSLATE_NOOP("side_views", "🟡 Yellow"),
               Light.RED: QT_TRANSLATE_NOOP("side_views", "🔴 Red")}
FLAGS = ("invited", "confirmed", "attended")
NO_ADDRESS = (QT_TRANSLATE_NOOP("side_views",
                                "The deck's email cannot reach {names}: confirmed, but without a "
                                "usable email "
              "address. Add one on the Person tab."))


class CoverageList(QWidget):
    # A finding was chosen: the ids of the people it is about.
    people_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(translate("CoverageList", "Coverage findings"))
        self.list.currentItemChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.findings: list[Finding] = []

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.list.blockSignals(True)
        self.list.clear()
        for finding in findings:
            mark = translate("side_views", SEVERITY_MARKS[finding.severity])
            words = ui_text(finding.words)
            item = QListWidgetItem(translate("CoverageList", "{mark}: {finding}").format(
                mark=mark, finding=words))
            item.setData(Qt.ItemDataRole.UserRole, list(finding.people))
            item.setToolTip(words)
            self.list.addItem(item)
        self.list.blockSignals(False)
        risks = sum(f.severity is Severity.RISK for f in findings)
        warnings = len(findings) - risks
        self.summary.setText(
            translate("CoverageList",
                      "Coverage looks sound: nothing to act on.") if not findings else
            (translate("CoverageList", "%n risk", None, risks) if risks == 1
             else translate("CoverageList", "%n risks", None, risks)) + ", "
            + (translate("CoverageList", "%n warning", None, warnings) if warnings == 1
               else translate("CoverageList", "%n warnings", None, warnings))
            + translate("CoverageList", ". Select one to see its people on the map."))

    def counts(self) -> tuple[int, int]:
        risks = sum(f.severity is Severity.RISK for f in self.findings)
        return risks, len(self.findings) - risks

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.people_chosen.emit([] if item is None else item.data(Qt.ItemDataRole.UserRole))


class AttendanceTable(QWidget):
    # A review was picked: its id.
    review_chosen = Signal(int)
    # A box was ticked or cleared: review id, the person's new Attendance.
    changed = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review_box = QComboBox(self)
        self.review_box.setAccessibleName(translate("AttendanceTable", "Review"))
        self.review_box.activated.connect(self._review_picked)
        self.indicator = QLabel(self)
        self.indicator.setWordWrap(True)
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([translate("AttendanceTable", "Person"),
                                              translate("AttendanceTable", "Invited"),
                                              translate("AttendanceTable", "Confirmed"),
                                              translate("AttendanceTable", "Attended")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Tab leaves the table (the arrow keys move between its boxes, Space ticks one).
        self.table.setTabKeyNavigation(False)
        self.table.itemChanged.connect(self._item_changed)
        self.no_address = QLabel(self)
        self.no_address.setWordWrap(True)
        self.no_address.setTextFormat(Qt.TextFormat.PlainText)
        # A long name is one word that cannot wrap: it must not widen the side panel.
        self.no_address.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.no_address.hide()
        self.empty = QLabel(translate("AttendanceTable",
                                      "No QBR is recorded for this account yet: schedule one on "
                                      "the "
                            "Prep timeline tab to track who comes."), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.review_box)
        layout.addWidget(self.indicator)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_address)
        layout.addWidget(self.empty)
        self._filling = False

    def current_review(self) -> int | None:
        data = self.review_box.currentData()
        return None if data is None else int(data)

    def show_reviews(self, reviews: list[ReviewChoice], keep: int | None) -> None:
        self.review_box.clear()
        for review in reviews:
            words = f"{review.scheduled_at:%Y-%m-%d} · {ui_label(review.status.label)}"
            self.review_box.addItem(words, review.review_id)
        index = self.review_box.findData(keep) if keep is not None else -1
        if index < 0 and reviews:
            # The nearest planned review (the list runs latest first), else the latest.
            planned = [i for i, r in enumerate(reviews) if r.status.value == "planned"]
            index = planned[-1] if planned else 0
        self.review_box.setCurrentIndex(index)
        has_reviews = bool(reviews)
        for widget in (self.review_box, self.indicator, self.table):
            widget.setVisible(has_reviews)
        self.empty.setVisible(not has_reviews)
        if not has_reviews:
            self.no_address.hide()

    def show_attendance(self, people: list[Stakeholder], entries: list[Attendance],
                        indicator: AttendanceIndicator) -> None:
        self._filling = True
        by_person = {entry.person_id: entry for entry in entries}
        ordered = sorted(people, key=lambda p: (p.departed, not is_executive(p),
                                                p.name.casefold()))
        unreachable: list[str] = []
        self.table.setRowCount(len(ordered))
        for row, person in enumerate(ordered):
            name = QTableWidgetItem(person.name + (translate("AttendanceTable",
                                                             " (left)") if person.departed else ""))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            name.setToolTip("\n".join(part for part in (person.title, person.email) if part))
            self.table.setItem(row, 0, name)
            entry = by_person.get(person.id, Attendance(person.id))
            if (entry.confirmed or entry.attended) and usable_address(person.name,
                                                                      person.email) is None:
                unreachable.append(person.name)
            for column, flag in enumerate(FLAGS, start=1):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(Qt.CheckState.Checked if getattr(entry, flag)
                                  else Qt.CheckState.Unchecked)
                box.setData(Qt.ItemDataRole.AccessibleTextRole, f"{person.name} {flag}")
                self.table.setItem(row, column, box)
        light = (translate("AttendanceTable", "not recorded") if indicator.signal is None
                 else translate("side_views", LIGHT_WORDS[indicator.signal]))
        self.indicator.setText(translate("AttendanceTable",
                                         "Executive attendance: {light} — "
                                         "{reason}").format(light=light,
                                                           reason=ui_text(indicator.reason)))
        self.no_address.setText(translate("side_views",
                                          NO_ADDRESS).format(names=", ".join(unreachable)))
        self.no_address.setVisible(bool(unreachable))
        self._filling = False

    def _review_picked(self, _index: int) -> None:
        review = self.current_review()
        if review is not None:
            self.review_chosen.emit(review)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        review = self.current_review()
        if self._filling or item.column() == 0 or review is None:
            return
        row = item.row()
        name_item = self.table.item(row, 0)
        if name_item is None:
            return
        flags = [self.table.item(row, column) for column in (1, 2, 3)]
        values = [cell is not None and cell.checkState() == Qt.CheckState.Checked
                  for cell in flags]
        self.changed.emit(review, Attendance(int(name_item.data(Qt.ItemDataRole.UserRole)),
                                             *values))
