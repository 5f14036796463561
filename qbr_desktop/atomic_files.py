"""Writing a file so that readers see the old version or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from qbr_desktop.os_errors import naming, user_path


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A fresh temp file beside `target` to fill; it becomes `target` when the block ends.

    The temp file is created with open(..., "x") rather than mkstemp so the result gets
    the user's usual permissions, not owner-only. If the block raises (a full disk,
    Ctrl-C), the temp file is removed and an existing `target` is left untouched.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.part"
    try:
        with open(temporary, "xb"):
            pass
        yield temporary
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())  # the bytes are on disk before the name points at them
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        # The person chose `target`; the temp name is ours and would only confuse.
        if exc.filename is not None and user_path(exc.filename) != Path(exc.filename):
            raise naming(exc, target) from exc
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_bytes(target: Path, data: bytes) -> None:
    with replacing(target) as temporary:
        temporary.write_bytes(data)
