"""What the store knows about one held review, gathered by the service for the rules.

Every field is a fact, not a judgement: the indicators (review_health), the programme's
figures (metrics) and its maturity stage are computed from these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qbr_desktop.domain.attendance import AttendanceIndicator, Signal
from qbr_desktop.domain.programme.review_health import ActionTally, ReviewRecord

EARLY_DAYS = 3  # "preparation completed 3+ days before the meeting"


@dataclass(frozen=True, slots=True)
class PrepEvidence:
    """The review's preparation tasks due three or more days before the meeting."""

    due_early: int
    done_early: int  # of those, done three or more days before the meeting

    @property
    def prepared_early(self) -> bool | None:
        return None if not self.due_early else self.done_early >= self.due_early


@dataclass(frozen=True, slots=True)
class HeldReview:
    review_id: int
    account_id: int
    account_name: str
    owner: str  # the account's CSM
    tier: str
    held_on: date  # the meeting's day where it was held
    attendance: AttendanceIndicator
    record: ReviewRecord
    actions: ActionTally
    customer_actions: int = 0  # commitments the customer took on (co-planning)
    slot_minutes: int | None = None  # the agenda's booked slot; None: no agenda
    seconds_run: float | None = None  # by the meeting timer; None: not timed to the end
    prep: PrepEvidence | None = None  # None: no preparation plan
    champion_aligned: bool | None = None  # None: the plan has no champion call
    opportunities: int = 0  # expansion opportunities logged in the week after
    new_people: tuple[str, ...] | None = None  # None: the account's first review
    health_before: float | None = None  # the last quarter scored before the meeting
    health_after: float | None = None  # the quarter 30 days on, once it is scored
    health_shown: bool = False  # a health score existed to present
    value_shown: bool = False  # an ROI model with value existed for the quarter

    @property
    def executives_present(self) -> bool | None:
        signal = self.attendance.signal
        return None if signal is None else signal is Signal.GREEN

    @property
    def over_seconds(self) -> float | None:
        if self.seconds_run is None or self.slot_minutes is None:
            return None
        return self.seconds_run - self.slot_minutes * 60

    @property
    def on_time(self) -> bool | None:
        over = self.over_seconds
        return None if over is None else over <= 0

    @property
    def health_change(self) -> float | None:
        if self.health_before is None or self.health_after is None:
            return None
        return round(self.health_after - self.health_before, 1)
