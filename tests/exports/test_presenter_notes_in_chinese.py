"""The presenter's deck of a Chinese account: its speaker notes travel with the deck, so they
are written in the account's language, the CSM's own points (health band, attendance, the
slides left out and why) included. Read back with python-pptx: no English sentence from the
templates is left, whichever the window's language."""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation

from qbr_desktop.domain.audience.presenter import presenter_points
from qbr_desktop.domain.deck import DeckBriefing, SlideKind
from qbr_desktop.i18n import CHINESE, ENGLISH, catalogue, msg
from qbr_desktop.paths import resolve_target
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.deck_files import write_deck_file
from qbr_desktop.services.demo_file import build_demo_file
from tests.exports.test_customer_files_in_chinese import CJK, english_left

TODAY = date(2026, 12, 7)


def _notes(path: Path) -> list[str]:
    deck = Presentation(str(path))
    return [slide.notes_slide.notes_text_frame.text for slide in deck.slides
            if slide.has_notes_slide]


def _presenters_deck(context: AppContext, account_id: int, folder: Path) -> list[str]:
    context.accounts.update(account_id, {"language": CHINESE})
    prepared = context.decks.prepare(context, account_id, today=TODAY)
    written = write_deck_file(prepared.content, folder / f"{account_id}.pptx",
                              context.decks.plan(account_id), None, briefing=prepared.briefing)
    return _notes(written.path)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each demo tier's presenter deck, its account switched to Chinese."""
    folder = tmp_path_factory.mktemp("presenter")
    build_demo_file(folder / "demo.sqlite", accounts=3, seed=7, today=TODAY)
    context = AppContext.open(resolve_target(str(folder / "demo.sqlite")))
    with closing(context):
        return {account.tier: _presenters_deck(context, account.id, folder)
                for account in context.accounts.list_accounts()}


def test_every_tiers_speaker_notes_are_chinese(notes: dict[str, list[str]]) -> None:
    assert len(notes) == 3
    for tier, texts in notes.items():
        text = "\n".join(texts)
        assert len(CJK.findall(text)) > 300, tier
        assert english_left(text) == [], tier
        assert "执行" in text or "健康" in text


def test_the_presenters_own_points_follow_the_deck_not_the_window() -> None:
    briefing = DeckBriefing(health_status="at risk", omitted=(
        msg("Risks: left out, no register item is ticked for the customer (Deck tab › Risks "
            "on the slide)."),))
    book = catalogue(CHINESE)
    assert presenter_points(SlideKind.SUMMARY, briefing, book) == [
        "仅供您参考，不对客户展示：健康等级为“有风险”。"]
    assert presenter_points(SlideKind.STAKEHOLDERS, briefing, book) == ["尚未确认有高管出席。"]
    topics = presenter_points(SlideKind.TOPICS, briefing, book)
    assert len(topics) == 1 and topics[0].startswith("本次演示文稿未包含：")
    assert english_left(topics[0]) == []
    assert presenter_points(SlideKind.SUMMARY, briefing, catalogue(ENGLISH)) == [
        "For you, not the room: the health band is at risk."]
