"""The account metrics kept quarter by quarter, and their history as a grid."""

from __future__ import annotations

from dataclasses import dataclass

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.i18n import N_, ui_label


@dataclass(frozen=True, slots=True)
class MetricDefinition:
    key: str
    label: str  # English, marked with N_(): shown through ui_label()
    unit: str  # "count", "score", "percent", "flag" (1 = yes, 0 = no)
    decimals: int = 0


METRICS: tuple[MetricDefinition, ...] = (
    MetricDefinition("active_users", N_("Active users"), "count"),
    MetricDefinition("licensed_seats", N_("Licensed seats"), "count"),
    MetricDefinition("features_adopted", N_("Features adopted"), "count"),
    MetricDefinition("features_available", N_("Features available"), "count"),
    MetricDefinition("logins", N_("Logins"), "count"),
    MetricDefinition("support_tickets", N_("Support tickets"), "count"),
    MetricDefinition("csat", N_("CSAT (1–5)"), "score", 1),
    MetricDefinition("nps", N_("NPS (−100 to 100)"), "score"),
    MetricDefinition("exec_sponsor_engaged", N_("Executive sponsor engaged"), "flag"),
)
METRICS_BY_KEY = {m.key: m for m in METRICS}


@dataclass(frozen=True, slots=True)
class MetricValue:
    period: Quarter
    key: str
    value: float


@dataclass(frozen=True, slots=True)
class MetricHistory:
    """Values by metric and quarter; quarters ascending, missing values as None."""

    quarters: tuple[Quarter, ...]
    rows: tuple[tuple[MetricDefinition, tuple[float | None, ...]], ...]

    @classmethod
    def from_values(cls, values: list[MetricValue]) -> MetricHistory:
        quarters = tuple(sorted({v.period for v in values}))
        index = {(v.key, v.period): v.value for v in values}
        keys = [m.key for m in METRICS] + sorted(
            {v.key for v in values} - set(METRICS_BY_KEY)
        )
        rows = []
        for key in keys:
            definition = METRICS_BY_KEY.get(key, MetricDefinition(key, key, "count"))
            series = tuple(index.get((key, q)) for q in quarters)
            if any(v is not None for v in series):
                rows.append((definition, series))
        return cls(quarters, tuple(rows))


def format_metric(definition: MetricDefinition, value: float | None) -> str:
    if value is None:
        return "—"
    if definition.unit == "flag":
        # Any non-zero value reads as yes, so an imported "1.0" or "2" is not shown as "no".
        return ui_label(N_("yes") if value else N_("no"))
    return f"{value:,.{definition.decimals}f}"
