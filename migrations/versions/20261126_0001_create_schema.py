"""Create the schema: orders, provisions, agencies, obligations and their actors, relations.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 04:51:00.752669
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("slug", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("short_name", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["agencies.id"], name=op.f("fk_agencies_parent_id_agencies"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("slug", name=op.f("uq_agencies_slug")),
    )
    op.create_index(op.f("ix_agencies_parent_id"), "agencies", ["parent_id"], unique=False)
    op.create_table(
        "presidents",
        sa.Column("slug", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_presidents")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("eo_number", sa.Integer(), nullable=False),
        sa.Column("document_number", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("president_slug", sa.Text(), nullable=False),
        sa.Column("signing_date", sa.Date(), nullable=False),
        sa.Column("publication_date", sa.Date(), nullable=True),
        sa.Column("citation", sa.Text(), nullable=True),
        sa.Column("disposition_notes", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), server_default="in_force", nullable=False),
        sa.Column("html_url", sa.Text(), nullable=True),
        sa.Column("full_text_xml_url", sa.Text(), nullable=True),
        sa.Column("body_html_url", sa.Text(), nullable=True),
        sa.Column("raw_text_url", sa.Text(), nullable=True),
        sa.Column(
            "text_format", sa.Text(), nullable=True, comment="fr_xml or text: what the provisions were parsed from"
        ),
        sa.Column("text_source", sa.Text(), nullable=True, comment="provenance of the text, as the source states it"),
        sa.Column("content_hash", sa.Text(), nullable=False, comment="hash of everything loaded for this order"),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("status IN ('in_force', 'revoked', 'amended')", name=op.f("ck_orders_status")),
        sa.ForeignKeyConstraint(
            ["president_slug"], ["presidents.slug"], name=op.f("fk_orders_president_slug_presidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("document_number", name=op.f("uq_orders_document_number")),
        sa.UniqueConstraint("eo_number", name=op.f("uq_orders_eo_number")),
    )
    op.create_index("ix_orders_president_slug_signing_date", "orders", ["president_slug", "signing_date"], unique=False)
    op.create_index("ix_orders_signing_date_eo_number", "orders", ["signing_date", "eo_number"], unique=False)
    op.create_index("ix_orders_updated_at", "orders", ["updated_at"], unique=False)
    op.create_table(
        "order_agencies",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False, comment="fr_metadata or text"),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_order_agencies_agency_id_agencies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_agencies_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("order_id", "agency_id", name=op.f("pk_order_agencies")),
    )
    op.create_index(op.f("ix_order_agencies_agency_id"), "order_agencies", ["agency_id"], unique=False)
    op.create_table(
        "order_relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("target_eo_number", sa.Integer(), nullable=False, comment="may name an order older than the corpus"),
        sa.Column("partial", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("source", sa.Text(), nullable=False, comment="notes or text"),
        sa.Column(
            "evidence", sa.Text(), nullable=False, comment="the note line or sentence the relation was read from"
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_relations_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_relations")),
        sa.UniqueConstraint("order_id", "kind", "target_eo_number", name="uq_order_relations_order_id_kind_target"),
    )
    op.create_index("ix_order_relations_target_eo_number", "order_relations", ["target_eo_number"], unique=False)
    op.create_table(
        "provisions",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False, comment="place in the order's text, from 1"),
        sa.Column("ordinal", sa.Integer(), nullable=False, comment="place among its siblings, from 1"),
        sa.Column("depth", sa.SmallInteger(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("heading", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', coalesce(heading, '') || ' ' || text)", persisted=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_provisions_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["provisions.id"], name=op.f("fk_provisions_parent_id_provisions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provisions")),
        sa.UniqueConstraint("order_id", "position", name="uq_provisions_order_id_position"),
    )
    op.create_index(op.f("ix_provisions_parent_id"), "provisions", ["parent_id"], unique=False)
    op.create_index("ix_provisions_search", "provisions", ["search"], unique=False, postgresql_using="gin")
    op.create_table(
        "obligations",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("provision_id", sa.Text(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("modal", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("deadline_kind", sa.Text(), nullable=True),
        sa.Column("deadline_days", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("recurrence", sa.Text(), nullable=True),
        sa.Column("deadline_event", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "deadline_kind IS NULL OR deadline_kind IN ('days_after_signing', 'date', 'recurring', 'days_after_event')",
            name=op.f("ck_obligations_deadline_kind"),
        ),
        sa.CheckConstraint(
            "modal IN ('shall', 'should', 'must', 'may', 'is directed to')", name=op.f("ck_obligations_modal")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_obligations_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provisions.id"], name=op.f("fk_obligations_provision_id_provisions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_obligations")),
        sa.UniqueConstraint("provision_id", "ordinal", name="uq_obligations_provision_id_ordinal"),
    )
    op.create_index("ix_obligations_due_date", "obligations", ["due_date"], unique=False)
    op.create_index("ix_obligations_order_id", "obligations", ["order_id"], unique=False)
    op.create_table(
        "obligation_actors",
        sa.Column("obligation_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False, comment="canonical full name"),
        sa.Column("as_written", sa.Text(), nullable=False, comment="the name as the order writes it"),
        sa.Column("acting_through", sa.Text(), nullable=True, comment="X, through Y: the office X acts through"),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_obligation_actors_agency_id_agencies"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["obligation_id"],
            ["obligations.id"],
            name=op.f("fk_obligation_actors_obligation_id_obligations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("obligation_id", "position", name=op.f("pk_obligation_actors")),
    )
    op.create_index(op.f("ix_obligation_actors_agency_id"), "obligation_actors", ["agency_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_obligation_actors_agency_id"), table_name="obligation_actors")
    op.drop_table("obligation_actors")
    op.drop_index("ix_obligations_order_id", table_name="obligations")
    op.drop_index("ix_obligations_due_date", table_name="obligations")
    op.drop_table("obligations")
    op.drop_index("ix_provisions_search", table_name="provisions", postgresql_using="gin")
    op.drop_index(op.f("ix_provisions_parent_id"), table_name="provisions")
    op.drop_table("provisions")
    op.drop_index("ix_order_relations_target_eo_number", table_name="order_relations")
    op.drop_table("order_relations")
    op.drop_index(op.f("ix_order_agencies_agency_id"), table_name="order_agencies")
    op.drop_table("order_agencies")
    op.drop_index("ix_orders_updated_at", table_name="orders")
    op.drop_index("ix_orders_signing_date_eo_number", table_name="orders")
    op.drop_index("ix_orders_president_slug_signing_date", table_name="orders")
    op.drop_table("orders")
    op.drop_table("presidents")
    op.drop_index(op.f("ix_agencies_parent_id"), table_name="agencies")
    op.drop_table("agencies")
