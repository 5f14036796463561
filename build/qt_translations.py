"""The window's Qt catalogues: extract the marked text of qbr_desktop/gui and ui/ into
resources/i18n/qbr_<language>.ts (pyside6-lupdate), then compile each to .qm (lrelease).

    python build/qt_translations.py            # update every .ts, then compile
    python build/qt_translations.py --check    # exit 1 if a .ts is not current or finished

A .ts keeps no source locations, so moving code does not change it; a translator sees the
context (the class or module) and the English text. Translations are written in the .ts
(by hand or with pyside6-linguist) and committed with the compiled .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "i18n"
# The generated form module repeats its .ui's text: the .ui is the source.
GENERATED = ("ui_account_form.py",)


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def sources() -> list[Path]:
    python = [path for path in sorted((ROOT / "qbr_desktop" / "gui").rglob("*.py"))
              if path.name not in GENERATED]
    return [*python, *sorted((ROOT / "ui").glob("*.ui"))]


def catalogues() -> list[Path]:
    return sorted(CATALOGUES.glob("qbr_*.ts"))


def update(ts: Path) -> str:
    """Bring `ts` up to date with the sources; returns lupdate's report."""
    done = subprocess.run([tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete",
                           "-locations", "none", "-ts", str(ts)],
                          capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    """The source texts of `ts` with no finished translation (or left over from old code)."""
    import xml.etree.ElementTree as ElementTree

    missing = []
    for message in ElementTree.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        empty = translation is None or not "".join(translation.itertext()).strip()
        if kind in ("unfinished", "vanished", "obsolete") or empty:
            missing.append(message.findtext("source") or "")
    return missing


def check() -> list[str]:
    """What is wrong with the committed catalogues: stale, unfinished or not compiled."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for ts in catalogues():
            fresh = Path(scratch) / ts.name
            shutil.copy(ts, fresh)
            update(fresh)
            if fresh.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} is not current: run build/qt_translations.py")
            problems += [f"{ts.name}: not translated: {text!r}" for text in unfinished(fresh)]
            qm = Path(scratch) / ts.with_suffix(".qm").name
            release(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{committed.name} is not compiled from {ts.name}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--language", action="append", default=[],
                        help="start a catalogue for this language (e.g. ja)")
    args = parser.parse_args()
    if args.check:
        problems = check()
        print("\n".join(problems) or "Qt catalogues are current and complete.")
        return 1 if problems else 0
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    wanted = [*catalogues(), *(CATALOGUES / f"qbr_{code}.ts" for code in args.language)]
    for ts in dict.fromkeys(wanted):
        print(update(ts).strip())
        release(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
