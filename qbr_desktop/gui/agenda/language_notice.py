"""What the window says, once, after an account's language changed: the agendas and task
names someone edited stay as they are (services/agenda_language.py re-words the rest)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, language_name, local_date, translate

if TYPE_CHECKING:
    from qbr_desktop.services.agenda_language import KeptWords


# A language as a sentence names it, in the window's language ("stays in English": 英语).
LANGUAGE_WORDS = {"en": QT_TRANSLATE_NOOP("language_notice", "English"),
                  "zh_CN": QT_TRANSLATE_NOOP("language_notice", "Simplified Chinese")}


def _day(day: date) -> str:
    # The pattern is itself translated: the order of day, month and year differs.
    return local_date(day, translate("language_notice", "d MMM yyyy"))


def _language(code: str) -> str:
    return translate("language_notice", LANGUAGE_WORDS[code]) if code in LANGUAGE_WORDS \
        else language_name(code)


def kept_words_text(kept: KeptWords, old: str, new: str) -> str:
    """One sentence per kept agenda, one for renamed tasks; "" when nothing was kept."""
    lines = [translate("language_notice",
                       "The agenda for {date} was edited, so it stays in {old}; to have it in "
                       "{new}, choose “Use template” on the Meeting tab (it asks before "
                       "replacing your edits).").format(date=_day(day), old=_language(old),
                                                        new=_language(new))
             for day in kept.agenda_days]
    if kept.renamed_tasks:
        lines.append(translate("language_notice",
                               "Prep tasks renamed by hand keep their names: {count}.").format(
                                   count=kept.renamed_tasks))
    return "\n".join(lines)
