"""Every view and every account tab at 1366 × 768, saved as PNG to test-artifacts/screens/
for a person to look at, on a portfolio whose names are the hard ones: a 120-character
name mixing Latin, Japanese, Arabic and emoji, and people and value lines named in those
scripts. The test holds the window to the screen's size on every tab; the pictures show
whether anything is cut off or drawn over something else."""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from qbr_desktop.gui.tabs import AccountTab, View
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
WIDTH, HEIGHT = 1366, 768
LONG_NAME = ("Nordisk Präzisions- und Automatisierungstechnik — 株式会社グローバル物流 — "
             "مجموعة الخليج للتجارة والخدمات 🚚📦 International Holdings Group")
NAMES = (LONG_NAME[:120].ljust(120, "x"), "شركة الخليج للحلول الرقمية المتقدمة",
         "株式会社さくらデータセンター事業本部", "Café ☕ Ølstue & Bakery 🥐")
PEOPLE = ("王芳", "ليلى حداد", "Sam Rivera 🚀",
          "Maximilian Alexander Christoph von Hohenzollern-Sigmaringen III",
          "佐藤健太郎 (Kentaro Sato)")
LINE_LABELS = ("自動化による手作業の削減 — fewer manual hours on the dock, every week",
               "خفض تكاليف الدعم 🎯")


def portfolio(path: Path) -> tuple[AppContext, int]:
    """A few demo accounts, renamed and re-peopled with the hard names; the long one's id."""
    from qbr_desktop.services.demo import build_demo_portfolio

    context = AppContext.open(DatabaseTarget(path=path))
    build_demo_portfolio(context, accounts=len(NAMES), today=date.today())
    context.settings.mark_demo(False)  # the CSM's own portfolio, without the demo banner
    accounts = sorted(context.accounts.list_accounts(), key=lambda a: a.id)
    for account, name in zip(accounts, NAMES, strict=True):
        context.accounts.update(account.id, {"name": name})
    long_id = accounts[0].id
    people = context.stakeholders.map(long_id).people
    for person, name in zip(people, PEOPLE, strict=False):
        context.stakeholders.update_person(replace(person, name=name))
    report = context.roi.report(long_id)
    lines = list(report.model.lines)
    for index, label in enumerate(LINE_LABELS[:len(lines)]):
        lines[index] = replace(lines[index], label=label)
    if lines:
        context.roi.save(long_id, replace(report.model, lines=tuple(lines)))
    return context, long_id


def settled(qtbot: Any) -> None:
    """Until the background work a tab started (loading, charts, thumbnails) has ended."""
    from qbr_desktop.gui.worker import running

    end = time.monotonic() + 60
    while running() and time.monotonic() < end:
        qtbot.wait(20)
    qtbot.wait(150)


def test_every_tab_at_1366_by_768_with_long_and_non_latin_names(
        qtbot: Any, tmp_path: Path, monkeypatch: Any, styled_like_the_app: None) -> None:
    from qbr_desktop.gui.main_window import MainWindow

    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # the Deck tab shows its Documents
    context, long_id = portfolio(tmp_path / "names.sqlite")
    shutil.rmtree(SCREENS, ignore_errors=True)
    SCREENS.mkdir(parents=True)
    try:
        window = MainWindow(context, QSettings(str(tmp_path / "s.ini"),
                                               QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        shots: list[str] = []

        def shoot(name: str) -> None:
            settled(qtbot)
            assert (window.width(), window.height()) == (WIDTH, HEIGHT), name
            file = SCREENS / f"{len(shots) + 1:02d}-{name}.png"
            assert window.grab().save(str(file)), file
            shots.append(file.name)

        for view in (View.PORTFOLIO, View.PROGRAMME, View.UPCOMING):
            window.views.setCurrentIndex(view)
            shoot(view.name.lower())
        window.open_account(long_id, AccountTab.DETAILS)
        for tab in AccountTab:
            window.show_account_tab(tab)
            shoot(tab.name.lower())
        window.show_account_tab(AccountTab.MEETING)
        meeting = window.agenda_tab.pages
        for page in range(1, meeting.count()):
            meeting.setCurrentIndex(page)
            shoot(f"meeting-{meeting.tabText(page).lower().replace(' ', '-')}")
        window.show_account_tab(AccountTab.STAKEHOLDERS)
        panel = window.stakeholder_panel
        card = next(iter(panel.scene.cards.values()))
        card.setSelected(True)
        shoot("stakeholders-person")
        for side in range(1, panel.side.count()):
            panel.side.setCurrentIndex(side)
            shoot(f"stakeholders-{panel.side.tabText(side).split(' ')[0].lower()}")
        arabic = next(a.id for a in context.accounts.list_accounts() if a.name == NAMES[1])
        window.open_account(arabic, AccountTab.DETAILS)
        shoot("details-arabic-name")
        expected = (3 + len(AccountTab) + (meeting.count() - 1) + 1 + (panel.side.count() - 1)
                    + 1)
        assert len(shots) == len(list(SCREENS.glob("*.png"))) == expected
        window.close()
        QApplication.processEvents()
    finally:
        context.close()
