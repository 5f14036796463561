"""The one-page executive brief: the account's quarter on a single sheet.

Account, review, quarter, meeting and next review; then one short section for each slide
kind the one page carries (BRIEF_SECTIONS, keyed on every kind of domain.slide_kinds, None
for those it leaves to the deck), in the table's order, when that kind has something to
say: health and the ROI headline exactly as the deck prints it, the goals, the top three
outcomes, the value story, usage, support, priorities, the renewal, and up to six action
items. A part with nothing to say is left out, as on the slides; the CSM's own list of what
is missing is never printed. Paper is US Letter for USD accounts and A4 otherwise
(pdf_fonts.page_size_for).

One page is guaranteed in two steps: every field is cut to a length with "…", and the whole
brief goes into a KeepInFrame that reportlab shrinks until it fits the single frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from qbr_desktop.atomic_files import replacing
from qbr_desktop.domain.deck import (
    STATUS_WORDS,
    ActionFigure,
    DeckContent,
    SlideKind,
    card_lines,
    day_words,
    weekday_words,
)
from qbr_desktop.domain.roi_story import format_amount
from qbr_desktop.domain.slide_kinds import SPECS, TABLE
from qbr_desktop.exports.pdf_fonts import (
    markup,
    page_size_for,
    plain,
    register_fonts,
    styles,
    truncate,
)
from qbr_desktop.exports.visual_text import isolate
from qbr_desktop.i18n import ENGLISH, N_, Catalogue, catalogue

MARGIN = 40.0
FOOTER_SPACE = 18.0
MAX_OUTCOMES, MAX_PRIORITIES, MAX_ACTIONS = 3, 5, 6
RULE, HEAD_FILL, LINE = "#2f6fde", "#eef2f7", "#d9e2ec"


# Shared with the handout -------------------------------------------------------------------
def para(text: object, style: Any, *, limit: int | None = None, breaks: bool = False) -> Any:
    """A Paragraph of user text: cut to `limit` characters, cleaned and escaped."""
    from qbr_desktop.exports.pdf_text import Paragraph

    value = plain(text) if limit is None else truncate(str(text), limit)
    return Paragraph(markup(text if breaks else value, breaks=breaks), style)


def bullets(items: Sequence[str], style: Any, *, limit: int | None = None) -> list[Any]:
    from qbr_desktop.exports.pdf_text import Paragraph

    return [Paragraph(markup(plain(item) if limit is None else truncate(item, limit)),
                      style, bulletText="•") for item in items]


def table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          sheet: dict[str, Any], *, limit: int | None = None) -> Any:
    """A grid of Paragraph cells (so cells wrap and every string is escaped)."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    data = [[para(cell, sheet["cellhead"]) for cell in header]]
    data += [[para(cell, sheet["cell"], limit=limit) for cell in row] for row in rows]
    grid = Table(data, colWidths=list(widths), repeatRows=1)
    grid.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), sheet["cell"].fontName),  # else Helvetica, not embedded
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEAD_FILL)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(LINE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return grid


def words(content: DeckContent) -> Catalogue:
    """The catalogue of the content's language: the PDFs' own labels are written in it."""
    return catalogue(content.language)


def day(value: date | None, missing: str = N_("not set"), book: Catalogue | None = None) -> str:
    """'14 Dec 2026', the deck's own date format."""
    book = book if book is not None else catalogue(ENGLISH)
    return day_words(value, book) if value is not None else book.gettext(missing)


def action_row(action: ActionFigure, book: Catalogue | None = None) -> list[str]:
    book = book if book is not None else catalogue(ENGLISH)
    owner = action.owner or (book.gettext("us") if action.side == "ours"
                             else book.gettext("customer"))
    return [action.text, owner, day(action.due, N_("no date"), book),
            book.gettext(STATUS_WORDS.get(action.status, action.status))]


def health_words(content: DeckContent) -> tuple[str, str]:
    """('72 / 100', 'up 6 points since last quarter'), or ('', '') without a score."""
    if content.health_score is None:
        return "", ""
    return f"{content.health_score:.0f} / 100", content.health_trend


def roi_words(content: DeckContent) -> str:
    """The ROI headline verbatim, or the ROI and payback texts, or ''."""
    if content.value_headline:
        return content.value_headline
    parts = [text for text in (content.roi_text, content.payback_text) if text]
    return " · ".join(parts)


def footer(canvas: Any, doc: Any, text: str, *, numbered: bool,
           book: Catalogue | None = None) -> None:
    """The account · quarter line at the foot of a page, with the page number if asked."""
    from reportlab.lib.colors import HexColor

    from qbr_desktop.exports.pdf_text import Paragraph

    sheet = styles()
    canvas.saveState()
    canvas.setStrokeColor(HexColor(LINE))
    canvas.setLineWidth(0.5)
    canvas.line(doc.leftMargin, doc.bottomMargin - 6, doc.leftMargin + doc.width,
                doc.bottomMargin - 6)
    width = doc.width - (60 if numbered else 0)
    line = Paragraph(markup(truncate(text, 140)), sheet["muted"])
    _w, height = line.wrap(width, 40)
    line.drawOn(canvas, doc.leftMargin, doc.bottomMargin - 10 - height)
    if numbered:
        canvas.setFont(sheet["body"].fontName, 8)
        canvas.setFillColor(HexColor("#52606d"))
        book = book if book is not None else catalogue(ENGLISH)
        canvas.drawRightString(doc.leftMargin + doc.width, doc.bottomMargin - 18,
                               book.gettext("Page {number}", number=doc.page))
    canvas.restoreState()


def footer_text(content: DeckContent) -> str:
    return f"{isolate(plain(content.account_name))} · {plain(content.quarter)}"


# The brief ---------------------------------------------------------------------------------
def _section(title: str, sheet: dict[str, Any]) -> Any:
    from qbr_desktop.exports.pdf_text import Paragraph

    return Paragraph(markup(title), sheet["h3"])


def _outcome_lines(content: DeckContent) -> list[str]:
    top = sorted(content.value_lines, key=lambda line: line.annual_value, reverse=True)
    return [words(content).gettext(
        "{label}: {amount} a year ({category}, {confidence} confidence)",
        label=truncate(line.label, 90), amount=format_amount(line.annual_value, content.currency),
        category=plain(line.category), confidence=plain(line.confidence))
            for line in top[:MAX_OUTCOMES]]


def _summary(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Table, TableStyle

    score, detail = health_words(content)
    value = roi_words(content)
    cells = []
    if score:
        cells.append([_section(words(content).gettext("Health"), sheet), para(score, sheet["h2"]),
                      para(detail, sheet["body"], limit=160)])
    if value:
        cells.append([_section(words(content).gettext("Return on investment"), sheet),
                      para(value, sheet["h2"], limit=160)])
    if not cells:
        return []
    shares = (0.38, 0.62) if len(cells) == 2 else (1.0,)
    boxes = Table([cells], colWidths=[width * share for share in shares])
    boxes.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), sheet["body"].fontName),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("LINEABOVE", (0, 0), (-1, 0), 1.2, RULE)]))
    return [boxes]


def _goals(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    book = words(content)
    lines = [book.gettext("{label}: {baseline} → now {current} → target {target}",
                          label=truncate(g.label, 90), baseline=g.baseline, current=g.current,
                          target=g.target)
             + ("" if g.progress is None else book.gettext(" ({share} of the way)",
                                                          share=_share(g.progress)))
             for g in content.goals]
    return [_section(book.gettext("Goals"), sheet), *bullets(lines, sheet["body"])]


def _share(progress: float) -> str:
    return f"{progress * 100:.0f}%"


def _outcomes(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    outcomes = _outcome_lines(content)
    return [_section(words(content).gettext("Top outcomes"), sheet),
            *bullets(outcomes, sheet["body"])] if outcomes else []


def _story(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    return [_section(words(content).gettext("The value in your words"), sheet),
            para(content.value_story, sheet["body"], limit=420)]


def _cards(heading: str, lines: Sequence[str], sheet: dict[str, Any]) -> list[Any]:
    return [_section(heading, sheet), *bullets(lines, sheet["body"], limit=170)] \
        if lines else []


def _usage(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    book = words(content)
    lines = [content.usage_headline] if content.usage_headline else [
        book.gettext("{label}: {value}", label=c.label, value=c.value)
        for c in content.usage_cards]
    return _cards(book.gettext("Usage"), lines, sheet)


def _support(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    book = words(content)
    return _cards(book.gettext("Support"), card_lines(content.support_cards, book), sheet)


def _priorities(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    priorities = list(content.priorities or content.recommendations)
    return _cards(words(content).gettext("Priorities for next quarter"),
                  priorities[:MAX_PRIORITIES], sheet)


def _renewal(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    renewal = content.renewal
    assert renewal is not None
    book = words(content)
    return _cards(book.gettext("Renewal"), card_lines(renewal.cards, book), sheet)


def _actions(content: DeckContent, sheet: dict[str, Any], width: float) -> list[Any]:
    book = words(content)
    rows = [action_row(a, book) for a in content.actions[:MAX_ACTIONS]]
    out = [_section(book.gettext("Action items"), sheet),
           table((book.gettext("Action"), book.gettext("Owner"), book.gettext("Due"),
                  book.gettext("Status")), rows,
                 (width * 0.51, width * 0.2, width * 0.17, width * 0.12), sheet, limit=150)]
    extra = len(content.actions) - MAX_ACTIONS
    if extra > 0:
        out.append(para(book.gettext("and {count} more in the handout", count=extra),
                        sheet["muted"]))
    return out


Section = Callable[[DeckContent, dict[str, Any], float], list[Any]]
# What the one page says for each slide kind; None: the kind is left to the deck.
BRIEF_SECTIONS: dict[SlideKind, Section | None] = {
    SlideKind.TITLE: None, SlideKind.AGENDA: None, SlideKind.SUMMARY: _summary,
    SlideKind.GOALS: _goals, SlideKind.OUTCOMES: _outcomes, SlideKind.VALUE_STORY: _story,
    SlideKind.USAGE: _usage, SlideKind.ADOPTION: None, SlideKind.SUPPORT: _support,
    SlideKind.ROADMAP: None, SlideKind.RECOMMENDATIONS: _priorities, SlideKind.RISKS: None,
    SlideKind.RENEWAL: _renewal, SlideKind.STAKEHOLDERS: None, SlideKind.TOPICS: None,
    SlideKind.ACTIONS: _actions, SlideKind.NEXT_QBR: None,  # in the header line
    SlideKind.EXPANSION: None, SlideKind.APPENDIX: None,
}


def brief_flowables(content: DeckContent, width: float) -> list[Any]:
    from reportlab.platypus import Spacer

    sheet = styles(9.5)
    book = words(content)
    head = [para(content.account_name, sheet["h1"], limit=70)]
    prepared = day(content.prepared_on, book=book)
    review = [book.gettext(content.variant.words), content.quarter,
              book.gettext("prepared {date} by {name}", date=prepared,
                           name=isolate(content.csm_name)) if content.csm_name
              else book.gettext("prepared {date}", date=prepared)]
    if content.meeting_date:
        review.append(book.gettext("meeting {date}",
                                   date=weekday_words(content.meeting_date, book)))
    if content.next_qbr:
        review.append(book.gettext("next review {date}",
                                   date=weekday_words(content.next_qbr, book)))
    head.append(para(" · ".join(plain(p) for p in review if p), sheet["muted"], limit=260))
    story: list[Any] = [*head, Spacer(1, 6)]
    for spec in TABLE:
        section = BRIEF_SECTIONS[spec.kind]
        if section is not None and SPECS[spec.kind].present(content):
            story += section(content, sheet, width)
    return story


def write_brief(content: DeckContent, out: Path) -> Path:
    """Write the one-page brief to `out` atomically; returns the path."""
    from reportlab.platypus import BaseDocTemplate, Frame, KeepInFrame, PageTemplate

    out = Path(out)
    register_fonts()
    pagesize = page_size_for(content.currency)
    with replacing(out) as temporary:
        doc = BaseDocTemplate(
            str(temporary), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN, bottomMargin=MARGIN + FOOTER_SPACE,
            title=plain(words(content).gettext("{account}: {quarter} executive brief",
                                               account=content.account_name,
                                               quarter=content.quarter)),
            author=plain(content.csm_name),
            subject=plain(words(content).gettext(content.variant.words)),
            creator="QBR Desktop", initialFontName=register_fonts().main_font)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="brief",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        text = footer_text(content)
        doc.addPageTemplates([PageTemplate(
            id="brief", frames=[frame],
            onPage=lambda canvas, d: footer(canvas, d, text, numbered=False))])
        fitted = KeepInFrame(doc.width, doc.height, brief_flowables(content, doc.width),
                             mode="shrink")
        doc.build([fitted])
    return out
