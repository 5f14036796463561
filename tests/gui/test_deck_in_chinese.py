"""The Deck tab's own text in Simplified Chinese: the manager review's state with its time
in the window's format (with the zone), and the left-out slides' reasons."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from qbr_desktop.domain.deck_review import DeckReview, DeckState, Reviewer
from qbr_desktop.gui.deck.review_state import local_moment, review_words
from tests.gui.test_chinese_window import in_chinese

__all__ = ["in_chinese"]

APPROVED = DeckReview(state=DeckState.APPROVED, approved_by="Mia Chen",
                      approved_at=datetime(2026, 12, 2, 14, 5, tzinfo=UTC),
                      ready_by="Dana", ready_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
                      edited_at=datetime(2026, 12, 3, 8, 0, tzinfo=UTC))


def test_the_review_state_reads_in_chinese_with_the_local_time_and_zone(
        in_chinese: None, monkeypatch: Any) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    import time
    time.tzset()
    try:
        words = review_words(APPROVED)
        assert words == "Mia Chen 于 2026/12/2 22:05 CST 批准（此后演示文稿有改动）"
        ready = DeckReview(state=DeckState.READY, ready_by="Dana", ready_at=APPROVED.ready_at,
                           reviewer=Reviewer(3, "林 & <Lee>"))
        assert review_words(ready) == "Dana 于 2026/12/1 17:00 CST 提交审阅，审阅人：林 & <Lee>"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_the_cli_summary_stays_english_utc() -> None:
    assert APPROVED.summary() == ("approved by Mia Chen on 2026-12-02 14:05 UTC "
                                  "(the deck changed since)")
    naive = datetime(2026, 12, 2, 14, 5)
    assert local_moment(naive).endswith(local_moment(naive.replace(tzinfo=UTC))[-3:])


def test_a_left_out_slides_tooltip_is_its_own_reason_in_chinese(
        qtbot: Any, context: Any, in_chinese: None) -> None:
    from decimal import Decimal

    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.domain.deck import SlideKind
    from qbr_desktop.domain.slide_kinds import SPECS
    from qbr_desktop.gui.deck.deck_tab import DeckTab
    from qbr_desktop.i18n import CHINESE, catalogue

    account = context.accounts.create(AccountDraft(name="Acme <R&D> 株式会社",
                                                   arr=Decimal("120000"), language=CHINESE))
    tab = DeckTab(context)
    qtbot.addWidget(tab)
    tab.show_account(account.id)
    qtbot.waitUntil(lambda: tab.content is not None, timeout=20000)
    book = catalogue(CHINESE)
    tips = {SlideKind(tab.slides.item(row).data(Qt.ItemDataRole.UserRole)):
            tab.slides.item(row).toolTip() for row in range(tab.slides.count())}
    omitted = {s.kind for s in tab.content.outline if s.omitted and s.kind in tips}
    assert {SlideKind.AGENDA, SlideKind.STAKEHOLDERS} <= omitted  # a new account has neither
    for kind in omitted - {SlideKind.TOPICS}:
        assert tips[kind] == book.gettext(SPECS[kind].left_out), kind
        assert "left out" not in tips[kind]


def _slide_names(qtbot: Any, context: Any, language: str) -> list[str]:
    from decimal import Decimal

    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.gui.deck.deck_tab import DeckTab

    account = context.accounts.create(AccountDraft(name=f"Acme {language}",
                                                   arr=Decimal("120000"), language=language))
    tab = DeckTab(context)
    qtbot.addWidget(tab)
    tab.show_account(account.id)
    qtbot.waitUntil(lambda: tab.content is not None and tab.slides.count() > 0, timeout=20000)
    return [tab.slides.item(row).text() for row in range(tab.slides.count())]


def test_the_slides_are_previewed_in_the_decks_language_not_the_windows(
        qtbot: Any, context: Any, in_chinese: None) -> None:
    """The slide list (and its thumbnails) shows the titles the exported deck will have: an
    English account's deck in a Chinese window is previewed in English, and the other way
    round in an English window."""
    from qbr_desktop.i18n import CHINESE, ENGLISH, catalogue

    english = _slide_names(qtbot, context, ENGLISH)
    chinese = _slide_names(qtbot, context, CHINESE)
    assert english[0] == "Executive business review"  # the same tier: the same variant
    assert chinese[0] == catalogue(CHINESE).gettext(english[0]) != english[0]
