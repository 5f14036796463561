"""Every slide kind, declared once: its title in each variant, where it sits in each
variant's deck, when it has something to say, what it folds into when it has not, and the
sketch its thumbnail draws.

The PPTX writer (exports/deck_pages.DRAWERS), the handout (exports/handout_pdf SECTIONS),
the brief (exports/brief_pdf.BRIEF_SECTIONS) and the Deck tab's thumbnails
(gui/deck/thumbnails) all key on this table, and tests/exports/test_slide_kinds.py loops
over every kind in every renderer, so a new kind cannot be half-added.

Arranging a deck (arrange()):

* a shown slide whose `present` rule fails is omitted, never written with a placeholder
  sentence; if the kind has a `topic`, those words go on the "Topics for today" slide, and
  the briefing says why it was left out and where to fill it in;
* a deck of more than MAX_MAIN_SLIDES meeting slides moves slides to the backup in
  DEMOTE_ORDER, and one of fewer than MIN_MAIN_SLIDES brings present backup slides
  forward in PROMOTE_ORDER, so a deck keeps 10–12 meeting slides when the data is there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from qbr_desktop.domain.deck import (
    MAX_MAIN_SLIDES,
    MIN_MAIN_SLIDES,
    DeckContent,
    DeckVariant,
    LeftOutSlide,
    SlideKind,
    SlidePlan,
    main_slides,
)
from qbr_desktop.i18n import N_, Message, catalogue, msg

E, S, D = DeckVariant.EXECUTIVE, DeckVariant.STANDARD, DeckVariant.DIGITAL


class Place(StrEnum):
    MAIN = "main"  # in the meeting
    BACKUP = "backup"  # after the meeting's slides, for questions
    OFF = "off"  # not in the variant's deck unless the CSM ticks it


class Sketch(StrEnum):
    """What a thumbnail draws for a kind: the shape of its slide, not its data."""

    TITLE = "title"
    LIST = "numbered list"
    CARDS = "cards"
    PROGRESS = "progress bars"
    TABLE_CHART = "table and chart"
    TEXT = "text"
    COLUMNS = "columns"
    LINES = "lines"
    QUADRANTS = "quadrants"
    PEOPLE = "people"
    TABLE = "table"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class SlideSpec:
    kind: SlideKind
    titles: dict[DeckVariant, str]
    places: dict[DeckVariant, Place]
    sketch: Sketch
    present: Callable[[DeckContent], bool]  # whether it has something to say
    left_out: str  # for the CSM: why a shown slide is not in the deck, and what to do
    topic: str = ""  # folded into "Topics for today" with these words when left out
    forward: bool = False  # looks forward (counts toward the 60–70 % the reference asks)
    ticked: Place = Place.MAIN  # where it goes when ticked in a variant that leaves it off

    def title(self, variant: DeckVariant) -> str:
        return self.titles.get(variant) or next(iter(self.titles.values()))


def _titles(executive: str, standard: str | None = None,
            digital: str | None = None) -> dict[DeckVariant, str]:
    return {E: executive, S: standard or executive, D: digital or standard or executive}


def _places(executive: Place, standard: Place, digital: Place) -> dict[DeckVariant, Place]:
    return {E: executive, S: standard, D: digital}


M, B, O = Place.MAIN, Place.BACKUP, Place.OFF  # noqa: E741


def _has_value(c: DeckContent) -> bool:
    return bool(c.value_lines or c.value_headline)


TABLE: tuple[SlideSpec, ...] = (
    SlideSpec(SlideKind.TITLE, _titles(N_("Executive business review"), N_("Quarterly business "
                                       "review"), N_("Digital business review")),
              _places(M, M, M), Sketch.TITLE, lambda c: True, ""),
    SlideSpec(SlideKind.AGENDA, _titles(N_("Agenda"), N_("Agenda"), N_("Today's agenda")),
              _places(M, M, M),
              Sketch.LIST, lambda c: bool(c.agenda),
              N_("Agenda: left out, no meeting is scheduled or its agenda is empty (Meeting "
                 "tab).")),
    SlideSpec(SlideKind.SUMMARY, _titles(N_("Executive summary"), N_("Summary"),
                                         N_("Your quarter at a glance")),
              _places(M, M, M), Sketch.CARDS,
              lambda c: bool(c.summary_cards or c.value_headline) or c.health_score is not None,
              N_("Summary: left out, there is no health score, value or usage to sum up yet.")),
    SlideSpec(SlideKind.GOALS, _titles(N_("Goals and progress"), N_("Goals and progress"),
                                       N_("Your goals")),
              _places(M, M, M), Sketch.PROGRESS, lambda c: bool(c.goals),
              N_("Goals: left out, no value line has a baseline, a target and a current "
                 "outcome (ROI tab)."),
              topic=N_("The goals we measure together, and their targets"), forward=True),
    SlideSpec(SlideKind.OUTCOMES, _titles(N_("Business outcomes and return"), N_("Outcomes and "
                                          "value delivered"), N_("Value delivered")),
              _places(M, M, M), Sketch.TABLE_CHART, _has_value,
              N_("Outcomes: left out, the ROI model for this quarter claims no value yet (ROI "
                 "tab).")),
    SlideSpec(SlideKind.VALUE_STORY, _titles(N_("The value in your words")), _places(B, O, O),
              Sketch.TEXT, lambda c: bool(c.value_story.strip()),
              N_("Value story: left out, no story is written for this quarter (ROI tab).")),
    SlideSpec(SlideKind.USAGE, _titles(N_("Usage and adoption over time"),
                                       N_("Usage and adoption"),
                                       N_("Usage and adoption")),
              _places(M, M, M), Sketch.COLUMNS,
              lambda c: c.usage_chart is not None or c.breadth_chart is not None,
              N_("Usage trend: left out, fewer than two quarters of active users or feature "
                 "use are recorded (Accounts › Metrics, or qbr import).")),
    SlideSpec(SlideKind.ADOPTION, _titles(N_("Adoption against your peers"),
                                          N_("Adoption against your peers"),
                                          N_("How you compare")),
              _places(B, B, M), Sketch.COLUMNS,
              lambda c: c.adoption_chart is not None or bool(c.adoption_notes),
              N_("Peer comparison: left out, there are no usage rates to compare yet.")),
    SlideSpec(SlideKind.SUPPORT, _titles(N_("Support summary")), _places(B, M, M), Sketch.LINES,
              lambda c: c.support_chart is not None or c.csat_chart is not None,
              N_("Support summary: left out, no support tickets or satisfaction scores are "
                 "recorded.")),
    SlideSpec(SlideKind.ROADMAP, _titles(N_("Roadmap aligned to your goals"), N_("What's coming"),
                                         N_("What's new and next")),
              _places(M, M, M), Sketch.LIST, lambda c: bool(c.roadmap),
              N_("Roadmap: left out, no roadmap items are saved (Deck tab › Roadmap; write "
                 "'item → goal' to tie an item to a goal)."),
              topic=N_("What's coming next, and which of your goals it serves"), forward=True),
    SlideSpec(SlideKind.RECOMMENDATIONS, _titles(N_("Recommendations and next-quarter "
                                                 "priorities"), N_("Recommendations and "
                                                 "priorities"), N_("Recommendations")),
              _places(M, M, M), Sketch.COLUMNS, lambda c: bool(c.recommendations or
                                                               c.priorities),
              N_("Recommendations: left out, none are saved or drafted."),
              topic=N_("Your priorities for next quarter"), forward=True),
    SlideSpec(SlideKind.RISKS, _titles(N_("Risks and opportunities"), N_("Risks and opportunities"),
                                       N_("Watch-outs and opportunities")),
              _places(M, M, M), Sketch.QUADRANTS, lambda c: bool(c.risks),
              N_("Risks: left out, no register item is ticked for the customer (Deck tab › Risks "
                 "on the slide)."),
              topic=N_("What could help or hold back your goals"), forward=True),
    SlideSpec(SlideKind.RENEWAL, _titles(N_("Your renewal and contract"),
                                         N_("Renewal and contract"),
                                         N_("Your renewal")),
              _places(M, M, M), Sketch.CARDS, lambda c: c.renewal is not None,
              N_("Renewal: left out, the renewal is more than 180 days after the meeting or "
                 "no renewal date is recorded."), forward=True),
    SlideSpec(SlideKind.STAKEHOLDERS, _titles(N_("Who we work with"), N_("Attendees"),
                                              N_("Your team")),
              _places(M, B, M), Sketch.PEOPLE, lambda c: bool(c.stakeholders),
              N_("Stakeholders: left out, nobody is on the stakeholder map yet (Stakeholders "
                 "tab).")),
    SlideSpec(SlideKind.TOPICS, _titles(N_("Topics for today")), _places(M, M, M), Sketch.LIST,
              lambda c: bool(c.topics), "", forward=True),
    SlideSpec(SlideKind.ACTIONS, _titles(N_("Mutual commitments"), N_("Action items"),
                                         N_("Next steps")),
              _places(M, M, M), Sketch.TABLE, lambda c: bool(c.actions),
              N_("Commitments: left out, no action items are recorded (Meeting tab)."),
              topic=N_("Who does what before the next review"), forward=True),
    SlideSpec(SlideKind.NEXT_QBR, _titles(N_("Next review")), _places(O, O, O), Sketch.DATE,
              lambda c: c.next_qbr is not None,
              N_("Next review: left out, no review is planned after this one."), forward=True),
    SlideSpec(SlideKind.EXPANSION, _titles(N_("Growing the partnership")), _places(B, B, O),
              Sketch.TABLE, lambda c: bool(c.expansion),
              N_("Expansion: left out, no expansion option can be valued yet."), forward=True,
              ticked=Place.BACKUP),
    SlideSpec(SlideKind.APPENDIX, _titles(N_("Appendix: metric detail")), _places(B, B, O),
              Sketch.LINES, lambda c: c.health_chart is not None,
              N_("Appendix: left out, there is no metric history to chart."),
              ticked=Place.BACKUP),
)
SPECS: dict[SlideKind, SlideSpec] = {spec.kind: spec for spec in TABLE}

# Which present slides leave the meeting first when it runs long, and which backup slides
# come forward when it runs short.
DEMOTE_ORDER = (SlideKind.ADOPTION, SlideKind.SUPPORT, SlideKind.VALUE_STORY,
                SlideKind.NEXT_QBR, SlideKind.EXPANSION, SlideKind.APPENDIX,
                SlideKind.STAKEHOLDERS, SlideKind.RISKS, SlideKind.AGENDA)
PROMOTE_ORDER = (SlideKind.STAKEHOLDERS, SlideKind.VALUE_STORY, SlideKind.SUPPORT,
                 SlideKind.ADOPTION)


def outline_for(variant: DeckVariant) -> tuple[SlidePlan, ...]:
    """The variant's main slides, then its backup slides, then every other kind hidden
    (so the Deck tab can offer it)."""
    slides = []
    for place, shown in ((M, True), (B, True), (O, False)):
        slides += [SlidePlan(spec.kind, spec.title(variant), shown, place is B)
                   for spec in TABLE if spec.places[variant] is place]
    return tuple(slides)


def title_of(kind: SlideKind, variant: DeckVariant) -> tuple[str, bool]:
    """A kind's title in this variant's wording, and whether it is backup material."""
    spec = SPECS[kind]
    place = spec.places[variant]
    return spec.title(variant), (spec.ticked if place is O else place) is B


@dataclass(frozen=True, slots=True)
class Arranged:
    outline: tuple[SlidePlan, ...]
    topics: tuple[str, ...]
    left_out: tuple[Message, ...]  # for the CSM: each shown slide not in the deck, and why
    left_out_slides: tuple[LeftOutSlide, ...] = ()  # the omitted ones' reasons, by slide


def arrange(content: DeckContent) -> Arranged:
    """Leave out the slides with nothing to say, fold the discussion ones into the topics,
    and keep the meeting at 10–12 slides (see the module's notes)."""
    topics: list[str] = []
    reasons: list[Message] = []
    slides: list[LeftOutSlide] = []
    outline: list[SlidePlan] = []
    for slide in content.outline:
        spec = SPECS[slide.kind]
        omitted = slide.shown and slide.kind is not SlideKind.TOPICS and not spec.present(
            content)
        if omitted:
            reasons.append(msg(spec.left_out))
            slides.append(LeftOutSlide(slide.kind, reasons[-1]))
            if spec.topic and not slide.backup:
                topics.append(spec.topic)
        outline.append(replace(slide, omitted=omitted))
    book = catalogue(content.language)
    topics = [book.gettext(topic) for topic in topics]
    has_topics = bool(topics)
    outline = [replace(s, omitted=not has_topics) if s.kind is SlideKind.TOPICS and s.shown
               else s for s in outline]
    outline, moved = _balanced(outline, replace(content, topics=tuple(topics)))
    return Arranged(tuple(outline), tuple(topics), tuple(reasons + moved), tuple(slides))


def arranged(content: DeckContent) -> DeckContent:
    """The content with its outline arranged: what every writer draws from, so a content
    made by hand (or before a slide's data went away) never yields a placeholder."""
    result = arrange(content)
    return replace(content, outline=result.outline, topics=result.topics)


def _balanced(outline: list[SlidePlan], content: DeckContent,
              ) -> tuple[list[SlidePlan], list[Message]]:
    moved: list[Message] = []
    index = {slide.kind: n for n, slide in enumerate(outline)}
    for kind in DEMOTE_ORDER:
        if len(main_slides(outline)) <= MAX_MAIN_SLIDES:
            break
        n = index.get(kind)
        if n is not None and outline[n] in main_slides(outline):
            outline[n] = replace(outline[n], backup=True)
            moved.append(msg("{title}: moved to the backup slides to keep the meeting at "
                             "{limit} slides.", title=msg(outline[n].title), limit=MAX_MAIN_SLIDES))
    for kind in PROMOTE_ORDER:
        if len(main_slides(outline)) >= MIN_MAIN_SLIDES:
            break
        n = index.get(kind)
        if (n is not None and outline[n].shown and outline[n].backup
                and not outline[n].omitted and SPECS[kind].present(content)):
            outline[n] = replace(outline[n], backup=False)
    return outline, moved


def drawn_kinds(outline: Sequence[SlidePlan]) -> frozenset[SlideKind]:
    return frozenset(s.kind for s in outline if s.shown and not s.omitted)
