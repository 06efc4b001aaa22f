"""Orders keep apart when their own record changed and when a later order changed their status.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 07:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "orders",
        sa.Column(
            "status_changed_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="when a later order last changed this order's status",
        ),
    )
    op.alter_column(
        "orders",
        "updated_at",
        existing_type=sa.DateTime(timezone=True),
        comment="when this order's own record last changed",
    )
    op.create_index("ix_orders_changed_at", "orders", [sa.text("greatest(updated_at, status_changed_at)")])


def downgrade() -> None:
    op.drop_index("ix_orders_changed_at", table_name="orders")
    op.alter_column("orders", "updated_at", existing_type=sa.DateTime(timezone=True), comment=None)
    op.drop_column("orders", "status_changed_at")
