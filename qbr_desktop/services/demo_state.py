"""What a portfolio file holds, as far as the demo is concerned: read with sqlite3 alone,
so every open can ask it (a demo cut short is built again) without loading the demo builder.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from qbr_desktop.services.account_listing import DEMO_COMPLETE_KEY, DEMO_KEY
from qbr_desktop.store.sqlite_uri import sqlite_uri


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
    try:
        connection = sqlite3.connect(sqlite_uri(path), uri=True)
    except sqlite3.Error:
        return DemoState.PORTFOLIO
    try:
        def one(sql: str, *params: object) -> object:
            row = connection.execute(sql, params).fetchone()
            return row[0] if row else None

        if not one("SELECT 1 FROM sqlite_master WHERE type='table' AND name='setting'"):
            return DemoState.MISSING if not one(
                "SELECT 1 FROM sqlite_master WHERE type='table'") else DemoState.PORTFOLIO
        demo = one("SELECT value FROM setting WHERE key = ?", DEMO_KEY) == "true"
        if not demo:
            return DemoState.PORTFOLIO if one("SELECT 1 FROM account LIMIT 1") \
                else DemoState.EMPTY
        if one("SELECT value FROM setting WHERE key = ?", DEMO_COMPLETE_KEY) == "true":
            return DemoState.COMPLETE
        # Releases before the completion mark: their last step saved deck plans.
        return DemoState.COMPLETE if one("SELECT 1 FROM deck_plan LIMIT 1") \
            else DemoState.HALF_BUILT
    except sqlite3.DatabaseError:
        return DemoState.PORTFOLIO  # not ours to replace: opening it will say what is wrong
    finally:
        connection.close()
