"""The window's language: chosen once at start from the setting (or the system's), with Qt's
translators for our catalogue (resources/i18n/qbr_<language>.qm) and Qt's own
(qtbase_<language>.qm: the buttons and dialogs Qt draws), and the default locale for dates
and numbers.

Only the chosen language's catalogues are loaded, so Chinese starts as fast as English.
A language is added by adding its catalogues: `window_languages()` lists what is shipped.
The catalogue folder can be moved with QBR_QT_CATALOGUES (the tests' pseudo-locale).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from qbr_desktop.assets import resource
from qbr_desktop.i18n import (
    ENGLISH,
    LANGUAGE_NAMES,
    available_languages,
    normalise_language,
    set_interface_language,
)

LANGUAGE_SETTING = "interface/language"
SYSTEM_DEFAULT = ""  # the setting's value for "follow the system"
CATALOGUE_PREFIX = "qbr_"
CATALOGUES_VARIABLE = "QBR_QT_CATALOGUES"

# Kept alive for the life of the application: a translator that is collected is removed.
_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The window's text in its language: `context` is the class or module that shows it
    (pyside6-lupdate reads both literals). Placeholders are named: `.format(name=…)` after."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark text defined at import time; it is translated where shown with
    `translate(context, text)`. (PySide6's own marker is typed to return `object`.)"""
    return text


def local_date(day: date, pattern: str) -> str:
    """A day in the window's locale: `pattern` is a QLocale date format, itself translated
    (the order of day, month and weekday differs by language)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def catalogue_folder() -> Path:
    override = os.environ.get(CATALOGUES_VARIABLE)
    return Path(override) if override else resource("i18n")


def window_languages() -> tuple[str, ...]:
    """English, then every language with a catalogue for the window or for the pure layers."""
    folder = catalogue_folder()
    compiled = ({path.stem.removeprefix(CATALOGUE_PREFIX)
                 for path in folder.glob(f"{CATALOGUE_PREFIX}*.qm")} if folder.is_dir() else set())
    return tuple(dict.fromkeys((ENGLISH, *available_languages(), *sorted(compiled))))


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, language)


def resolve_language(choice: str, system: str | None = None) -> str:
    """The shipped language for the setting's value, or for the system's locale when the
    setting follows the system."""
    wanted = (choice or system or QLocale.system().name()).replace("-", "_")
    shipped = window_languages()
    if wanted in shipped:
        return wanted
    pure = normalise_language(wanted)
    if pure != ENGLISH or wanted.split("_")[0] == "en":
        return pure
    # A language the window ships before the pure layers do (their catalogue comes apart).
    base = wanted.split("_")[0]
    traditional = any(part in wanted for part in ("TW", "HK", "MO", "Hant"))
    return next((lang for lang in shipped if lang.split("_")[0] == base and not traditional),
                ENGLISH)


def chosen_language(settings: QSettings | None = None) -> str:
    """What the setting holds: a language code, or SYSTEM_DEFAULT."""
    value = (settings or QSettings()).value(LANGUAGE_SETTING, SYSTEM_DEFAULT, type=str)
    return str(value or SYSTEM_DEFAULT)


def choose_language(language: str, settings: QSettings | None = None) -> None:
    """Remember the window's language for the next start (SYSTEM_DEFAULT follows the system)."""
    (settings or QSettings()).setValue(LANGUAGE_SETTING, language)


def apply_language(app: QCoreApplication, language: str) -> str:
    """Install the language's translators and locale; returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    set_interface_language(language)
    if language != ENGLISH:
        for name, folder in ((CATALOGUE_PREFIX + language, catalogue_folder()),
                             ("qtbase_" + language, qt_catalogue_folder())):
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                _installed.append(translator)
        QLocale.setDefault(QLocale(language))
    return language


def qt_catalogue_folder() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def start_in_chosen_language(app: QCoreApplication, settings: QSettings | None = None) -> str:
    """At start: the setting's language (or the system's) for the whole process."""
    choice = chosen_language(settings)
    language = resolve_language(choice)
    # Following the system in English keeps the system's own locale for dates and numbers.
    if language == ENGLISH and choice == SYSTEM_DEFAULT:
        set_interface_language(ENGLISH)
        return ENGLISH
    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.system().territory()))
        set_interface_language(ENGLISH)
        return ENGLISH
    return apply_language(app, language)
