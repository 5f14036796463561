"""Errors a CSM can read, raised by the domain rules.

An error's sentence may be a message (qbr_desktop/i18n.py): `str(error)` reads in the window's
or the CLI's language, `error.message` keeps it to render in another.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qbr_desktop.i18n import Message, ui_text


class DomainError(Exception):
    """Base for every rule violation the product reports to a person."""

    def __init__(self, message: Message | str = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.message = message

    def __str__(self) -> str:
        return ui_text(self.message)


class ValidationFailed(DomainError):
    """One or more fields hold values the rules do not accept.

    `problems` maps a field name to a sentence that names what is wrong, so a form
    can show each message beside its own field.
    """

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {text}" for field, text in self.problems.items()))
