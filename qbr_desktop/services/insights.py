"""Health, peer benchmarks, expansion whitespace and the portfolio overview, from the store.

Everything is computed from metric snapshots. The portfolio overview alone keeps each
account's result in the store (see store/insight_cache.py), because it shows thousands of
accounts at once; triggers forget a result as soon as its inputs change.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.domain.benchmark import (
    TICKETS_PER_100_SEATS,
    Benchmark,
    benchmark,
    benchmark_portfolio,
    format_peer_value,
    tickets_per_100_seats,
)
from qbr_desktop.domain.expansion import (
    CatalogueEntry,
    DepartmentInfo,
    ExpansionEstimate,
    ExpansionInputs,
    estimate_expansion,
)
from qbr_desktop.domain.health import (
    DEFAULT_WEIGHTS,
    HealthReport,
    HealthScore,
    HealthWeights,
    derived_values,
    health_report,
    health_summary,
    score_quarter,
)
from qbr_desktop.domain.metrics import MetricHistory, MetricValue
from qbr_desktop.domain.peer_cohort import PeerProfile, tenure_band
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.i18n import msg
from qbr_desktop.services.portfolio_rows import (
    PortfolioOverview,
    PortfolioRow,
    PortfolioRows,
    with_results,
)
from qbr_desktop.services.rows import account_row
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError
from qbr_desktop.store.insight_cache import InsightCacheRepository, StoredInsight
from qbr_desktop.store.insight_repositories import (
    CatalogueRepository,
    DepartmentRepository,
    MetricRows,
    PortfolioMetricsRepository,
)
from qbr_desktop.store.models import AccountRow, ProductModuleRow
from qbr_desktop.store.repositories import AccountRepository, SettingRepository

HEALTH_WEIGHTS_KEY = "health.weights"
TREND_QUARTERS = 4  # seat growth is read from this many recent quarters
#: Raise when a formula behind the stored overview results changes: older rows are ignored.
FORMULA_VERSION = 1
Today = Callable[[], date]


def _today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True, slots=True)
class AccountHealth:
    account_id: int
    name: str
    report: HealthReport
    weights: HealthWeights


@functools.lru_cache(maxsize=256)
def _quarter(period: str) -> Quarter:
    return Quarter.parse(period)


def history_from_rows(rows: Iterable[tuple[str, str, float]]) -> MetricHistory:
    return MetricHistory.from_values(
        [MetricValue(_quarter(period), key, value) for period, key, value in rows])


def catalogue_entry(row: ProductModuleRow) -> CatalogueEntry:
    return CatalogueEntry(id=row.id, name=row.name, kind=row.kind, pricing=row.pricing,
                          price=row.price, currency=row.currency)


class InsightService:
    def __init__(self, sessions: sessionmaker[Session], today: Today = _today) -> None:
        self._sessions = sessions
        self._today = today

    # Settings --------------------------------------------------------------------------
    def weights(self) -> HealthWeights:
        with session_scope(self._sessions, reading=True) as session:
            return _read_weights(session)

    def set_weights(self, weights: HealthWeights) -> None:
        with session_scope(self._sessions) as session:
            SettingRepository(session).set(HEALTH_WEIGHTS_KEY, weights.to_dict())

    # One account -----------------------------------------------------------------------
    def resolve(self, text: str) -> int:
        """The account a person named: by id, name (any case or accents) or CRM id."""
        wanted = text.strip()
        with session_scope(self._sessions, reading=True) as session:
            repo = AccountRepository(session)
            # isascii(): "²" and "③" are digits to str.isdigit() but not to int().
            if wanted.isascii() and wanted.isdigit() and repo.get(int(wanted)) is not None:
                return int(wanted)
            found = repo.id_with_name_key(name_key(wanted)) or repo.id_with_external_id(wanted)
            if found is None:
                raise NotFoundError(msg("No account is called or numbered “{wanted}”",
                                        wanted=wanted))
            return found

    def history(self, account_id: int) -> MetricHistory:
        with session_scope(self._sessions, reading=True) as session:
            account_row(session, account_id)
            rows = PortfolioMetricsRepository(session).recent_by_account(
                10_000, [account_id]).get(account_id, [])
            return history_from_rows(rows)

    def health(self, account_id: int) -> AccountHealth:
        with session_scope(self._sessions, reading=True) as session:
            row = account_row(session, account_id)
            weights = _read_weights(session)
            rows = PortfolioMetricsRepository(session).recent_by_account(
                10_000, [account_id]).get(account_id, [])
            return AccountHealth(row.id, row.name, health_report(history_from_rows(rows), weights),
                                 weights)

    def benchmark(self, account_id: int) -> Benchmark:
        with session_scope(self._sessions, reading=True) as session:
            account_row(session, account_id)
            profiles = self._profiles(session)
        target = next(p for p in profiles if p.account_id == account_id)
        return benchmark(target, profiles)

    def expansion(self, account_id: int) -> ExpansionEstimate:
        with session_scope(self._sessions, reading=True) as session:
            row = account_row(session, account_id)
            weights = _read_weights(session)
            rows = PortfolioMetricsRepository(session).recent_by_account(
                TREND_QUARTERS, [account_id]).get(account_id, [])
            catalogue = tuple(catalogue_entry(r) for r in CatalogueRepository(session).all())
            owned = CatalogueRepository(session).owned(account_id)
            departments = tuple(DepartmentInfo(d.name, d.headcount, d.uses_product)
                                for d in DepartmentRepository(session).for_account(account_id))
            report = health_report(history_from_rows(rows), weights)
            return _estimate(row, rows, report, catalogue, owned, departments)

    def name(self, account_id: int) -> str:
        with session_scope(self._sessions, reading=True) as session:
            return account_row(session, account_id).name

    def benchmarks(self) -> dict[int, Benchmark]:
        """Every account against its cohort, in one pass over the portfolio."""
        with session_scope(self._sessions, reading=True) as session:
            profiles = self._profiles(session)
        return benchmark_portfolio(profiles)

    # The portfolio ---------------------------------------------------------------------
    def overview(self, *, stored_only: bool = False) -> PortfolioOverview:
        """Every account with its health, trend and expansion.

        Results are read from the store where present; the rest are computed, shown and
        stored. With ``stored_only`` nothing is computed: accounts without a stored result
        come back ``pending``, which lets a view of thousands of accounts appear at once.
        """
        now = datetime.now(UTC)
        with session_scope(self._sessions, reading=True) as session, collector_paused():
            scheme = read_tier_scheme(session)
            cache = InsightCacheRepository(session)
            facts = cache.portfolio(now, FORMULA_VERSION)
            computed: dict[int, StoredInsight] = {}
            # Stored only: the rows say which are pending; no pass over 50,000 to find them.
            if not stored_only and None in map(_CONFIDENCE, facts.accounts):
                missing = [row[0] for row in facts.accounts if row[7] is None]
                fresh = _compute_insights(session, missing)
                _store_quietly(session, cache, fresh)
                computed = {r.account_id: r for r in fresh}
            # Rows are built as they are looked at (a screenful of 50,000); the counts are
            # made from columns of the reads.
            rows = PortfolioRows(with_results(facts, computed), scheme)
            overview = PortfolioOverview(rows, self._today(), rows.counts())
        return overview

    def _profiles(self, session: Session) -> list[PeerProfile]:
        scheme = read_tier_scheme(session)
        weights = _read_weights(session)
        today = self._today()
        latest = PortfolioMetricsRepository(session).recent_by_account(1)
        profiles = []
        for account in AccountRepository(session).peer_facts():
            rows = latest.get(account.id, [])
            values = {key: value for _period, key, value in rows}
            values.update(derived_values(values))
            if rows:
                score = score_quarter(_quarter(rows[0][0]), values, weights)
                if score.total is not None:
                    values["health"] = score.total
            # Per the contract's seats, which every account has, unlike a seat metric.
            per_seats = tickets_per_100_seats(values.get("support_tickets"),
                                              account.licensed_seats)
            if per_seats is not None:
                values[TICKETS_PER_100_SEATS] = per_seats
            profiles.append(PeerProfile(
                account_id=account.id, industry=account.industry,
                tier=effective_tier(account.arr, account.tier_override, scheme),
                tenure=tenure_band(account.customer_since, today), values=values))
        return profiles


def _by_quarter(rows: Iterable[tuple[str, str, float]]) -> list[tuple[Quarter, dict[str, float]]]:
    grouped: dict[str, dict[str, float]] = {}
    for period, key, value in rows:
        grouped.setdefault(period, {})[key] = value
    return sorted((_quarter(period), values) for period, values in grouped.items())


def _last_two_scores(rows: MetricRows, weights: HealthWeights,
                     ) -> tuple[HealthScore | None, HealthScore | None]:
    """The two latest scored quarters, as health_report() picks them, without its extras."""
    scored: list[HealthScore] = []
    for quarter, values in reversed(_by_quarter(rows)):
        score = score_quarter(quarter, values, weights)
        if score.total is not None:
            scored.append(score)
            if len(scored) == 2:
                break
    if not scored:
        return None, None
    return scored[0], scored[1] if len(scored) == 2 else None


def _active_users(rows: MetricRows) -> tuple[tuple[Quarter, float], ...]:
    points = sorted((_quarter(period), value) for period, key, value in rows
                    if key == "active_users")
    return tuple(points[-TREND_QUARTERS:])


def _latest(rows: MetricRows, key: str) -> float | None:
    found = [(period, value) for period, metric, value in rows if metric == key]
    return max(found)[1] if found else None


def _estimate(account: AccountRow, rows: MetricRows, report: HealthReport,
              catalogue: tuple[CatalogueEntry, ...], owned: frozenset[int],
              departments: tuple[DepartmentInfo, ...]) -> ExpansionEstimate:
    """The one place the expansion inputs are put together, for a page or the overview."""
    return estimate_expansion(ExpansionInputs(
        arr=account.arr, currency=account.currency, licensed_seats=account.licensed_seats,
        active_users_by_quarter=_active_users(rows), owned_entry_ids=owned,
        catalogue=catalogue, departments=departments, health=report,
        nps=_latest(rows, "nps")))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a portfolio's rows are built.

    10,000 accounts allocate some 60,000 short-lived objects and no reference cycles,
    yet they trigger collector passes over the whole heap: 40 ms of a 190 ms overview.
    Reference counting still frees everything; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compute_insights(session: Session, account_ids: Sequence[int]) -> list[StoredInsight]:
    weights = _read_weights(session)
    # A short id list narrows the queries; beyond SQLite's parameter limit, read everything.
    narrow = account_ids if len(account_ids) <= 900 else None
    wanted = set(account_ids)
    accounts = [a for a in AccountRepository(session).all(narrow) if a.id in wanted]
    recent = PortfolioMetricsRepository(session).recent_by_account(TREND_QUARTERS, narrow)
    catalogue_repo = CatalogueRepository(session)
    catalogue = tuple(catalogue_entry(r) for r in catalogue_repo.all())
    owned = catalogue_repo.owned_by_account()
    departments = DepartmentRepository(session).infos_by_account()
    results = []
    for account in accounts:
        recent_rows = recent.get(account.id, [])
        current, previous = _last_two_scores(recent_rows, weights)
        change = (round(current.total - previous.total, 1)
                  if current and previous and current.total is not None
                  and previous.total is not None else None)
        scores = tuple(s for s in (previous, current) if s is not None)
        brief = HealthReport(current, previous, change, (), scores,
                             health_summary(current, previous, change))
        estimate = _estimate(account, recent_rows, brief, catalogue,
                             owned.get(account.id, frozenset()),
                             departments.get(account.id, ()))
        results.append(StoredInsight(
            account_id=account.id,
            health=current.total if current else None,
            band=current.band.value if current and current.band else None,
            change=change, confidence=current.confidence if current else 0.0,
            latest_quarter=str(current.quarter) if current else None,
            readiness=estimate.readiness.level, expansion=estimate.total))
    return results


def _store_quietly(session: Session, cache: InsightCacheRepository,
                   results: Sequence[StoredInsight]) -> None:
    """Keep results for next time, unless the file cannot take them right now.

    The results were computed in this transaction's snapshot. If another writer changed
    the database since, SQLite refuses the write (SQLITE_BUSY_SNAPSHOT) rather than let
    stale results be stored; a read-only file refuses too. Either way the caller still
    shows what it computed, and the next overview computes again.
    """
    try:
        with session.begin_nested():
            cache.store(results, FORMULA_VERSION)
    except OperationalError:
        pass


_CONFIDENCE = itemgetter(7)  # of a stored result, in PortfolioFacts.accounts


def _read_weights(session: Session) -> HealthWeights:
    try:
        stored = SettingRepository(session).get(HEALTH_WEIGHTS_KEY)
        return HealthWeights.from_dict(stored) if stored else DEFAULT_WEIGHTS
    except (ValueError, TypeError, KeyError, AttributeError):
        return DEFAULT_WEIGHTS  # a hand-edited setting never stops the health view




__all__ = ["AccountHealth", "InsightService", "MetricRows", "PortfolioOverview", "PortfolioRow",
           "format_peer_value"]
