"""The CSM's locale as a NumberStyle, so money reads as they write it: '1.234.567 €' users
see '1.234.567', Indian users '12,34,567'.

Qt knows each locale's separators and grouping but does not expose the group sizes, so they
are read off a formatted sample number.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from qbr_desktop.domain.money import DEFAULT_STYLE, NumberStyle

_SAMPLE = 1_234_567_890


def style_for(locale: QLocale) -> NumberStyle:
    """The locale's style; the default (1,234.5) for the C locale, which means 'no preference'."""
    if locale.language() == QLocale.Language.C:
        return DEFAULT_STYLE
    group, decimal = locale.groupSeparator(), locale.decimalPoint()
    if not decimal or decimal == group:
        return DEFAULT_STYLE
    if locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator:
        group = ""
    groups = locale.toString(_SAMPLE).split(group) if group else [str(_SAMPLE)]
    if len(groups) < 3 or not all(part.isdigit() for part in groups):
        return NumberStyle(group="", decimal=decimal)
    primary, secondary = len(groups[-1]), len(groups[-2])
    four_digits = locale.toString(1234)
    min_grouping = 1 if group in four_digits else 2
    return NumberStyle(group=group, decimal=decimal, primary=primary, secondary=secondary,
                       min_grouping=min_grouping)
