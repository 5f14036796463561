"""Calendar quarters ("2026Q3") used to label metric history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")
#: The years a portfolio's quarters may fall in. A quarter outside them is a typing or export
#: error (year 0999, 9999), and stored it would break every chart and benchmark that spans it.
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100


@dataclass(frozen=True, slots=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"quarter number must be 1-4, not {self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = _QUARTER.match(text)
        if not match:
            raise ValueError(f"“{text}” is not a quarter (expected e.g. 2026Q3)")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def shifted(self, quarters: int) -> Quarter:
        index = self.year * 4 + (self.number - 1) + quarters
        return Quarter(index // 4, index % 4 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * (self.number - 1) + 1, 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"
