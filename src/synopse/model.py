"""The data model: one `Article` flows through the stages; annotations are views on its text.

Every annotation carries `start`/`end` character offsets into `Article.text` (the clean body),
and `text[a.start:a.end] == a.text` always holds. Story-level objects (entities, comparisons,
timeline, briefing) refer to articles by id and offsets, so every statement can be traced back
to the sentence it came from.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field, fields, is_dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


class EntityType(StrEnum):
    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"
    MISC = "MISC"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    REPORTED = "reported"


class Status(StrEnum):
    CONSENSUS = "consensus"
    DIVERGENT = "divergent"
    SINGLE = "single"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str  # STTS tag from HanTa ("NE" marks proper nouns)
    lemma: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a named entity in an article."""

    start: int
    end: int
    text: str
    type: EntityType
    canonical: str  # the name this mention stands for within the article ("Putins" -> "Putin")
    role: str | None = None  # a role noun attached to the mention ("US-Außenminister")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Span | None  # where the speaker is named in the text, if anywhere
    speaker_name: str | None  # canonical name of the speaker, None when unknown
    cue: Span | None  # the speech verb or noun ("sagte", "laut")
    medium: str | None = None  # where it was said, when named: "Truth Social", "Interview"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None  # ISO date, possibly partial: "2025-02-12", "2022-02", "2014", "201" (decade)
    precision: str | None  # "day" | "month" | "year" | "decade"
    anchor: str | None = None  # the date a relative expression was resolved against


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None  # the number as written (3 for "drei Stunden")
    unit: str | None  # normalised unit: "minute", "EUR", "percent", "person", ...
    qualifier: str | None  # "etwa", "fast", "mehr als", ... as written, lower-case
    low: float | None = None  # interval for comparison, in the normalised unit
    high: float | None = None
    normalized: float | None = None  # value in the normalised unit (minutes for durations)
    counted: str | None = None  # what is counted, when not a unit ("Einsatzkräfte")


@dataclass(frozen=True, slots=True)
class Fact:
    """A value an article states (a quantity or a date), joined to its sentence, what it
    measures, the entities it is about and the party the article attributes it to."""

    start: int  # the value's words, as in the Quantity or TimeExpression
    end: int
    text: str
    kind: str  # "quantity" | "time"
    value: str  # normalised and readable: "90 minute", "54–66 minute", "2025-02-12"
    sentence_start: int
    sentence_end: int
    predicate: str  # what is measured or dated: "Telefonat dauern", "Haftstrafe"
    entities: tuple[str, ...] = ()  # canonical names of the entities in the sentence
    attributed_to: str | None = None  # a speaker or source named for it ("Kreml"), else None
    unit: str | None = None  # for quantities: the normalised unit ("minute", "EUR", "person")
    counted: str | None = None  # for quantities: what is counted ("Einsatzkraft")
    low: float | None = None  # interval in the normalised unit (None: open end)
    high: float | None = None
    precision: str | None = None  # for times: day, week, month, year, decade


@dataclass(frozen=True, slots=True)
class RemovedLine:
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source: str  # where it was read from: a path, URL or "<stdin>"
    text: str  # the clean body; all offsets index this string
    title: str = ""
    outlet: str = ""
    published: str | None = None  # ISO date (or partial date) of publication
    language: str = "de"
    removed: tuple[RemovedLine, ...] = ()
    url: str | None = None
    author: str | None = None
    duplicate_of: str | None = None  # id of the kept article this one copies (syndication, refetch)
    notes: tuple[str, ...] = ()  # how the input was read, when that matters ("decoded as cp1252")
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    facts: tuple[Fact, ...] = ()

    @property
    def published_day(self) -> dt.date | None:
        """The day of publication; None when unknown or only a month or year is known."""
        return parse_day(self.published)


def parse_day(value: str | None) -> dt.date | None:
    """The day an ISO date string names; None for partial dates ("2025-02") and non-dates."""
    if not value or len(value) < len("2025-01-01"):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class MentionRef:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Variant:
    """One way an entity is written in a story: how often, where, and whether it looks like a
    misspelling of the dominant form (rather than an inflection, transliteration or short form)."""

    form: str
    count: int
    article_ids: tuple[str, ...]
    misspelling: bool = False


@dataclass(frozen=True, slots=True)
class RoleSource:
    """A role or title one article gives an entity."""

    role: str
    article_id: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity within a story, merged across articles and name variants."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[MentionRef, ...] = ()
    variants: tuple[Variant, ...] = ()
    role_sources: tuple[RoleSource, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """Where one article gives a story quote: its words as that article has them."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class StoryQuote:
    """One statement of a story; `article_id`/`quote` are its first source, `sources` all."""

    article_id: str
    quote: Quote
    speaker_entity_id: str | None
    sources: tuple[QuoteSource, ...] = ()  # every article that carries it, the first one first
    wording_differs: bool = False  # the sources word it differently (e.g. two translations)


@dataclass(frozen=True, slots=True)
class Claim:
    """One article's statement of a comparable value, with the sentence it stands in."""

    article_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    surface: str
    value: str  # a human-readable normalised value ("90 minute", "[80, 90) minute")
    low: float | None = None
    high: float | None = None
    attributed_to: str | None = None  # the party the article attributes the value to


@dataclass(frozen=True, slots=True)
class Comparison:
    topic: str
    status: Status
    claims: tuple[Claim, ...]
    divergence: str | None = (
        None  # "sources" (quoted parties differ) or "outlets"; None unless divergent
    )
    note: str = ""
    kind: str = ""  # figure, date, spelling, role, statement, denial


@dataclass(frozen=True, slots=True)
class SourceRef:
    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: str
    refs: tuple[SourceRef, ...]  # the sentences that report this date, first one is shown
    background: bool = False  # before the story's own days


@dataclass(frozen=True, slots=True)
class BriefingSentence:
    ref: SourceRef  # the sentence chosen for the briefing
    article_ids: tuple[str, ...]  # every article that supports it, the source first
    support: tuple[SourceRef, ...] = ()  # the aligned sentence of each other supporting article
    # happened | differ | quotes | timeline | who | sources (see brief.briefing.SECTIONS)
    section: str = "happened"


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[StoryQuote, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    briefing: tuple[BriefingSentence, ...] = ()


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    source: str
    message: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class RenderedStory:
    """A story's sections of report.md and report.html, rendered by the process that built the
    story (`synopse.brief.render.story_parts`), with the story and the articles they were
    rendered for: the report writer uses them only where the report holds exactly these
    objects (`synopse.brief.render.rendered_parts`), else it renders the story itself."""

    story: Story
    articles: tuple[Article, ...]
    markdown: tuple[str, ...]  # the story's lines of report.md
    html: str  # the story's <section> of report.html


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    errors: tuple[ErrorRecord, ...] = field(default_factory=tuple)
    # Sections rendered ahead by the workers that built the stories (a pool's); not part of
    # the report's value: two reports are equal whether or not they carry them.
    rendered: tuple[RenderedStory, ...] = field(default=(), compare=False, repr=False)


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle instances as a call of the class with their field values. Frozen slotted
    dataclasses otherwise pickle through `__getstate__`/`__setstate__`, Python code that asks
    `fields()` per object: an annotated article has hundreds of tokens, and the worker pools
    pickle every article both ways (dumps + loads of an annotated article: 6.2 ms before,
    3.8 ms after, against ~60 ms to annotate it; `synopse.distributed.wire` then took the
    garbage collector out of the loads). A class decorator, for slotted dataclasses elsewhere
    that cross process boundaries too."""
    names = [f.name for f in fields(cls)]
    if len(names) < 2:  # attrgetter of one name gives the value, not a tuple
        raise TypeError(f"{cls.__name__}: pickling by fields needs at least two fields")
    values = operator.attrgetter(*names)
    cls.__reduce__ = lambda self: (cls, values(self))  # type: ignore[method-assign]
    return cls


def _model_classes() -> list[type]:
    return [c for c in globals().values() if isinstance(c, type) and is_dataclass(c)]


for _class in _model_classes():
    if _class.__module__ == __name__:
        pickled_by_fields(_class)
del _class
