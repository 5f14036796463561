"""`qbr whoami`: the name (and email) saves and new accounts are recorded under.

The usage is DESCRIPTION below (`--help` shows it in the interface language).
"""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from qbr_desktop.cli import CommandFailed, with_context
from qbr_desktop.cli.output import say
from qbr_desktop.i18n import N_, msg, ui_text

DESCRIPTION = N_("""\
`qbr whoami`: the name (and email) saves and new accounts are recorded under.

    qbr whoami                      show it
    qbr whoami --name "Dana Whitfield" --email dana@example.com

On a team server the person is also added to its list of CSMs (the csm table).
""")


def add_parsers(commands: Any, _formats: Any) -> None:
    whoami = commands.add_parser(
        "whoami", help=N_("show or set who you are (your name and email)"),
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    whoami.add_argument("--name", help=N_("your name, as colleagues know you"))
    whoami.add_argument("--email", default="", help=N_("your work email"))
    whoami.add_argument("--db", metavar="PATH", dest="sub_db",
                        help=N_("a team server (URL) to add you to; default: $QBR_DATABASE_URL"))
    whoami.set_defaults(handler=_whoami)


def _whoami(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.contacts import email_problem
    from qbr_desktop.services.identity import (
        Identity,
        current_identity,
        register_member,
        save_identity,
        stored_identity,
    )

    if args.name is not None:
        if not args.name.strip():
            raise CommandFailed(ui_text(msg("--name cannot be empty")))
        if args.email.strip() and (problem := email_problem(args.email.strip())):
            raise CommandFailed(f"--email: {problem}")
        save_identity(Identity(args.name.strip(), args.email.strip()))
    identity = current_identity()
    if stored_identity() is None:
        say(out, msg("{name} (your login name; set yours with qbr whoami --name … --email …)",
                     name=identity.label))
        return
    email = f" <{identity.email}>" if identity.email else ""
    print(f"{identity.name}{email}", file=out)
    if args.name is not None:
        def register(context: Any) -> None:
            if context.store.path is None:
                register_member(context.store.sessions, identity)
                say(out, msg("Added to the team server's list of CSMs."))

        from qbr_desktop.paths import URL_ENV

        if getattr(args, "sub_db", None) or args.db or os.environ.get(URL_ENV):
            with_context(args, register)
