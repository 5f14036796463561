"""`qbr stakeholders` and `qbr export map`: an account's people, lines and coverage gaps.

    qbr stakeholders ACCOUNT [--json]
    qbr export map ACCOUNT --out FILE.png|svg [--anonymous] [--layout saved|org|grid]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from qbr_desktop.cli import with_context

if TYPE_CHECKING:  # each handler imports what it uses: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.stakeholder_coverage import Finding
    from qbr_desktop.domain.stakeholder_layout import Layout
    from qbr_desktop.domain.stakeholders import Stakeholder, StakeholderMap
    from qbr_desktop.services.context import AppContext

#: --layout's words, each with the domain.stakeholder_layout function it names.
LAYOUTS = {"saved": "saved_or_org_chart", "org": "org_chart", "grid": "power_interest"}


class MapReport(NamedTuple):  # a NamedTuple: parsing loads no dataclasses
    name: str
    stakeholders: StakeholderMap
    findings: list[Finding]
    today: date


def add_parsers(commands: Any, formats: Any) -> None:
    show = commands.add_parser(
        "stakeholders", help="an account's people, reporting and influence lines, and gaps")
    show.add_argument("account", metavar="ACCOUNT", help="account name, id or CRM id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)

    export = formats.add_parser("map", help="the stakeholder map as a PNG or SVG picture")
    export.add_argument("account", metavar="ACCOUNT", help="account name, id or CRM id")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.png|svg")
    export.add_argument("--anonymous", action="store_true",
                        help="titles instead of names, for sharing outside the account team")
    export.add_argument("--layout", choices=tuple(LAYOUTS), default="saved",
                        help="saved: the canvas as arranged (default); org: an org chart; "
                             "grid: influence × support")
    export.set_defaults(handler=_export_map)


def _read(args: argparse.Namespace) -> MapReport:
    def work(context: AppContext) -> MapReport:
        account_id = context.insights.resolve(args.account)
        service = context.stakeholders
        return MapReport(service.account_name(account_id), service.map(account_id),
                         service.coverage(account_id), service.today())
    return with_context(args, work)


def _show(args: argparse.Namespace, out: TextIO) -> None:
    report = _read(args)
    if args.json:
        json.dump(_as_json(report), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    people = report.stakeholders.by_id
    out.write(f"{report.name}: {len(people)} "
              f"{'person' if len(people) == 1 else 'people'} on the stakeholder map\n")
    for person in sorted(people.values(), key=lambda p: (p.departed, -p.influence,
                                                         p.name.casefold())):
        out.write(_person_line(person, people, report.today) + "\n")
    if report.stakeholders.links:
        out.write("\nInfluence:\n")
        for link in report.stakeholders.links:
            out.write(f"  {people[link.source].name} → {people[link.target].name} "
                      f"(strength {link.strength}/3)\n")
    out.write("\nCoverage:\n")
    if not report.findings:
        out.write("  Nothing to act on.\n")
    for finding in report.findings:
        out.write(f"  {finding.severity.value.upper():8} {finding.message}\n")


def _person_line(person: Stakeholder, people: dict[int, Stakeholder], today: date) -> str:
    contact = ("never contacted" if person.last_contact is None
               else f"last contact {person.last_contact} "
                    f"({(today - person.last_contact).days} days)")
    manager = people.get(person.manager_id) if person.manager_id is not None else None
    parts = [f"  {person.name}", person.title or person.level.value, person.role.value,
             f"influence {person.influence}/5", f"sentiment {person.sentiment:+d}", contact]
    if manager is not None:
        parts.append(f"reports to {manager.name}")
    if person.departed:
        parts.append("LEFT")
    if person.pre_aligned:
        parts.append("pre-aligned")
    return " · ".join(parts)


def _as_json(report: MapReport) -> dict[str, Any]:
    return {
        "account": {"id": report.stakeholders.account_id, "name": report.name,
                    "strategic": report.stakeholders.strategic},
        "people": [{
            "id": p.id, "name": p.name, "title": p.title, "email": p.email,
            "level": p.level.value,
            "role": p.role.value, "influence": p.influence, "sentiment": p.sentiment,
            "strength": p.strength,
            "last_contact": None if p.last_contact is None else p.last_contact.isoformat(),
            "owner": p.owner.value, "owner_name": p.owner_name, "priorities": p.priorities,
            "concerns": p.concerns, "notes": p.notes, "departed": p.departed,
            "pre_aligned": p.pre_aligned, "reports_to": p.manager_id,
            "position": None if p.x is None or p.y is None else [p.x, p.y],
        } for p in report.stakeholders.people],
        "influence": [{"from": link.source, "to": link.target, "strength": link.strength}
                      for link in report.stakeholders.links],
        "coverage": [{"rule": f.rule, "severity": f.severity.value, "message": f.message,
                      "people": list(f.people)} for f in report.findings],
    }


def _export_map(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.exports.map_image import export_map  # loads Qt only for this command

    report = _read(args)
    from qbr_desktop.domain import stakeholder_layout

    arrange = getattr(stakeholder_layout, LAYOUTS[args.layout])
    layout: Layout = arrange(list(report.stakeholders.people))
    title = f"{report.name} — stakeholder map"
    if args.layout == "grid":
        title += " (power × interest)"
    path = export_map(report.stakeholders, layout, args.out, report.today, title,
                      anonymous=args.anonymous)
    count = len(report.stakeholders.people)
    out.write(f"Wrote {path} ({count} {'person' if count == 1 else 'people'}"
              f"{', anonymous' if args.anonymous else ''}).\n")
