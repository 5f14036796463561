"""Why an import cannot go ahead, in words a CSM can act on."""

from __future__ import annotations

from qbr_desktop.domain.errors import DomainError


class ImportFailed(DomainError):
    """Base for every import failure; the message is one sentence for the person importing."""


class UnreadableFile(ImportFailed):
    """The file cannot be read at all (missing, empty, not text, not a workbook, too big)."""


class MappingIncomplete(ImportFailed):
    """A column the import needs has not been chosen yet."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = list(missing)
        super().__init__(" ".join(missing))


class ApplyFailed(ImportFailed):
    """Writing the import failed; the transaction was rolled back, so nothing was saved."""
