"""Tier boundaries for both models, custom thresholds, and overrides."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qbr_desktop.domain.tiers import (
    DEFAULT_MODEL,
    SCHEMES,
    TierBand,
    TierModel,
    TierScheme,
    effective_tier,
    validate_bands,
)


@pytest.mark.parametrize(
    ("arr", "tier"),
    [
        ("0", "Core"),
        ("24999.99", "Core"),
        ("25000", "Growth"),
        ("25000.01", "Growth"),
        ("75000", "Growth"),  # "above $75k": exactly 75,000 is not above
        ("75000.01", "Strategic"),
        ("10000000", "Strategic"),
    ],
)
def test_three_tier_boundaries(three_tier: TierScheme, arr: str, tier: str) -> None:
    assert three_tier.tier_for(Decimal(arr)) == tier


@pytest.mark.parametrize(
    ("arr", "tier"),
    [
        ("0", "Tech-Touch"),
        ("4999.99", "Tech-Touch"),
        ("5000", "SMB"),
        ("24999.99", "SMB"),
        ("25000", "Mid-Market"),
        ("99999.99", "Mid-Market"),
        ("100000", "Enterprise"),
        ("499999.99", "Enterprise"),
        ("500000", "Strategic"),
        ("500000.01", "Strategic"),
    ],
)
def test_five_segment_boundaries(five_segment: TierScheme, arr: str, tier: str) -> None:
    assert five_segment.tier_for(Decimal(arr)) == tier


def test_default_model_is_three_tier() -> None:
    assert DEFAULT_MODEL is TierModel.THREE_TIER
    assert SCHEMES[DEFAULT_MODEL].tiers == ("Strategic", "Growth", "Core")
    assert SCHEMES[TierModel.FIVE_SEGMENT].tiers == (
        "Strategic", "Enterprise", "Mid-Market", "SMB", "Tech-Touch")


def test_bands_are_listed_highest_first_in_every_scheme() -> None:
    for scheme in SCHEMES.values():
        validate_bands(scheme.bands)
        assert scheme.bands[-1].minimum == 0


def test_with_minimums_moves_thresholds(three_tier: TierScheme) -> None:
    custom = three_tier.with_minimums({"Strategic": Decimal("100000"), "Growth": Decimal("30000")})
    assert custom.tier_for(Decimal("99999.99")) == "Growth"
    assert custom.tier_for(Decimal("100000")) == "Strategic"
    assert custom.tier_for(Decimal("29999.99")) == "Core"
    assert custom.model is three_tier.model
    assert custom.tiers == three_tier.tiers
    # The built-in scheme is untouched.
    assert three_tier.tier_for(Decimal("80000")) == "Strategic"


def test_with_minimums_keeps_the_lowest_band_at_zero(five_segment: TierScheme) -> None:
    custom = five_segment.with_minimums({"Tech-Touch": Decimal("1000")})
    assert custom.bands[-1] == TierBand("Tech-Touch", Decimal(0))
    assert custom.tier_for(Decimal("0")) == "Tech-Touch"


@pytest.mark.parametrize(
    "minimums",
    [
        {"Strategic": Decimal("20000")},  # below Growth's 25,000
        {"Strategic": Decimal("25000")},  # equal to Growth: not descending
        {"Growth": Decimal("80000")},  # above Strategic's 75,000.01
        {"Growth": Decimal("0")},  # equal to Core's forced zero
        {"Growth": Decimal("-5")},
    ],
)
def test_with_minimums_rejects_thresholds_that_do_not_descend(
    three_tier: TierScheme, minimums: dict[str, Decimal]
) -> None:
    with pytest.raises(ValueError, match="must be above"):
        three_tier.with_minimums(minimums)


def test_with_minimums_rejects_tiers_of_another_model(three_tier: TierScheme) -> None:
    with pytest.raises(ValueError, match="unknown tier.*Enterprise"):
        three_tier.with_minimums({"Enterprise": Decimal("100000")})


def test_validate_bands_rejects_negative_thresholds() -> None:
    with pytest.raises(ValueError, match="negative"):
        validate_bands([TierBand("High", Decimal("10")), TierBand("Low", Decimal("-1"))])


def test_effective_tier_uses_an_override_of_the_scheme_in_use(three_tier: TierScheme) -> None:
    assert effective_tier(Decimal("1000000"), "Core", three_tier) == "Core"
    assert effective_tier(Decimal("10"), "Strategic", three_tier) == "Strategic"


def test_effective_tier_ignores_an_override_from_the_other_model(
    three_tier: TierScheme, five_segment: TierScheme
) -> None:
    # "Enterprise" was set under five_segment; after switching to three_tier it is ignored.
    assert effective_tier(Decimal("30000"), "Enterprise", three_tier) == "Growth"
    # "Growth" exists only in three_tier.
    assert effective_tier(Decimal("30000"), "Growth", five_segment) == "Mid-Market"
    # "Strategic" exists in both, so it is honoured in both.
    assert effective_tier(Decimal("0"), "Strategic", five_segment) == "Strategic"


@pytest.mark.parametrize("override", [None, ""])
def test_effective_tier_without_override_derives_from_arr(
    three_tier: TierScheme, override: str | None
) -> None:
    assert effective_tier(Decimal("75000.01"), override, three_tier) == "Strategic"
