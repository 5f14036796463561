"""Switching the tier model and its thresholds from the window."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from qbr_desktop.domain.tiers import TierModel
from qbr_desktop.gui.accounts.table_model import AccountColumn
from qbr_desktop.gui.tier_settings import TierSettingsDialog


def click_save(qtbot, dialog: TierSettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_switching_to_five_segments_retiers_the_list(open_window, qtbot, monkeypatch) -> None:
    window = open_window(seed=True)

    def drive(dialog: TierSettingsDialog) -> int:
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("five_segment"))
        assert list(dialog.edits) == ["Strategic", "Enterprise", "Mid-Market", "SMB"]
        edit = dialog.edits["Enterprise"]
        edit.selectAll()
        qtbot.keyClicks(edit, "110k")
        click_save(qtbot, dialog)
        return int(dialog.result())

    monkeypatch.setattr(TierSettingsDialog, "exec", drive)
    window.tiers_action.trigger()
    scheme = window.context.settings.tier_scheme()
    assert scheme.model is TierModel.FIVE_SEGMENT
    assert scheme.bands[1].minimum == Decimal(110000)
    model = window.list_panel.model
    tiers = {model.account_at(r).name: model.index(r, AccountColumn.TIER).data()
             for r in range(model.rowCount())}
    assert tiers == {"Acme Logistics": "Enterprise", "Bluefin Health": "Mid-Market",
                     "Cedar Bank": "SMB"}
    combo = window.page.form.tierOverrideEdit
    assert [combo.itemText(i) for i in range(combo.count())][1:] == [
        "Strategic", "Enterprise", "Mid-Market", "SMB", "Tech-Touch"]


def test_thresholds_out_of_order_are_refused_and_nothing_saved(context, qtbot) -> None:
    dialog = TierSettingsDialog(context.settings)
    qtbot.addWidget(dialog)
    dialog.edits["Growth"].setText("90000")  # above Strategic's 75,000.01
    click_save(qtbot, dialog)
    assert not dialog.error.isHidden()
    assert "must be above" in dialog.error.text()
    assert context.settings.tier_scheme().bands[1].minimum == Decimal(25000)
    dialog.edits["Growth"].setText("not money")
    click_save(qtbot, dialog)
    assert "not an amount" in dialog.error.text()
