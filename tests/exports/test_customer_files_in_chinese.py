"""Every file a customer receives, for a Chinese account of each demo tier, read back: the
deck (python-pptx: slide text, an East Asian face and the language on every run), the brief
and the handout (pdftotext), the share and follow-up emails (the email package) and the
attendees' invite (icalendar). None carries an English sentence from the templates; the
English account's files carry no Chinese and keep their English words.

What the CSM or the customer typed (action items, goal names, titles) is data and stays as
typed; the value story the ROI tab drafts is drafted in the account's language. The demo's
agendas were made while its accounts were English, so the fixture makes them again from
their templates once the language is switched, as a CSM would."""

from __future__ import annotations

import email
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import icalendar
import pytest
from babel.messages.pofile import read_po
from pptx import Presentation

from qbr_desktop.domain.customer_words import day_words
from qbr_desktop.exports.east_asian import EAST_ASIAN_FACE
from qbr_desktop.i18n import catalogue
from qbr_desktop.paths import resolve_target
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.deck_files import email_draft, write_pdf_file
from qbr_desktop.services.demo_file import build_demo_file
from qbr_desktop.services.followup import followup_draft
from qbr_desktop.services.plan_calendar import CalendarCopy, CalendarService

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
TIERS = ("Strategic", "Growth", "Core")
CJK = re.compile("[\u4e00-\u9fff]")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CATALOGUE = Path(__file__).resolve().parents[2] / "resources/locale/zh_CN/LC_MESSAGES/qbr.po"


def template_phrases() -> set[str]:
    """The English words of every template that make a phrase of three words or more,
    between its placeholders: none may be left in a Chinese file."""
    with CATALOGUE.open("rb") as po:
        book = read_po(po)
    phrases = set()
    for message in book:
        for template in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in re.split(r"\{[^}]*\}", template or ""):
                words = re.findall(r"[A-Za-z][A-Za-z'’-]*", part)
                if len(words) >= 3:
                    phrases.add(" ".join(words))
    return phrases


PHRASES = template_phrases()


def english_left(text: str) -> list[str]:
    flat = " ".join(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))
    return sorted(phrase for phrase in PHRASES if re.search(rf"\b{re.escape(phrase)}\b", flat))


@dataclass
class Files:
    tier: str
    name: str
    deck: Path
    brief: Path
    handout: Path
    share: EmailMessage
    followup: EmailMessage | None
    invite: bytes
    meeting: date | None
    story: str  # the value story, drafted in the account's language


def _files(context: Any, account_id: int, tier: str, folder: Path) -> Files:
    folder.mkdir()
    if context.plans.next_plan(account_id) is None:
        context.plans.schedule(account_id, date(2027, 1, 12), time_zone="Asia/Shanghai")
    draft = email_draft(context, account_id, folder, now=NOW)
    content = draft.content
    handout = write_pdf_file("handout", content, folder / "handout.pdf")
    deck, brief = (next(folder.glob("*.pptx")), next(folder.glob("*.pdf")))
    try:
        followup: EmailMessage | None = followup_draft(context, account_id, now=NOW).message
    except Exception:  # noqa: BLE001 - an account without a held review has no follow-up
        followup = None
    plan = context.plans.next_plan(account_id)
    invite, _count = CalendarService(context.store.sessions, clock=lambda: NOW).calendar(
        plan, audience=CalendarCopy.ATTENDEES)
    return Files(tier, content.account_name, deck, brief, handout, draft.message, followup,
                 invite, content.meeting_date, content.value_story)


def _redo_agendas(context: Any, account_id: int) -> None:
    for choice in context.stakeholders.reviews(account_id):
        agenda = context.agendas.peek(choice.review_id)
        context.agendas.use_template(choice.review_id, agenda.template)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Files]]:
    folder = tmp_path_factory.mktemp("customer-files")
    path = folder / "demo.sqlite"
    build_demo_file(path, accounts=6, seed=7, today=TODAY)
    context = AppContext.open(resolve_target(str(path)))
    try:
        first: dict[str, Any] = {}
        for item in context.accounts.list_accounts():
            first.setdefault(item.tier, item)
        files: dict[str, list[Files]] = {"zh_CN": [], "en": []}
        english = next(item for item in context.accounts.list_accounts()
                       if item.tier == "Growth" and item.id != first["Growth"].id
                       and item.name.isascii())
        files["en"].append(_files(context, english.id, "Growth", folder / "en"))
        for tier in TIERS:
            item = first[tier]
            context.accounts.update(item.id, {"language": "zh_CN"})
            _redo_agendas(context, item.id)
            files["zh_CN"].append(_files(context, item.id, tier, folder / tier))
        return files
    finally:
        context.close()


def _deck_text(path: Path) -> tuple[str, list[Any]]:
    deck = Presentation(str(path))
    texts, runs = [], []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
                runs += [run for p in shape.text_frame.paragraphs for run in p.runs]
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        texts.append(cell.text)
                        runs += [run for p in cell.text_frame.paragraphs for run in p.runs]
            if getattr(shape, "has_chart", False) and shape.chart.has_title:
                texts.append(shape.chart.chart_title.text_frame.text)
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(texts), runs


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _mail_text(message: EmailMessage) -> str:
    parsed = email.message_from_bytes(message.as_bytes(), policy=default)
    parts = [str(parsed["Subject"])]
    for part in parsed.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            parts.append(part.get_content())
    return "\n".join(parts)


def _invite_text(data: bytes) -> tuple[str, str, str]:
    calendar = icalendar.Calendar.from_ical(data)
    event = next(iter(calendar.walk("VEVENT")))
    alarm = next(iter(event.walk("VALARM")))
    return str(event["SUMMARY"]), str(event["DESCRIPTION"]), str(alarm["DESCRIPTION"])


def test_the_chinese_decks_are_chinese_with_an_east_asian_face_on_every_run(
        exported: dict[str, list[Files]]) -> None:
    for files in exported["zh_CN"]:
        text, runs = _deck_text(files.deck)
        assert "议程" in text or "执行摘要" in text or "摘要" in text, files.tier
        assert len(CJK.findall(text)) > 200, files.tier
        assert english_left(text) == [], files.tier
        assert not files.story or CJK.search(files.story), files.tier
        assert runs
        for run in runs:
            properties = run._r.find(f"{A}rPr")
            assert properties is not None and properties.get("lang") == "zh-CN"
            assert properties.find(f"{A}ea").get("typeface") == EAST_ASIAN_FACE


def test_the_chinese_briefs_and_handouts_say_it_in_chinese(
        exported: dict[str, list[Files]]) -> None:
    for files in exported["zh_CN"]:
        for path in (files.brief, files.handout):
            text = _pdf_text(path)
            assert len(CJK.findall(text)) > 50, (files.tier, path.name)
            assert "健康" in text or "行动项" in text
            assert english_left(text) == [], (files.tier, path.name)
        if files.meeting is not None:
            assert day_words(files.meeting, catalogue("zh_CN")) in _pdf_text(files.brief)


def test_the_chinese_emails_and_invite_are_chinese(exported: dict[str, list[Files]]) -> None:
    followups = 0
    for files in exported["zh_CN"]:
        share = _mail_text(files.share)
        assert "演示稿与简报" in str(files.share["Subject"])
        assert "祝好" in share and english_left(share) == [], files.tier
        if files.followup is not None:
            followups += 1
            text = _mail_text(files.followup)
            assert str(files.followup["Subject"]).startswith("会后跟进：")
            assert 'lang="zh-CN"' in text and "行动项" in text
            assert english_left(text) == [], files.tier
        summary, description, reminder = _invite_text(files.invite)
        assert summary == f"季度业务回顾：{files.name}"
        assert description.startswith(f"与{files.name}的季度业务回顾。")
        assert "当地时间" in description and "分钟后开始" in reminder
        assert english_left(" ".join((summary, description, reminder))) == []
    assert followups >= 1


def test_the_english_account_keeps_its_english_files(exported: dict[str, list[Files]]) -> None:
    [files] = exported["en"]
    deck_text, runs = _deck_text(files.deck)
    texts = {"deck": deck_text, "brief": _pdf_text(files.brief),
             "handout": _pdf_text(files.handout), "share": _mail_text(files.share),
             "invite": " ".join(_invite_text(files.invite))}
    if files.followup is not None:
        texts["followup"] = _mail_text(files.followup)
    for where, text in texts.items():
        assert not CJK.search(text), where
    assert "Quarterly business review" in deck_text
    assert str(files.share["Subject"]).endswith(": deck and brief")
    assert texts["invite"].startswith(f"QBR: {files.name} Quarterly business review with")
    assert all(run._r.find(f"{A}rPr").get("lang") is None for run in runs)

