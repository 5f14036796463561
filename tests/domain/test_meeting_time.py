"""A meeting's time reads on its own clock, with the zone named; never the machine's."""

from __future__ import annotations

from datetime import UTC, date, datetime

from qbr_desktop.domain.meeting_time import meeting_day, meeting_when

START = datetime(2026, 12, 14, 15, 0, tzinfo=UTC)  # 16:00 in Berlin, 00:00 next day in Tokyo


def test_the_time_is_on_the_meetings_clock_and_names_the_zone() -> None:
    assert meeting_when(START, "Europe/Berlin") == "Mon 2026-12-14 16:00 Europe/Berlin"
    assert meeting_when(START, "Asia/Tokyo") == "Tue 2026-12-15 00:00 Asia/Tokyo"
    assert meeting_when(START, "America/New_York") == "Mon 2026-12-14 10:00 America/New_York"


def test_an_end_time_and_a_summer_time_meeting() -> None:
    summer = datetime(2026, 7, 1, 14, 0, tzinfo=UTC)
    end = datetime(2026, 7, 1, 15, 0, tzinfo=UTC)
    assert meeting_when(summer, "Europe/Berlin", until=end) == \
        "Wed 2026-07-01 16:00–17:00 Europe/Berlin"


def test_a_naive_time_is_utc_and_an_unknown_zone_says_utc() -> None:
    naive = datetime(2026, 12, 14, 15, 0)
    assert meeting_when(naive, "Europe/Berlin") == "Mon 2026-12-14 16:00 Europe/Berlin"
    for zone in ("Mars/Olympus_Mons", "", None, "../etc"):
        assert meeting_when(START, zone) == "Mon 2026-12-14 15:00 UTC"


def test_the_day_is_the_day_where_the_meeting_is_held() -> None:
    assert meeting_day(START, "Asia/Tokyo") == date(2026, 12, 15)
    assert meeting_day(START, "Europe/Berlin") == date(2026, 12, 14)
    assert meeting_day(START, None) == date(2026, 12, 14)
