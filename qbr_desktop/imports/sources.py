"""The bytes of an import file, opened afresh for each pass over it.

A big file is read several times (scan, preview, import, rejects); each pass checks that the
file is still the one that was read, so an import never mixes two versions of it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO, Protocol

from qbr_desktop.i18n import msg
from qbr_desktop.imports.errors import UnreadableFile, os_error_reason


class ByteSource(Protocol):
    name: str
    size: int

    def open(self) -> BinaryIO: ...

    def check_unchanged(self) -> None: ...


class FileSource:
    def __init__(self, path: Path, name: str) -> None:
        self.path, self.name = Path(path), name
        stat = self.path.stat()
        self.size = stat.st_size
        self._stamp = (stat.st_size, stat.st_mtime_ns)

    def open(self) -> BinaryIO:
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - the caller closes it
        except OSError as exc:
            raise self._unreadable(exc) from exc
        stat = os.fstat(handle.fileno())
        if (stat.st_size, stat.st_mtime_ns) != self._stamp:
            handle.close()
            raise self._changed()
        return handle

    def check_unchanged(self) -> None:
        try:
            stat = self.path.stat()
        except OSError as exc:
            raise self._unreadable(exc) from exc
        if (stat.st_size, stat.st_mtime_ns) != self._stamp:
            raise self._changed()

    def _unreadable(self, exc: OSError) -> UnreadableFile:
        return UnreadableFile(msg("{file} can no longer be read ({reason})", file=self.name,
                                  reason=os_error_reason(exc, self.path)))

    def _changed(self) -> UnreadableFile:
        return UnreadableFile(msg("{file} changed after it was read; choose it again to "
                                  "import the version saved now", file=self.name))


class MemorySource:
    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.name, self.size = data, name, len(data)

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data)

    def check_unchanged(self) -> None:
        return None


def head(source: ByteSource, size: int) -> bytes:
    with source.open() as stream:
        return stream.read(size)
