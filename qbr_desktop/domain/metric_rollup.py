"""How monthly (or weekly, or daily) values of a metric become the quarter's one value.

Usage exports count by month; the portfolio keeps a value per quarter. Each metric says
how its months combine:

* counts that happen during the period add up (logins, support tickets): SUM;
* levels that describe the account at a moment take the last one (active users at the
  quarter's end, licensed seats, features in use, whether the sponsor is engaged): LAST;
* scores measured again and again are averaged (CSAT, NPS): AVERAGE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qbr_desktop.domain.metrics import METRICS_BY_KEY


class Rollup(StrEnum):
    SUM = "sum"
    LAST = "last"
    AVERAGE = "average"


ROLLUPS: dict[str, Rollup] = {
    "active_users": Rollup.LAST,
    "licensed_seats": Rollup.LAST,
    "features_adopted": Rollup.LAST,
    "features_available": Rollup.LAST,
    "logins": Rollup.SUM,
    "support_tickets": Rollup.SUM,
    "csat": Rollup.AVERAGE,
    "nps": Rollup.AVERAGE,
    "exec_sponsor_engaged": Rollup.LAST,
}
#: How each rule reads in a sentence: "Logins: the sum of the months".
RULE_WORDS = {Rollup.SUM: "the sum of the months", Rollup.LAST: "the last month's value",
              Rollup.AVERAGE: "the average of the months"}
#: Averages keep this many decimals, so the same months always give the same stored value.
AVERAGE_DECIMALS = 6


def rollup_for(key: str) -> Rollup:
    """A metric's rule; a metric without one is a level (its last value)."""
    return ROLLUPS.get(key, Rollup.LAST)


@dataclass(frozen=True, slots=True)
class PartValue:
    """One month's (or week's, or day's) value: `start` orders them within the quarter."""

    start: date
    value: float


def combine(key: str, parts: Sequence[PartValue]) -> float:
    """The quarter's value from its parts, by the metric's rule."""
    if not parts:
        raise ValueError("a quarter's value needs at least one part")
    rule = rollup_for(key)
    if rule is Rollup.SUM:
        return float(sum(part.value for part in parts))
    if rule is Rollup.AVERAGE:
        return round(sum(part.value for part in parts) / len(parts), AVERAGE_DECIMALS)
    return max(parts, key=lambda part: part.start).value


def describe_rules(keys: Sequence[str]) -> str:
    """'Active users: the last month's value; Logins: the sum of the months'."""
    return "; ".join(f"{METRICS_BY_KEY[key].label if key in METRICS_BY_KEY else key}: "
                     f"{RULE_WORDS[rollup_for(key)]}" for key in keys)
