"""The account page's tabs, by name: the main window, its menus and its tests refer to them
through this enum, never by position."""

from __future__ import annotations

from enum import IntEnum


class AccountTab(IntEnum):
    DETAILS = 0
    HEALTH = 1
    TIMELINE = 2
    ROI = 3
    STAKEHOLDERS = 4
    MEETING = 5
    DECK = 6


class View(IntEnum):
    """The window's top-level views."""

    ACCOUNTS = 0
    PORTFOLIO = 1
    PROGRAMME = 2
    UPCOMING = 3
