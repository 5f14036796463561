"""Running a change from a slot: a refusal from the rules or the store becomes a message
beside the view, never a dialog or a traceback."""

from __future__ import annotations

from collections.abc import Callable

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.store.errors import StoreError


def attempt(action: Callable[[], object], show: Callable[[str], None]) -> object:
    """The action's result (True when it returns nothing), or False after showing why not.

    A file that cannot be written (OSError) is reported the same way.
    """
    try:
        result = action()
    except (DomainError, StoreError, OSError) as exc:
        show(str(exc))
        return False
    show("")
    return True if result is None else result
