"""Sentences of the programme modules: a key into one catalogue and the values to put in.

The domain returns a `Note`; the window, the CLI and the exports render it at the edge
(`note.text()`, in the interface language; `--json` asks for English), from the templates
marked here for the pure layers' catalogue (qbr_desktop/i18n.py). Values are plain numbers
and names; numbers are formatted by the template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from qbr_desktop.i18n import N_, Catalogue, Message, interface_catalogue

MESSAGES: Mapping[str, str] = MappingProxyType({
    # One review's indicators.
    "recorded.none": N_("not recorded yet"),
    "attendance.reason": N_("{reason}"),
    "preparation.green": N_("the customer came with questions and updates"),
    "preparation.yellow": N_("the customer had prepared little"),
    "preparation.red": N_("the customer had not prepared"),
    "engagement.green": N_("an active discussion"),
    "engagement.yellow": N_("they listened politely"),
    "engagement.red": N_("distracted, or the meeting was cut short"),
    "follow_up.answered": N_("answered {days} day(s) after the meeting, on {day}"),
    "follow_up.recorded": N_("recorded as {signal} without the day of the answer"),
    "follow_up.waiting": N_("no answer yet; {left} day(s) left of the first week"),
    "follow_up.silent": N_("no answer in the week after the meeting"),
    "actions.none": N_("no action items from this review"),
    "actions.not_due": N_("{pending} action item(s), none due yet"),
    "actions.share": N_("{done} of {counted} due action items done ({share:.0%})"),
    # Programme metrics: what each review adds to a figure.
    "metric.prepared.yes": N_("every early task done 3+ days ahead ({done} of {due})"),
    "metric.prepared.no": N_("{done} of {due} early tasks done 3+ days ahead"),
    "metric.champion.yes": N_("champion call held before the meeting"),
    "metric.champion.no": N_("champion call not done before the meeting"),
    "metric.executives.yes": N_("an executive attended"),
    "metric.executives.no": N_("no executive attended"),
    "metric.on_time.yes": N_("ran {minutes:.0f} of {slot} minutes"),
    "metric.on_time.no": N_("ran {minutes:.0f} of {slot} minutes, {over:.0f} over"),
    "metric.survey": N_("survey score {score}"),
    "metric.actions": N_("{done} of {counted} due items done"),
    "metric.expansion.yes": N_("{count} opportunity(ies) logged"),
    "metric.expansion.no": N_("no opportunity logged"),
    "metric.health": N_("health {before:.1f} before, {after:.1f} after ({change:+.1f})"),
    "metric.new_people.yes": N_("new: {names}"),
    "metric.new_people.no": N_("nobody new"),
    # Programme metrics: the figure itself.
    "figure.none": N_("no review in the period has this information"),
    "figure.too_few": N_("{count} review(s) with this information; {minimum} are needed"),
    "figure.share": N_("{hits} of {count} reviews ({value:.0%})"),
    "figure.pooled": N_("{done} of {counted} action items ({value:.0%})"),
    "figure.average": N_("average {value:.1f} over {count} reviews"),
    "figure.points": N_("average {value:+.1f} points over {count} reviews"),
    # Cadence.
    "cadence.none_due": N_("no {tier} account was due a review"),
    "cadence.held": N_("{held} of {due} {tier} accounts due a review held one ({rate:.0%})"),
    # Maturity.
    "maturity.no_reviews": N_("Basic: no review was held in the period to judge by"),
    "maturity.too_few": N_("Basic: {count} review(s) held, {minimum} are needed to judge"),
    "maturity.basic": N_("Basic: {health} of {count} reviews had health and usage figures to "
                         "show; at least half should"),
    "maturity.standard": N_("Standard: {health} of {count} reviews had health and usage "
                            "figures, {value} an ROI model with value; at least half should "
                            "have both"),
    "maturity.strategic": N_("Strategic: {value} of {count} reviews had an ROI model with value; "
                             "executives attended {executives} of {recorded} (the aim is 80%) "
                             "and the customer took on commitments in {shared} of {count}"),
    "maturity.transformational": N_("Transformational: executives attended {executives} of "
                                    "{recorded} reviews and the customer took on commitments in "
                                    "{shared} of {count}"),
    "maturity.next.standard": N_("Next: show health and usage figures in most reviews"),
    "maturity.next.strategic": N_("Next: bring an ROI model with value to most reviews"),
    "maturity.next.transformational": N_("Next: executives in four of five reviews (80%) "
                                         "and customer commitments in most of them"),
})


@dataclass(frozen=True, slots=True)
class Note:
    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in MESSAGES:
            raise KeyError(f"no message {self.key!r} in the programme catalogue")

    def text(self, book: Catalogue | None = None) -> str:
        """The sentence in `book`'s language, or in the window's or the CLI's."""
        book = book or interface_catalogue()
        template = book.gettext(MESSAGES[self.key])
        # A value may be a message itself (an attendance reason): in the same language.
        return template.format(**{name: value.render(book) if isinstance(value, Message)
                                  else value for name, value in self.values.items()})

    def __str__(self) -> str:
        return self.text()
