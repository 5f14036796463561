"""`qbr server`: looking after the team's PostgreSQL database.

    qbr server upgrade [--db URL]

A client never changes the shared schema by itself; whoever administers the server runs
`qbr server upgrade` with the new release, after a backup. The URL comes from --db or
$QBR_DATABASE_URL, as for every other command.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from qbr_desktop.cli import CommandFailed


def add_parsers(commands: Any, _formats: Any) -> None:
    server = commands.add_parser(
        "server", help="look after a team server (PostgreSQL): upgrade its schema",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser(
        "upgrade", help="bring the server's schema to this version (after a backup)")
    upgrade.add_argument("--db", metavar="URL", dest="sub_db",
                         help="the server's URL (default: $QBR_DATABASE_URL)")
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.paths import resolve_target
    from qbr_desktop.store.errors import shown
    from qbr_desktop.store.server import backup_advice, upgrade_server

    target = resolve_target(getattr(args, "sub_db", None) or args.db)
    if target.url is None or not target.url.startswith("postgresql"):
        raise CommandFailed("qbr server upgrade works on a PostgreSQL server: give its URL "
                            "with --db or QBR_DATABASE_URL (a file is updated when it is "
                            "opened, after a backup of its own)")
    print(backup_advice(target.url), file=out)
    out.flush()

    def waiting() -> None:
        print("Another upgrade of this server is running; waiting for it to finish…",
              file=out)
        out.flush()

    outcome = upgrade_server(target.url, waiting=waiting)
    if outcome.before == outcome.after:
        print(f"{shown(target.url)} is already at schema {outcome.after}; nothing to do.",
              file=out)
    else:
        before = outcome.before or "empty"
        print(f"Upgraded {shown(target.url)} from schema {before} to {outcome.after}. "
              "Every CSM can now open it with this version.", file=out)
