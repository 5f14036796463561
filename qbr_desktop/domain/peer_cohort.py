"""Peer cohorts: which accounts an account is compared with, and why.

Cohort. Peers share the account's industry, tier and tenure band. When fewer than
`MINIMUM_COHORT` other accounts match, the cohort widens step by step: industry and
tier, then tier alone, then industry alone, then the whole portfolio. A step that
needs a fact the account lacks (no industry, unknown tenure) is skipped. The account
itself is never one of its own peers, and the cohort size counts only the others.

Choosing the cohort is separate from ranking within it (qbr_desktop.domain.benchmark):
who counts as a peer, and the note that says how far the cohort had to widen, need no
metric, no percentile and no phrase.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from qbr_desktop.i18n import (
    N_,
    Catalogue,
    Message,
    interface_catalogue,
    msg,
    msg_in_context,
    msg_plural,
)

MINIMUM_COHORT = 5
UNKNOWN_TENURE = N_("Unknown tenure")
TENURE_BANDS = (N_("Under 1 year"), N_("1–2 years"), N_("2–5 years"), N_("5+ years"))
WHOLE_PORTFOLIO = N_("the whole portfolio")


def tenure_band(customer_since: date | None, today: date) -> str:
    """Full years as a customer, counted by anniversaries (a 29 February start counts
    its anniversary on 1 March in other years)."""
    if customer_since is None:
        return UNKNOWN_TENURE
    years = today.year - customer_since.year
    if (today.month, today.day) < (customer_since.month, customer_since.day):
        years -= 1
    if years < 1:
        return TENURE_BANDS[0]
    if years < 2:
        return TENURE_BANDS[1]
    if years < 5:
        return TENURE_BANDS[2]
    return TENURE_BANDS[3]


@dataclass(frozen=True, slots=True)
class PeerProfile:
    account_id: int
    industry: str
    tier: str
    tenure: str
    values: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Cohort:
    criteria: tuple[str, ...]
    description: str
    size: int
    fallback_note: Message | None

    def words(self, book: Catalogue | None = None) -> str:
        """The description in the catalogue's language (the window's): the tenure band and
        the whole portfolio translated, the industry and the tier as the portfolio names
        them."""
        book = book or interface_catalogue()
        if not self.criteria:
            return book.gettext(self.description)
        parts = self.description.split(" · ")
        if len(parts) != len(self.criteria):
            return self.description  # a " · " inside an industry's name: shown as stored
        return " · ".join(book.gettext(part) if criterion == "tenure" else part
                          for criterion, part in zip(self.criteria, parts, strict=True))


# Widest last: the whole portfolio always qualifies, however small.
COHORT_STEPS: tuple[tuple[str, ...], ...] = (
    ("industry", "tier", "tenure"),
    ("industry", "tier"),
    ("tier",),
    ("industry",),
    (),
)


def _normal(text: str | None) -> str:
    return (text or "").strip().casefold()


def _known(profile: PeerProfile, criterion: str) -> bool:
    value = _normal(getattr(profile, criterion))
    return bool(value) and value != _normal(UNKNOWN_TENURE)


def cohort_key(profile: PeerProfile, criteria: tuple[str, ...]) -> tuple[str, ...]:
    # Case and stray spaces differ between imports; "retail " and "Retail" are one industry.
    return tuple(_normal(getattr(profile, c)) for c in criteria)


def _describe(target: PeerProfile, criteria: tuple[str, ...]) -> str:
    if not criteria:
        return WHOLE_PORTFOLIO
    return " · ".join(getattr(target, c).strip() for c in criteria)


# A criterion as the fallback note names it: first in the sentence, or later in it.
_CRITERIA_FIRST = {"industry": msg_in_context("cohort criterion", "Industry"),
                   "tier": msg_in_context("cohort criterion", "Tier"),
                   "tenure": msg_in_context("cohort criterion", "Tenure")}
_CRITERIA_LATER = {"industry": msg_in_context("cohort criterion", "industry"),
                   "tier": msg_in_context("cohort criterion", "tier"),
                   "tenure": msg_in_context("cohort criterion", "tenure")}


def _widened_to(target: PeerProfile, criteria: tuple[str, ...], size: int) -> Message:
    industry, tier = target.industry.strip(), target.tier.strip()
    if criteria == ("industry", "tier"):
        return msg_plural("{count} account in {industry} on the {tier} tier",
                          "{count} accounts in {industry} on the {tier} tier", size,
                          industry=industry, tier=tier)
    if criteria == ("tier",):
        return msg_plural("{count} {tier}-tier account", "{count} {tier}-tier accounts", size,
                          tier=tier)
    if criteria == ("industry",):
        return msg_plural("{count} account in {industry}", "{count} accounts in {industry}",
                          size, industry=industry)
    return msg_plural("the whole portfolio ({count} other account)",
                      "the whole portfolio ({count} other accounts)", size)


def _not_recorded(missing: list[str]) -> Message:
    words = [_CRITERIA_FIRST[missing[0]], *(_CRITERIA_LATER[c] for c in missing[1:])]
    if len(words) == 1:
        return msg("{first} is not recorded", first=words[0])
    if len(words) == 2:
        return msg("{first} and {second} are not recorded", first=words[0], second=words[1])
    return msg("{first} and {second} and {third} are not recorded", first=words[0],
               second=words[1], third=words[2])


def _fallback_note(target: PeerProfile, first_size: int | None,
                   criteria: tuple[str, ...], size: int, minimum: int) -> Message:
    if first_size is None:
        reason = _not_recorded([c for c in COHORT_STEPS[0] if not _known(target, c)])
    elif first_size == 0:
        reason = msg("No other account shares industry, tier and tenure")
    elif first_size == 1:
        reason = msg("Only 1 peer shares industry, tier and tenure")
    else:
        reason = msg("Only {count} peers share industry, tier and tenure", count=first_size)
    note = msg("{reason}; compared with {cohort} instead.", reason=reason,
               cohort=_widened_to(target, criteria, size))
    if size < minimum:
        return msg("{note} That is still a small group, so read the percentiles with care.",
                   note=note)
    return note


def eligible_steps(target: PeerProfile) -> list[tuple[str, ...]]:
    return [step for step in COHORT_STEPS if all(_known(target, c) for c in step)]


def choose_cohort(target: PeerProfile, sizes: Mapping[tuple[str, ...], int],
            minimum: int) -> Cohort:
    """The narrowest eligible step with enough peers, and a note when it is not the first."""
    steps = eligible_steps(target)
    chosen = next((s for s in steps if sizes[s] >= minimum), ())
    if chosen == COHORT_STEPS[0]:
        note = None
    else:
        first = COHORT_STEPS[0]
        first_size = sizes[first] if first in steps else None
        note = _fallback_note(target, first_size, chosen, sizes[chosen], minimum)
    return Cohort(chosen, _describe(target, chosen), sizes[chosen], note)
