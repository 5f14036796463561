"""Dates, quarters and small words as a customer's file writes them, in the account's
language: "14 Dec 2026" or "2026年12月14日", "2026 Q4" or "2026年第4季度".

Each takes the Catalogue of the file being written (i18n.catalogue(account.language)); the
default is English, the templates themselves. The word order lives in the translations
(a template "{day} {month} {year}" becomes "{year}年{month}{day}日"), so a language is added
by its catalogue alone.
"""

from __future__ import annotations

from datetime import date

from qbr_desktop.i18n import ENGLISH, Catalogue, Message, catalogue, msg, msg_in_context

ENGLISH_BOOK = catalogue(ENGLISH)

_MONTHS = (msg_in_context("month", "Jan"), msg_in_context("month", "Feb"),
           msg_in_context("month", "Mar"), msg_in_context("month", "Apr"),
           msg_in_context("month", "May"), msg_in_context("month", "Jun"),
           msg_in_context("month", "Jul"), msg_in_context("month", "Aug"),
           msg_in_context("month", "Sep"), msg_in_context("month", "Oct"),
           msg_in_context("month", "Nov"), msg_in_context("month", "Dec"))
_WEEKDAYS = (msg_in_context("weekday", "Mon"), msg_in_context("weekday", "Tue"),
             msg_in_context("weekday", "Wed"), msg_in_context("weekday", "Thu"),
             msg_in_context("weekday", "Fri"), msg_in_context("weekday", "Sat"),
             msg_in_context("weekday", "Sun"))


def month_word(day: date, book: Catalogue = ENGLISH_BOOK) -> str:
    return _MONTHS[day.month - 1].render(book)


def weekday_word(day: date, book: Catalogue = ENGLISH_BOOK) -> str:
    return _WEEKDAYS[day.weekday()].render(book)


def day_words(day: date, book: Catalogue = ENGLISH_BOOK) -> str:
    """'14 Dec 2026': the one way every customer file writes a date."""
    return book.gettext("{day} {month} {year}", day=day.day, month=month_word(day, book),
                        year=day.year)


def email_date(day: date, book: Catalogue = ENGLISH_BOOK) -> str:
    """'2026-12-14' in English, as the emails have always written it; the language's own
    date ('2026年12月14日') in any other."""
    return day.isoformat() if book.language == ENGLISH else day_words(day, book)


def weekday_words(day: date, book: Catalogue = ENGLISH_BOOK) -> str:
    """'Mon 14 Dec 2026': a meeting's day, in the same format with its weekday."""
    return book.gettext("{weekday} {date}", weekday=weekday_word(day, book),
                        date=day_words(day, book))


def weekday_message(day: date) -> Message:
    """weekday_words as a message: 'Mon 14 Dec 2026' in whichever language shows it (the
    window's, where a pure layer's sentence carries a date to the screen)."""
    return msg("{weekday} {date}", weekday=_WEEKDAYS[day.weekday()], date=day_message(day))


def day_message(day: date) -> Message:
    """day_words as a message: '14 Dec 2026' in whichever language shows it."""
    return msg("{day} {month} {year}", day=day.day, month=_MONTHS[day.month - 1], year=day.year)


def month_year_words(day: date, book: Catalogue = ENGLISH_BOOK) -> str:
    """'Dec 2026'."""
    return book.gettext("{month} {year}", month=month_word(day, book), year=day.year)


def quarter_number_words(year: int, number: int, book: Catalogue = ENGLISH_BOOK) -> str:
    """'2026 Q4', as a customer file writes a quarter."""
    return book.gettext("{year} Q{number}", year=year, number=number)


def listed(items: list[str] | tuple[str, ...], book: Catalogue = ENGLISH_BOOK,
           separator: str = ", ") -> str:
    """Items joined as a list in a sentence: 'a, b, c' or '甲、乙、丙' (with separator "; ":
    'a; b' or '甲；乙')."""
    joint = (book.pgettext("list separator", "; ") if separator == "; "
             else book.pgettext("list separator", ", "))
    return joint.join(items)
