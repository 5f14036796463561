"""The stakeholder map picture in Chinese: the team's own export in the window's language
(legend, card words, tooltip), the customer's picture with its title and legend in the
account's language. Text read back from the SVG and from the PNG's title."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

from PySide6.QtGui import QImage

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholder_layout import org_chart, power_interest
from qbr_desktop.domain.stakeholders import DecisionRole, Stakeholder, StakeholderMap
from qbr_desktop.exports.map_drawing import shown_name, tooltip
from qbr_desktop.exports.map_image import map_svg
from qbr_desktop.i18n import CHINESE, catalogue
from tests.exports.test_map_image import MAP, PEOPLE, TODAY

ZH = catalogue(CHINESE)


def _text(data: bytes) -> str:
    """The SVG's words, runs joined (Qt splits a line where the font changes)."""
    return re.sub(r"\s+", "", "".join(ET.fromstring(data).itertext()))


def test_the_teams_picture_speaks_the_windows_language(qapp: object) -> None:
    text = _text(map_svg(MAP, power_interest(list(PEOPLE)), TODAY, "Acme — 利益相关方地图",
                         book=ZH))
    for chinese in ("汇报给", "影响", "敌对", "拥护者", "离职", "3天前", "影响力", "圆点随"):
        assert chinese in text, chinese
    for english in ("reportsto", "influences", "hostile", "advocate", "Left", "dago",
                    "dotfades"):
        assert english not in text, english
    assert "DanaCFO" not in text and "Dana<CFO>&Co" in text  # what people type, as typed


def test_the_tooltip_speaks_the_windows_language() -> None:
    words = tooltip(PEOPLE[0], TODAY, book=ZH).splitlines()
    assert words[-1] == "3 天前联系过"
    assert "影响力 5/5 · 敌对" in words[-2]
    departed = tooltip(PEOPLE[2], TODAY, book=ZH)
    assert "从未联系" in departed and "已离开该公司或该职位" in departed


def test_the_customers_picture_is_titled_in_the_accounts_language(
        qapp: object, context: Any) -> None:
    account = context.accounts.create(AccountDraft(name="Acme <R&D> 株式会社",
                                                   arr=Decimal("1000"), language=CHINESE))
    context.stakeholders.add_person(account.id, Stakeholder(
        0, "Vera Sponsor", "VP Operations", ContactLevel.VP, DecisionRole.EXECUTIVE_SPONSOR))
    image = QImage.fromData(context.decks.map_picture(context, account.id, today=TODAY), "PNG")
    assert image.text("Title") == "Acme <R&D> 株式会社：我们的合作对象"
    text = _text(map_svg(MAP, org_chart(list(PEOPLE)), TODAY, "Acme", internal=False, book=ZH))
    assert "汇报给" in text and "reports" not in text


def test_roles_and_levels_are_shown_in_the_pictures_language(qapp: object) -> None:
    # The stored values stay English; the card, its badge and the tooltip say them in words.
    champion = Stakeholder(1, "李雷", "", ContactLevel.VP, DecisionRole.CHAMPION)
    blocker = Stakeholder(2, "Ann", "CFO", ContactLevel.C_SUITE, DecisionRole.ECONOMIC_BUYER)
    people = [champion, blocker]
    chart = org_chart(people)
    text = _text(map_svg(StakeholderMap(1, tuple(people)), chart, TODAY, "Acme", book=ZH))
    for chinese in ("副总裁", "内部倡导者", "倡导", "经济决策者", "预算"):
        assert chinese in text, chinese
    for english in ("VP", "Champion", "CH", "Economicbuyer", "EB"):
        assert english not in text, english
    assert "内部倡导者 · 副总裁" in tooltip(champion, TODAY, book=ZH)
    assert shown_name(champion, anonymous=True, book=ZH) == "副总裁（内部倡导者）"
    english_text = _text(map_svg(StakeholderMap(1, tuple(people)), chart, TODAY, "Acme"))
    assert "Champion" in english_text and "CH" in english_text and "EB" in english_text
    assert champion.role.value == "champion" and champion.level.value == "VP"
    grid = _text(map_svg(StakeholderMap(1, tuple(people)), power_interest(people), TODAY,
                         "Acme", book=ZH))
    assert "可以倚重的支持者" in grid and "Championstoleanon" not in grid
