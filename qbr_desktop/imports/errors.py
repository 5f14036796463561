"""Why an import cannot go ahead, in words a CSM can act on."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.i18n import Catalogue, Message, msg


class ImportFailed(DomainError):
    """Base for every import failure; the message is one sentence for the person importing."""


class UnreadableFile(ImportFailed):
    """The file cannot be read at all (missing, empty, not text, not a workbook, too big)."""


class MappingIncomplete(ImportFailed):
    """A column the import needs has not been chosen yet."""

    def __init__(self, missing: Sequence[Message | str]) -> None:
        self.missing = list(missing)
        super().__init__(Sentences(self.missing))


@dataclass(frozen=True)
class Sentences(Message):
    """Sentences one after another, each rendered in the language asked for."""

    def __init__(self, sentences: Sequence[Message | str]) -> None:
        super().__init__("", {str(n): text for n, text in enumerate(sentences)})

    def render(self, catalogue: Catalogue | None = None) -> str:
        return " ".join(text if isinstance(text, str) else text.render(catalogue)
                        for text in self.fields.values())


class ApplyFailed(ImportFailed):
    """Writing the import failed; the transaction was rolled back, so nothing was saved."""


class OutputNotWritten(ImportFailed):
    """A file the import writes (the rejected rows) could not be written."""


def os_error_reason(exc: OSError, path: Path) -> Message | str:
    """Why the system refused `path`, in words (never an errno): 'permission denied'."""
    path = Path(path)
    code = exc.errno
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return msg("permission denied")
    if code == errno.EROFS:
        return msg("the disk is read-only")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return msg("the disk is full")
    if code == errno.EISDIR or path.is_dir():
        return msg("it is a folder")
    if code == errno.ENOTDIR:
        blocking = next((p for p in path.parents if p.exists()), None)
        if blocking is not None and not blocking.is_dir():
            return msg("{path} is a file, not a folder", path=str(blocking))
        return msg("part of its path is not a folder")
    if code == errno.ENOENT:
        return (msg("the folder {folder} does not exist", folder=str(path.parent))
                if not path.parent.exists() else msg("it does not exist"))
    if code == errno.ENAMETOOLONG:
        return msg("its name is too long")
    if code == errno.ELOOP:
        return msg("it is a link that points to itself")
    if code == errno.EIO:
        return msg("the disk could not be read or written")
    if exc.strerror:  # the system's own words, in the language it speaks
        return exc.strerror.lower()
    return msg("the system refused it")
