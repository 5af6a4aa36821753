"""Story clustering: articles that report the same events become one story."""

from synopse.cluster.stories import StoryClusterer

__all__ = ["StoryClusterer"]
