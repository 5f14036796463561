"""The one worker shape: every outcome is reported once, on the GUI thread, and a failure
nobody foresaw leaves its traceback in the log and one sentence for the CSM."""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

import pytest

from qbr_desktop import app_log
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.worker import run_in_background, running, start_task


class Reports:
    def __init__(self) -> None:
        self.done: list[Any] = []
        self.errors: list[str] = []
        self.cancelled = 0

    def count(self) -> int:
        return len(self.done) + len(self.errors) + self.cancelled


@pytest.fixture
def logged(tmp_path: Path) -> Any:
    path = app_log.set_up_log(tmp_path)
    yield path
    root = logging.getLogger("qbr_desktop")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    app_log._state.clear()


def test_an_unexpected_error_is_logged_and_told_in_one_sentence(qtbot: Any,
                                                               logged: Path) -> None:
    reports = Reports()

    def broken() -> None:
        raise KeyError("section-7")

    start_task(broken, reports.done.append, reports.errors.append, "reading the agenda")
    gc.collect()  # nobody holds the worker: it keeps itself alive until it reports
    qtbot.waitUntil(lambda: reports.count() == 1, timeout=5000)
    (sentence,) = reports.errors
    assert sentence.startswith("Something went wrong while reading the agenda; nothing was "
                               "changed.")
    assert str(logged) in sentence
    log = logged.read_text(encoding="utf-8")
    assert "reading the agenda failed" in log and "Traceback" in log and "KeyError" in log
    assert oct(logged.stat().st_mode & 0o777) == "0o600"
    qtbot.waitUntil(lambda: running() == 0, timeout=5000)


def test_an_error_the_csm_can_act_on_is_told_as_it_is(qtbot: Any) -> None:
    reports = Reports()

    def refused() -> None:
        raise DomainError("The folder is read-only; pick another one")

    start_task(refused, reports.done.append, reports.errors.append, "writing the deck")
    qtbot.waitUntil(lambda: reports.count() == 1, timeout=5000)
    assert reports.errors == ["The folder is read-only; pick another one"]


def test_progress_result_and_cancel(qtbot: Any) -> None:
    reports = Reports()
    steps: list[tuple[int, int]] = []

    def counted(progress: Any, cancelled: Any) -> str:
        for step in range(3):
            progress(step + 1, 3)
        return "written"

    run_in_background(counted, "counting", reports.done.append, reports.errors.append,
                      progress=lambda done, total: steps.append((done, total)))
    qtbot.waitUntil(lambda: reports.count() == 1, timeout=5000)
    assert reports.done == ["written"] and steps == [(1, 3), (2, 3), (3, 3)]

    class Stopped(Exception):
        pass

    def endless(progress: Any, cancelled: Any) -> None:
        while not cancelled():
            pass
        raise Stopped

    def stop() -> None:
        reports.cancelled += 1

    worker = run_in_background(endless, "waiting", reports.done.append,
                               reports.errors.append, on_cancel=stop,
                               cancel_errors=(Stopped,))
    worker.cancel()
    qtbot.waitUntil(lambda: reports.cancelled == 1, timeout=5000)
    assert reports.count() == 2


def test_a_result_for_a_closed_widget_is_dropped(qtbot: Any) -> None:
    import threading

    from PySide6.QtWidgets import QLabel

    label = QLabel()
    release = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "drawn"

    start_task(slow, lambda text: shown.append(label.text() + text), shown.append,
               "drawing the charts", owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: running() == 0, timeout=5000)
    assert shown == []  # no callback ran against the deleted label


def _alive(widget: Any) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
