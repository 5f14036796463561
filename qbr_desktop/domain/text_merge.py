"""Two people changed the same free text (an account's notes) or list: keep both, lose
neither.

`base` is what both started from, `theirs` what is stored now, `mine` what this person
saved. Where one side only added text after the base and the other did too, the additions
follow each other; otherwise their whole text comes first and mine after a marked line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

MINE_MARKER = "— {who}'s notes above were saved at the same time as yours, below —"


def merge_text(base: str, theirs: str, mine: str, *, who: str = "A colleague") -> str:
    if theirs == base or mine == theirs:
        return mine
    if mine == base:
        return theirs
    if theirs.startswith(base) and mine.startswith(base):
        added = mine[len(base):]
        if theirs.endswith(added):
            return theirs  # the same addition, made twice
        joiner = "" if theirs.endswith("\n") or added.startswith("\n") else "\n"
        return theirs + joiner + added
    return f"{theirs.rstrip()}\n\n{MINE_MARKER.format(who=who)}\n{mine}"


def merge_items(base: Sequence[T], theirs: Sequence[T], mine: Sequence[T]) -> tuple[T, ...]:
    """Two people changed one list (a recap's decisions, a deck's roadmap): theirs, less
    what I removed, then what I added. Neither side's additions are lost."""
    if list(theirs) == list(base):
        return tuple(mine)
    if list(mine) == list(base):
        return tuple(theirs)
    kept = [item for item in theirs if item in mine or item not in base]
    return (*kept, *(item for item in mine if item not in theirs and item not in base))
