"""The import dialog: load a file, check the columns, preview, import; broken files refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from qbr_desktop.gui.imports import ImportDialog
from qbr_desktop.gui.imports.preview_model import (
    PROBLEMS_ROLE,
    RESULT_COLUMN,
    ROW_COLUMN,
)
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.services.importing import ImportService

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"


@pytest.fixture
def dialog(context: Any, qtbot: Any) -> ImportDialog:
    widget = ImportDialog(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget  # its background steps finish with the test (tests/gui/conftest.py)


def settle(qtbot: Any, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def load(qtbot: Any, dialog: ImportDialog, name: str) -> None:
    dialog.load_file(SAMPLES / name)
    settle(qtbot, dialog)


def column_of(dialog: ImportDialog, header: str) -> int:
    model = dialog.preview_model
    return next(c for c in range(model.columnCount())
                if model.headerData(c, Qt.Orientation.Horizontal) == header)


def test_load_change_a_column_preview_and_import(context: Any, qtbot: Any,
                                                 dialog: ImportDialog) -> None:
    load(qtbot, dialog, "salesforce_accounts.csv")
    assert dialog.combos["name"].currentText() == "Account Name"
    assert dialog.combos["arr"].currentText() == "Annual Recurring Revenue"
    assert "Windows-1252, semicolon-separated" in dialog.status.text()
    assert dialog.summary.text() == "7 new, 0 updated, 0 rejected."
    model = dialog.preview_model
    assert model.rowCount() == 7
    assert model.index(0, ROW_COLUMN).data() == 2
    assert model.index(0, RESULT_COLUMN).data() == "New"
    assert dialog.import_button.isEnabled()

    dialog.select_column("arr", "Account Owner")  # names are not amounts
    settle(qtbot, dialog)
    assert dialog.summary.text() == "0 new, 0 updated, 7 rejected."
    owner = column_of(dialog, "Account Owner")
    cell = model.index(0, owner)
    assert cell.data() == "Jürgen Weiß"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "“Jürgen Weiß” is not an amount of money"
    assert cell.data(PROBLEMS_ROLE) == ["“Jürgen Weiß” is not an amount of money"]
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, RESULT_COLUMN).data() == "Rejected"
    assert not dialog.import_button.isEnabled()

    dialog.select_column("arr", "Annual Recurring Revenue")
    settle(qtbot, dialog)
    assert dialog.summary.text() == "7 new, 0 updated, 0 rejected."
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    plan = imported.args[0]
    assert plan.applied and plan.created == 7
    settle(qtbot, dialog)
    assert dialog.status.text() == "Imported: 7 new, 0 updated, 0 rejected."
    assert dialog.summary.text() == "0 new, 0 updated, 7 unchanged, 0 rejected."
    assert not dialog.import_button.isEnabled()
    names = {a.name for a in context.accounts.list_accounts()}
    assert "Müller Maschinenbau GmbH" in names and len(names) == 7


def test_one_column_feeds_one_field(qtbot: Any, dialog: ImportDialog) -> None:
    load(qtbot, dialog, "salesforce_accounts.csv")
    dialog.select_column("industry", "Account Name")
    settle(qtbot, dialog)
    assert dialog.combos["name"].currentData() == ""
    assert "Choose the column that holds the account name." in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_model.index(0, RESULT_COLUMN).data() == "…"


def test_the_preview_model_passes_the_model_tester(qtbot: Any, qtmodeltester: Any,
                                                   dialog: ImportDialog) -> None:
    load(qtbot, dialog, "hubspot_contacts.csv")
    qtmodeltester.check(dialog.preview_model)


def test_a_broken_file_shows_its_message_and_stores_nothing(context: Any, qtbot: Any,
                                                            dialog: ImportDialog) -> None:
    load(qtbot, dialog, "fake.xlsx")
    assert dialog.status.text() == "fake.xlsx is not an Excel workbook (not a zip archive)"
    assert dialog.summary.text() == "Nothing was imported."
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_model.rowCount() == 0
    dialog.import_now()  # nothing to import: ignored
    settle(qtbot, dialog)
    assert context.accounts.list_accounts() == []


def test_a_zip_bomb_is_refused_in_the_dialog(context: Any, qtbot: Any, dialog: ImportDialog,
                                             tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (20 * 1024 * 1024))
    dialog.load_file(bomb)
    settle(qtbot, dialog)
    assert "guards against zip bombs" in dialog.status.text()
    assert context.accounts.list_accounts() == []


def test_broken_rows_are_coloured_with_their_reason(qtbot: Any, dialog: ImportDialog) -> None:
    load(qtbot, dialog, "accounts_mixed_delimiters.csv")
    model = dialog.preview_model
    assert model.index(1, RESULT_COLUMN).data() == "Rejected"
    assert model.index(1, RESULT_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == (
        "has 1 field but the header has 3; it seems separated by “,” while the file uses “;”")
    assert dialog.summary.text() == "2 new, 0 updated, 2 rejected."


def test_ambiguous_dates_offer_the_choice(context: Any, qtbot: Any,
                                          dialog: ImportDialog) -> None:
    assert dialog.date_combo.isHidden()
    load(qtbot, dialog, "accounts_ambiguous_dates.csv")
    assert not dialog.date_combo.isHidden()
    assert "choose the date order above" in dialog.summary.text()
    renewal = column_of(dialog, "Renewal Date")
    assert "could be 5 June 2027 or 6 May 2027" in dialog.preview_model.index(
        0, renewal).data(Qt.ItemDataRole.ToolTipRole)
    dialog.set_day_first(False)
    settle(qtbot, dialog)
    assert dialog.summary.text() == "3 new, 0 updated, 0 rejected."
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_now()
    renewals = {a.name: a.renewal_date for a in context.accounts.list_accounts()}
    assert renewals["Acme Logistics"].isoformat() == "2027-05-06"


def test_workbook_sheets_and_metric_history(context: Any, qtbot: Any,
                                            dialog: ImportDialog) -> None:
    load(qtbot, dialog, "salesforce_accounts.csv")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_now()
    settle(qtbot, dialog)
    dialog.set_kind(ImportKind.METRICS)
    load(qtbot, dialog, "usage_tracker.xlsx")
    assert not dialog.sheet_combo.isHidden()
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == [
        "Quarterly usage", "Notes"]
    assert dialog.combos["active_users"].currentText() == "Active Users"
    assert dialog.summary.text() == "115 new, 0 updated metric values; 0 rows rejected."
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_now()
    muller = next(a for a in context.accounts.list_accounts() if a.name.startswith("Müller"))
    assert len(context.accounts.metric_history(muller.id).quarters) == 4


def test_switching_kind_recomputes_the_columns(qtbot: Any, dialog: ImportDialog) -> None:
    load(qtbot, dialog, "hubspot_contacts.csv")
    assert "email" not in dialog.combos  # an accounts import has no email
    dialog.set_kind(ImportKind.CONTACTS)
    settle(qtbot, dialog)
    assert dialog.combos["email"].currentText() == "Email"
    assert dialog.combos["account"].currentText() == "Company Name"
    assert "rejected" in dialog.summary.text()


def test_the_chosen_columns_are_remembered(context: Any, qtbot: Any, dialog: ImportDialog) -> None:
    load(qtbot, dialog, "salesforce_accounts.csv")
    dialog.select_column("notes", None)
    settle(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_now()
    settle(qtbot, dialog)
    second = ImportDialog(context)
    qtbot.addWidget(second)
    second.load_file(SAMPLES / "salesforce_accounts.csv")
    qtbot.waitUntil(lambda: not second.busy, timeout=10_000)
    source = second.mapping_box.source.text()
    assert source.startswith("Columns remembered: the columns chosen for "
                             "“salesforce_accounts.csv” on ")
    assert second.combos["notes"].currentData() == ""
    assert second.combos["name"].currentText() == "Account Name"
    guess = second.mapping_box.guess_button
    assert guess.isVisibleTo(second)
    qtbot.mouseClick(guess, Qt.MouseButton.LeftButton)  # the CSM prefers the headers' guess
    qtbot.waitUntil(lambda: not second.busy, timeout=10_000)
    assert second.combos["notes"].currentText() == "Description"
    assert second.mapping_box.source.text() == "Columns guessed from the headers; check them."
    assert not guess.isVisibleTo(second)


def test_everything_is_reachable_by_keyboard(qtbot: Any, dialog: ImportDialog) -> None:
    load(qtbot, dialog, "salesforce_accounts.csv")
    dialog.kind_combo.setFocus()
    QApplication.processEvents()
    reached: list[QWidget] = []
    widget = dialog.kind_combo
    for _ in range(200):
        reached.append(widget)
        widget = widget.nextInFocusChain()
        if widget is dialog.kind_combo:
            break
    focusable = [w for w in reached if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for wanted in (dialog.kind_combo, dialog.choose_button, dialog.preview,
                   dialog.import_button, *dialog.combos.values()):
        assert wanted in focusable, wanted
    labels = [w for w in dialog.findChildren(QWidget) if hasattr(w, "buddy") and w.buddy()]
    assert {type(label.buddy()) for label in labels} >= {QComboBox}
    assert all(combo.accessibleName().startswith("Column for ")
               for combo in dialog.combos.values())


def test_the_dialog_stays_open_while_an_import_is_written(qtbot: Any,
                                                         dialog: ImportDialog) -> None:
    load(qtbot, dialog, "salesforce_accounts.csv")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_now()
        assert dialog.applying and not dialog.mapping_box.isEnabled()
        dialog.reject()  # Esc or Close while writing: ignored until the import is saved
        assert dialog.isVisible()
    assert not dialog.applying and dialog.mapping_box.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()


def test_a_wide_monthly_usage_export_shows_its_periods_and_the_accounts_not_found(
        context: Any, qtbot: Any, dialog: ImportDialog) -> None:
    prep = SAMPLES / "qbr_prep"
    service = ImportService(context.store.sessions)
    companies = service.read(prep / "hubspot_companies.csv")
    service.apply(ImportKind.ACCOUNTS, companies,
                  service.starting_mapping(ImportKind.ACCOUNTS, companies).mapping)
    dialog.set_kind(ImportKind.METRICS)
    load(qtbot, dialog, "qbr_prep/gainsight_usage_de.csv")
    assert dialog.combos["account"].currentText() == "Kunde"
    assert dialog.combos["metric"].currentText() == "Kennzahl"
    summary = dialog.summary.text()
    assert summary.startswith("280 new, 0 updated metric values; 16 rows rejected. Periods: "
                              "21 monthly columns, 2025-01 to 2026-09.")
    assert "“QA Testmandant (intern)” (8 rows)" in summary
    assert "Logins: the sum of the months" in dialog.summary.toolTip()
    january = column_of(dialog, "Jan. 2025")
    assert dialog.preview_model.headerData(january, Qt.Orientation.Horizontal,
                                           Qt.ItemDataRole.ToolTipRole) == (
        "Imported as a period, rolled up to its quarter")
    assert dialog.preview_model.index(0, RESULT_COLUMN).data() == (
        "New: 2025Q1: 1 new, 2025Q2: 1 new, 2025Q3: 1 new, 2025Q4: 1 new, 2026Q1: 1 new, "
        "2026Q2: 1 new, 2026Q3: 1 new")


def test_the_language_column_is_mapped_previewed_and_imported(
        context: Any, qtbot: Any, dialog: ImportDialog, tmp_path: Path) -> None:
    crm = tmp_path / "crm.csv"
    crm.write_text("客户名称,ARR,语言\nAcme,100,中文\nBeta,200,English\nDelta,300,Klingon\n",
                   encoding="utf-8")
    dialog.load_file(crm)
    settle(qtbot, dialog)
    assert dialog.combos["language"].currentText() == "语言"
    assert dialog.summary.text() == "2 new, 0 updated, 1 rejected."
    cell = dialog.preview_model.index(2, column_of(dialog, "语言"))
    assert cell.data() == "Klingon"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "“Klingon” is not a language customer files are written in; use one of: "
        "English (en), 简体中文 (zh_CN)")
    dialog.select_column("language", "")  # not imported: every row is new, in English
    settle(qtbot, dialog)
    assert dialog.summary.text() == "3 new, 0 updated, 0 rejected."
    dialog.select_column("language", "语言")
    settle(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert {a.name: context.accounts.get(a.id).draft.language
            for a in context.accounts.list_accounts()} == {"Acme": "zh_CN", "Beta": "en"}
