"""Start-up with the window in Chinese against English: the same portfolio, each language
chosen in the settings the way Edit › Language… stores it, fresh processes in turns.
Goal: start to usable in Chinese at most 1.1 × English (only the chosen language's
catalogues are loaded). Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/language_bench.py
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

import startup_children as children

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qbr_desktop import APP_NAME, ORGANIZATION  # noqa: E402

GOAL = 1.1


def demo_portfolio(path: Path, accounts: int) -> None:
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.demo import build_demo_portfolio

    context = AppContext.open(DatabaseTarget(path=path))
    try:
        build_demo_portfolio(context, accounts=accounts, today=date.today())
        context.settings.mark_demo(False)
    finally:
        context.close()


def language_environment(workdir: Path, language: str) -> dict[str, str]:
    env = children.environment(workdir)
    env["XDG_CONFIG_HOME"] = str(workdir / f"config-{language}")
    settings = Path(env["XDG_CONFIG_HOME"]) / ORGANIZATION / f"{APP_NAME}.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[interface]\nlanguage={language}\n", encoding="utf-8")
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--accounts", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        database = workdir / "portfolio.sqlite"
        demo_portfolio(database, args.accounts)
        command = children.app_command(database)
        launchers = {language: children.Launcher(language_environment(workdir, language),
                                                 workdir / f"{language}.log")
                     for language in ("en", "zh_CN")}
        for launch in launchers.values():
            launch(command)  # warm the bytecode cache and the day's backup
        starts: dict[str, list[children.Start]] = {language: [] for language in launchers}
        for _ in range(args.runs):
            for language, launch in launchers.items():
                starts[language].append(launch(command))
    ratio = 0.0
    for moment in ("painted_s", "usable_s"):
        medians = {language: statistics.median(getattr(start, moment) for start in runs)
                   for language, runs in starts.items()}
        ratio = medians["zh_CN"] / medians["en"]
        print(f"{moment:8} en {medians['en']:.3f} s  zh_CN {medians['zh_CN']:.3f} s  "
              f"ratio {ratio:.3f}")
    print(f"goal: usable in Chinese ≤ {GOAL} × English: {'met' if ratio <= GOAL else 'MISSED'}")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
