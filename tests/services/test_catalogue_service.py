"""The product catalogue: whole-table saves that are all or nothing, and owned entries."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.services.catalogue import CatalogueItem, validate_catalogue
from qbr_desktop.services.context import AppContext
from qbr_desktop.store.errors import NotFoundError


def _item(name: str, price: str = "96", **changes: object) -> CatalogueItem:
    return CatalogueItem(None, name, price=Decimal(price), **changes)  # type: ignore[arg-type]


def test_a_saved_catalogue_reads_back_with_exact_prices(context: AppContext) -> None:
    context.catalogue.replace([_item("Analytics <Pro> & Co", "96.50"),
                               _item("Enterprise Plan", "180", kind="plan"),
                               _item("Premium Support", "12000", pricing="flat")])

    items = {item.name: item for item in context.catalogue.items()}

    assert items["Analytics <Pro> & Co"].price == Decimal("96.50")
    assert items["Enterprise Plan"].kind == "plan"
    assert items["Premium Support"].pricing == "flat"


def test_renaming_editing_and_removing_entries_keeps_ids_of_the_survivors(
        context: AppContext) -> None:
    context.catalogue.replace([_item("A"), _item("B")])
    first, second = context.catalogue.items()
    renamed = CatalogueItem(first.id, "A2", price=Decimal("10"))

    context.catalogue.replace([renamed])

    (only,) = context.catalogue.items()
    assert (only.id, only.name, only.price) == (first.id, "A2", Decimal("10.00"))
    assert second.id != only.id


@pytest.mark.parametrize(("items", "message"), [
    ([_item("")], "Row 1 needs a name"),
    ([_item("Same"), _item("same ")], "Row 2 repeats “same” from row 1"),
    ([_item("X", "-1")], "Row 1: a price cannot be negative"),
    ([_item("X", "1.005")], "Row 1: prices are kept to the cent"),
    ([_item("X", currency="UDS")], "Row 1: “UDS” is not a supported currency code"),
    ([_item("X", kind="addon")], "Row 1: kind must be module or plan"),
])
def test_a_bad_row_is_named_and_nothing_is_saved(
        context: AppContext, items: list[CatalogueItem], message: str) -> None:
    context.catalogue.replace([_item("Kept")])

    with pytest.raises(ValidationFailed) as caught:
        context.catalogue.replace(items)

    assert message in caught.value.problems.values()
    assert [item.name for item in context.catalogue.items()] == ["Kept"]
    assert validate_catalogue(items)


def test_owned_entries_are_replaced_as_a_set_and_feed_the_expansion_estimate(
        context: AppContext) -> None:
    account = context.accounts.create(AccountDraft("Owner", arr=Decimal("48000"),
                                                   licensed_seats=100))
    context.catalogue.replace([_item("Analytics"), _item("Automation", "120")])
    analytics, automation = context.catalogue.items()
    before = context.insights.expansion(account.id)

    context.catalogue.set_owned(account.id, [analytics.id or 0])

    assert context.catalogue.owned(account.id) == {analytics.id}
    after = context.insights.expansion(account.id)
    titles_before = {line.title for line in before.lines}
    titles_after = {line.title for line in after.lines}
    assert any("Analytics" in title for title in titles_before)
    assert not any("Analytics" in title for title in titles_after)
    assert any("Automation" in title for title in titles_after)
    assert after.total == before.total - Decimal("9600.00")  # 96 a seat x 100 seats


def test_owning_an_unknown_entry_or_for_an_unknown_account_is_refused(
        context: AppContext) -> None:
    account = context.accounts.create(AccountDraft("Owner"))
    with pytest.raises(NotFoundError, match="No catalogue entry with id 999"):
        context.catalogue.set_owned(account.id, [999])
    with pytest.raises(NotFoundError, match="No account with id 12345"):
        context.catalogue.set_owned(12345, [])
