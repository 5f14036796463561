"""Value stories: sentences drafted from the ROI numbers that stay bound to them.

A story is text with placeholders such as "{total_value}", "{roi}" or, for one line,
"{support.hours_saved}" (the line's id, a dot, the quantity). render() fills in the current
figures, formatted in the account's currency, so the stored text never goes out of date.

A story can still drift from the model in two ways, and stale_reasons() names both:
* a placeholder names a quantity the model no longer has (the line was removed, or it now
  counts FTEs where it counted hours);
* the CSM typed a figure into a sentence. When a sentence is edited, every figure in it that
  equals a quantity's current text is remembered with that quantity; once the quantity reads
  differently, the sentence is stale. Figures with a single digit ("3 teams") are ignored.

Presentation rules: totals in whole currency units, prices with cents when they have them,
percentages whole from 10% up and to one decimal below, payback to a tenth of a month;
rounding is half-even (as money.to_cents) and happens only here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.money import Money, format_money, number_style, to_cents
from qbr_desktop.domain.roi import SPECS, Category, Figure, Kind
from qbr_desktop.domain.roi_scenarios import RoiResult
from qbr_desktop.i18n import (
    N_,
    Catalogue,
    Message,
    available_languages,
    catalogue,
    interface_catalogue,
    msg,
)

STORY_VERSION = 1
PLACEHOLDER = re.compile(r"\{([a-z_]+|[a-z0-9][a-z0-9_-]*\.[a-z_]+)\}")
NOT_AVAILABLE = N_("n/a")
FULL_WIDTH_STOPS = ("。", "！", "？")


def format_amount(amount: Decimal, currency: str, *, exact: bool = False) -> str:
    """'$90,000', '-$5,000'; with exact=True a price keeps its cents ('$75.50')."""
    cents = exact and to_cents(amount) != amount.quantize(Decimal(1))
    return format_money(Money(amount, currency), cents=cents)


def _trim(text: str) -> str:
    point = number_style().decimal
    return text.rstrip("0").rstrip(point) if point in text else text


def format_count(value: Decimal) -> str:
    """'1,200', '2.5': to one decimal, no trailing zero."""
    return _trim(number_style().number(value, 1))


def format_percent(fraction: Decimal) -> str:
    """'340%', '7.5%': whole percents from 10% up, one decimal below."""
    percent = fraction * 100
    text = _trim(number_style().number(percent, 0 if abs(percent) >= 10 else 1))
    return ("0" if text == "-0" else text) + "%"


def _words(book: Catalogue | None) -> Catalogue:
    """A customer file's catalogue when given; the window's (or the CLI's) language without."""
    return book if book is not None else interface_catalogue()


def format_figure(figure: Figure, book: Catalogue | None = None) -> str:
    if figure.value is None:
        return _words(book).gettext(NOT_AVAILABLE)
    return format_percent(figure.value)


def format_months(figure: Figure, book: Catalogue | None = None) -> str:
    """'4.6 months'; in the customer file's language when its catalogue is given, else in
    the interface language."""
    words = _words(book)
    if figure.value is None:
        return words.gettext(NOT_AVAILABLE)
    if figure.value < 1:
        return words.gettext("less than a month")
    text = _trim(number_style().number(figure.value, 1))
    return (words.gettext("1 month") if text == "1"
            else words.gettext("{months} months", months=text))


def period_words(days: int, book: Catalogue | None = None) -> str:
    words = _words(book)
    if 28 <= days <= 31:
        return words.gettext("this month")
    if 89 <= days <= 92:
        return words.gettext("this quarter")
    if 181 <= days <= 184:
        return words.gettext("this half-year")
    if days in (365, 366):
        return words.gettext("this year")
    if days == 1:
        return words.gettext("over the last day")
    # The plural form follows the count (some languages say "21 day" but "25 days").
    return words.ngettext("over the last {days} day", "over the last {days} days", days,
                          days=format(days, ","))


def quantities(result: RoiResult, book: Catalogue | None = None) -> dict[str, str]:
    """Every quantity a story may bind to, by placeholder name, as it would be shown (in
    the language of `book`, the interface language without one)."""
    currency = result.model.currency

    def money(amount: Decimal) -> str:
        return format_amount(amount, currency)

    values = {
        "total_value": money(result.total_value), "net_value": money(result.net_value),
        "investment": money(result.investment), "roi": format_figure(result.roi, book),
        "risk_adjusted_value": money(result.risk_adjusted_value),
        "risk_adjusted_roi": format_figure(result.risk_adjusted_roi, book),
        "payback": format_months(result.payback_months, book),
        "three_year_value": money(result.three_year.value),
        "three_year_roi": format_figure(result.three_year.roi, book),
        "npv": money(result.three_year.npv), "irr": format_figure(result.three_year.irr, book),
        "quarter": str(result.model.quarter),
    }
    for line_result in result.lines:
        line = line_result.line
        key = line.id
        value = line_result.value if line_result.value is not None else Decimal(0)
        values[f"{key}.label"] = line.label
        values[f"{key}.description"] = line.description.strip().rstrip(".")
        values[f"{key}.period"] = period_words(line.period_days, book)
        values[f"{key}.value"] = money(value)
        values[f"{key}.annual_value"] = money(line_result.annual_value)
        values[f"{key}.cost_increase"] = money(max(-value, Decimal(0)))
        values[f"{key}.delivered"] = format_figure(line_result.delivered, book)
        for name, amount in line.inputs.items():
            kind = SPECS[line.category][name].kind
            values[f"{key}.{name}"] = (
                format_amount(amount, currency, exact=True)
                if kind in (Kind.MONEY, Kind.SIGNED_MONEY)
                else format_percent(amount) if kind in (Kind.SHARE, Kind.CHANGE)
                else format_count(amount))
        x = line.inputs
        if line.category is Category.RISK:
            values[f"{key}.incidents_avoided"] = format_count(
                x["baseline_incidents"] * x["incident_reduction"])
        if line.category is Category.QUALITY:
            values[f"{key}.errors_avoided"] = format_count(
                x["error_volume"] * x["error_reduction"])
    return values


@dataclass(frozen=True, slots=True)
class StorySentence:
    text: str
    # Figures typed into the text, each with the quantities it matched when written.
    literals: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class ValueStory:
    sentences: tuple[StorySentence, ...] = ()


def _line_sentence(key: str, category: Category, inputs: Mapping[str, Decimal],
                   negative: bool, counted: bool, book: Catalogue) -> str:
    """The line's sentence, its figures left as the story's placeholders ("{support.value}")."""
    names = ("label", "cost_increase", "period", "hours_saved", "value", "ftes_saved",
             "revenue", "attribution_share", "incidents_avoided", "error_reduction",
             "description")
    slot = {name: f"{{{key}.{name}}}" for name in names}
    if negative:
        return book.gettext("{label} raised costs by {cost_increase} {period}.", **slot)
    if category is Category.COST and "hours_saved" in inputs:
        return book.gettext("Your team saved {hours_saved} hours {period}, worth {value}.",
                            **slot)
    if category is Category.COST:
        return book.gettext("The work of {ftes_saved} full-time people was freed up {period}, "
                            "worth {value}.", **slot)
    if category is Category.REVENUE:
        return book.gettext("{label} brought in {revenue}; crediting {attribution_share} of it "
                            "to the platform gives {value} {period}.", **slot)
    if category is Category.RISK:
        return book.gettext("About {incidents_avoided} incidents were avoided {period}, "
                            "sparing {value} in incident costs.", **slot)
    if category is Category.QUALITY:
        return book.gettext("Errors fell by {error_reduction} {period}, saving {value} in "
                            "rework.", **slot)
    if counted:
        return book.gettext("{label}: {description}, valued at {value}.", **slot)
    return book.gettext("{label}: {description}.", **slot)


def default_story(result: RoiResult, book: Catalogue | None = None) -> ValueStory:
    """One sentence per line in plain CSM language, then the overall return (in the
    language of `book`: the account's; the interface language without one)."""
    words = _words(book)
    texts = [
        _line_sentence(r.line.id, r.line.category, r.line.inputs, r.is_cost_increase,
                       r.counted, words)
        for r in result.lines
    ]
    counted = [r for r in result.lines if r.counted]
    has_roi = result.roi.value is not None
    paid_back = result.payback_months.value is not None
    slot = {name: f"{{{name}}}" for name in ("roi", "investment", "payback", "total_value")}
    if len(counted) == 1 and has_roi and not counted[0].is_cost_increase:
        index = result.lines.index(counted[0])
        texts[index] = texts[index][:-1] + words.gettext(" — a {roi} return.", **slot)
        if paid_back:
            texts.append(words.gettext("The investment of {investment} paid for itself in "
                                       "{payback}.", **slot))
    elif counted and has_roi and paid_back:
        texts.append(words.gettext("In all, that is {total_value} of value a year for an "
                                   "investment of {investment}: a {roi} return, paid back "
                                   "in {payback}.", **slot))
    elif counted and has_roi:
        texts.append(words.gettext("In all, that is {total_value} of value a year for an "
                                   "investment of {investment}: a {roi} return.", **slot))
    elif counted:
        texts.append(words.gettext("In all, that is {total_value} of value a year.", **slot))
    return ValueStory(tuple(StorySentence(text) for text in texts))


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def _fill(text: str, values: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)


def render_sentences(story: ValueStory, result: RoiResult,
                     book: Catalogue | None = None) -> list[str]:
    """Each sentence with today's figures; an unknown placeholder is left as written."""
    values = quantities(result, book)
    return [_fill(sentence.text, values) for sentence in story.sentences]


def render(story: ValueStory, result: RoiResult, book: Catalogue | None = None) -> str:
    text = ""
    for sentence in render_sentences(story, result, book):
        # Sentences follow one another with a space, except after a CJK full stop.
        text += sentence if not text or text.endswith(FULL_WIDTH_STOPS) else " " + sentence
    return text


def _occurs(figure: str, text: str) -> bool:
    """Whether the figure stands on its own in the text ('5,500' is not inside '15,500')."""
    start = text.find(figure)
    while start >= 0:
        end = start + len(figure)
        before = text[start - 1] if start else " "
        after = text[end:end + 2]
        if (not before.isalnum() and before not in ",."
                and not (after[:1].isalnum()
                         or (after[:1] in (",", ".") and after[1:2].isdigit()))):
            return True
        start = text.find(figure, start + 1)
    return False


def literals_in(text: str, values: Mapping[str, str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The figures typed into text that equal a quantity's current text, with those names."""
    typed = PLACEHOLDER.sub(lambda m: " " * len(m[0]), text)
    found: dict[str, list[str]] = {}
    for name, shown in values.items():
        if sum(ch.isdigit() for ch in shown) >= 2 and _occurs(shown, typed):
            found.setdefault(shown, []).append(name)
    return tuple((shown, tuple(names)) for shown, names in sorted(found.items()))


def edit_sentence(story: ValueStory, index: int, text: str, result: RoiResult) -> ValueStory:
    """The story with sentence index (or a new last one, at len) replaced by the CSM's text."""
    sentence = StorySentence(text, literals_in(text, quantities(result)))
    sentences = list(story.sentences)
    if index == len(sentences):
        sentences.append(sentence)
    else:
        sentences[index] = sentence
    return replace(story, sentences=tuple(sentences))


def _slot(name: str) -> str:
    """A quantity's placeholder as a story writes it: "{support.value}"."""
    return "{" + name + "}"


def stale_reasons(story: ValueStory, result: RoiResult,
                  book: Catalogue | None = None) -> tuple[str, ...]:
    """Why the story no longer matches the model, one reason per problem; () when it does
    (in the language of `book`, the interface language without one)."""
    values = quantities(result)
    words = _words(book)
    reasons = []
    for number, sentence in enumerate(story.sentences, 1):
        for name in placeholders(sentence.text):
            if name not in values:
                reasons.append(msg("Sentence {number}: {placeholder} is no longer in the model.",
                                   number=number, placeholder=_slot(name)))
        for shown, names in sentence.literals:
            if not any(values.get(name) == shown for name in names):
                now = values.get(names[0])
                status = (msg("it is now {figure}", figure=now) if now is not None
                          else msg("that quantity is no longer in the model"))
                reasons.append(msg("Sentence {number}: “{figure}” was {placeholder} when typed; "
                                   "{status}.", number=number, figure=shown,
                                   placeholder=_slot(names[0]), status=status))
    return tuple(reason.render(words) for reason in reasons)


def is_stale(story: ValueStory, result: RoiResult) -> bool:
    return bool(stale_reasons(story, result))


def follows_numbers(story: ValueStory, result: RoiResult) -> bool:
    """Whether the story is the one drafted from the numbers, in any shipped language: nobody
    has put it in their own words, so it may be drafted again in whichever language reads it."""
    return any(story == default_story(result, catalogue(language))
               for language in available_languages())


def story_for(story: ValueStory | None, result: RoiResult,
              book: Catalogue | None = None) -> ValueStory:
    """The story as a reader in `book`'s language gets it: one written by a person as
    written; one drafted from the numbers (or none yet) drafted in that language."""
    if story is None or follows_numbers(story, result):
        return default_story(result, book)
    return story


def story_to_dict(story: ValueStory) -> dict[str, Any]:
    return {"version": STORY_VERSION, "sentences": [
        {"text": s.text,
         "literals": [{"text": shown, "quantities": list(names)} for shown, names in s.literals]}
        for s in story.sentences]}


def story_from_dict(data: object) -> ValueStory:
    """The story a document describes; ValidationFailed names each bad field by path."""
    problems: dict[str, Message] = {}
    if not isinstance(data, dict) or data.get("version") != STORY_VERSION:
        raise ValidationFailed({"version": msg("expected a version {version} value story",
                                               version=STORY_VERSION)})
    raw_sentences = data.get("sentences")
    if not isinstance(raw_sentences, list):
        raise ValidationFailed({"sentences": msg("expected a list of sentences")})
    sentences = []
    for i, raw in enumerate(raw_sentences):
        path = f"sentences[{i}]"
        text = raw.get("text") if isinstance(raw, dict) else None
        literals = raw.get("literals", []) if isinstance(raw, dict) else None
        if not isinstance(text, str):
            problems[f"{path}.text"] = msg("expected the sentence's text")
            continue
        pairs = []
        for j, item in enumerate(literals if isinstance(literals, list) else [None]):
            shown = item.get("text") if isinstance(item, dict) else None
            names = item.get("quantities") if isinstance(item, dict) else None
            if (not isinstance(shown, str) or not isinstance(names, list) or not names
                    or not all(isinstance(n, str) for n in names)):
                problems[f"{path}.literals[{j}]"] = msg(
                    "expected {shape}", shape='{"text": ..., "quantities": [names]}')
                continue
            pairs.append((shown, tuple(names)))
        sentences.append(StorySentence(text, tuple(pairs)))
    if problems:
        raise ValidationFailed(problems)
    return ValueStory(tuple(sentences))
