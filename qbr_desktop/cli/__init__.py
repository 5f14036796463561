"""The `qbr` command: argument parsing and printing over the services.

Exit codes: 0 success, 1 the operation failed (one line on stderr), 2 usage error.

Every call builds the whole parser, so building it must stay cheap: `qbr --version` and
`qbr --help` load no service, database layer or export library. Adding a command:

1. write `add_parsers(commands, formats)` in a module of this package: `commands` takes
   `qbr NAME`, `formats` takes `qbr export NAME`; each parser's `handler` (set_defaults) is
   a function `(args, out) -> None` of that module;
2. name the module in COMMAND_MODULES below.

At its top such a module imports only the standard library, this package and the cheap
domain values its arguments need; each handler imports the services it uses inside its
body (see `_accounts_add`), so a command pays only for what it runs.
tests/cli/test_cli_imports.py holds the line.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from qbr_desktop import __version__
from qbr_desktop.cli.output import padded, say, write_json
from qbr_desktop.i18n import (
    ENGLISH,
    N_,
    catalogue,
    interface_language,
    msg,
    ui_label,
    ui_text,
)

if TYPE_CHECKING:
    from qbr_desktop.domain.accounts import AccountSummary
    from qbr_desktop.services.context import AppContext

Result = TypeVar("Result")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: The modules (of this package) that add sub-commands, in the order `qbr --help` lists
#: them; "export" marks where the `export` command itself is listed.
COMMAND_MODULES = ("maintenance", "insights", "imports", "export", "plans", "stakeholders",
                   "agenda", "deck", "roi", "programme", "deck_review", "server", "whoami")
#: The tier models `qbr tiers --model` accepts (domain.tiers.TierModel's values; a test
#: keeps the two equal, so parsing needs no domain import).
TIER_MODELS = ("three_tier", "five_segment")


class CommandFailed(Exception):
    """A failure the CLI reports in one line."""


def _amount(text: str) -> Decimal:
    from qbr_desktop.domain.money import MoneyFormatError, parse_amount

    try:
        return parse_amount(text)
    except MoneyFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(ui_text(
            msg("“{text}” is not a date (YYYY-MM-DD)", text=text))) from exc


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(ui_text(
            msg("“{text}” is not a whole number", text=text))) from exc
    if value < 1:
        raise argparse.ArgumentTypeError(ui_text(msg("must be at least 1")))
    return value


def build_parser() -> argparse.ArgumentParser:
    db_help = N_("database file (default: $QBR_DB, $QBR_DATABASE_URL, or the per-user data "
                 "folder)")
    from qbr_desktop.cli.help_format import QbrArgumentParser

    parser = QbrArgumentParser(prog="qbr", description=N_("QBR Desktop from the command line."))
    parser.add_argument("--version", action="version", version=f"qbr {__version__}")
    parser.add_argument("--db", metavar="PATH", help=db_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    demo = commands.add_parser("demo", help=N_("build a demo portfolio in a new database"))
    demo.add_argument("--db", metavar="PATH", dest="sub_db", help=db_help)
    demo.add_argument("--accounts", type=_positive, default=24, metavar="N")
    demo.add_argument("--seed", type=int, default=7, metavar="S")
    demo.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    demo.set_defaults(handler=_demo)

    accounts = commands.add_parser("accounts", help=N_("list or add accounts"))
    account_commands = accounts.add_subparsers(dest="accounts_command", metavar="ACTION",
                                               required=True)
    listing = account_commands.add_parser("list", help=N_("list every account"))
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    listing.add_argument("--mine", action="store_true",
                         help=N_("only the accounts you own (see qbr whoami)"))
    listing.set_defaults(handler=_accounts_list)
    add = account_commands.add_parser("add", help=N_("add an account"))
    add.add_argument("name")
    add.add_argument("--arr", type=_amount, default=Decimal(0), help=N_("e.g. 120000 or 120k"))
    add.add_argument("--currency", default="USD")
    add.add_argument("--industry", default="")
    add.add_argument("--country", default="")
    add.add_argument("--seats", type=int, default=0)
    add.add_argument("--renewal", type=_day, help=N_("renewal date, YYYY-MM-DD"))
    add.add_argument("--owner", default="", help=N_("the CSM who owns the account"))
    add.add_argument("--tier", default=None, help=N_("override the ARR-derived tier"))
    add.add_argument("--language", default="en", metavar="CODE",
                     help=N_("the language of the customer's files: en (default), zh_CN"))
    add.set_defaults(handler=_accounts_add)
    edit = account_commands.add_parser("edit", help=N_("change an account's customer language"))
    edit.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    edit.add_argument("--language", required=True, metavar="CODE",
                      help=N_("the language of the customer's files: en, zh_CN"))
    edit.set_defaults(handler=_accounts_edit)

    tiers = commands.add_parser("tiers", help=N_("show or change the tier model and thresholds"))
    tiers.add_argument("--model", choices=TIER_MODELS,
                       help=N_("the tier model in use"))
    tiers.add_argument("--minimum", action="append", default=[], metavar="TIER=ARR",
                       help=N_("a tier's minimum ARR, e.g. Strategic=100k (repeatable)"))
    tiers.set_defaults(handler=_tiers)

    formats: Any = None
    for name in COMMAND_MODULES:
        if name == "export":  # `qbr export FORMAT`: the modules after it add formats
            export = commands.add_parser("export", help=N_("export an account's QBR material"))
            formats = export.add_subparsers(dest="export_format", metavar="FORMAT",
                                            required=True)
        else:
            import_module(f"{__name__}.{name}").add_parsers(commands, formats)
    if interface_language() != ENGLISH:
        _translate_help(parser)
    return parser


def _translate_help(parser: argparse.ArgumentParser) -> None:
    """Show the help written with N_() in the interface language, the sub-commands' too.

    Command and option names stay as written: people put them in scripts."""
    for attribute in ("description", "epilog"):
        text = getattr(parser, attribute)
        if text:
            setattr(parser, attribute, ui_label(text))
    for action in parser._actions:  # argparse keeps no public list of them
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = ui_label(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:  # the sub-commands `--help` lists
                if choice.help:
                    choice.help = ui_label(choice.help)
            for sub in {id(sub): sub for sub in action.choices.values()}.values():
                _translate_help(sub)


_ARGPARSE_OWN = (getattr(argparse, "_"), getattr(argparse, "ngettext"))  # noqa: B009


def _speak_argparse(language: str) -> None:
    """argparse's own words ("usage: ", "options", its errors) from our catalogue.

    argparse looks up `_` and `ngettext` among its module's globals each time it words
    something (CPython's Lib/argparse.py: `from gettext import gettext as _, ngettext`); its
    documented route is a gettext translation installed for them. Installed on the module,
    rather than for the process's default text domain (whose language gettext takes from
    the environment only), it follows the CLI's choice, the window's saved setting included.
    Their English templates are marked in cli/argparse_words.py."""
    book = catalogue(language)
    argparse._ = book.gettext  # type: ignore[attr-defined]

    def ngettext(singular: str, plural: str, count: int) -> str:
        return book.gettext(singular if count == 1 else plural)

    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def warn(message: str) -> None:
    """One "Warning: ..." line on stderr: the command goes on and still exits 0."""
    say(sys.stderr, msg("Warning: {message}", message=message))


def with_context(args: argparse.Namespace, work: Callable[[AppContext], Result]) -> Result:
    """Run `work` on the portfolio the arguments name, closing it afterwards."""
    context = _open(args)
    try:
        return work(context)
    finally:
        context.close()


def _open(args: argparse.Namespace) -> AppContext:
    from qbr_desktop.paths import resolve_target
    from qbr_desktop.services.context import AppContext

    context = AppContext.open(resolve_target(getattr(args, "sub_db", None) or args.db))
    # Said once the command has worked: a failed one prints its one line, nothing more.
    _alerts.extend(a for a in context.store.alerts if a not in _alerts)
    return context


_alerts: list[str] = []


def _demo(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.paths import resolve_target
    from qbr_desktop.services.demo import DemoRefused, build_demo_portfolio
    from qbr_desktop.services.demo_file import build_demo_file

    target = resolve_target(getattr(args, "sub_db", None) or args.db)
    try:
        if target.path is not None:  # built beside its place, then renamed into it
            summary = build_demo_file(target.path, accounts=args.accounts, seed=args.seed,
                                      today=args.today)
        else:
            context = _open(args)
            try:
                summary = build_demo_portfolio(context, accounts=args.accounts,
                                               seed=args.seed, today=args.today)
            finally:
                context.close()
    except DemoRefused as exc:
        raise CommandFailed(str(exc)) from exc
    say(out, msg("Demo portfolio in {place}: {accounts} accounts, {contacts} contacts, "
                 "{reviews} reviews, {metric_values} metric values, {risks} risks and "
                 "opportunities, {plans} QBR preparation plans, {roi_models} quarterly ROI "
                 "models.", place=target.describe(), accounts=summary.accounts,
                 contacts=summary.contacts, reviews=summary.reviews,
                 metric_values=summary.metric_values, risks=summary.risks,
                 plans=summary.plans, roi_models=summary.roi_models))


def _summary_json(item: AccountSummary) -> dict[str, Any]:
    return {
        "id": item.id, "name": item.name, "industry": item.industry, "country": item.country,
        "arr": str(item.arr.amount), "currency": item.arr.currency,
        "licensed_seats": item.licensed_seats, "tier": item.tier,
        "tier_is_override": item.tier_is_override,
        "renewal_date": item.renewal_date.isoformat() if item.renewal_date else None,
        "next_qbr_at": item.next_qbr_at.isoformat() if item.next_qbr_at else None,
        "next_qbr_zone": item.next_qbr_zone if item.next_qbr_at else None,
        "csm_owner": item.csm_owner,
    }


def _accounts_list(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.meeting_time import meeting_day
    from qbr_desktop.domain.money import format_money
    from qbr_desktop.domain.tiers import tier_label

    items = _listed_accounts(args)
    if args.mine:
        from qbr_desktop.services.identity import current_identity, is_mine

        me = current_identity()
        items = [item for item in items if is_mine(item.csm_owner, me)]
    if args.json:
        write_json(out, [_summary_json(i) for i in items])
        return
    for item in items:
        renewal = item.renewal_date.isoformat() if item.renewal_date else "—"
        # The meeting's day where it is held, as the window shows it (not the UTC date).
        next_qbr = (meeting_day(item.next_qbr_at, item.next_qbr_zone).isoformat()
                    if item.next_qbr_at else "—")
        say(out, msg("{name}\t{tier}\t{arr}\trenews {renewal}\tnext QBR {next_qbr}",
                     name=item.name, tier=tier_label(item.tier), arr=format_money(item.arr),
                     renewal=renewal, next_qbr=next_qbr))
    say(out, msg("{count} account(s)", count=len(items)))


def _listed_accounts(args: argparse.Namespace) -> list[AccountSummary]:
    """From one query on a file already at this version (no services loaded), else through
    the full open, which checks, backs up or updates the file first."""
    from datetime import UTC, datetime

    from qbr_desktop.paths import resolve_target
    from qbr_desktop.services.account_listing import quick_portfolio

    target = resolve_target(args.db)
    quick = quick_portfolio(target.path, datetime.now(UTC)) if target.path else None
    if quick is not None:
        if quick.read_only_alert:
            _alerts.append(quick.read_only_alert)
        return quick.accounts
    context = _open(args)
    try:
        return context.accounts.list_accounts()
    finally:
        context.close()


def _accounts_add(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.domain.tiers import tier_label

    context = _open(args)
    try:
        account = context.accounts.create(AccountDraft(
            name=args.name, industry=args.industry, country=args.country, arr=args.arr,
            currency=args.currency.upper(), licensed_seats=args.seats,
            renewal_date=args.renewal, csm_owner=args.owner, tier_override=args.tier,
            language=args.language,
        ))
    finally:
        context.close()
    say(out, msg("Added {name} (id {id}, {tier})", name=account.draft.name, id=account.id,
                 tier=tier_label(account.tier)))


def _accounts_edit(args: argparse.Namespace, out: TextIO) -> None:
    context = _open(args)
    try:
        account_id = context.insights.resolve(args.account)
        account = context.accounts.update(account_id, {"language": args.language})
    finally:
        context.close()
    say(out, msg("{name}: customer files in {language}", name=account.draft.name,
                 language=account.draft.language))


def _tiers(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.money import MoneyFormatError, parse_amount
    from qbr_desktop.domain.tiers import SCHEMES, TierModel, tier_label

    context = _open(args)
    try:
        settings = context.settings
        model = TierModel(args.model) if args.model else settings.tier_scheme().model
        if args.minimum:
            minimums = {}
            # A tier may be typed as stored ("Strategic") or as the CLI shows it ("战略").
            shown = {ui_text(tier_label(tier)): tier for tier in SCHEMES[model].tiers}
            for item in args.minimum:
                tier, separator, amount = item.partition("=")
                if not separator:
                    raise CommandFailed(ui_text(
                        msg("“{item}” is not TIER=ARR (e.g. Strategic=100k)", item=item)))
                try:
                    minimums[shown.get(tier.strip(), tier.strip())] = parse_amount(amount)
                except MoneyFormatError as exc:
                    raise CommandFailed(f"{tier.strip()}: {exc}") from exc
            try:
                settings.set_tier_minimums(model, minimums)
            except ValueError as exc:
                raise CommandFailed(str(exc)) from exc
        if args.model:
            settings.set_tier_model(model)
        scheme = settings.tier_scheme()
    finally:
        context.close()
    print(ui_label(scheme.label), file=out)
    for band in scheme.bands:
        # The names line up by the columns a terminal gives them (two per Chinese character).
        tier = padded(ui_text(tier_label(band.tier)), 12)
        say(out, msg("  {tier} from {minimum:,.2f}", tier=tier, minimum=band.minimum))


def _utf8(stream: TextIO) -> TextIO:
    """Account names are any script: write UTF-8 even where the console's code page is not."""
    if (stream.encoding or "").replace("-", "").lower() != "utf8" and isinstance(
            stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")
    return stream


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    out = out or _utf8(sys.stdout)
    err = err or _utf8(sys.stderr)
    from qbr_desktop.cli.language import choose_cli_language

    # Chosen before parsing: the help and argparse's usage errors speak it too.
    _speak_argparse(choose_cli_language())  # the window's saved language, else the system's
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
        return int(exc.code or 0)
    finally:  # a process that goes on (a test, a script calling main) gets argparse as it was
        argparse._, argparse.ngettext = _ARGPARSE_OWN  # type: ignore[attr-defined]
    handler: Callable[[argparse.Namespace, TextIO], None] = args.handler
    _alerts.clear()
    from qbr_desktop.domain.errors import DomainError
    from qbr_desktop.os_errors import describe as describe_os_error
    from qbr_desktop.store.errors import StoreError

    try:
        # Warnings that do not stop a command (see `warn`) go where the caller's errors go.
        with contextlib.redirect_stderr(err):
            handler(args, out)
            for alert in _alerts:
                warn(alert)
    except BrokenPipeError:  # `qbr accounts list | head` closed the pipe: not a failure
        return EXIT_OK
    except (CommandFailed, DomainError, StoreError) as exc:
        print(f"qbr: {exc}", file=err)
        return EXIT_FAILED
    except OSError as exc:
        print(f"qbr: {describe_os_error(exc)}", file=err)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - a CSM sees one line, never a traceback
        say(err, msg("qbr: unexpected error: {kind}: {error}", kind=type(exc).__name__,
                     error=exc))
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
