"""Obligation provenance: the sentence's span in its provision's text, and the directive's own section label.

Rows stored before are filled from their provision: the sentence is found in the provision's text, and the label
is the provision's. The next import rewrites every order with spans from the extractor itself.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "obligations",
        sa.Column(
            "section",
            sa.Text(),
            nullable=True,
            comment="the directive's own label: its provision's, or an inline item's within it (3(a)(ii))",
        ),
    )
    op.add_column(
        "obligations",
        sa.Column("span_start", sa.Integer(), nullable=True, comment="where the sentence starts in the provision's text"),
    )
    op.add_column(
        "obligations", sa.Column("span_end", sa.Integer(), nullable=True, comment="where it ends (exclusive)")
    )
    op.execute(
        """
        UPDATE obligations o
        SET section = p.section,
            span_start = greatest(strpos(p.text, o.text) - 1, 0),
            span_end = greatest(strpos(p.text, o.text) - 1, 0) + length(o.text)
        FROM provisions p
        WHERE p.id = o.provision_id
        """
    )
    op.alter_column("obligations", "span_start", nullable=False)
    op.alter_column("obligations", "span_end", nullable=False)


def downgrade() -> None:
    op.drop_column("obligations", "span_end")
    op.drop_column("obligations", "span_start")
    op.drop_column("obligations", "section")
