"""Two people changed the same free text (an account's notes): keep both, lose neither.

`base` is what both started from, `theirs` what is stored now, `mine` what this person
saved. Where one side only added text after the base and the other did too, the additions
follow each other; otherwise their whole text comes first and mine after a marked line.
"""

from __future__ import annotations

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
