"""The CSM's whole job, from a CRM export to a shared deck, done in the window as a person
does it (see journey.py for what a step is and what each one checks).

New Portfolio → import the Salesforce-style accounts and the HubSpot-style contacts →
pick an account → schedule its QBR three weeks out by typing the date → five people with
titles and emails, and a reports-to line → two ROI lines → start the meeting's timer and
move it on → export the deck, the brief and the share email → quit and start again, and
the same portfolio opens. After each part, what was typed is read back from the portfolio
file through a context of its own (`stored`), never from the window.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from journey import Journey, focus_as_a_window_manager, settle, wait_until
from opening_support import wait_for_open
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QToolButton
from tests_support import require_tool

from qbr_desktop.domain.meeting_timer import Phase
from qbr_desktop.gui.application import PortfolioWindows, open_first_window
from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import msg, ui_text
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"
PORTFOLIO = "Journey 旅程"


# What the window says, in the language it is in (the job runs in English and in Chinese).
def imported() -> str:
    return translate("ImportDialog", "Imported: {summary}.").split("{")[0]


def saved() -> str:
    return translate("DeckExporting", "Saved {path}").split("{")[0]


ACCOUNT = "Müller Maschinenbau GmbH"
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    email: str
    reports_to: str | None = None


COMPANY = "muller-maschinenbau.example"
PEOPLE = (
    Person("Ingrid Köhler", "Chief Executive Officer", f"ingrid.koehler@{COMPANY}"),
    Person("陈伟", "VP Operations", f"chen.wei@{COMPANY}", reports_to="Ingrid Köhler"),
    Person("فاطمة الزهراء", "Head of Procurement", f"fatima.alzahra@{COMPANY}"),
    Person("José Núñez", "Plant Manager", f"jose.nunez@{COMPANY}"),
    Person("Priya Raman 🚀", "IT Director", f"priya.raman@{COMPANY}"),
)


@dataclass(frozen=True)
class RoiLine:
    label: str
    first: tuple[str, str]  # (input, typed figure): the field clicked into
    second: tuple[str, str]  # the field Tab leads to next


ROI_LINES = (
    RoiLine("Fewer hours re-planning the shop floor", ("hours_saved", "1200"),
            ("hourly_rate", "55")),
    RoiLine("Two support roles moved to new work", ("ftes_saved", "2"),
            ("cost_per_fte", "68000")),
)


class WholeJob:
    def __init__(self, journey: Journey, settings: QSettings, meeting_day: date) -> None:
        self.journey = journey
        self.settings = settings
        self.meeting_day = meeting_day
        self.started: list[PortfolioWindows] = []
        self.portfolio: Path | None = None
        self.account_id = 0
        self.exported: dict[str, Path] = {}

    # Running it --------------------------------------------------------------------------
    def run(self) -> None:
        self.start_the_program("Start QBR Desktop (the demo opens)")
        self.new_portfolio()
        self.import_crm_exports()
        self.pick_the_account()
        self.schedule_the_qbr()
        self.add_the_people()
        self.add_roi_lines()
        self.run_the_timer()
        self.export_deck_brief_and_email()
        self.quit_and_start_again()

    def close(self) -> None:
        for windows in self.started:
            if windows.window is not None:
                windows.window.close()
            windows.close()

    @property
    def windows(self) -> PortfolioWindows:
        return self.started[-1]

    @property
    def window(self) -> Any:
        return self.windows.window

    @contextmanager
    def stored(self) -> Iterator[AppContext]:
        """The portfolio file read afresh, apart from the window: what was really kept."""
        assert self.portfolio is not None
        context = AppContext.open(DatabaseTarget(path=self.portfolio))
        try:
            yield context
        finally:
            context.close()

    def open_tab(self, key: Qt.Key, modifiers: Qt.KeyboardModifier, what: str,
                 panel_name: str) -> Any:
        """An account tab, by its key; its panel once it shows the account."""
        self.journey.press(key, what, modifiers, uses=self.window.account_tabs.tabBar())
        panel = getattr(self.window, panel_name)
        wait_until(lambda: panel.account_id == self.account_id, f"{what} to show the account")
        return panel

    # The job, part by part ---------------------------------------------------------------
    def start_the_program(self, what: str) -> None:
        def start() -> Any:
            made: list[PortfolioWindows] = []
            assert wait_for_open(lambda: made[0], lambda: made.append(
                open_first_window(None, settings=self.settings))), "the portfolio did not open"
            self.started.append(made[0])
            focus_as_a_window_manager()
            return made[0].window  # at the size it opens at: checked to fit the screen

        self.journey.launch(what, start)

    def new_portfolio(self) -> None:
        j, window = self.journey, self.window
        j.press(Qt.Key.Key_F, "Open the File menu", ALT, uses=window.menuBar())

        def name_the_file(dialog: QFileDialog) -> None:
            j.type(j.focused(), PORTFOLIO, "Name the new portfolio file", Qt.Key.Key_Return)

        with j.answering(QFileDialog, name_the_file):
            j.press(Qt.Key.Key_P, "Choose New Portfolio…")
        wait_until(lambda: not self.windows.busy, "the new portfolio to open")
        assert self.window is not window, "the new portfolio is in a window of its own"
        self.portfolio = self.windows.context.target.path
        assert self.portfolio is not None and self.portfolio.name == f"{PORTFOLIO}.sqlite"
        j.check_on_screen(self.window)
        with self.stored() as stored:
            assert stored.accounts.list_accounts() == [] and not stored.is_demo

    def import_crm_exports(self) -> None:
        j = self.journey

        def choose(name: str) -> Any:
            def type_its_path(dialog: QFileDialog) -> None:
                j.type(j.focused(), str(SAMPLES / name), f"Type the path of {name}",
                       Qt.Key.Key_Return)
            return type_its_path

        def work_the_dialog(dialog: Any) -> None:
            with j.answering(QFileDialog, choose("salesforce_accounts.csv")):
                j.press(Qt.Key.Key_H, "Choose file… (Alt+H)", ALT, uses=dialog.choose_button)
            wait_until(lambda: not dialog.busy and dialog.import_button.isEnabled(),
                       "the accounts' preview")
            seven_new = msg("{created:,} new, {updated:,} updated, {rejected:,} rejected",
                            created=7, updated=0, rejected=0)
            assert dialog.summary.text() == translate("ImportDialog", "{summary}.").format(
                summary=ui_text(seven_new))
            j.click(dialog.import_button, "Import the accounts")
            wait_until(lambda: not dialog.busy and dialog.status.text().startswith(imported()),
                       "the accounts' import")
            j.choose(dialog.kind_combo, translate("dialog", "Contacts"),
                     "Choose to import contacts")
            wait_until(lambda: not dialog.busy, "the columns for contacts")
            with j.answering(QFileDialog, choose("hubspot_contacts.csv")):
                j.click(dialog.choose_button, "Choose file…")
            wait_until(lambda: not dialog.busy and dialog.import_button.isEnabled(),
                       "the contacts' preview")
            j.click(dialog.import_button, "Import the contacts")
            wait_until(lambda: not dialog.busy and dialog.status.text().startswith(imported()),
                       "the contacts' import")
            self.contacts_summary = dialog.status.text()
            j.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Close),
                    "Close the import")

        from qbr_desktop.gui.imports import ImportDialog

        with j.answering(ImportDialog, work_the_dialog):
            j.press(Qt.Key.Key_I, "Import… (Ctrl+I)", CTRL)
        with self.stored() as stored:
            accounts = {a.name: a for a in stored.accounts.list_accounts()}
            assert len(accounts) == 7 and ACCOUNT in accounts
            self.account_id = accounts[ACCOUNT].id
            people = stored.stakeholders.map(self.account_id).people
            assert [(p.name, p.email) for p in people] == [
                ("芳 王", f"wang.fang@{COMPANY}")], people
        six_new = msg("{created:,} new, {updated:,} updated, {rejected:,} rejected",
                      created=6, updated=0, rejected=2)  # the two without an account
        assert self.contacts_summary == translate("ImportDialog", "Imported: {summary}.").format(
            summary=ui_text(six_new)), self.contacts_summary

    def pick_the_account(self) -> None:
        panel = self.window.list_panel
        proxy = panel.proxy
        row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == ACCOUNT)
        self.journey.click_item(panel.table, proxy.index(row, 0), "Pick the account")
        assert self.window.page.account.id == self.account_id

    def schedule_the_qbr(self) -> None:
        j = self.journey
        plan_panel = self.open_tab(Qt.Key.Key_5, CTRL, "Prep timeline (Ctrl+5)", "plan_panel")
        button = plan_panel.empty_schedule_button
        wait_until(button.isVisible, "Schedule QBR… to show")
        typed = self.meeting_day.isoformat()

        def type_the_date(dialog: Any) -> None:
            j.type(dialog.date_edit, typed, "Type the date, three weeks out", Qt.Key.Key_Return)

        from qbr_desktop.gui.plans.plan_dialogs import MeetingDialog

        with j.answering(MeetingDialog, type_the_date):
            j.press(Qt.Key.Key_S, "Schedule QBR… (Alt+S)", ALT, uses=button)
        wait_until(lambda: plan_panel.plan is not None, "the plan to show")
        with self.stored() as stored:
            plan = stored.plans.next_plan(self.account_id)
            assert plan is not None and plan.meeting_day == self.meeting_day, plan
            assert typed in plan_panel.meeting.text()

    def add_the_people(self) -> None:
        j = self.journey
        panel = self.open_tab(Qt.Key.Key_6, CTRL, "Stakeholders (Ctrl+6)", "stakeholder_panel")
        editor = panel.person_editor
        add_button = next(b for b in panel.toolbar.findChildren(QToolButton)
                          if b.defaultAction() is panel.add_action)
        for person in PEOPLE:
            j.press(Qt.Key.Key_Insert, "Add person (Ins)", uses=add_button)
            j.type(editor.name_edit, person.name, "Type the name")
            j.type(editor.title_edit, person.title, "Type the title")
            j.type(editor.email_edit, person.email, "Type the email", Qt.Key.Key_Return)
            if person.reports_to:
                j.choose(editor.manager_box, person.reports_to, "Choose whom they report to")
        with self.stored() as stored:
            people = {p.name: p for p in stored.stakeholders.map(self.account_id).people}
            for person in PEOPLE:
                kept = people[person.name]
                manager = people[person.reports_to].id if person.reports_to else None
                assert (kept.title, kept.email, kept.manager_id) == (
                    person.title, person.email, manager), kept
            cards = [(p.x, p.y) for p in people.values() if p.name in {q.name for q in PEOPLE}]
            assert len(set(cards)) == len(PEOPLE), f"new people share a place: {cards}"

    def add_roi_lines(self) -> None:
        j = self.journey
        panel = self.open_tab(Qt.Key.Key_L, ALT, "ROI & value (Alt+L)", "roi_panel")
        editor = panel.line_editor
        for line in ROI_LINES:
            j.press(Qt.Key.Key_A, "Add line (Alt+A)", ALT, uses=panel.add_line_button)
            j.type(editor.label_edit, line.label, "Type what the line is")
            first = editor.fields[line.first[0]].editor
            j.click(first, "Click into its first figure")
            j.type(first, line.first[1], "Type the figure")
            j.type(editor.fields[line.second[0]].editor, line.second[1], "Type the next figure",
                   Qt.Key.Key_Return)
        j.press(Qt.Key.Key_S, "Save ROI (Ctrl+S)", CTRL, uses=panel.save_button)
        assert panel.save_state.text() == translate("RoiPanel", "Saved"), panel.save_state.text()
        with self.stored() as stored:
            lines = stored.roi.report(self.account_id).model.lines
            kept = [(v.label, dict(v.inputs)) for v in lines]
            assert kept == [(line.label, {line.first[0]: Decimal(line.first[1]),
                                          line.second[0]: Decimal(line.second[1])})
                            for line in ROI_LINES], kept

    def run_the_timer(self) -> None:
        j = self.journey
        tab = self.open_tab(Qt.Key.Key_7, CTRL, "Meeting (Ctrl+7)", "agenda_tab")
        pages = tab.pages.tabBar()
        j.click(pages, "Run the meeting", at=pages.tabRect(1).center())
        meeting = tab.meeting
        j.click(meeting.start_button, "Start the timer")
        j.click(meeting.next_button, "Next section")
        with self.stored() as stored:
            review = stored.agendas.review_for(self.account_id)
            state = stored.agendas.meeting(review).state
            assert (state.phase, state.index) == (Phase.RUNNING, 1), state
            assert meeting.section_title.text() == state.sections[1].title

    def export_deck_brief_and_email(self) -> None:
        j = self.journey
        tab = self.open_tab(Qt.Key.Key_8, CTRL, "Deck (Ctrl+8)", "deck_tab")
        wait_until(lambda: tab.content is not None, "the deck to be checked")
        for kind, what in (("deck", "Export deck"), ("brief", "Brief (PDF)"),
                           ("email", "Share by email…")):
            j.click(tab.buttons[kind], what)
            wait_until(lambda: tab.job is None, f"the {kind} to be written", 120)
            assert tab.message.text().startswith(saved()), tab.message.text()
            if kind == "email":  # nobody was marked as coming (Stakeholders › Attendance)
                assert "Nobody with an email address is confirmed yet" in tab.message.text()
            assert tab.last_written is not None
            self.exported[kind] = tab.last_written
        check_exports(self.exported)

    def quit_and_start_again(self) -> None:
        j, window = self.journey, self.window
        j.press(Qt.Key.Key_Q, "Quit (Ctrl+Q)", CTRL)
        wait_until(lambda: not window.isVisible(), "the window to close", 10)
        self.windows.close()  # as the program does once its event loop ends
        self.windows.window = None
        settle(100)
        self.start_the_program("Start QBR Desktop again")
        assert self.windows.context.target.path == self.portfolio
        window = self.window
        assert window.windowTitle().startswith(f"{PORTFOLIO}.sqlite")
        assert window.list_panel.current_account_id() == self.account_id
        summary = window.page.form.summaryLabel.text()
        next_qbr = translate("AccountPage", "next QBR {next_review}").split("{")[0]
        # The weekday is the language's own (Mon, 周一), so the date is what is compared.
        assert f"{next_qbr}" in summary and f"{self.meeting_day:%Y-%m-%d}" in summary.split(
            next_qbr, 1)[1], summary
        with self.stored() as stored:
            names = {p.name for p in stored.stakeholders.map(self.account_id).people}
            assert {p.name for p in PEOPLE} <= names


def check_exports(files: dict[str, Path]) -> None:
    """Each export read back with a reader of its own kind."""
    from pptx import Presentation

    deck = Presentation(str(files["deck"]))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame]
    assert len(deck.slides) > 3 and any(ACCOUNT in text for text in texts)
    brief = subprocess.run([require_tool("pdftotext"), str(files["brief"]), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert ACCOUNT in brief
    message = message_from_bytes(files["email"].read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert ACCOUNT in str(message["Subject"])
    attached = [part.get_filename() or "" for part in message.iter_attachments()]
    assert sorted(Path(name).suffix for name in attached) == [".pdf", ".pptx"], attached


def three_weeks_out() -> date:
    return date.today() + timedelta(days=21)
