"""The demo portfolio file is whole or absent; a half-built one is built again."""

from __future__ import annotations

import io
import os
import sqlite3
import time
from datetime import date
from pathlib import Path

from qbr_desktop.cli import main
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import DEMO_COMPLETE_KEY
from qbr_desktop.services.demo_file import (
    STALE_BUILD_AGE_S,
    DemoState,
    build_demo_file,
    demo_state,
    prune_abandoned_builds,
)

TODAY = date(2026, 5, 4)


def _half_built(path: Path) -> None:
    """A demo as an interrupted build leaves it: accounts, but not the last steps."""
    build_demo_file(path, accounts=2, seed=3, today=TODAY)
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM setting WHERE key = ?", (DEMO_COMPLETE_KEY,))
    connection.execute("DELETE FROM deck_plan")
    connection.commit()
    connection.close()


def test_the_demo_is_built_beside_its_place_and_renamed_into_it(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    summary = build_demo_file(path, accounts=2, seed=3, today=TODAY)
    assert summary.accounts == 2
    assert demo_state(path) is DemoState.COMPLETE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]


def test_qbr_demo_builds_a_half_built_demo_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    _half_built(path)
    assert demo_state(path) is DemoState.HALF_BUILT
    err = io.StringIO()
    code = main(["demo", "--db", str(path), "--accounts", "2", "--today", TODAY.isoformat()],
                out=io.StringIO(), err=err)
    assert code == 0, err.getvalue()
    assert demo_state(path) is DemoState.COMPLETE
    again = io.StringIO()
    assert main(["demo", "--db", str(path)], out=io.StringIO(), err=again) == 1
    assert "already holds the demo portfolio" in again.getvalue()


def test_opening_a_half_built_demo_builds_it_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    _half_built(path)
    context = AppContext.open(DatabaseTarget(path=path))
    try:
        assert any("built again" in notice for notice in context.store.notices)
        assert context.is_demo
    finally:
        context.close()
    assert demo_state(path) is DemoState.COMPLETE


def test_abandoned_builds_are_pruned(tmp_path: Path) -> None:
    old = tmp_path / ".demo.sqlite.0123456789ab.building"
    fresh = tmp_path / ".demo.sqlite.abcdefabcdef.building"
    for path in (old, fresh):
        path.write_bytes(b"x")
    stale = time.time() - STALE_BUILD_AGE_S - 1
    os.utime(old, (stale, stale))
    assert prune_abandoned_builds(tmp_path) == [old]
    assert fresh.exists()
