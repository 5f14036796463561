"""Before the window closes or opens another portfolio: work on screen that is not stored
is saved, discarded or kept, as the CSM says; it is never dropped without asking.

Any tab may take part by having three methods:

    unsaved_work() -> str | None   one sentence naming what is not stored, or None
    save_unsaved() -> bool         store it; False when it cannot (the tab says why)
    discard_unsaved() -> None      drop it: the tab shows what is stored again

The window asks its tabs through `getattr`, so a tab needs no base class and the window
knows nothing of what a tab keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from qbr_desktop import APP_NAME
from qbr_desktop.gui.translation import translate

SHOWN_LIMIT = 6  # sentences listed in the question; more are counted


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


Ask = Callable[[QWidget, list[str]], UnsavedChoice]


def unsaved_in(tabs: Iterable[Any]) -> list[tuple[Any, str]]:
    """Each tab holding unsaved work, with its sentence."""
    found = []
    for tab in tabs:
        ask = getattr(tab, "unsaved_work", None)
        sentence = ask() if callable(ask) else None
        if sentence:
            found.append((tab, sentence))
    return found


def takes_part(tab: Any) -> bool:
    return all(callable(getattr(tab, name, None))
               for name in ("unsaved_work", "save_unsaved", "discard_unsaved"))


def listing(sentences: list[str]) -> str:
    shown = [f"• {sentence}" for sentence in sentences[:SHOWN_LIMIT]]
    if len(sentences) > SHOWN_LIMIT:
        shown.append(translate("unsaved_work",
                               "• and {value} more").format(value=len(sentences) - SHOWN_LIMIT))
    return "\n".join(shown)


def ask_unsaved(parent: QWidget, sentences: list[str]) -> UnsavedChoice:
    """Save / Discard / Cancel, Save the default and Escape the cancel."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                      translate("unsaved_work", "Some of your work is not saved."),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(listing(sentences))
    save = box.addButton(QMessageBox.StandardButton.Save)
    discard = box.addButton(QMessageBox.StandardButton.Discard)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is save:
        return UnsavedChoice.SAVE
    if clicked is discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def flush_the_others(tabs: Iterable[Any]) -> None:
    """Tabs without the protocol save what they can, as they do on switching accounts."""
    for tab in tabs:
        if takes_part(tab):
            continue
        for name in ("flush_pending", "flush"):
            if callable(flush := getattr(tab, name, None)):
                flush()
                break


def settle(parent: QWidget, tabs: Iterable[Any], ask: Ask = ask_unsaved) -> bool:
    """True when the window may go: nothing unsaved, or all of it saved or discarded as
    the CSM chose. False when they cancel, or when something could not be saved (they are
    told what, and the window stays so nothing is lost)."""
    tabs = list(tabs)
    flush_the_others(tabs)
    pending = unsaved_in(tab for tab in tabs if takes_part(tab))
    if not pending:
        return True
    choice = ask(parent, [sentence for _tab, sentence in pending])
    if choice is UnsavedChoice.CANCEL:
        return False
    if choice is UnsavedChoice.DISCARD:
        for tab, _sentence in pending:
            tab.discard_unsaved()
        return True
    failed = [sentence for tab, sentence in pending if not tab.save_unsaved()]
    if failed:
        QMessageBox.warning(
            parent, APP_NAME,
            translate("unsaved_work",
                      "This could not be saved, so the window stays open:\n{listing}\n\nThe tab "
                      "shows what is wrong. Correct it and try again, or choose "
                      "Discard.").format(listing=listing(failed)))
        return False
    return True
