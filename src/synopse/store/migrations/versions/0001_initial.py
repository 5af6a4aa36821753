"""The first schema: articles, stories and their links, entities, ingest runs, errors.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    _articles()
    _stories()
    _entities()
    _runs_and_errors()


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(), nullable=False, unique=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("dated", sa.Text, nullable=True),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("run_id", sa.Integer, nullable=True),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])


def _stories() -> None:
    op.create_table(
        "stories",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("first_published", sa.String(), nullable=True),
        sa.Column("last_published", sa.String(), nullable=True),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("story", sa.Text, nullable=False),
    )
    op.create_index("ix_stories_last_published", "stories", ["last_published"])
    op.create_index("ix_stories_first_published", "stories", ["first_published"])
    op.create_table(
        "story_articles",
        sa.Column("story_id", sa.String(), sa.ForeignKey("stories.id"), primary_key=True),
        sa.Column("article_id", sa.String(), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_articles_article", "story_articles", ["article_id"])


def _entities() -> None:
    op.create_table(
        "entities",
        sa.Column("story_id", sa.String(), sa.ForeignKey("stories.id"), primary_key=True),
        sa.Column("entity_id", sa.String(), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_table(
        "entity_names",
        sa.Column("story_id", sa.String(), sa.ForeignKey("stories.id"), primary_key=True),
        sa.Column("entity_id", sa.String(), primary_key=True),
        sa.Column("folded", sa.String(), primary_key=True),
    )
    op.create_index("ix_entity_names_folded", "entity_names", ["folded"])


def _runs_and_errors() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started", sa.String(), nullable=False),
        sa.Column("finished", sa.String(), nullable=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=True),
    )
    op.create_table(
        "errors",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, nullable=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
    )


def downgrade() -> None:
    for table in ("errors", "ingest_runs", "entity_names", "entities", "story_articles"):
        op.drop_table(table)
    op.drop_table("stories")
    op.drop_table("articles")
