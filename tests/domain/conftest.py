"""Fixtures for the domain tests: plain values, no I/O, no Qt, no database."""

from __future__ import annotations

import pytest

from qbr_desktop.domain.tiers import SCHEMES, TierModel, TierScheme


@pytest.fixture
def three_tier() -> TierScheme:
    return SCHEMES[TierModel.THREE_TIER]


@pytest.fixture
def five_segment() -> TierScheme:
    return SCHEMES[TierModel.FIVE_SEGMENT]


@pytest.fixture
def three_tiers(three_tier: TierScheme) -> tuple[str, ...]:
    """The tier names validate_account is given under the default model."""
    return three_tier.tiers
