"""Stakeholder maps for the demo portfolio: the people behind each account, as a CSM maps them.

Every account gets a believable org (C-suite at the top, then VPs, Directors, Managers and
users, each reporting to someone a level up, in the same function where one exists), the
roles each person plays in the decision, influence that follows seniority, sentiment that is
mostly neutral or warm, and who on our side holds each relationship. A few dashed influence
lines show who sways whom, and the last review and the next one record who was invited,
who confirmed and who came.

Accounts follow a cycle of situations so the coverage analysis has something to say: most
maps are healthy, some have no sponsor, one hangs on a single relationship, some have a
senior detractor, and a few have lost their champion or sponsor.

Everything is written in one transaction, straight onto the contact rows; the reports-to
lines only ever point a level up (or from a C-suite member to the CEO), so they cannot loop.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.attendance import is_executive
from qbr_desktop.domain.contacts import ContactLevel, ReviewStatus
from qbr_desktop.domain.stakeholders import (
    LEVEL_RANK,
    STALE_CONTACT_DAYS,
    DecisionRole,
    OurSide,
    Stakeholder,
)
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.services import demo_data as words
from qbr_desktop.services.rows import as_utc
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import (
    AccountRow,
    AttendanceRow,
    ContactRow,
    InfluenceLinkRow,
    ReviewRow,
)

MAX_PEOPLE = 25
# How many people a map holds, by tier: (minimum, maximum).
TEAM_SIZES = {"Strategic": (14, MAX_PEOPLE), "Growth": (9, 16)}
OTHER_TEAM_SIZE = (6, 11)
# The levels of the people added to fill a map, weighted towards the base of the pyramid.
EXTRA_LEVELS = (ContactLevel.VP, ContactLevel.DIRECTOR, ContactLevel.DIRECTOR,
                ContactLevel.MANAGER, ContactLevel.MANAGER, ContactLevel.MANAGER,
                ContactLevel.USER, ContactLevel.USER, ContactLevel.USER, ContactLevel.USER,
                ContactLevel.USER)
INFLUENCE_BY_LEVEL = {
    ContactLevel.C_SUITE: (4, 5, 5), ContactLevel.VP: (3, 4, 4, 5),
    ContactLevel.DIRECTOR: (3, 3, 4), ContactLevel.MANAGER: (2, 3, 3),
    ContactLevel.USER: (1, 1, 2, 2, 3),
}
# The situations accounts cycle through (shuffled in blocks of twelve).
PROFILES = ("healthy", "champion departed", "healthy", "no sponsor", "senior detractor",
            "healthy", "single-threaded", "sponsor departed", "healthy", "senior detractor",
            "healthy", "no sponsor")
UNKNOWN_MANAGER_SHARE = 0.08  # users and managers whose manager the CSM has not mapped yet

OUR_EXECUTIVES = ("Dana Whitfield", "Marcus Oyelaran", "Elena Vasquez")
ACCOUNT_EXECUTIVES = ("Riley Chen", "Casey Lindqvist", "Jamie Park", "Nadia Osei")

EXECUTIVE_PRIORITIES = (
    "Cut cost per support ticket by 15% this fiscal year",
    "Show the board a clear return on the platform",
    "Consolidate tools after the acquisition",
    "Expand into two new regions without adding headcount",
    "Keep renewal spend flat while usage grows",
    "Lift customer satisfaction before the next funding round",
    "Move the remaining business units onto one platform",
    "Close the quarterly books two days faster",
)
DIRECTOR_PRIORITIES = (
    "Cut onboarding time for new agents",
    "Reliable weekly reporting for the leadership team",
    "Roll out SSO to every business unit",
    "Automate the approval workflow",
    "Raise adoption in the European teams",
    "Replace spreadsheets for capacity planning",
    "Hit the service levels agreed with the COO",
)
TEAM_PRIORITIES = (
    "Fewer clicks for everyday tasks",
    "Dashboards that load faster",
    "Better training for new starters",
    "A cleaner mobile experience for field staff",
    "Export data without waiting on IT",
    "Answers from support within a day",
)
CONCERNS = (
    "Worried about the SSO rollout slipping",
    "Unsure the price increase is justified",
    "Wants proof the integration will scale",
    "Concerned about data residency in the EU",
    "Thinks training took too long last time",
    "Worried the team has no time to adopt new features",
    "Asks how the roadmap fits their own plans",
)
OPPOSED_CONCERNS = (
    "Prefers the tool they used at their last company",
    "Sees the platform as a cost, not an investment",
    "Frustrated by two outages last quarter",
    "Pushing to cut licences at renewal",
    "Believes an internal tool could do the same job",
    "Unhappy with how long support took on a critical ticket",
)
DEPARTED_NOTES = (
    "Left the company last quarter; nobody has taken over the relationship yet.",
    "Moved to a role outside the project; ask who owns the budget now.",
    "Left for a competitor; their successor has not been introduced.",
)

_FUNCTIONS = (("finance", ("financ", "procurement")),
              ("it", ("information", "digital", "engineering", " it", "analytics")),
              ("sales", ("revenue", "sales")),
              ("support", ("support", "customer")),
              ("ops", ("operat", "program")))


def add_demo_stakeholders(sessions: sessionmaker[Session], today: date, seed: int) -> int:
    """Fill every demo account's stakeholder map; returns how many people are on the maps."""
    rng = random.Random(seed + 13)
    moment = datetime.combine(today, time(9), tzinfo=UTC)
    placed = 0
    with session_scope(sessions) as session:
        scheme = read_tier_scheme(session)
        accounts = list(session.scalars(select(AccountRow).order_by(AccountRow.id)))
        teams: dict[int, list[ContactRow]] = defaultdict(list)
        for row in session.scalars(select(ContactRow).order_by(ContactRow.id)):
            teams[row.account_id].append(row)
        reviews: dict[int, list[ReviewRow]] = defaultdict(list)
        for review in session.scalars(select(ReviewRow).order_by(ReviewRow.scheduled_at,
                                                                 ReviewRow.id)):
            reviews[review.account_id].append(review)
        tiers = {a.id: effective_tier(a.arr, a.tier_override, scheme) for a in accounts}
        for account in accounts:
            low, high = TEAM_SIZES.get(tiers[account.id], OTHER_TEAM_SIZE)
            wanted = min(MAX_PEOPLE, max(rng.randint(low, high), 6))
            extra = _extra_people(rng, account, teams[account.id], wanted, moment)
            session.add_all(extra)
            teams[account.id].extend(extra)
        session.flush()  # the new people get their ids
        profiles: list[str] = []
        for index, account in enumerate(accounts):
            if index % len(PROFILES) == 0:
                profiles = list(PROFILES)
                rng.shuffle(profiles)
            team = teams[account.id]
            _Map(rng, session, account, team, today, profiles[index % len(PROFILES)]).fill(
                reviews[account.id], moment)
            placed += len(team)
    return placed


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "", text.casefold().encode("ascii", "ignore").decode())


def _extra_people(rng: random.Random, account: AccountRow, team: Sequence[ContactRow],
                  wanted: int, moment: datetime) -> list[ContactRow]:
    emails = [row.email for row in team if "@" in row.email]
    domain = (emails[0].split("@", 1)[1] if emails
              else f"{_slug(account.name) or 'customer'}.example")
    names = {row.name for row in team}
    levels = sorted((rng.choice(EXTRA_LEVELS) for _ in range(wanted - len(team))),
                    key=LEVEL_RANK.__getitem__)  # managers before their reports
    rows = []
    for level in levels:
        name = ""
        for _attempt in range(20):
            name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
            if name not in names:
                break
        names.add(name)
        rows.append(ContactRow(
            account_id=account.id, name=name, title=rng.choice(words.TITLES[level.value]),
            email=f"{_slug(name.replace(' ', '.')) or 'contact'}@{domain}",
            phone=f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            level=level.value, created_at=moment, updated_at=moment))
    return rows


def _function(title: str) -> str | None:
    text = f" {title.casefold()}"
    for name, keys in _FUNCTIONS:
        if any(key in text for key in keys):
            return name
    return None


def _level(row: ContactRow) -> ContactLevel:
    try:
        return ContactLevel(row.level)
    except ValueError:
        return ContactLevel.USER


class _Map:
    """One account's map being filled in."""

    def __init__(self, rng: random.Random, session: Session, account: AccountRow,
                 team: list[ContactRow], today: date, profile: str) -> None:
        self.rng, self.session, self.account = rng, session, account
        self.today, self.profile = today, profile
        self.team = sorted(team, key=lambda r: (LEVEL_RANK[_level(r)], r.id))
        self.roles: dict[int, DecisionRole] = {}
        self.thread = -1  # in a single-threaded account, the one person still engaged
        self.executive = rng.choice(OUR_EXECUTIVES)
        self.account_executive = rng.choice(ACCOUNT_EXECUTIVES)

    def at(self, level: ContactLevel) -> list[ContactRow]:
        return [row for row in self.team if _level(row) is level]

    def fill(self, reviews: Sequence[ReviewRow], moment: datetime) -> None:
        self._reports_to()
        self._roles()
        for row in self.team:
            self._describe(row)
        self._keep_threads()
        self._links()
        self._attendance(reviews, moment)

    # Who reports to whom ---------------------------------------------------------------
    def _reports_to(self) -> None:
        chiefs = self.at(ContactLevel.C_SUITE)
        ceo = next((r for r in chiefs if "Executive" in r.title), None)
        # A manager is always stored before their reports (a lower id): restoring a deleted
        # account re-inserts contacts in id order, and a later manager would break that.
        for row in chiefs:
            row.manager_id = ceo.id if ceo is not None and ceo.id < row.id else None
        order = list(ContactLevel)
        for position, level in enumerate(order[1:], start=1):
            for row in self.at(level):
                above = next((found for up in reversed(order[:position])
                              if (found := [r for r in self.at(up) if r.id < row.id])), [])
                if not above or (level in (ContactLevel.MANAGER, ContactLevel.USER)
                                 and self.rng.random() < UNKNOWN_MANAGER_SHARE):
                    row.manager_id = None
                    continue
                same = [r for r in above if _function(r.title) == _function(row.title)
                        and _function(row.title) is not None]
                row.manager_id = self.rng.choice(same or above).id

    # Roles in the decision ---------------------------------------------------------------
    def _take(self, candidates: Sequence[ContactRow], role: DecisionRole) -> ContactRow | None:
        free = [row for row in candidates if row.id not in self.roles]
        if not free:
            return None
        row = free[0]
        self.roles[row.id] = role
        return row

    def _roles(self) -> None:
        chiefs, vps = self.at(ContactLevel.C_SUITE), self.at(ContactLevel.VP)
        directors, managers = self.at(ContactLevel.DIRECTOR), self.at(ContactLevel.MANAGER)
        finance = sorted(chiefs, key=lambda r: "Financ" not in r.title)
        self._take(finance or vps, DecisionRole.ECONOMIC_BUYER)
        if self.profile != "no sponsor":
            self._take(self.rng.sample(vps, len(vps)) + chiefs, DecisionRole.EXECUTIVE_SPONSOR)
        if self.profile == "senior detractor":
            role = self.rng.choice((DecisionRole.DETRACTOR, DecisionRole.BLOCKER))
            self._take(vps + chiefs + directors, role)
        champions = 2 if len(self.team) >= 14 and self.rng.random() < 0.5 else 1
        for _ in range(champions):
            pool = self.rng.sample(directors, len(directors)) + managers
            self._take(pool, DecisionRole.CHAMPION)
        self.thread = next((r.id for r in self.team
                            if self.roles.get(r.id) is DecisionRole.CHAMPION), -1)
        self._take(self.rng.sample(vps + directors, len(vps + directors)),
                   DecisionRole.DECISION_MAKER)
        for row in self.team:
            if row.id in self.roles:
                continue
            level = _level(row)
            if level in (ContactLevel.C_SUITE, ContactLevel.VP):
                self.roles[row.id] = DecisionRole.INFLUENCER
            elif level is ContactLevel.DIRECTOR:
                self.roles[row.id] = self.rng.choice((DecisionRole.INFLUENCER,
                                                      DecisionRole.INFLUENCER,
                                                      DecisionRole.DECISION_MAKER))
            elif level is ContactLevel.MANAGER:
                self.roles[row.id] = self.rng.choice((DecisionRole.INFLUENCER,
                                                      DecisionRole.USER, DecisionRole.USER))
            else:
                self.roles[row.id] = DecisionRole.USER
        # A quiet sceptic lower down, now and then: low influence, so not a coverage risk.
        juniors = [r for r in self.team if _level(r) in (ContactLevel.MANAGER, ContactLevel.USER)
                   and self.roles[r.id] in (DecisionRole.USER, DecisionRole.INFLUENCER)]
        if juniors and self.rng.random() < 0.35:
            self.roles[self.rng.choice(juniors).id] = DecisionRole.DETRACTOR

    # Each person's card ----------------------------------------------------------------
    def _describe(self, row: ContactRow) -> None:
        rng, level, role = self.rng, _level(row), self.roles[row.id]
        influence = rng.choice(INFLUENCE_BY_LEVEL[level])
        sentiment = rng.choice((0, 0, 0, 1, 1, 2) if influence < 4 else (0, 1, 1, 2))
        if level in (ContactLevel.MANAGER, ContactLevel.USER) and rng.random() < 0.1:
            sentiment = -1  # grumbling, but not enough say to sway the decision
        strength = rng.choice((1, 2, 2, 3))
        days: int | None = round(rng.triangular(2, 150, 25))
        opposed = role in (DecisionRole.DETRACTOR, DecisionRole.BLOCKER)
        if role is DecisionRole.ECONOMIC_BUYER:
            influence, sentiment = 5, rng.choice((0, 1, 1))
            strength, days = rng.choice((2, 3, 4)), round(rng.triangular(10, 130, 40))
        elif role is DecisionRole.EXECUTIVE_SPONSOR:
            influence, sentiment = max(influence, 4), rng.choice((1, 2))
            strength, days = rng.choice((3, 4)), rng.randint(10, 85)
        elif role is DecisionRole.CHAMPION:
            influence, sentiment = max(influence, 3), 2
            strength, days = rng.choice((4, 5)), rng.randint(2, 35)
        elif role is DecisionRole.DECISION_MAKER:
            sentiment = max(sentiment, 0)
            strength, days = rng.choice((2, 3, 3)), rng.randint(5, 110)
        elif opposed:
            if self.profile == "senior detractor" and level in (ContactLevel.C_SUITE,
                                                                ContactLevel.VP,
                                                                ContactLevel.DIRECTOR):
                influence = max(influence, 4)
            else:
                influence = min(influence, 3)
            sentiment = -2 if role is DecisionRole.BLOCKER else rng.choice((-1, -2))
            strength, days = rng.choice((1, 2)), rng.randint(20, 150)
        elif role is DecisionRole.USER and rng.random() < 0.15:
            days = None  # never spoken with
        row.role, row.influence, row.sentiment, row.strength = (
            role.value, influence, sentiment, strength)
        row.last_contact = None if days is None else self.today - timedelta(days=days)
        row.owner, row.owner_name = self._owner(level, role)
        row.priorities = self._priorities(level)
        row.concerns = (rng.choice(OPPOSED_CONCERNS) if opposed or sentiment < 0
                        else rng.choice(CONCERNS) if rng.random() < 0.45 else "")
        row.pre_aligned = role is DecisionRole.CHAMPION and rng.random() < 0.55
        row.departed = False
        row.notes = ""
        row.map_x = row.map_y = None
        if self.profile == "single-threaded" and row.id != self.thread:
            row.last_contact = (None if rng.random() < 0.3
                                else self.today - timedelta(days=rng.randint(95, 150)))
        self._maybe_departed(row, role)

    def _maybe_departed(self, row: ContactRow, role: DecisionRole) -> None:
        gone = {"champion departed": DecisionRole.CHAMPION,
                "sponsor departed": DecisionRole.EXECUTIVE_SPONSOR}.get(self.profile)
        if role is not gone or any(r.departed for r in self.team if r.id in self.roles
                                   and self.roles[r.id] is gone and r is not row):
            return
        row.departed, row.pre_aligned = True, False
        row.last_contact = self.today - timedelta(days=self.rng.randint(95, 150))
        row.notes = self.rng.choice(DEPARTED_NOTES)

    def _owner(self, level: ContactLevel, role: DecisionRole) -> tuple[str, str]:
        csm = self.account.csm_owner or words.CSM_OWNERS[0]
        if level is ContactLevel.C_SUITE and role is not DecisionRole.ECONOMIC_BUYER:
            return OurSide.EXECUTIVE.value, self.executive
        if role in (DecisionRole.ECONOMIC_BUYER, DecisionRole.EXECUTIVE_SPONSOR) \
                or (level is ContactLevel.VP and self.rng.random() < 0.5):
            return OurSide.ACCOUNT_EXECUTIVE.value, self.account_executive
        if level is ContactLevel.USER and self.rng.random() < 0.3:
            return OurSide.NOBODY.value, ""
        return OurSide.CSM.value, csm

    def _priorities(self, level: ContactLevel) -> str:
        if level in (ContactLevel.C_SUITE, ContactLevel.VP):
            return self.rng.choice(EXECUTIVE_PRIORITIES)
        if level is ContactLevel.DIRECTOR:
            return self.rng.choice(DIRECTOR_PRIORITIES)
        return self.rng.choice(TEAM_PRIORITIES) if self.rng.random() < 0.7 else ""

    def _engaged(self, row: ContactRow) -> bool:
        return (not row.departed and row.last_contact is not None
                and (self.today - row.last_contact).days <= STALE_CONTACT_DAYS)

    def _keep_threads(self) -> None:
        """Outside the single-threaded account, at least two people are engaged."""
        if self.profile == "single-threaded":
            return
        engaged = [row for row in self.team if self._engaged(row)]
        spare = [row for row in self.team if not row.departed and not self._engaged(row)
                 and self.roles[row.id] not in (DecisionRole.DETRACTOR, DecisionRole.BLOCKER)]
        for row in spare[:max(0, 2 - len(engaged))]:
            row.last_contact = self.today - timedelta(days=self.rng.randint(10, 60))

    # Influence lines ---------------------------------------------------------------------
    def _links(self) -> None:
        def with_role(*roles: DecisionRole) -> list[ContactRow]:
            return [r for r in self.team if self.roles[r.id] in roles and not r.departed]

        buyers = with_role(DecisionRole.ECONOMIC_BUYER)
        chiefs = [r for r in self.at(ContactLevel.C_SUITE) if not r.departed]
        pairs: list[tuple[ContactRow, ContactRow, int]] = []
        for champion in with_role(DecisionRole.CHAMPION)[:1]:
            for target in buyers[:1] or chiefs[:1]:
                pairs.append((champion, target, self.rng.choice((2, 3))))
        directors = [r for r in self.at(ContactLevel.DIRECTOR) if not r.departed
                     and self.roles[r.id] in (DecisionRole.INFLUENCER,
                                              DecisionRole.DECISION_MAKER)]
        if directors and chiefs:
            pairs.append((self.rng.choice(directors), self.rng.choice(chiefs),
                          self.rng.choice((1, 2))))
        for opponent in with_role(DecisionRole.DETRACTOR, DecisionRole.BLOCKER)[:1]:
            targets = with_role(DecisionRole.DECISION_MAKER) or buyers
            if targets:
                pairs.append((opponent, targets[0], self.rng.choice((1, 2, 3))))
        for sponsor in with_role(DecisionRole.EXECUTIVE_SPONSOR)[:1]:
            for target in buyers[:1]:
                pairs.append((sponsor, target, 3))
        if len(self.team) >= 12:
            managers = [r for r in self.at(ContactLevel.MANAGER) if not r.departed]
            if len(managers) >= 2:
                source, target = self.rng.sample(managers, 2)
                pairs.append((source, target, 1))
        seen: set[tuple[int, int]] = set()
        for source, target, strength in pairs:
            key = (source.id, target.id)
            if source.id == target.id or key in seen or source.manager_id == target.id:
                continue
            seen.add(key)
            self.session.add(InfluenceLinkRow(account_id=self.account.id, source_id=source.id,
                                              target_id=target.id, strength=strength))

    # Who came to the reviews -------------------------------------------------------------
    def _person(self, row: ContactRow) -> Stakeholder:
        return Stakeholder(row.id, row.name, row.title, _level(row), self.roles[row.id])

    def _attendance(self, reviews: Sequence[ReviewRow], moment: datetime) -> None:
        held = [r for r in reviews if r.status == ReviewStatus.HELD.value]
        upcoming = [r for r in reviews if r.status == ReviewStatus.PLANNED.value
                    and as_utc(r.scheduled_at) >= moment][:1]
        present = [row for row in self.team if not row.departed]
        key_roles = (DecisionRole.CHAMPION, DecisionRole.EXECUTIVE_SPONSOR,
                     DecisionRole.ECONOMIC_BUYER, DecisionRole.DECISION_MAKER)
        core = [row for row in present if self.roles[row.id] in key_roles]
        others = [row for row in present if row not in core]
        for review in held + upcoming:
            invited = core + self.rng.sample(others, min(len(others), self.rng.randint(1, 3)))
            is_held = review.status == ReviewStatus.HELD.value
            executives_came = is_held and self.rng.random() < 0.6
            executive_confirmed = False
            day = as_utc(review.scheduled_at).date()
            for row in invited:
                executive = is_executive(self._person(row))
                if is_held:
                    attended = (executives_came if executive else self.rng.random() < 0.85)
                    if self.profile == "single-threaded":
                        attended = row.id == self.thread
                    confirmed = attended or self.rng.random() < 0.5
                else:
                    attended = False
                    confirmed = (review.executives_confirmed if executive
                                 else self.rng.random() < 0.5)
                executive_confirmed |= executive and confirmed
                self.session.add(AttendanceRow(review_id=review.id, contact_id=row.id,
                                               invited=True, confirmed=confirmed,
                                               attended=attended))
                if attended and (row.last_contact is None or row.last_contact < day):
                    row.last_contact = day  # they were in the room that day
            review.executives_confirmed = executive_confirmed


