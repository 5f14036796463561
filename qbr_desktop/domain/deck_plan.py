"""The CSM's choices for an account's deck, kept between sessions.

A plan holds what the numbers cannot say: the variant when it should differ from the
tier's (None follows the tier), the slides in the order the CSM wants them with each one
shown or hidden, the roadmap items, next quarter's priorities, the recommendations, and
the look (accent colour, a PowerPoint template and a logo, as file paths), and which
items of the risk register the customer sees on the risks slide.

The register holds the CSM's own notes ("the new VP is talking to a competitor") and
items the app suggested from the numbers ("Health is red (29)", "Expansion of $120,000 is
ready to discuss"): neither is fit for the customer's screen by default. Every item is
left off the customer's risks slide until the CSM ticks it, whoever wrote it.

A roadmap item may name the goal it serves after an arrow: "Carrier portal (Q1) → Faster
quote-to-cash" (or "->"); the roadmap slide groups items under their goals. Plans are
stored as version 2; a version 1 plan's saved outline gains the kinds added since (agenda,
goals, usage trend, support, renewal, topics) at their usual places, shown.

Limits: at most 30 items in each list, each at most 500 characters; the outline names
each slide kind at most once; an accent colour is "#RRGGBB".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qbr_desktop.domain.deck import (
    DeckVariant,
    SlideKind,
    SlidePlan,
    default_outline,
)
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.slide_kinds import TABLE, title_of
from qbr_desktop.i18n import Message, msg

PLAN_VERSION = 2
READABLE_VERSIONS = (1, 2)
# The kinds a version 1 plan could not name: its saved outline gains them when read.
ADDED_IN_2 = (SlideKind.AGENDA, SlideKind.GOALS, SlideKind.USAGE, SlideKind.SUPPORT,
              SlideKind.RENEWAL, SlideKind.TOPICS)
GOAL_ARROWS = re.compile(r"\s*(?:→|->)\s*")
MAX_ITEMS = 30
MAX_ITEM_LENGTH = 500
MAX_PATH_LENGTH = 1_000
MAX_RISK_CHOICES = 1_000
ACCENT = re.compile(r"^#[0-9a-fA-F]{6}$")
LISTS = ("roadmap", "priorities", "recommendations")


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    kind: SlideKind
    shown: bool = True


@dataclass(frozen=True, slots=True)
class DeckPlan:
    variant: DeckVariant | None = None  # None: the tier's variant
    outline: tuple[OutlineEntry, ...] = ()  # (): the variant's default outline
    roadmap: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()
    accent: str = ""  # "#RRGGBB", or "" for the template's own
    template: str = ""  # a .pptx path, or "" for the built-in look
    logo: str = ""  # a picture path, or ""
    shown_risks: tuple[int, ...] = ()  # risk item ids ticked for the slide
    hidden_risks: tuple[int, ...] = ()  # risk item ids unticked


def risk_shown(plan: DeckPlan, item_id: int) -> bool:
    """Whether a register item goes on the customer's risks slide: only when ticked."""
    return item_id in plan.shown_risks and item_id not in plan.hidden_risks


def validate_plan(plan: DeckPlan) -> None:
    """Raise ValidationFailed naming every field that breaks a rule."""
    problems: dict[str, Message] = {}
    for name in LISTS:
        items: tuple[str, ...] = getattr(plan, name)
        if len(items) > MAX_ITEMS:
            problems[name] = msg("{count} items; at most {limit} fit in a deck",
                                count=len(items), limit=MAX_ITEMS)
        for index, item in enumerate(items):
            if not isinstance(item, str):
                problems[f"{name}[{index}]"] = msg("expected text")
            elif len(item) > MAX_ITEM_LENGTH:
                problems[f"{name}[{index}]"] = msg(
                    "{length:,} characters; the limit is {limit}", length=len(item),
                    limit=MAX_ITEM_LENGTH)
    if len(plan.outline) > len(SlideKind):
        problems["outline"] = msg("{count} slides; there are {kinds} kinds",
                                  count=len(plan.outline), kinds=len(SlideKind))
    seen: set[SlideKind] = set()
    for index, entry in enumerate(plan.outline):
        if not isinstance(entry.kind, SlideKind):
            problems[f"outline[{index}]"] = msg("“{kind}” is not a slide kind",
                                                kind=str(entry.kind))
        elif entry.kind in seen:
            problems[f"outline[{index}]"] = msg("the {kind} slide is listed twice",
                                                kind=entry.kind.value)
        else:
            seen.add(entry.kind)
    if plan.variant is not None and not isinstance(plan.variant, DeckVariant):
        problems["variant"] = msg("“{variant}” is not a deck variant", variant=str(plan.variant))
    if plan.accent and not ACCENT.match(plan.accent):
        problems["accent"] = msg("“{accent}” is not a colour like #1F6FEB", accent=plan.accent)
    for name in ("template", "logo"):
        value: str = getattr(plan, name)
        if len(value) > MAX_PATH_LENGTH:
            problems[name] = msg("the path is longer than {limit:,} characters",
                                  limit=MAX_PATH_LENGTH)
        elif "\x00" in value:
            problems[name] = msg("the path holds a NUL character")
    for name in ("shown_risks", "hidden_risks"):
        if len(getattr(plan, name)) > MAX_RISK_CHOICES:
            problems[name] = msg("more than {limit:,} risk items", limit=MAX_RISK_CHOICES)
    if plan.template and not plan.template.lower().endswith((".pptx", ".potx")):
        problems["template"] = msg("a template is a PowerPoint file (.pptx or .potx)")
    if problems:
        raise ValidationFailed(problems)


def clean_items(items: Sequence[str]) -> tuple[str, ...]:
    """Items as a CSM typed them, trimmed, blank ones left out."""
    return tuple(text for item in items if (text := item.strip()))


def roadmap_link(item: str) -> tuple[str, str]:
    """('Carrier portal (Q1)', 'Faster quote-to-cash') from 'Carrier portal (Q1) → Faster
    quote-to-cash'; the goal is '' when the item names none."""
    parts = GOAL_ARROWS.split(item.strip(), maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    return item.strip(), ""


def _with_added_kinds(outline: list[OutlineEntry]) -> list[OutlineEntry]:
    """A version 1 outline with each kind added since, shown, after the kind that comes
    before it in the table."""
    order = [spec.kind for spec in TABLE]
    entries = list(outline)
    for kind in ADDED_IN_2:
        if any(entry.kind is kind for entry in entries):
            continue
        earlier = order[:order.index(kind)]
        at = 0
        for position, entry in enumerate(entries):
            if entry.kind in earlier:
                at = position + 1
        entries.insert(at, OutlineEntry(kind, True))
    return entries


def apply_outline(plan: DeckPlan, variant: DeckVariant) -> tuple[SlidePlan, ...]:
    """The variant's outline in the plan's order and visibility.

    With no saved outline, the variant's default. Slide kinds the saved outline does not
    name are kept at the end, hidden, so a writer can still offer them.
    """
    if not plan.outline:
        return default_outline(variant)
    slides = []
    for entry in plan.outline:
        title, backup = title_of(entry.kind, variant)
        slides.append(SlidePlan(entry.kind, title, entry.shown, backup))
    named = {entry.kind for entry in plan.outline}
    slides.extend(SlidePlan(slide.kind, slide.title, False, slide.backup)
                  for slide in default_outline(variant) if slide.kind not in named)
    return tuple(slides)


def plan_to_dict(plan: DeckPlan) -> dict[str, Any]:
    return {
        "version": PLAN_VERSION,
        "variant": plan.variant.value if plan.variant is not None else None,
        "outline": [{"kind": e.kind.value, "shown": e.shown} for e in plan.outline],
        "roadmap": list(plan.roadmap), "priorities": list(plan.priorities),
        "recommendations": list(plan.recommendations), "accent": plan.accent,
        "template": plan.template, "logo": plan.logo,
        "shown_risks": list(plan.shown_risks), "hidden_risks": list(plan.hidden_risks),
    }


def _strings(data: dict[str, Any], name: str, problems: dict[str, Message]) -> tuple[str, ...]:
    raw = data.get(name, [])
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        problems[name] = msg("expected a list of text items")
        return ()
    return tuple(raw)


def _ids(data: dict[str, Any], name: str, problems: dict[str, Message]) -> tuple[int, ...]:
    raw = data.get(name, [])  # absent from plans saved before risks could be chosen
    if not isinstance(raw, list) or not all(
            isinstance(item, int) and not isinstance(item, bool) for item in raw):
        problems[name] = msg("expected a list of risk item ids")
        return ()
    return tuple(raw)


def _text(data: dict[str, Any], name: str, problems: dict[str, Message]) -> str:
    raw = data.get(name, "")
    if raw is None:
        return ""
    if not isinstance(raw, str):
        problems[name] = msg("expected text")
        return ""
    return raw


def plan_from_dict(data: object) -> DeckPlan:
    """The plan a stored document describes; ValidationFailed names each bad field."""
    if not isinstance(data, dict) or data.get("version") not in READABLE_VERSIONS:
        raise ValidationFailed({"version": msg("expected a version {version} deck plan",
                                                  version=PLAN_VERSION)})
    problems: dict[str, Message] = {}
    variant = None
    raw_variant = data.get("variant")
    if raw_variant is not None:
        try:
            variant = DeckVariant(raw_variant)
        except ValueError:
            problems["variant"] = msg("“{variant}” is not a deck variant",
                                      variant=str(raw_variant))
    outline = []
    raw_outline = data.get("outline", [])
    if not isinstance(raw_outline, list):
        problems["outline"] = msg("expected a list of slides")
        raw_outline = []
    for index, raw in enumerate(raw_outline):
        kind = raw.get("kind") if isinstance(raw, dict) else None
        shown = raw.get("shown", True) if isinstance(raw, dict) else None
        try:
            parsed = SlideKind(str(kind))
        except ValueError:
            problems[f"outline[{index}].kind"] = msg("“{kind}” is not a slide kind", kind=str(kind))
            continue
        if not isinstance(shown, bool):
            problems[f"outline[{index}].shown"] = msg("expected true or false")
            continue
        outline.append(OutlineEntry(parsed, shown))
    if data.get("version") == 1 and outline:
        outline = _with_added_kinds(outline)
    plan = DeckPlan(
        variant=variant, outline=tuple(outline),
        roadmap=_strings(data, "roadmap", problems),
        priorities=_strings(data, "priorities", problems),
        recommendations=_strings(data, "recommendations", problems),
        accent=_text(data, "accent", problems), template=_text(data, "template", problems),
        logo=_text(data, "logo", problems),
        shown_risks=_ids(data, "shown_risks", problems),
        hidden_risks=_ids(data, "hidden_risks", problems))
    if problems:
        raise ValidationFailed(problems)
    validate_plan(plan)
    return plan
