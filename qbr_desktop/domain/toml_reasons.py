"""The reasons Python's TOML reader gives for a file it cannot read, in the reader's
language: a CSM who mistypes a playbook file reads what is wrong in the window's language.

tomllib words its reasons in English and names no code for them; these are its reasons as
of Python 3.11–3.13, the key or character they name kept as written. A reason not listed
is shown as the library words it.
"""

from __future__ import annotations

import re

from qbr_desktop.i18n import N_, Message, msg

# Each marked where it is written, so the catalogue tools find it.
_REASONS = {reason: reason for reason in (
    N_("Cannot overwrite a value"),
    N_("Escaped character is not a Unicode scalar value"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Expected newline or end of document after a statement"),
    N_("Invalid date or datetime"),
    N_("Invalid hex value"),
    N_("Invalid initial character for a key part"),
    N_("Invalid statement"),
    N_("Invalid value"),
    N_("Unclosed array"),
    N_("Unclosed inline table"),
    N_("Unescaped '\\' in a string"),
    N_("Unterminated string"),
)}


# The reasons that name what they found: (pattern, template naming it {name}).
_NAMING = tuple((re.compile(pattern), template) for pattern, template in (
    (r"Illegal character (.+)", N_("Illegal character {name}")),
    (r"Found invalid character (.+)", N_("Found invalid character {name}")),
    (r"Cannot declare (.+) twice", N_("Cannot declare {name} twice")),
    (r"Duplicate inline table key (.+)", N_("Duplicate inline table key {name}")),
    (r"Cannot mutate immutable namespace (.+)", N_("Cannot mutate immutable namespace {name}")),
    (r"Cannot redefine namespace (.+)", N_("Cannot redefine namespace {name}")),
))


def toml_reason(reason: str) -> Message | str:
    """tomllib's reason, translatable where it is one of those above."""
    reason = reason.strip()
    if (template := _REASONS.get(reason)) is not None:
        return msg(template)
    for pattern, naming in _NAMING:
        if found := pattern.fullmatch(reason):
            return msg(naming, name=found[1])
    return reason
