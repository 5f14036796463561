"""One export from the Deck tab as two units of work, both run off the GUI thread.

First `destination`: make the chosen folder when it is missing (parents too), name the file
after the account, and say whether a file by that name is already there. The tab asks the
CSM what to do about such a file (it may hold their own edits from PowerPoint); only then
`export_work` gathers the content and writes the file: over the old one when the CSM chose
to replace it, else under the next free name. A file that is open elsewhere or read-only
is never written over: the copy beside it is named in the result's notes. The writers
check `cancelled` between slides and pages.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from pathlib import Path
from typing import TYPE_CHECKING

from qbr_desktop.atomic_files import write_bytes
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.exports.file_names import (
    MAX_COPIES,
    FileNameError,
    available_path,
    safe_file_name,
    target_in,
)
from qbr_desktop.i18n import N_, catalogue
from qbr_desktop.services.deck_files import email_draft, write_deck_file, write_pdf_file

if TYPE_CHECKING:
    from qbr_desktop.services.context import AppContext

SUFFIXES = {"deck": ".pptx", "brief": ".pdf", "handout": ".pdf", "email": ".eml"}
# The word in each file's name, in the account's language.
KINDS = {"deck": "QBR", "brief": N_("QBR brief"), "handout": N_("QBR handout"),
         "email": N_("QBR email")}
Result = tuple[Path, tuple[str, ...]]
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Result]


@dataclass(frozen=True, slots=True)
class Destination:
    """Where an export would go, and what is there already."""

    path: Path
    #: A file by that name is there and could be written over.
    exists: bool
    #: A file by that name is there but open elsewhere or read-only: it is kept.
    in_use: bool
    #: The name "keep both" would use.
    copy_path: Path
    #: The folder was missing and has just been made.
    made_folder: bool


def _ensure_folder(folder: Path) -> bool:
    """Make `folder` (and its parents) when missing; True when it was made."""
    if folder.is_dir():
        return False
    if folder.exists():
        raise FileNameError(f"{folder} is a file, not a folder; pick another folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileNameError(
            f"The folder {folder} could not be made ({reason}); pick another one") from exc
    return True


def file_name(context: AppContext, account_id: int, kind: str,
              today: date | None = None) -> str:
    """'Acme Corp – QBR 2026-Q4.pptx': the name the deck's content would be written under."""
    draft = context.accounts.get(account_id).draft
    quarter = Quarter.containing(today or datetime.now().astimezone().date())
    return safe_file_name(draft.name, SUFFIXES[kind], quarter=str(quarter),
                          kind=catalogue(draft.language).gettext(KINDS[kind]))


def unused_path(path: Path) -> Path:
    """`path` when no file has that name, else the first free "name (2).pptx" beside it."""
    if not path.exists():
        return path
    for number in range(2, MAX_COPIES + 1):
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileNameError(f"No free name beside {path}: remove some of its copies")


def destination(context: AppContext, account_id: int, kind: str, folder: Path) -> Destination:
    made = _ensure_folder(folder)
    path = target_in(folder, file_name(context, account_id, kind))
    exists = path.exists()
    in_use = exists and available_path(path) != path
    return Destination(path, exists and not in_use, in_use, unused_path(path), made)


def export_work(context: AppContext, account_id: int, kind: str, target: Path, *,
                overwrite: bool) -> tuple[Work, tuple[type[BaseException], ...]]:
    """The work that writes one export to `target`, and the exceptions that mean
    "cancelled". Without `overwrite`, a file already at `target` is kept and the export
    takes the next free name."""
    from qbr_desktop.exports.deck_pptx import DeckCancelled
    from qbr_desktop.exports.handout_pdf import ExportCancelled, write_handout

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Result:
        _ensure_folder(target.parent)  # it may have gone while the CSM was asked
        prepared = context.decks.prepare(context, account_id)
        content = prepared.content
        if cancelled():
            raise DeckCancelled()
        path = available_path(target) if overwrite else unused_path(target)
        notes: list[str] = []
        if overwrite and path != target:
            notes.append(f"{target.name} is open or read-only, so this copy is {path.name}")
        if kind == "deck":
            deck = write_deck_file(content, path, context.decks.plan(account_id), None,
                                   progress=progress, cancelled=cancelled,
                                   briefing=prepared.briefing)
            return deck.path, (*notes, *deck.warnings)
        if kind == "brief":
            return write_pdf_file("brief", content, path), tuple(notes)
        if kind == "handout":
            return write_handout(content, path, progress=progress,
                                 cancelled=cancelled), tuple(notes)
        with tempfile.TemporaryDirectory(prefix="qbr-email-") as scratch:
            draft = email_draft(context, account_id, Path(scratch))
        write_bytes(path, draft.message.as_bytes(policy=policy.SMTP))
        if draft.recipients:
            notes.append(f"Addressed to {', '.join(draft.recipients)}; open it to send.")
        else:
            notes.append("Nobody with an email address is confirmed yet: add the "
                         "recipients when you open the draft.")
        if draft.without_email:
            notes.append(f"No address for {', '.join(draft.without_email)}.")
        notes.append("The attached deck leaves out your speaker notes.")
        return path, tuple(notes)

    return work, (DeckCancelled, ExportCancelled)
