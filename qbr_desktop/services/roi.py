"""ROI models per account and quarter: stored as documents, evaluated on every read.

A quarter without a stored model starts from the account's own numbers (its ARR as the
subscription), so the calculator is never empty and never invents value.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.money import number_style
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import SUBSCRIPTION_LABEL, RoiModel, subscription_from_arr
from qbr_desktop.domain.roi_document import model_from_dict, model_to_dict, parse_document
from qbr_desktop.domain.roi_scenarios import (
    ExpansionCase,
    ExpansionResult,
    RoiResult,
    Scenario,
    SensitivityBar,
    evaluate,
    evaluate_expansion,
    scenarios,
    sensitivity,
)
from qbr_desktop.domain.roi_story import (
    ValueStory,
    default_story,
    format_amount,
    render,
    stale_reasons,
    story_for,
    story_from_dict,
    story_to_dict,
)
from qbr_desktop.i18n import (
    ENGLISH,
    N_,
    Catalogue,
    Message,
    available_languages,
    catalogue,
    interface_catalogue,
    msg,
    msg_plural,
)
from qbr_desktop.services.edit_checks import RowEdit, login_name
from qbr_desktop.services.insights import InsightService
from qbr_desktop.services.rows import account_row
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow, RoiModelRow
from qbr_desktop.store.periods import readable_period

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class RoiReport:
    """One account's model for a quarter with everything computed from it."""

    account_id: int
    account_name: str
    model: RoiModel
    result: RoiResult
    scenarios: Mapping[Scenario, RoiResult]
    story: ValueStory  # as stored; drafted in the account's language when none is
    story_text: str  # for the customer: in the account's language unless a person wrote it
    story_stale: tuple[str, ...]  # why the stored story no longer matches; () when it does
    stored: bool  # False: the starting point made from the account, not yet saved
    sensitivity: tuple[SensitivityBar, ...] = ()  # inputs by how much ±20 % moves ROI
    # Not stored yet and copied from this earlier quarter's model (lines and costs go on).
    carried_from: Quarter | None = None


@dataclass(frozen=True, slots=True)
class ExpansionRoi:
    """One expansion opportunity's return, for the expansion one-pager."""

    title: str
    kind: str  # "seats", "module", "plan" or "department"
    case: ExpansionCase
    result: ExpansionResult
    assumption: str
    basis: str = ""  # how this option's value is projected, in the customer's words
    # The title and the basis as messages, for a customer's file in the account's language.
    title_words: Message | None = None
    basis_words: Message | None = None


# Months until an expansion delivers its full value: new seats and teams need adoption,
# a module or plan also needs rolling out.
RAMP_MONTHS = {"seats": 3, "department": 3, "module": 6, "plan": 6}


class RoiService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _now,
                 insights: InsightService | None = None,
                 user: Callable[[], str] | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self._insights = insights
        self._user = user or login_name

    def current_quarter(self) -> Quarter:
        return Quarter.containing(self._clock().date())

    def report(self, account_id: int, quarter: Quarter | None = None) -> RoiReport:
        quarter = quarter or self.current_quarter()
        with session_scope(self._sessions) as session:
            account = account_row(session, account_id)
            row = session.get(RoiModelRow, (account_id, str(quarter)))
            earlier = None if row else session.scalars(
                select(RoiModelRow).where(RoiModelRow.account_id == account_id,
                                          RoiModelRow.quarter < str(quarter),
                                          readable_period(RoiModelRow.quarter))
                .order_by(RoiModelRow.quarter.desc()).limit(1)).first()
            if row:
                model = _model_of(row)
            elif earlier:
                model = replace(_model_of(earlier), quarter=quarter)
            else:
                model = starting_model(account, quarter)
            stored_story = _story_of(row) if row else None
            name, book = account.name, catalogue(account.language)
        result = evaluate(model)
        # The story is the customer's: drafted and its figures worded in their language (a
        # story drafted in the window's language and saved untouched is drafted again).
        story = stored_story or default_story(result, book)
        return RoiReport(account_id, name, model, result, scenarios(model), story,
                         render(story_for(story, result, book), result, book),
                         stale_reasons(story, result),
                         row is not None,
                         sensitivity(model),
                         Quarter.parse(earlier.quarter) if earlier is not None else None)

    def save(self, account_id: int, model: RoiModel, story: ValueStory | None = None, *,
             seen: tuple[RoiModel, ValueStory | None] | None = None
             ) -> tuple[RoiModel, ValueStory | None]:
        """Store the model (and its story) for its quarter, replacing what was there.

        Raises ValidationFailed naming every bad field; nothing is written then. With
        `seen` (the model and story as the person saw them), a value line or setting a
        colleague changed since is refused with EditConflictError naming it, who and when;
        the story's sentences are merged. Without it: "keep mine". Returns what is stored.
        """
        document = model_to_dict(model)
        model_from_dict(document)  # every rule, on exactly what is stored
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            row = session.get(RoiModelRow, (account_id, str(model.quarter)))
            if row is not None and seen is not None:
                stored = (_model_of(row), _story_of(row))
                document, story = _settled(_roi_edit(session, row, stored[0]), stored, seen,
                                           (model, story))
                model = model_from_dict(document)
            if row is None:
                row = RoiModelRow(account_id=account_id, quarter=str(model.quarter))
                session.add(row)
            row.document = json.dumps(document, ensure_ascii=False, sort_keys=True)
            if story is not None:
                row.story = json.dumps(story_to_dict(story), ensure_ascii=False)
            row.updated_at, row.updated_by = self._clock(), self._user()
            return model, story

    def save_document(self, account_id: int, data: object,
                      quarter: Quarter | None = None) -> RoiModel:
        """A JSON document (as `qbr roi import` or a future GUI export gives it) stored."""
        if isinstance(data, dict) and quarter is not None:
            data = {**data, "quarter": str(quarter)}
        model, problems = parse_document(data)
        if model is None or problems:
            raise ValidationFailed(problems)
        self.save(account_id, model)
        return model

    def set_lines(self, account_id: int, lines: Sequence[Mapping[str, Any]],
                  quarter: Quarter | None = None,
                  investments: Sequence[Mapping[str, Any]] = ()) -> RoiReport:
        """Add or replace value lines (by id) and investments (by label) in document form."""
        report = self.report(account_id, quarter)
        document = model_to_dict(report.model)
        for line in lines:
            document["lines"] = [*[old for old in document["lines"]
                                   if old["id"] != line.get("id")], dict(line)]
        for item in investments:
            document["investments"] = [
                *[old for old in document["investments"] if not _same_investment(old, item)],
                dict(item)]
        self.save_document(account_id, document)
        return self.report(account_id, report.model.quarter)

    def expansion(self, account_id: int, quarter: Quarter | None = None,
                  book: Catalogue | None = None) -> tuple[list[ExpansionRoi], str]:
        """ROI and payback of each expansion opportunity, and the assumption behind them
        (in the language of `book`: a customer file's; the interface language without one).

        Each option's value is projected from the evidence in the account's own ROI model,
        on the basis that fits it, and says which (`ExpansionRoi.basis`):

        * more seats and new departments bring more people into use, so they are valued
          at today's value per active user times the people they add;
        * a module or a plan adds no users, and the model holds no measure of what one
          would add, so it is valued at today's return on spend, which every such option
          then shares: the basis says so rather than presenting equal figures as findings.

        Without value or cost in the model there is nothing to project from, and the reason
        says so.
        """
        words = book if book is not None else interface_catalogue()
        if self._insights is None:
            return [], words.gettext("Expansion opportunities are not available here.")
        report = self.report(account_id, quarter)
        estimate = self._insights.expansion(account_id)
        result = report.result
        if result.total_value <= 0 or result.investment <= 0:
            return [], words.gettext("Record the value delivered and the investment first: an "
                                     "expansion's return is projected from the account's "
                                     "current return.")
        ratio = result.total_value / result.investment
        ratio_text = number_style().number(ratio, 1)
        assumption = words.gettext(
            "Seats and departments are valued at today's value per active user; modules and "
            "plans at today's return on spend ({ratio} to 1); each reaches its value after "
            "the ramp-up shown.", ratio=ratio_text)
        per_user, seat_price = self._per_user(account_id, result.total_value)
        cases = []
        for line in estimate.lines:
            if line.amount <= 0:
                continue
            ramp = RAMP_MONTHS.get(line.kind, 6)
            value = line.amount * ratio
            basis_words = msg_plural("today's return on spend ({ratio} to 1) applied to its "
                                     "price; full value after {count} month",
                                     "today's return on spend ({ratio} to 1) applied to its "
                                     "price; full value after {count} months", ramp,
                                     ratio=ratio_text)
            if line.kind in ("seats", "department") and per_user and seat_price:
                users = line.amount / seat_price
                value = per_user * users
                basis_words = msg_plural(
                    "today's value per active user ({amount} a year) × {users} more users; "
                    "full value after {count} month",
                    "today's value per active user ({amount} a year) × {users} more users; "
                    "full value after {count} months", ramp,
                    amount=format_amount(per_user, report.model.currency),
                    users=number_style().number(users, 0))
            basis = basis_words.render(catalogue(ENGLISH))
            case = ExpansionCase(added_annual_cost=line.amount, projected_annual_value=value,
                                 ramp_months=ramp)
            cases.append(ExpansionRoi(line.title, line.kind, case,
                                      evaluate_expansion(case, report.model.discount_rate),
                                      line.assumption, basis, line.title_words,
                                      basis_words))
        return cases, assumption

    def _per_user(self, account_id: int,
                  total_value: Decimal) -> tuple[Decimal | None, Decimal | None]:
        """(value a year per active user, price per licensed seat), when both are known."""
        if self._insights is None:
            return None, None
        with session_scope(self._sessions) as session:
            account = account_row(session, account_id)
            seats, arr = account.licensed_seats, account.arr
        history = self._insights.history(account_id)
        active = next((values for definition, values in history.rows
                       if definition.key == "active_users"), ())
        latest = next((v for v in reversed(active) if v is not None and v > 0), None)
        if latest is None or not seats or arr <= 0:
            return None, None
        return total_value / Decimal(str(latest)), arr / Decimal(seats)

    def history(self, account_id: int) -> list[tuple[Quarter, RoiResult]]:
        """Every stored quarter's result, oldest first."""
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            rows = list(session.scalars(select(RoiModelRow).where(
                RoiModelRow.account_id == account_id,
                readable_period(RoiModelRow.quarter)).order_by(RoiModelRow.quarter)))
            models = [_model_of(row) for row in rows]
        return [(model.quarter, evaluate(model)) for model in models]


def _subscription_labels() -> frozenset[str]:
    """The starting subscription's label in every shipped language."""
    return frozenset({SUBSCRIPTION_LABEL, *(catalogue(language).gettext(SUBSCRIPTION_LABEL)
                                            for language in available_languages())})


def _same_investment(stored: Mapping[str, Any], given: Mapping[str, Any]) -> bool:
    """Investments are replaced by label. The starting subscription is labelled in the
    account's language, and a script's `label=Subscription` (as the README shows) still
    means it: the default label answers in any shipped language."""
    if stored.get("label") == given.get("label"):
        return True
    labels = _subscription_labels()
    return (stored.get("kind") == "subscription" and stored.get("label") in labels
            and given.get("label") in labels)


def starting_model(account: AccountRow, quarter: Quarter) -> RoiModel:
    """What a quarter's model starts from: no value claimed, the subscription as the cost,
    labelled in the account's language (the model is the customer's, like its story)."""
    label = catalogue(account.language).gettext(SUBSCRIPTION_LABEL)
    investments = (subscription_from_arr(account.arr, label),) if account.arr > 0 else ()
    return RoiModel(currency=account.currency, quarter=quarter, investments=investments)


def _model_of(row: RoiModelRow) -> RoiModel:
    return model_from_dict(json.loads(row.document))


def _story_of(row: RoiModelRow) -> ValueStory | None:
    return story_from_dict(json.loads(row.story)) if row.story else None


def _roi_fields(model: RoiModel, story: ValueStory | None) -> dict[str, Any]:
    """A model and its story as separately edited fields: settings, each value line by id,
    the investments, the story's sentences."""
    document = model_to_dict(model)
    found = {key: value for key, value in document.items() if key != "lines"}
    found.update((f"line:{line['id']}", line) for line in document["lines"])
    found["story"] = story.sentences if story is not None else None
    return found


def _roi_edit(session: Session, row: RoiModelRow, model: RoiModel) -> RowEdit:
    words: dict[str, str | Message] = {
        "discount_rate": N_("discount rate"), "story": N_("value story"),
        **{f"line:{line.id}": msg("value line “{label}”", label=line.label)
           for line in model.lines}}
    return RowEdit(session, f"roi_model {row.quarter}", row.account_id, row_by=row.updated_by,
                   row_at=row.updated_at, labels=words, merged=("story",),
                   subject=msg("the {quarter} ROI model", quarter=row.quarter))


def _settled(edit: RowEdit, stored: tuple[RoiModel, ValueStory | None],
             seen: tuple[RoiModel, ValueStory | None],
             mine: tuple[RoiModel, ValueStory | None]
             ) -> tuple[dict[str, Any], ValueStory | None]:
    theirs, before, wanted = _roi_fields(*stored), _roi_fields(*seen), _roi_fields(*mine)
    if theirs.get("story") is None or before.get("story") is None:
        for side in (theirs, before, wanted):
            side.pop("story", None)  # no story yet on one side: nothing to merge
    settled = edit.settle(theirs, before, wanted, stored[0])
    settled.update((key, line) for key, line in theirs.items()
                   if key.startswith("line:") and key not in before and key not in wanted)
    document = {key: value for key, value in settled.items()
                if not key.startswith("line:") and key != "story"}
    document["lines"] = [line for key, line in settled.items() if key.startswith("line:")]
    story = ValueStory(settled["story"]) if settled.get("story") is not None else mine[1]
    return document, story
