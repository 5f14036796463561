"""The deck's figures built from the account's history, for customer_deck(): the usage and
support trends, the goals, the renewal, the summary's cards and the value's honest labels.

Only figures cross: counts, rates and dates the customer's own teams produced, never a
stored note, a band, a rank or a peer's identity. "A year" is written only beside an
annual figure, and a figure annualised from a shorter period says from which.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from qbr_desktop.domain.customer_words import (
    ENGLISH_BOOK,
    day_words,
    month_year_words,
    quarter_number_words,
)
from qbr_desktop.domain.deck import ChartData, GoalFigure, KpiFigure, RenewalFigure, Series
from qbr_desktop.domain.health import format_number
from qbr_desktop.domain.metrics import MetricHistory
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import Category, periods_per_year
from qbr_desktop.domain.roi_scenarios import LineResult, RoiResult
from qbr_desktop.domain.roi_story import format_count
from qbr_desktop.i18n import N_, Catalogue

__all__ = ["day_words", "goal_figures", "headline_basis", "peer_value", "quarter_words",
           "renewal_figure", "summary_cards", "support_figures", "usage_figures",
           "value_basis", "value_credit"]

TREND_QUARTERS = 8  # the usage and support charts' longest span
MIN_TREND_QUARTERS = 2
MAX_GOALS = 6
RENEWAL_WINDOW_DAYS = 180
# Card labels other cards and slides look for (compared in the file's language).
SEATS_IN_USE = N_("Licensed seats in active use")
HEALTH_SCORE = N_("Health score")


def quarter_words(quarter: Quarter, book: Catalogue = ENGLISH_BOOK) -> str:
    """'2026 Q4', as the deck writes a quarter."""
    return quarter_number_words(quarter.year, quarter.number, book)


def quarter_axis_words(quarter: Quarter, book: Catalogue = ENGLISH_BOOK) -> str:
    """'2026 Q4' under a chart's column: short, as eight of them share an axis."""
    return book.pgettext("chart axis", "{year} Q{number}", year=quarter.year,
                         number=quarter.number)


def _series(history: MetricHistory | None) -> tuple[tuple[Quarter, ...],
                                                    dict[str, tuple[float | None, ...]]]:
    if history is None:
        return (), {}
    quarters = history.quarters[-TREND_QUARTERS:]
    count = len(quarters)
    return quarters, {definition.key: tuple(_finite(v) for v in values[-count:])
                      for definition, values in history.rows}


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _known(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None]


def _percent(share: float) -> str:
    return f"{format_number(share * 100, 0)}%"


# Usage -------------------------------------------------------------------------------------
def usage_figures(history: MetricHistory | None, contract_seats: int | None,
                  book: Catalogue = ENGLISH_BOOK,
                  ) -> tuple[str, ChartData | None, ChartData | None, tuple[KpiFigure, ...]]:
    """(headline, active users against seats, share of features in use, cards)."""
    quarters, rows = _series(history)
    labels = tuple(quarter_words(q, book) for q in quarters)
    axis = tuple(quarter_axis_words(q, book) for q in quarters)
    active = rows.get("active_users", ())
    seats = tuple(s if s is not None else (float(contract_seats) if contract_seats else None)
                  for s in rows.get("licensed_seats", (None,) * len(quarters)))
    usage_chart = None
    if len(_known(active)) >= MIN_TREND_QUARTERS:
        series = [Series(book.gettext("Active users"), active)]
        if _known(seats):
            series.append(Series(book.gettext("Licensed seats"), seats))
        usage_chart = ChartData(book.gettext("Active users against licensed seats"), axis,
                                tuple(series), kind="bar", number_format="#,##0",
                                unit=book.gettext("users"), axis_min=0)
    adopted, available = rows.get("features_adopted", ()), rows.get("features_available", ())
    shares = tuple(a / b if a is not None and b else None
                   for a, b in zip(adopted, available, strict=False))
    breadth_chart = None
    if len(_known(shares)) >= MIN_TREND_QUARTERS:
        breadth_chart = ChartData(book.gettext("Share of the product's features in use"),
                                  axis, (Series(book.gettext("Features in use"), shares),),
                                  kind="line",
                                  number_format="0%", unit="%", axis_min=0, axis_max=1)
    cards: list[KpiFigure] = []
    headline = ""
    coverage = [(a / s if a is not None and s else None) for a, s in zip(active, seats,
                                                                      strict=False)]
    latest = _latest(coverage)
    if latest is not None:
        index, share = latest
        first = _first(coverage)
        users, held = active[index], seats[index]
        assert users is not None and held is not None
        counts = {"users": format_number(users, 0), "seats": format_number(held, 0),
                  "share": _percent(share)}
        if first is not None and first[0] < index:
            then = {"before": _percent(first[1]), "quarter": labels[first[0]]}
            if share > first[1]:
                headline = book.gettext("{users} of {seats} licensed seats in active use "
                                        "({share}), up from {before} in {quarter}",
                                        **counts, **then)
            elif share < first[1]:
                headline = book.gettext("{users} of {seats} licensed seats in active use "
                                        "({share}), down from {before} in {quarter}",
                                        **counts, **then)
            else:
                headline = book.gettext("{users} of {seats} licensed seats in active use "
                                        "({share}), as in {quarter}", **counts,
                                        quarter=then["quarter"])
        else:
            headline = book.gettext("{users} of {seats} licensed seats in active use "
                                    "({share})", **counts)
        cards.append(KpiFigure(_percent(share), book.gettext(SEATS_IN_USE),
                               book.gettext("{users} of {seats} in {quarter}",
                                            users=counts["users"], seats=counts["seats"],
                                            quarter=labels[index])))
    elif active and _latest(active) is not None:
        index, users = _latest(active) or (0, 0.0)
        cards.append(KpiFigure(format_number(users, 0), book.gettext("Active users"),
                               labels[index]))
    breadth = _latest(shares)
    if breadth is not None:
        index, _share = breadth
        detail = labels[index]
        first = _first(adopted)
        if first is not None and first[0] < index and adopted[index] is not None:
            moved = (adopted[index] or 0) - first[1]
            detail = _moved_since(moved, format_number(abs(moved), 0), labels[first[0]], book)
        cards.append(KpiFigure(book.gettext("{done} of {all}",
                                            done=format_number(adopted[index] or 0, 0),
                                            all=format_number(available[index] or 0, 0)),
                               book.gettext("Features in use"), detail))
    return headline, usage_chart, breadth_chart, tuple(cards)


def _moved_since(moved: float, amount: str, since: str, book: Catalogue) -> str:
    """'up 3 since 2026 Q1', 'down 0.2 since …', 'unchanged since …'."""
    if moved > 0:
        return book.gettext("up {amount} since {quarter}", amount=amount, quarter=since)
    if moved < 0:
        return book.gettext("down {amount} since {quarter}", amount=amount, quarter=since)
    return book.gettext("unchanged since {quarter}", quarter=since)


def _latest(values: Sequence[float | None]) -> tuple[int, float] | None:
    for index in range(len(values) - 1, -1, -1):
        value = values[index]
        if value is not None:
            return index, value
    return None


def _first(values: Sequence[float | None]) -> tuple[int, float] | None:
    for index, value in enumerate(values):
        if value is not None:
            return index, value
    return None


# Support -----------------------------------------------------------------------------------
def support_figures(history: MetricHistory | None, contract_seats: int | None,
                    peer_rate: float | None, book: Catalogue = ENGLISH_BOOK,
                    ) -> tuple[ChartData | None, ChartData | None, tuple[KpiFigure, ...]]:
    """(tickets per 100 seats by quarter, satisfaction by quarter, cards)."""
    quarters, rows = _series(history)
    labels = tuple(quarter_words(q, book) for q in quarters)
    axis = tuple(quarter_axis_words(q, book) for q in quarters)
    tickets = rows.get("support_tickets", ())
    seats = rows.get("licensed_seats", (None,) * len(quarters))
    rates = tuple(t / s * 100 if t is not None and s else
                  (t / contract_seats * 100 if t is not None and contract_seats else None)
                  for t, s in zip(tickets, seats, strict=False))
    support_chart = csat_chart = None
    if len(_known(rates)) >= MIN_TREND_QUARTERS:
        support_chart = ChartData(book.gettext("Support tickets per 100 seats"), axis,
                                  (Series(book.gettext("Tickets per 100 seats"), tuple(
                                      None if r is None else round(r, 1) for r in rates)),),
                                  kind="bar", number_format="0.0",
                                  unit=book.gettext("tickets"), axis_min=0)
    csat = rows.get("csat", ())
    if len(_known(csat)) >= MIN_TREND_QUARTERS:
        csat_chart = ChartData(book.gettext("Satisfaction with support (CSAT, out of 5)"),
                               axis, (Series("CSAT", csat),), kind="line",
                               number_format="0.0", unit=book.gettext("out of 5"), axis_min=0,
                               axis_max=5)
    cards: list[KpiFigure] = []
    latest = _latest(rates)
    if latest is not None:
        index, rate = latest
        count = int(tickets[index] or 0)
        detail = book.ngettext("{count} ticket in {quarter}", "{count} tickets in {quarter}",
                               count, quarter=labels[index])
        if peer_rate is not None:
            detail = book.gettext("{detail}; comparable customers: {rate}", detail=detail,
                                  rate=format_number(peer_rate))
        cards.append(KpiFigure(f"{rate:.1f}", book.gettext("Tickets per 100 seats"), detail))
    score = _latest(csat)
    if score is not None:
        index, value = score
        first = _first(csat)
        detail = labels[index]
        if first is not None and first[0] < index:
            moved = round(value - first[1], 1)
            detail = _moved_since(moved, format_number(abs(moved)), labels[first[0]], book)
        cards.append(KpiFigure(f"{value:.1f} / 5", book.gettext("Satisfaction (CSAT)"),
                               detail))
    return support_chart, csat_chart, tuple(cards)


# Value -------------------------------------------------------------------------------------
def value_basis(line: LineResult, quarter: Quarter, book: Catalogue = ENGLISH_BOOK) -> str:
    """'over a year' for a line measured over a year; else from which period it is
    annualised ('annualised from 2026 Q3')."""
    days = line.line.period_days
    if periods_per_year(days) == 1:
        return book.gettext("over a year")
    if 89 <= days <= 92:
        return book.gettext("annualised from {period}", period=quarter_words(quarter, book))
    if 28 <= days <= 31:
        return book.gettext("annualised from one month")
    return book.ngettext("annualised from {count} day", "annualised from {count} days", days)


def value_credit(line: LineResult, book: Catalogue = ENGLISH_BOOK) -> str:
    """What a revenue line credits: pipeline is not revenue, and says so."""
    if line.line.category is not Category.REVENUE:
        return ""
    words = f"{line.line.label} {line.line.description}".casefold()
    return (book.gettext("pipeline credited") if "pipeline" in words
            else book.gettext("revenue attributed"))


def headline_basis(result: RoiResult, book: Catalogue = ENGLISH_BOOK) -> str:
    """The total's label: 'annualised from 2026 Q4' when any counted line is."""
    annualised = [r for r in result.lines if r.counted
                  and periods_per_year(r.line.period_days) != 1]
    if not annualised:
        return ""
    return book.gettext("annualised from {period}",
                        period=quarter_words(result.model.quarter, book))


def goal_figures(result: RoiResult | None) -> tuple[GoalFigure, ...]:
    """Each value line with a baseline, a target and an outcome, and how far it has come."""
    if result is None:
        return ()
    goals = []
    for line_result in result.lines:
        line = line_result.line
        if line.baseline is None or line.target is None or line.outcome is None:
            continue
        progress = line_result.delivered.value
        goals.append(GoalFigure(line.label, format_count(line.baseline),
                                format_count(line.outcome), format_count(line.target),
                                None if progress is None else float(progress)))
    return tuple(goals[:MAX_GOALS])


# Renewal -----------------------------------------------------------------------------------
def renewal_figure(renewal: date | None, reference: date, seats: int | None,
                   usage_cards: Sequence[KpiFigure], customer_since: date | None,
                   options: Sequence[str], book: Catalogue = ENGLISH_BOOK,
                   ) -> RenewalFigure | None:
    """The contract, when its renewal falls within 180 days of the meeting (or before)."""
    if renewal is None:
        return None
    days = (renewal - reference).days
    if days > RENEWAL_WINDOW_DAYS:
        return None
    if days > 0:
        when = book.ngettext("{count} day after this review", "{count} days after this review",
                             days)
    elif days == 0:
        when = book.gettext("on the day of this review")
    else:
        when = book.ngettext("{count} day before this review",
                             "{count} days before this review", -days)
    cards = [KpiFigure(day_words(renewal, book), book.gettext("Renewal date"), when)]
    if seats:
        in_use = next((c for c in usage_cards if c.label == book.gettext(SEATS_IN_USE)),
                      None)
        cards.append(KpiFigure(f"{seats:,}", book.gettext("Licensed seats"),
                               book.gettext("{share} in active use", share=in_use.value)
                               if in_use else ""))
    if customer_since is not None and customer_since < reference:
        years = (reference - customer_since).days / 365.25
        cards.append(KpiFigure(month_year_words(customer_since, book),
                               book.gettext("Working together since"),
                               book.gettext("{years} years", years=format_number(years))
                               if years >= 1 else book.gettext("less than a year")))
    points = [book.gettext("Confirm the seat count against the seats in active use"),
              book.gettext("Agree the renewal timeline and who signs on each side")]
    if options:
        points.append(book.gettext("Options to discuss: {options}",
                                   options=book.pgettext("list separator", "; ")
                                   .join(options[:3])))
    return RenewalFigure(renewal, days, seats, tuple(cards), tuple(points))


def summary_cards(health: float | None, trend: str, total: Decimal | None, amount: str,
                  basis: str, roi: str, payback: str,
                  usage: Sequence[KpiFigure], book: Catalogue = ENGLISH_BOOK,
                  ) -> tuple[KpiFigure, ...]:
    cards = []
    if health is not None:
        cards.append(KpiFigure(f"{format_number(health, 0)} / 100",
                               book.gettext(HEALTH_SCORE), trend))
    if total is not None and total > 0:
        cards.append(KpiFigure(amount, book.gettext("Value a year"),
                               basis or book.gettext("over a year")))
        if roi:
            cards.append(KpiFigure(roi, book.gettext("Return on investment"),
                                   book.gettext("payback {months}", months=payback)
                                   if payback else ""))
    cards += [card for card in usage if card.label == book.gettext(SEATS_IN_USE)]
    return tuple(cards[:4])


def peer_value(metrics: Mapping[str, float | None], key: str) -> float | None:
    value = metrics.get(key)
    return value if value is not None and math.isfinite(value) else None
