"""The figure-heavy slides of the QBR deck: usage and support trends, peers, risks, the
renewal, the people in the room, commitments, expansion options and the appendix. Each
drawer returns (talking points, a question for the room); deck_pages.DRAWERS holds them
with the rest."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from qbr_desktop.domain.audience.deck import next_due
from qbr_desktop.domain.deck import (
    STATUS_WORDS,
    ChartData,
    KpiFigure,
    PersonFigure,
    Series,
    SlideKind,
    card_lines,
    day_words,
    weekday_words,
)
from qbr_desktop.domain.slide_kinds import drawn_kinds
from qbr_desktop.exports.deck_slides import (
    BAD,
    BODY_PT,
    CAPTION_PT,
    CARD_FILL,
    GOOD,
    HEADING_PT,
    INK,
    MUTED,
    SMALL_PT,
    Page,
    chart_summary,
    has_points,
    money,
)

Notes = tuple[list[str], str]  # talking points, and the question to ask
MAX_PEOPLE = 12
CARDS_H = Inches(1.55)


def _points(cards: Sequence[KpiFigure], page: Page) -> list[str]:
    return card_lines(cards, page.book)


def _charts_below(page: Page, cards: Sequence[KpiFigure],
                  charts: Sequence[ChartData | None], headline: str = "") -> None:
    """Cards across the top (or the headline), the charts side by side below."""
    f = page.frame
    top = f.body_top
    if headline:
        page.text(headline, f.margin, top, f.body_width, Inches(0.5), largest=HEADING_PT,
                  smallest=SMALL_PT, bold=True, colour=INK)
        top += Inches(0.6)
    if cards:
        page.cards(cards, top, CARDS_H)
        top += CARDS_H + Inches(0.2)
    shown = [c for c in charts if c is not None and has_points(c)]
    span = 12 // max(len(shown), 1)
    for index, data in enumerate(shown):
        left, width = page.columns(index * span, span)
        page.chart(data, left, top, width, f.body_bottom - top)


def _usage(page: Page) -> Notes:
    c = page.content
    _charts_below(page, c.usage_cards, (c.usage_chart, c.breadth_chart), c.usage_headline)
    return ([c.usage_headline, *_points(c.usage_cards, page),
             chart_summary(c.breadth_chart, page.book)],
            page.gettext("Which teams are not using it yet, and what would bring them in?"))


def _support(page: Page) -> Notes:
    c = page.content
    _charts_below(page, c.support_cards, (c.support_chart, c.csat_chart))
    return ([*_points(c.support_cards, page), chart_summary(c.csat_chart, page.book)],
            page.gettext("Which support topics cost your teams the most time?"))


def _adoption(page: Page) -> Notes:
    c, f = page.content, page.frame
    chart = c.adoption_chart if has_points(c.adoption_chart) else None
    notes = list(c.adoption_notes)
    if chart is not None:
        left, width = page.columns(0, 7 if notes else 12)
        page.chart(chart, left, f.body_top, width, f.body_height)
    if notes:
        left, width = page.columns(7, 5) if chart is not None else page.columns(0, 12)
        page.rect(left, f.body_top, width, f.body_height, CARD_FILL)
        page.rect(left, f.body_top, width, Inches(0.85), page.accent)
        page.text(page.gettext("Your figures and comparable customers'"), left + Inches(0.15),
                  f.body_top, width - Inches(0.3), Inches(0.85), largest=HEADING_PT - 2,
                  smallest=SMALL_PT, bold=True, colour="FFFFFF", anchor=MSO_ANCHOR.MIDDLE)
        page.bullets(notes, left + Inches(0.15), f.body_top + Inches(1.0),
                     width - Inches(0.3), f.body_height - Inches(1.15), largest=BODY_PT)
    return ([chart_summary(chart, page.book), *notes[:2]],
            page.gettext("Where do your teams get stuck, and what would help them use more "
                         "of it?"))


def _risks(page: Page) -> Notes:
    c, f = page.content, page.frame
    caption = Inches(0.4)
    width, height = min(Inches(8.6), int(f.body_width * 0.72)), f.body_height - caption
    qw, qh, pad = width // 2, height // 2, Inches(0.08)
    labels = {(False, True): page.gettext("High impact · less likely"),
              (True, True): page.gettext("High impact · likely"),
              (False, False): page.gettext("Low impact · less likely"),
              (True, False): page.gettext("Low impact · likely")}
    overflow: list[str] = []
    for (likely, severe), label in labels.items():
        x = f.margin + (qw if likely else 0)
        y = f.body_top + (0 if severe else qh)
        page.rect(x, y, qw, qh, "FDF1F1" if likely and severe else "F5F7FA", line="D2D6DC")
        page.text(label, x, y, qw, Inches(0.35), largest=CAPTION_PT, smallest=CAPTION_PT,
                  bold=True, colour=MUTED)
        items = sorted((r for r in c.risks if (_level(r.likelihood) >= 3) == likely
                        and (_level(r.impact) >= 3) == severe),
                       key=lambda r: -(r.likelihood + r.impact))
        box_w, box_h = (qw - 3 * pad) // 2, Inches(0.6)
        rows = max((qh - Inches(0.4) - pad) // (box_h + pad), 1)
        room = rows * 2 if len(items) <= rows * 2 else rows * 2 - 1
        for index, risk in enumerate(items[:room]):
            box = page.rect(x + pad + (index % 2) * (box_w + pad),
                            y + Inches(0.4) + (index // 2) * (box_h + pad), box_w, box_h,
                            BAD if risk.kind == "risk" else GOOD)
            page.write(box, risk.title, CAPTION_PT, CAPTION_PT, bold=False, colour="FFFFFF",
                       align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)
        if len(items) > room:
            index = room
            page.text(page.gettext("+{count} more in the notes", count=len(items) - room),
                      x + pad + (index % 2) * (box_w + pad),
                      y + Inches(0.4) + (index // 2) * (box_h + pad), box_w, box_h,
                      largest=CAPTION_PT, smallest=CAPTION_PT, colour=MUTED)
            overflow.extend(r.title for r in items[room:])
    page.text(page.gettext("Likelihood →"), f.margin, f.body_top + height, width, caption,
              largest=CAPTION_PT, smallest=CAPTION_PT, colour=MUTED, align=PP_ALIGN.RIGHT)
    legend_x = f.margin + width + Inches(0.4)
    legend_w = f.body_width - width - Inches(0.4)
    risks = [r for r in c.risks if r.kind == "risk"]
    chances = [r for r in c.risks if r.kind != "risk"]
    page.rect(legend_x, f.body_top, legend_w, f.body_height, CARD_FILL)
    for index, (colour, words) in enumerate((
            (BAD, page.gettext("Risks: {count}", count=len(risks))),
            (GOOD, page.gettext("Opportunities: {count}", count=len(chances))))):
        y = f.body_top + Inches(0.2) + index * Inches(0.55)
        page.rect(legend_x + Inches(0.15), y + Inches(0.1), Inches(0.25), Inches(0.25), colour)
        page.text(words, legend_x + Inches(0.5), y, legend_w - Inches(0.6), Inches(0.45),
                  largest=SMALL_PT + 2, smallest=CAPTION_PT)
    top = max(c.risks, key=lambda r: r.likelihood * r.impact)
    page.text(page.gettext("Most pressing: {title}", title=top.title), legend_x + Inches(0.15),
              f.body_top + Inches(1.4), legend_w - Inches(0.3), f.body_height - Inches(1.6),
              largest=SMALL_PT + 2, smallest=CAPTION_PT, colour=INK)
    if overflow:
        page.extra_notes.append(page.gettext("Also on the matrix:") + "\n"
                                + "\n".join(overflow))
    return ([page.gettext("{risks} risks and {chances} opportunities.", risks=len(risks),
                          chances=len(chances)),
             page.gettext("Most pressing: {title} (likelihood {likelihood}, impact {impact}).",
                          title=top.title, likelihood=top.likelihood, impact=top.impact)],
            page.gettext("What are we missing, and which of these would you rate "
                         "differently?"))


def _level(value: int) -> int:
    return min(max(int(value), 1), 5)


def _renewal(page: Page) -> Notes:
    c, f = page.content, page.frame
    renewal = c.renewal
    assert renewal is not None
    page.cards(renewal.cards, f.body_top, Inches(1.9))
    top = f.body_top + Inches(2.2)
    chart = c.usage_chart if has_points(c.usage_chart) else None
    left, width = page.columns(0, 6 if chart else 12)
    page.rect(left, top, width, Inches(0.6), page.accent)
    page.text(page.gettext("Before the renewal"), left + Inches(0.2), top, width - Inches(0.4),
              Inches(0.6), largest=HEADING_PT, smallest=SMALL_PT, bold=True,
              colour="FFFFFF", anchor=MSO_ANCHOR.MIDDLE)
    page.rect(left, top + Inches(0.6), width, f.body_bottom - top - Inches(0.6), CARD_FILL)
    page.bullets(list(renewal.points), left + Inches(0.2), top + Inches(0.75),
                 width - Inches(0.4), f.body_bottom - top - Inches(0.9))
    if chart is not None:
        left, width = page.columns(6, 6)
        page.chart(chart, left, top, width, f.body_bottom - top)
    return ([page.gettext("Renewal on {date}.",
                          date=day_words(renewal.renewal_date, page.book)), *renewal.points],
            page.gettext("Who on your side needs to be part of the renewal, and by when?"))


# The people in the room -----------------------------------------------------------------------
def chart_people(people: Sequence[PersonFigure]) -> tuple[list[PersonFigure], list[str]]:
    """Who the slide draws: the attendees and whom they report to up the map (so their
    reporting lines connect), or without attendees the leaders and their direct reports;
    at most MAX_PEOPLE, the rest named in the notes."""
    by_key = {p.key: p for p in people}
    chosen = [p for p in people if p.attending]
    if not chosen:
        roots = [p for p in people if p.manager not in by_key]
        chosen = roots + [p for p in people if p.manager in {r.key for r in roots}]
    wanted: dict[int, PersonFigure] = {}
    for person in chosen:
        chain: PersonFigure | None = person
        while chain is not None and chain.key not in wanted:
            wanted[chain.key] = chain
            chain = by_key.get(chain.manager) if chain.manager is not None else None
    drawn = list(wanted.values())[:MAX_PEOPLE]
    keys = {p.key for p in drawn}
    left_off = [p.name for p in wanted.values() if p.key not in keys]
    return drawn, left_off


def _depths(people: Sequence[PersonFigure]) -> dict[int, int]:
    keys = {p.key: p for p in people}
    depth: dict[int, int] = {}

    def of(person: PersonFigure, seen: frozenset[int] = frozenset()) -> int:
        if person.key in depth:
            return depth[person.key]
        manager = keys.get(person.manager) if person.manager is not None else None
        value = 0 if manager is None or manager.key in seen else of(
            manager, seen | {person.key}) + 1
        depth[person.key] = value
        return value

    for person in people:
        of(person)
    return depth


def _stakeholders(page: Page) -> Notes:
    c, f = page.content, page.frame
    drawn, left_off = chart_people(c.stakeholders)
    attending = [p for p in c.stakeholders if p.attending]
    area_left, area_width = page.columns(0, 8) if attending else page.columns(0, 12)
    if attending:
        left, width = page.columns(8, 4)
        page.rect(left, f.body_top, width, f.body_height, CARD_FILL)
        page.rect(left, f.body_top, width, Inches(0.6), page.accent)
        page.text(page.gettext("In the room today"), left + Inches(0.15), f.body_top,
                  width - Inches(0.3), Inches(0.6), largest=HEADING_PT, smallest=SMALL_PT,
                  bold=True, colour="FFFFFF", anchor=MSO_ANCHOR.MIDDLE)
        page.bullets([page.gettext("{name}, {title}", name=p.name, title=p.title)
                      if p.title else p.name for p in attending],
                     left + Inches(0.15), f.body_top + Inches(0.75), width - Inches(0.3),
                     f.body_height - Inches(0.9), largest=BODY_PT)
    _org_chart(page, drawn, area_left, area_width)
    if left_off:
        page.extra_notes.append(page.gettext("Also involved (not drawn):") + "\n"
                                + "\n".join(left_off))
    return ([page.gettext("{people} people on the map; {attending} attending today.",
                          people=len(c.stakeholders), attending=len(attending)),
             page.gettext("Introduce each attendee by the outcome they own.")],
            page.gettext("Who else should be in the room next quarter?"))


def _org_chart(page: Page, drawn: Sequence[PersonFigure], area_left: int,
               area_width: int) -> None:
    """Boxes by reporting level, lines from each manager to their reports; attendees in
    the accent colour. Names at 16 pt at most, titles at 12: readable when projected."""
    f = page.frame
    depth = _depths(drawn)
    per_row = max(int((area_width + Inches(0.2)) // (Inches(1.9) + Inches(0.2))), 2)
    rows: list[list[PersonFigure]] = []
    for level in sorted(set(depth.values())):
        members = [p for p in drawn if depth[p.key] == level]
        rows += [members[i:i + per_row] for i in range(0, len(members), per_row)]
    gap_y, gap_x = Inches(0.4), Inches(0.2)
    box_h = min(Inches(1.3), (f.body_height - gap_y * (len(rows) - 1)) // max(len(rows), 1))
    box_w = min(Inches(2.6), (area_width - gap_x * (per_row - 1)) // per_row)
    places: dict[int, tuple[int, int]] = {}
    for number, row in enumerate(rows):
        y = f.body_top + number * (box_h + gap_y)
        span = len(row) * box_w + (len(row) - 1) * gap_x
        x0 = area_left + (area_width - span) // 2
        for index, person in enumerate(row):
            x = x0 + index * (box_w + gap_x)
            places[person.key] = (x, y)
            ink = "FFFFFF" if person.attending else INK
            page.rect(x, y, box_w, box_h, page.accent if person.attending else "E4E7EB",
                      line=None if person.attending else "9AA5B1")
            name_h = int(box_h * 0.45)
            page.text(person.name, x + Inches(0.05), y + Inches(0.04), box_w - Inches(0.1),
                      name_h, largest=SMALL_PT + 2, smallest=CAPTION_PT, bold=True,
                      colour=ink, align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.BOTTOM)
            if person.title:
                page.text(person.title, x + Inches(0.05), y + name_h, box_w - Inches(0.1),
                          box_h - name_h - Inches(0.04), largest=CAPTION_PT,
                          smallest=CAPTION_PT, colour=ink, align=PP_ALIGN.CENTER)
    for person in drawn:
        if person.manager is None or person.manager not in places:
            continue
        (mx, my), (px, py) = places[person.manager], places[person.key]
        line = page.slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, mx + box_w // 2,
                                               my + box_h, px + box_w // 2, py)
        line.line.color.rgb = RGBColor.from_string(MUTED)
        line.line.width = Pt(1.5)


# Commitments, options and the appendix --------------------------------------------------------
def next_review_band(page: Page) -> int:
    """The next review's date in a band at the foot of the body; the top of the band."""
    c, f = page.content, page.frame
    assert c.next_qbr is not None
    height = Inches(0.7)
    top = f.body_bottom - height
    page.rect(f.margin, top, f.body_width, height, page.accent)
    page.text(page.gettext("Next review: {date}", date=weekday_words(c.next_qbr, page.book)),
              f.margin + Inches(0.2), top,
              f.body_width - Inches(0.4), height, largest=HEADING_PT, smallest=SMALL_PT,
              bold=True, colour="FFFFFF", anchor=MSO_ANCHOR.MIDDLE)
    return top - Inches(0.15)


def _actions(page: Page) -> Notes:
    c, f = page.content, page.frame
    shown_next = c.next_qbr is not None and SlideKind.NEXT_QBR not in drawn_kinds(c.outline)
    book = page.book
    rows = [(a.text, page.gettext("Ours") if a.side == "ours" else page.gettext("Yours"),
             a.owner, day_words(a.due, book) if a.due else "—",
             page.gettext(STATUS_WORDS.get(a.status, a.status))) for a in c.actions]
    if shown_next:
        page.frame_bottom = next_review_band(page)
    ours = sum(1 for a in c.actions if a.side == "ours")
    overdue = sum(1 for a in c.actions if a.status == "overdue")
    open_items = [a for a in c.actions if a.is_open]
    soonest = next_due(c.actions)
    top = f.body_top
    if len(c.actions) <= 5:  # room for the figures above the list
        cards = [KpiFigure(str(len(open_items)), page.gettext("Open commitments"),
                           page.gettext("{count} overdue", count=overdue) if overdue
                           else page.gettext("none overdue")),
                 KpiFigure(f"{ours} · {len(c.actions) - ours}", page.gettext("Ours · yours"),
                           "")]
        if soonest is not None and soonest.due is not None:
            cards.append(KpiFigure(day_words(soonest.due, book), page.gettext("Next due"),
                                   soonest.text))
        page.cards(cards, top, Inches(1.45))
        top += Inches(1.65)
    page.table((page.gettext("Action"), page.gettext("Whose"), page.gettext("Owner"),
                page.gettext("Due"), page.gettext("Status")), rows, f.margin, top,
               f.body_width, (4.6, 1.0, 2.0, 1.6, 1.4))
    page.frame_bottom = None
    return ([page.gettext("{count} actions: {ours} ours, {yours} yours.",
                          count=len(c.actions), ours=ours, yours=len(c.actions) - ours),
             page.gettext("{count} overdue.", count=overdue) if overdue else "",
             page.gettext("Next due: {action} ({date}).", action=soonest.text,
                          date=day_words(soonest.due, book))
             if soonest is not None and soonest.due else "",
             page.gettext("Next review: {date}.", date=weekday_words(c.next_qbr, book))
             if c.next_qbr else ""],
            page.gettext("Are these owners and dates realistic for your team?"))


def _expansion(page: Page) -> Notes:
    c, f = page.content, page.frame
    rows = [(e.title, money(e.added_cost, c.currency), money(e.annual_value, c.currency),
             e.roi, e.payback, e.basis.split(";")[0]) for e in c.expansion]
    page.table((page.gettext("Option"), page.gettext("Added cost"),
                page.gettext("Value a year"), "ROI", page.gettext("Payback"),
                page.gettext("Basis")), rows,
               f.margin, f.body_top, f.body_width, (2.6, 1.4, 1.5, 1.0, 1.3, 3.6))
    top = f.body_top + Inches(0.45) * (min(len(rows), 4) + 1) + Inches(0.3)
    if len(rows) <= 4 and f.body_bottom - top > Inches(2.0):
        symbol = money(Decimal(0), c.currency).replace("0", "").strip()
        page.chart(ChartData(page.gettext("Added cost and value a year, by option"),
                             tuple(e.title for e in c.expansion),
                             (Series(page.gettext("Added cost"), tuple(float(e.added_cost)
                                                                       for e in c.expansion)),
                              Series(page.gettext("Value a year"), tuple(
                                  float(e.annual_value) for e in c.expansion))),
                             number_format=f'"{symbol}"#,##0', unit=c.currency, axis_min=0),
                   f.margin, top, f.body_width, f.body_bottom - top)
    best = max(c.expansion, key=lambda e: e.annual_value - e.added_cost)
    return ([page.gettext("{count} options modelled, each on its own basis:",
                          count=len(c.expansion)),
             *[page.gettext("{label}: {value}", label=e.title, value=e.basis)
               for e in c.expansion if e.basis],
             page.gettext("Strongest case: {option} (ROI {roi}, payback {months}).",
                          option=best.title, roi=best.roi, months=best.payback)],
            page.gettext("Which of these would your budget owner want a business case for?"))


def _appendix(page: Page) -> Notes:
    c, f = page.content, page.frame
    shown = drawn_kinds(c.outline)
    charts: list[ChartData] = [d for d in (c.health_chart,) if d is not None and has_points(d)]
    if SlideKind.ADOPTION not in shown and has_points(c.adoption_chart):
        assert c.adoption_chart is not None
        charts.append(c.adoption_chart)
    if SlideKind.USAGE not in shown:
        charts += [d for d in (c.usage_chart,) if d is not None and has_points(d)]
    if SlideKind.OUTCOMES not in shown:
        charts += [d for d in (c.value_chart, c.scenario_chart)
                   if d is not None and has_points(d)]
    charts = charts[:4]
    across = 1 if len(charts) == 1 else 2
    down = (len(charts) + 1) // 2 if len(charts) > 1 else 1
    w, h = f.body_width // across, f.body_height // down
    for index, data in enumerate(charts):
        page.chart(data, f.margin + (index % across) * w, f.body_top + (index // across) * h,
                   w - Inches(0.15), h - Inches(0.1))
    return ([chart_summary(d, page.book) for d in charts[:3]],
            page.gettext("Is there a metric here you'd like us to track more closely?"))


DATA_DRAWERS: dict[SlideKind, Callable[[Page], Notes]] = {
    SlideKind.USAGE: _usage, SlideKind.ADOPTION: _adoption, SlideKind.SUPPORT: _support,
    SlideKind.RISKS: _risks, SlideKind.RENEWAL: _renewal,
    SlideKind.STAKEHOLDERS: _stakeholders, SlideKind.ACTIONS: _actions,
    SlideKind.EXPANSION: _expansion, SlideKind.APPENDIX: _appendix,
}
