"""Ctrl+C in the terminal ends `qbr-desktop` as Quit does, instead of being ignored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_ctrl_c_closes_the_window_and_ends_the_program(tmp_path: Path) -> None:
    program = Path(sys.executable).with_name("qbr-desktop")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QBR_DATA_DIR": str(tmp_path)}
    started = subprocess.Popen([str(program), "--db", str(tmp_path / "mine.sqlite")], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "mine.sqlite").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2)  # the portfolio is open and the event loop idle
        started.send_signal(signal.SIGINT)
        code = started.wait(timeout=30)
    finally:
        if started.poll() is None:
            started.kill()
    assert code == 0, started.stderr.read() if started.stderr else ""
    assert "Traceback" not in (started.stderr.read() if started.stderr else "")
