"""The tables, as typed SQLAlchemy declarative models.

The schema itself is owned by the Alembic migrations in ``migrations/versions``; a test
checks that these models and the migrated schema agree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql import false, text

from qbr_desktop.store.types import MoneyAmount, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class AccountRow(Base):
    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("arr >= 0", name="arr_not_negative"),
        CheckConstraint("licensed_seats >= 0", name="seats_not_negative"),
        Index("ix_account_external_id", "external_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # NFKC + casefold of the name: the unique key that makes names case-insensitive
    # on every database without collation tricks.
    name_key: Mapped[str] = mapped_column(Text, unique=True)
    industry: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    employee_band: Mapped[str] = mapped_column(String(40), default="")
    arr: Mapped[Decimal] = mapped_column(MoneyAmount, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    licensed_seats: Mapped[int] = mapped_column(Integer, default=0)
    renewal_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    csm_owner: Mapped[str] = mapped_column(String(200), default="")
    # The owner as a member of the team (migration 0013); csm_owner is their name as shown.
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("csm.id", ondelete="SET NULL"), nullable=True, index=True)
    tier_override: Mapped[str | None] = mapped_column(String(40), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The CRM's id for this account: re-imports match on it before the name.
    external_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    customer_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The language the customer's files are written in (migration 0017): "en", "zh_CN".
    language: Mapped[str] = mapped_column(String(20), default="en", server_default="en")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save (an update of a row changed since it was read fails), and who
    # saved last: a refused save names them (migration 0012).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}

    contacts: Mapped[list[ContactRow]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True
    )
    reviews: Mapped[list[ReviewRow]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True
    )
    metrics: Mapped[list[MetricSnapshotRow]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True
    )
    departments: Mapped[list[DepartmentRow]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True,
        order_by="DepartmentRow.name",
    )
    risks: Mapped[list[RiskItemRow]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True
    )
    modules: Mapped[list[ProductModuleRow]] = relationship(secondary="account_module")


class ContactRow(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    level: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    department: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The stakeholder map's facts about the person (see domain/stakeholders.py).
    role: Mapped[str] = mapped_column(String(30), default="user", server_default="user")
    influence: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    sentiment: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    strength: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    last_contact: Mapped[date | None] = mapped_column(Date, nullable=True)
    owner: Mapped[str] = mapped_column(String(30), default="CSM", server_default="CSM")
    owner_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    priorities: Mapped[str] = mapped_column(Text, default="", server_default="")
    concerns: Mapped[str] = mapped_column(Text, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    departed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    pre_aligned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True)
    map_x: Mapped[float | None] = mapped_column(Float, nullable=True)
    map_y: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}

    account: Mapped[AccountRow] = relationship(back_populates="contacts")


class InfluenceLinkRow(Base):
    """One person sways another (a dashed line on the stakeholder map)."""

    __tablename__ = "influence_link"
    __table_args__ = (
        CheckConstraint("source_id <> target_id", name="not_self"),
        UniqueConstraint("source_id", "target_id", name="uq_influence_link_pair"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    strength: Mapped[int] = mapped_column(Integer, default=2)


class AttendanceRow(Base):
    """A person's place in one review: invited, confirmed, attended."""

    __tablename__ = "review_attendance"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True)
    invited: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)


class ReviewRow(Base):
    """A QBR, EBR or digital review with one account."""

    __tablename__ = "review"
    __table_args__ = (
        # The Portfolio overview's next planned review per account (migration 0018).
        Index("ix_review_planned_account", "account_id", "scheduled_at",
              sqlite_where=text("status = 'planned'"),
              postgresql_where=text("status = 'planned'")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    scheduled_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    time_zone: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    #: The playbook its preparation plan was made from (None: no plan).
    playbook: Mapped[str | None] = mapped_column(String(100), nullable=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60, server_default="60")
    executives_confirmed: Mapped[bool] = mapped_column(Boolean, default=False,
                                                       server_default=false())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}

    account: Mapped[AccountRow] = relationship(back_populates="reviews")
    tasks: Mapped[list[PrepTaskRow]] = relationship(
        back_populates="review", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PrepTaskRow.position")


class PrepTaskRow(Base):
    """One task of a review's preparation plan, with its due date and whether it is done."""

    __tablename__ = "prep_task"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), index=True)
    key: Mapped[str | None] = mapped_column(String(100), nullable=True)
    phase: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(40))
    outputs: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    feature: Mapped[str | None] = mapped_column(String(40), nullable=True)
    offset_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due_date: Mapped[date] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}

    review: Mapped[ReviewRow] = relationship(back_populates="tasks")


class MetricSnapshotRow(Base):
    __tablename__ = "metric_snapshot"
    __table_args__ = (UniqueConstraint("account_id", "period", "metric_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(String(7))  # "2026Q3"
    metric_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(Float)

    account: Mapped[AccountRow] = relationship(back_populates="metrics")


class SettingRow(Base):
    """Portfolio-wide settings that the CLI and the window share (JSON values)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DepartmentRow(Base):
    """A department of the customer's organisation, and whether it uses the product yet."""

    __tablename__ = "account_department"
    __table_args__ = (
        UniqueConstraint("account_id", "name"),
        CheckConstraint("headcount >= 0", name="headcount_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    uses_product: Mapped[bool] = mapped_column(Boolean, default=False)

    account: Mapped[AccountRow] = relationship(back_populates="departments")


class ProductModuleRow(Base):
    """An entry of the CSM's product catalogue: an add-on module or a higher plan."""

    __tablename__ = "product_module"
    __table_args__ = (CheckConstraint("price >= 0", name="price_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # "module" or "plan"
    pricing: Mapped[str] = mapped_column(String(20))  # "per_seat" or "flat"
    price: Mapped[Decimal] = mapped_column(MoneyAmount)  # a year, per seat or flat
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class AccountModuleRow(Base):
    """Which catalogue entries an account already owns."""

    __tablename__ = "account_module"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    module_id: Mapped[int] = mapped_column(
        ForeignKey("product_module.id", ondelete="CASCADE"), primary_key=True)


class RiskItemRow(Base):
    """A risk or an opportunity, placed by likelihood and impact (1-5 each)."""

    __tablename__ = "risk_item"
    __table_args__ = (
        CheckConstraint("likelihood BETWEEN 1 AND 5", name="likelihood_range"),
        CheckConstraint("impact BETWEEN 1 AND 5", name="impact_range"),
        # The Portfolio overview's open risks and opportunities per account (migration 0018).
        Index("ix_risk_item_open_account", "account_id", "kind",
              sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "risk" or "opportunity"
    title: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="open")  # "open" or "closed"
    origin: Mapped[str] = mapped_column(String(20), default="manual")  # or "suggested"
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}

    account: Mapped[AccountRow] = relationship(back_populates="risks")


class AccountInsightRow(Base):
    """One account's computed health, trend and expansion, as the portfolio view shows them.

    Derived data: triggers (migration 0003 on SQLite, 0011 on PostgreSQL) delete a row
    whenever its inputs change, and ``formula_version`` lets a newer release ignore rows an
    older formula produced.
    """

    __tablename__ = "account_insight"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    formula_version: Mapped[int] = mapped_column(Integer)
    health: Mapped[float | None] = mapped_column(Float, nullable=True)
    band: Mapped[str | None] = mapped_column(String(10), nullable=True)
    change: Mapped[float | None] = mapped_column(Float, nullable=True)
    confidence: Mapped[float] = mapped_column(Float)
    latest_quarter: Mapped[str | None] = mapped_column(String(7), nullable=True)
    readiness: Mapped[str] = mapped_column(String(20))
    expansion: Mapped[str] = mapped_column(String(40))  # a Decimal, exact as text


class RoiModelRow(Base):
    """An account's ROI model for one quarter: a JSON document and its value story."""

    __tablename__ = "roi_model"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    quarter: Mapped[str] = mapped_column(String(7), primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    story: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class ImportLayoutRow(Base):
    """The column mapping last used for a file layout (its kind and header names)."""

    __tablename__ = "import_layout"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    mapping: Mapped[str] = mapped_column(Text)  # JSON: {field: header}
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class AgendaRow(Base):
    """A review's agenda: the template it started from and the booked slot."""

    __tablename__ = "agenda"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    template: Mapped[str] = mapped_column(String(100))
    slot_minutes: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class AgendaSectionRow(Base):
    """One timed section of a review's agenda, with the notes taken while it ran."""

    __tablename__ = "agenda_section"
    __table_args__ = (UniqueConstraint("review_id", "key", name="uq_agenda_section_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(
        ForeignKey("agenda.review_id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    minutes: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(20))
    focus: Mapped[str] = mapped_column(String(20))
    prompt: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True,
                                                        default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class MeetingRunRow(Base):
    """A review's meeting as it runs: every control pressed, with both clocks' readings."""

    __tablename__ = "meeting_run"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    boot_id: Mapped[str] = mapped_column(String(80))
    events: Mapped[str] = mapped_column(Text)  # JSON list: at, wall, kind, section, seconds
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ActionItemRow(Base):
    """A commitment from a QBR, ours or the customer's, tracked until done."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True)
    review_id: Mapped[int | None] = mapped_column(
        ForeignKey("review.id", ondelete="SET NULL"), nullable=True, index=True)
    section: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    side: Mapped[str] = mapped_column(String(10))
    owner: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class DeckPlanRow(Base):
    """The CSM's deck choices for an account (domain/deck_plan.py's document, as JSON)."""

    __tablename__ = "deck_plan"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class ReviewRecapRow(Base):
    """What the CSM writes for the customer after a review (domain.audience.followup.Recap)."""

    __tablename__ = "review_recap"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    decisions: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Raised by every save, and who saved last (migration 0015): see AccountRow.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class CalendarEventRow(Base):
    """The last calendar export of one event (a meeting or a task) by its UID.

    Calendars ignore an update whose SEQUENCE is not above the one they hold, so the
    number is stored and raised only when the exported content (its fingerprint) changed.
    """

    __tablename__ = "calendar_event"
    __table_args__ = (
        CheckConstraint("sequence >= 0", name="sequence_not_negative"),
    )

    uid: Mapped[str] = mapped_column(String(255), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 hex of the content
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ReviewOutcomeRow(Base):
    """What the CSM recorded after a held review: the customer's preparation and engagement,
    the follow-up answer and the post-QBR survey (domain/programme/review_health.py)."""

    __tablename__ = "review_outcome"
    __table_args__ = (
        CheckConstraint("survey_score BETWEEN 0 AND 10", name="survey_range"),
        CheckConstraint("preparation IN ('green', 'yellow', 'red')", name="preparation_signal"),
        CheckConstraint("engagement IN ('green', 'yellow', 'red')", name="engagement_signal"),
        CheckConstraint("follow_up IN ('green', 'yellow', 'red')", name="follow_up_signal"),
    )

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    preparation: Mapped[str | None] = mapped_column(String(10), nullable=True)
    engagement: Mapped[str | None] = mapped_column(String(10), nullable=True)
    follow_up: Mapped[str | None] = mapped_column(String(10), nullable=True)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    survey_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    recorded_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class DeckReviewRow(Base):
    """An account's deck on its way to the CS manager: ready for review, then approved."""

    __tablename__ = "deck_review"
    __table_args__ = (
        CheckConstraint("state IN ('draft', 'ready', 'approved', 'changes')",
                        name="state_known"),
    )

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    ready_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    ready_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    approved_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # Handed to this team member (migration 0016); None: to no one in particular.
    reviewer_id: Mapped[int | None] = mapped_column(
        ForeignKey("csm.id", ondelete="SET NULL"), nullable=True, index=True)
    changes_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    changes_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    changes_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class ChangeCounterRow(Base):
    """A named counter that writers raise (migration 0011 says which and why)."""

    __tablename__ = "change_counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class CsmRow(Base):
    """A member of the team: owns accounts, saves changes (migration 0013)."""

    __tablename__ = "csm"
    __table_args__ = (Index("ix_csm_login", "login", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, unique=True)
    email: Mapped[str] = mapped_column(String(320), default="", server_default="")
    # The database role they sign in with, for row-level security (README, Team server).
    login: Mapped[str | None] = mapped_column(String(63), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class FieldChangeRow(Base):
    """Who changed one field of one row last, and when (migration 0012)."""

    __tablename__ = "field_change"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    changed_by: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
