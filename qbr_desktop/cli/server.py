"""`qbr server`: looking after the team's PostgreSQL database.

The usage is DESCRIPTION below (`--help` shows it in the interface language).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from qbr_desktop.cli import CommandFailed
from qbr_desktop.cli.output import say
from qbr_desktop.i18n import N_, msg, ui_text

DESCRIPTION = N_("""\
`qbr server`: looking after the team's PostgreSQL database.

    qbr server upgrade [--db URL]

A client never changes the shared schema by itself; whoever administers the server runs
`qbr server upgrade` with the new release, after a backup. The URL comes from --db or
$QBR_DATABASE_URL, as for every other command.
""")


def add_parsers(commands: Any, _formats: Any) -> None:
    server = commands.add_parser(
        "server", help=N_("look after a team server (PostgreSQL): upgrade its schema"),
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser(
        "upgrade", help=N_("bring the server's schema to this version (after a backup)"))
    upgrade.add_argument("--db", metavar="URL", dest="sub_db",
                         help=N_("the server's URL (default: $QBR_DATABASE_URL)"))
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.paths import resolve_target
    from qbr_desktop.store.errors import shown
    from qbr_desktop.store.server import backup_advice, upgrade_server

    target = resolve_target(getattr(args, "sub_db", None) or args.db)
    if target.url is None or not target.url.startswith("postgresql"):
        raise CommandFailed(ui_text(msg(
            "qbr server upgrade works on a PostgreSQL server: give its URL with --db or "
            "QBR_DATABASE_URL (a file is updated when it is opened, after a backup of its "
            "own)")))
    print(backup_advice(target.url), file=out)
    out.flush()

    def waiting() -> None:
        say(out, msg("Another upgrade of this server is running; waiting for it to finish…"))
        out.flush()

    outcome = upgrade_server(target.url, waiting=waiting)
    if outcome.before == outcome.after:
        say(out, msg("{server} is already at schema {schema}; nothing to do.",
                     server=shown(target.url), schema=outcome.after))
    else:
        before = outcome.before or ui_text(msg("empty"))
        say(out, msg("Upgraded {server} from schema {before} to {after}. Every CSM can now "
                     "open it with this version.", server=shown(target.url), before=before,
                     after=outcome.after))
