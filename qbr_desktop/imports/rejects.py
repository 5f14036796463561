"""The rejected rows as a CSV file, written so that it never disagrees with the portfolio.

The file is filled beside its target before the import commits and moved into place after:
if it cannot be written, the import is rolled back and nothing was saved; the one failure
left after the commit (the final rename) says plainly that the import itself was saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qbr_desktop.atomic_files import replacing
from qbr_desktop.i18n import Message, msg
from qbr_desktop.imports.csv_safety import write_csv
from qbr_desktop.imports.errors import OutputNotWritten, os_error_reason
from qbr_desktop.imports.plan import Action, ImportPlan
from qbr_desktop.imports.table import SourceTable
from qbr_desktop.imports.values import CellValue


def rejected_rows(table: SourceTable, plan: ImportPlan) -> Iterator[list[CellValue]]:
    """Row number, reasons, then the original cells, for each rejected row in file order.

    The plan's rows follow the file's, so the two are walked side by side: a file whose
    every row is rejected is never held in memory."""
    planned = iter(plan.rows)
    row = next(planned, None)
    for source in table.rows:
        while row is not None and row.number < source.number:
            row = next(planned, None)
        if row is None:
            return
        if row.number == source.number and row.action is Action.REJECT:
            yield [source.number, "; ".join(row.reasons), *source.cells]


def write_rejects(path: Path, table: SourceTable, plan: ImportPlan) -> int:
    """Write the rejected rows to `path` at once (atomically); returns how many."""
    output = RejectsOutput(path)
    with output.prepared():
        output.fill(table, plan)
    return output.written


class RejectsOutput:
    """Where the rejected rows go (nowhere when `target` is None)."""

    def __init__(self, target: Path | None, *, importing: bool = False) -> None:
        self.target = None if target is None else Path(target)
        self.importing = importing  # an --apply: the messages say what happened to the import
        self.committed = False
        self.written = 0
        self._temporary: Path | None = None

    @contextmanager
    def prepared(self) -> Iterator[None]:
        """Create the file beside its target now (so a folder that cannot be written stops
        the import before it starts); move it into place when the block ends."""
        if self.target is None:
            yield
            return
        if self.target.is_dir():
            raise OutputNotWritten(self._before(msg("it is a folder; give a file name such as "
                                                    "rejects.csv")))
        phase = "create"
        try:
            with replacing(self.target) as temporary:
                phase, self._temporary = "work", temporary
                yield
                phase = "publish"
        except OSError as exc:
            if phase == "work":
                raise  # not the rejects file's: let its own handler word it
            reason = os_error_reason(exc, self.target)
            if self.committed:
                raise OutputNotWritten(msg(
                    "The import was saved, but the rejected rows could not be written to "
                    "{path} ({reason}).", path=str(self.target), reason=reason)) from exc
            raise OutputNotWritten(self._before(reason)) from exc
        finally:
            self._temporary = None

    def fill(self, table: SourceTable, plan: ImportPlan) -> None:
        if self._temporary is None or self.target is None:
            return
        def counted() -> Iterator[list[CellValue]]:
            for row in rejected_rows(table, plan):
                self.written += 1
                yield row

        self.written = 0
        try:
            write_csv(self._temporary, ["Row", "Reasons", *table.headers], counted())
        except OSError as exc:
            raise OutputNotWritten(self._before(os_error_reason(exc, self.target))) from exc

    def _before(self, reason: Message | str) -> Message:
        if self.importing:
            return msg("The rejected rows could not be written to {path} ({reason}), so "
                       "nothing was imported.", path=str(self.target), reason=reason)
        return msg("The rejected rows could not be written to {path} ({reason}).",
                   path=str(self.target), reason=reason)
