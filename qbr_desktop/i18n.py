"""Translatable text for the layers that do not import Qt (domain, services, imports, store, CLI,
exports).

A sentence a person reads is written once, in English, as a template with named placeholders,
and travels as a `Message` until the edge that shows it renders it in a language:

    raise NotFoundError(msg("No account is called {name}.", name=name))
    ...
    print(ui_text(error.message))                  # the window's or the CLI's language
    title = message.render(catalogue("zh_CN"))     # a customer file: the account's language

The English template is the catalogue key (GNU gettext `.po`/`.mo` under
resources/locale/<language>/LC_MESSAGES/qbr.mo), so the code stays readable and a missing
translation falls back to English rather than to a key. Templates are `str.format` templates
with names only (`{name}`, `{count:,}`), never positions, so a translation may reorder them.

Text that is defined at import time (labels in tables, enum descriptions) is marked with
`N_()` so the extractor finds it, and translated where it is shown with `ui_text()` or
`Catalogue.gettext()`.

The Qt layer uses `self.tr()` / `QCoreApplication.translate()` with `.ts`/`.qm` catalogues
instead (resources/i18n/); both are chosen by the same language code (`interface_language()`).
A language is added by adding its catalogues: `available_languages()` lists what is shipped.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ENGLISH = "en"
CHINESE = "zh_CN"
DOMAIN = "qbr"

# Each shipped language's own name for itself: what a language menu lists.
LANGUAGE_NAMES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}


def N_(template: str) -> str:  # noqa: N802 - the conventional gettext marker's name
    """Mark text defined at import time for extraction; it is translated where it is shown."""
    return template


class Catalogue:
    """One language's translations of the pure layers' templates."""

    def __init__(self, language: str, translations: gettext.NullTranslations) -> None:
        self.language = language
        self._translations = translations

    def gettext(self, template: str, **fields: Any) -> str:
        text = self._translations.gettext(template)
        return text.format(**fields) if fields else text

    def ngettext(self, singular: str, plural: str, count: int, **fields: Any) -> str:
        text = self._translations.ngettext(singular, plural, count)
        return text.format(count=count, **fields)

    def pgettext(self, context: str, template: str, **fields: Any) -> str:
        text = self._translations.pgettext(context, template)
        return text.format(**fields) if fields else text

    def __repr__(self) -> str:
        return f"Catalogue({self.language!r})"


@dataclass(frozen=True)
class Message:
    """A sentence not yet in a language: an English template and its named values."""

    template: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    context: str = ""
    plural: str = ""

    def render(self, catalogue: Catalogue | None = None) -> str:
        book = catalogue if catalogue is not None else interface_catalogue()
        values = {name: _rendered(value, book) for name, value in self.fields.items()}
        if self.plural:
            count = int(values.pop("count"))
            return book.ngettext(self.template, self.plural, count, **values)
        if self.context:
            return book.pgettext(self.context, self.template, **values)
        return book.gettext(self.template, **values)

    def __str__(self) -> str:
        return self.render()


def _rendered(value: Any, catalogue: Catalogue) -> Any:
    # A message may hold another ("{reason}"), rendered in the same language.
    return value.render(catalogue) if isinstance(value, Message) else value


def msg(template: str, /, **fields: Any) -> Message:
    """A translatable sentence; `fields` fill its named placeholders when it is rendered."""
    return Message(template, fields)


def msg_plural(singular: str, plural: str, count: int, /, **fields: Any) -> Message:
    """A sentence whose wording follows a number (`{count}` is filled in for you)."""
    return Message(singular, {"count": count, **fields}, plural=plural)


def msg_in_context(context: str, template: str, /, **fields: Any) -> Message:
    """A short word that reads differently by where it stands ("Open" a file, an "Open" task)."""
    return Message(template, fields, context=context)


def locale_folder() -> Path:
    from qbr_desktop.assets import resource

    return resource("locale")


def available_languages() -> tuple[str, ...]:
    """English, and every language with a compiled catalogue shipped beside the program."""
    folder = locale_folder()
    found = sorted(path.parent.parent.name
                   for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")) if folder.is_dir() else []
    return (ENGLISH, *[code for code in found if code != ENGLISH])


def normalise_language(code: str | None) -> str:
    """The shipped language for a requested one ("zh-CN", "zh_Hans_CN", "zh" → "zh_CN").

    English when nothing shipped is close."""
    if not code:
        return ENGLISH
    wanted = code.replace("-", "_").split(".")[0]
    shipped = available_languages()
    if wanted in shipped:
        return wanted
    base = wanted.split("_")[0].casefold()
    if base == "zh" and any(part in wanted for part in ("TW", "HK", "MO", "Hant")):
        return ENGLISH  # Traditional Chinese is not shipped; Simplified is not its substitute.
    return next((lang for lang in shipped if lang.split("_")[0].casefold() == base), ENGLISH)


@cache
def catalogue(language: str) -> Catalogue:
    """The catalogue for a language; English (the templates themselves) when none is shipped."""
    if language == ENGLISH:
        return Catalogue(ENGLISH, gettext.NullTranslations())
    try:
        translations: gettext.NullTranslations = gettext.translation(
            DOMAIN, localedir=str(locale_folder()), languages=[language])
    except OSError:
        return Catalogue(ENGLISH, gettext.NullTranslations())
    return Catalogue(language, translations)


# Like Qt's installed translators, the interface language is one per process: the window and
# the CLI choose it once at start, and worker threads render their messages in it too.
_interface_language = ENGLISH


def set_interface_language(language: str) -> str:
    """Choose the window's and the CLI's language (a setting, or the system's); returns the
    shipped language it resolved to."""
    global _interface_language
    _interface_language = normalise_language(language)
    return _interface_language


def interface_language() -> str:
    return _interface_language


def interface_catalogue() -> Catalogue:
    return catalogue(interface_language())


def ui_text(text: Message | str) -> str:
    """What the window or the CLI shows for a message (plain strings pass through unchanged)."""
    return text.render(interface_catalogue()) if isinstance(text, Message) else text


def ui_label(template: str) -> str:
    """What the window or the CLI shows for text marked with `N_()` (a label, an enum's name)."""
    return interface_catalogue().gettext(template)


def english(text: Message | str) -> str:
    """A message as stable English: what `--json` output and the log keep."""
    return text.render(catalogue(ENGLISH)) if isinstance(text, Message) else text
