"""`qbr check`, `qbr backup` and `qbr restore`: the care of a portfolio's database file
(services.maintenance)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qbr_desktop.cli import CommandFailed, with_context
from qbr_desktop.cli.output import padded, say
from qbr_desktop.i18n import N_, msg, ui_label, ui_text

if TYPE_CHECKING:  # the handlers import what they use: see qbr_desktop/cli/__init__.py
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.maintenance import CheckReport, RepairReport


def add_parsers(commands: Any, _formats: Any) -> None:
    check = commands.add_parser("check", help=N_("integrity, schema version, file and backups"))
    check.add_argument("--repair", action="store_true",
                       help=N_("remove metric values stored for unreadable periods (after a "
                               "backup)"))
    check.set_defaults(handler=_check)
    backup = commands.add_parser("backup", help=N_("write a verified backup"))
    backup.add_argument("--out", required=True, metavar="FILE", type=Path)
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser(
        "restore", help=N_("replace the database by a backup (the old file is kept, renamed)"))
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    restore.set_defaults(handler=_restore)


def _check(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.periods import EARLIEST_YEAR, LATEST_YEAR
    from qbr_desktop.services.maintenance import (
        backup_reason_label,
        check_database,
        integrity_label,
        repair_database,
    )

    def repair_and_check(context: AppContext) -> tuple[RepairReport | None, CheckReport]:
        repaired = repair_database(context) if args.repair else None
        return repaired, check_database(context)

    repaired, report = with_context(args, repair_and_check)
    say(out, msg("database:  {database}", database=report.database))
    if report.size_bytes is not None:
        say(out, msg("size:      {size:,} bytes", size=report.size_bytes))
    say(out, msg("integrity: {integrity}", integrity=integrity_label(report.integrity)))
    if report.not_checked:
        say(out, msg("checked:   {checked}; not checked: {not_checked}",
                     checked=ui_label(report.checked), not_checked=ui_label(report.not_checked)))
    say(out, msg("schema:    {schema} (this program: {program})",
                 schema=report.schema_revision, program=report.program_revision))
    say(out, msg("accounts:  {accounts:,}; contacts: {contacts:,}", accounts=report.accounts,
                 contacts=report.contacts))
    say(out, msg("backups:   {count}", count=len(report.backups)))
    for backup in report.backups:
        reason = padded(ui_text(backup_reason_label(backup.reason)), 15)
        print(f"  {backup.taken_at.isoformat()}  {reason} {backup.path}", file=out)
    for warning in report.warnings:
        say(out, msg("warning:   {warning}", warning=warning))
    for item in report.unreadable:
        say(out, msg("unreadable: {account}: {rows} metric value(s) for the period “{period}”, "
                     "which is not a quarter from {earliest} to {latest}; they are skipped "
                     "(`qbr check --repair` removes them)", account=item.account_name,
                     rows=item.rows, period=item.period, earliest=EARLIEST_YEAR,
                     latest=LATEST_YEAR))
    if repaired is not None:
        say(out, msg("repaired:  removed {removed} metric value(s) with unreadable periods "
                     "(backup: {backup})", removed=repaired.removed, backup=repaired.backup)
            if repaired.backup else
            msg("repaired:  removed {removed} metric value(s) with unreadable periods",
                removed=repaired.removed))
    if not report.healthy:
        raise CommandFailed(ui_text(msg("the database is not healthy (integrity: {integrity})",
                                        integrity=integrity_label(report.integrity))))


def _backup(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.services.maintenance import backup_to

    written = with_context(args, lambda context: backup_to(context, args.out.expanduser()))
    say(out, msg("Backup written and verified: {path}", path=written))


def _restore(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.paths import resolve_target
    from qbr_desktop.services.maintenance import restore_from

    target = resolve_target(args.db)
    if target.path is None:
        raise CommandFailed(ui_text(msg("restore works on a database file, not a server URL")))
    kept = restore_from(args.backup.expanduser(), target.path)
    say(out, msg("Restored {path} from {backup}.", path=target.path, backup=args.backup))
    if kept:
        say(out, msg("The previous file was kept as {path}.", path=kept))
