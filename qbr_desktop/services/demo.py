"""A deterministic, realistic demo portfolio, so a first launch shows a living app."""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from qbr_desktop.domain.accounts import AccountDraft, EmployeeBand, name_key, validate_account
from qbr_desktop.domain.contacts import ContactLevel, ReviewFormat, ReviewKind, ReviewStatus
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import EARLIEST_YEAR, LATEST_YEAR, Quarter
from qbr_desktop.domain.tiers import DEFAULT_MODEL, SCHEMES
from qbr_desktop.services import demo_data as words
from qbr_desktop.services.account_listing import DEMO_COMPLETE_KEY
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo_agendas import add_demo_agendas
from qbr_desktop.services.demo_decks import add_demo_deck_plans
from qbr_desktop.services.demo_insights import (
    add_demo_catalogue,
    add_demo_risks,
    add_demo_whitespace,
)
from qbr_desktop.services.demo_plans import add_demo_plans
from qbr_desktop.services.demo_programme import add_demo_programme
from qbr_desktop.services.demo_roi import add_demo_roi
from qbr_desktop.services.demo_stakeholders import add_demo_stakeholders
from qbr_desktop.services.settings import DEMO_KEY
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow, ContactRow, MetricSnapshotRow, ReviewRow
from qbr_desktop.store.repositories import AccountRepository, SettingRepository, link_owners

DEFAULT_ACCOUNTS = 24
DEFAULT_SEED = 7
FEATURES_AVAILABLE = 40
_LEVEL_COUNTS = {  # (minimum, maximum) contacts per level
    ContactLevel.C_SUITE: (1, 2), ContactLevel.VP: (1, 2), ContactLevel.DIRECTOR: (1, 3),
    ContactLevel.MANAGER: (1, 3), ContactLevel.USER: (1, 4),
}


class DemoRefused(Exception):
    """The target database already holds someone's accounts."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    accounts: int
    contacts: int
    reviews: int
    metric_values: int
    risks: int = 0
    plans: int = 0
    roi_models: int = 0
    stakeholders: int = 0
    agendas: int = 0
    deck_plans: int = 0


def _company_names(rng: random.Random, count: int) -> list[tuple[str, str, str | None, str | None]]:
    """(name, industry, country or None, currency or None), unique by name_key."""
    picks: list[tuple[str, str, str | None, str | None]] = list(
        words.INTERNATIONAL[: count // 3])
    combos = [(f"{stem} {suffix}{region}", industry)
              for region in words.REGION_SUFFIXES
              for stem in words.COMPANY_STEMS
              for suffix, industry in words.COMPANY_KINDS]
    first_round = len(words.COMPANY_STEMS) * len(words.COMPANY_KINDS)
    head = combos[:first_round]
    rng.shuffle(head)
    combos[:first_round] = head
    index = 0
    while len(picks) < count:
        name, industry = combos[index % len(combos)]
        if index >= len(combos):
            name = f"{name} {index // len(combos) + 1}"
        picks.append((name, industry, None, None))
        index += 1
    return picks


def _arr(rng: random.Random) -> Decimal:
    # Log-normal spread: many Core accounts, a healthy middle, a few very large ones.
    value = math.exp(rng.gauss(math.log(45_000), 1.1))
    return Decimal(int(min(max(value, 2_000), 2_500_000) // 500 * 500))


def _slug(name: str) -> str:
    ascii_only = re.sub(r"[^a-z0-9]+", "", name.casefold().encode("ascii", "ignore").decode())
    return ascii_only[:24] or "customer"


def build_demo_portfolio(context: AppContext, *, accounts: int = DEFAULT_ACCOUNTS,
                         seed: int = DEFAULT_SEED, today: date | None = None) -> DemoSummary:
    """Fill an empty database with `accounts` demo accounts; the same seed gives the same data."""
    if accounts < 1:
        raise ValueError("a demo portfolio needs at least one account")
    today = today or date.today()
    # The history reaches eight quarters back; every one of them must be a real quarter.
    if not EARLIEST_YEAR + 2 <= today.year <= LATEST_YEAR:
        raise DemoRefused(f"The demo portfolio needs a day from {EARLIEST_YEAR + 2} to "
                          f"{LATEST_YEAR}, not {today.isoformat()}")
    rng = random.Random(seed)
    scheme = SCHEMES[DEFAULT_MODEL]
    contacts = reviews = metric_values = risks = 0
    with session_scope(context.store.sessions) as session:
        settings = SettingRepository(session)
        existing = AccountRepository(session).count()
        if existing and not settings.get(DEMO_KEY, False):
            raise DemoRefused(
                f"{context.target.describe()} already holds {existing} account(s); "
                "build the demo portfolio in a new file"
            )
        if existing:
            raise DemoRefused(f"{context.target.describe()} already holds the demo portfolio")
        settings.set(DEMO_KEY, True)
        now = datetime.combine(today, time(9), tzinfo=UTC)
        catalogue = add_demo_catalogue(session, now)
        for number, (name, industry, country, currency) in enumerate(
                _company_names(rng, accounts)):
            scenario = SCENARIO_CYCLE[number % len(SCENARIO_CYCLE)]
            place = rng.choice(words.COUNTRIES)
            country = country or place[0]
            currency = currency or place[1]
            zone = words.TIME_ZONES.get(country, place[2])
            arr = _arr(rng)
            seats = max(5, int(arr / Decimal(rng.choice((600, 900, 1200, 1800)))))
            draft = validate_account(AccountDraft(
                name=name, industry=industry, country=country,
                employee_band=rng.choice(list(EmployeeBand)).value, arr=arr, currency=currency,
                licensed_seats=seats, renewal_date=today + timedelta(days=rng.randint(20, 420)),
                csm_owner=rng.choice(words.CSM_OWNERS),
                tier_override=None, notes=_notes(rng, name),
            ), tiers=scheme.tiers)
            row = AccountRow(name_key=name_key(draft.name), created_at=now, updated_at=now,
                             **{f: getattr(draft, f) for f in (
                                 "name", "industry", "country", "employee_band", "arr",
                                 "currency", "licensed_seats", "renewal_date", "csm_owner",
                                 "tier_override", "notes")})
            row.external_id = f"0015g{number + 1:08d}"  # the CRM's record id, for re-imports
            row.customer_since = today - timedelta(days=rng.randint(120, 2400))
            session.add(row)
            session.flush()
            for contact in _contacts(rng, row.id, draft.name, now):
                session.add(contact)
                contacts += 1
            for review in _reviews(rng, row.id, today, zone, scheme.tier_for(arr), now):
                session.add(review)
                reviews += 1
            history = _metric_history(rng, seats, today, scenario)
            for value in history:
                session.add(MetricSnapshotRow(account_id=row.id, period=str(value.period),
                                              metric_key=value.key, value=value.value))
                metric_values += 1
            add_demo_whitespace(session, rng, row, catalogue, scenario)
            risks += add_demo_risks(session, rng, row, history, scenario, today, now)
    plans = add_demo_plans(context.store.sessions, today)
    roi_models = add_demo_roi(context.store.sessions, today, seed)
    # Every contact is on its account's map, and the maps add people of their own.
    stakeholders = add_demo_stakeholders(context.store.sessions, today, seed)
    # Agendas for the reviews; the held ones with their meeting, notes and action items.
    agendas = add_demo_agendas(context.store.sessions, today, seed)
    # Roadmap and priorities for the decks of the accounts above Core.
    deck_plans = add_demo_deck_plans(context.store.sessions, today, seed)
    # Earlier held reviews, review cards and opportunities: the programme's figures.
    programme = add_demo_programme(context.store.sessions, today, seed)
    reviews += programme.reviews
    risks += programme.opportunities
    with session_scope(context.store.sessions) as session:
        link_owners(session, name_key)  # the demo's CSMs become the team
        SettingRepository(session).set(DEMO_COMPLETE_KEY, True)
    return DemoSummary(accounts, stakeholders, reviews, metric_values, risks, plans,
                       roi_models, stakeholders, agendas, deck_plans)


def _notes(rng: random.Random, name: str) -> str:
    themes = ("expanding to a second region next year", "new CFO since last quarter",
              "budget review in Q1", "asked for an SSO roll-out plan",
              "champion promoted to Director", "evaluating a competitor for one team")
    return f"Demo account. Context: {rng.choice(themes)}."


def _contacts(rng: random.Random, account_id: int, company: str,
              now: datetime) -> list[ContactRow]:
    domain = f"{_slug(company)}.example"
    rows = []
    for level, (low, high) in _LEVEL_COUNTS.items():
        for _ in range(rng.randint(low, high)):
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
            local = _slug(f"{first}.{last}") or "contact"
            rows.append(ContactRow(
                account_id=account_id, name=f"{first} {last}",
                title=rng.choice(words.TITLES[level.value]), email=f"{local}@{domain}",
                phone=f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                level=level.value, created_at=now, updated_at=now,
            ))
    return rows


def _reviews(rng: random.Random, account_id: int, today: date, zone: str, tier: str,
             now: datetime) -> list[ReviewRow]:
    kind = {"Strategic": ReviewKind.EBR, "Growth": ReviewKind.QBR}.get(tier, ReviewKind.DIGITAL)
    form = {"Strategic": ReviewFormat.IN_PERSON, "Growth": ReviewFormat.VIDEO}.get(
        tier, ReviewFormat.DIGITAL)

    def at(day: date) -> datetime:
        local = datetime.combine(day, time(rng.choice((9, 10, 11, 14, 15, 16))),
                                 tzinfo=ZoneInfo(zone))
        return local.astimezone(UTC)

    rows = [ReviewRow(account_id=account_id, scheduled_at=at(today - timedelta(days=rng.randint(
        60, 100))), time_zone=zone, format=form.value, kind=kind.value,
        status=ReviewStatus.HELD.value, created_at=now, updated_at=now)]
    if rng.random() < 0.85:
        upcoming = today + timedelta(days=rng.randint(5, 110))
        while upcoming.weekday() >= 5:
            upcoming += timedelta(days=1)
        rows.append(ReviewRow(account_id=account_id, scheduled_at=at(upcoming), time_zone=zone,
                              format=form.value, kind=kind.value,
                              status=ReviewStatus.PLANNED.value, created_at=now, updated_at=now))
    return rows


# How an account's quarters move: (adoption step, NPS step, sponsor engaged at the end)
SCENARIOS = {
    "improving": (0.05, 6.0, True),
    "declining": (-0.06, -9.0, False),
    "expansion-ready": (0.04, 5.0, True),
    "steady": (0.0, 0.0, True),
}
# Every fourth account improves, every fifth declines, every sixth is ready to expand.
SCENARIO_CYCLE = ("steady", "improving", "declining", "steady", "expansion-ready", "improving",
                  "steady", "declining", "expansion-ready", "steady", "improving", "steady")


def _metric_history(rng: random.Random, seats: int, today: date,
                    scenario: str = "steady") -> list[MetricValue]:
    quarters = rng.randint(4, 8)
    last = Quarter.containing(today).shifted(-1)
    adoption_step, nps_step, sponsor_at_end = SCENARIOS[scenario]
    adoption = rng.uniform(0.35, 0.8)
    if scenario == "expansion-ready":
        adoption = rng.uniform(0.72, 0.85)
    elif scenario == "declining":
        adoption = rng.uniform(0.7, 0.9)
    features = rng.randint(8, 22) if scenario != "expansion-ready" else rng.randint(24, 30)
    csat = rng.uniform(3.4, 4.6)
    nps = rng.uniform(-10, 55) if scenario != "expansion-ready" else rng.uniform(35, 60)
    values = []
    for index in range(quarters):
        period = last.shifted(index - quarters + 1)
        adoption = min(0.98, max(0.1, adoption + adoption_step + rng.uniform(-0.02, 0.02)))
        features = min(FEATURES_AVAILABLE, max(3, features + rng.choice((-1, 0, 1, 1, 2))
                                               + (2 if adoption_step > 0 else 0)
                                               - (2 if adoption_step < 0 else 0)))
        active = round(seats * adoption)
        csat = min(5.0, max(1.0, csat + rng.uniform(-0.2, 0.2) + (
            -0.25 if scenario == "declining" else 0.0)))
        nps = min(100.0, max(-100.0, nps + nps_step + rng.uniform(-5, 5)))
        late = index >= quarters - 2
        sponsor = sponsor_at_end if late else rng.random() < 0.8
        logins_each = rng.randint(25, 60) if scenario != "declining" else rng.randint(8, 25)
        tickets = seats / 40 * rng.uniform(0.3, 1.8) * (2.5 if scenario == "declining" and late
                                                         else 1.0)
        for key, value in (
            ("active_users", active), ("licensed_seats", seats),
            ("features_adopted", features), ("features_available", FEATURES_AVAILABLE),
            ("logins", active * logins_each),
            ("support_tickets", max(0, round(tickets))),
            ("csat", round(csat, 1)), ("nps", round(nps)),
            ("exec_sponsor_engaged", 1 if sponsor else 0),
        ):
            values.append(MetricValue(period, key, float(value)))
    return values
