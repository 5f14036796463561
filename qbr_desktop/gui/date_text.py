"""Reading a date or a time of day from what the CSM typed: ISO or the locale's short form.

A QDateEdit edits its text section by section and ignores keys it does not expect, so a
whole date typed over a selected one kept the old year without a word. Here the text is
read as a whole, and a text that is not exactly one day (or one time) is refused with a
sentence, never rounded to something else.
"""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import QDate, QLocale, QTime

from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate

ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")

NOT_A_DATE = QT_TRANSLATE_NOOP("date_text",
                               "“{text}” is not a whole date: type it as {iso} or {local}")
NO_SUCH_DAY = QT_TRANSLATE_NOOP("date_text", "“{text}” is not a day of the calendar")
NEEDS_A_DATE = QT_TRANSLATE_NOOP("date_text", "Type a date, as {iso} or {local}")
OUT_OF_RANGE = QT_TRANSLATE_NOOP("date_text", "Choose a day from {first} to {last}")
NOT_A_TIME = QT_TRANSLATE_NOOP("date_text",
                               "“{text}” is not a time of day: type it as {iso} or {local}")
NEEDS_A_TIME = QT_TRANSLATE_NOOP("date_text", "Type a time, as {iso} or {local}")


class EntryTextError(ValueError):
    """What was typed is not a date (or a time); the message says so in words."""


def _plain(text: str) -> str:
    # Locales write "4:30 PM" with a narrow no-break space; people type a plain one.
    return _SPACES.sub(" ", text).strip()


def _relaxed(pattern: str, year: str) -> str:
    """The locale's pattern without leading zeros required, with `year` digits."""
    pattern = re.sub("d+", lambda m: m.group(0) if len(m.group(0)) > 2 else "d", pattern)
    pattern = re.sub("M+", lambda m: m.group(0) if len(m.group(0)) > 2 else "M", pattern)
    return re.sub("y+", year, pattern)


def date_examples(locale: QLocale, day: date) -> dict[str, str]:
    shown = QDate(day.year, day.month, day.day)
    return {"iso": shown.toString(ISO_DATE),
            "local": _plain(locale.toString(shown, QLocale.FormatType.ShortFormat))}


def parse_date(text: str, locale: QLocale, *, example: date, first: date = date(1900, 1, 1),
               last: date = date(2199, 12, 31)) -> date | None:
    """The one day `text` names, None for a blank text, or EntryTextError.

    Year first (2026-12-28, 2026/12/28) is read as ISO whatever the locale; anything else
    in the locale's short format, with the year in two digits or four. Two-digit years
    fall within fifty years of `example` (the date the field showed).
    """
    typed = _plain(text)
    if not typed:
        return None
    examples = date_examples(locale, example)
    found = _YEAR_FIRST.fullmatch(typed)
    if found:
        year, month, day = (int(part) for part in found.groups())
        if not QDate.isValid(year, month, day):
            raise EntryTextError(translate("date_text", NO_SUCH_DAY).format(text=typed))
        result = date(year, month, day)
    else:
        pattern = _plain(locale.dateFormat(QLocale.FormatType.ShortFormat))
        parsed = QDate()
        for candidate in (pattern, _relaxed(pattern, "yyyy"), _relaxed(pattern, "yy")):
            parsed = locale.toDate(typed, candidate, example.year - 50)
            if parsed.isValid():
                break
        if not parsed.isValid():
            raise EntryTextError(translate("date_text", NOT_A_DATE).format(text=typed, **examples))
        result = date(parsed.year(), parsed.month(), parsed.day())
    if not first <= result <= last:
        raise EntryTextError(translate("date_text", OUT_OF_RANGE).format(first=first.isoformat(),
                                                 last=last.isoformat()))
    return result


def time_examples(locale: QLocale, at: time) -> dict[str, str]:
    shown = QTime(at.hour, at.minute)
    return {"iso": shown.toString(ISO_TIME),
            "local": _plain(locale.toString(shown, QLocale.FormatType.ShortFormat))}


def parse_time(text: str, locale: QLocale, *, example: time) -> time | None:
    """The time of day `text` names (16:30, 16.30, or the locale's "4:30 PM"), None for
    a blank text, or EntryTextError."""
    typed = _plain(text)
    if not typed:
        return None
    found = _CLOCK.fullmatch(typed)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    else:
        pattern = _plain(locale.timeFormat(QLocale.FormatType.ShortFormat))
        for candidate in (pattern, pattern.replace("hh", "h").replace("HH", "H")):
            parsed = locale.toTime(typed, candidate)
            if parsed.isValid():
                return time(parsed.hour(), parsed.minute())
    raise EntryTextError(translate("date_text", NOT_A_TIME).format(
        text=typed, **time_examples(locale, example)))
