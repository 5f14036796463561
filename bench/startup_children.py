"""The processes startup_bench.py times: the app (from source or frozen), a bare QMainWindow,
`python -c pass` and `qbr` commands. Each runs in a fresh process with its own settings and
data folders and a bytecode cache of its own (these machines set PYTHONDONTWRITEBYTECODE,
so without one every start would compile the app's modules).

The app reports its own moments through its hidden start-up probe (QBR_STARTUP_PROBE, see
qbr_desktop/gui/startup_probe.py): first paint; "usable" (the list painted with its rows
and a click on a row answered: the row selected, and painted so); the clicked account's
details on screen; every account listed. Times are wall-clock seconds from just before the
process is started.
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CHILD_TIMEOUT_S = 180.0
MAX_FAILED_LAUNCHES = 2

BASELINE_SOURCE = '''\
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Reports the first paint; then, for STALL_WATCH_S, the longest gap between the
    firings of a 5 ms timer in this idle window: what the machine alone costs the app's
    own stall figure."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = self.last = self.stall = 0.0
        self.rss = 0
        self.tick = QTimer(self)
        self.tick.setInterval(5)
        self.tick.timeout.connect(self.ticked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = self.last = time.time()
            self.rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            watched.removeEventFilter(self)
            self.tick.start()
        return False

    def ticked(self) -> None:
        now = time.time()
        self.stall = max(self.stall, now - self.last - 0.005)
        self.last = now
        if now - self.painted >= STALL_WATCH_S:
            painted = self.painted
            print(f"qbr-startup painted={painted!r} usable={painted!r} details={painted!r} "
                  f"listed={painted!r} stall_ms={self.stall * 1000:.1f} rss_kb={self.rss}",
                  flush=True)
            self.app.quit()


STALL_WATCH_S = 1.0


app = QApplication(sys.argv[:1])
window = QMainWindow()
watcher = FirstPaint(app)  # referenced: a filter nobody holds is collected at once
window.installEventFilter(watcher)
window.resize(1280, 720)
window.show()
sys.exit(app.exec())
'''


@dataclass(frozen=True, slots=True)
class Start:
    painted_s: float  # process start to the window's first paint
    usable_s: float  # to the list painted with its rows and a click on a row answered
    details_s: float  # to the clicked account's details on screen (the portfolio open)
    listed_s: float  # to every account in the list
    stall_ms: float  # the longest the event loop was kept waiting, first paint to listed
    rss_mb: float  # peak resident memory at usable
    rss_end_mb: float  # peak resident memory with the details shown and every row listed


class ChildFailed(RuntimeError):
    """A child crashed, hung or never reported."""


def environment(workdir: Path) -> dict[str, str]:
    """Offscreen Qt, settings and data folders of our own (the user's are never touched),
    and a bytecode cache in `workdir`, as an installed app has one."""
    env = dict(os.environ)
    for name in ("QBR_DB", "QBR_DATABASE_URL", "PYTHONDONTWRITEBYTECODE", "QBR_STARTUP_PROBE"):
        env.pop(name, None)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(workdir / "config"),
               QBR_DATA_DIR=str(workdir / "data"), PYTHONPYCACHEPREFIX=str(workdir / "pycache"),
               PYTHONFAULTHANDLER="1")
    return env


def qbr_command() -> list[str]:
    qbr = Path(sys.executable).with_name("qbr")
    return [str(qbr)] if qbr.exists() else [sys.executable, "-m", "qbr_desktop.cli"]


def launch(command: Sequence[str], env: dict[str, str], log: Path,
           timeout_s: float = CHILD_TIMEOUT_S) -> Start:
    """Run `command` until it prints its probe line and ends. A child that has not ended
    within `timeout_s` is killed with every process it started (one left alive would keep
    the pipe open, and the read would wait for ever) and reported as failed."""
    with log.open("w") as stderr:
        start_wall = time.time()
        process = subprocess.Popen(list(command), env={**env, "QBR_STARTUP_PROBE": "quit"},
                                   stdout=subprocess.PIPE, stderr=stderr, text=True,
                                   start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):  # it ended just then
                os.killpg(process.pid, signal.SIGKILL)

        watchdog = threading.Timer(timeout_s, kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            output = process.stdout.read()
            code = process.wait()
        finally:
            watchdog.cancel()
    lines = [line for line in output.splitlines() if line.startswith("qbr-startup ")]
    if code != 0 or not lines or timed_out.is_set():
        said = f"no report within {timeout_s:.0f} s" if timed_out.is_set() else f"exit {code}"
        raise ChildFailed(f"{' '.join(command)} failed ({said}, said {output[-500:]!r}):"
                          f"\n{log.read_text(errors='replace')[-2000:]}")
    fields = dict(word.split("=", 1) for word in lines[0].split()[1:])
    return Start(*(float(fields[name]) - start_wall
                   for name in ("painted", "usable", "details", "listed")),
                 float(fields["stall_ms"]), int(fields["rss_kb"]) / 1024,
                 int(fields.get("rss_end_kb", fields["rss_kb"])) / 1024)


class Launcher:
    """Runs children; a failed one is reported and retried, a few times at most."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.failures: list[str] = []

    def __call__(self, command: Sequence[str]) -> Start:
        while True:
            try:
                return launch(command, self.env, self.log)
            except ChildFailed as exc:
                self.failures.append(str(exc))
                print(f"Warning: {exc}", file=sys.stderr, flush=True)
                if len(self.failures) > MAX_FAILED_LAUNCHES:
                    raise


def app_command(database: Path, source: Path | None = None) -> list[str]:
    """The app on `database`; from the package tree in `source` (another checkout, to
    time two versions in turns) instead of the installed one when given."""
    if source is None:
        return [sys.executable, "-m", "qbr_desktop", "--db", str(database)]
    run_from = (f"import sys; sys.path.insert(0, {str(source)!r}); "
                "from qbr_desktop.app import main; raise SystemExit(main())")
    return [sys.executable, "-c", run_from, "--db", str(database)]


def frozen_command(database: Path, dist: Path) -> list[str] | None:
    executable = dist / "qbr-desktop" / "qbr-desktop"
    return [str(executable), "--db", str(database)] if executable.exists() else None


def wall_seconds(command: Sequence[str], env: dict[str, str], runs: int,
                 warm_up: int = 1) -> list[float]:
    """Wall-clock seconds of `command`, run `runs` times after `warm_up` untimed runs."""
    times = []
    for run in range(warm_up + runs):
        started = time.perf_counter()
        subprocess.run(list(command), env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        if run >= warm_up:
            times.append(time.perf_counter() - started)
    return times


def interleaved(commands: dict[str, Sequence[str]], env: dict[str, str],
                runs: int) -> dict[str, list[float]]:
    """Each command's wall seconds, run in turns so drift on the machine hits all alike."""
    for command in commands.values():
        wall_seconds(command, env, 0, warm_up=1)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name] += wall_seconds(command, env, 1, warm_up=0)
    return times


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
