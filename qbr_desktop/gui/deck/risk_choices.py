"""Which items of the risk register the customer sees on the deck's risks slide.

One checkable row per open item, in the register's words; suggested items say so. Every
item is unticked until the CSM decides (domain.deck_plan.risk_shown), since the register
holds their private notes as well as what the customer may read. Ticking or
unticking reports the item and the new choice; the Deck tab records it in the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from qbr_desktop.domain.deck_plan import DeckPlan, risk_shown
from qbr_desktop.domain.risks import RiskKind, RiskStatus
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from qbr_desktop.domain.risks import RiskItem

ROWS_SHOWN = 4
EMPTY = QT_TRANSLATE_NOOP("risk_choices", "No open risks or opportunities in the register.")


class RiskChoices(QListWidget):
    # (risk item id, shown on the slide)
    chosen = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("RiskChoices", "Risks on the slide"))
        self.setToolTip(translate("RiskChoices",
                                  "Tick what the customer may see on the risks slide. Nothing from "
                        "the register is on the slide until you tick it."))
        self.setMinimumHeight(int(ROWS_SHOWN * self.fontMetrics().height() * 1.5) + 8)
        self.setWordWrap(True)  # a long title wraps instead of scrolling sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.loaded = False  # the register was read for the account shown
        self._filling = False
        self.itemChanged.connect(self._changed)

    def show_items(self, items: Sequence[RiskItem], plan: DeckPlan) -> None:
        """List the open items, ticked as the plan says."""
        self._filling = True
        try:
            self.clear()
            shown = [item for item in items if item.status is RiskStatus.OPEN]
            for item in shown:
                kind = translate("RiskChoices",
                                 "Risk") if item.kind is RiskKind.RISK else translate(
                                     "RiskChoices", "Opportunity")
                suggested = translate("RiskChoices",
                                      " (suggested)") if item.origin != "manual" else ""
                row = QListWidgetItem(f"{kind}: {item.title}{suggested}", self)
                row.setData(Qt.ItemDataRole.UserRole, item.id)
                row.setToolTip(item.title)
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                             | Qt.ItemFlag.ItemIsSelectable)
                row.setCheckState(Qt.CheckState.Checked
                                  if risk_shown(plan, item.id)
                                  else Qt.CheckState.Unchecked)
            if not shown:
                empty = QListWidgetItem(translate("risk_choices", EMPTY), self)
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.loaded = True
        finally:
            self._filling = False

    def unload(self) -> None:
        """Forget the items (the register could not be read): the plan keeps its choices."""
        self.clear()
        self.loaded = False

    def ticked(self) -> dict[int, bool]:
        """Each listed item's id and whether it is ticked."""
        out = {}
        for row in range(self.count()):
            item = self.item(row)
            item_id = item.data(Qt.ItemDataRole.UserRole)
            if item_id is not None:
                out[int(item_id)] = item.checkState() == Qt.CheckState.Checked
        return out

    def _changed(self, item: QListWidgetItem) -> None:
        item_id = item.data(Qt.ItemDataRole.UserRole)
        if self._filling or item_id is None:
            return
        self.chosen.emit(int(item_id), item.checkState() == Qt.CheckState.Checked)
