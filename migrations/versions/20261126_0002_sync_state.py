"""Sync state: the runs of eokb sync and what each saw of every order.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 05:36:18.414139
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Text(), server_default="running", nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("listed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("loaded", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("requests", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('running', 'succeeded', 'failed')", name=op.f("ck_sync_runs_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    op.create_table(
        "synced_documents",
        sa.Column("eo_number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_number", sa.Text(), nullable=True),
        sa.Column("publication_date", sa.Date(), nullable=True),
        sa.Column("metadata_hash", sa.Text(), nullable=False, comment="hash of the FR document's metadata"),
        sa.Column("text_hash", sa.Text(), nullable=True, comment="hash of the full text fetched"),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True, comment="why the last attempt failed"),
        sa.Column("checked_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("status IN ('loaded', 'failed')", name=op.f("ck_synced_documents_status")),
        sa.PrimaryKeyConstraint("eo_number", name=op.f("pk_synced_documents")),
    )


def downgrade() -> None:
    op.drop_table("synced_documents")
    op.drop_table("sync_runs")
