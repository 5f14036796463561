"""What the CLI writes: its own sentences in the interface language, and `--json` as is.

`say(out, msg("Wrote {path}", path=path))` renders a message in the CLI's language (see
cli/language.py); `write_json(out, data)` prints machine output, which stays English.
"""

from __future__ import annotations

from typing import Any, TextIO

from qbr_desktop.i18n import Message, ui_text


def say(out: TextIO, message: Message | str) -> None:
    """One line (or more) for a person, in the interface language."""
    out.write(ui_text(message) + "\n")


def write_json(out: TextIO, data: Any, *, indent: int | None = 2) -> None:
    """`--json` output: UTF-8 as is (names in any script), one document, a final newline."""
    import json

    json.dump(data, out, ensure_ascii=False, indent=indent)
    out.write("\n")
