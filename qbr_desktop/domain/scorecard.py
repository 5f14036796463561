"""The prep scorecard: the internal quality check before a QBR, each item pass or warn with
the reason. It reads what the other features know (the agenda's balance, the deck's
length, last quarter's commitments, the sponsor's invitation, the value model)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from qbr_desktop.domain.deck import MAX_MAIN_SLIDES, MIN_MAIN_SLIDES
from qbr_desktop.i18n import N_, Message, msg


@dataclass(frozen=True, slots=True)
class ScoreItem:
    name: str  # marked with N_(): shown through ui_label()
    passed: bool
    reason: Message


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


AGENDA, DECK, ACTIONS, SPONSOR, VALUE = (
    N_("Agenda looks forward"), N_("Deck length"), N_("Last QBR's actions reviewed"),
    N_("Executive sponsor invited"), N_("Value quantified"))


def scorecard(facts: PrepFacts) -> list[ScoreItem]:
    items = []
    target = int(facts.forward_target * 100)
    if facts.forward_share is None:
        items.append(ScoreItem(AGENDA, False, msg(
            "No agenda section is marked forward- or backward-looking")))
    else:
        share = int((facts.forward_share * 100).to_integral_value())
        forward, back, aim = f"{share}%", f"{100 - share}%", f"{target}/{100 - target}"
        items.append(ScoreItem(AGENDA, facts.forward_share >= facts.forward_target, msg(
            "{forward} forward, {back} back (aim for {aim})", forward=forward, back=back,
            aim=aim)))
    count = facts.slide_count
    fits = MIN_MAIN_SLIDES <= count <= MAX_MAIN_SLIDES
    items.append(ScoreItem(DECK, fits, msg("{count} slides", count=count) if fits else msg(
        "{count} slides: aim for {fewest}–{most}, detail in backup", count=count,
        fewest=MIN_MAIN_SLIDES, most=MAX_MAIN_SLIDES)))
    if facts.earlier_actions == 0:
        items.append(ScoreItem(ACTIONS, True, msg(
            "No action items from earlier QBRs to review")))
    else:
        items.append(ScoreItem(
            ACTIONS, facts.earlier_actions_open == 0,
            msg("Every earlier action item is done or dropped")
            if facts.earlier_actions_open == 0
            else msg("{open} of {all} earlier action items are still open: update them before "
                     "the meeting", open=facts.earlier_actions_open, all=facts.earlier_actions)))
    if not facts.sponsor_names:
        items.append(ScoreItem(SPONSOR, False, msg(
            "No executive sponsor on the stakeholder map")))
    else:
        names = ", ".join(facts.sponsor_names)
        items.append(ScoreItem(SPONSOR, facts.sponsor_invited,
                               msg("{names} invited", names=names) if facts.sponsor_invited
                               else msg("{names} not invited yet (Stakeholders › Attendance)",
                                        names=names)))
    if facts.value_total is None:
        items.append(ScoreItem(VALUE, False, msg(
            "No ROI model saved for this quarter (ROI & value tab)")))
    else:
        items.append(ScoreItem(VALUE, facts.value_total > 0,
                               msg("{value} in the ROI model", value=facts.value_text)
                               if facts.value_total > 0
                               else msg("The ROI model claims no value yet")))
    return items
