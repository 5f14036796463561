"""A figure's value as a person reads it: a share as a whole percentage, a survey score with
one decimal, health points signed. Used alike by the window, the CLI and the exports."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from qbr_desktop.domain.programme.metrics import Figure, Unit
from qbr_desktop.i18n import ui_label

NO_VALUE = "—"


def value_text(unit: Unit, value: Decimal | None) -> str:
    if value is None:
        return NO_VALUE
    if unit is Unit.SHARE:
        percent = (value * 100).quantize(Decimal(1), ROUND_HALF_UP)
        return f"{percent}%"
    tenth = value.quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{tenth:+}" if unit is Unit.POINTS else f"{tenth}"


def figure_text(figure: Figure) -> str:
    """'92 % · met', '— · not enough data'."""
    return f"{value_text(figure.spec.unit, figure.value)} · {ui_label(figure.status.label)}"
