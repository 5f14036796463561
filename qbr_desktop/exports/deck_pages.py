"""What each slide of the QBR deck holds, one function per slide kind: the shapes it draws
on its Page and the speaker notes it returns (talking points and a question for the room).
deck_pptx.py assembles the deck from these."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from qbr_desktop.domain.audience.deck import next_due
from qbr_desktop.domain.deck import ABSENT, NO_PRIORITIES, DeckBriefing, SlideKind, SlidePlan
from qbr_desktop.exports.deck_slides import (
    BAD,
    BODY_MIN_PT,
    GOOD,
    INK,
    MUTED,
    Page,
    chart_summary,
    has_points,
    isolate,
    money,
)

Notes = tuple[list[str], str]  # talking points, and the question to ask


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


# The slides -----------------------------------------------------------------------------
def draw_slide(page: Page, plan: SlidePlan | None, shown: frozenset[SlideKind]) -> Notes:
    if plan is None:
        return _divider(page)
    if plan.kind is SlideKind.APPENDIX:
        return _appendix(page, shown)
    drawers: dict[SlideKind, Callable[[Page], Notes]] = {
        SlideKind.TITLE: _title, SlideKind.SUMMARY: _summary, SlideKind.OUTCOMES: _outcomes,
        SlideKind.VALUE_STORY: _story, SlideKind.ADOPTION: _adoption,
        SlideKind.ROADMAP: _roadmap, SlideKind.RECOMMENDATIONS: _recommendations,
        SlideKind.RISKS: _risks, SlideKind.STAKEHOLDERS: _stakeholders,
        SlideKind.ACTIONS: _actions, SlideKind.NEXT_QBR: _next_qbr,
        SlideKind.EXPANSION: _expansion}
    return drawers[plan.kind](page)


def _title(page: Page) -> Notes:
    c, f = page.content, page.frame
    if not page.own_style:
        page.rect(0, 0, Inches(0.35), f.height, page.accent)
    page.title(c.account_name, top=Inches(2.0), height=Inches(1.5), largest=44, smallest=28)
    page.text(f"{c.variant.words} · {c.quarter}", f.margin, Inches(3.6), f.body_width,
              Inches(0.7), largest=28, smallest=18, colour=page.accent)
    lines = [f"Prepared {_day(c.prepared_on)}"
             + (f" by {isolate(c.csm_name)}" if c.csm_name.strip() else "")]
    if c.meeting_date is not None:
        lines.append(f"Meeting: {_day(c.meeting_date)}")
    page.text("\n".join(lines), f.margin, Inches(4.4), f.body_width, Inches(1.0),
              largest=18, smallest=12, colour=MUTED)
    return ([f"This is the {c.variant.words.lower()} for {c.quarter}.",
             "Agenda: the outcomes first, then what comes next, and we end with commitments."],
            "What would make this hour most useful for you?")


def _summary(page: Page) -> Notes:
    c, f = page.content, page.frame
    left_w = Inches(4.2)
    right_x, right_w = f.margin + left_w + Inches(0.4), f.body_width - left_w - Inches(0.4)
    points = []
    if c.health_score is not None:
        page.rect(f.margin, f.body_top, left_w, Inches(2.6), "F1F3F5")
        page.text(f"{c.health_score:.0f} / 100", f.margin, f.body_top + Inches(0.2), left_w,
                  Inches(1.2), largest=54, smallest=28, bold=True, colour=page.accent,
                  align=PP_ALIGN.CENTER)
        status = c.health_trend.capitalize()
        page.text(status or "Health score", f.margin, f.body_top + Inches(1.45), left_w,
                  Inches(1.0), largest=18, smallest=12, colour=INK, align=PP_ALIGN.CENTER)
        points.append(f"Health is {c.health_score:.0f}/100"
                      + (f" ({status})." if status else "."))
    else:
        sentence = ABSENT[SlideKind.SUMMARY]
        page.text(sentence, f.margin, f.body_top, left_w, Inches(2.6), colour=MUTED)
        points.append(sentence)
    headline = c.value_headline or ABSENT[SlideKind.OUTCOMES]
    page.text(headline, right_x, f.body_top, right_w, Inches(1.2), largest=26,
              smallest=14, bold=bool(c.value_headline),
              colour=INK if c.value_headline else MUTED)
    points.append(f"Value: {headline}")
    if c.priorities:
        page.text("Top priorities", right_x, f.body_top + Inches(1.4), right_w, Inches(0.5),
                  largest=16, smallest=14, bold=True, colour=MUTED)
        page.bullets(c.priorities[:3], right_x, f.body_top + Inches(1.9), right_w,
                     f.body_height - Inches(1.9))
        points.append(f"First priority: {c.priorities[0]}")
    else:
        page.text(NO_PRIORITIES, right_x, f.body_top + Inches(1.4), right_w,
                  Inches(0.6), colour=MUTED)
    return points, "Does this match how your team would sum up the quarter?"


def _outcomes(page: Page) -> Notes:
    c, f = page.content, page.frame
    charts = [d for d in (c.value_chart, c.scenario_chart) if d is not None and has_points(d)]
    if not (c.value_lines or charts or c.value_headline):
        sentence = ABSENT[SlideKind.OUTCOMES]
        page.missing(sentence)
        return [sentence], "Which outcomes would your leadership want to see here next time?"
    top = f.body_top
    if c.value_headline:
        page.text(c.value_headline, f.margin, top, f.body_width, Inches(0.6), largest=22,
                  smallest=14, bold=True, colour=page.accent)
        top += Inches(0.7)
    height = f.body_bottom - top
    left, width = f.margin, f.body_width
    if c.value_lines:
        table_w = width if not charts else int(width * 0.52)
        rows = [(v.label, v.category, money(v.annual_value, c.currency), v.confidence)
                for v in c.value_lines]
        page.table(("Outcome", "Category", "A year", "Confidence"), rows, left, top, table_w,
                   (3.0, 1.8, 1.5, 1.4))
        left, width = left + table_w + Inches(0.3), width - table_w - Inches(0.3)
    if charts:
        if c.value_lines:  # stacked in the right-hand column
            each = height // len(charts)
            for index, data in enumerate(charts):
                page.chart(data, left, top + index * each, width, each - Inches(0.1))
        else:
            each = width // len(charts)
            for index, data in enumerate(charts):
                page.chart(data, left + index * each, top, each - Inches(0.1), height)
    points = [f"Value: {c.value_headline}" if c.value_headline else ""]
    if c.value_lines:
        top_line = max(c.value_lines, key=lambda v: v.annual_value)
        points.append(f"Largest outcome: {top_line.label}, "
                      f"{money(top_line.annual_value, c.currency)} a year "
                      f"({top_line.confidence} confidence).")
    if c.roi_text or c.payback_text:
        points.append(" · ".join(t for t in (f"ROI {c.roi_text}" if c.roi_text else "",
                                             f"payback {c.payback_text}" if c.payback_text
                                             else "") if t) + ".")
    return points, "Which of these outcomes matters most to your leadership this quarter?"


def _story(page: Page) -> Notes:
    c, f = page.content, page.frame
    if not c.value_story.strip():
        sentence = ABSENT[SlideKind.VALUE_STORY]
        page.missing(sentence)
        return [sentence], "What has changed for your team since you started with us?"
    page.text(c.value_story.strip(), f.margin, f.body_top, f.body_width, f.body_height,
              largest=28, smallest=16)
    return (["Tell it in their words, then pause and let them react.",
             f"The figure behind it: {c.value_headline}" if c.value_headline else ""],
            "What would you add to this story, and who else in your company should hear it?")


def _adoption(page: Page) -> Notes:
    c, f = page.content, page.frame
    chart = c.adoption_chart if has_points(c.adoption_chart) else None
    notes = list(c.adoption_notes)
    points = [chart_summary(chart), *notes[:2]]
    if chart is not None:
        chart_w = f.body_width if not notes else int(f.body_width * 0.64)
        page.chart(chart, f.margin, f.body_top, chart_w, f.body_height)
        if notes:
            x = f.margin + chart_w + Inches(0.3)
            page.bullets(notes, x, f.body_top, f.body_width - chart_w - Inches(0.3),
                         f.body_height, largest=18)
    else:
        sentence = ABSENT[SlideKind.ADOPTION]
        page.missing(sentence)
        if notes:
            page.bullets(notes, f.margin, f.body_top + Inches(1.3), f.body_width,
                         f.body_height - Inches(1.3))
        points.insert(0, sentence)
    return points, "Where do your teams get stuck, and what would help them use more of it?"


def _list_slide(page: Page, items: tuple[str, ...], kind: SlideKind) -> str:
    f = page.frame
    if not items:
        sentence = ABSENT[kind]
        page.missing(sentence)
        return sentence
    page.bullets(items, f.margin, f.body_top, f.body_width, f.body_height, largest=22)
    return ""


def _roadmap(page: Page) -> Notes:
    items = page.content.roadmap
    gap = _list_slide(page, items, SlideKind.ROADMAP)
    points = [gap] if gap else [f"{len(items)} items; start with: {items[0]}",
                                "Tie each item back to one of their goals."]
    return points, "Which of these would change your team's week the most?"


def _recommendations(page: Page) -> Notes:
    c, f = page.content, page.frame
    columns = [(t, i) for t, i in (("Recommendations", c.recommendations),
                                   ("Priorities", c.priorities)) if i]
    if not columns:
        sentence = ABSENT[SlideKind.RECOMMENDATIONS]
        page.missing(sentence)
        return [sentence], "What should we focus on together next quarter?"
    each = (f.body_width - Inches(0.4) * (len(columns) - 1)) // len(columns)
    for index, (heading, items) in enumerate(columns):
        x = f.margin + index * (each + Inches(0.4))
        page.text(heading, x, f.body_top, each, Inches(0.5), largest=18, smallest=14,
                  bold=True, colour=page.accent)
        page.bullets(items, x, f.body_top + Inches(0.6), each, f.body_height - Inches(0.6))
    points = [f"Lead with: {c.recommendations[0]}" if c.recommendations else "",
              f"Their top priority: {c.priorities[0]}" if c.priorities else ""]
    return points, "Which one should we commit to first, and who owns it on your side?"


def _risks(page: Page) -> Notes:
    c, f = page.content, page.frame
    if not c.risks:
        sentence = ABSENT[SlideKind.RISKS]
        page.missing(sentence)
        return [sentence], "What could get in the way of your goals next quarter?"
    caption = Inches(0.4)
    width, height = min(Inches(8.6), int(f.body_width * 0.72)), f.body_height - caption
    qw, qh, pad = width // 2, height // 2, Inches(0.08)
    labels = {(False, True): "High impact · less likely", (True, True): "High impact · likely",
              (False, False): "Low impact · less likely", (True, False): "Low impact · likely"}
    overflow: list[str] = []
    for (likely, severe), label in labels.items():
        x = f.margin + (qw if likely else 0)
        y = f.body_top + (0 if severe else qh)
        page.rect(x, y, qw, qh, "FDF1F1" if likely and severe else "F5F7FA", line="D2D6DC")
        page.text(label, x, y, qw, Inches(0.35), largest=12, smallest=12, bold=True,
                  colour=MUTED)
        items = sorted((r for r in c.risks if (_level(r.likelihood) >= 3) == likely
                        and (_level(r.impact) >= 3) == severe),
                       key=lambda r: -(r.likelihood + r.impact))
        box_w, box_h = (qw - 3 * pad) // 2, Inches(0.5)
        rows = max((qh - Inches(0.4) - pad) // (box_h + pad), 1)
        room = rows * 2 if len(items) <= rows * 2 else rows * 2 - 1
        for index, risk in enumerate(items[:room]):
            box = page.rect(x + pad + (index % 2) * (box_w + pad),
                            y + Inches(0.4) + (index // 2) * (box_h + pad), box_w, box_h,
                            BAD if risk.kind == "risk" else GOOD)
            page.write(box, risk.title, 12, 10, bold=False, colour="FFFFFF",
                       align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)
        if len(items) > room:
            index = room
            page.text(f"+{len(items) - room} more in the notes",
                      x + pad + (index % 2) * (box_w + pad),
                      y + Inches(0.4) + (index // 2) * (box_h + pad), box_w, box_h,
                      largest=12, smallest=10, colour=MUTED)
            overflow.extend(r.title for r in items[room:])
    page.text("Likelihood →", f.margin, f.body_top + height, width, caption, largest=12,
              smallest=12, colour=MUTED, align=PP_ALIGN.RIGHT)
    legend_x = f.margin + width + Inches(0.4)
    legend_w = f.body_width - width - Inches(0.4)
    risks = [r for r in c.risks if r.kind == "risk"]
    chances = [r for r in c.risks if r.kind != "risk"]
    for index, (colour, words) in enumerate(((BAD, f"Risks: {len(risks)}"),
                                             (GOOD, f"Opportunities: {len(chances)}"))):
        y = f.body_top + index * Inches(0.5)
        page.rect(legend_x, y + Inches(0.1), Inches(0.25), Inches(0.25), colour)
        page.text(words, legend_x + Inches(0.35), y, legend_w - Inches(0.35), Inches(0.45),
                  largest=14, smallest=12)
    if overflow:
        page.extra_notes.append("Also on the matrix:\n" + "\n".join(overflow))
    top = max(c.risks, key=lambda r: r.likelihood * r.impact)
    return ([f"{len(risks)} risks and {len(chances)} opportunities.",
             f"Most pressing: {top.title} (likelihood {top.likelihood}, impact {top.impact})."],
            "What are we missing, and which of these would you rate differently?")


def _level(value: int) -> int:
    return min(max(int(value), 1), 5)


def _stakeholders(page: Page) -> Notes:
    c, f = page.content, page.frame
    attending = [p for p in c.stakeholders if p.attending]
    points = [f"{len(c.stakeholders)} people; {len(attending)} attending today."]
    drawn = False
    if c.stakeholder_map_png:
        try:
            page.picture(c.stakeholder_map_png, f.margin, f.body_top, f.body_width,
                         f.body_height)
            drawn = True
        # PIL raises several kinds for bytes that are not a picture: the table instead.
        except Exception:  # noqa: BLE001
            drawn = False
    if not drawn and c.stakeholders:
        rows = [(p.name, p.title, "✓ attending" if p.attending else "")
                for p in c.stakeholders]
        page.table(("Name", "Title", "Today"), rows, f.margin, f.body_top,
                   f.body_width, (3.2, 3.4, 1.6))
    elif not drawn:
        sentence = ABSENT[SlideKind.STAKEHOLDERS]
        page.missing(sentence)
        points = [sentence]
    return points, "Who else should be in the room next quarter?"


def _actions(page: Page) -> Notes:
    c, f = page.content, page.frame
    if not c.actions:
        sentence = ABSENT[SlideKind.ACTIONS]
        page.missing(sentence)
        return [sentence], "What should each of us commit to before the next review?"
    rows = [(a.text, "Ours" if a.side == "ours" else "Yours", a.owner,
             _day(a.due) if a.due else "—", a.status) for a in c.actions]
    page.table(("Action", "Whose", "Owner", "Due", "Status"), rows, f.margin, f.body_top,
               f.body_width, (4.5, 1.0, 1.8, 2.4, 1.3))
    ours = sum(1 for a in c.actions if a.side == "ours")
    overdue = sum(1 for a in c.actions if a.status == "overdue")
    soonest = next_due(c.actions)
    return ([f"{len(c.actions)} actions: {ours} ours, {len(c.actions) - ours} yours.",
             f"{overdue} overdue." if overdue else "",
             f"Next due: {soonest.text} ({_day(soonest.due)})."
             if soonest is not None and soonest.due else ""],
            "Are these owners and dates realistic for your team?")


def _next_qbr(page: Page) -> Notes:
    c, f = page.content, page.frame
    when = _day(c.next_qbr) if c.next_qbr else ABSENT[SlideKind.NEXT_QBR]
    page.text(when, f.margin, f.body_top + Inches(0.8), f.body_width, Inches(1.2),
              largest=40, smallest=24, bold=True, colour=page.accent, align=PP_ALIGN.CENTER)
    page.text(f"Next {c.variant.words.lower()} with {isolate(c.account_name)}", f.margin,
              f.body_top + Inches(2.1), f.body_width, Inches(0.8), largest=20,
              smallest=BODY_MIN_PT, colour=MUTED, align=PP_ALIGN.CENTER)
    return ([f"Next review: {when}.", "Agree the date before everyone leaves the room."],
            "What should we have achieved together by then?")


def _expansion(page: Page) -> Notes:
    c, f = page.content, page.frame
    if not c.expansion:
        sentence = ABSENT[SlideKind.EXPANSION]
        page.missing(sentence)
        return [sentence], "Where else in your business could this help?"
    rows = [(e.title, money(e.added_cost, c.currency), money(e.annual_value, c.currency),
             e.roi, e.payback) for e in c.expansion]
    page.table(("Option", "Added cost", "Value a year", "ROI", "Payback"), rows, f.margin,
               f.body_top, f.body_width, (4.0, 1.8, 1.8, 1.8, 1.6))
    best = max(c.expansion, key=lambda e: e.annual_value - e.added_cost)
    return ([f"{len(c.expansion)} options modelled.",
             f"Strongest case: {best.title} (ROI {best.roi}, payback {best.payback})."],
            "Which of these would your budget owner want a business case for?")


def _appendix(page: Page, shown: frozenset[SlideKind]) -> Notes:
    c, f = page.content, page.frame
    charts = []
    if has_points(c.health_chart) and c.health_chart is not None:
        charts.append((c.health_chart, "line"))
    if SlideKind.ADOPTION not in shown and c.adoption_chart and has_points(c.adoption_chart):
        charts.append((c.adoption_chart, c.adoption_chart.kind))
    if SlideKind.OUTCOMES not in shown:
        charts += [(d, d.kind) for d in (c.value_chart, c.scenario_chart)
                   if d is not None and has_points(d)]
    if not charts:
        sentence = ABSENT[SlideKind.APPENDIX]
        page.missing(sentence)
        return [sentence], "Which metric would you like us to track with you?"
    charts = charts[:4]
    across = 1 if len(charts) == 1 else 2
    down = (len(charts) + 1) // 2 if len(charts) > 1 else 1
    w, h = f.body_width // across, f.body_height // down
    for index, (data, kind) in enumerate(charts):
        page.chart(data, f.margin + (index % across) * w, f.body_top + (index // across) * h,
                   w - Inches(0.15), h - Inches(0.1), kind=kind)
    return ([chart_summary(d) for d, _ in charts[:3]],
            "Is there a metric here you'd like us to track more closely?")


def presenter_points(kind: SlideKind | None, briefing: DeckBriefing) -> list[str]:
    """What only the presenter's notes may add to a slide's talking points."""
    if kind is SlideKind.SUMMARY and briefing.health_status:
        return [f"For you, not the room: the health band is {briefing.health_status}."]
    if kind is SlideKind.STAKEHOLDERS:
        return ["An executive is confirmed to attend." if briefing.executive_attending
                else "No executive confirmed to attend."]
    if kind is SlideKind.ACTIONS:
        return ["Last QBR's actions are reviewed." if briefing.last_actions_reviewed
                else "Last QBR's actions are not all reviewed yet: say so."]
    return []


def _divider(page: Page) -> Notes:
    f = page.frame
    page.text("Backup material: for questions and follow-up.", f.margin, f.body_top,
              f.body_width, Inches(0.8), colour=MUTED)
    return (["Backup slides: open them only if a question needs the detail."],
            "Is there anything you'd like to go deeper on?")
