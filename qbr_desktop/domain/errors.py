"""Errors a CSM can read, raised by the domain rules.

An error's sentence may be a message (qbr_desktop/i18n.py): `str(error)` reads in the window's
or the CLI's language, `error.message` keeps it to render in another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qbr_desktop.i18n import Catalogue, Message, msg, ui_text


class DomainError(Exception):
    """Base for every rule violation the product reports to a person."""

    def __init__(self, message: Message | str = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.message = message

    def __str__(self) -> str:
        return ui_text(self.message)


class ValidationFailed(DomainError):
    """One or more fields hold values the rules do not accept.

    `messages` maps a field name (a key, never translated) to the sentence that names what
    is wrong, as a message; `problems` gives the same sentences in the window's or the CLI's
    language, so a form can show each beside its own field.
    """

    def __init__(self, problems: Mapping[str, Message | str]) -> None:
        self.messages: dict[str, Message | str] = dict(problems)
        super().__init__(ProblemList(self.messages))

    @property
    def problems(self) -> dict[str, str]:
        return {name: ui_text(text) for name, text in self.messages.items()}


@dataclass(frozen=True)
class ProblemList(Message):
    """"field: what is wrong; field: …", each sentence rendered in the language asked for."""

    def __init__(self, problems: Mapping[str, Message | str]) -> None:
        super().__init__("", {name: msg("{field}: {problem}", field=name, problem=text)
                              for name, text in problems.items()})

    def render(self, catalogue: Catalogue | None = None) -> str:
        return "; ".join(part.render(catalogue) for part in self.fields.values())
