"""What a dropped file is (accounts, contacts or usage) and, once planned, what it holds.

Several files dropped at once are told apart by their headers: the fields only one kind
has (ARR, renewal date; first name, email; a metric, a month column) count for that kind.
A remembered layout settles it before any guess (services.prepare_data).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qbr_desktop.domain.metrics import METRICS_BY_KEY
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.imports.fields import FIELDS, METRIC_KEYS, ImportKind, guess_mapping
from qbr_desktop.imports.period_columns import find_period_columns
from qbr_desktop.imports.plan import ImportPlan

#: The fields that say which kind a file is; a field two kinds share says nothing.
_TELLING: dict[ImportKind, frozenset[str]] = {
    ImportKind.ACCOUNTS: frozenset({"arr", "currency", "renewal_date", "customer_since",
                                    "industry", "country", "employee_band", "csm_owner",
                                    "tier_override"}),
    ImportKind.CONTACTS: frozenset({"first_name", "last_name", "email", "title", "phone",
                                    "department", "level"}),
    ImportKind.METRICS: frozenset({"period", "metric", "value"} | (METRIC_KEYS -
                                                                    {"licensed_seats"})),
}
KIND_WORDS = {ImportKind.ACCOUNTS: "Accounts", ImportKind.CONTACTS: "Contacts",
              ImportKind.METRICS: "Usage"}


def guess_kind(headers: Sequence[str], ambiguous: Iterable[str] = ()) -> ImportKind | None:
    """The kind the headers speak for most, or None when they speak for none."""
    skip = set(ambiguous)
    periods = find_period_columns(headers, skip=skip)[0]
    scores: dict[ImportKind, int] = {}
    for kind in FIELDS:
        hidden = skip | ({c.header for c in periods} if kind is ImportKind.METRICS else set())
        mapped = guess_mapping(kind, headers, hidden)
        scores[kind] = len(set(mapped) & _TELLING[kind])
    if periods:
        scores[ImportKind.METRICS] += 3
    best = max(scores.values())
    if best == 0:
        return None
    return next(kind for kind in FIELDS if scores[kind] == best)


def describe_holdings(plan: ImportPlan) -> str:
    """One sentence on what the file would bring: 'Usage of 5 accounts: Active users,
    Logins…; 2025 Q1 to 2026 Q3 (21 monthly columns rolled up); 280 new values'."""
    changes = f"{plan.created:,} new, {plan.updated:,} updated"
    rejected = f", {plan.rejected:,} rows rejected" if plan.rejected else ""
    if plan.kind is ImportKind.ACCOUNTS:
        held = [f.label for f in FIELDS[plan.kind]  # in the form's order, however mapped
                if plan.mapping.get(f.key) and f.key not in ("name", "external_id")]
        rows = plan.created + plan.updated + plan.unchanged
        what = f": {', '.join(held)}" if held else ""
        return f"{rows:,} account{_s(rows)} ({changes}{rejected}){what}"
    accounts = len(plan.account_ids)
    if plan.kind is ImportKind.CONTACTS:
        rows = plan.created + plan.updated + plan.unchanged
        return (f"{rows:,} contact{_s(rows)} of {accounts:,} account{_s(accounts)} "
                f"({changes}{rejected})")
    metrics = ", ".join(METRICS_BY_KEY[k].label for k in METRICS_BY_KEY if k in plan.metric_keys)
    span = quarter_span(plan.quarters)
    source = f" ({plan.periods})" if plan.periods else ""
    return (f"Usage of {accounts:,} account{_s(accounts)}: {metrics or 'no metrics'}; "
            f"{span}{source}; {changes} values{rejected}")


def quarter_span(quarters: Iterable[str]) -> str:
    """'2025 Q1 to 2026 Q3 (7 quarters)' from stored quarters."""
    ordered = sorted(Quarter.parse(q) for q in quarters)
    if not ordered:
        return "no quarters"
    first, last = ordered[0], ordered[-1]
    words = f"{first.year} Q{first.number}"
    if last != first:
        words += f" to {last.year} Q{last.number}"
    return f"{words} ({len(ordered)} quarter{_s(len(ordered))})"


def _s(count: int) -> str:
    return "" if count == 1 else "s"
