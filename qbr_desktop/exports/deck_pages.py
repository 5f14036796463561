"""What each slide of the QBR deck holds: one drawer per slide kind (DRAWERS, keyed on
every kind of domain.slide_kinds), each drawing on its Page and returning the speaker notes
(talking points and a question for the room). deck_pptx.py assembles the deck from these;
the figure-heavy slides are in deck_pages_data.py.

Every drawer keeps to the grid and the type scale of deck_slides, and fills its body: a
slide the arrangement kept has something to say, so no drawer writes a placeholder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from qbr_desktop.domain.audience.deck_figures import HEALTH_SCORE
from qbr_desktop.domain.customer_words import listed
from qbr_desktop.domain.deck import (
    KpiFigure,
    SlideKind,
    SlidePlan,
    card_lines,
    day_words,
    weekday_words,
)
from qbr_desktop.exports.deck_pages_data import DATA_DRAWERS, Notes, next_review_band
from qbr_desktop.exports.deck_slides import (
    BODY_PT,
    CAPTION_PT,
    CARD_FILL,
    DISPLAY_PT,
    HEADING_PT,
    INK,
    MUTED,
    SMALL_PT,
    Page,
    chart_summary,
    has_points,
    isolate,
    money,
)

Drawer = Callable[[Page], Notes]


def draw_slide(page: Page, plan: SlidePlan | None) -> Notes:
    if plan is None:
        return _divider(page)
    return DRAWERS[plan.kind](page)


def _title(page: Page) -> Notes:
    c, f = page.content, page.frame
    book = page.book
    prepared = day_words(c.prepared_on, book)
    lines = [page.gettext("Prepared {date} by {name}", date=prepared, name=isolate(c.csm_name))
             if c.csm_name.strip() else page.gettext("Prepared {date}", date=prepared)]
    if c.meeting_words:
        lines.append(page.gettext("Meeting: {when}", when=c.meeting_words))
    elif c.meeting_date is not None:
        lines.append(page.gettext("Meeting: {when}", when=weekday_words(c.meeting_date, book)))
    review = page.gettext(c.variant.words)
    if page.own_style:
        page.title(c.account_name, top=Inches(2.0), height=Inches(1.5), largest=DISPLAY_PT,
                   smallest=28)
        page.text(f"{review} · {c.quarter}", f.margin, Inches(3.6), f.body_width,
                  Inches(0.7), largest=28, smallest=18, colour=page.accent)
        page.text("\n".join(lines), f.margin, Inches(4.4), f.body_width, Inches(1.0),
                  largest=18, smallest=CAPTION_PT, colour=MUTED)
    else:
        panel = int(f.width * 0.38)
        page.rect(0, 0, panel, f.height, page.accent)
        page.text(review, f.margin, int(f.height * 0.3), panel - 2 * f.margin,
                  Inches(1.3), largest=32, smallest=20, bold=True, colour="FFFFFF",
                  anchor=MSO_ANCHOR.BOTTOM)
        page.text(c.quarter, f.margin, int(f.height * 0.3) + Inches(1.4),
                  panel - 2 * f.margin, Inches(0.7), largest=28, smallest=18,
                  colour="FFFFFF")
        left = panel + Inches(0.6)
        width = f.width - left - f.margin
        page.title(c.account_name, top=int(f.height * 0.3), height=Inches(1.6), left=left,
                   width=width, largest=DISPLAY_PT, smallest=28)
        page.rect(left + Inches(0.1), int(f.height * 0.3) + Inches(1.75), Inches(1.2),
                  Inches(0.08), page.accent)
        page.text("\n".join(lines), left, int(f.height * 0.3) + Inches(2.0), width,
                  Inches(1.4), largest=18, smallest=CAPTION_PT, colour=MUTED)
    return ([page.gettext("This is the {review} for {quarter}.",
                          review=review[:1].lower() + review[1:], quarter=c.quarter),
             page.gettext("Agenda: the outcomes first, then what comes next, and we end with "
                          "commitments.")],
            page.gettext("What would make this hour most useful for you?"))


def numbered_rows(page: Page, items: Sequence[str], top: int, bottom: int, *,
                  area: tuple[int, int] | None = None) -> int:
    """Numbered cards down the body (or down `area`, a (left, width) column), in two
    columns when there are more than five; the count drawn (the rest go to the notes)."""
    two = len(items) > 5 and area is None
    per_column = (len(items) + 1) // 2 if two else len(items)
    gap = Inches(0.15)
    row = min(Inches(1.6), (bottom - top - gap * (per_column - 1)) // max(per_column, 1))
    if row < Inches(0.5):
        per_column = int((bottom - top + gap) // (Inches(0.5) + gap))
        row = Inches(0.5)
    shown = list(items)[:per_column * (2 if two else 1)]
    for index, item in enumerate(shown):
        column, place = divmod(index, per_column)
        left, width = (area if area is not None else page.columns(6 * column, 6) if two
                       else page.columns(0, 12))
        y = top + place * (row + gap)
        page.rect(left, y, width, row, CARD_FILL)
        badge = min(row, Inches(0.8))
        page.rect(left, y, badge, row, page.accent)
        page.text(str(index + 1), left, y, badge, row, largest=HEADING_PT + 4,
                  smallest=SMALL_PT, bold=True, colour="FFFFFF", align=PP_ALIGN.CENTER,
                  anchor=MSO_ANCHOR.MIDDLE)
        page.text(item, left + badge + Inches(0.15), y, width - badge - Inches(0.2), row,
                  largest=HEADING_PT, smallest=CAPTION_PT, anchor=MSO_ANCHOR.MIDDLE)
    hidden = list(items)[len(shown):]
    if hidden:
        page.extra_notes.append(page.gettext("Also on the list:") + "\n" + "\n".join(hidden))
    return len(shown)


def _agenda(page: Page) -> Notes:
    c, f = page.content, page.frame
    top = f.body_top
    if c.meeting_words:
        page.text(c.meeting_words, f.margin, top, f.body_width, Inches(0.45),
                  largest=SMALL_PT + 2, smallest=CAPTION_PT, colour=MUTED)
        top += Inches(0.55)
    numbered_rows(page, c.agenda, top, f.body_bottom)
    return ([page.ngettext("{count} topic; the forward-looking ones get most of the time.",
                           "{count} topics; the forward-looking ones get most of the time.",
                           len(c.agenda)),
             page.gettext("Ask whether anything is missing before starting.")],
            page.gettext("Is there anything you want to make sure we cover today?"))


def _summary(page: Page) -> Notes:
    c, f = page.content, page.frame
    cards_h = Inches(1.9)
    page.cards(c.summary_cards, f.body_top, cards_h)
    top = f.body_top + cards_h + Inches(0.3)
    height = f.body_bottom - top
    items = list(c.priorities[:3] or c.recommendations[:3])
    chart = c.health_chart if has_points(c.health_chart) else None
    if items:
        left, width = page.columns(0, 6 if chart else 12)
        page.text(page.gettext("Priorities for next quarter") if c.priorities
                  else page.gettext("What we recommend"),
                  left, top, width, Inches(0.45), largest=HEADING_PT, smallest=SMALL_PT,
                  bold=True, colour=page.accent)
        page.bullets(items, left, top + Inches(0.5), width, height - Inches(0.5))
    if chart is not None:
        left, width = page.columns(6, 6) if items else page.columns(0, 12)
        page.chart(chart, left, top, width, height)
    points = kpi_points(c.summary_cards, page)
    if c.priorities:
        points.append(page.gettext("First priority: {item}", item=c.priorities[0]))
    return points, page.gettext("Does this match how your team would sum up the quarter?")


def _goals(page: Page) -> Notes:
    c, f = page.content, page.frame
    goals = list(c.goals)
    gap = Inches(0.2)
    row = min(Inches(2.4), (f.body_height - gap * (len(goals) - 1)) // len(goals))
    big = row >= Inches(1.6)  # few goals: a larger type size, the bar thicker
    for index, goal in enumerate(goals):
        y = f.body_top + index * (row + gap)
        page.rect(f.margin, y, f.body_width, row, CARD_FILL)
        page.rect(f.margin, y, Inches(0.12), row, page.accent)
        left, width = page.columns(0, 4)
        page.text(goal.label, left + Inches(0.25), y, width - Inches(0.15), row,
                  largest=HEADING_PT + (4 if big else 0), smallest=CAPTION_PT, bold=True,
                  anchor=MSO_ANCHOR.MIDDLE)
        left, width = page.columns(4, 6)
        half = row // 2
        page.text(page.gettext("From {baseline}  ·  now {current}  ·  target {target}",
                               baseline=goal.baseline, current=goal.current,
                               target=goal.target),
                  left, y, width, half, largest=HEADING_PT if big else SMALL_PT + 2,
                  smallest=CAPTION_PT, colour=INK, anchor=MSO_ANCHOR.BOTTOM)
        bar = min(Inches(0.4) if big else Inches(0.24), row // 4)
        page.progress(goal.progress, left + Inches(0.1), y + half + Inches(0.1),
                      width - Inches(0.2), bar)
        left, width = page.columns(10, 2)
        share = "—" if goal.progress is None else f"{goal.progress * 100:.0f}%"
        page.text(share, left, y, width - Inches(0.1), half + Inches(0.1),
                  largest=DISPLAY_PT if big else HEADING_PT + 8, smallest=SMALL_PT, bold=True,
                  colour=page.accent, align=PP_ALIGN.RIGHT, anchor=MSO_ANCHOR.BOTTOM)
        page.text(page.gettext("of the way to target"), left, y + half + Inches(0.1),
                  width - Inches(0.1),
                  half - Inches(0.15), largest=CAPTION_PT + 2, smallest=CAPTION_PT,
                  colour=MUTED, align=PP_ALIGN.RIGHT)
    ahead = [g for g in goals if g.progress is not None and g.progress >= 1]
    return ([page.ngettext("{count} goal; {ahead} at or past target.",
                           "{count} goals; {ahead} at or past target.", len(goals),
                           ahead=len(ahead)) if goals else "",
             page.gettext("Agree next quarter's target for each one before moving on.")],
            page.gettext("Are these still the goals that matter most, and are the targets "
                         "right?"))


def _outcomes(page: Page) -> Notes:
    c, f = page.content, page.frame
    charts = [d for d in (c.value_chart, c.scenario_chart) if d is not None and has_points(d)]
    top = f.body_top
    if c.value_headline:
        page.text(c.value_headline, f.margin, top, f.body_width, Inches(0.6),
                  largest=HEADING_PT + 2, smallest=SMALL_PT, bold=True, colour=page.accent)
        top += Inches(0.7)
    height = f.body_bottom - top
    if c.value_lines:
        left, width = page.columns(0, 7 if charts else 12)
        rows = [(v.label, money(v.annual_value, c.currency),
                 listed([v.basis, v.credit] if v.credit else [v.basis], page.book, "; "),
                 v.confidence)
                for v in c.value_lines]
        page.table((page.gettext("Outcome"), page.gettext("Value a year"),
                    page.gettext("Basis"), page.gettext("Confidence")), rows, left, top, width,
                   (3.0, 1.7, 2.6, 1.5))
    if charts:
        left, width = page.columns(7, 5) if c.value_lines else page.columns(0, 12)
        each = height // len(charts)
        for index, data in enumerate(charts):
            page.chart(data, left, top + index * each, width, each - Inches(0.1))
    points = [page.gettext("Value: {headline}", headline=c.value_headline)
              if c.value_headline else ""]
    if c.value_lines:
        top_line = max(c.value_lines, key=lambda v: v.annual_value)
        points.append(page.gettext(
            "Largest outcome: {label}, {amount} a year ({basis}; {confidence} confidence).",
            label=top_line.label, amount=money(top_line.annual_value, c.currency),
            basis=top_line.basis, confidence=top_line.confidence))
        credited = [v.label for v in c.value_lines if v.credit]
        if credited:
            points.append(page.gettext("Say plainly that {lines} is credited, not measured "
                                       "revenue.", lines=listed(credited, page.book)))
    if c.roi_text or c.payback_text:
        points.append(" · ".join(t for t in (
            page.gettext("ROI {roi}", roi=c.roi_text) if c.roi_text else "",
            page.gettext("payback {months}", months=c.payback_text) if c.payback_text
            else "") if t))
    return points, page.gettext("Which of these outcomes matters most to your leadership "
                                "this quarter?")


def _story(page: Page) -> Notes:
    c, f = page.content, page.frame
    cards = [card for card in c.summary_cards
             if card.label != page.gettext(HEALTH_SCORE)][:3]
    left, width = page.columns(0, 8 if cards else 12)
    page.rect(left, f.body_top, width, f.body_height, CARD_FILL)
    page.rect(left, f.body_top, Inches(0.12), f.body_height, page.accent)
    page.text("“", left + Inches(0.3), f.body_top, Inches(1.0), Inches(1.0),
              largest=72, smallest=40, bold=True, colour=page.accent)
    page.text(c.value_story.strip(), left + Inches(0.4), f.body_top + Inches(0.8),
              width - Inches(0.7), f.body_height - Inches(1.0), largest=26, smallest=16)
    if cards:
        card_left, card_width = page.columns(8, 4)
        gap = Inches(0.2)
        height = (f.body_height - gap * (len(cards) - 1)) // len(cards)
        for index, card in enumerate(cards):
            page.card(card, card_left, f.body_top + index * (height + gap), card_width,
                      height)
    return ([page.gettext("Tell it in their words, then pause and let them react."),
             page.gettext("The figure behind it: {headline}", headline=c.value_headline)
             if c.value_headline else ""],
            page.gettext("What would you add to this story, and who else in your company "
                         "should hear it?"))


def _roadmap(page: Page) -> Notes:
    c, f = page.content, page.frame
    groups: dict[str, list[str]] = {}
    for index, item in enumerate(c.roadmap):
        groups.setdefault(c.goal_of(index), []).append(item)
    also = page.gettext("Also coming")
    if list(groups) == [""]:
        numbered_rows(page, c.roadmap, f.body_top, f.body_bottom)
    else:
        ordered = [(goal, items) for goal, items in groups.items() if goal]
        if "" in groups:
            ordered.append((also, groups[""]))
        gap = Inches(0.15)
        total = sum(len(items) for _goal, items in ordered)
        room = f.body_height - gap * (len(ordered) - 1)
        y = f.body_top
        for goal, items in ordered:
            height = max(int(room * len(items) / total), Inches(0.6))
            if y + height > f.body_bottom + Inches(0.01):
                page.extra_notes.append(f"{goal}:\n" + "\n".join(items))
                continue
            left, width = page.columns(0, 4)
            page.rect(left, y, width, height, page.accent if goal != also else MUTED)
            page.text(goal, left + Inches(0.1), y, width - Inches(0.2), height,
                      largest=HEADING_PT - 2, smallest=CAPTION_PT, bold=True,
                      colour="FFFFFF", anchor=MSO_ANCHOR.MIDDLE)
            left, width = page.columns(4, 8)
            page.rect(left, y, width, height, CARD_FILL)
            page.bullets(items, left + Inches(0.1), y, width - Inches(0.2), height,
                         largest=BODY_PT, anchor=MSO_ANCHOR.MIDDLE)
            y += height + gap
    linked = sum(1 for goal in c.roadmap_goals if goal)
    return ([page.ngettext("{count} item; {linked} tied to a goal. Start with: {first}",
                           "{count} items; {linked} tied to a goal. Start with: {first}",
                           len(c.roadmap), linked=linked, first=c.roadmap[0]),
             page.gettext("Tie each item back to one of their goals.")],
            page.gettext("Which of these would change your team's week the most?"))


def _recommendations(page: Page) -> Notes:
    c, f = page.content, page.frame
    columns = [(t, i) for t, i in ((page.gettext("Recommendations"), c.recommendations),
                                   (page.gettext("Priorities"), c.priorities)) if i]
    if len(columns) == 1:  # one list: tiles for a few items, numbered cards for more
        items = columns[0][1]
        if len(items) <= 3:
            tiles(page, items, f.body_top, f.body_bottom)
        else:
            numbered_rows(page, items, f.body_top, f.body_bottom)
        columns = []
    span = 12 // max(len(columns), 1)
    for index, (heading, items) in enumerate(columns):
        left, width = page.columns(index * span, span)
        page.rect(left, f.body_top, width, Inches(0.6), page.accent)
        page.text(heading, left + Inches(0.15), f.body_top, width - Inches(0.3), Inches(0.6),
                  largest=HEADING_PT, smallest=SMALL_PT, bold=True, colour="FFFFFF",
                  anchor=MSO_ANCHOR.MIDDLE)
        numbered_rows(page, items, f.body_top + Inches(0.75), f.body_bottom,
                      area=(left, width))
    points = [page.gettext("Lead with: {item}", item=c.recommendations[0])
              if c.recommendations else "",
              page.gettext("Their top priority: {item}", item=c.priorities[0])
              if c.priorities else ""]
    return points, page.gettext("Which one should we commit to first, and who owns it on "
                                "your side?")


def tiles(page: Page, items: Sequence[str], top: int, bottom: int) -> None:
    """Items as accent tiles across the grid: one to three in a row, up to six in two."""
    shown = list(items)[:6]
    across = len(shown) if len(shown) <= 3 else 3
    rows = (len(shown) + across - 1) // across
    gap = Inches(0.2)
    height = (bottom - top - gap * (rows - 1)) // rows
    span = 12 // across
    for index, item in enumerate(shown):
        row, column = divmod(index, across)
        left, width = page.columns(column * span, span)
        y = top + row * (height + gap)
        page.rect(left, y, width, height, page.accent)
        page.text(str(index + 1), left + Inches(0.2), y + Inches(0.15), Inches(1.0),
                  Inches(0.8), largest=DISPLAY_PT, smallest=HEADING_PT, bold=True,
                  colour="FFFFFF")
        page.text(item, left + Inches(0.2), y + Inches(1.0), width - Inches(0.4),
                  height - Inches(1.15), largest=HEADING_PT + 4, smallest=SMALL_PT,
                  colour="FFFFFF")
    if len(items) > len(shown):
        page.extra_notes.append(page.gettext("Also to agree:") + "\n"
                                + "\n".join(list(items)[len(shown):]))


def _topics(page: Page) -> Notes:
    c, f = page.content, page.frame
    page.text(page.gettext("To agree together today:"), f.margin, f.body_top, f.body_width,
              Inches(0.45),
              largest=SMALL_PT + 2, smallest=CAPTION_PT, colour=MUTED)
    bottom = f.body_bottom
    if c.next_qbr is not None:
        bottom = next_review_band(page)
    tiles(page, c.topics, f.body_top + Inches(0.55), bottom)
    return ([page.ngettext("{count} topic with no slide yet: agree it in the room.",
                           "{count} topics with no slide yet: agree them in the room.",
                           len(c.topics)),
             page.gettext("Write down what is agreed: it becomes next quarter's slides.")],
            page.gettext("Which of these matters most to settle today?"))


def _next_qbr(page: Page) -> Notes:
    c, f = page.content, page.frame
    assert c.next_qbr is not None
    left, width = page.columns(0, 5)
    page.rect(left, f.body_top, width, f.body_height, page.accent)
    page.text(page.gettext("Next review"), left + Inches(0.2), f.body_top + Inches(0.4),
              width - Inches(0.4), Inches(0.6), largest=HEADING_PT, smallest=SMALL_PT,
              colour="FFFFFF")
    page.text(weekday_words(c.next_qbr, page.book), left + Inches(0.2), f.body_top + Inches(1.1),
              width - Inches(0.4), Inches(1.6), largest=DISPLAY_PT, smallest=24,
              bold=True, colour="FFFFFF")
    left, width = page.columns(5, 7)
    due = [a.text + (f" ({day_words(a.due, page.book)})" if a.due else "") for a in c.actions
           if a.is_open and (a.due is None or a.due <= c.next_qbr)]
    review = [g.label for g in c.goals] or list(c.priorities)
    blocks = [(heading, items) for heading, items in (
        (page.gettext("Before then"), due), (page.gettext("What we will review"), review))
              if items]
    height = f.body_height // max(len(blocks), 1)
    for index, (heading, items) in enumerate(blocks):
        y = f.body_top + index * height
        page.text(heading, left + Inches(0.2), y, width - Inches(0.2), Inches(0.5),
                  largest=HEADING_PT, smallest=SMALL_PT, bold=True, colour=page.accent)
        page.bullets(items[:5], left + Inches(0.2), y + Inches(0.5), width - Inches(0.2),
                     height - Inches(0.6))
    return ([page.gettext("Next review: {date}.", date=weekday_words(c.next_qbr, page.book)),
             page.gettext("Agree the date before everyone leaves the room.")],
            page.gettext("What should we have achieved together by then?"))


def _divider(page: Page) -> Notes:
    f = page.frame
    page.rect(0, 0, f.width, f.height, page.accent)
    page.text(page.gettext("Backup slides"), f.margin, int(f.height * 0.35), f.body_width,
              Inches(1.0),
              largest=DISPLAY_PT, smallest=28, bold=True, colour="FFFFFF")
    page.text(page.gettext("Detail for questions and follow-up."), f.margin,
              int(f.height * 0.35) + Inches(1.1), f.body_width, Inches(0.6),
              largest=HEADING_PT, smallest=SMALL_PT, colour="FFFFFF")
    return ([page.gettext("Backup slides: open them only if a question needs the detail.")],
            page.gettext("Is there anything you'd like to go deeper on?"))


def kpi_points(cards: Sequence[KpiFigure], page: Page) -> list[str]:
    return card_lines(cards, page.book)


DRAWERS: dict[SlideKind, Drawer] = {
    SlideKind.TITLE: _title, SlideKind.AGENDA: _agenda, SlideKind.SUMMARY: _summary,
    SlideKind.GOALS: _goals, SlideKind.OUTCOMES: _outcomes, SlideKind.VALUE_STORY: _story,
    SlideKind.ROADMAP: _roadmap, SlideKind.RECOMMENDATIONS: _recommendations,
    SlideKind.TOPICS: _topics, SlideKind.NEXT_QBR: _next_qbr, **DATA_DRAWERS,
}
__all__ = ["DRAWERS", "chart_summary", "draw_slide", "kpi_points"]
