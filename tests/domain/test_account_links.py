"""An account name never carries a live link to the customer: refused at the door, and one
stored earlier is broken for display in what the customer receives."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qbr_desktop.domain.accounts import AccountDraft, has_link, validate_account, without_links
from qbr_desktop.domain.errors import ValidationFailed

TIERS = ("Strategic", "Growth", "Core")


@pytest.mark.parametrize("name", [
    "Acme http://evil.example/login", "Acme HTTPS://evil.example", "www.evil.example Corp",
    "Acme (mailto:ceo@evil.example)", "javascript:alert(1)", "Acme https : //x",
    "data:text/html,hi", "Acme WWW . evil . example",
])
def test_a_name_with_a_link_is_refused(name: str) -> None:
    assert has_link(name)
    with pytest.raises(ValidationFailed, match="web address"):
        validate_account(AccountDraft(name=name, arr=Decimal(1000)), tiers=TIERS)
    shown = without_links(name)
    assert not has_link(shown)
    assert shown.replace("[:]", ":").replace("[.]", ".") == name


@pytest.mark.parametrize("name", ["Booking.com", "Acme: Logistics", "AT&T Wireless",
                                  "Café Olé <Group> & Co", "株式会社 https", "Wwwonderful Ltd"])
def test_ordinary_names_pass_unchanged(name: str) -> None:
    assert not has_link(name)
    assert without_links(name) == name
    assert validate_account(AccountDraft(name=name, arr=Decimal(1000)), tiers=TIERS).name == name
