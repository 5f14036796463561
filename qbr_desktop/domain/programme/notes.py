"""Sentences of the programme modules: a key into one catalogue and the values to put in.

The domain returns a `Note`; the window, the CLI and the exports render it at the edge
(`note.text()`), so a translated catalogue can replace the English one without touching
the rules. Values are plain numbers and names; numbers are formatted by the template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

MESSAGES: Mapping[str, str] = MappingProxyType({
    # One review's indicators.
    "recorded.none": "not recorded yet",
    "attendance.reason": "{reason}",
    "preparation.green": "the customer came with questions and updates",
    "preparation.yellow": "the customer had prepared little",
    "preparation.red": "the customer had not prepared",
    "engagement.green": "an active discussion",
    "engagement.yellow": "they listened politely",
    "engagement.red": "distracted, or the meeting was cut short",
    "follow_up.answered": "answered {days} day(s) after the meeting, on {day}",
    "follow_up.recorded": "recorded as {signal} without the day of the answer",
    "follow_up.waiting": "no answer yet; {left} day(s) left of the first week",
    "follow_up.silent": "no answer in the week after the meeting",
    "actions.none": "no action items from this review",
    "actions.not_due": "{pending} action item(s), none due yet",
    "actions.share": "{done} of {counted} due action items done ({share:.0%})",
    # Programme metrics: what each review adds to a figure.
    "metric.prepared.yes": "every early task done 3+ days ahead ({done} of {due})",
    "metric.prepared.no": "{done} of {due} early tasks done 3+ days ahead",
    "metric.champion.yes": "champion call held before the meeting",
    "metric.champion.no": "champion call not done before the meeting",
    "metric.executives.yes": "an executive attended",
    "metric.executives.no": "no executive attended",
    "metric.on_time.yes": "ran {minutes:.0f} of {slot} minutes",
    "metric.on_time.no": "ran {minutes:.0f} of {slot} minutes, {over:.0f} over",
    "metric.survey": "survey score {score}",
    "metric.actions": "{done} of {counted} due items done",
    "metric.expansion.yes": "{count} opportunity(ies) logged",
    "metric.expansion.no": "no opportunity logged",
    "metric.health": "health {before:.1f} before, {after:.1f} after ({change:+.1f})",
    "metric.new_people.yes": "new: {names}",
    "metric.new_people.no": "nobody new",
    # Programme metrics: the figure itself.
    "figure.none": "no review in the period has this information",
    "figure.too_few": "{count} review(s) with this information; {minimum} are needed",
    "figure.share": "{hits} of {count} reviews ({value:.0%})",
    "figure.pooled": "{done} of {counted} action items ({value:.0%})",
    "figure.average": "average {value:.1f} over {count} reviews",
    "figure.points": "average {value:+.1f} points over {count} reviews",
    # Cadence.
    "cadence.none_due": "no {tier} account was due a review",
    "cadence.held": "{held} of {due} {tier} accounts due a review held one ({rate:.0%})",
    # Maturity.
    "maturity.no_reviews": "Basic: no review was held in the period to judge by",
    "maturity.too_few": "Basic: {count} review(s) held, {minimum} are needed to judge",
    "maturity.basic": "Basic: {health} of {count} reviews had health and usage figures to "
                      "show; at least half should",
    "maturity.standard": "Standard: {health} of {count} reviews had health and usage figures, "
                         "{value} an ROI model with value; at least half should have both",
    "maturity.strategic": "Strategic: {value} of {count} reviews had an ROI model with value; "
                          "executives attended {executives} of {recorded} (the aim is 80%) "
                          "and the customer took on commitments in {shared} of {count}",
    "maturity.transformational": "Transformational: executives attended {executives} of "
                                 "{recorded} reviews and the customer took on commitments in "
                                 "{shared} of {count}",
    "maturity.next.standard": "Next: show health and usage figures in most reviews",
    "maturity.next.strategic": "Next: bring an ROI model with value to most reviews",
    "maturity.next.transformational": "Next: executives in 80% of reviews and customer "
                                      "commitments in most of them",
})


@dataclass(frozen=True, slots=True)
class Note:
    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in MESSAGES:
            raise KeyError(f"no message {self.key!r} in the programme catalogue")

    def text(self, catalogue: Mapping[str, str] | None = None) -> str:
        """The sentence, from `catalogue` when it has the key, else from the English one."""
        template = (catalogue or MESSAGES).get(self.key) or MESSAGES[self.key]
        return template.format(**self.values)

    def __str__(self) -> str:
        return self.text()
