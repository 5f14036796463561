"""Reading every byte a customer receives, as text, and planting markers in private fields.

A marker is "QQ" + a number + "QQ": nothing a customer file says contains "QQ" otherwise,
so any "QQ" in a file is a leak, even where a writer cut the text short ("QQ01…").
"""

from __future__ import annotations

import email
import email.policy
import html
import io
import json
import re
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from sqlalchemy import String, Text, select, update
from sqlalchemy.orm import Session

from qbr_desktop.domain.audience.fields import STORED_FIELDS, FieldUse
from qbr_desktop.store.models import Base, DeckPlanRow, RoiModelRow

MARKER = re.compile(r"QQ\d+QQ")

# Stored text that is not free text: keys, enumerations, documents parsed on reading. They
# cannot hold a marker (the app would refuse the row); EXEMPT_WORDS checks their words.
NOT_FREE_TEXT = {
    "review_outcome.preparation": "green, yellow or red (a check)",
    "review_outcome.engagement": "green, yellow or red (a check)",
    "review_outcome.follow_up": "green, yellow or red (a check)",
    "deck_review.state": "draft, ready, approved or changes (a check)",
    "change_counter.name": "a counter's key", "field_change.table_name": "a table's name",
    "field_change.field": "a column's name", "csm.name_key": "the name's unique key",
    "csm.login": "a database role",
    "account.name_key": "the name's unique key", "account.currency": "an ISO code",
    "account.tier_override": "a tier name (its words are checked)",
    "contact.level": "an enumeration", "contact.role": "an enumeration (words checked)",
    "contact.owner": "an enumeration", "review.time_zone": "an IANA zone",
    "review.format": "an enumeration", "review.kind": "an enumeration",
    "review.status": "an enumeration", "review.playbook": "a playbook's name (words checked)",
    "prep_task.key": "a playbook key", "prep_task.phase": "an enumeration",
    "prep_task.owner": "an enumeration", "prep_task.outputs": "a JSON list",
    "prep_task.feature": "an enumeration", "metric_snapshot.period": "a quarter",
    "metric_snapshot.metric_key": "a metric key", "setting.key": "a key",
    "setting.value": "JSON", "import_layout.fingerprint": "a hash",
    "import_layout.kind": "an enumeration", "import_layout.mapping": "JSON",
    "product_module.name_key": "a unique key", "product_module.kind": "an enumeration",
    "product_module.pricing": "an enumeration", "risk_item.kind": "an enumeration",
    "risk_item.status": "an enumeration", "risk_item.origin": "an enumeration",
    "account_insight.band": "an enumeration (words checked)",
    "account_insight.latest_quarter": "a quarter", "account_insight.readiness": "an enumeration",
    "account_insight.expansion": "a number", "roi_model.quarter": "a quarter",
    "roi_model.document": "JSON (its keys are planted one by one)",
    "agenda.template": "a template's name", "agenda_section.key": "a section key",
    "agenda_section.owner": "an enumeration", "agenda_section.focus": "an enumeration",
    "meeting_run.boot_id": "a boot id", "meeting_run.events": "JSON",
    "action_item.side": "an enumeration", "action_item.status": "an enumeration",
    "deck_plan.document": "JSON (its keys are planted one by one)",
    "review_recap.decisions": "JSON (customer text)",
    "calendar_event.uid": "an id", "calendar_event.fingerprint": "a hash",
}
UNIQUE_TEXT = {"account.external_id"}

# Words an internal enumeration or rule brings with it, in the forms the app writes them.
# Role words alone ("champion") are not here: customers use them too ("pick the champions
# for each region"); people reach customer files as PersonFigure, which has no role at all
# (test_people_cross_the_boundary_without_their_role).
EXEMPT_WORDS = (
    "economic buyer", "detractor", "blocker", "at risk", "healthy", "top 10%", "top 25%",
    "bottom 10%", "bottom 25%", "percentile", "peer median in", "Customer sentiment",
    "Support health", "Executive relationship", "(suggested)", "· Strategic", "· Growth",
    "· Core", "Strategic ·", "Growth ·", "Core ·", "playbook", "the whole portfolio",
    "health band", "Health is red",
)


@dataclass
class Planted:
    """Which marker went into which field."""

    by_marker: dict[str, str]

    def name(self, found: str) -> str:
        return self.by_marker.get(found, f"a marker cut short ({found})")


def is_free_text(field: str, column: Any) -> bool:
    return isinstance(column.type, String | Text) and field not in NOT_FREE_TEXT


def private_text_fields() -> list[tuple[str, Any, Any]]:
    """(field, table, column) of every private free-text column."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            field = f"{table.name}.{column.name}"
            use = STORED_FIELDS.get(field, FieldUse.INTERNAL)
            if use is not FieldUse.CUSTOMER and is_free_text(field, column):
                found.append((field, table, column))
    return found


def plant_markers(session: Session) -> Planted:
    """Every private free-text field of every row, and the private keys of the stored JSON
    documents, set to a marker naming the field."""
    by_marker: dict[str, str] = {}

    def marker(field: str) -> str:
        text = f"QQ{len(by_marker) + 1:03d}QQ"
        by_marker[text] = field
        return text

    for field, table, column in private_text_fields():
        text = marker(field)
        if field in UNIQUE_TEXT:
            key = list(table.primary_key.columns)[0]
            for row_id in session.scalars(select(key)):
                session.execute(update(table).where(key == row_id)
                                .values({column.name: f"{text}{row_id}"}))
        else:
            session.execute(update(table).values({column.name: text}))
    evidence, investment = marker("roi_model.document:lines[].evidence"), marker(
        "roi_model.document:investments[].label")
    for row in session.scalars(select(RoiModelRow)):
        document = json.loads(row.document)
        for line in document.get("lines", []):
            line["evidence"] = evidence
        for item in document.get("investments", []):
            item["label"] = investment
        row.document = json.dumps(document)
    template, logo = (marker("deck_plan.document:template"),
                      marker("deck_plan.document:logo"))
    for plan in session.scalars(select(DeckPlanRow)):
        document = json.loads(plan.document)
        document["template"] = f"/nowhere/{template}/brand.pptx"
        document["logo"] = f"/nowhere/{logo}/logo.png"
        plan.document = json.dumps(document)
    return Planted(by_marker)


# Reading what a customer receives ----------------------------------------------------------
def pdf_text(data: bytes) -> str:
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode("utf-8")
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True,
                          check=True).stdout.decode("utf-8", "replace")
    return text + "\n" + info


def zip_texts(data: bytes, *, skip: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(part name, text) of every part of a zip (a PPTX, the XLSX inside a chart), with XML
    entities decoded; nested zips are opened too."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith(skip):
                continue
            raw = archive.read(name)
            if raw[:2] == b"PK":
                for inner, text in zip_texts(raw):
                    yield f"{name}!{inner}", text
            elif name.endswith((".xml", ".rels", ".vml")):
                yield name, html.unescape(raw.decode("utf-8", "replace"))


def email_texts(data: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) of every header and part of an .eml, attachments opened."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    for name, value in message.items():
        yield f"header {name}", str(value)
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        for name, value in part.items():
            yield f"{kind} header {name}", str(value)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        if kind.startswith("text/"):
            yield kind, payload.decode(part.get_content_charset() or "utf-8", "replace")
        elif kind == "application/pdf":
            yield f"attached {part.get_filename()}", pdf_text(payload)
        elif payload[:2] == b"PK":
            for inner, text in zip_texts(payload):
                yield f"attached {part.get_filename()}!{inner}", text
        else:
            raise AssertionError(f"an attachment of a type the canary cannot read: {kind}")


def ics_text(data: bytes) -> str:
    """The calendar unfolded and unescaped, as a calendar program reads it."""
    text = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    return (text.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",")
            .replace("\\;", ";").replace("\\\\", "\\"))


def leaks(text: str, planted: Planted) -> list[str]:
    """The private fields whose marker or words `text` carries. White space is ignored in
    the search, since a PDF's text can break a marker over lines."""
    compact = "".join(text.split())
    found = [planted.name(match) for match in MARKER.findall(compact)]
    if compact.count("QQ") > 2 * len(found):
        found.append("a marker cut short")
    folded = text.casefold()
    found += [f"the words “{words}”" for words in EXEMPT_WORDS if words.casefold() in folded]
    return found
