"""Account tiers: which review cadence and preparation depth an account earns.

Two models are offered, because the two source playbooks disagree:

* ``three_tier`` (default): Strategic above $75k ARR, Growth from $25k, Core below.
* ``five_segment``: Strategic from $500k, Enterprise from $100k, Mid-Market from $25k,
  SMB from $5k, Tech-Touch below.

Thresholds compare the ARR figure in the account's own currency. A portfolio that mixes
currencies keeps its tiers honest with a per-account override.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.i18n import N_, Message, msg, msg_in_context, msg_plural


class TierModel(StrEnum):
    THREE_TIER = "three_tier"
    FIVE_SEGMENT = "five_segment"


@dataclass(frozen=True, slots=True)
class TierBand:
    """ARR at or above `minimum` (and below the next band up) earns `tier`."""

    tier: str
    minimum: Decimal


@dataclass(frozen=True, slots=True)
class TierScheme:
    model: TierModel
    label: str
    bands: tuple[TierBand, ...]  # highest minimum first

    @property
    def tiers(self) -> tuple[str, ...]:
        return tuple(band.tier for band in self.bands)

    def tier_for(self, arr: Decimal) -> str:
        for band in self.bands:
            if arr >= band.minimum:
                return band.tier
        return self.bands[-1].tier

    def with_minimums(self, minimums: Mapping[str, Decimal]) -> TierScheme:
        """The same tiers with new thresholds; the lowest band always starts at zero."""
        unknown = set(minimums) - set(self.tiers)
        if unknown:
            raise TierThresholdError(msg_plural(
                "unknown tier for {scheme}: {tiers}", "unknown tiers for {scheme}: {tiers}",
                len(unknown), scheme=msg(self.label), tiers=", ".join(sorted(unknown))))
        bands = [TierBand(b.tier, minimums.get(b.tier, b.minimum)) for b in self.bands]
        bands[-1] = TierBand(bands[-1].tier, Decimal(0))
        validate_bands(bands)
        return TierScheme(self.model, self.label, tuple(bands))


class TierThresholdError(DomainError, ValueError):
    """Thresholds out of order or below zero (a ValueError, as callers have caught since
    before it read in the interface language)."""


def validate_bands(bands: Sequence[TierBand]) -> None:
    for upper, lower in zip(bands, bands[1:], strict=False):
        if upper.minimum <= lower.minimum:
            raise TierThresholdError(msg(
                "the {upper} threshold ({upper_amount}) must be above the {lower} threshold "
                "({lower_amount})", upper=tier_label(upper.tier),
                upper_amount=_amount(upper.minimum), lower=tier_label(lower.tier),
                lower_amount=_amount(lower.minimum)))
    if any(band.minimum < 0 for band in bands):
        raise TierThresholdError(msg("tier thresholds cannot be negative"))


def _amount(value: Decimal) -> str:
    return f"{value:,.2f}".removesuffix(".00")


SCHEMES: dict[TierModel, TierScheme] = {
    TierModel.THREE_TIER: TierScheme(
        TierModel.THREE_TIER,
        N_("Three tiers (Strategic / Growth / Core)"),
        (
            # "above $75k": the first cent past 75,000 is Strategic.
            TierBand("Strategic", Decimal("75000.01")),
            TierBand("Growth", Decimal("25000")),
            TierBand("Core", Decimal("0")),
        ),
    ),
    TierModel.FIVE_SEGMENT: TierScheme(
        TierModel.FIVE_SEGMENT,
        N_("Five segments (Strategic / Enterprise / Mid-Market / SMB / Tech-Touch)"),
        (
            TierBand("Strategic", Decimal("500000")),
            TierBand("Enterprise", Decimal("100000")),
            TierBand("Mid-Market", Decimal("25000")),
            TierBand("SMB", Decimal("5000")),
            TierBand("Tech-Touch", Decimal("0")),
        ),
    ),
}
DEFAULT_MODEL = TierModel.THREE_TIER

# What a tier is called where it is shown. The stored value, sorting, filtering by value and
# `--json` keep the English name; only the words on screen come from the catalogue.
TIER_LABELS: dict[str, Message] = {
    "Strategic": msg_in_context("tier", "Strategic"),
    "Growth": msg_in_context("tier", "Growth"),
    "Core": msg_in_context("tier", "Core"),
    "Enterprise": msg_in_context("tier", "Enterprise"),
    "Mid-Market": msg_in_context("tier", "Mid-Market"),
    "SMB": msg_in_context("tier", "SMB"),
    "Tech-Touch": msg_in_context("tier", "Tech-Touch"),
}


def tier_label(tier: str) -> Message | str:
    """A tier's name to show (a message for the schemes' tiers; any other text as it is)."""
    return TIER_LABELS.get(tier, tier)


def effective_tier(arr: Decimal, override: str | None, scheme: TierScheme) -> str:
    """The override when it names a tier of the scheme in use, else the ARR-derived tier.

    An override from the other model (set before the model was switched) is ignored
    rather than shown as a tier the current model does not have.
    """
    if override and override in scheme.tiers:
        return override
    return scheme.tier_for(arr)
