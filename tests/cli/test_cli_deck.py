"""`qbr export deck|brief|handout|email`, in-process over a demo portfolio; the files are read
back with python-pptx, pdftotext and the standard library's email parser."""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from cli_support import open_portfolio
from pptx import Presentation
from tests_support import require_tool

from qbr_desktop.domain.audience.deck import quarter_words
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.exports.file_names import safe_file_name

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """The map picture starts a bare QGuiApplication when none runs; the widget tests in
    this process need the full QApplication, so it exists first."""


def _account(db: Path, tier: str = "Strategic") -> str:
    context = open_portfolio(db)
    try:
        accounts = context.accounts.list_accounts()
        return next(a.name for a in accounts if a.tier == tier
                    and context.plans.next_plan(a.id) is not None)
    finally:
        context.close()


def test_deck(qbr: Any, demo_db: Path, tmp_path: Path) -> None:
    name = _account(demo_db)
    out = tmp_path / "deck.pptx"
    result = qbr("--db", demo_db, "export", "deck", name, "--out", out)
    assert result.code == 0, result.err
    assert result.out.startswith(f"{name}: Executive business review, ")
    deck = Presentation(str(out))
    texts = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                     if shape.has_text_frame)
    assert name in texts
    assert len(deck.slides) >= 10
    # The count printed is the file's: the meeting's slides, the divider and the backup.
    meeting = result.out.split(" slides (")[1].split(" for the meeting")[0]
    assert f", {len(deck.slides)} slides ({meeting} for the meeting, " in result.out
    assert int(meeting) < len(deck.slides)


def test_deck_variant_override(qbr: Any, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "digital.pptx"
    result = qbr("--db", demo_db, "export", "deck", _account(demo_db), "--out", out,
                 "--variant", "digital")
    assert result.code == 0, result.err
    assert "Digital business review" in result.out
    assert len(Presentation(str(out)).slides) >= 10


@pytest.mark.parametrize("kind", ["brief", "handout"])
def test_pdfs(qbr: Any, demo_db: Path, tmp_path: Path, kind: str) -> None:
    pdftotext = require_tool("pdftotext")
    name = _account(demo_db, "Growth")
    out = tmp_path / f"{kind}.pdf"
    result = qbr("--db", demo_db, "export", kind, name, "--out", out)
    assert result.code == 0, result.err
    text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert name.split()[0] in text


def test_email(qbr: Any, demo_db: Path, tmp_path: Path) -> None:
    name = _account(demo_db)
    out = tmp_path / "qbr.eml"
    result = qbr("--db", demo_db, "export", "email", name, "--out", out)
    assert result.code == 0, result.err
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert message["X-Unsent"] == "1"
    assert name in str(message["Subject"])
    attachments = list(message.iter_attachments())
    assert [part.get_content_type() for part in attachments] == [PPTX, "application/pdf"]
    quarter = quarter_words(Quarter.containing(date.today()))
    assert [part.get_filename() for part in attachments] == [
        safe_file_name(name, ".pptx", quarter=quarter),
        safe_file_name(name, ".pdf", quarter=quarter, kind="QBR brief")]
    deck = tmp_path / "attached.pptx"
    deck.write_bytes(attachments[0].get_content())
    slides = Presentation(str(deck)).slides
    assert len(slides) >= 10
    # The customer's copy: no talking points or prompts in its notes.
    assert not any("Ask:" in s.notes_slide.notes_text_frame.text
                   for s in slides if s.has_notes_slide)
    assert attachments[1].get_content().startswith(b"%PDF")
    raw = out.read_bytes()
    # The en dash: RFC 2231 (filename*=utf-8'' or its continuations), never raw 8-bit bytes.
    assert re.search(rb"filename\*(0\*)?=utf-8''", raw)
    assert raw.isascii()
    assert b"\r\n" in raw


@pytest.mark.parametrize(("command", "out"), [("deck", "deck.ppt"), ("brief", "brief.docx"),
                                               ("handout", "handout"), ("email", "mail.msg")])
def test_a_wrong_extension_fails_in_one_line(qbr: Any, demo_db: Path, tmp_path: Path,
                                              command: str, out: str) -> None:
    result = qbr("--db", demo_db, "export", command, "Anything", "--out", tmp_path / out)
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith("qbr: ")
    assert not (tmp_path / out).exists()


@pytest.mark.parametrize("command", ["deck", "brief", "handout", "email"])
def test_an_unknown_account_fails_in_one_line(qbr: Any, demo_db: Path, tmp_path: Path,
                                               command: str) -> None:
    suffix = {"deck": ".pptx", "email": ".eml"}.get(command, ".pdf")
    result = qbr("--db", demo_db, "export", command, "No Such Account", "--out",
                 tmp_path / f"x{suffix}")
    assert result.code == 1
    assert result.err == "qbr: No account is called or numbered “No Such Account”\n"


def test_all_upcoming(qbr: Any, demo_db: Path, tmp_path: Path) -> None:
    context = open_portfolio(demo_db)
    try:
        expected = {row.account_name for row in context.plans.upcoming(30)
                    if row.review_id is not None}
    finally:
        context.close()
    assert expected
    folder = tmp_path / "decks"
    result = qbr("--db", demo_db, "export", "deck", "--all-upcoming", "--days", "30",
                 "--out", folder)
    assert result.code == 0, result.err
    quarter = quarter_words(Quarter.containing(date.today()))
    written = sorted(path.name for path in folder.iterdir())
    assert written == sorted(safe_file_name(name, ".pptx", quarter=quarter)
                             for name in expected)
    lines = result.out.strip().splitlines()
    assert len(lines) == len(expected) + 1
    assert lines[-1] == f"{len(expected)} of {len(expected)} decks written to {folder}"
    for path in folder.iterdir():
        assert len(Presentation(str(path)).slides) >= 10


def test_deck_needs_an_account_or_all_upcoming(qbr: Any, demo_db: Path, tmp_path: Path) -> None:
    result = qbr("--db", demo_db, "export", "deck", "--out", tmp_path / "d.pptx")
    assert result.code == 1 and result.err.count("\n") == 1
    both = qbr("--db", demo_db, "export", "deck", "Acme", "--all-upcoming", "--out", tmp_path)
    assert both.code == 1 and both.err.count("\n") == 1
