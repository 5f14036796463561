"""A deck's content with something to say on every slide kind, for the writers' tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from qbr_desktop.domain.deck import (
    ActionFigure,
    ChartData,
    DeckContent,
    DeckVariant,
    ExpansionFigure,
    GoalFigure,
    KpiFigure,
    PersonFigure,
    RenewalFigure,
    RiskFigure,
    Series,
    SlidePlan,
    ValueLineFigure,
    default_outline,
)

QUARTERS = ("2025 Q4", "2026 Q1", "2026 Q2", "2026 Q3")
VALUE_CHART = ChartData("Value by category", ("Efficiency", "Revenue", "Risk"),
                        (Series("Annual value", (250000.0, 300000.0, 71036.0)),),
                        "bar", '"$"#,##0', "USD")
ADOPTION_CHART = ChartData("Weekly active users", ("2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"),
                           (Series("Acme", (120.0, None, 180.0, 210.0)),
                            Series("Peer median", (100.0, 110.0, 130.0, 140.0))),
                           "line", "#,##0", "users")


def every_kind_shown(variant: DeckVariant) -> tuple[SlidePlan, ...]:
    """The variant's outline with every kind ticked, in the variant's own places."""
    return tuple(replace(slide, shown=True) for slide in default_outline(variant))


def content(variant: DeckVariant = DeckVariant.EXECUTIVE, **changes: Any) -> DeckContent:
    base = DeckContent(
        account_name="Acme Logistics", variant=variant, quarter="2026 Q4",
        prepared_on=date(2026, 11, 23), csm_name="Dana Whitfield", currency="USD",
        outline=default_outline(variant), meeting_date=date(2026, 12, 3),
        next_qbr=date(2027, 3, 4),
        meeting_words="Thu 3 Dec 2026 · 10:00 Europe/Amsterdam · 90 minutes",
        agenda=("Welcome and goals for today", "The quarter in numbers",
                "Outcomes against your goals", "What's coming next",
                "Risks and the renewal", "Commitments and close"),
        summary_cards=(KpiFigure("78 / 100", "Health score", "up 6 points since last quarter"),
                       KpiFigure("$621,036", "Value a year", "annualised from 2026 Q4"),
                       KpiFigure("161%", "Return on investment", "payback 4.6 months"),
                       KpiFigure("82%", "Licensed seats in active use", "412 of 500")),
        health_score=78.0,
        health_trend="up 6 points since last quarter",
        health_chart=ChartData("Health score by quarter", ("2026 Q1", "2026 Q2", "2026 Q3",
                                                           "2026 Q4"),
                               (Series("Health", (61.0, 66.0, 72.0, 78.0)),), "line", "0",
                               axis_min=0, axis_max=100),
        adoption_chart=ADOPTION_CHART,
        adoption_notes=("Active users in the top quartile of peers",
                        "Reporting module used by 3 of 5 regions"),
        usage_headline="412 of 500 licensed seats in active use (82%), 64% in 2025 Q4",
        usage_chart=ChartData("Active users against licensed seats", QUARTERS,
                              (Series("Active users", (320.0, 350.0, 390.0, 412.0)),
                               Series("Licensed seats", (500.0, 500.0, 500.0, 500.0))),
                              "bar", "#,##0", "users", axis_min=0),
        breadth_chart=ChartData("Share of the product's features in use", QUARTERS,
                                (Series("Features in use", (0.4, 0.45, 0.52, 0.6)),),
                                "line", "0%", "%", axis_min=0, axis_max=1),
        usage_cards=(KpiFigure("82%", "Licensed seats in active use", "412 of 500"),
                     KpiFigure("18 of 30", "Features in use", "up 6 since 2025 Q4")),
        support_chart=ChartData("Support tickets per 100 seats", QUARTERS,
                                (Series("Tickets per 100 seats", (4.2, 3.6, 3.1, 2.4)),),
                                "bar", "0.0", "tickets", axis_min=0),
        csat_chart=ChartData("Satisfaction with support (CSAT, out of 5)", QUARTERS,
                             (Series("CSAT", (3.9, 4.0, 4.2, 4.3)),), "line", "0.0",
                             "out of 5", axis_min=0, axis_max=5),
        support_cards=(KpiFigure("2.4", "Tickets per 100 seats", "12 tickets in 2026 Q3"),
                       KpiFigure("4.3 / 5", "Satisfaction (CSAT)", "up 0.4 since 2025 Q4")),
        value_headline="$621,036 a year (annualised from 2026 Q4) · ROI 161% · payback 4.6 "
                       "months",
        value_basis="annualised from 2026 Q4",
        total_value=Decimal("621036"), roi_text="161%", payback_text="4.6 months",
        value_lines=(ValueLineFigure("Fewer manual dispatch hours", "Efficiency",
                                     Decimal("250000"), "high", "annualised from 2026 Q4"),
                     ValueLineFigure("Faster quote-to-cash", "Revenue", Decimal("300000"),
                                     "medium", "over a year", "pipeline credited"),
                     ValueLineFigure("Fewer SLA penalties", "Risk", Decimal("71036"), "low",
                                     "over a year")),
        value_chart=VALUE_CHART,
        scenario_chart=ChartData("ROI by scenario", ("Conservative", "Expected", "Optimistic"),
                                 (Series("ROI", (0.9, 1.61, 2.4)),), "bar", "0%"),
        value_story="Dispatch used to take a team of six most of the morning. "
                    "Now two people finish it before nine.",
        goals=(GoalFigure("Fewer manual dispatch hours", "0", "2,444", "4,000", 0.611),
               GoalFigure("Outages avoided", "0", "4.2", "7", 0.6),
               GoalFigure("Quotes sent the same day", "35", "81", "80", 1.02)),
        priorities=("Roll out to the Rotterdam hub", "Automate carrier invoicing",
                    "Train new planners", "A fourth one not on the summary"),
        roadmap=("Carrier portal (Q1)", "Route optimisation v2 (Q2)", "Invoice matching (Q2)"),
        roadmap_goals=("Fewer manual dispatch hours", "Fewer manual dispatch hours", ""),
        recommendations=("Turn on invoice matching", "Run a planner workshop"),
        risks=(RiskFigure("Champion leaving in Q1", "risk", 4, 5),
               RiskFigure("Budget freeze", "risk", 2, 4),
               RiskFigure("Rotterdam expansion", "opportunity", 4, 4),
               RiskFigure("API partner program", "opportunity", 2, 2)),
        expansion=(ExpansionFigure("Rotterdam hub", Decimal("60000"), Decimal("180000"),
                                   "200%", "4 months",
                                   "today's value per active user ($1,500 a year) × 120 more "
                                   "users; full value after 3 months"),
                   ExpansionFigure("Add Advanced Analytics", Decimal("24000"),
                                   Decimal("60000"), "124%", "7.1 months",
                                   "today's return on spend (2.6 to 1) applied to its price; "
                                   "full value after 6 months")),
        renewal=RenewalFigure(date(2027, 3, 31), 118, 500,
                              (KpiFigure("31 Mar 2027", "Renewal date",
                                         "118 days after this review"),
                               KpiFigure("500", "Licensed seats", "82% in active use"),
                               KpiFigure("Jun 2021", "Working together since", "5.5 years")),
                              ("Confirm the seat count against the seats in active use",
                               "Agree the renewal timeline and who signs on each side")),
        stakeholders=(PersonFigure("Sam Ortiz", "COO", True, 1, 4),
                      PersonFigure("Lee Chan", "Ops lead", True, 2, 1),
                      PersonFigure("Ana Ruiz", "IT manager", True, 3, 7),
                      PersonFigure("Jo Park", "Chief Executive Officer", False, 4, None),
                      PersonFigure("Kim Berg", "Planning lead", True, 5, 1),
                      PersonFigure("Max Roy", "Finance director", False, 6, 4),
                      PersonFigure("Ida Holm", "CIO", False, 7, 4)),
        actions=(ActionFigure("Send the invoicing pilot plan", "ours", "Dana Whitfield",
                              date(2026, 12, 15), "open"),
                 ActionFigure("Name a Rotterdam owner", "theirs", "Sam Ortiz",
                              date(2027, 1, 10), "open"),
                 ActionFigure("Share the carrier list for the portal", "theirs", "Lee Chan",
                              date(2026, 12, 18), "in progress"),
                 ActionFigure("Book the planner workshop", "ours", "Dana Whitfield",
                              date(2027, 1, 20), "open"),
                 ActionFigure("Review SSO settings with IT", "theirs", "Ana Ruiz",
                              date(2026, 11, 30), "overdue")))
    return replace(base, **changes)
