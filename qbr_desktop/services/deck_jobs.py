"""One export from the Deck tab as a unit of work: gather the content, write the file into
the chosen folder under a safe name, report warnings. Run off the GUI thread; the writers
check `cancelled` between slides and pages."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from email import policy
from pathlib import Path
from typing import TYPE_CHECKING

from qbr_desktop.atomic_files import write_bytes
from qbr_desktop.exports.file_names import (
    FileNameError,
    available_path,
    safe_file_name,
    target_in,
)
from qbr_desktop.services.deck_files import email_draft, write_deck_file, write_pdf_file

if TYPE_CHECKING:
    from qbr_desktop.services.context import AppContext

SUFFIXES = {"deck": ".pptx", "brief": ".pdf", "handout": ".pdf", "email": ".eml"}
KINDS = {"deck": "QBR", "brief": "QBR brief", "handout": "QBR handout", "email": "QBR email"}
Result = tuple[Path, tuple[str, ...]]
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Result]


def export_work(context: AppContext, account_id: int, kind: str, folder: Path
                ) -> tuple[Work, tuple[type[BaseException], ...]]:
    """The work for one export and the exceptions that mean "cancelled"."""
    from qbr_desktop.exports.deck_pptx import DeckCancelled
    from qbr_desktop.exports.handout_pdf import ExportCancelled, write_handout

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Result:
        if not folder.is_dir():
            raise FileNameError(f"The folder {folder} does not exist; pick another one")
        prepared = context.decks.prepare(context, account_id)
        content = prepared.content
        if cancelled():
            raise DeckCancelled()
        name = safe_file_name(content.account_name, SUFFIXES[kind], quarter=content.quarter,
                              kind=KINDS[kind])
        target = available_path(target_in(folder, name))
        notes: list[str] = []
        if target.name != name:
            notes.append(f"{name} is open or read-only, so this copy is {target.name}")
        if kind == "deck":
            deck = write_deck_file(content, target, context.decks.plan(account_id), None,
                                   progress=progress, cancelled=cancelled,
                                   briefing=prepared.briefing)
            return deck.path, (*notes, *deck.warnings)
        if kind == "brief":
            return write_pdf_file("brief", content, target), tuple(notes)
        if kind == "handout":
            return write_handout(content, target, progress=progress,
                                 cancelled=cancelled), tuple(notes)
        with tempfile.TemporaryDirectory(prefix="qbr-email-") as scratch:
            draft = email_draft(context, account_id, Path(scratch))
        write_bytes(target, draft.message.as_bytes(policy=policy.SMTP))
        if draft.recipients:
            notes.append(f"Addressed to {', '.join(draft.recipients)}; open it to send.")
        else:
            notes.append("Nobody with an email address is confirmed yet: add the "
                         "recipients when you open the draft.")
        if draft.without_email:
            notes.append(f"No address for {', '.join(draft.without_email)}.")
        notes.append("The attached deck leaves out your speaker notes.")
        return target, tuple(notes)

    return work, (DeckCancelled, ExportCancelled)
