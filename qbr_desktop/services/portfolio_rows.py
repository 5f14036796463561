"""The Portfolio overview's rows: every account, each row built when first looked at.

At 50,000 accounts building every row as the view opens took a quarter of its time, yet
a screen shows thirty. The rows keep the store's reads as they came and build a row when
it is asked for; what the view sorts, filters and counts over every account (a column of
one value per account) is made in one pass of C-level maps and kept.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import InitVar, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from operator import countOf, itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from qbr_desktop.domain.health import Band
from qbr_desktop.domain.money import Money
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.tiers import TierScheme

if TYPE_CHECKING:  # the view's model imports this module, and the store's reads need not load
    from qbr_desktop.store.insight_cache import PortfolioFacts, StoredInsight

ZERO = Decimal(0)
BANDS = {band.value: band for band in Band}
CENT = Decimal("0.01")


class PortfolioRow(NamedTuple):
    """One account in the portfolio view: what a CSM scans before choosing where to look.

    A named tuple rather than a frozen dataclass: 10,000 of them are built as the view
    opens, and a tuple is made several times faster.
    """

    account_id: int
    name: str
    tier: str
    industry: str
    arr: Money
    renewal_date: date | None
    next_review_at: datetime | None
    health: float | None
    band: Band | None
    change: float | None
    confidence: float
    latest_quarter: Quarter | None
    readiness: str
    expansion: Decimal
    open_risks: int
    open_opportunities: int
    #: Not yet computed: the view shows the account and fills health in shortly.
    pending: bool = False

    @property
    def at_risk(self) -> bool:
        return is_at_risk(self.band, self.change, self.open_risks)

    @property
    def expansion_ready(self) -> bool:
        return is_expansion_ready(self.readiness, self.expansion)


# The store works the same two rules out in SQL for stored results (store/insight_cache.py).
def is_at_risk(band: str | None, change: float | None, open_risks: int) -> bool:
    falling = change is not None and change <= -10
    return band == Band.RED or falling or (band == Band.YELLOW and open_risks > 0)


def is_expansion_ready(readiness: str, expansion: Decimal) -> bool:
    return readiness == "ready" and expansion > 0


#: The names `PortfolioRows.column` answers: each field of a row, and its two flags.
COLUMNS = frozenset(PortfolioRow._fields) | {"at_risk", "expansion_ready"}

# Positions in PortfolioFacts.accounts (see its docstring).
_ID, _NAME, _INDUSTRY, _CENTS, _CURRENCY, _OVERRIDE, _RENEWAL = range(7)
_CONFIDENCE, _HEALTH, _BAND, _CHANGE, _QUARTER, _READINESS, _EXPANSION = range(7, 14)
_AT_RISK, _EXPANSION_READY = 15, 16


class PortfolioRows(Sequence[PortfolioRow]):
    """Every account's row, in name order, built from the store's reads on first use.

    Equal to any sequence of the same rows. Made on a worker; once handed to the GUI
    thread it is used there alone (columns and rows are cached without a lock).
    """

    def __init__(self, facts: PortfolioFacts, scheme: TierScheme) -> None:
        self._accounts = facts.accounts
        self._read = True  # columns come from the reads (else from rows made elsewhere)
        self._renewal_dates = facts.renewal_dates
        self._next_reviews = facts.next_reviews
        self._risks = facts.open_risks
        self._minimums, self._tiers = tier_bisection(scheme)
        self._overrides = frozenset(scheme.tiers)
        self._built: list[PortfolioRow | None] = [None] * len(facts.accounts)
        self._columns: dict[str, list[Any]] = {}
        self._amounts: dict[tuple[int, str], Money] = {}
        self._decimals: dict[str, Decimal] = {}
        self._quarters: dict[str | None, Quarter | None] = {None: None}

    @classmethod
    def of(cls, rows: Iterable[PortfolioRow]) -> PortfolioRows:
        """Rows already built (a slice of an overview, or rows made by hand)."""
        made = cls.__new__(cls)
        made._accounts = []
        made._read = False
        made._built = list(rows)
        made._columns = {}
        return made

    def __len__(self) -> int:
        return len(self._built)

    @overload
    def __getitem__(self, index: int) -> PortfolioRow: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[PortfolioRow, ...]: ...

    def __getitem__(self, index: int | slice) -> PortfolioRow | tuple[PortfolioRow, ...]:
        if isinstance(index, slice):
            return tuple(self[position] for position in range(*index.indices(len(self))))
        row = self._built[index]
        if row is None:
            row = self._built[index] = self._build(self._accounts[index])
        return row

    def __iter__(self) -> Iterator[PortfolioRow]:
        for position in range(len(self)):
            yield self[position]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(
            mine == theirs for mine, theirs in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which have none

    def __repr__(self) -> str:
        return f"PortfolioRows({len(self)} accounts)"

    def column(self, name: str) -> list[Any]:
        """`name`'s value (a field of `PortfolioRow`, `at_risk` or `expansion_ready`) for
        every row, by position: what sorting, filtering and counting read, without a row
        built per account."""
        values = self._columns.get(name)
        if values is None:
            if name not in COLUMNS:
                raise KeyError(name)
            if self._read:
                values = self._from_reads(name)
            else:
                values = [getattr(row, name) for row in self._built]
            self._columns[name] = values
        return values

    def counts(self) -> tuple[int, int, int]:
        """How many rows are pending, at risk and ready to expand."""
        accounts = self._accounts
        if self._read:  # sums of what the store worked out, in C
            return (countOf(map(itemgetter(_CONFIDENCE), accounts), None),
                    sum(map(itemgetter(_AT_RISK), accounts)),
                    sum(map(itemgetter(_EXPANSION_READY), accounts)))
        return (sum(self.column("pending")), sum(self.column("at_risk")),
                sum(self.column("expansion_ready")))

    # --- from the reads, a column at a time ------------------------------------------------

    def _from_reads(self, name: str) -> list[Any]:  # noqa: C901 - one branch per column
        accounts = self._accounts
        if name == "account_id":
            return list(map(itemgetter(_ID), accounts))
        if name == "name":
            return list(map(itemgetter(_NAME), accounts))
        if name == "industry":
            return list(map(itemgetter(_INDUSTRY), accounts))
        if name == "tier":
            minimums, tiers, overrides = self._minimums, self._tiers, self._overrides
            return [override if override in overrides else tiers[bisect_right(minimums, cents)]
                    for cents, override in zip(map(itemgetter(_CENTS), accounts),
                                               map(itemgetter(_OVERRIDE), accounts),
                                               strict=True)]
        if name == "arr":
            return [self._amount(cents, currency) for cents, currency in zip(
                map(itemgetter(_CENTS), accounts), map(itemgetter(_CURRENCY), accounts),
                strict=True)]
        if name == "renewal_date":
            return list(map(self._renewal_dates.__getitem__,
                            map(itemgetter(_RENEWAL), accounts)))
        if name == "next_review_at":
            return list(map(self._next_reviews.get, self.column("account_id")))
        if name == "pending":
            return [confidence is None for confidence in map(itemgetter(_CONFIDENCE), accounts)]
        if name == "confidence":
            return [0.0 if value is None else value
                    for value in map(itemgetter(_CONFIDENCE), accounts)]
        if name in ("health", "change"):
            return list(map(itemgetter(_HEALTH if name == "health" else _CHANGE), accounts))
        if name == "band":
            return list(map(BANDS.get, map(itemgetter(_BAND), accounts)))
        if name == "latest_quarter":
            return list(map(self._quarter, map(itemgetter(_QUARTER), accounts)))
        if name == "readiness":
            return ["" if confidence is None else readiness for confidence, readiness in zip(
                map(itemgetter(_CONFIDENCE), accounts), map(itemgetter(_READINESS), accounts),
                strict=True)]
        if name == "expansion":
            return list(map(self._decimal, map(itemgetter(_EXPANSION), accounts)))
        if name in ("open_risks", "open_opportunities"):
            which, no_risks = (0 if name == "open_risks" else 1), (0, 0)
            return [self._risks.get(account_id, no_risks)[which]
                    for account_id in self.column("account_id")]
        return list(map(bool, map(itemgetter(
            _AT_RISK if name == "at_risk" else _EXPANSION_READY), accounts)))

    # --- one row ---------------------------------------------------------------------------

    def _build(self, read: tuple[Any, ...]) -> PortfolioRow:
        (account_id, name, industry, cents, currency, tier_override, renewal, confidence,
         health, band, change, quarter, readiness, expansion, *_) = read
        tier = (tier_override if tier_override in self._overrides
                else self._tiers[bisect_right(self._minimums, cents)])
        open_risks, opportunities = self._risks.get(account_id, (0, 0))
        arr = self._amount(cents, currency)
        if confidence is None:  # no result stored for this formula
            return PortfolioRow(account_id, name, tier, industry, arr,
                                self._renewal_dates[renewal], self._next_reviews.get(account_id),
                                None, None, None, 0.0, None, "", ZERO, open_risks, opportunities,
                                True)
        return PortfolioRow(
            account_id, name, tier, industry, arr, self._renewal_dates[renewal],
            self._next_reviews.get(account_id), health, BANDS.get(band or ""), change,
            confidence, self._quarter(quarter), readiness, self._decimal(expansion),
            open_risks, opportunities, False)

    # Money, Quarter and Decimal are immutable: equal stored values share one object, each
    # converted once per portfolio.
    def _amount(self, cents: int, currency: str) -> Money:
        amount = self._amounts.get((cents, currency))
        if amount is None:
            amount = self._amounts[cents, currency] = Money(Decimal(cents) * CENT, currency)
        return amount

    def _decimal(self, text: str | None) -> Decimal:
        if text is None:
            return ZERO
        amount = self._decimals.get(text)
        if amount is None:
            amount = self._decimals[text] = Decimal(text)
        return amount

    def _quarter(self, text: str | None) -> Quarter | None:
        try:
            return self._quarters[text]
        except KeyError:
            quarter = self._quarters[text] = Quarter.stored(text)
            return quarter


def with_results(facts: PortfolioFacts, computed: dict[int, StoredInsight]) -> PortfolioFacts:
    """`facts` with each account that had no stored result given the one computed now."""
    if not computed:
        return facts

    no_risks = (0, 0)

    def joined(read: tuple[Any, ...]) -> tuple[Any, ...]:
        fresh = computed.get(read[_ID]) if read[_CONFIDENCE] is None else None
        if fresh is None:
            return read
        open_risks = facts.open_risks.get(read[_ID], no_risks)[0]
        at_risk = is_at_risk(fresh.band, fresh.change, open_risks)
        ready = is_expansion_ready(fresh.readiness, fresh.expansion)
        return (*read[:_CONFIDENCE], fresh.confidence, fresh.health, fresh.band, fresh.change,
                fresh.latest_quarter, fresh.readiness, str(fresh.expansion), read[_EXPANSION + 1],
                int(at_risk), int(ready))

    return facts._replace(accounts=list(map(joined, facts.accounts)))


def tier_bisection(scheme: TierScheme) -> tuple[list[int], list[str]]:
    """`scheme.tier_for` on an ARR in whole cents as ``tiers[bisect_right(minimums, cents)]``.

    Minimums ascending, in cents rounded up (whole cents reach ``minimum * 100`` exactly
    when they reach its ceiling); below every minimum is the lowest band, as in tier_for.
    """
    ascending = scheme.bands[::-1]
    minimums = [math.ceil(band.minimum * 100) for band in ascending]
    return minimums, [ascending[0].tier, *(band.tier for band in ascending)]


@dataclass(frozen=True, slots=True)
class PortfolioOverview:
    rows: Sequence[PortfolioRow]
    as_of: date
    # Counted once where the overview is made (a worker), not each time the view's summary
    # or a filter keystroke looks: each count is a pass over 50,000 rows.
    #: How many accounts still wait for their health to be computed.
    pending: int = field(init=False)
    at_risk_count: int = field(init=False)
    expansion_ready_count: int = field(init=False)
    #: (pending, at risk, ready to expand) when the maker of the rows counted them.
    counts: InitVar[tuple[int, int, int] | None] = None

    def __post_init__(self, counts: tuple[int, int, int] | None) -> None:
        rows = self.rows
        if counts is None:
            counts = (sum(1 for row in rows if row.pending),
                      sum(1 for row in rows if row.at_risk),
                      sum(1 for row in rows if row.expansion_ready))
        object.__setattr__(self, "pending", counts[0])
        object.__setattr__(self, "at_risk_count", counts[1])
        object.__setattr__(self, "expansion_ready_count", counts[2])

    @property
    def at_risk(self) -> tuple[PortfolioRow, ...]:
        return tuple(sorted((r for r in self.rows if r.at_risk),
                            key=lambda r: (r.health if r.health is not None else 101, r.name)))

    @property
    def expansion_ready(self) -> tuple[PortfolioRow, ...]:
        return tuple(sorted((r for r in self.rows if r.expansion_ready),
                            key=lambda r: (-r.expansion, r.name)))
