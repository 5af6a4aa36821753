"""What the web app and the HTTP API read and write, whatever keeps the data.

Records are report-shaped: a story is a `report.json` `stories[]` entry, an article an
`articles[]` entry (docs/report-schema.md), so the API mirrors the report schema and the
pages render the same dictionaries whether they come from a database (`synopse.store.sql`)
or from one report held in memory (`synopse.store.memory`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from synopse.model import ErrorRecord

JsonDict = dict[str, Any]
IngestProgress = Callable[[int, int], None]  # (inputs done, inputs known so far)


class NotFound(LookupError):
    """No story, article or entity with that id or name."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"no {kind} {key!r}")
        self.kind = kind
        self.key = key


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Which stories a list shows; every condition given must hold."""

    query: str = ""  # words that must occur in the title, briefing or entity names
    date_from: str | None = None  # ISO date: a story with an article published on or after
    date_to: str | None = None  # ISO date: a story with an article published on or before
    outlet: str | None = None  # a story carried by this outlet
    entity: str | None = None  # a story with an entity of this name (or alias)
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest batch changed."""

    added: tuple[str, ...] = ()  # ids of articles new to the store
    unchanged: tuple[str, ...] = ()  # ids of articles the store already held
    stories_updated: tuple[str, ...] = ()  # ids of stories created or re-analysed
    errors: tuple[ErrorRecord, ...] = field(default_factory=tuple)


class Repository(Protocol):
    """Read access to analysed articles and stories."""

    def list_stories(self, story_filter: StoryFilter) -> list[JsonDict]:
        """Summaries, newest first: `id`, `title`, `article_ids`, `outlets`, `first_published`,
        `last_published`, `entities` (the top few names), `counts`."""
        ...

    def story(self, story_id: str) -> JsonDict:
        """One `stories[]` entry; raises NotFound."""
        ...

    def article(self, article_id: str) -> JsonDict:
        """One `articles[]` entry; raises NotFound."""
        ...

    def entity(self, name: str) -> JsonDict:
        """`name`, `type`, `aliases`, `roles` and `stories[]` ({`story_id`, `title`,
        `entity_id`, `roles`, `quotes`}) for an entity name or alias; raises NotFound."""
        ...

    def outlets(self) -> list[str]:
        """Every outlet with at least one article, sorted."""
        ...

    def report(self) -> JsonDict:
        """Everything as one report.json document (schema in docs/report-schema.md)."""
        ...


class WritableRepository(Repository, Protocol):
    """A repository that takes new articles and reports on running ingests."""

    def ingest(
        self, sources: Sequence[str], progress: IngestProgress | None = None
    ) -> IngestSummary:
        """Read paths, URLs or feeds; add new articles and re-analyse the stories they touch."""
        ...

    def ingest_runs(self) -> list[JsonDict]:
        """Recent and running ingests: `id`, `started`, `finished`, `state`
        (running|done|failed|interrupted), `done`, `total`, `added`, `errors`."""
        ...
