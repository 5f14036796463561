"""`qbr stakeholders` and `qbr export map`: an account's people, lines and coverage gaps.

    qbr stakeholders ACCOUNT [--json]
    qbr export map ACCOUNT --out FILE.png|svg [--anonymous] [--layout saved|org|grid]
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from qbr_desktop.cli import with_context
from qbr_desktop.cli.output import padded, say, write_json
from qbr_desktop.i18n import N_, Message, msg, msg_plural, ui_label, ui_text

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
        "stakeholders", help=N_("an account's people, reporting and influence lines, and gaps"))
    show.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    show.add_argument("--json", action="store_true", help=N_("print JSON"))
    show.set_defaults(handler=_show)

    export = formats.add_parser("map", help=N_("the stakeholder map as a PNG or SVG picture"))
    export.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    export.add_argument("--out", required=True, type=Path, metavar="FILE.png|svg")
    export.add_argument("--anonymous", action="store_true",
                        help=N_("titles instead of names, for sharing outside the account team"))
    export.add_argument("--layout", choices=tuple(LAYOUTS), default="saved",
                        help=N_("saved: the canvas as arranged (default); org: an org chart; "
                                "grid: influence × support"))
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
        write_json(out, _as_json(report))
        return
    people = report.stakeholders.by_id
    say(out, msg_plural("{name}: {count} person on the stakeholder map",
                        "{name}: {count} people on the stakeholder map", len(people),
                        name=report.name))
    for person in sorted(people.values(), key=lambda p: (p.departed, -p.influence,
                                                         p.name.casefold())):
        out.write(_person_line(person, people, report.today) + "\n")
    if report.stakeholders.links:
        out.write("\n")
        say(out, msg("Influence:"))
        for link in report.stakeholders.links:
            say(out, msg("  {source} → {target} (strength {strength}/3)",
                         source=people[link.source].name, target=people[link.target].name,
                         strength=link.strength))
    out.write("\n")
    say(out, msg("Coverage:"))
    if not report.findings:
        say(out, msg("  Nothing to act on."))
    for finding in report.findings:
        from qbr_desktop.domain.stakeholder_coverage import SEVERITY_LABELS

        severity = padded(ui_label(SEVERITY_LABELS[finding.severity]).upper(), 8)
        out.write(f"  {severity} {ui_text(finding.message)}\n")


def _person_line(person: Stakeholder, people: dict[int, Stakeholder], today: date) -> str:
    contact = (msg("never contacted") if person.last_contact is None
               else msg("last contact {day} ({days} days)", day=person.last_contact,
                        days=(today - person.last_contact).days))
    manager = people.get(person.manager_id) if person.manager_id is not None else None
    parts: list[Message | str] = [
        f"  {person.name}", person.title or person.level.value, person.role.value,
        msg("influence {influence}/5", influence=person.influence),
        msg("sentiment {sentiment:+d}", sentiment=person.sentiment), contact]
    if manager is not None:
        parts.append(msg("reports to {name}", name=manager.name))
    if person.departed:
        parts.append(msg("LEFT"))
    if person.pre_aligned:
        parts.append(msg("pre-aligned"))
    return " · ".join(ui_text(part) for part in parts)


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
    say(out, msg_plural("Wrote {path} ({count} person, anonymous).",
                        "Wrote {path} ({count} people, anonymous).", count, path=path)
        if args.anonymous else
        msg_plural("Wrote {path} ({count} person).", "Wrote {path} ({count} people).", count,
                   path=path))
