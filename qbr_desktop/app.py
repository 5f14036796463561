"""The `qbr-desktop` entry point: arguments, self-test and platform checks, then the window.

Kept light on purpose: the GUI modules are imported only after the cheap checks, and
no export library (matplotlib, python-pptx, reportlab) is imported at start-up.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from qbr_desktop import __version__


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="qbr-desktop",
                                     description="QBR Desktop: prepare and run QBRs.")
    parser.add_argument("--version", action="version", version=f"QBR Desktop {__version__}")
    parser.add_argument("--db", metavar="PATH", help="open this portfolio database file")
    parser.add_argument("--self-test", action="store_true",
                        help="check the database, export and chart libraries, then exit")
    # For automated checks and documentation: save a picture of the window, then quit.
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    # Qt's own options (-platform, -style, ...) pass through untouched.
    args, _qt_arguments = parser.parse_known_args(argv)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parse_arguments(arguments)
    if args.self_test:
        from qbr_desktop.selftest import run_self_test

        return run_self_test()
    from qbr_desktop.platform_check import platform_problem

    if problem := platform_problem():
        print(problem, file=sys.stderr)
        return 1
    from qbr_desktop.gui.application import run

    return run(args.db, [sys.argv[0], *arguments], screenshot=args.screenshot)


if __name__ == "__main__":
    raise SystemExit(main())
