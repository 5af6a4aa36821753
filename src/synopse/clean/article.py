"""From a raw document to a clean `Article`: furniture out, headline and metadata in.

Metadata the input carries (HTML meta tags, JSON fields) wins over what the cleaner reads from
lines at the head of the text; the outlet follows `synopse.ingest.outlets`. An article without
any headline line gets its first sentence as title, so every article has one.
"""

from __future__ import annotations

import re

from synopse.clean import clean_text
from synopse.clean.language import detect_language
from synopse.config import Settings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.ingest.outlets import OutletMap, choose_outlet
from synopse.model import Article, RemovedLine

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"“”»«']?\s+(?=[A-ZÄÖÜ„»\"])")
_MAX_TITLE = 120
NO_DATE_NOTE = "no publication date found: relative dates ('am Mittwoch') stay unresolved"


def to_article(raw: RawDocument, settings: Settings, outlets: OutletMap | None = None) -> Article:
    # A headline declared with browser-copied text goes first, where a browser copy has it;
    # the cleaner then takes it as the headline and drops a repetition of it from the body.
    text = f"{raw.title}\n\n{raw.text}" if raw.title and not raw.extracted else raw.text
    removed = raw.removed
    if raw.extracted and raw.title:  # extractors may keep the h1 in the body
        text, repeated = _without_line(text, raw.title)
        removed += tuple(RemovedLine(line, "duplicate-title") for line in repeated)
    if len(text) > settings.clean.max_article_chars:
        raise InputError(
            raw.source,
            f"{len(text):,} characters is longer than one article can be "
            f"(clean.max_article_chars = {settings.clean.max_article_chars:,}); split the input "
            "or raise the limit in synopse.toml",
        )
    cleaned = clean_text(text, settings.clean, extracted=raw.extracted)
    if len(cleaned.body.strip()) < settings.clean.min_body_chars:
        raise InputError(raw.source, "no article text left after removing page furniture")
    title = raw.title or cleaned.title or first_sentence(cleaned.body)
    published = raw.published or cleaned.published
    return Article(
        id=raw.id,
        source=raw.source,
        text=cleaned.body,
        title=title,
        outlet=choose_outlet(
            outlets or OutletMap(),
            url=raw.url,
            file_name=raw.id,
            declared=raw.outlet,
            provenance=cleaned.outlet,
        ),
        published=published,
        language=detect_language(f"{title}\n{cleaned.body}", settings.clean.languages),
        removed=removed + cleaned.removed,
        url=raw.url,
        author=raw.author or cleaned.author,
        notes=raw.notes + _date_notes(published),
    )


def _date_notes(published: str | None) -> tuple[str, ...]:
    """Say when relative dates cannot be resolved, so a reader knows why they stay open."""
    if published is None:
        return (NO_DATE_NOTE,)
    if len(published) < len("2025-01-01"):
        return (f"published {published} (no day known): weekdays and 'gestern' stay unresolved",)
    return ()


def _without_line(text: str, line: str) -> tuple[str, list[str]]:
    lines = text.split("\n")
    kept = [x for x in lines if x.strip() != line.strip()]
    return "\n".join(kept), [x for x in lines if x.strip() == line.strip()]


def first_sentence(body: str) -> str:
    """The body's first sentence, cut at a word boundary when it is very long."""
    first_line = body.strip().split("\n", 1)[0]
    sentence = _SENTENCE_END.split(first_line, maxsplit=1)[0].strip()
    if len(sentence) <= _MAX_TITLE:
        return sentence
    return sentence[:_MAX_TITLE].rsplit(" ", 1)[0] + " …"
