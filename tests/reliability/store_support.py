"""Helpers for the store's reliability tests: run counts and child processes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def reliability_runs(default: int) -> int:
    """How many runs a loop makes: `default` in CI, more with QBR_RELIABILITY_RUNS."""
    text = os.environ.get("QBR_RELIABILITY_RUNS", "")
    return max(default, int(text)) if text.isdigit() else default


def child(script: str, *args: str, **options: object) -> subprocess.Popen[str]:
    """A Python child running `script`, with this checkout first on its path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.Popen([sys.executable, "-c", script, *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options)  # type: ignore[call-overload]


def integrity(path: Path) -> str:
    """SQLite's integrity_check on `path`, read-only; 'ok' when sound."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows)
