"""A process that dies in native code, or a --screenshot run that never ends, leaves every
thread's Python stack in the data folder's logs/crashes.log (a windowed program on Windows
has no stderr to print it on). Each case runs in a child process, which really dies."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from qbr_desktop import app_log

CHILD = """
import sys, threading, time
from pathlib import Path
from qbr_desktop import app_log
assert app_log.record_crashes(Path(sys.argv[1])) is not None
threading.Thread(target=time.sleep, args=(60,), name="sleeper", daemon=True).start()
{ending}
"""


def _child(folder: Path, ending: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", CHILD.format(ending=ending), str(folder)],
                            capture_output=True, text=True, timeout=60)
    return result, time.monotonic() - started


def _crashes(folder: Path) -> str:
    return (folder / "logs" / app_log.CRASH_NAME).read_text(encoding="utf-8")


def test_a_fatal_error_leaves_every_threads_stack_in_crashes_log(tmp_path: Path) -> None:
    result, _ = _child(tmp_path, "import faulthandler\nfaulthandler._sigsegv()")

    assert result.returncode != 0
    text = _crashes(tmp_path)
    assert "Fatal Python error: Segmentation fault" in text
    assert "Current thread" in text and "line 8 in <module>" in text  # where it died
    assert "in sleep" in text or "threading.py" in text  # and the other thread


def test_a_run_that_never_ends_is_stopped_with_its_stacks(tmp_path: Path) -> None:
    result, took = _child(tmp_path, "app_log.stop_if_stuck(1)\nwhile True: time.sleep(0.05)")

    assert result.returncode == 1 and took < 30
    text = _crashes(tmp_path)
    assert text.startswith("Timeout (0:00:01)!") and "line 8 in <module>" in text


def test_a_run_that_ends_in_time_leaves_nothing(tmp_path: Path) -> None:
    result, _ = _child(tmp_path, "app_log.stop_if_stuck(1)\napp_log.cancel_stop()\n"
                                 "time.sleep(2)")

    assert result.returncode == 0, result.stderr
    assert _crashes(tmp_path) == ""


def test_without_a_writable_folder_there_is_no_stop(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    app_log._crash_file.clear()

    assert app_log.record_crashes(blocked) is None
    assert app_log.stop_if_stuck(1) is False
