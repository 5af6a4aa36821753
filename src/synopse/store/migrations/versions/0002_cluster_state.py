"""The story clusterer's state between ingest batches, so a batch clusters only its new
articles: the open stories (`cluster_state`) and the document frequencies (`cluster_terms`).
A store from before this revision has neither; its next ingest builds them from every stored
article once.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "cluster_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "cluster_terms",
        sa.Column("term", sa.String(), primary_key=True),
        sa.Column("documents", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cluster_terms")
    op.drop_table("cluster_state")
