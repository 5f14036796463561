"""QBR agendas: the reference's templates, and the checks a CSM wants before sending one.

An agenda is a list of timed sections, each with an owner (CSM, customer, joint) and a
focus: backward (what happened), forward (what comes next) or neither (opening, close).
Executives' time goes to the future: the forward share of the timed discussion should be at
least 60 % (the reference's 60/40 rule; some teams hold 70/30, a setting).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.i18n import ENGLISH, N_, Message, catalogue, msg, msg_in_context

DEFAULT_FORWARD_TARGET = Decimal("0.60")
FORWARD_TARGETS = (Decimal("0.60"), Decimal("0.70"))
MAX_SECTIONS = 60
MAX_SECTION_MINUTES = 240
MAX_SLOT_MINUTES = 480
TITLE_LIMIT = 200
CROWDED_MINUTES = 3  # sections shorter than this on average make a rushed meeting


class SectionOwner(StrEnum):
    CSM = "CSM"
    CUSTOMER = "customer"
    JOINT = "joint"


# Who leads a section, as a window lists it (translated there; the stored value stays).
OWNER_LABELS: dict[SectionOwner, str] = dict(zip(SectionOwner, (
    N_("CSM"), N_("customer"), N_("joint")), strict=True))


class Focus(StrEnum):
    BACKWARD = "backward"
    FORWARD = "forward"
    NEUTRAL = "neither"


# Whether a section looks forward or back, as shown (the stored value stays).
FOCUS_LABELS: dict[Focus, str] = {Focus.FORWARD: N_("Forward"), Focus.BACKWARD: N_("Backward"),
                                  Focus.NEUTRAL: N_("Neither")}


@dataclass(frozen=True, slots=True)
class AgendaSection:
    key: str  # stable within the agenda: notes, timings and action items refer to it
    title: str
    minutes: int
    owner: SectionOwner = SectionOwner.JOINT
    focus: Focus = Focus.NEUTRAL
    prompt: str = ""  # what the section is for, shown to the CSM while it runs


@dataclass(frozen=True, slots=True)
class Agenda:
    template: str
    slot_minutes: int
    sections: tuple[AgendaSection, ...]

    @property
    def total_minutes(self) -> int:
        return sum(section.minutes for section in self.sections)

    def minutes_with(self, focus: Focus) -> int:
        return sum(s.minutes for s in self.sections if s.focus is focus)

    @property
    def forward_share(self) -> Decimal | None:
        """Forward minutes over forward + backward minutes; None when neither is timed."""
        forward, backward = self.minutes_with(Focus.FORWARD), self.minutes_with(Focus.BACKWARD)
        if forward + backward == 0:
            return None
        return Decimal(forward) / Decimal(forward + backward)

    def section(self, key: str) -> AgendaSection | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True, slots=True)
class AgendaCheck:
    ok: bool
    message: Message


def _s(key: str, title: str, minutes: int, owner: SectionOwner, focus: Focus,
       prompt: str) -> AgendaSection:
    return AgendaSection(key, title, minutes, owner, focus, prompt)


CSM, CUSTOMER, JOINT = SectionOwner.CSM, SectionOwner.CUSTOMER, SectionOwner.JOINT
BACK, AHEAD, NEITHER = Focus.BACKWARD, Focus.FORWARD, Focus.NEUTRAL

QBR_60 = "60-minute QBR"
RUN_SHEET_45 = "45-minute run-sheet + 15 min Q&A"
EBR_90 = "Executive business review (90 min)"
DIGITAL_30 = "Digital review (30 min)"

TEMPLATES: dict[str, Agenda] = {
    QBR_60: Agenda(QBR_60, 60, (
        _s("opening", N_("Opening"), 5, CSM, NEITHER, N_("Align on goals and confirm the agenda.")),
        _s("business-context", N_("Business context"), 10, CUSTOMER, AHEAD,
           N_("The customer's news and priorities, in their words.")),
        _s("value-review", N_("Value review"), 15, JOINT, BACK,
           N_("Outcomes, ROI and success metrics against last quarter's goals.")),
        _s("strategic-discussion", N_("Strategic discussion"), 20, JOINT, AHEAD,
           N_("Roadmap, opportunities and the plan for the next two quarters.")),
        _s("action-planning", N_("Action planning"), 8, JOINT, AHEAD,
           N_("Commitments on both sides, owners and dates.")),
        _s("close", N_("Close"), 2, CSM, NEITHER, N_("Summary and thanks; confirm the next date.")),
    )),
    RUN_SHEET_45: Agenda(RUN_SHEET_45, 60, (
        _s("opening", N_("Opening"), 5, CSM, NEITHER,
           N_("Welcome, introductions, objectives; open with a strategic question.")),
        _s("success-review", N_("Success review"), 10, JOINT, BACK,
           N_("Last quarter's goals and outcomes, wins, value and ROI.")),
        _s("usage-adoption", N_("Usage and adoption"), 8, JOINT, BACK,
           N_("Trends against peers, strengths and gaps, champions.")),
        _s("roadmap", N_("Roadmap preview"), 8, CSM, AHEAD,
           N_("Coming releases tied to the customer's priorities.")),
        _s("recommendations", N_("Strategic recommendations"), 8, JOINT, AHEAD,
           N_("Next quarter's priorities, quick wins, resources needed.")),
        _s("actions", N_("Action items and commitments"), 6, JOINT, AHEAD,
           N_("Mutual actions with owners, checkpoints, next QBR date.")),
        _s("discussion", N_("Q&A and discussion"), 15, JOINT, AHEAD,
           N_("Their questions and concerns; listen more than you talk.")),
    )),
    EBR_90: Agenda(EBR_90, 90, (
        _s("opening", N_("Opening"), 5, CSM, NEITHER,
           N_("Objectives for the session, introductions.")),
        _s("business-context", N_("Business context and priorities"), 15, CUSTOMER, AHEAD,
           N_("Where the business is heading; what leadership is measured on.")),
        _s("value-delivered", N_("Value delivered and ROI"), 20, JOINT, BACK,
           N_("Outcomes against goals, the quantified return, proof points.")),
        _s("strategic-roadmap", N_("Strategic roadmap and alignment"), 25, JOINT, AHEAD,
           N_("Where the partnership goes next, tied to their strategy.")),
        _s("expansion", N_("Growth and partnership"), 10, JOINT, AHEAD,
           N_("Opportunities, investment and what success looks like a year out.")),
        _s("commitments", N_("Commitments"), 10, JOINT, AHEAD,
           N_("Executive-level commitments, owners, dates.")),
        _s("close", N_("Close"), 5, CSM, NEITHER, N_("Summary, thanks, next EBR date.")),
    )),
    DIGITAL_30: Agenda(DIGITAL_30, 30, (
        _s("opening", N_("Opening"), 3, CSM, NEITHER, N_("Goals for the call.")),
        _s("value-snapshot", N_("Value snapshot"), 8, CSM, BACK,
           N_("Outcomes and value since last time.")),
        _s("adoption", N_("Adoption and tips"), 7, JOINT, BACK,
           N_("Usage, gaps and one tip to try.")),
        _s("whats-next", N_("What's next"), 8, JOINT, AHEAD,
           N_("Their priorities and our roadmap.")),
        _s("actions", N_("Actions"), 4, JOINT, AHEAD, N_("Who does what by when.")),
    )),
}

# What a template is called where it is shown: the window and the CLI in the interface
# language (ui_text). The stored name (AgendaRow.template) is the English key and stays so.
TEMPLATE_LABELS: dict[str, Message] = {
    QBR_60: msg_in_context("agenda template", "60-minute QBR"),
    RUN_SHEET_45: msg_in_context("agenda template", "45-minute run-sheet + 15 min Q&A"),
    EBR_90: msg_in_context("agenda template", "Executive business review (90 min)"),
    DIGITAL_30: msg_in_context("agenda template", "Digital review (30 min)"),
}


def template_label(name: str) -> Message | str:
    """A template's name to show (a stored name no template has any more, as it is)."""
    return TEMPLATE_LABELS.get(name, name)


TIER_TEMPLATES = {"Strategic": QBR_60, "Enterprise": QBR_60, "Growth": RUN_SHEET_45,
                  "Mid-Market": RUN_SHEET_45}


def template_for_tier(tier: str, language: str = ENGLISH) -> Agenda:
    """The reference's format for the tier: Strategic 60 min, Growth 45 + Q&A, Core 30,
    its sections' titles and prompts in `language` (the account's)."""
    return template_in(TIER_TEMPLATES.get(tier, DIGITAL_30), language)


def template_in(name: str, language: str = ENGLISH) -> Agenda:
    """A template with its sections' titles and prompts in `language`: the catalogue holds
    them beside the English ones (resources/locale)."""
    book = catalogue(language)
    agenda = TEMPLATES[name]
    return replace(agenda, sections=tuple(
        replace(section, title=book.gettext(section.title), prompt=book.gettext(section.prompt))
        for section in agenda.sections))


def new_key(title: str, taken: Sequence[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:30] or "section"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def validate_agenda(agenda: Agenda) -> None:
    """Refuse what cannot be run: negative minutes, duplicate keys, empty titles, a slot out of
    range. An agenda with no sections is allowed (check_agenda says so); it is still filled."""
    problems: dict[str, Message] = {}
    if not 1 <= agenda.slot_minutes <= MAX_SLOT_MINUTES:
        problems["slot_minutes"] = msg("The booked slot is {minutes} minutes; it must be 1 to "
                                       "{limit}", minutes=agenda.slot_minutes,
                                       limit=MAX_SLOT_MINUTES)
    if len(agenda.sections) > MAX_SECTIONS:
        problems["sections"] = msg("{count} sections is more than a meeting can hold (the limit "
                                   "is {limit})", count=len(agenda.sections), limit=MAX_SECTIONS)
    keys = [s.key for s in agenda.sections]
    if len(set(keys)) != len(keys):
        problems["sections"] = msg("Two sections share a key")
    for index, section in enumerate(agenda.sections):
        where = f"sections[{index}]"
        if not section.title.strip():
            problems[f"{where}.title"] = msg("Section {number} needs a title", number=index + 1)
        elif len(section.title) > TITLE_LIMIT:
            problems[f"{where}.title"] = msg("Section {number}'s title is {length} characters; "
                                             "the limit is {limit}", number=index + 1,
                                             length=len(section.title), limit=TITLE_LIMIT)
        if isinstance(section.minutes, bool) or not isinstance(section.minutes, int) or not (
                0 <= section.minutes <= MAX_SECTION_MINUTES):
            problems[f"{where}.minutes"] = msg("“{title}” is {minutes} minutes; a section takes 0 "
                                               "to {limit}", title=section.title,
                                               minutes=repr(section.minutes),
                                               limit=MAX_SECTION_MINUTES)
    if problems:
        raise ValidationFailed(problems)


def check_agenda(agenda: Agenda, forward_target: Decimal = DEFAULT_FORWARD_TARGET
                 ) -> list[AgendaCheck]:
    """What to tell the CSM about the agenda: warnings never block saving or running it."""
    checks: list[AgendaCheck] = []
    total, slot = agenda.total_minutes, agenda.slot_minutes
    if not agenda.sections:
        return [AgendaCheck(False, msg("The agenda has no sections yet."))]
    if total > slot:
        checks.append(AgendaCheck(False, msg(
            "The sections add up to {total} minutes, {over} more than the {slot}-minute slot: "
            "shorten something or the last sections will be squeezed.", total=total,
            over=total - slot, slot=slot)))
    elif total < slot:
        checks.append(AgendaCheck(True, msg(
            "{total} of {slot} minutes planned: {spare} minutes spare for questions.",
            total=total, slot=slot, spare=slot - total)))
    else:
        checks.append(AgendaCheck(True, msg("{total} minutes, exactly the booked slot.",
                                            total=total)))
    share = agenda.forward_share
    target = int(forward_target * 100)
    if share is None:
        checks.append(AgendaCheck(False, msg("No section looks forward or back: mark each "
                                             "section's focus to check the balance.")))
    else:
        percent = int((share * 100).to_integral_value())
        forward, back, aim = f"{percent}%", f"{100 - percent}%", f"{target}/{100 - target}"
        checks.append(AgendaCheck(share >= forward_target, msg(
            "{forward} of the discussion looks forward, {back} back (aim for at least {aim}).",
            forward=forward, back=back, aim=aim)))
    empty = [s.title for s in agenda.sections if s.minutes == 0]
    if empty:
        checks.append(AgendaCheck(False, msg("No time is given to: {sections}.",
                                             sections=", ".join(empty))))
    if total and len(agenda.sections) * CROWDED_MINUTES > total:
        checks.append(AgendaCheck(False, msg(
            "{count} sections in {total} minutes is under three minutes each: merge some.",
            count=len(agenda.sections), total=total)))
    return checks


def with_section(agenda: Agenda, index: int, section: AgendaSection) -> Agenda:
    sections = list(agenda.sections)
    sections[index] = section
    return replace(agenda, sections=tuple(sections))
