"""Prepare QBR data, driven as a person does: drop several exports at once, read what each
holds and what the deck still lacks, change a remembered column, import all of them, and
see a failure import nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QFileDialog
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from qbr_desktop.gui.imports.prepare_dialog import (
    FILE_COLUMN,
    HOLDS_COLUMN,
    KIND_COLUMN,
    PrepareDataDialog,
)
from qbr_desktop.i18n import english
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.services.importing import ImportService
from qbr_desktop.store.models import ContactRow, MetricSnapshotRow

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data" / "imports"
PREP = SAMPLES / "qbr_prep"
ARTIFACTS = ROOT / "test-artifacts" / "qbr-prep"


@pytest.fixture
def dialog(context: Any, qtbot: Any) -> PrepareDataDialog:
    widget = PrepareDataDialog(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def settle(qtbot: Any, dialog: PrepareDataDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def drop(qtbot: Any, dialog: PrepareDataDialog, *paths: Path) -> None:
    """Drag the files from a file manager onto the dialog and let go."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = dialog.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, data,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, dropped)
    assert dropped.isAccepted()
    settle(qtbot, dialog)


def rows(dialog: PrepareDataDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    result = []
    for row in range(table.rowCount()):
        combo = table.cellWidget(row, KIND_COLUMN)
        assert isinstance(combo, QComboBox)
        result.append((table.item(row, FILE_COLUMN).text(), combo.currentText(),
                       table.item(row, HOLDS_COLUMN).text()))
    return result


def counts(context: Any) -> tuple[int, int, int]:
    with context.store.sessions() as session:
        return (len(context.accounts.list_accounts()),
                session.scalar(select(func.count()).select_from(ContactRow)),
                session.scalar(select(func.count()).select_from(MetricSnapshotRow)))


def remember_companies_without_owner(context: Any) -> None:
    """An earlier import of the CRM export, whose owner column the CSM left out."""
    service = ImportService(context.store.sessions)
    table = service.read(PREP / "hubspot_companies.csv")
    mapping = service.starting_mapping(ImportKind.ACCOUNTS, table).mapping
    del mapping["csm_owner"]
    service.apply(ImportKind.ACCOUNTS, table, mapping)


def test_drop_three_exports_read_the_preview_change_a_remembered_column_and_import_all(
        context: Any, qtbot: Any, dialog: PrepareDataDialog) -> None:
    remember_companies_without_owner(context)
    drop(qtbot, dialog, PREP / "hubspot_contacts_fr.csv", PREP / "gainsight_usage_de.csv",
         PREP / "hubspot_companies.csv", SAMPLES / "fake.xlsx")
    assert dialog.status.text() == "fake.xlsx is not an Excel workbook (not a zip archive)"
    table = rows(dialog)
    assert [(name, kind) for name, kind, _holds in table] == [
        ("hubspot_contacts_fr.csv", "Contacts"), ("gainsight_usage_de.csv", "Usage"),
        ("hubspot_companies.csv", "Accounts")]
    assert table[0][2] == "4 contacts of 2 accounts (4 new, 0 updated)"
    assert table[1][2].startswith("Usage of 5 accounts: Active users, Licensed seats")
    assert "2 accounts in the file match none in the portfolio" in table[1][2]
    assert table[2][2].startswith("6 accounts (0 new, 0 updated): ARR, Renewal date")

    # The deck of the first account the CRM export names, as it would be after the import.
    assert dialog.account_combo.currentText() == "Lumière Bank S.A."
    slides = dialog.slides_label.text()
    assert "Usage and adoption over time" in slides and "Who we work with" in slides
    missing = [dialog.missing_list.item(n).text() for n in range(dialog.missing_list.count())]
    assert any(line.startswith("Goals: left out") for line in missing)
    assert not any(line.startswith(("Usage trend", "Stakeholders")) for line in missing)
    assert dialog.summary.text() == "Ready: 3 files, imported together or not at all."

    # The CRM export's columns are the ones remembered; the CSM adds the owner there.
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.table.visualItemRect(dialog.table.item(2, FILE_COLUMN)).center())
    form = dialog.mapping_box
    assert form.title() == "Columns of hubspot_companies.csv"
    assert form.source.text().startswith(
        "Columns remembered: the columns chosen for “hubspot_companies.csv” on ")
    assert form.combos["csm_owner"].currentData() == ""
    assert form.guess_button.isVisibleTo(dialog)
    form.combos["csm_owner"].setFocus()
    dialog.select_column("csm_owner", "Company owner")
    settle(qtbot, dialog)
    assert form.source.text().endswith("(changed here).")
    assert rows(dialog)[2][2].startswith("6 accounts (0 new, 6 updated)")

    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert [english(plan.summary()) for plan in imported.args[0]] == [
        "4 new, 0 updated, 0 rejected", "280 new, 0 updated metric values; 16 rows rejected",
        "0 new, 6 updated, 0 rejected"]
    assert dialog.status.text().startswith("Imported: hubspot_contacts_fr.csv: 4 new")
    assert counts(context) == (6, 4, 280)
    owners = {a.name: a.csm_owner for a in context.accounts.list_accounts()}
    assert owners["Lumière Bank S.A."] == "Claire Dubois"
    service = ImportService(context.store.sessions)
    remembered = service.starting_mapping(ImportKind.ACCOUNTS,
                                          service.read(PREP / "hubspot_companies.csv"))
    assert remembered.remembered and remembered.mapping["csm_owner"] == "Company owner"
    assert not dialog.import_button.isEnabled()  # everything is now in the portfolio


def test_a_failure_while_importing_imports_none_of_the_files(
        context: Any, qtbot: Any, dialog: PrepareDataDialog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = [str(PREP / "hubspot_companies.csv"), str(PREP / "gainsight_usage_de.csv")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_args, **_kw: (chosen, "")))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert [kind for _n, kind, _h in rows(dialog)] == ["Accounts", "Usage"]
    real = ImportService._write_rows

    def failing(self: ImportService, session: Any, plan: Any) -> None:
        if plan.kind is ImportKind.METRICS and plan.inserts:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        real(self, session, plan)

    monkeypatch.setattr(ImportService, "_write_rows", failing)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not imported" in dialog.status.text(), timeout=20_000)
    assert dialog.status.text() == ("The files were not imported, and nothing in the "
                                    "portfolio changed (the disk could not be written)")
    assert counts(context) == (0, 0, 0)


def test_a_file_read_as_the_wrong_kind_is_stopped_before_importing(
        qtbot: Any, dialog: PrepareDataDialog) -> None:
    drop(qtbot, dialog, PREP / "hubspot_companies.csv")
    dialog.set_kind(0, ImportKind.CONTACTS)
    settle(qtbot, dialog)
    assert rows(dialog)[0][2].startswith(
        "0 contacts of 0 accounts (0 new, 0 updated, 6 rows rejected). 6 accounts in the file "
        "match none in the portfolio (by CRM id or name): “Acorn Health Partners” (1 row)")
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == "The files hold nothing new for the portfolio."
    dialog.set_kind(0, None)
    settle(qtbot, dialog)
    assert dialog.summary.text() == ("Before importing: hubspot_companies.csv: choose what the "
                                     "file holds (accounts, contacts or usage)")
    dialog.set_kind(0, ImportKind.ACCOUNTS)
    settle(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    dialog.select_file(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_the_dialog_fits_a_laptop_screen(context: Any, qtbot: Any,
                                         dialog: PrepareDataDialog) -> None:
    drop(qtbot, dialog, PREP / "hubspot_companies.csv", PREP / "hubspot_contacts_fr.csv",
         PREP / "gainsight_usage_de.csv", PREP / "amplitude_usage_ja.csv")
    dialog.select_file(2)
    QApplication.processEvents()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 720
    assert dialog.frameGeometry().height() <= 720 and dialog.width() <= 1280
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(QPoint(dialog.x() + dialog.width() // 2, dialog.y()))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "prepare-dialog.png"))


def test_the_window_opens_it_from_the_file_menu_at_1366_by_768(
        open_window: Any, qtbot: Any) -> None:
    window = open_window(seed=True)
    action = next(a for a in window.menuBar().actions()[0].menu().actions()
                  if a.text() == "Prep&are QBR Data…")
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    seen: list[PrepareDataDialog] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PrepareDataDialog) or seen:
            return
        seen.append(dialog)
        drop(qtbot, dialog, PREP / "hubspot_companies.csv", PREP / "hubspot_contacts_fr.csv",
             PREP / "gainsight_usage_de.csv", PREP / "amplitude_usage_ja.csv")
        dialog.select_file(2)
        QApplication.processEvents()
        shot = window.grab()  # the window at 1366x768, the dialog where it opened over it
        assert (shot.width(), shot.height()) == (1366, 768)
        from PySide6.QtGui import QPainter

        painter = QPainter(shot)
        corner = window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0)))
        painter.drawPixmap(corner, dialog.grab())
        painter.end()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert shot.save(str(ARTIFACTS / "prepare-dialog-1366x768.png"))
        assert window.rect().contains(dialog.geometry().translated(-window.pos()))
        close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(drive)
    timer.start()
    action.trigger()
    timer.stop()
    assert seen and not seen[0].isVisible()
    # The deck checked is that of the account the window shows.
    assert seen[0].account_combo.currentText() == window.context.insights.name(
        window.list_panel.current_account_id())
