"""DeckService: the saved deck plan, and the deck's content gathered from every service over
a demo portfolio; the figures must read exactly as the ROI tab shows them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from qbr_desktop.domain.accounts import AccountDraft, AccountSummary
from qbr_desktop.domain.deck import (
    DeckVariant,
    SlideKind,
    SlidePlan,
    default_outline,
    variant_for_tier,
)
from qbr_desktop.domain.deck_plan import (
    DeckPlan,
    OutlineEntry,
    plan_from_dict,
    plan_to_dict,
)
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi_story import format_amount, format_figure, format_months
from qbr_desktop.domain.stakeholders import Attendance
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import build_demo_portfolio

TODAY = date.today()
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """The map picture needs a Qt application; the full one, as the widget tests need."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    folder = tmp_path_factory.mktemp("decks")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QBR_DATA_DIR", str(folder / "user-data"))
        context = AppContext.open(DatabaseTarget(path=folder / "portfolio.sqlite"))
        build_demo_portfolio(context, accounts=24, seed=7)
        yield context
        context.close()


def plain(outline: tuple[SlidePlan, ...]) -> list[tuple[SlideKind, str, bool]]:
    """The outline as the CSM chose it, without what the arrangement decided."""
    return [(slide.kind, slide.title, slide.shown) for slide in outline]


def _first(context: AppContext, tier: str) -> AccountSummary:
    return next(a for a in context.accounts.list_accounts() if a.tier == tier)


@pytest.mark.parametrize(("tier", "variant"), [("Strategic", DeckVariant.EXECUTIVE),
                                                ("Growth", DeckVariant.STANDARD),
                                                ("Core", DeckVariant.DIGITAL)])
def test_each_tier_gets_its_variant_and_outline(demo: AppContext, tier: str,
                                                variant: DeckVariant) -> None:
    account = _first(demo, tier)
    prepared = demo.decks.prepare(demo, account.id, today=TODAY)
    content = prepared.content
    assert content.variant is variant is variant_for_tier(tier)
    assert plain(content.outline) == plain(default_outline(variant))
    assert content.account_name == account.name
    assert prepared.briefing.tier == tier
    assert content.quarter == f"{TODAY.year} Q{(TODAY.month - 1) // 3 + 1}"
    assert content.prepared_on == TODAY


def test_a_variant_passed_in_overrides_the_tier(demo: AppContext) -> None:
    account = _first(demo, "Strategic")
    content = demo.decks.content(demo, account.id, variant=DeckVariant.DIGITAL, today=TODAY)
    assert content.variant is DeckVariant.DIGITAL
    assert plain(content.outline) == plain(default_outline(DeckVariant.DIGITAL))


def test_value_figures_read_as_the_roi_report_does(demo: AppContext) -> None:
    checked = 0
    for account in demo.accounts.list_accounts():
        report = demo.roi.report(account.id, Quarter.containing(TODAY))
        prepared = demo.decks.prepare(demo, account.id, today=TODAY)
        content = prepared.content
        result = report.result
        if not report.stored or result.total_value <= 0:
            assert content.value_chart is None and content.total_value is None
            assert any("ROI model" in str(sentence) for sentence in prepared.briefing.missing)
            continue
        checked += 1
        currency = result.model.currency
        assert content.total_value == result.total_value
        assert content.roi_text == format_figure(result.roi)
        assert content.payback_text == format_months(result.payback_months)
        basis = f" (annualised from {content.quarter})" if any(
            r.counted and r.line.period_days < 365 for r in result.lines) else ""
        assert content.value_headline == (
            f"{format_amount(result.total_value, currency)} a year{basis} · ROI "
            f"{format_figure(result.roi)} · payback {format_months(result.payback_months)}")
        assert all(line.basis for line in content.value_lines)
        assert content.value_story == report.story_text
        counted = [r for r in result.lines if r.counted]
        assert [line.label for line in content.value_lines] == [r.line.label for r in counted]
        assert content.value_chart is not None
        charted = sum(v or 0.0 for v in content.value_chart.series[0].values)
        assert charted == pytest.approx(float(result.total_value), rel=1e-9)
        assert content.scenario_chart is not None
        assert content.scenario_chart.categories == ("Conservative", "Expected", "Optimistic")
    assert checked >= 10


def test_health_adoption_and_people(demo: AppContext) -> None:
    for account in demo.accounts.list_accounts()[:8]:
        prepared = demo.decks.prepare(demo, account.id, today=TODAY)
        content = prepared.content
        health = demo.insights.health(account.id).report
        assert health.current is not None
        assert content.health_score == health.current.total
        assert prepared.briefing.health_status in ("healthy", "watch", "at risk")
        assert content.health_trend
        assert content.health_chart is not None
        assert content.health_chart.series[0].values[-1] == health.current.total
        assert content.adoption_chart is not None
        assert len(content.adoption_chart.series) == 2  # the account and the peer median
        people = [p for p in demo.stakeholders.map(account.id).people if not p.departed]
        assert len(content.stakeholders) == len(people)
        # Reporting lines cross as keys of the deck's own people, never stored ids.
        keys = {p.key for p in content.stakeholders}
        assert keys == set(range(1, len(people) + 1))
        assert all(p.manager in keys for p in content.stakeholders if p.manager is not None)
        assert content.stakeholder_map_png is None  # the slide draws people natively
        plan = demo.plans.next_plan(account.id)
        assert content.meeting_date == (plan.meeting_day if plan else None)
        assert content.recommendations  # drafted when none are saved
        assert all(len(text) <= 500 for text in content.recommendations)
        # Coverage findings are our notes about their people: never on the customer's deck.
        findings = demo.stakeholders.coverage(account.id)
        for text in content.recommendations:
            assert all(finding.message not in text for finding in findings)


def test_an_account_with_nothing_names_what_is_missing(demo: AppContext) -> None:
    account = demo.accounts.create(AccountDraft(name="Empty Shell Ltd", arr=Decimal(10_000)))
    prepared = demo.decks.prepare(demo, account.id, today=TODAY)
    content = prepared.content
    assert content.variant is DeckVariant.DIGITAL
    for chart in (content.health_chart, content.adoption_chart, content.value_chart,
                  content.scenario_chart):
        assert chart is None
    assert content.stakeholder_map_png is None
    assert content.health_score is None and content.total_value is None
    assert content.stakeholders == () and content.actions == ()
    quarter = content.quarter
    expected = (f"No ROI model for {quarter} yet: the deck shows usage only.",
                "No health score yet", "No usage metrics yet", "Nobody is on the stakeholder",
                "No QBR is scheduled")
    for start in expected:
        assert any(str(sentence).startswith(start) for sentence in prepared.briefing.missing), start
    assert all(str(sentence).endswith(".") for sentence in prepared.briefing.missing)
    assert content.recommendations


def test_a_saved_plan_drives_the_outline_and_the_lists(demo: AppContext) -> None:
    account = _first(demo, "Growth")
    outline = (OutlineEntry(SlideKind.TITLE), OutlineEntry(SlideKind.OUTCOMES),
               OutlineEntry(SlideKind.SUMMARY), OutlineEntry(SlideKind.RISKS, shown=False))
    plan = DeckPlan(variant=DeckVariant.EXECUTIVE, outline=outline,
                    roadmap=("SSO for contractors", "  "), priorities=("Roll out to Finance",),
                    recommendations=("Add a second champion in 営業部 🚀",), accent="#1F6FEB",
                    template="brand.pptx", logo="logo.png")
    demo.decks.save_plan(account.id, plan)
    try:
        assert demo.decks.plan(account.id) == plan
        content = demo.decks.content(demo, account.id, today=TODAY)
        assert content.variant is DeckVariant.EXECUTIVE
        kinds = [slide.kind for slide in content.outline]
        assert kinds[:4] == [SlideKind.TITLE, SlideKind.OUTCOMES, SlideKind.SUMMARY,
                             SlideKind.RISKS]
        assert not content.outline[3].shown
        assert all(not slide.shown for slide in content.outline[4:])
        assert content.roadmap == ("SSO for contractors",)
        assert content.priorities == ("Roll out to Finance",)
        assert content.recommendations == ("Add a second champion in 営業部 🚀",)
    finally:
        demo.decks.save_plan(account.id, DeckPlan())
    assert demo.decks.content(demo, account.id, today=TODAY).variant is DeckVariant.STANDARD


@pytest.mark.parametrize("plan", [
    DeckPlan(roadmap=tuple(f"item {n}" for n in range(31))),
    DeckPlan(priorities=("x" * 501,)),
    DeckPlan(outline=(OutlineEntry(SlideKind.TITLE), OutlineEntry(SlideKind.TITLE))),
    DeckPlan(accent="blue"),
    DeckPlan(template="brand.key"),
])
def test_a_plan_breaking_a_rule_is_refused(demo: AppContext, plan: DeckPlan) -> None:
    account = _first(demo, "Core")
    with pytest.raises(ValidationFailed):
        demo.decks.save_plan(account.id, plan)
    assert demo.decks.plan(account.id) == DeckPlan()


def test_stored_documents_are_checked() -> None:
    plan = DeckPlan(outline=(OutlineEntry(SlideKind.ROADMAP, False),), roadmap=("a",))
    assert plan_from_dict(plan_to_dict(plan)) == plan
    document = plan_to_dict(plan)
    with pytest.raises(ValidationFailed, match="outline"):
        plan_from_dict({**document, "outline": [{"kind": "closing jokes", "shown": True}]})
    with pytest.raises(ValidationFailed, match="variant"):
        plan_from_dict({**document, "variant": "keynote"})
    with pytest.raises(ValidationFailed, match="version"):
        plan_from_dict({"roadmap": []})


def test_an_executive_confirmed_for_the_next_review_is_attending(demo: AppContext) -> None:
    from qbr_desktop.domain.attendance import is_executive

    for account in demo.accounts.list_accounts():
        plan = demo.plans.next_plan(account.id)
        people = demo.stakeholders.map(account.id).people
        executive = next((p for p in people if is_executive(p) and not p.departed), None)
        if plan is None or executive is None:
            continue
        before = {e.person_id: e for e in demo.stakeholders.attendance(plan.review_id)}
        demo.stakeholders.set_attendance(plan.review_id, Attendance(
            executive.id, invited=True, confirmed=True, attended=False))
        prepared = demo.decks.prepare(demo, account.id, today=TODAY)
        content = prepared.content
        assert prepared.briefing.executive_attending
        shown = next(p for p in content.stakeholders if p.name == executive.name)
        assert shown.attending
        old = before.get(executive.id, Attendance(executive.id))
        demo.stakeholders.set_attendance(plan.review_id, replace(old))
        return
    pytest.fail("the demo portfolio has no account with a review and an executive")


def test_the_plan_of_an_unknown_account_is_not_found(demo: AppContext, tmp_path: Path) -> None:
    from qbr_desktop.store.errors import NotFoundError

    with pytest.raises(NotFoundError):
        demo.decks.plan(999_999)


def test_a_crm_record_and_a_usage_export_make_a_deck_without_placeholders(
        demo: AppContext, tmp_path: Path) -> None:
    """What a CRM export and a usage export give, with no hand entry: every slide written
    has something to say, and what is missing is for the CSM alone."""
    from datetime import timedelta

    from pptx import Presentation

    from qbr_desktop.domain.metrics import MetricValue
    from qbr_desktop.domain.slide_kinds import SPECS
    from qbr_desktop.exports.deck_pptx import write_deck

    account = demo.accounts.create(AccountDraft(
        name="Imported Only GmbH", arr=Decimal(400_000), currency="EUR", licensed_seats=400,
        renewal_date=TODAY + timedelta(days=120), csm_owner="Dana Whitfield"))
    latest = Quarter.containing(TODAY).shifted(-1)
    demo.accounts.record_metrics(account.id, [
        MetricValue(latest.shifted(-n), key, value) for n in range(6)
        for key, value in (("active_users", 300.0 - 12 * n), ("licensed_seats", 400.0),
                           ("features_adopted", 18.0 - n), ("features_available", 30.0),
                           ("support_tickets", 14.0 + n), ("csat", 4.3 - 0.05 * n),
                           ("logins", 9000.0), ("nps", 35.0))])
    prepared = demo.decks.prepare(demo, account.id, today=TODAY)
    content = prepared.content
    written = [s for s in content.outline if s.shown and not s.omitted]
    kinds = {s.kind for s in written}
    assert {SlideKind.SUMMARY, SlideKind.USAGE, SlideKind.SUPPORT, SlideKind.RENEWAL,
            SlideKind.RECOMMENDATIONS, SlideKind.TOPICS} <= kinds
    assert all(SPECS[s.kind].present(content) for s in written)
    assert content.renewal is not None and content.renewal.seats == 400
    assert prepared.briefing.omitted  # the CSM is told what was left out, and why
    out = write_deck(content, tmp_path / "imported.pptx").path
    text = "\n".join(shape.text_frame.text for slide in Presentation(str(out)).slides
                     for shape in slide.shapes if shape.has_text_frame)
    for placeholder in ("not available yet", "to be agreed together", "to be confirmed",
                        "still to be written", "To be scheduled"):
        assert placeholder not in text
    assert "300 of 400 licensed seats in active use (75%)" in text
