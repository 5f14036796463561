"""What the window says, once, after an account's language changed: the agendas and task
names someone edited stay as they are (services/agenda_language.py re-words the rest)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale

from qbr_desktop.gui.translation import language_name, translate

if TYPE_CHECKING:
    from qbr_desktop.services.agenda_language import KeptWords


def _day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.ShortFormat)


def kept_words_text(kept: KeptWords, old: str, new: str) -> str:
    """One sentence per kept agenda, one for renamed tasks; "" when nothing was kept."""
    lines = [translate("language_notice",
                       "The agenda for {date} was edited, so it stays in {old}; to have it in "
                       "{new}, choose “Use template” on the Meeting tab (it asks before "
                       "replacing your edits).").format(date=_day(day), old=language_name(old),
                                                        new=language_name(new))
             for day in kept.agenda_days]
    if kept.renamed_tasks:
        lines.append(translate("language_notice",
                               "Prep tasks renamed by hand keep their names: {count}.").format(
                                   count=kept.renamed_tasks))
    return "\n".join(lines)
