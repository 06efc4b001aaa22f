"""Data state: one row whose version changes whenever the served data does, so responses can be revalidated.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "data_state",
        sa.Column("id", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column(
            "version",
            sa.BigInteger(),
            nullable=False,
            comment="bumped by every ingest transaction that changes what the API serves",
        ),
        sa.Column("changed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_data_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_state")),
    )
    op.execute("INSERT INTO data_state (id, version) VALUES (1, 1)")


def downgrade() -> None:
    op.drop_table("data_state")
