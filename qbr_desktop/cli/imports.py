"""`qbr import accounts|contacts|metrics FILE`: a dry run by default, `--apply` to write.

Argument parsing and printing only; the work is ImportService's.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qbr_desktop.cli import CommandFailed
from qbr_desktop.cli.output import listed, padded, say, width
from qbr_desktop.i18n import ENGLISH, N_, catalogue, english, msg, ui_label, ui_text

if TYPE_CHECKING:  # run_import imports what it uses: see qbr_desktop/cli/__init__.py
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.imports.plan import ImportPlan, PlannedRow
    from qbr_desktop.imports.table import SourceTable
    from qbr_desktop.services.importing import MappingChoice

_COLUMNS_LISTED = 20
#: imports.fields.ImportKind's values (a test keeps them equal): parsing imports no fields.
IMPORT_KINDS = ("accounts", "contacts", "metrics")
_EXAMPLES = N_("""examples:
  qbr import accounts salesforce.csv                      show what would change
  qbr import accounts salesforce.csv --apply              import it
  qbr import contacts hubspot.csv --map account="Company Name" --apply
  qbr import metrics tracker.xlsx --sheet "Quarterly usage" --day-first --json
fields:
""")


class _ImportHelp(argparse.RawDescriptionHelpFormatter):
    """Lists the fields each import fills in, read from imports.fields only when the help
    is shown."""

    def add_text(self, text: str | None) -> None:
        if text in (_EXAMPLES, ui_label(_EXAMPLES)):
            from qbr_desktop.imports.fields import FIELDS

            text += "\n".join(f"  {kind.value:<9} " + ", ".join(f.key for f in fields)
                              for kind, fields in FIELDS.items())
        super().add_text(text)


def _mapping_pair(text: str) -> tuple[str, str]:
    from qbr_desktop.imports.fields import FIELDS
    from qbr_desktop.imports.values import shown

    field, separator, header = text.partition("=")
    field = field.strip()
    if not separator or not field:
        raise argparse.ArgumentTypeError(ui_text(msg(
            "“{text}” is not FIELD=HEADER (e.g. name=\"Company\")", text=shown(text))))
    if field not in {f.key for fields in FIELDS.values() for f in fields}:
        raise argparse.ArgumentTypeError(ui_text(msg(
            "“{field}” is not a field an import can fill in (see qbr import --help)",
            field=shown(field))))
    return field, header.strip()


def add_parsers(commands: Any, _formats: Any) -> argparse.ArgumentParser:
    """Register `import` on the `qbr` command's subparsers."""
    parser = commands.add_parser(
        "import", help=N_("import accounts, contacts or metric history from CSV or XLSX"),
        description=N_("Import a CRM or tracker export. Without --apply nothing is saved: the "
                       "report shows what would be created, updated and rejected, row by row."),
        epilog=_EXAMPLES, formatter_class=_ImportHelp)
    parser.add_argument("kind", choices=IMPORT_KINDS,
                        help=N_("what the file holds"))
    parser.add_argument("file", type=Path, metavar="FILE",
                        help=N_("a .csv, .tsv, .txt or .xlsx file"))
    parser.add_argument("--map", action="append", default=[], type=_mapping_pair,
                        metavar="FIELD=HEADER",
                        help=N_("read FIELD from the column HEADER (repeatable; FIELD= to "
                                "skip it)"))
    parser.add_argument("--apply", action="store_true",
                        help=N_("save the changes, all or nothing (default: a dry run)"))
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_const", const=True,
                       default=None, help=N_("read 05/06/2026 as 5 June"))
    order.add_argument("--month-first", dest="day_first", action="store_const", const=False,
                       help=N_("read 05/06/2026 as May 6"))
    parser.add_argument("--sheet", metavar="NAME",
                        help=N_("the workbook sheet (default: the first)"))
    parser.add_argument("--rejects", type=Path, metavar="FILE",
                        help=N_("write the rejected rows, with reasons, to this CSV file"))
    parser.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    parser.add_argument("--db", metavar="PATH", dest="sub_db",
                        help=N_("database file (as the top-level --db)"))
    parser.set_defaults(handler=run_import)
    return parser


def _find_header(table: SourceTable, header: str) -> str:
    from qbr_desktop.imports.fields import normalise_header
    from qbr_desktop.imports.values import shown

    if header in table.headers:
        return header
    wanted = normalise_header(header)
    for candidate in table.headers:
        if normalise_header(candidate) == wanted:
            return candidate
    raise CommandFailed(ui_text(msg("{file} has no column “{header}” (its columns: {columns})",
                                    file=table.name, header=shown(header),
                                    columns=_columns_of(table))))


def _columns_of(table: SourceTable) -> str:
    """The file's column names for a message: the first few, each cut short if long."""
    from qbr_desktop.imports.table_rows import shown_header
    from qbr_desktop.imports.values import shown

    names = listed(f"“{shown(ui_text(shown_header(h)), 40)}”"
                   for h in table.headers[:_COLUMNS_LISTED])
    more = len(table.headers) - _COLUMNS_LISTED
    return ui_text(msg("{columns} and {more:,} more", columns=names, more=more)) if more > 0 \
        else names


def _mapping(kind: ImportKind, table: SourceTable, choice: MappingChoice,
             overrides: list[tuple[str, str]]) -> dict[str, str]:
    from qbr_desktop.imports.fields import fields_by_key, kind_name
    from qbr_desktop.imports.values import shown

    known = fields_by_key(kind)
    mapping = dict(choice.mapping)
    for field, header in overrides:
        if field not in known:
            raise CommandFailed(ui_text(msg("a {kind} import has no field “{field}” (it has: "
                                            "{fields})", kind=kind_name(kind), field=shown(field),
                                            fields=listed(known))))
        if not header:
            mapping.pop(field, None)
            continue
        column = _find_header(table, header)
        for other in [k for k, v in mapping.items() if v == column and k != field]:
            del mapping[other]  # one column feeds one field: the explicit choice wins
        mapping[field] = column
    return mapping


def run_import(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.imports.cells import ImportOptions
    from qbr_desktop.imports.errors import ImportFailed, MappingIncomplete
    from qbr_desktop.imports.fields import ImportKind
    from qbr_desktop.paths import resolve_target
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.importing import ImportService

    kind = ImportKind(args.kind)
    try:
        table = ImportService.read(args.file.expanduser(), sheet=args.sheet)
    except ImportFailed as exc:
        raise CommandFailed(str(exc)) from exc
    context = AppContext.open(resolve_target(getattr(args, "sub_db", None) or args.db))
    try:
        service = ImportService(context.store.sessions)
        choice = service.starting_mapping(kind, table)
        mapping = _mapping(kind, table, choice, args.map)
        options = ImportOptions(day_first=args.day_first)
        rejects = None if args.rejects is None else args.rejects.expanduser()
        step = service.apply if args.apply else service.preview
        plan = step(kind, table, mapping, options, rejects=rejects)
    except MappingIncomplete as exc:
        raise CommandFailed(ui_text(msg("{problem} Use --map FIELD=HEADER; the columns of {file} "
                                        "are {columns}.", problem=str(exc), file=table.name,
                                        columns=_columns_of(table)))) from exc
    except ImportFailed as exc:
        raise CommandFailed(str(exc)) from exc
    finally:
        context.close()
    if args.json:
        _write_json(out, _report_json(args.file, table, plan, choice, args.day_first, rejects),
                    plan)
    else:
        _print_report(out, table, plan, choice, rejects)


def _row_json(row: PlannedRow) -> dict[str, Any]:
    from qbr_desktop.imports.cells import Severity
    from qbr_desktop.imports.plan import change_text

    return {
        "row": row.number, "action": row.action.value, "label": english(row.label),
        "changes": [english(change_text(change)) for change in row.changes],
        "reasons": [p.describe(catalogue(ENGLISH)) for p in row.problems
                    if p.severity is Severity.ERROR],
        "warnings": [p.describe(catalogue(ENGLISH)) for p in row.problems
                     if p.severity is Severity.WARNING],
        "problems": [{"column": p.column, "message": english(p.message),
                      "severity": p.severity.value} for p in row.problems],
    }


def _report_json(path: Path, table: SourceTable, plan: ImportPlan, choice: MappingChoice,
                 day_first: bool | None, rejects: Path | None) -> dict[str, Any]:
    return {
        "file": str(path), "kind": plan.kind.value, "applied": plan.applied,
        "format": table.format, "encoding": table.encoding,
        "delimiter": table.delimiter, "sheet": table.sheet,
        "mapping": plan.mapping,
        "mapping_source": "remembered" if choice.remembered else "guessed",
        "remembered_from": None if choice.source is None else {
            "file": choice.source.file_name, "saved_at": choice.source.saved_at.isoformat()},
        "period_columns": list(plan.period_columns),
        "unmatched_accounts": [{"account": name, "rows": rows}
                               for name, rows in sorted(plan.unmatched.items(),
                                                        key=lambda item: (-item[1], item[0]))],
        "day_first": day_first, "needs_date_order": plan.needs_date_order,
        "notices": [english(notice) for notice in plan.notices],
        "counts": {"rows": len(table.rows), "created": plan.created, "updated": plan.updated,
                   "unchanged": plan.unchanged, "rejected": plan.rejected,
                   "unit": "metric values" if plan.counts_values else plan.kind.value},
        "summary": english(plan.summary()),
        "rejects_file": str(rejects) if rejects else None,
    }


def _write_json(out: TextIO, report: dict[str, Any], plan: ImportPlan) -> None:
    """The report with its "rows" written one at a time: a million rows are never held as
    a million dictionaries."""
    head = json.dumps(report, ensure_ascii=False, indent=2)
    out.write(head[:-2] + ',\n  "rows": [')
    for number, row in enumerate(plan.rows):
        out.write(("," if number else "") + "\n    "
                  + json.dumps(_row_json(row), ensure_ascii=False))
    out.write("\n  ]\n}\n")


def _print_report(out: TextIO, table: SourceTable, plan: ImportPlan, choice: MappingChoice,
                  rejects: Path | None) -> None:
    from qbr_desktop.imports.fields import fields_by_key
    from qbr_desktop.imports.plan import ACTION_LABELS, Action, change_text, unmatched_report
    from qbr_desktop.imports.table_rows import shown_header

    say(out, msg("{file}: {described}", file=table.name, described=table.describe()))
    source = msg("guessed from the headers")
    if choice.remembered:
        source = (msg("remembered from the last import of this layout: {source}",
                      source=choice.source.describe()) if choice.source is not None
                  else msg("remembered from the last import of this layout"))
    say(out, msg("Columns ({source}; change with --map FIELD=HEADER):", source=source))
    known = fields_by_key(plan.kind)
    for key, header in plan.mapping.items():
        print(f"  {key:<20} {padded(ui_label(known[key].label), 22)} "
              f"← {ui_text(shown_header(header))}", file=out)
    if plan.periods:
        say(out, msg("  periods              one column each        ← {periods}",
                     periods=plan.periods))
    used = set(plan.mapping.values()) | set(plan.period_columns)
    unused = [h for h in table.headers if h not in used]
    if unused:
        say(out, msg("  not imported: {columns}",
                     columns=listed(ui_text(shown_header(h)) for h in unused)))
    for notice in plan.notices:
        say(out, msg("Note: {note}", note=notice))
    if plan.unmatched:
        say(out, msg("Not found: {report}", report=unmatched_report(plan.unmatched)))
    labels = {action: ui_label(label) for action, label in ACTION_LABELS.items()}
    columns = max(width(label) for label in labels.values())
    for row in plan.rows:
        if row.action is Action.UNCHANGED and not row.problems:
            continue
        changes = listed(ui_text(change_text(change)) for change in row.changes)
        detail = f" ({changes})" if changes else ""
        action = padded(labels[row.action], columns)
        number = padded(ui_text(msg("Row {number}", number=row.number)), 10)
        out.write(f"{number} {action}  {ui_text(row.label)}{detail}\n")
        for reason in row.reasons:
            print(f"           {reason}", file=out)
        for warning in row.warnings:
            say(out, msg("           note: {warning}", warning=warning))
    if plan.needs_date_order:
        say(out, msg("Some dates read both ways (day first or month first): run again with "
                     "--day-first or --month-first."))
    if rejects is not None:
        say(out, msg("Rejected rows written to {path}.", path=rejects))
    if plan.applied:
        say(out, msg("Imported: {summary}.", summary=plan.summary()))
    else:
        say(out, msg("Dry run: {summary}. Nothing was saved; add --apply to import.",
                     summary=plan.summary()))

