"""What a dropped file is (accounts, contacts or usage) and, once planned, what it holds.

Several files dropped at once are told apart by their headers: the fields only one kind
has (ARR, renewal date; first name, email; a metric, a month column) count for that kind.
A remembered layout settles it before any guess (services.prepare_data).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qbr_desktop.domain.metrics import METRICS_BY_KEY
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.i18n import N_, Message, msg, msg_plural
from qbr_desktop.imports.fields import FIELDS, METRIC_KEYS, ImportKind, guess_mapping
from qbr_desktop.imports.period_columns import find_period_columns
from qbr_desktop.imports.plan import ImportPlan
from qbr_desktop.imports.table import listed

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
#: What each kind is called where a file's kind is chosen (through `ui_label()`).
KIND_WORDS = {ImportKind.ACCOUNTS: N_("Accounts"), ImportKind.CONTACTS: N_("Contacts"),
              ImportKind.METRICS: N_("Usage")}


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


def describe_holdings(plan: ImportPlan) -> Message:
    """One sentence on what the file would bring: 'Usage of 5 accounts: Active users,
    Logins…; 2025 Q1 to 2026 Q3 (21 monthly columns rolled up); 280 new values'."""
    created, updated, rejected = plan.created, plan.updated, plan.rejected
    if plan.kind is ImportKind.ACCOUNTS:
        held = [msg(f.label) for f in FIELDS[plan.kind]  # in the form's order, however mapped
                if plan.mapping.get(f.key) and f.key not in ("name", "external_id")]
        rows = plan.created + plan.updated + plan.unchanged
        changes = _changes(created, updated, rejected)
        return msg_plural("{count:,} account ({changes}): {fields}",
                          "{count:,} accounts ({changes}): {fields}", rows, changes=changes,
                          fields=_joined(held)) if held else \
            msg_plural("{count:,} account ({changes})", "{count:,} accounts ({changes})", rows,
                       changes=changes)
    accounts = msg_plural("{count:,} account", "{count:,} accounts", len(plan.account_ids))
    if plan.kind is ImportKind.CONTACTS:
        rows = plan.created + plan.updated + plan.unchanged
        return msg_plural("{count:,} contact of {accounts} ({changes})",
                          "{count:,} contacts of {accounts} ({changes})", rows,
                          accounts=accounts, changes=_changes(created, updated, rejected))
    names = [msg(METRICS_BY_KEY[k].label) for k in METRICS_BY_KEY if k in plan.metric_keys]
    metrics = _joined(names) if names else msg("no metrics")
    span = quarter_span(plan.quarters)
    values = (msg_plural("{created:,} new, {updated:,} updated values, {count:,} row rejected",
                         "{created:,} new, {updated:,} updated values, {count:,} rows rejected",
                         rejected, created=created, updated=updated) if rejected
              else msg("{created:,} new, {updated:,} updated values", created=created,
                       updated=updated))
    if plan.periods:
        return msg("Usage of {accounts}: {metrics}; {span} ({periods}); {values}",
                   accounts=accounts, metrics=metrics, span=span, periods=plan.periods,
                   values=values)
    return msg("Usage of {accounts}: {metrics}; {span}; {values}", accounts=accounts,
               metrics=metrics, span=span, values=values)


def _changes(created: int, updated: int, rejected: int) -> Message:
    """'6 new, 0 updated' and, when some are, ', 2 rows rejected'."""
    if rejected:
        return msg_plural("{created:,} new, {updated:,} updated, {count:,} row rejected",
                          "{created:,} new, {updated:,} updated, {count:,} rows rejected",
                          rejected, created=created, updated=updated)
    return msg("{created:,} new, {updated:,} updated", created=created, updated=updated)


def _joined(parts: list[Message]) -> Message:
    return parts[0] if len(parts) == 1 else listed(parts)


def quarter_span(quarters: Iterable[str]) -> Message:
    """'2025 Q1 to 2026 Q3 (7 quarters)' from stored quarters."""
    ordered = sorted(Quarter.parse(q) for q in quarters)
    if not ordered:
        return msg("no quarters")
    first, last = ordered[0], ordered[-1]
    start = msg("{year} Q{number}", year=first.year, number=first.number)
    if last == first:
        return msg_plural("{first} ({count} quarter)", "{first} ({count} quarters)",
                          len(ordered), first=start)
    return msg_plural("{first} to {last} ({count} quarter)", "{first} to {last} ({count} quarters)",
                      len(ordered), first=start,
                      last=msg("{year} Q{number}", year=last.year, number=last.number))
