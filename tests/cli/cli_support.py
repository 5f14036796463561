"""Helpers the CLI tests share (imported by the test modules beside it)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine

from qbr_desktop.paths import resolve_target
from qbr_desktop.services.context import AppContext

Portfolio = Path | str
"""What `--db` names in these tests: a SQLite file, or a PostgreSQL URL."""


def open_portfolio(db: Portfolio) -> AppContext:
    """The portfolio a test's `--db` names, opened through the services."""
    return AppContext.open(resolve_target(str(db)))


def raw_engine(db: Portfolio) -> Engine:
    """A plain engine on the portfolio, for a test to look at or spoil rows as a hand edit
    would (never through the services)."""
    return create_engine(f"sqlite:///{db}" if isinstance(db, Path) else db)
