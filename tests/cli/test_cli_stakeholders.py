"""`qbr stakeholders` and `qbr export map`, in-process; pictures are read back (the PNG with
Qt's image reader, the SVG as XML) rather than only checked for existence."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_support import Portfolio, open_portfolio
from PySide6.QtGui import QImage

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import DecisionRole, Stakeholder

NAMES = ("Dana Whitfield", "田中 美咲 🚀", "نور الهدى")


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """The export starts a bare QGuiApplication when none runs; in this test process the
    widget tests need the full QApplication, so it exists first (as in the GUI app)."""


@pytest.fixture
def db(fresh_db: Portfolio) -> Portfolio:
    path = fresh_db
    context = open_portfolio(path)
    try:
        account = context.accounts.create(AccountDraft(name="Acme <R&D>", arr=Decimal("500000")))
        context.accounts.create(AccountDraft(name="Nobody Yet", arr=Decimal("5000")))
        svc = context.stakeholders
        today = svc.today()
        cfo = svc.add_person(account.id, Stakeholder(
            0, NAMES[0], "Chief Financial Officer", ContactLevel.C_SUITE,
            DecisionRole.ECONOMIC_BUYER, influence=5, last_contact=today - timedelta(days=10)))
        champion = svc.add_person(account.id, Stakeholder(
            0, NAMES[1], "Director of Support & <Success>", ContactLevel.DIRECTOR,
            DecisionRole.CHAMPION, influence=4, sentiment=2, manager_id=cfo.id,
            last_contact=today - timedelta(days=3)))
        svc.add_person(account.id, Stakeholder(
            0, NAMES[2], "IT Security Lead", ContactLevel.MANAGER, DecisionRole.DETRACTOR,
            influence=4, sentiment=-2, manager_id=cfo.id))
        svc.add_link(champion.id, cfo.id, 3)
    finally:
        context.close()
    return path


def test_stakeholders_lists_people_lines_and_coverage(qbr: Any, db: Path) -> None:
    shown = qbr("--db", db, "stakeholders", "Acme <R&D>")
    assert shown.code == 0, shown.err
    assert shown.out.startswith("Acme <R&D>: 3 people on the stakeholder map\n")
    assert f"{NAMES[1]} · Director of Support & <Success> · champion · influence 4/5" in shown.out
    assert f"reports to {NAMES[0]}" in shown.out
    assert f"{NAMES[1]} → {NAMES[0]} (strength 3/3)" in shown.out
    assert "RISK     No executive sponsor" in shown.out
    assert NAMES[2] in shown.out.split("Coverage:")[1]  # the influential detractor is named


def test_stakeholders_as_json(qbr: Any, db: Path) -> None:
    data = qbr("--db", db, "stakeholders", "acme <r&d>", "--json").json()
    assert data["account"] == {"id": 1, "name": "Acme <R&D>", "strategic": True}
    people = {p["name"]: p for p in data["people"]}
    assert set(people) == set(NAMES)
    assert people[NAMES[1]]["reports_to"] == people[NAMES[0]]["id"]
    assert people[NAMES[2]]["last_contact"] is None
    assert people[NAMES[0]]["last_contact"] == (date.today() - timedelta(days=10)).isoformat()
    assert data["influence"] == [{"from": people[NAMES[1]]["id"],
                                  "to": people[NAMES[0]]["id"], "strength": 3}]
    rules = {finding["rule"] for finding in data["coverage"]}
    assert {"no_sponsor", "influential_detractor"} <= rules


def test_export_map_png_is_a_high_resolution_picture(qbr: Any, db: Path,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "maps" / "acme.png"
    out.parent.mkdir()
    done = qbr("--db", db, "export", "map", "Acme <R&D>", "--out", out)
    assert done.code == 0, done.err
    assert done.out == f"Wrote {out} (3 people).\n"
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 2000  # drawn at twice the canvas size
    assert round(image.dotsPerMeterX() * 0.0254) == 192
    assert image.text("Title") == "Acme <R&D> — stakeholder map"
    assert [p.name for p in out.parent.iterdir()] == ["acme.png"]  # no temp file left


def test_anonymous_svg_shows_titles_not_names(qbr: Any, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acme.svg"
    assert qbr("--db", db, "export", "map", "1", "--out", out, "--anonymous",
               "--layout", "grid").code == 0
    text = out.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # well-formed XML, with < and & escaped
    words = " ".join(t for t in root.itertext())
    assert "Chief Financial" in words and "IT Security Lead" in words  # titles as names
    assert "Director of" in words  # elided to fit the card
    for name in NAMES:
        assert name not in words
    assert "Champions to lean on" in words  # the grid's quadrants


def test_named_svg_carries_the_names(qbr: Any, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acme.svg"
    assert qbr("--db", db, "export", "map", "1", "--out", out, "--layout", "org").code == 0
    words = " ".join(ET.parse(out).getroot().itertext())
    assert NAMES[0] in words


@pytest.mark.parametrize(("account", "name", "message"), [
    ("Acme <R&D>", "map.jpg", "“map.jpg” is neither .png nor .svg"),
    ("Nobody Yet", "map.png", "Nobody is on this map yet"),
    ("Missing Co", "map.png", "Missing Co"),
])
def test_bad_exports_fail_with_one_line_and_write_nothing(
        qbr: Any, db: Path, tmp_path: Path, account: str, name: str, message: str) -> None:
    failed = qbr("--db", db, "export", "map", account, "--out", tmp_path / name)
    assert failed.code == 1
    assert message in failed.err
    assert not (tmp_path / name).exists()
