"""Value stories: drafted sentences, rendering with today's figures, and staleness."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

import pytest

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import (
    Category,
    Confidence,
    Figure,
    RoiModel,
    ValueLine,
    subscription_from_arr,
)
from qbr_desktop.domain.roi_scenarios import RoiResult, evaluate
from qbr_desktop.domain.roi_story import (
    StorySentence,
    ValueStory,
    default_story,
    edit_sentence,
    follows_numbers,
    format_amount,
    format_count,
    format_months,
    format_percent,
    is_stale,
    period_words,
    placeholders,
    quantities,
    render,
    render_sentences,
    stale_reasons,
    story_for,
    story_from_dict,
    story_to_dict,
)
from qbr_desktop.i18n import (
    CHINESE,
    ENGLISH,
    catalogue,
    english,
    interface_language,
    set_interface_language,
)

D = Decimal
Q3 = Quarter(2026, 3)
HOURS = ValueLine("support", "Support automation", Category.COST,
                  {"hours_saved": D(1200), "hourly_rate": D(75)}, confidence=Confidence.HIGH)


def result(*lines: ValueLine, cost: str = "81818.18", currency: str = "USD") -> RoiResult:
    return evaluate(RoiModel(currency, Q3, lines, (subscription_from_arr(D(cost)),)))


def test_the_reference_example_sentence() -> None:
    # 1,200 h × $75 = $90,000 this quarter; $360,000 a year against $81,818.18:
    # (360,000 − 81,818.18) ÷ 81,818.18 = 3.4000001 → 340%.
    r = result(HOURS)
    story = default_story(r)
    assert render_sentences(story, r) == [
        "Your team saved 1,200 hours this quarter, worth $90,000 — a 340% return.",
        # 81,818.18 ÷ 30,000 a month = 2.73 months
        "The investment of $81,818 paid for itself in 2.7 months.",
    ]
    assert story.sentences[0].text == (
        "Your team saved {support.hours_saved} hours {support.period}, worth {support.value}"
        " — a {roi} return.")


def test_default_sentences_per_category_and_summary() -> None:
    lines = (
        replace(HOURS, period_days=365),
        ValueLine("fte", "Reporting", Category.COST,
                  {"ftes_saved": D("1.5"), "cost_per_fte": D(96000)}, period_days=30),
        ValueLine("upsell", "The EMEA rollout", Category.REVENUE,
                  {"revenue": D(250000), "attribution_share": D("0.3")}),
        ValueLine("outages", "Outages", Category.RISK,
                  {"cost_per_incident": D(12000), "baseline_incidents": D(8),
                   "incident_reduction": D("0.5")}, period_days=182),
        ValueLine("errors", "Errors", Category.QUALITY,
                  {"cost_per_error": D(40), "error_volume": D(3000),
                   "error_reduction": D("0.25")}, period_days=45),
        ValueLine("brand", "Brand", Category.STRATEGIC, {"stated_value": D(20000)},
                  description="Named in their annual report.", period_days=365),
        ValueLine("board", "Board visibility", Category.STRATEGIC,
                  description="The CFO now opens the dashboard weekly"),
        ValueLine("export", "Manual exports", Category.STRATEGIC, {"stated_value": D(-5000)},
                  description="Exports are done by hand", period_days=365),
    )
    r = result(*lines, cost="100000")
    # Year: 90,000 + 144,000 + 300,000 + 96,000 + 30,000 × 365/45 + 20,000 − 5,000
    assert r.total_value == D(90000 + 144000 + 300000 + 96000 + 20000 - 5000) + (
        D(30000) * D(365) / D(45))
    assert render_sentences(default_story(r), r) == [
        "Your team saved 1,200 hours this year, worth $90,000.",
        # 1.5 × 96,000 ÷ 12 = 12,000 for the month
        "The work of 1.5 full-time people was freed up this month, worth $12,000.",
        "The EMEA rollout brought in $250,000; crediting 30% of it to the platform gives "
        "$75,000 this quarter.",
        "About 4 incidents were avoided this half-year, sparing $48,000 in incident costs.",
        "Errors fell by 25% over the last 45 days, saving $30,000 in rework.",
        "Brand: Named in their annual report, valued at $20,000.",
        "Board visibility: The CFO now opens the dashboard weekly.",
        "Manual exports raised costs by $5,000 this year.",
        # 888,333 − 100,000 over 100,000 = 788%; 100,000 ÷ 74,027.78 a month = 1.35 months
        "In all, that is $888,333 of value a year for an investment of $100,000: a 788% "
        "return, paid back in 1.4 months.",
    ]


def test_without_investment_the_summary_leaves_out_the_return() -> None:
    r = evaluate(RoiModel("EUR", Q3, (HOURS, replace(HOURS, id="more"))))
    assert render_sentences(default_story(r), r)[-1] == (
        "In all, that is €720,000 of value a year.")
    assert quantities(r)["roi"] == "n/a" and quantities(r)["payback"] == "n/a"


def test_money_follows_the_account_currency() -> None:
    r = result(replace(HOURS, inputs={"hours_saved": D(1200), "hourly_rate": D("7500.5")}),
               cost="8000000", currency="JPY")
    values = quantities(r)
    assert values["support.value"] == "¥9,000,600"
    assert values["support.hourly_rate"] == "¥7,500"  # no minor unit for yen
    eur = quantities(result(replace(HOURS, inputs={"hours_saved": D(10),
                                                   "hourly_rate": D("75.5")}),
                            currency="EUR"))
    assert eur["support.hourly_rate"] == "€75.50" and eur["support.value"] == "€755"


def test_render_follows_the_model() -> None:
    story = default_story(result(HOURS))
    more = result(replace(HOURS, inputs={"hours_saved": D(1500), "hourly_rate": D(75)}))
    assert render(story, more).startswith("Your team saved 1,500 hours this quarter, worth "
                                          "$112,500 — a 450% return.")
    assert not is_stale(story, more)


def test_a_removed_line_or_a_changed_method_makes_the_story_stale() -> None:
    r = result(HOURS)
    story = default_story(r)
    gone = evaluate(replace(r.model, lines=()))
    assert stale_reasons(story, gone) == (
        "Sentence 1: {support.hours_saved} is no longer in the model.",
        "Sentence 1: {support.period} is no longer in the model.",
        "Sentence 1: {support.value} is no longer in the model.",
    )
    ftes = replace(HOURS, inputs={"ftes_saved": D(2), "cost_per_fte": D(90000)})
    assert stale_reasons(story, result(ftes)) == (
        "Sentence 1: {support.hours_saved} is no longer in the model.",)
    # An unknown placeholder is left as written, so the gap shows.
    assert render(story, gone).startswith("Your team saved {support.hours_saved} hours")


def test_a_typed_figure_that_no_longer_matches_makes_the_story_stale() -> None:
    r = result(HOURS)
    story = edit_sentence(default_story(r), 0,
                          "Your 3 teams saved 1,200 hours, worth $90,000 — a {roi} return.", r)
    assert story.sentences[0].literals == (
        ("$90,000", ("support.value",)), ("1,200", ("support.hours_saved",)))
    assert not is_stale(story, r)
    # Same figures, other inputs: 1,000 h × $90 = $90,000 — the hours no longer match.
    r2 = result(replace(HOURS, inputs={"hours_saved": D(1000), "hourly_rate": D(90)}))
    assert stale_reasons(story, r2) == (
        "Sentence 1: “1,200” was {support.hours_saved} when typed; it is now 1,000.",)
    r3 = evaluate(replace(r.model, lines=()))
    assert "Sentence 1: “$90,000” was {support.value} when typed; that quantity is no longer "\
           "in the model." in stale_reasons(story, r3)


def test_figures_inside_larger_numbers_or_words_are_not_taken_as_typed() -> None:
    r = result(HOURS)
    story = edit_sentence(ValueStory(), 0, "We closed 11,200 tickets in 2026 (Q3).", r)
    assert story.sentences[0].literals == ()
    assert not is_stale(story, result(replace(HOURS, period_days=365)))


def test_edit_can_append_a_sentence() -> None:
    r = result(HOURS)
    story = edit_sentence(default_story(r), 2, "Payback: {payback}.", r)
    assert render_sentences(story, r)[-1] == "Payback: 2.7 months."
    assert placeholders(story.sentences[2].text) == ["payback"]


def test_story_document_round_trip_and_errors() -> None:
    r = result(HOURS)
    story = edit_sentence(default_story(r), 1, "Saved <&> 1,200 hours 🚀 节省", r)
    assert story_from_dict(story_to_dict(story)) == story
    with pytest.raises(ValidationFailed) as caught:
        story_from_dict({"version": 1, "sentences": [{"text": 5},
                                                     {"text": "x", "literals": [{"text": 1}]}]})
    assert caught.value.problems == {
        "sentences[0].text": "expected the sentence's text",
        "sentences[1].literals[0]": "expected {\"text\": ..., \"quantities\": [names]}",
    }
    with pytest.raises(ValidationFailed):
        story_from_dict({"version": 2, "sentences": []})
    assert StorySentence("x") == story_from_dict(
        {"version": 1, "sentences": [{"text": "x"}]}).sentences[0]


@pytest.mark.parametrize(("amount", "currency", "text"), [
    ("90000", "USD", "$90,000"), ("-5000", "USD", "-$5,000"), ("-0.4", "USD", "$0"),
    ("1234.5", "JPY", "¥1,234"), ("1234.56", "GBP", "£1,235"), ("99.99", "CHF", "CHF 100"),
])
def test_format_amount(amount: str, currency: str, text: str) -> None:
    assert format_amount(D(amount), currency) == text


@pytest.mark.parametrize(("fraction", "text"), [
    ("3.4", "340%"), ("3.4000001", "340%"), ("0.125", "12%"), ("0.075", "7.5%"),
    ("0.07", "7%"), ("-0.2", "-20%"), ("-0.0001", "0%"), ("12.345", "1,234%"),
])
def test_format_percent(fraction: str, text: str) -> None:
    assert format_percent(D(fraction)) == text


def test_format_count_months_and_periods() -> None:
    assert (format_count(D("1200")), format_count(D("1.25")), format_count(D("2.0"))) == (
        "1,200", "1.2", "2")
    assert format_months(Figure(D("2.727"))) == "2.7 months"
    assert format_months(Figure(D("1.01"))) == "1 month"
    assert format_months(Figure(D("0.5"))) == "less than a month"
    assert format_months(Figure(None, "why")) == "n/a"
    assert [period_words(d) for d in (30, 91, 183, 365, 1, 45)] == [
        "this month", "this quarter", "this half-year", "this year", "over the last day",
        "over the last 45 days"]


@pytest.fixture
def chinese_interface() -> Iterator[None]:
    before = interface_language()
    set_interface_language(CHINESE)
    yield
    set_interface_language(before)


def test_the_window_drafts_in_its_language_and_the_customer_gets_theirs(
        chinese_interface: None) -> None:
    r = result(HOURS, replace(HOURS, id="slow", label="Slow", period_days=45))
    window = default_story(r)  # no catalogue: the interface language's
    shown = render(window, r)
    assert "节省" in shown and "Your team" not in shown and "个月" in shown
    assert "过去 45 天内" in shown
    # Saved untouched from the Chinese window, it still follows the numbers, so an English
    # account's deck gets it drafted in English; a sentence a person wrote stays theirs.
    english_book = catalogue(ENGLISH)
    assert follows_numbers(window, r)
    for_customer = render(story_for(window, r, english_book), r, english_book)
    assert for_customer.startswith("Your team saved 1,200 hours this quarter, worth $90,000.")
    assert "paid back in" in for_customer
    own = edit_sentence(window, 0, "我们一起节省了 1,200 小时。", r)
    assert not follows_numbers(own, r)
    assert render(story_for(own, r, english_book), r, english_book).startswith(
        "我们一起节省了 1,200 小时。")
    assert format_months(Figure(D("2.94"))) == "2.9 个月"
    assert format_months(Figure(D("2.94")), english_book) == "2.9 months"


def test_stale_reasons_and_problems_read_in_the_interface_language(
        chinese_interface: None) -> None:
    r = result(HOURS)
    story = ValueStory((StorySentence("{gone.value} saved"),))
    assert stale_reasons(story, r) == ("第 1 句：{gone.value} 已不在模型中。",)
    with pytest.raises(ValidationFailed) as caught:
        story_from_dict({"version": 1, "sentences": [{"text": 5}]})
    assert caught.value.problems == {"sentences[0].text": "应为句子的文本"}
    assert str(caught.value) == "sentences[0].text：应为句子的文本"
    assert english(caught.value.message) == "sentences[0].text: expected the sentence's text"
