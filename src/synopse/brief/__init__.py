"""Timeline, cited briefing and the report renderers (JSON, Markdown, HTML)."""

from synopse.brief.briefing import choose_briefing
from synopse.brief.timeline import build_timeline

__all__ = ["build_timeline", "choose_briefing"]
