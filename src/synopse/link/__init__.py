"""Cross-document entity resolution within a story: name variants and roles merged."""

from synopse.link.resolve import resolve_entities, story_types, with_story_types

__all__ = ["resolve_entities", "story_types", "with_story_types"]
