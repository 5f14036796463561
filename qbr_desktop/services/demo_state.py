"""What a portfolio file holds, as far as the demo is concerned: read with sqlite3 alone
(store/file_probe.py), so every open can ask it (a demo cut short is built again) without
loading the demo builder.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from qbr_desktop.services.account_listing import DEMO_COMPLETE_KEY, DEMO_KEY
from qbr_desktop.store.file_probe import probe_file


class DemoState(Enum):
    MISSING = "missing"  # no file, or an empty one
    EMPTY = "empty"  # a database with no accounts
    HALF_BUILT = "half-built"
    COMPLETE = "complete"
    PORTFOLIO = "portfolio"  # someone's real accounts


def demo_state(path: Path) -> DemoState:
    """What `path` holds, read without changing it."""
    if not path.exists():
        return DemoState.MISSING
    if not path.is_file():
        return DemoState.PORTFOLIO  # not ours to replace: opening it will say what it is
    if path.stat().st_size == 0:
        return DemoState.MISSING
    contents = probe_file(path, (DEMO_KEY, DEMO_COMPLETE_KEY))
    if contents is None:
        return DemoState.PORTFOLIO  # not ours to replace: opening it will say what is wrong
    if not contents.has_settings_table:
        return DemoState.PORTFOLIO if contents.has_tables else DemoState.MISSING
    if contents.settings.get(DEMO_KEY) != "true":
        return DemoState.PORTFOLIO if contents.has_accounts else DemoState.EMPTY
    if contents.settings.get(DEMO_COMPLETE_KEY) == "true":
        return DemoState.COMPLETE
    if contents.has_deck_plans is None:
        return DemoState.PORTFOLIO  # a demo without the tables of one: not ours to replace
    # Releases before the completion mark: their last step saved deck plans.
    return DemoState.COMPLETE if contents.has_deck_plans else DemoState.HALF_BUILT
