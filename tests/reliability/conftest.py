"""The reliability suite: figures for the whole session, printed at its end."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from figures import FIGURES_ENV, figures_file, summary_line, totals  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get(FIGURES_ENV):
        folder = tempfile.mkdtemp(prefix="qbr-reliability-")
        os.environ[FIGURES_ENV] = str(Path(folder) / "figures.jsonl")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    path = figures_file()
    if path is None:
        return
    figures = totals(path)
    if figures:
        terminalreporter.write_line(summary_line(figures))

