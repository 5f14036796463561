"""A third language needs catalogues only: a pseudo-locale made from the freshly extracted
catalogues (Qt's and the pure layers'), where every translation is its source in brackets
(⟦Save⟧), is installed the way a shipped language is, and every tab of the window on the
demo portfolio is walked. Any words on screen outside brackets are text the code does not
pass through translate() or a message: not marked, marked under the wrong context, or
translated too early."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from qbr_desktop import i18n
from qbr_desktop.gui.tabs import AccountTab, View
from qbr_desktop.gui.translation import CATALOGUES_VARIABLE, apply_language
from qbr_desktop.i18n import ENGLISH, LANGUAGE_NAMES
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from tests.gui.text_marking import qt_catalogues
from tests.gui.visible_text import content_texts, visible_texts

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "i18n"
PSEUDO = "xx"
WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
WORD = re.compile(r"[^\W\d_]+")
# Words that are the same in every language: names of formats, currencies and acronyms.
SAME_EVERYWHERE = {"qbr", "desktop", "arr", "csm", "roi", "npv", "irr", "pdf", "csv", "xlsx",
                   "png", "svg", "eml", "ics", "usd", "eur", "gbp", "jpy", "cny", "utc", "ok",
                   "ctrl", "shift", "alt", "del", "ins", "esc", "pgup", "pgdown", "f", "k", "m",
                   "x", "l", "i", "h", "d", "ebr", "nrr", "yyyy", "mm", "dd", "hh"}



def pseudo_catalogue(folder: Path) -> Path:
    """qbr_xx.qm beside qbr_xx.ts, every translation its source in brackets."""
    tools = qt_catalogues()
    ts = folder / f"qbr_{PSEUDO}.ts"
    tools.update(ts)
    tree = ElementTree.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        wrapped = f"⟦{message.findtext('source')}⟧"
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            ElementTree.SubElement(translation, "numerusform").text = wrapped
        else:
            translation.text = wrapped
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    tools.release(ts, ts.with_suffix(".qm"))
    return ts.with_suffix(".qm")


# As the Makefile's `translations` target extracts the pure layers' templates.
PURE_KEYWORDS = {"msg": None, "msg_plural": (1, 2), "msg_in_context": ((1, "c"), 2),
                 "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def pure_pseudo_catalogue(folder: Path) -> Path:
    """<folder>/xx/LC_MESSAGES/qbr.mo from the templates in the code, each in brackets."""
    catalog = Catalog(fuzzy=False)
    for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT / "qbr_desktop"), keywords=PURE_KEYWORDS):
        if isinstance(message, tuple):
            catalog.add(message, tuple(f"⟦{form}⟧" for form in message), context=context)
        elif message:
            catalog.add(message, f"⟦{message}⟧", context=context)
    mo = folder / PSEUDO / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as out:
        write_mo(out, catalog)
    return mo


@pytest.fixture
def pseudo_language(qapp: QApplication, tmp_path: Path, monkeypatch: Any) -> Iterator[None]:
    folder = tmp_path / "catalogues"
    folder.mkdir()
    assert pseudo_catalogue(folder).stat().st_size > 1000
    monkeypatch.setenv(CATALOGUES_VARIABLE, str(folder))
    assert pure_pseudo_catalogue(folder / "locale").stat().st_size > 1000
    monkeypatch.setattr(i18n, "locale_folder", lambda: folder / "locale")
    i18n.catalogue.cache_clear()
    locale = QLocale()
    assert apply_language(qapp, PSEUDO) == PSEUDO
    yield
    apply_language(qapp, ENGLISH)
    QLocale.setDefault(locale)
    i18n.catalogue.cache_clear()


def _stored_texts(database: Path) -> Iterator[str]:
    """Every text value in every table of the portfolio."""
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute(
            "select name from sqlite_master where type = 'table'")]
        for table in tables:
            for row in connection.execute(f'select * from "{table}"'):
                yield from (value for value in row if isinstance(value, str))


def data_words(database: Path) -> set[str]:
    """Every word stored in the portfolio: names, titles, notes, playbook tasks…"""
    return {word.casefold() for value in _stored_texts(database)
            for word in WORD.findall(value)}


def _strings(value: Any) -> Iterator[str]:
    """A stored text and, when it is a JSON document (an ROI model, a plan), the texts in it."""
    if isinstance(value, str):
        yield value.strip()
        if value[:1] in "{[":
            with suppress(ValueError):  # text that only starts like JSON
                yield from _strings(json.loads(value))
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def stored_strings(database: Path) -> set[str]:
    """Every text value stored in the portfolio, whole: what a cell may show as it is."""
    values = {text for value in _stored_texts(database) for text in _strings(value)}
    values.discard("")
    return values


# A combo box's items are a list like a view's cells: data in them is whole stored values.
COMBO_ITEM = re.compile(r"^QComboBox#.* item \d+$")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def locale_words() -> set[str]:
    """Month and day names of the language in use, as dates in its format show them."""
    locale = QLocale()
    names = [locale.monthName(month, form) for month in range(1, 13)
             for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)]
    names += [locale.dayName(day, form) for day in range(1, 8)
              for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)]
    return {word.casefold() for name in names for word in WORD.findall(name)}


LONGEST_INSIDE = 200


def stored_values(stored: set[str]) -> re.Pattern[str]:
    """Any stored value as whole words, the longest first (a name before a shorter value
    inside it)."""
    # Only values with Latin letters matter (taking out others leaves the same words), and
    # long ones (notes) are shown whole: leaving them out keeps the pattern quick to build.
    ordered = sorted((value for value in stored
                      if len(value) <= LONGEST_INSIDE and LATIN.search(value)),
                     key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def content_words(text: str, stored: set[str], values: re.Pattern[str]) -> str:
    """What is left of a cell, list item or painted text once user data is taken out: the
    whole text if it is stored as is, text without Latin letters, and stored values in it."""
    if text.strip() in stored or not LATIN.search(text):
        return ""
    return values.sub(" ", text)


PURE_LAYERS = ("domain", "services", "imports", "store", "exports")
PLACEHOLDER = re.compile(r"\\\{[^}]*\\\}|%[sd]")


def _pattern(parts: list[str | None]) -> str:
    """A regular expression for a template: literal parts, None where a value goes."""
    return "".join(".+?" if part is None else PLACEHOLDER.sub(".+?", re.escape(part))
                   for part in parts)


def pure_layer_sentences() -> re.Pattern[str]:
    """The English sentences the layers without Qt write (their own translation seam,
    qbr_desktop/i18n.py, renders them): matched and reported apart, not failed here."""
    import ast

    patterns = set()
    for layer in PURE_LAYERS:
        for path in (ROOT / "qbr_desktop" / layer).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.JoinedStr):
                    parts: list[str | None] = [
                        str(part.value) if isinstance(part, ast.Constant) else None
                        for part in node.values]
                elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                    parts = [node.value]
                else:
                    continue
                letters = sum(ch.isalpha() for part in parts if part for ch in part)
                if letters >= 6:
                    patterns.add(_pattern(parts))
    ordered = sorted(patterns, key=len, reverse=True)  # the longest sentence first
    return re.compile("|".join(f"(?:{pattern})" for pattern in ordered))


def unwrapped(text: str, known: set[str]) -> list[str]:
    """The words of `text` outside brackets that are neither data nor the same everywhere."""
    while WRAPPED.search(text):
        text = WRAPPED.sub(" ", text)
    return [word for word in WORD.findall(text)
            if word.casefold() not in known and word.casefold() not in SAME_EVERYWHERE
            and not (word.isupper() and len(word) <= 4)]  # codes: EUR, FTE, QBR


def screens(window: Any, account_id: int) -> Iterator[str]:
    """Every view, every account tab and the pages inside them, one after another."""
    from qbr_desktop.gui.worker import running

    def settle() -> None:
        for _ in range(3000):
            if not running():
                break
            QApplication.processEvents()
            window.thread().msleep(5)
        QApplication.processEvents()

    def scored() -> bool:  # the portfolio's health, trend and expansion cells filled in
        from qbr_desktop.gui.insights.portfolio_view import PortfolioView

        portfolio = window.views.currentWidget().findChild(PortfolioView)
        return (portfolio is None or portfolio.overview is not None
                and not portfolio.overview.pending)

    for view in (View.PORTFOLIO, View.PROGRAMME, View.UPCOMING):
        window.views.setCurrentIndex(view)
        settle()
        for _ in range(1000):
            if scored():
                break
            QApplication.processEvents()
            window.thread().msleep(10)
        settle()
        yield view.name.lower()
    window.open_account(account_id, AccountTab.DETAILS)
    for tab in AccountTab:
        window.show_account_tab(tab)
        settle()
        yield tab.name.lower()
    window.show_account_tab(AccountTab.MEETING)
    pages = window.agenda_tab.pages
    for page in range(1, pages.count()):
        pages.setCurrentIndex(page)
        settle()
        yield f"meeting page {page}"
    window.show_account_tab(AccountTab.STAKEHOLDERS)
    side = window.stakeholder_panel.side
    for page in range(1, side.count()):
        side.setCurrentIndex(page)
        settle()
        yield f"stakeholders side {page}"


@contextmanager
def demo_window(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, int]]:
    """The main window at 1366 × 768 on a three-account demo portfolio (tmp_path/demo.sqlite),
    with the first account's id."""
    from qbr_desktop.gui.main_window import MainWindow
    from qbr_desktop.services.demo import build_demo_portfolio

    context = AppContext.open(DatabaseTarget(path=tmp_path / "demo.sqlite"))
    try:
        build_demo_portfolio(context, accounts=3, today=date.today())
        account_id = min(account.id for account in context.accounts.list_accounts())
        window = MainWindow(context, QSettings(str(tmp_path / "s.ini"),
                                               QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        yield window, account_id
        window.close()
        QApplication.processEvents()
    finally:
        context.close()


# Widgets whose every sentence now comes through a message (or translate()): a pure-layer
# sentence outside brackets there fails the walk rather than being only listed.
CONVERTED = {"health": ("QLabel#healthSummary", "QLabel#healthMovers", "QGroupBox#quadrant_",
                        "QLabel#expansionNotes", "QLabel#benchmarkCohort"),
             "deck": ("QLabel#deckChecks", "QLabel#deckReviewState"),
             "programme": ("QLabel#programmeMaturity",),
             "timeline": ("QLabel#planScorecard", "QLabel#planMetric", "QLabel#planDetails"),
             "roi": ("QLabel#roi", "QLabel#?", "QComboBox#? item"),
             "meeting": ("QComboBox#? item", "QLabel#agendaChecks", "QLabel#reviewCard",
                         "QLabel#reviewIndicator", "QLabel#reviewLight",
                         "QLabel#reviewReason")}


def _converted(screen: str, where: str) -> bool:
    return where.startswith(CONVERTED.get(screen.split(" page ")[0], ()))


# Known and being converted on other branches right now: listed in the artifact, not failed.
# Remove an entry once its branch is merged (the walk then shows the text in brackets).
#: Text known to be unconverted, with why (none today: the walk fails on any).
KNOWN: dict[str, str] = {}


def slide_titles() -> set[str]:
    """The slides' titles in English, the demo accounts' language: the Deck tab previews
    the customer's slides as the deck words them, in the account's language."""
    from qbr_desktop.domain.deck import DeckVariant
    from qbr_desktop.domain.slide_kinds import SPECS

    return {spec.title(variant) for spec in SPECS.values() for variant in DeckVariant}


@dataclass(frozen=True, slots=True)
class Allowed:
    """What may stand outside brackets: any stored word in a label or button (which mixes
    data into sentences), only whole stored values in a cell or an item, and everywhere the
    words of dates and screens."""

    words: set[str]
    everywhere: set[str]
    stored: set[str]
    values: re.Pattern[str]

    @classmethod
    def of(cls, database: Path) -> Allowed:
        everywhere = locale_words() | {word.casefold() for screen in QApplication.screens()
                                       for word in WORD.findall(screen.name())}
        # Languages are named in their own language (and the pseudo one by its code).
        languages = {*LANGUAGE_NAMES.values(), *i18n.available_languages(), PSEUDO}
        stored = stored_strings(database) | languages | slide_titles()
        words = data_words(database) | everywhere | {
            word.casefold() for name in languages for word in WORD.findall(name)}
        return cls(words, everywhere, stored, stored_values(stored))


def shown_texts(window: Any, allowed: Allowed,
                known: set[str]) -> Iterator[tuple[str, str, str, set[str], bool]]:
    """(where, text shown, text to check, words allowed in it, strict) for what the window
    shows now: a cell, a list or combo item or painted text is checked without its stored
    values and strictly (even a pure-layer sentence fails). What is in KNOWN is added to
    `known` instead."""
    shown = visible_texts(window)
    for where, text in shown:
        if not COMBO_ITEM.search(where):
            yield where, text, text, allowed.words, False
    for where, text in content_texts(window) + [
            (where, text) for where, text in shown if COMBO_ITEM.search(where)]:
        if why := KNOWN.get(text.strip()):
            known.add(f"{where}: known ({why}): {text}")
            continue
        if left := content_words(text, allowed.stored, allowed.values):
            yield where, text, left, allowed.everywhere, True


def test_every_tab_shows_only_catalogue_text_in_a_pseudo_language(
        qtbot: Any, tmp_path: Path, monkeypatch: Any, pseudo_language: None) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    problems: dict[str, str] = {}
    from_pure_layers: set[str] = set()
    with demo_window(qtbot, tmp_path) as (window, account_id):
        allowed = Allowed.of(tmp_path / "demo.sqlite")
        pure = pure_layer_sentences()
        for screen in screens(window, account_id):
            known: set[str] = set()
            for where, text, checked, words_allowed, strict in shown_texts(window, allowed,
                                                                           known):
                if not unwrapped(checked, words_allowed):
                    continue
                left = pure.sub(" ", checked)
                if words := unwrapped(left, words_allowed):
                    problems.setdefault(text, f"{screen}: {where}: {' '.join(words)}")
                elif strict or _converted(screen, where):
                    problems.setdefault(text, f"{screen}: {where}: a pure-layer sentence "
                                              "not through a message")
                else:
                    from_pure_layers.add(f"{screen}: {where}: {text}")
            from_pure_layers |= {f"{screen}: {entry}" for entry in known}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "pure-layer-text.txt").write_text("\n".join(sorted(from_pure_layers)) + "\n",
                                                   encoding="utf-8")
    assert not problems, "Not through translate():\n" + "\n".join(
        f"{text!r}  ({where})" for text, where in sorted(problems.items()))
