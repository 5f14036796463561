"""Errors a CSM can read, raised by the domain rules."""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """Base for every rule violation the product reports to a person."""


class ValidationFailed(DomainError):
    """One or more fields hold values the rules do not accept.

    `problems` maps a field name to a sentence that names what is wrong, so a form
    can show each message beside its own field.
    """

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.problems.items()))
