"""Start-to-window of the Windows build under Wine, against a bare PySide6 window built the
same way (goal: ratio <= 1.5).

    .venv/bin/python bench/windows_start_bench.py [--runs N]   (after `make dist-windows`)

The bare window is a QMainWindow and nothing else, frozen by the same Windows Python and
PyInstaller under Wine as a one-folder windowed program. Both run on one virtual X screen
(Xvfb) through Qt's Windows platform plugin; a run is timed from just before the process
starts until Wine maps the program's top-level window on the X screen (polled with
xwininfo every 20 ms). The app opens the demo portfolio of a data folder made by a first,
untimed start. Runs alternate between the two programs after one warm-up each, so Wine's
server and the file cache serve both alike. Wine and the machine's other work make the
absolute numbers noisy: the ratio of medians is the figure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build" / "windows"))
import make_dist  # noqa: E402  (build/windows/, beside the build's other files)
import wine_prefix  # noqa: E402

GOAL_RATIO = 1.5
RUNS = 5
WINDOW_TIMEOUT_S = 180.0
POLL_S = 0.02
BARE_TITLE = "Bare PySide6 window"
APP_TITLE = "QBR Desktop"
BARE_SOURCE = f'''\
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.setWindowTitle("{BARE_TITLE}")
window.resize(1280, 720)
window.show()
app.exec()
'''


def bare_window(work: Path, python: Path, prefix: Path) -> Path:
    """The bare window, frozen by the same Python and PyInstaller (built once, kept)."""
    out = work / "bare-window"
    program = out / "dist" / "bare-window" / "bare-window.exe"
    if program.is_file():
        return program
    out.mkdir(parents=True, exist_ok=True)
    script = out / "bare_window.py"
    script.write_text(BARE_SOURCE, encoding="utf-8")
    result = wine_prefix.run(prefix, [
        wine_prefix.windows_path(python), "-m", "PyInstaller", "--noconfirm", "--windowed",
        "--name", "bare-window", "--distpath", wine_prefix.windows_path(out / "dist"),
        "--workpath", wine_prefix.windows_path(out / "work"),
        "--specpath", wine_prefix.windows_path(out), wine_prefix.windows_path(script)],
        timeout=1800, env={"QT_QPA_PLATFORM": "offscreen"})
    if result.returncode != 0:
        raise SystemExit(f"building the bare window failed:\n{result.stderr[-3000:]}")
    return program


def window_shown(title: str, display: str) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": display}).stdout
    for window_id in re.findall(rf'^\s+(0x[0-9a-f]+) "[^"]*{re.escape(title)}[^"]*"', tree,
                                re.M):
        state = subprocess.run(["xwininfo", "-id", window_id], capture_output=True,
                               text=True, env={**os.environ, "DISPLAY": display}).stdout
        if "IsViewable" in state:
            return True
    return False


def time_to_window(prefix: Path, program: Path, title: str, display: str,
                   data: Path) -> float:
    env = wine_prefix.environment(prefix, {"DISPLAY": display,
                                           "QBR_DATA_DIR": wine_prefix.windows_path(data)})
    wine = wine_prefix.find_wine()
    assert wine is not None
    started = time.perf_counter()
    process = subprocess.Popen([wine, wine_prefix.windows_path(program)], env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    try:
        while not window_shown(title, display):
            if process.poll() is not None:
                raise SystemExit(f"{program.name} ended before its window showed: "
                                 f"{process.stdout.read().decode(errors='replace')[-2000:]}"
                                 if process.stdout else program.name)
            if time.perf_counter() - started > WINDOW_TIMEOUT_S:
                raise SystemExit(f"{program.name}: no window after {WINDOW_TIMEOUT_S} s")
            time.sleep(POLL_S)
        return time.perf_counter() - started
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--work", type=Path, default=make_dist.DEFAULT_WORK)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    app = args.dist / make_dist.NAME / "qbr-desktop.exe"
    python, prefix = args.work / "python" / "python.exe", args.work / "prefix"
    if not (app.is_file() and python.is_file() and prefix.is_dir()):
        raise SystemExit(f"no Windows build in {args.dist} and {args.work}: "
                         "run `make dist-windows` first")
    for tool in ("Xvfb", "xwininfo"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (apt-get install xvfb x11-utils)")
    bare = bare_window(args.work, python, prefix)
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    data = args.work / "bench-data"
    shutil.rmtree(data, ignore_errors=True)
    times: dict[str, list[float]] = {"app": [], "bare": []}
    try:
        time.sleep(1)
        # Warm-up (and the app's first start, which builds the demo portfolio): untimed.
        time_to_window(prefix, app, APP_TITLE, display, data)
        time_to_window(prefix, bare, BARE_TITLE, display, data)
        for run in range(args.runs):
            for kind, program, title in (("app", app, APP_TITLE), ("bare", bare, BARE_TITLE)):
                seconds = time_to_window(prefix, program, title, display, data)
                times[kind].append(seconds)
                print(f"run {run + 1}: {kind:4} {seconds:6.2f} s", flush=True)
    finally:
        server.terminate()
        server.wait()
    app_median, bare_median = (statistics.median(times[k]) for k in ("app", "bare"))
    ratio = app_median / bare_median
    verdict = "ok" if ratio <= GOAL_RATIO else "OVER GOAL"
    print(f"start to window under Wine: app {app_median:.2f} s, bare PySide6 window "
          f"{bare_median:.2f} s (medians of {args.runs}); ratio {ratio:.2f} "
          f"(goal <= {GOAL_RATIO}) {verdict}")
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
