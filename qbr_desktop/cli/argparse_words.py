"""argparse's own words a CSM can meet, marked for our catalogue (see `_speak_argparse` in
cli/__init__.py): the templates exactly as CPython's Lib/argparse.py words them, so that
looking them up in the interface language's catalogue finds their translation.

Nothing imports this module; the extractor reads it (`make translations`).
"""

from __future__ import annotations

from qbr_desktop.i18n import N_

ARGPARSE_WORDS = (
    # Help
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("%(heading)s:"),  # Python 3.13 and later word a section's heading so
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    # Usage errors
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
