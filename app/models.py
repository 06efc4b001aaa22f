"""The schema: SQLAlchemy 2 typed models. Alembic revisions are checked against these (`alembic check`)."""

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ORDER_STATUSES = ("in_force", "revoked", "amended")
DEADLINE_KINDS = ("days_after_signing", "date", "recurring", "days_after_event")
MODALS = ("shall", "should", "must", "may", "is directed to")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class President(Base):
    __tablename__ = "presidents"

    slug: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class Agency(Base):
    """An FR agency; `id` is the Federal Register's own agency id."""

    __tablename__ = "agencies"
    __table_args__ = (
        Index("ix_agencies_name_trgm", "name", postgresql_using="gin", postgresql_ops={"name": "gin_trgm_ops"}),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    slug: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="SET NULL"), index=True)
    url: Mapped[str | None] = mapped_column(Text)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(_in("status", ORDER_STATUSES), name="status"),
        Index("ix_orders_signing_date_eo_number", "signing_date", "eo_number"),
        Index("ix_orders_president_slug_signing_date", "president_slug", "signing_date"),
        Index("ix_orders_updated_at", "updated_at"),
        Index("ix_orders_changed_at", text("greatest(updated_at, status_changed_at)")),
        Index("ix_orders_search", "search", postgresql_using="gin"),
        Index("ix_orders_title_trgm", "title", postgresql_using="gin", postgresql_ops={"title": "gin_trgm_ops"}),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    eo_number: Mapped[int] = mapped_column(Integer, unique=True)
    document_number: Mapped[str | None] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text)
    president_slug: Mapped[str] = mapped_column(ForeignKey("presidents.slug"))
    signing_date: Mapped[date] = mapped_column(Date)
    publication_date: Mapped[date | None] = mapped_column(Date)
    citation: Mapped[str | None] = mapped_column(Text)
    disposition_notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text, server_default="in_force")
    html_url: Mapped[str | None] = mapped_column(Text)
    full_text_xml_url: Mapped[str | None] = mapped_column(Text)
    body_html_url: Mapped[str | None] = mapped_column(Text)
    raw_text_url: Mapped[str | None] = mapped_column(Text)
    text_format: Mapped[str | None] = mapped_column(
        Text, comment="fr_xml or text: what the provisions were parsed from"
    )
    text_source: Mapped[str | None] = mapped_column(Text, comment="provenance of the text, as the source states it")
    content_hash: Mapped[str] = mapped_column(Text, comment="hash of everything loaded for this order")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), comment="when this order's own record last changed"
    )
    status_changed_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="when a later order last changed this order's status"
    )
    search: Mapped[str] = mapped_column(TSVECTOR, Computed("to_tsvector('english', title)", persisted=True))


class Provision(Base):
    """One numbered unit of an order's text; `id` is stable across re-ingests (eo-14409-2-d)."""

    __tablename__ = "provisions"
    __table_args__ = (
        UniqueConstraint("order_id", "position", name="uq_provisions_order_id_position"),
        Index("ix_provisions_search", "search", postgresql_using="gin"),
    )

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("provisions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, comment="place in the order's text, from 1")
    ordinal: Mapped[int] = mapped_column(Integer, comment="place among its siblings, from 1")
    depth: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[str] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    heading: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    search: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed("to_tsvector('english', coalesce(heading, '') || ' ' || text)", persisted=True),
    )


class OrderAgency(Base):
    __tablename__ = "order_agencies"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), primary_key=True, index=True)
    source: Mapped[str] = mapped_column(Text, comment="fr_metadata or text")


class OrderRelation(Base):
    """A directed relation as one order states it (its notes or its text); inverses are derived when read."""

    __tablename__ = "order_relations"
    __table_args__ = (
        UniqueConstraint("order_id", "kind", "target_eo_number", name="uq_order_relations_order_id_kind_target"),
        Index("ix_order_relations_target_eo_number", "target_eo_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(Text)
    target_eo_number: Mapped[int] = mapped_column(Integer, comment="may name an order older than the corpus")
    partial: Mapped[bool] = mapped_column(Boolean, server_default="false")
    source: Mapped[str] = mapped_column(Text, comment="notes or text")
    evidence: Mapped[str] = mapped_column(Text, comment="the note line or sentence the relation was read from")


class Obligation(Base):
    __tablename__ = "obligations"
    __table_args__ = (
        CheckConstraint(_in("modal", MODALS), name="modal"),
        CheckConstraint(f"deadline_kind IS NULL OR {_in('deadline_kind', DEADLINE_KINDS)}", name="deadline_kind"),
        UniqueConstraint("provision_id", "ordinal", name="uq_obligations_provision_id_ordinal"),
        Index("ix_obligations_due_date", "due_date"),
        Index("ix_obligations_order_id", "order_id"),
        Index("ix_obligations_search", "search", postgresql_using="gin"),
    )

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    provision_id: Mapped[str] = mapped_column(ForeignKey("provisions.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(
        Text, comment="the directive's own label: its provision's, or an inline item's within it (3(a)(ii))"
    )
    modal: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer, comment="where the sentence starts in the provision's text")
    span_end: Mapped[int] = mapped_column(Integer, comment="where it ends (exclusive)")
    deadline_kind: Mapped[str | None] = mapped_column(Text)
    deadline_days: Mapped[int | None] = mapped_column(Integer)
    due_date: Mapped[date | None] = mapped_column(Date)
    recurrence: Mapped[str | None] = mapped_column(Text)
    deadline_event: Mapped[str | None] = mapped_column(Text)
    search: Mapped[str] = mapped_column(TSVECTOR, Computed("to_tsvector('english', text)", persisted=True))


class ObligationActor(Base):
    __tablename__ = "obligation_actors"

    obligation_id: Mapped[str] = mapped_column(ForeignKey("obligations.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, comment="canonical full name")
    as_written: Mapped[str] = mapped_column(Text, comment="the name as the order writes it")
    acting_through: Mapped[str | None] = mapped_column(Text, comment="X, through Y: the office X acts through")
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="SET NULL"), index=True)


class SyncRun(Base):
    """One run of `eokb sync`: what it asked the Federal Register API for and how it ended."""

    __tablename__ = "sync_runs"
    __table_args__ = (CheckConstraint(_in("status", ("running", "succeeded", "failed")), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    full: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(Text, server_default="running")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    listed: Mapped[int] = mapped_column(Integer, server_default="0")
    loaded: Mapped[int] = mapped_column(Integer, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    failed: Mapped[int] = mapped_column(Integer, server_default="0")
    requests: Mapped[int] = mapped_column(Integer, server_default="0")
    error: Mapped[str | None] = mapped_column(Text)


class SyncedDocument(Base):
    """What the last sync saw of one order, so the next asks only for what is new or changed."""

    __tablename__ = "synced_documents"
    __table_args__ = (CheckConstraint(_in("status", ("loaded", "failed")), name="status"),)

    eo_number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document_number: Mapped[str | None] = mapped_column(Text)
    publication_date: Mapped[date | None] = mapped_column(Date)
    metadata_hash: Mapped[str] = mapped_column(Text, comment="hash of the FR document's metadata")
    text_hash: Mapped[str | None] = mapped_column(Text, comment="hash of the full text fetched")
    status: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text, comment="why the last attempt failed")
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class DataState(Base):
    """The single row whose version labels the served data: HTTP ETags are made from it."""

    __tablename__ = "data_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(
        BigInteger, comment="bumped by every ingest transaction that changes what the API serves"
    )
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
