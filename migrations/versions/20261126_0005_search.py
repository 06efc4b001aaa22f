"""Search: stored tsvectors on order titles and obligation text, trigram indexes for typo-tolerant names.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.add_column(
        "orders",
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', title)", persisted=True),
            nullable=True,
        ),
    )
    op.add_column(
        "obligations",
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', text)", persisted=True),
            nullable=True,
        ),
    )
    op.create_index("ix_orders_search", "orders", ["search"], postgresql_using="gin")
    op.create_index("ix_obligations_search", "obligations", ["search"], postgresql_using="gin")
    op.create_index(
        "ix_orders_title_trgm", "orders", ["title"], postgresql_using="gin", postgresql_ops={"title": "gin_trgm_ops"}
    )
    op.create_index(
        "ix_agencies_name_trgm", "agencies", ["name"], postgresql_using="gin", postgresql_ops={"name": "gin_trgm_ops"}
    )


def downgrade() -> None:
    op.drop_index("ix_agencies_name_trgm", table_name="agencies")
    op.drop_index("ix_orders_title_trgm", table_name="orders")
    op.drop_index("ix_obligations_search", table_name="obligations")
    op.drop_index("ix_orders_search", table_name="orders")
    op.drop_column("obligations", "search")
    op.drop_column("orders", "search")
    op.execute("DROP EXTENSION IF EXISTS pg_trgm")
