"""Reliability figures: each test records counts; the session prints them on one line.

Counts go to a JSON-lines file named by $QBR_RELIABILITY_FIGURES (conftest.py sets it
for the session when unset), so subprocesses and separate test files can add to it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

FIGURES_ENV = "QBR_RELIABILITY_FIGURES"


def figures_file() -> Path | None:
    name = os.environ.get(FIGURES_ENV)
    return Path(name) if name else None


def record(key: str, count: int) -> None:
    """Add `count` to the figure `key` (e.g. "kills", "kills corrupt")."""
    target = figures_file()
    if target is None:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps({"key": key, "count": count}) + "\n")


def totals(path: Path) -> dict[str, int]:
    """Each key's sum, in the order keys were first recorded."""
    result: dict[str, int] = {}
    if not path.exists():
        return result
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            result[item["key"]] = result.get(item["key"], 0) + int(item["count"])
    return result


def summary_line(figures: dict[str, int]) -> str:
    """'reliability: 60 kills, 0 corrupt, 0 lost; 30 concurrent edits, 0 lost'.

    Keys are grouped by their first word; a group's first key is printed whole and the
    others without the shared word.
    """
    groups: dict[str, list[str]] = {}
    for key, count in figures.items():
        head = key.split()[0]
        words = key if head not in groups else key.split(maxsplit=1)[-1]
        groups.setdefault(head, []).append(f"{count} {words}")
    return "reliability: " + "; ".join(", ".join(parts) for parts in groups.values())
