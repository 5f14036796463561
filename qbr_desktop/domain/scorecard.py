"""The prep scorecard: the internal quality check before a QBR, each item pass or warn with
the reason. It reads what the other features know (the agenda's balance, the deck's
length, last quarter's commitments, the sponsor's invitation, the value model)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from qbr_desktop.domain.deck import MAX_MAIN_SLIDES, MIN_MAIN_SLIDES


@dataclass(frozen=True, slots=True)
class ScoreItem:
    name: str
    passed: bool
    reason: str


@dataclass(frozen=True, slots=True)
class PrepFacts:
    """What the scorecard reads, gathered by the service."""

    forward_share: Decimal | None  # the agenda's forward-looking share; None: nothing timed
    forward_target: Decimal
    slide_count: int
    earlier_actions_open: int  # action items from earlier QBRs still open or in progress
    earlier_actions: int
    sponsor_names: tuple[str, ...]  # executive sponsors on the map (not departed)
    sponsor_invited: bool
    value_total: Decimal | None  # this quarter's stored value; None: no model saved
    value_text: str = ""  # "$621,036 a year"


def scorecard(facts: PrepFacts) -> list[ScoreItem]:
    items = []
    target = int(facts.forward_target * 100)
    if facts.forward_share is None:
        items.append(ScoreItem("Agenda looks forward", False,
                               "No agenda section is marked forward- or backward-looking"))
    else:
        share = int((facts.forward_share * 100).to_integral_value())
        items.append(ScoreItem(
            "Agenda looks forward", facts.forward_share >= facts.forward_target,
            f"{share}% forward, {100 - share}% back (aim for {target}/{100 - target})"))
    count = facts.slide_count
    items.append(ScoreItem(
        "Deck length", MIN_MAIN_SLIDES <= count <= MAX_MAIN_SLIDES,
        f"{count} slides" + ("" if MIN_MAIN_SLIDES <= count <= MAX_MAIN_SLIDES else
                             f": aim for {MIN_MAIN_SLIDES}–{MAX_MAIN_SLIDES}, detail in backup")))
    if facts.earlier_actions == 0:
        items.append(ScoreItem("Last QBR's actions reviewed", True,
                               "No action items from earlier QBRs to review"))
    else:
        items.append(ScoreItem(
            "Last QBR's actions reviewed", facts.earlier_actions_open == 0,
            "Every earlier action item is done or dropped" if facts.earlier_actions_open == 0
            else f"{facts.earlier_actions_open} of {facts.earlier_actions} earlier action "
                 "items are still open: update them before the meeting"))
    if not facts.sponsor_names:
        items.append(ScoreItem("Executive sponsor invited", False,
                               "No executive sponsor on the stakeholder map"))
    else:
        names = ", ".join(facts.sponsor_names)
        items.append(ScoreItem("Executive sponsor invited", facts.sponsor_invited,
                               f"{names} invited" if facts.sponsor_invited
                               else f"{names} not invited yet (Stakeholders › Attendance)"))
    if facts.value_total is None:
        items.append(ScoreItem("Value quantified", False,
                               "No ROI model saved for this quarter (ROI & value tab)"))
    else:
        items.append(ScoreItem("Value quantified", facts.value_total > 0,
                               f"{facts.value_text} in the ROI model" if facts.value_total > 0
                               else "The ROI model claims no value yet"))
    return items
