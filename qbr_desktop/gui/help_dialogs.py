"""Help › Getting Started and Help › Keyboard Shortcuts: short guides inside the app, read
offline, by mouse or keyboard (Tab reaches the text and the Close button, the arrows and
Page keys scroll, Escape closes), sized to fit a 1366 × 768 screen.

The window's own shortcuts are read from its actions, so that list cannot drift from the
menus; the keys that work inside a tab are written out here.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop import APP_NAME
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow

WIDTH, HEIGHT = 760, 600  # inside a 1366 × 768 screen with the taskbar and title bar

GETTING_STARTED = QT_TRANSLATE_NOOP("help_dialogs", """
<h2>Getting started</h2>
<p>A quarterly business review goes better when it is prepared in good time and
followed up afterwards. This app walks you through that job, one account at a time.
Everything stays in a portfolio file on this computer and works offline.</p>

<h3>1. Bring in your accounts</h3>
<p>Choose <b>File › Import…</b> (Ctrl+I). Import <i>Accounts</i> from your CRM export
first, then <i>Contacts</i>, then the usage figures as <i>Metric history</i>. A CSV or
Excel file is fine. Check that each column is matched to the right field, look at the
preview, then press Import. Nothing is written until you do, and importing a newer export
later updates the same accounts instead of adding them twice.</p>

<h3>2. Pick an account</h3>
<p>The list on the left holds your accounts. Type in the filter box (Ctrl+F) to find one
by name, industry, tier or owner, and click a column heading to sort. The tabs on the
right all show the account you pick. <b>Details</b> keeps its ARR, renewal date and
notes; a field is saved as soon as you leave it. <b>Health &amp; growth</b> shows how the
account is doing and where it could grow.</p>

<h3>3. Schedule the QBR</h3>
<p>On <b>Prep timeline</b> (Ctrl+5), press <i>Schedule QBR…</i> and choose the date. The
app lays out the preparation tasks for the account's tier, with due dates counted back
from the meeting and holidays skipped. Tick tasks off as you go; the scorecard shows how
ready you are. <b>Upcoming QBRs</b> (Ctrl+4) lists every review in the coming weeks and the
accounts that are overdue for one.</p>

<h3>4. Map the people</h3>
<p>On <b>Stakeholders</b> (Ctrl+6), add the customer's people (Ins), drag their cards into
place and draw who reports to whom and who influences whom. The coverage list points out
gaps, such as no executive sponsor, and the attendance list records who is coming to the
QBR.</p>

<h3>5. Show the value</h3>
<p>On <b>ROI &amp; value</b>, add a line for each benefit: revenue gained, costs cut,
risks avoided, quality improved. The app works out the return, the payback and a short
value story you can edit. Press <i>Save ROI</i> (Ctrl+S) when the figures are right.</p>

<h3>6. Plan and run the meeting</h3>
<p>On <b>Meeting</b> (Ctrl+7), build the agenda from a template. Executives want to talk
about what comes next, so the app shows whether at least 60 % of the time looks ahead
rather than back. During the QBR, start the timer: Space pauses, the arrow keys move
between sections, + adds a minute. The presenter view puts the clock on a second screen.
Note the decisions and action items as you go. Afterwards, the <i>Review card</i> records
how the customer prepared and took part, when they answered your follow-up and their
survey score; <b>QBR programme</b> (Ctrl+9) sets every review against the targets.</p>

<h3>7. Prepare the deck and share it</h3>
<p>On <b>Deck</b> (Ctrl+8), tick and order the slides, write the roadmap and next
quarter's priorities, and choose which risks the customer may see. Read the deck check,
then export the deck, the one-page brief or the handout, or <i>Share by email…</i> for a
draft with the deck and brief attached. If a file of the same name is already in the
folder, you are asked before it is replaced.</p>

<h3>8. Follow up</h3>
<p>After the meeting, the <i>Follow-up</i> page of the Meeting tab tracks each action
item until it is done, and writes the recap email with the decisions and the actions for
the attendees. Items still open appear on the next QBR's deck, so nothing is forgotten.</p>

<h3>Your portfolio</h3>
<p>The first start opens a demo portfolio of made-up accounts to try things out.
<b>File › New Portfolio…</b> starts your own, and the app reopens the last portfolio you
used. <b>File › Open Recent</b> switches between them, and <b>File › Back Up Now…</b>
writes a checked copy. See <b>Help › Keyboard Shortcuts</b> for every key.</p>
""")

TAB_KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (QT_TRANSLATE_NOOP("help_dialogs", "Moving around"), (
        (QT_TRANSLATE_NOOP("help_dialogs", "Tab / Shift+Tab"),
         QT_TRANSLATE_NOOP("help_dialogs",
                           "The next or previous part of the window: the filter box, the "
                            "account list, the account's tabs, then the fields of the tab")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Ctrl+Tab / Ctrl+Shift+Tab"),
         QT_TRANSLATE_NOOP("help_dialogs", "The account's next or previous tab")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Ctrl+PgDown / Ctrl+PgUp"),
         QT_TRANSLATE_NOOP("help_dialogs", "The same, as in other programs")),
        (QT_TRANSLATE_NOOP("help_dialogs", "↑ / ↓ in the account list"),
         QT_TRANSLATE_NOOP("help_dialogs", "The next or previous account")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Enter in the filter box"),
         QT_TRANSLATE_NOOP("help_dialogs", "Go to the account list")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Alt and the underlined letter"),
         QT_TRANSLATE_NOOP("help_dialogs", "A tab, a button or a field by its name")),
    )),
    (QT_TRANSLATE_NOOP("help_dialogs", "Prep timeline"), (
        (QT_TRANSLATE_NOOP("help_dialogs", "↑ / ↓, Home / End"),
         QT_TRANSLATE_NOOP("help_dialogs", "Choose a task")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Space"),
         QT_TRANSLATE_NOOP("help_dialogs", "Mark the task done or not done")),
        ("← / →", QT_TRANSLATE_NOOP("help_dialogs", "Move the due date a day; with Shift, a week")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Ctrl+↑ / Ctrl+↓"),
         QT_TRANSLATE_NOOP("help_dialogs", "Move the task up or down the list")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Esc"),
         QT_TRANSLATE_NOOP("help_dialogs", "Drop a task being dragged where it was")),
    )),
    (QT_TRANSLATE_NOOP("help_dialogs", "Stakeholders"), (
        (QT_TRANSLATE_NOOP("help_dialogs", "Ins"),
         QT_TRANSLATE_NOOP("help_dialogs", "Add a person")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Del"),
         QT_TRANSLATE_NOOP("help_dialogs", "Remove the selected people and lines")),
        ("+ / − / 0", QT_TRANSLATE_NOOP("help_dialogs", "Zoom in, zoom out, back to 100 %")),
        ("F", QT_TRANSLATE_NOOP("help_dialogs", "Fit the whole map in view")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Space and drag"),
         QT_TRANSLATE_NOOP("help_dialogs", "Move the map around")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Ctrl+Z / Ctrl+Y"),
         QT_TRANSLATE_NOOP("help_dialogs", "Undo or redo a change to the map")),
    )),
    (QT_TRANSLATE_NOOP("help_dialogs", "ROI & value"), (
        ("Ctrl+S", QT_TRANSLATE_NOOP("help_dialogs", "Save the ROI")),
    )),
    (QT_TRANSLATE_NOOP("help_dialogs", "Meeting timer"), (
        (QT_TRANSLATE_NOOP("help_dialogs", "Space"),
         QT_TRANSLATE_NOOP("help_dialogs", "Pause or resume")),
        ("→ / ←", QT_TRANSLATE_NOOP("help_dialogs", "Next or previous section")),
        (QT_TRANSLATE_NOOP("help_dialogs", "+ / Shift and +"),
         QT_TRANSLATE_NOOP("help_dialogs", "One or five minutes more for this section")),
        ("−", QT_TRANSLATE_NOOP("help_dialogs", "One minute less")),
        (QT_TRANSLATE_NOOP("help_dialogs", "Esc"),
         QT_TRANSLATE_NOOP("help_dialogs", "Close the presenter view")),
    )),
)


class HelpDialog(QDialog):
    """A page of text with a Close button."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{title} — {APP_NAME}")
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)  # nothing here leaves the app
        self.text.setHtml(html)
        self.text.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(WIDTH, HEIGHT)
        self.text.setFocus()  # the arrows and Page keys scroll at once


class GettingStartedDialog(HelpDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("GettingStartedDialog", "Getting started"),
                         translate("help_dialogs", GETTING_STARTED), parent)


class ShortcutsDialog(HelpDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("ShortcutsDialog", "Keyboard shortcuts"),
                         shortcuts_html(window), window)


def _menu_rows(menu: QMenu) -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        # Backtab is how Qt spells Shift+Tab, kept on actions for keyboards that send it.
        keys = [text for k in action.shortcuts()
                if "Backtab" not in (text := k.toString(QKeySequence.SequenceFormat.NativeText))]
        if keys and not action.isSeparator():
            rows.append((" / ".join(dict.fromkeys(keys)), _plain(action)))
    return rows


def _plain(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def _table(title: str, rows: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    cells = "".join(f"<tr><td width='38%'><b>{escape(keys)}</b></td><td>{escape(what)}</td>"
                    "</tr>" for keys, what in rows)
    return f"<h3>{escape(title)}</h3><table cellpadding='3'>{cells}</table>"


def shortcuts_html(window: MainWindow) -> str:
    """Every menu's shortcuts as the window has them, then the keys inside the tabs."""
    parts = [translate("help_dialogs", "<h2>Keyboard shortcuts</h2>")]
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu) and (rows := _menu_rows(menu)):
            parts.append(_table(translate("help_dialogs",
                                          "{plain} menu").format(plain=_plain(menu_action)), rows))
    parts.extend(_table(translate("help_dialogs", title),
                        [(translate("help_dialogs", keys), translate("help_dialogs", what))
                         for keys, what in rows]) for title, rows in TAB_KEYS)
    return "".join(parts)
