"""The Deck tab driven as a CSM would: hide and reorder slides, type the roadmap, read the
deck check, export the deck off the GUI thread (and cancel one), and share by email."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from dialog_support import answer_with
from pptx import Presentation
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from typing_support import type_text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.deck import SlideKind
from qbr_desktop.domain.stakeholders import Attendance, DecisionRole, Stakeholder
from qbr_desktop.gui.deck.deck_tab import DeckTab

WAIT_MS = 20000


@pytest.fixture
def account_id(context: Any) -> int:
    account = context.accounts.create(AccountDraft(name="Acme <R&D> 株式会社",
                                                   arr=Decimal("120000")))
    review = context.plans.schedule(account.id, date(2027, 2, 10)).review_id
    sponsor = context.stakeholders.add_person(account.id, Stakeholder(
        0, "Vera Sponsor", "VP Operations", ContactLevel.VP, DecisionRole.EXECUTIVE_SPONSOR))
    context.stakeholders.set_attendance(review, Attendance(sponsor.id, confirmed=True))
    return int(account.id)


@pytest.fixture
def tab(qtbot: Any, context: Any, account_id: int, tmp_path: Path) -> Iterator[DeckTab]:
    shown = DeckTab(context)
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_account(account_id)
    qtbot.waitUntil(lambda: shown.content is not None, timeout=WAIT_MS)
    (tmp_path / "out").mkdir()
    shown.folder_edit.setText(str(tmp_path / "out"))
    yield shown
    if shown.job is not None:
        shown.job.cancel()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def titles(tab: DeckTab) -> list[str]:
    """The slides' titles, without the " (left out: …)" note a slide with no data gets."""
    return [tab.slides.item(row).text().split(" (left out")[0]
            for row in range(tab.slides.count())]


def test_slides_show_with_thumbnails_and_the_deck_check(tab: DeckTab) -> None:
    assert titles(tab)[:3] == ["Executive business review", "Agenda", "Executive summary"]
    assert not tab.slides.item(0).icon().isNull()  # drawn by the app
    text = tab.checks.text()
    # A new account has little to say: its slides with nothing to show are left out.
    assert tab.content is not None
    count = sum(1 for s in tab.content.outline if s.shown and not s.omitted and not s.backup)
    assert f"✓ {count} slides in the meeting" in text and count < 10
    assert "✓ An executive is confirmed to attend" in text
    assert "⚠ Only usage figures" in text  # no ROI model yet


def test_hiding_and_moving_slides_is_saved_and_checked(qtbot: Any, tab: DeckTab,
                                                       context: Any, account_id: int) -> None:
    assert tab.content is not None
    count = sum(1 for s in tab.content.outline if s.shown and not s.omitted and not s.backup)
    agenda = titles(tab).index("Agenda")
    tab.slides.item(agenda).setCheckState(Qt.CheckState.Unchecked)
    plan = context.decks.plan(account_id)
    assert not next(e for e in plan.outline if e.kind is SlideKind.AGENDA).shown
    qtbot.waitUntil(lambda: f"{count - 1} slides in the meeting" in tab.checks.text(),
                    timeout=WAIT_MS)
    tab.slides.setCurrentRow(2)
    moved = titles(tab)[2]
    QTest.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: titles(tab)[1] == moved, timeout=WAIT_MS)
    outline = context.decks.plan(account_id).outline
    assert (outline[1].kind, outline[2].kind) == (SlideKind.SUMMARY, SlideKind.AGENDA)


def test_roadmap_and_priorities_typed_here_reach_the_deck(qtbot: Any, tab: DeckTab,
                                                          context: Any, account_id: int) -> None:
    tab.roadmap_edit.setPlainText("SSO for contractors, Q1\nJapanese interface <beta> & more")
    tab.priorities_edit.setPlainText("Roll out to 営業部")
    tab.flush()
    plan = context.decks.plan(account_id)
    assert plan.roadmap == ("SSO for contractors, Q1", "Japanese interface <beta> & more")
    assert plan.priorities == ("Roll out to 営業部",)
    qtbot.waitUntil(lambda: tab.content is not None
                    and tab.content.roadmap == plan.roadmap, timeout=WAIT_MS)


def test_export_writes_the_deck_off_the_gui_thread(qtbot: Any, tab: DeckTab,
                                                   tmp_path: Path) -> None:
    with qtbot.waitSignal(tab.exported, timeout=60000) as written:
        QTest.mouseClick(tab.buttons["deck"], Qt.MouseButton.LeftButton)
        assert tab.cancel_button.isVisibleTo(tab)  # running: the window keeps responding
    path = written.args[0]
    assert path.parent == tmp_path / "out" and path.suffix == ".pptx"
    assert path.name.startswith("Acme") and "株式会社" in path.name
    deck = Presentation(str(path))
    assert tab.content is not None
    assert len(deck.slides) == sum(1 for s in tab.content.outline if s.shown and not s.omitted)
    assert tab.message.text().startswith(f"Saved {path}")
    assert tab.reveal_button.isVisibleTo(tab)


def test_cancelling_an_export_writes_nothing(qtbot: Any, tab: DeckTab, tmp_path: Path) -> None:
    tab.export("handout")
    tab.cancel()
    qtbot.waitUntil(lambda: tab.job is None, timeout=60000)
    assert tab.message.text() in ("Cancelled: nothing was written.",) or (
        tab.message.text().startswith("Saved"))  # it may finish before the cancel lands
    if tab.message.text().startswith("Cancelled"):
        assert list((tmp_path / "out").iterdir()) == []


def test_share_by_email_attaches_the_deck_and_the_brief(qtbot: Any, tab: DeckTab) -> None:
    with qtbot.waitSignal(tab.exported, timeout=60000) as written:
        tab.export("email")
    message = email.message_from_bytes(written.args[0].read_bytes(),
                                       policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    names = [part.get_filename() for part in message.iter_attachments()]
    assert len(names) == 2 and names[0].endswith(".pptx") and names[1].endswith(".pdf")
    assert "Vera Sponsor" in tab.message.text() or "Nobody with an email" in tab.message.text()


def choose_folder(qtbot: Any, tab: DeckTab, folder: Path) -> None:
    """Type the folder into the "Save to" field, as a CSM would."""
    tab.folder_edit.setFocus()
    tab.folder_edit.selectAll()
    type_text(tab.folder_edit, str(folder))
    QTest.keyClick(tab.folder_edit, Qt.Key.Key_Tab)


def export_and_wait(qtbot: Any, tab: DeckTab, kind: str) -> None:
    QTest.mouseClick(tab.buttons[kind], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.job is None, timeout=60000)


def test_a_missing_folder_is_made_with_its_parents(qtbot: Any, tab: DeckTab,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "Documents" / "QBRs 2027" / "株式会社"
    choose_folder(qtbot, tab, folder)
    export_and_wait(qtbot, tab, "brief")
    written = list(folder.iterdir())
    assert len(written) == 1 and written[0].suffix == ".pdf"
    assert tab.message.text().startswith(f"Saved {written[0]}")
    assert f"The folder {folder} was made for it." in tab.message.text()


def test_a_fresh_account_without_documents_exports_to_it(qtbot: Any, context: Any,
                                                         account_id: int, tmp_path: Path,
                                                         monkeypatch: Any) -> None:
    from PySide6.QtCore import QSettings

    from qbr_desktop.gui.deck.exporting import FOLDER_SETTING

    home = tmp_path / "fresh-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    QSettings().remove(FOLDER_SETTING)  # nothing remembered: a first export
    fresh = DeckTab(context)
    qtbot.addWidget(fresh)
    fresh.resize(1300, 850)
    fresh.show()
    fresh.show_account(account_id)
    documents = Path(fresh.folder_edit.text())
    assert documents.parent == home and not documents.exists()
    export_and_wait(qtbot, fresh, "brief")
    assert fresh.message.text().startswith("Saved"), fresh.message.text()
    assert [p.suffix for p in documents.iterdir()] == [".pdf"]
    assert QSettings().value(FOLDER_SETTING) == str(documents)


def test_a_folder_that_cannot_be_made_is_explained(qtbot: Any, tab: DeckTab,
                                                   tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where a folder would go")
    choose_folder(qtbot, tab, blocker / "decks")
    export_and_wait(qtbot, tab, "brief")
    assert tab.message.text().startswith(
        f"Not exported: The folder {blocker / 'decks'} could not be made")
    assert all(button.isEnabled() for button in tab.buttons.values())
    choose_folder(qtbot, tab, blocker)
    export_and_wait(qtbot, tab, "brief")
    assert tab.message.text() == (f"Not exported: {blocker} is a file, not a folder; "
                                  "pick another folder")


def test_a_relative_folder_is_refused_before_anything_runs(qtbot: Any, tab: DeckTab) -> None:
    choose_folder(qtbot, tab, Path("decks"))
    QTest.mouseClick(tab.buttons["brief"], Qt.MouseButton.LeftButton)
    assert tab.job is None
    assert tab.message.text().startswith("Not exported: type the whole path")


def test_a_second_export_asks_before_replacing_the_first(qtbot: Any, tab: DeckTab,
                                                         context: Any, account_id: int,
                                                         tmp_path: Path) -> None:
    from qbr_desktop.services.deck_jobs import file_name

    first = tmp_path / "out" / file_name(context, account_id, "brief")
    first.write_bytes(b"edited in another program")
    copy = first.with_name(f"{first.stem} (2){first.suffix}")

    answers = answer_with("Keep both")
    export_and_wait(qtbot, tab, "brief")
    answers.stop()
    assert [sorted(b) for b in answers.buttons] == [["Cancel", "Keep both", "Replace"]]
    assert first.name in answers.seen[0] and copy.name in answers.seen[0]
    assert "PowerPoint" in answers.seen[0]
    assert first.read_bytes() == b"edited in another program"
    assert copy.read_bytes().startswith(b"%PDF")
    assert tab.message.text().startswith(f"Saved {copy}")

    answers = answer_with(key=Qt.Key.Key_Escape)
    export_and_wait(qtbot, tab, "brief")
    answers.stop()
    assert len(answers.seen) == 1
    assert tab.message.text() == f"Nothing was written; {first.name} is as it was."
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, copy.name])
    assert first.read_bytes() == b"edited in another program"

    answers = answer_with("Replace")
    export_and_wait(qtbot, tab, "brief")
    answers.stop()
    assert len(answers.seen) == 1
    assert first.read_bytes().startswith(b"%PDF")
    assert tab.message.text().startswith(f"Saved {first}")
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, copy.name])


def test_a_first_export_is_not_questioned(qtbot: Any, tab: DeckTab, tmp_path: Path) -> None:
    answers = answer_with("Cancel")
    export_and_wait(qtbot, tab, "brief")
    answers.stop()
    assert answers.seen == []
    assert tab.message.text().startswith("Saved")


def test_the_template_and_logo_chosen_here_are_saved_and_a_bad_template_is_explained(
        qtbot: Any, tab: DeckTab, context: Any, account_id: int, tmp_path: Path) -> None:
    bad = tmp_path / "ours.pptx"
    bad.write_bytes(b"not a presentation")
    tab.template_edit.setText(str(bad))
    tab.logo_edit.setText(str(tmp_path / "logo.png"))
    tab.save_plan()
    plan = context.decks.plan(account_id)
    assert (plan.template, plan.logo) == (str(bad), str(tmp_path / "logo.png"))
    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export("deck")
    assert "the default design was used instead" in tab.message.text()


def test_risks_are_ticked_for_the_slide_and_the_choice_is_kept(qtbot: Any, tab: DeckTab,
                                                               context: Any,
                                                               account_id: int) -> None:
    from qbr_desktop.domain.risks import RiskDraft, RiskKind

    written = context.risks.add(account_id, RiskDraft(
        RiskKind.RISK, "Budget freeze <Q1> & hiring stop", "", 3, 4))
    suggested = context.risks.add(account_id, RiskDraft(
        RiskKind.RISK, "Health is red (31)", "", 4, 4), origin="suggested")
    tab.hide()  # coming back to the tab reads the register again
    tab.show()
    rows = {tab.risk_choices.item(r).text(): tab.risk_choices.item(r)
            for r in range(tab.risk_choices.count())}
    # Nothing from the register is on the customer's slide until the CSM ticks it.
    shown_written = rows["Risk: Budget freeze <Q1> & hiring stop"]
    assert shown_written.checkState() == Qt.CheckState.Unchecked
    shown_red = rows["Risk: Health is red (31) (suggested)"]
    assert shown_red.checkState() == Qt.CheckState.Unchecked
    qtbot.waitUntil(lambda: tab.content is not None and tab.content.risks == (),
                    timeout=WAIT_MS)

    # Click the checkboxes as a CSM would: at the left of the row.
    for row in (shown_written, shown_red):
        box = tab.risk_choices.visualItemRect(row)
        QTest.mouseClick(tab.risk_choices.viewport(), Qt.MouseButton.LeftButton,
                         pos=box.topLeft() + QPoint(10, box.height() // 2))
        assert row.checkState() == Qt.CheckState.Checked
    plan = context.decks.plan(account_id)
    assert suggested.id in plan.shown_risks and written.id in plan.shown_risks
    qtbot.waitUntil(lambda: tab.content is not None and len(tab.content.risks) == 2,
                    timeout=WAIT_MS)


def test_tab_reads_the_deck_tab_as_it_is_laid_out(tab: DeckTab) -> None:
    from PySide6.QtWidgets import QApplication

    tab.activateWindow()
    assert QTest.qWaitForWindowActive(tab, 5000)
    tab.slides.setFocus()
    seen = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    bar = tab.lists.tabBar()
    order = [tab.slides, tab.variant_box, bar, tab.roadmap_edit, tab.accent_edit,
             tab.folder_edit, tab.buttons["deck"], tab.buttons["email"]]
    positions = [seen.index(widget) for widget in order]
    assert positions == sorted(positions), [type(w).__name__ for w in seen]
    assert seen.index(bar) == seen.index(tab.variant_box) + 1  # the lists come next


def test_the_deck_check_sends_the_csm_to_the_risk_list_by_its_label(
        qtbot: Any, tab: DeckTab, context: Any, account_id: int) -> None:
    import re

    from qbr_desktop.domain.risks import RiskDraft, RiskKind

    context.risks.add(account_id, RiskDraft(RiskKind.RISK, "Budget freeze", "", 3, 4))
    tab.hide()  # coming back to the tab checks the deck again
    tab.show()
    qtbot.waitUntil(lambda: "left off the customer's risks slide" in tab.checks.text(),
                    timeout=WAIT_MS)
    named = re.search(r"tick (?:it|them) under '([^']+)'", tab.checks.text())
    labels = [tab.lists.tabText(i).replace("&", "") for i in range(tab.lists.count())]
    assert named is not None and named.group(1) in labels, (tab.checks.text(), labels)



class HeldGather:
    """Stands in for `decks.prepare`: the first gather reads the plan, then waits until the
    test releases it and every gather started after it has reported, as a busy machine may
    order them (issue #20). It can fail instead, as a gather may. Counts the gathers and how
    many ran at once."""

    def __init__(self, real: Any, failure: Exception | None = None) -> None:
        import threading

        self.real, self.failure = real, failure
        self.started, self.release = threading.Event(), threading.Event()
        self.lock = threading.Lock()
        self.calls = self.running = self.most = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        import time

        from qbr_desktop.gui import worker

        with self.lock:
            self.calls += 1
            first = self.calls == 1
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            result = self.real(*args, **kwargs)  # reads the plan as it is now
            if first:
                self.started.set()
                self.release.wait(WAIT_MS / 1000)
                deadline = time.monotonic() + WAIT_MS / 1000
                while worker.running() > 1 and time.monotonic() < deadline:
                    time.sleep(0.01)  # the gathers the ticks started report first
                if self.failure is not None:
                    raise self.failure
            return result
        finally:
            with self.lock:
                self.running -= 1


def tick_while_held(qtbot: Any, tab: DeckTab, context: Any, account_id: int,
                    held: HeldGather, monkeypatch: pytest.MonkeyPatch) -> tuple[int, ...]:
    """Two register items ticked as a CSM would, quickly, while a gather is held back; the
    items' ids once every gather has reported."""
    from qbr_desktop.domain.risks import RiskDraft, RiskKind
    from qbr_desktop.gui import worker

    ids = tuple(context.risks.add(account_id, RiskDraft(kind, title, "", 3, 4)).id
                for kind, title in ((RiskKind.RISK, "Budget freeze"),
                                    (RiskKind.OPPORTUNITY, "Expansion 営業部")))
    monkeypatch.setattr(context.decks, "prepare", held)
    tab.hide()  # coming back to the tab reads the register and gathers the deck again
    tab.show()
    assert held.started.wait(WAIT_MS / 1000)
    for item_id in ids:
        row = next(tab.risk_choices.item(r) for r in range(tab.risk_choices.count())
                   if tab.risk_choices.item(r).data(Qt.ItemDataRole.UserRole) == item_id)
        box = tab.risk_choices.visualItemRect(row)
        QTest.mouseClick(tab.risk_choices.viewport(), Qt.MouseButton.LeftButton,
                         pos=box.topLeft() + QPoint(10, box.height() // 2))
        assert row.checkState() == Qt.CheckState.Checked
    held.release.set()
    qtbot.waitUntil(lambda: worker.running() == 0, timeout=WAIT_MS)
    assert set(context.decks.plan(account_id).shown_risks) == set(ids)
    return ids


def test_two_quick_ticks_while_the_deck_is_being_gathered_show_both_risks(
        qtbot: Any, tab: DeckTab, context: Any, account_id: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A gather that read the plan before the ticks reports after them: the content shown
    is the stored plan's, and gathers do not pile up on the thread pool."""
    held = HeldGather(context.decks.prepare)
    tick_while_held(qtbot, tab, context, account_id, held, monkeypatch)
    assert tab.content is not None
    assert sorted(r.title for r in tab.content.risks) == ["Budget freeze", "Expansion 営業部"]
    assert tab.checks.text() != "Checking the deck…"
    assert (held.most, held.calls) == (1, 2)  # the ticks' gather waited, and ran once


def test_a_stale_gather_that_fails_gives_way_to_the_next(
        qtbot: Any, tab: DeckTab, context: Any, account_id: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldGather(context.decks.prepare, OSError("the portfolio's disk went away"))
    tick_while_held(qtbot, tab, context, account_id, held, monkeypatch)
    assert tab.content is not None and len(tab.content.risks) == 2
    assert "disk went away" not in tab.checks.text()
    assert "✓" in tab.checks.text()
