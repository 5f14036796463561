"""Money shows with the CSM's locale: Qt's separators and grouping become a NumberStyle."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from qbr_desktop.domain.money import DEFAULT_STYLE, Money, format_money, use_number_style
from qbr_desktop.gui.application import configure_application
from qbr_desktop.gui.locale_style import style_for


@pytest.mark.parametrize(("name", "expected"), [
    ("en_US", "1,234,567.50"),
    ("de_DE", "1.234.567,50"),
    ("fr_FR", "1\u202f234\u202f567,50"),
    ("en_IN", "12,34,567.50"),
    ("de_CH", "1'234'567.50"),
    ("C", "1,234,567.50"),
])
def test_each_locale_groups_as_qt_writes_it(name: str, expected: str) -> None:
    locale = QLocale(name)
    style = style_for(locale)
    assert style.number(Decimal("1234567.5"), 2) == expected
    if name != "C":
        assert style.number(Decimal("1234567.5"), 2) == locale.toString(1234567.5, "f", 2)


def test_four_digit_numbers_stay_ungrouped_where_the_locale_says_so() -> None:
    assert style_for(QLocale("es_ES")).number(Decimal(1234)) == "1234"
    assert style_for(QLocale("es_ES")).number(Decimal(12345)) == "12.345"


@pytest.fixture
def german_default() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(before)
    use_number_style(DEFAULT_STYLE)


def test_the_application_takes_its_numbers_from_the_locale(german_default: None,
                                                           qapp: Any) -> None:
    configure_application(qapp)
    assert format_money(Money(Decimal("1200000"), "EUR")) == "€1.200.000"
