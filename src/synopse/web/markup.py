"""An article's text as HTML with layers of marked spans: the cited sentence, quotes, names.

Layers nest in a fixed order (highlight outside quotes outside entity mentions), so the HTML is
always well formed: a span of an inner layer that crosses the edge of an outer one is cut at
that edge; spans of one layer that overlap keep the first. Newlines stay as they are (the page
shows the text `white-space: pre-wrap`). Every piece of article text goes through
`html.escape` — the text is untrusted.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from synopse.store.repository import JsonDict

_TYPE_CLASS = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to wrap: `open_tag` and `close_tag` are trusted HTML built here."""

    start: int
    end: int
    open_tag: str
    close_tag: str


def highlight_mark(start: int, end: int) -> Mark:
    return Mark(start, end, '<mark class="hl" id="hl">', "</mark>")


def quote_marks(quotes: Sequence[JsonDict]) -> list[Mark]:
    return [
        Mark(q["start"], q["end"], f'<q class="quote {_attr(q["kind"])}">', "</q>") for q in quotes
    ]


def mention_marks(entities: Sequence[JsonDict], article_id: str) -> list[Mark]:
    marks = []
    for entity in entities:
        css = _TYPE_CLASS.get(entity["type"], "misc")
        title = _attr(f"{entity['type']}: {entity['name']}")
        href = "/entities/" + quote(entity["name"], safe="")
        tag = f'<a class="ent {css}" href="{_attr(href)}" title="{title}">'
        marks += [
            Mark(m["start"], m["end"], tag, "</a>")
            for m in entity["mentions"]
            if m["article_id"] == article_id
        ]
    return marks


def layered_html(text: str, layers: Sequence[Sequence[Mark]]) -> Markup:
    """`text` escaped, with each layer's marks wrapped around their spans (outer layer first)."""
    return Markup(_render(text, 0, len(text), [_non_overlapping(layer) for layer in layers]))


def _render(text: str, start: int, end: int, layers: list[list[Mark]]) -> str:
    if not layers:
        return _plain(text[start:end])
    outer, inner = layers[0], layers[1:]
    parts, cursor = [], start
    for mark in outer:
        a, b = max(mark.start, start), min(mark.end, end)
        if a >= b or a < cursor:
            continue
        parts.append(_render(text, cursor, a, inner))
        parts.append(mark.open_tag + _render(text, a, b, inner) + mark.close_tag)
        cursor = b
    parts.append(_render(text, cursor, end, inner))
    return "".join(parts)


def _non_overlapping(marks: Sequence[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < mark.end and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def _plain(text: str) -> str:
    return html.escape(text)  # line breaks stay: the page shows the text with white-space: pre-wrap


def _attr(value: str) -> str:
    return html.escape(value, quote=True)
