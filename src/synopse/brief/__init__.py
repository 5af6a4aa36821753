"""Timeline, cited briefing and the report renderers (JSON, Markdown, HTML)."""

from synopse.brief.briefing import SECTIONS, StoryParts, choose_briefing, compose_briefing
from synopse.brief.timeline import build_timeline

__all__ = ["SECTIONS", "StoryParts", "build_timeline", "choose_briefing", "compose_briefing"]
