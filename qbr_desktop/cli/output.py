"""What the CLI writes: its own sentences in the interface language, and `--json` as is.

`say(out, msg("Wrote {path}", path=path))` renders a message in the CLI's language (see
cli/language.py); `write_json(out, data)` prints machine output, which stays English.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any, TextIO

from qbr_desktop.i18n import Message, msg_in_context, ui_text


def say(out: TextIO, message: Message | str) -> None:
    """One line (or more) for a person, in the interface language."""
    out.write(ui_text(message) + "\n")


def width(text: str) -> int:
    """Columns a terminal gives the text: two for a Chinese or Japanese character."""
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def padded(text: str, columns: int) -> str:
    """The text left-aligned in a table column of that many terminal columns (str.ljust
    counts characters, so a column of Chinese labels would push the next one out)."""
    return text + " " * max(columns - width(text), 0)


def listed(items: Iterable[str]) -> str:
    """Names in a sentence's list, joined as the interface language does ("a, b" in English,
    "a、b" in Chinese)."""
    return ui_text(msg_in_context("list separator", ", ")).join(items)


def write_json(out: TextIO, data: Any, *, indent: int | None = 2) -> None:
    """`--json` output: UTF-8 as is (names in any script), one document, a final newline."""
    import json

    json.dump(data, out, ensure_ascii=False, indent=indent)
    out.write("\n")
