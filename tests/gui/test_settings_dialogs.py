"""Catalogue, owned modules and health weights dialogs, driven by keyboard and mouse."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.health import Dimension
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.gui.insights.settings_dialogs import (
    NAME,
    PRICE,
    CatalogueDialog,
    HealthWeightsDialog,
    OwnedModulesDialog,
)
from qbr_desktop.services.catalogue import CatalogueItem
from qbr_desktop.services.context import AppContext


def _ok(qtbot: QtBot, dialog: object) -> None:
    box = dialog.findChild(QDialogButtonBox)  # type: ignore[attr-defined]
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _type_into(qtbot: QtBot, dialog: CatalogueDialog, row: int, column: int, text: str) -> None:
    table = dialog.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editors, "double-clicking a cell should open its editor"
    editor = editors[-1]
    editor.selectAll()
    # QTest synthesises key events for Latin-1 only; other text arrives as a paste would.
    editor.insert(text)  # left open: the next cell, or OK, must keep what was typed


def test_adding_an_entry_in_the_table_saves_it(qtbot: QtBot, context: AppContext) -> None:
    dialog = CatalogueDialog(context.catalogue)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    _type_into(qtbot, dialog, 0, NAME, "Insights 分析 <Pro>")
    _type_into(qtbot, dialog, 0, PRICE, "1,250.50")
    _ok(qtbot, dialog)

    assert not dialog.isVisible()
    (item,) = context.catalogue.items()
    assert (item.name, item.price, item.kind) == ("Insights 分析 <Pro>", Decimal("1250.50"),
                                                  "module")


def test_a_bad_price_keeps_the_dialog_open_and_saves_nothing(
        qtbot: QtBot, context: AppContext) -> None:
    context.catalogue.replace([CatalogueItem(None, "Kept", price=Decimal("5"))])
    dialog = CatalogueDialog(context.catalogue)
    qtbot.addWidget(dialog)
    dialog.show()

    _type_into(qtbot, dialog, 0, PRICE, "cheap")
    _ok(qtbot, dialog)

    assert dialog.isVisible()
    assert "a price cannot be negative" in dialog.error_label.text()
    assert context.catalogue.items()[0].price == Decimal("5.00")


def test_ticking_an_owned_module_stores_it(qtbot: QtBot, context: AppContext) -> None:
    account = context.accounts.create(AccountDraft("Owner & Sons"))
    context.catalogue.replace([CatalogueItem(None, "A"), CatalogueItem(None, "B")])
    dialog = OwnedModulesDialog(context.catalogue, account.id, "Owner & Sons")
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.listing.item(1).setCheckState(Qt.CheckState.Checked)
    _ok(qtbot, dialog)

    assert context.catalogue.owned(account.id) == {context.catalogue.items()[1].id}


def test_new_weights_change_the_health_total(qtbot: QtBot, context: AppContext) -> None:
    account = context.accounts.create(AccountDraft("Weighted", licensed_seats=100))
    quarter = Quarter(2026, 3)
    context.accounts.record_metrics(account.id, [
        MetricValue(quarter, "features_adopted", 10), MetricValue(quarter,
                                                                  "features_available", 40),
        MetricValue(quarter, "active_users", 100), MetricValue(quarter, "licensed_seats", 100),
    ])
    # adoption 25, coverage 100 at equal default weights (20/20) -> 62.5
    assert context.insights.health(account.id).report.current.total == 62.5  # type: ignore[union-attr]
    dialog = HealthWeightsDialog(context.insights)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.spins[Dimension.ADOPTION].setValue(0)
    _ok(qtbot, dialog)

    assert context.insights.weights().weight(Dimension.ADOPTION) == 0
    assert context.insights.health(account.id).report.current.total == 100  # type: ignore[union-attr]


def test_all_weights_zero_is_refused_inline(qtbot: QtBot, context: AppContext) -> None:
    dialog = HealthWeightsDialog(context.insights)
    qtbot.addWidget(dialog)
    dialog.show()
    for spin in dialog.spins.values():
        spin.setValue(0)

    _ok(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.error_label.text()
    assert context.insights.weights().weight(Dimension.ADOPTION) == 20
