"""Every stored field, classified by who may read it.

CUSTOMER: may appear in a customer's file as it is (an account's name, an action's text).
CHOSEN: reaches a customer only when the CSM picks it for that purpose (a register item's
title, once ticked for the risks slide).
INTERNAL: never reaches a customer's file, by any route; numbers the customer sees are
derived from some of these (a health score from the metric values) but never the field's
own text.

"table.column" for columns; "table.column:key" for a key of a JSON document stored in a
column, with "[]" for each element of a list. tests/exports/test_audience_canary.py plants a
marker in every INTERNAL and unchosen CHOSEN field and proves no customer file carries one;
it also fails when a column or a document key is not classified here, so a new field is
internal until someone decides otherwise.
"""

from __future__ import annotations

from enum import StrEnum


class FieldUse(StrEnum):
    CUSTOMER = "customer"
    CHOSEN = "customer when chosen"
    INTERNAL = "internal"


C, X, I = FieldUse.CUSTOMER, FieldUse.CHOSEN, FieldUse.INTERNAL  # noqa: E741

STORED_FIELDS: dict[str, FieldUse] = {
    # The account: who the customer is. Everything about how we see them is ours.
    "account.id": I, "account.name": C, "account.name_key": I, "account.industry": I,
    "account.country": I, "account.employee_band": I, "account.arr": I,
    "account.currency": C,
    # Their contract as they hold it: the renewal slide shows it when the renewal is near.
    "account.licensed_seats": C, "account.renewal_date": C,
    "account.csm_owner": C,  # the CSM signs the customer's emails with it
    "account.tier_override": I, "account.notes": I, "account.external_id": I,
    "account.customer_since": C, "account.created_at": I, "account.updated_at": I,
    "account.language": C,  # a language code: the customer's files are written in it
    # Their people: a name, a title and an address are theirs; the rest is our reading.
    "contact.id": I, "contact.account_id": I, "contact.name": C, "contact.title": C,
    "contact.email": C,  # only as a recipient of the customer's own emails
    "contact.phone": I, "contact.level": I, "contact.external_id": I,
    "contact.department": I, "contact.role": I, "contact.influence": I,
    "contact.sentiment": I, "contact.strength": I, "contact.last_contact": I,
    "contact.owner": I, "contact.owner_name": I, "contact.priorities": I,
    "contact.concerns": I, "contact.notes": I, "contact.departed": I, "contact.pre_aligned": I,
    "contact.manager_id": C,  # reporting lines are drawn on the customer's map
    "contact.map_x": I, "contact.map_y": I, "contact.created_at": I, "contact.updated_at": I,
    "influence_link.id": I, "influence_link.account_id": I, "influence_link.source_id": I,
    "influence_link.target_id": I, "influence_link.strength": I,
    "review_attendance.review_id": I, "review_attendance.contact_id": I,
    "review_attendance.invited": I, "review_attendance.confirmed": C,
    "review_attendance.attended": C,
    # Reviews and their preparation: the meeting is shared, the preparation is ours.
    "review.id": I, "review.account_id": I, "review.scheduled_at": C, "review.time_zone": C,
    "review.format": I, "review.kind": I, "review.status": I, "review.playbook": I,
    "review.duration_minutes": C, "review.executives_confirmed": I, "review.created_at": I,
    "review.updated_at": I,
    "prep_task.id": I, "prep_task.review_id": I, "prep_task.key": I, "prep_task.phase": I,
    "prep_task.title": I, "prep_task.description": I, "prep_task.owner": I,
    "prep_task.outputs": I, "prep_task.feature": I, "prep_task.offset_days": I,
    "prep_task.due_date": I, "prep_task.position": I, "prep_task.done_at": I,
    "prep_task.created_at": I, "prep_task.updated_at": I,
    # Metrics: the customer sees figures derived from them, never a row as stored.
    "metric_snapshot.id": I, "metric_snapshot.account_id": I, "metric_snapshot.period": I,
    "metric_snapshot.metric_key": I, "metric_snapshot.value": I,
    "account_insight.account_id": I, "account_insight.formula_version": I,
    "account_insight.health": I, "account_insight.band": I, "account_insight.change": I,
    "account_insight.confidence": I, "account_insight.latest_quarter": I,
    "account_insight.readiness": I, "account_insight.expansion": I,
    "setting.key": I, "setting.value": I,
    "import_layout.fingerprint": I, "import_layout.kind": I, "import_layout.mapping": I,
    "import_layout.updated_at": I,
    # The catalogue and the white space: a proposal names what it offers and its price.
    "product_module.id": I, "product_module.name": C, "product_module.name_key": I,
    "product_module.kind": I, "product_module.pricing": I, "product_module.price": C,
    "product_module.currency": C, "product_module.description": I,
    "product_module.created_at": I, "product_module.updated_at": I,
    "account_module.account_id": I, "account_module.module_id": I,
    "account_department.id": I, "account_department.account_id": I,
    "account_department.name": C, "account_department.headcount": C,
    "account_department.uses_product": I,
    # The register: a title the CSM ticks is for the slide; the detail never is.
    "risk_item.id": I, "risk_item.account_id": I, "risk_item.kind": X, "risk_item.title": X,
    "risk_item.detail": I, "risk_item.likelihood": X, "risk_item.impact": X,
    "risk_item.status": I, "risk_item.origin": I, "risk_item.created_at": I,
    "risk_item.updated_at": I,
    # ROI: the value story and the lines it is told from are written for the customer.
    "roi_model.account_id": I, "roi_model.quarter": I, "roi_model.document": C,
    "roi_model.story": C, "roi_model.updated_at": I,
    "roi_model.document:version": I, "roi_model.document:currency": C,
    "roi_model.document:quarter": I, "roi_model.document:discount_rate": I,
    "roi_model.document:lines": C, "roi_model.document:investments": I,
    "roi_model.document:lines[].id": I, "roi_model.document:lines[].label": C,
    "roi_model.document:lines[].category": C, "roi_model.document:lines[].period_days": I,
    "roi_model.document:lines[].confidence": C, "roi_model.document:lines[].weight": I,
    # A goal agreed with the customer: where it started, where it should go, where it is.
    "roi_model.document:lines[].baseline": C, "roi_model.document:lines[].target": C,
    "roi_model.document:lines[].outcome": C, "roi_model.document:lines[].description": C,
    "roi_model.document:lines[].evidence": I, "roi_model.document:lines[].multipliers": I,
    "roi_model.document:lines[].inputs": I,
    "roi_model.document:investments[].label": I, "roi_model.document:investments[].kind": I,
    "roi_model.document:investments[].amount": I,
    "roi_model.document:investments[].recurring": I,
    # The meeting: its agenda is on the room's screen; what was said in it stays ours.
    "agenda.review_id": I, "agenda.template": I, "agenda.slot_minutes": I,
    "agenda.updated_at": I,
    "agenda_section.id": I, "agenda_section.review_id": I, "agenda_section.key": I,
    "agenda_section.position": I, "agenda_section.title": C, "agenda_section.minutes": I,
    "agenda_section.owner": I, "agenda_section.focus": I, "agenda_section.prompt": I,
    "agenda_section.notes": I,
    "meeting_run.review_id": I, "meeting_run.boot_id": I, "meeting_run.events": I,
    "meeting_run.started_at": I, "meeting_run.finished_at": I, "meeting_run.updated_at": I,
    "action_item.id": I, "action_item.account_id": I, "action_item.review_id": I,
    "action_item.section": I, "action_item.text": C, "action_item.side": C,
    "action_item.owner": C, "action_item.due": C, "action_item.status": C,
    "action_item.created_at": I, "action_item.updated_at": I,
    # What the CSM writes for the customer after the meeting.
    "review_recap.review_id": I, "review_recap.summary": C, "review_recap.decisions": C,
    "review_recap.updated_at": I,
    # Calendar exports: the numbers calendars use to tell an update from an old copy.
    "calendar_event.uid": I, "calendar_event.sequence": I, "calendar_event.fingerprint": I,
    "calendar_event.updated_at": I,
    # The deck plan: what it says is for the slides; where its files live is not.
    "deck_plan.account_id": I, "deck_plan.document": C, "deck_plan.updated_at": I,
    "deck_plan.document:version": I, "deck_plan.document:variant": I,
    "deck_plan.document:outline": I, "deck_plan.document:roadmap": C,
    "deck_plan.document:priorities": C, "deck_plan.document:recommendations": C,
    "deck_plan.document:accent": C, "deck_plan.document:template": I,
    "deck_plan.document:logo": I, "deck_plan.document:shown_risks": I,
    "deck_plan.document:hidden_risks": I,
    # The QBR programme: how a held review went and the deck's manager review are ours.
    "review_outcome.review_id": I, "review_outcome.preparation": I,
    "review_outcome.engagement": I, "review_outcome.follow_up": I,
    "review_outcome.answered_on": I, "review_outcome.survey_score": I,
    "review_outcome.recorded_by": I, "review_outcome.recorded_at": I,
    "deck_review.account_id": I, "deck_review.state": I, "deck_review.ready_by": I,
    "deck_review.ready_at": I, "deck_review.approved_by": I, "deck_review.approved_at": I,
    "deck_review.reviewer_id": I, "deck_review.changes_by": I, "deck_review.changes_at": I,
    "deck_review.changes_reason": I, "deck_review.updated_by": I,
    "deck_review.updated_at": I, "deck_review.version": I, "review_outcome.version": I,
    # Team mode: who owns and who last saved a row, and the bookkeeping behind the conflict
    # checks. The signature uses account.csm_owner, so none of these needs to leave.
    "account.owner_id": I, "account.updated_by": I, "account.version": I,
    "contact.updated_by": I, "contact.version": I,
    "review.updated_by": I, "review.version": I, "prep_task.updated_by": I,
    "prep_task.version": I, "agenda.updated_by": I, "agenda.version": I,
    "agenda_section.updated_by": I, "agenda_section.version": I,
    "agenda_section.updated_at": I, "action_item.updated_by": I, "action_item.version": I,
    "roi_model.updated_by": I, "roi_model.version": I, "risk_item.updated_by": I,
    "risk_item.version": I, "review_recap.updated_by": I, "review_recap.version": I,
    "deck_plan.updated_by": I, "deck_plan.version": I,
    "change_counter.name": I, "change_counter.value": I,
    "csm.id": I, "csm.name": I, "csm.name_key": I, "csm.email": I, "csm.login": I,
    "csm.created_at": I,
    "field_change.table_name": I, "field_change.row_id": I, "field_change.field": I,
    "field_change.changed_by": I, "field_change.changed_at": I,
}


def use_of(field: str) -> FieldUse:
    """A field's class; an unknown field is internal."""
    return STORED_FIELDS.get(field, FieldUse.INTERNAL)
