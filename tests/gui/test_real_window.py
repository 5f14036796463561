"""The installed program on a real X11 display (Xvfb), as `make run` starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from tests_support import require_tool

pytestmark = pytest.mark.slow


def test_first_launch_shows_the_populated_demo_window(tmp_path: Path) -> None:
    xvfb_run = require_tool("xvfb-run")
    program = Path(sys.executable).with_name("qbr-desktop")
    shot = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(QBR_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1366x768x24", str(program), "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 600
    # A populated window, not a blank one: many distinct colours across the list area.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17)
               for y in range(0, image.height(), 13)}
    assert len(colours) > 20
    assert (tmp_path / "data" / "demo.sqlite").exists()
