"""The report as JSON-ready data: the contract documented in docs/report-schema.md.

Story-level objects hold article ids and offsets; this is where text is sliced back in, so a
reader of report.json sees both the words and where they stand.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from synopse.compare.coverage import coverage_row, only_in
from synopse.model import (
    Article,
    BriefingSentence,
    Claim,
    Comparison,
    Entity,
    Fact,
    Quantity,
    Quote,
    QuoteSource,
    Report,
    Span,
    Story,
    StoryQuote,
    TimeExpression,
    TimelineEntry,
)

SCHEMA_VERSION = "1.0"
JsonDict = dict[str, Any]


def report_json_text(data: JsonDict) -> str:
    """report.json's text: two-space indents, non-ASCII characters as they are, a final newline
    — the text of `json.dumps(data, ensure_ascii=False, indent=2)`, written by orjson (a 2,000
    article report: 0.5 s instead of 4.1 s; Python's encoder falls back to pure Python when it
    indents). Numbers in exponent form are the one difference in spelling (orjson `1e-5`, Python
    `1e-05`; same value), and a non-finite number, which Python would write as invalid JSON
    (`NaN`), becomes null. What orjson refuses (integers beyond 64 bits) Python writes."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # not JSON to orjson; Python's encoder writes it or names the problem
        text = json.dumps(data, ensure_ascii=False, indent=2)
    return text + "\n"


def report_to_dict(report: Report) -> JsonDict:
    by_id = {a.id: a for a in report.articles}
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [article_to_dict(a) for a in report.articles],
        "stories": [complete_story_dict(s, by_id) for s in report.stories],
        "errors": [
            {"source": e.source, "message": e.message, "stage": e.stage} for e in report.errors
        ],
    }


def complete_story_dict(story: Story, articles: dict[str, Article]) -> JsonDict:
    """A `stories[]` entry with everything in it; `articles` must hold the story's articles.
    The report and the store both build stories here, so they never differ."""
    texts = {aid: articles[aid].text for aid in story.article_ids if aid in articles}
    facts = {"facts": story_facts(story, articles)}
    return story_to_dict(story, texts) | facts | story_coverage(story, articles)


def article_to_dict(article: Article) -> JsonDict:
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "url": article.url,
        "author": article.author,
        "duplicate_of": article.duplicate_of,
        "notes": list(article.notes),
        "counts": {
            "sentences": len(article.sentences),
            "entities": len(article.mentions),
            "quotes": len(article.quotes),
            "times": len(article.times),
            "quantities": len(article.quantities),
            "facts": len(article.facts),
        },
    }


def story_to_dict(story: Story, texts: dict[str, str]) -> JsonDict:
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "entities": [_entity(e) for e in story.entities],
        "quotes": [_story_quote(q) for q in story.quotes],
        "comparisons": [_comparison(c, texts) for c in story.comparisons],
        "timeline": [_timeline_entry(t, texts) for t in story.timeline],
        "briefing": [_briefing_sentence(b, texts) for b in story.briefing],
    }


def story_facts(story: Story, articles: dict[str, Article]) -> list[JsonDict]:
    """Every fact record of the story's articles, in article order."""
    return [
        {"article_id": aid} | fact_to_dict(fact, articles[aid].text)
        for aid in story.article_ids
        for fact in articles[aid].facts
    ]


def story_coverage(story: Story, articles: dict[str, Article]) -> JsonDict:
    """The coverage matrix (claim groups × articles) and per outlet what it alone reports."""
    outlets = {aid: articles[aid].outlet or aid for aid in story.article_ids}
    alone = only_in(story, outlets)
    return {
        "coverage": [
            {"comparison": i, "cells": coverage_row(c, story.article_ids)}
            for i, c in enumerate(story.comparisons)
        ],
        "outlets": [
            {
                "outlet": outlet,
                "article_ids": [a for a in story.article_ids if outlets[a] == outlet],
                "only_in": indices,
            }
            for outlet, indices in alone.items()
        ],
    }


def fact_to_dict(fact: Fact, text: str) -> JsonDict:
    return {
        "start": fact.start,
        "end": fact.end,
        "text": fact.text,
        "kind": fact.kind,
        "value": fact.value,
        "unit": fact.unit,
        "counted": fact.counted,
        "low": fact.low,
        "high": fact.high,
        "precision": fact.precision,
        "predicate": fact.predicate,
        "entities": list(fact.entities),
        "attributed_to": fact.attributed_to,
        "sentence": text[fact.sentence_start : fact.sentence_end],
        "sentence_start": fact.sentence_start,
        "sentence_end": fact.sentence_end,
    }


def _entity(entity: Entity) -> JsonDict:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "mentions": [
            {"article_id": m.article_id, "start": m.start, "end": m.end, "text": m.text}
            for m in entity.mentions
        ],
        "variants": [
            {
                "form": v.form,
                "count": v.count,
                "article_ids": list(v.article_ids),
                "misspelling": v.misspelling,
            }
            for v in entity.variants
        ],
        "role_sources": [{"role": r.role, "article_id": r.article_id} for r in entity.role_sources],
    }


def _story_quote(item: StoryQuote) -> JsonDict:
    quote = item.quote
    return {
        "article_id": item.article_id,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind.value,
        "speaker_entity_id": item.speaker_entity_id,
        "speaker_text": quote.speaker.text if quote.speaker else None,
        "speaker_name": quote.speaker_name,
        "cue": quote.cue.text if quote.cue else None,
        "medium": quote.medium,
        "sources": [
            {"article_id": s.article_id, "start": s.start, "end": s.end, "text": s.text}
            for s in item.sources or _own_source(item)
        ],
        "wording_differs": item.wording_differs,
    }


def _own_source(item: StoryQuote) -> tuple[QuoteSource, ...]:
    quote = item.quote
    return (QuoteSource(item.article_id, quote.start, quote.end, quote.text),)


def _comparison(comparison: Comparison, texts: dict[str, str]) -> JsonDict:
    return {
        "topic": comparison.topic,
        "kind": comparison.kind,
        "status": comparison.status.value,
        "divergence": comparison.divergence,
        "note": comparison.note,
        "article_ids": sorted({c.article_id for c in comparison.claims}),
        "claims": [_claim(c, texts) for c in comparison.claims],
    }


def _claim(claim: Claim, texts: dict[str, str]) -> JsonDict:
    return {
        "article_id": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "sentence": texts[claim.article_id][claim.sentence_start : claim.sentence_end],
        "sentence_start": claim.sentence_start,
        "sentence_end": claim.sentence_end,
        "surface": claim.surface,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "attributed_to": claim.attributed_to,
    }


def _timeline_entry(entry: TimelineEntry, texts: dict[str, str]) -> JsonDict:
    first = entry.refs[0]
    return {
        "date": entry.date,
        "precision": entry.precision,
        "text": texts[first.article_id][first.start : first.end],
        "article_ids": list(dict.fromkeys(r.article_id for r in entry.refs)),
        "background": entry.background,
        "sources": [
            {"article_id": r.article_id, "start": r.start, "end": r.end} for r in entry.refs
        ],
    }


def _briefing_sentence(sentence: BriefingSentence, texts: dict[str, str]) -> JsonDict:
    ref = sentence.ref
    return {
        "text": texts[ref.article_id][ref.start : ref.end],
        "article_ids": list(sentence.article_ids),
        "section": sentence.section,
        "source": {"article_id": ref.article_id, "start": ref.start, "end": ref.end},
        "support": [
            {
                "article_id": s.article_id,
                "start": s.start,
                "end": s.end,
                "text": texts[s.article_id][s.start : s.end],
            }
            for s in sentence.support
        ],
    }


# ---- `synopse annotate` output ---------------------------------------------------------------


def span_to_dict(span: Span | None) -> JsonDict | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def quote_to_dict(quote: Quote) -> JsonDict:
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind.value,
        "speaker": span_to_dict(quote.speaker),
        "speaker_name": quote.speaker_name,
        "cue": span_to_dict(quote.cue),
        "medium": quote.medium,
    }


def time_to_dict(time: TimeExpression) -> JsonDict:
    return {
        "start": time.start,
        "end": time.end,
        "text": time.text,
        "value": time.value,
        "precision": time.precision,
        "anchor": time.anchor,
    }


def quantity_to_dict(quantity: Quantity) -> JsonDict:
    return {
        "start": quantity.start,
        "end": quantity.end,
        "text": quantity.text,
        "value": quantity.value,
        "unit": quantity.unit,
        "qualifier": quantity.qualifier,
        "low": quantity.low,
        "high": quantity.high,
        "normalized": quantity.normalized,
        "counted": quantity.counted,
    }
