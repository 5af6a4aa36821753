"""The store's tables (SQLAlchemy Core). Alembic migrations in `migrations/` create them.

articles        one row per distinct article: identity (content hash, url), list columns, and
                the whole annotated Article as JSON (`data`); `dated` holds the Article as its
                story dated it, when it had no publication date of its own
stories         one row per story: stable id, list columns, `rank` (report order), the Story
                as JSON, a list summary and the casefolded words the list search looks in
story_articles  which articles a story holds, in story order
entities        the entities of each story (name, type, aliases, roles), for the entity page
entity_names    every name and alias of a story's entity, casefolded, for lookups and filters
ingest_runs     each ingest: state, progress, counts
errors          inputs that could not be read or annotated, with the run that met them
cluster_state   the story clusterer between ingest batches: its open stories (one row, JSON)
cluster_terms   per term, how many stored articles hold it (the clusterer's IDF weights)
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # insertion (= input) order
    Column("id", String(), nullable=False, unique=True),
    Column("content_hash", String(), nullable=False, unique=True),
    Column("url", Text, nullable=True),
    Column("outlet", String(), nullable=False),
    Column("published", String(), nullable=True),
    Column("title", Text, nullable=False),
    Column("language", String(), nullable=False),
    Column("source", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("dated", Text, nullable=True),
    Column("record", Text, nullable=False),  # the report.json articles[] entry
    Column("run_id", Integer, nullable=True),
    Index("ix_articles_url", "url"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_published", "published"),
)

stories = Table(
    "stories",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),  # the number in the id
    Column("id", String(), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("rank", Integer, nullable=False),
    Column("first_published", String(), nullable=True),
    Column("last_published", String(), nullable=True),
    Column("article_count", Integer, nullable=False),
    Column("search_text", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("data", Text, nullable=False),  # the report.json stories[] entry
    Column("story", Text, nullable=False),  # the Story as codec JSON
    Index("ix_stories_last_published", "last_published"),
    Index("ix_stories_first_published", "first_published"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", String(), ForeignKey("stories.id"), primary_key=True),
    Column("article_id", String(), ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_story_articles_article", "article_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("story_id", String(), ForeignKey("stories.id"), primary_key=True),
    Column("entity_id", String(), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(), nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("roles", Text, nullable=False),  # JSON list
    Column("mentions", Integer, nullable=False),
)

entity_names = Table(
    "entity_names",
    metadata,
    Column("story_id", String(), ForeignKey("stories.id"), primary_key=True),
    Column("entity_id", String(), primary_key=True),
    Column("folded", String(), primary_key=True),
    Index("ix_entity_names_folded", "folded"),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(), nullable=False),
    Column("finished", String(), nullable=True),
    Column("state", String(), nullable=False),  # running | done | failed | interrupted
    Column("done", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("errors", Integer, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of what was asked for
    Column("message", Text, nullable=True),  # why a run failed; while running: its process
)

errors = Table(
    "errors",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, nullable=True),
    Column("source", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("stage", String(), nullable=False),
)

cluster_state = Table(
    "cluster_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("settings", Text, nullable=False),  # the [cluster] settings it was built with, JSON
    Column("data", LargeBinary, nullable=False),  # zlib-compressed JSON (cluster_state.py)
)

cluster_terms = Table(
    "cluster_terms",
    metadata,
    Column("term", String(), primary_key=True),
    Column("documents", Integer, nullable=False),
)
