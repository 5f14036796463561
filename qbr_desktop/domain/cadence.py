"""How often each tier should have a business review, and whether an account is on time.

Both tier models are covered, keyed by the tier names of `tiers.SCHEMES`:

* Three tiers: Strategic quarterly; Growth quarterly, or half-yearly at the least;
  Core half-yearly, or yearly at the least.
* Five segments: Strategic quarterly (an executive review), Enterprise quarterly,
  Mid-Market half-yearly, SMB yearly (a digital review), Tech-Touch yearly (automated).

"Strategic" means the same rhythm in both models, so one table serves both.
Where a range is given, the more frequent end is what to aim for (`expected_days`) and
the less frequent one the limit (`latest_days`); past the limit a review is overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.tiers import tier_label
from qbr_desktop.i18n import N_, Message, english, msg, msg_plural

QUARTER_DAYS = 91
HALF_YEAR_DAYS = 182
YEAR_DAYS = 365
_HOW_OFTEN = {QUARTER_DAYS: N_("every quarter"), HALF_YEAR_DAYS: N_("every 6 months"),
              YEAR_DAYS: N_("once a year")}


@dataclass(frozen=True, slots=True)
class Cadence:
    tier: str
    expected_days: int  # aim to meet this often
    latest_days: int  # overdue once this many days pass without a review
    review_kind: str

    @property
    def limit(self) -> Message:
        """The rule that makes a review overdue: "meet at least every 6 months"."""
        return msg("meet at least {how_often}", how_often=msg(_HOW_OFTEN[self.latest_days]))

    @property
    def aim(self) -> Message:
        return msg("aim to meet {how_often}", how_often=msg(_HOW_OFTEN[self.expected_days]))


CADENCES: dict[str, Cadence] = {
    cadence.tier: cadence
    for cadence in (
        Cadence("Strategic", QUARTER_DAYS, QUARTER_DAYS, "executive business review"),
        Cadence("Growth", QUARTER_DAYS, HALF_YEAR_DAYS, "business review"),
        Cadence("Core", HALF_YEAR_DAYS, YEAR_DAYS, "business review or digital review"),
        Cadence("Enterprise", QUARTER_DAYS, QUARTER_DAYS, "business review"),
        Cadence("Mid-Market", HALF_YEAR_DAYS, HALF_YEAR_DAYS, "business review"),
        Cadence("SMB", YEAR_DAYS, YEAR_DAYS, "digital review"),
        Cadence("Tech-Touch", YEAR_DAYS, YEAR_DAYS, "automated review"),
    )
}


class UnknownTier(DomainError):
    def __init__(self, tier: str) -> None:
        self.tier = tier
        super().__init__(f"no review cadence for the tier “{tier}” "
                         f"(known tiers: {', '.join(CADENCES)})")


def cadence_for(tier: str) -> Cadence:
    try:
        return CADENCES[tier]
    except KeyError:
        raise UnknownTier(tier) from None


def review_interval(tier: str) -> tuple[int, int]:
    """(expected_days, latest_days) between reviews for `tier`; e.g. Growth: (91, 182)."""
    cadence = cadence_for(tier)
    return cadence.expected_days, cadence.latest_days


class CadenceState(StrEnum):
    PLANNED = "planned"  # the next review is booked within the limit
    PLANNED_LATE = "planned late"  # booked, but after the limit
    ON_TRACK = "on track"  # nothing booked yet, none needed yet
    DUE = "due"  # past the aim, not yet past the limit
    OVERDUE = "overdue"
    NEVER_REVIEWED = "never reviewed"


@dataclass(frozen=True, slots=True)
class CadenceStatus:
    state: CadenceState
    words: Message  # why, in no language yet: `ui_text(words)` in the window's
    due_by: date | None  # the last day the next review is on time; None with no history
    days_since_review: int | None

    @property
    def reason(self) -> str:
        """Why, in English (the CLI's --json, logs)."""
        return english(self.words)

    @property
    def needs_attention(self) -> bool:
        return self.state in {CadenceState.PLANNED_LATE, CadenceState.DUE,
                              CadenceState.OVERDUE, CadenceState.NEVER_REVIEWED}


def cadence_status(tier: str, last_review: date | None, next_planned: date | None,
                   today: date) -> CadenceStatus:
    """Whether `tier`'s rhythm is being kept, with the reason in one plain sentence.

    A planned date in the past is ignored (it was never recorded as held) and the
    reason says so.
    """
    cadence = cadence_for(tier)
    rule = msg("{tier} accounts {rule}", tier=tier_label(tier), rule=cadence.limit)
    since = (today - last_review).days if last_review else None
    due_by = last_review + timedelta(days=cadence.latest_days) if last_review else None
    missed: date | None = None
    if next_planned is not None and next_planned < today:
        missed, next_planned = next_planned, None

    def status(state: CadenceState, words: Message) -> CadenceStatus:
        if missed is not None:
            words = msg("{reason} (the review planned for {day} was not recorded)",
                        reason=words, day=missed.isoformat())
        return CadenceStatus(state, words, due_by, since)

    if next_planned is not None:
        if due_by is not None and next_planned > due_by:
            return status(CadenceState.PLANNED_LATE, msg(
                "next review planned for {day}, after {due_by}; {rule}",
                day=next_planned.isoformat(), due_by=due_by.isoformat(), rule=rule))
        return status(CadenceState.PLANNED, msg("next review planned for {day}",
                                                day=next_planned.isoformat()))
    if last_review is None or since is None or due_by is None:
        return status(CadenceState.NEVER_REVIEWED, msg("no review on record; {rule}",
                                                       rule=rule))
    if since > cadence.latest_days:
        return status(CadenceState.OVERDUE, msg_plural(
            "no review since {day}, {count} day; {rule}",
            "no review since {day}, {count} days; {rule}", since,
            day=last_review.isoformat(), rule=rule))
    if since > cadence.expected_days:
        return status(CadenceState.DUE, msg_plural(
            "last review {day}, {count} day ago; {tier} accounts {aim}: hold the next one "
            "by {due_by}",
            "last review {day}, {count} days ago; {tier} accounts {aim}: hold the next one "
            "by {due_by}", since, day=last_review.isoformat(), tier=tier_label(tier),
            aim=cadence.aim, due_by=due_by.isoformat()))
    return status(CadenceState.ON_TRACK, msg_plural(
        "last review {day}, {count} day ago; the next one is due by {due_by}",
        "last review {day}, {count} days ago; the next one is due by {due_by}", since,
        day=last_review.isoformat(), due_by=due_by.isoformat()))
