"""Pictures of a story as inline SVG, drawn from report-shaped dictionaries.

Three pictures, each self-contained (no external assets, no script) and each with a `<title>`
and `<desc>` for screen readers; the reports print the same facts as text beside them:
  1. the timeline: background years squeezed into a narrow band on the left, the story's own
     days spread out on the right, one dot per event sized by the number of outlets;
  2. the coverage grid: claim groups × outlets, each cell reports / diverges / omits;
  3. who appears with whom: the most mentioned entities on a circle, sized by mentions, joined
     when they are named close together (within `NEAR` characters) in some article.
Inputs are the `stories[]` entries of report.json, so the HTML report and the web app share them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

from markupsafe import Markup, escape

JsonDict = dict[str, Any]

NEAR = 250  # characters: about one or two sentences
OWN_DAYS = 60  # dates further after the story's median date are an outlook, drawn compressed
WIDTH = 760
_BAND = 170  # width of the compressed background band of the timeline
_COLOURS = {"reports": "#4c9a5f", "diverges": "#d9822b", "omits": "#e3e3e3"}
_NETWORK_TYPES = frozenset({"PER", "ORG", "LOC"})  # who, not which currency or event
_TYPE_COLOURS = {"PER": "#3f6fb5", "ORG": "#9a4c8e", "LOC": "#4c9a5f", "MISC": "#8a8a8a"}


def _svg(width: int, height: int, key: str, title: str, desc: str, body: list[str]) -> Markup:
    ids = f"{key}-title {key}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" style="max-width:100%;height:auto" '
        f'aria-labelledby="{escape(ids)}">'
        f'<title id="{escape(key)}-title">{escape(title)}</title>'
        f'<desc id="{escape(key)}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _text(x: float, y: float, label: str, anchor: str = "middle", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">'
        f"{escape(label)}</text>"
    )


# ---- 1. timeline -------------------------------------------------------------------------


def day_of(value: str) -> dt.date:
    """The first day an ISO date (possibly partial: `2025-02`, `2014`, decade `201`) can mean."""
    if len(value) == 3 and value.isdigit():
        return dt.date(int(value) * 10, 1, 1)
    parts = [int(p) for p in value.split("-")]
    month, day = [*parts[1:], 1, 1][:2]
    return dt.date(parts[0], month, day)


def timeline_positions(entries: Sequence[JsonDict]) -> list[float]:
    """x of each entry: far-off dates (background before, outlook after) evenly in narrow bands
    on either side, the story's own days spread out by date in between."""
    before, own, after = _bands(entries)
    xs = [0.0] * len(entries)
    left, right = 20.0, WIDTH - 20.0
    for band, x0 in ((before, left), (after, right - _BAND)):
        for rank, i in enumerate(band):
            xs[i] = x0 + 15 + (rank + 0.5) * (_BAND - 30) / len(band)
    start = left + (_BAND if before else 0) + 20
    end = right - (_BAND if after else 0) - 20
    days = [day_of(entries[i]["date"]).toordinal() for i in own]
    first, span = (min(days), max(days) - min(days)) if days else (0, 0)
    for i, day in zip(own, days, strict=True):
        xs[i] = start + ((day - first) / span if span else 0.5) * (end - start)
    return xs


def _bands(entries: Sequence[JsonDict]) -> tuple[list[int], list[int], list[int]]:
    """Indices of background, the story's own days and the outlook (more than `OWN_DAYS` after
    the median of the story's dated events)."""
    current = [i for i, e in enumerate(entries) if not e.get("background")]
    days = sorted(day_of(entries[i]["date"]).toordinal() for i in current)
    median = days[len(days) // 2] if days else 0
    before = [i for i, e in enumerate(entries) if e.get("background")]
    own = [i for i in current if day_of(entries[i]["date"]).toordinal() - median <= OWN_DAYS]
    after = [i for i in current if i not in own]
    return before, own, after


def timeline_svg(story: JsonDict, outlets: Mapping[str, str], key: str = "tl") -> Markup:
    """The story's timeline as a chart; empty when it has no dated events."""
    entries: list[JsonDict] = story.get("timeline", [])
    if not entries:
        return Markup("")
    xs = timeline_positions(entries)
    axis = 70
    body = [f'<line x1="10" y1="{axis}" x2="{WIDTH - 10}" y2="{axis}" stroke="#888"/>']
    before, _, after = _bands(entries)
    if before:
        body += _band_marks(20 + _BAND / 2, 20 + _BAND, "background (compressed)", axis)
    if after:
        body += _band_marks(
            WIDTH - 20 - _BAND / 2, WIDTH - 20 - _BAND, "outlook (compressed)", axis
        )
    for n, (entry, x) in enumerate(zip(entries, xs, strict=True)):
        body.extend(_timeline_event(entry, x, axis, level=n % 4, outlets=outlets))
    desc = "; ".join(_event_words(e, outlets) for e in entries)
    title = f"Timeline: {len(entries)} dated events from {entries[0]['date']} to "
    return _svg(WIDTH, 150, key, title + entries[-1]["date"], desc, body)


def _band_marks(centre: float, border: float, label: str, axis: int) -> list[str]:
    return [
        _text(centre, axis + 70, label, size=10),
        f'<line x1="{border}" y1="{axis - 50}" x2="{border}" y2="{axis + 50}" stroke="#bbb" '
        'stroke-dasharray="3 3"/>',
    ]


def _timeline_event(
    entry: JsonDict, x: float, axis: int, level: int, outlets: Mapping[str, str]
) -> list[str]:
    sources = entry.get("article_ids", [])
    radius = 4 + 2 * math.sqrt(len({outlets.get(a, a) for a in sources}))
    colour = "#999" if entry.get("background") else "#3f6fb5"
    # four label rows, two above and two below the axis, so that close dates stay readable
    y_label = [axis - 14, axis + 22, axis - 30, axis + 38][level]
    return [
        f'<circle cx="{x:.1f}" cy="{axis}" r="{radius:.1f}" fill="{colour}">'
        f"<title>{escape(_event_words(entry, outlets))}</title></circle>",
        _text(x, y_label, entry["date"], size=10),
    ]


def _event_words(entry: JsonDict, outlets: Mapping[str, str]) -> str:
    names = sorted({outlets.get(a, a) for a in entry.get("article_ids", [])})
    return f"{entry['date']}: {entry.get('text', '')} ({', '.join(names)})"


# ---- 2. coverage grid ----------------------------------------------------------------------


def coverage_cells(
    story: JsonDict, outlets: Mapping[str, str]
) -> tuple[list[str], list[str], list[list[str]]]:
    """(rows = comparison topics, columns = outlets, cells): `reports`, `diverges` or `omits`.

    An outlet diverges in a divergent group when it carries one of its conflicting claims."""
    columns = sorted({outlets.get(a, a) for a in story.get("article_ids", [])})
    rows, cells = [], []
    for comparison in story.get("comparisons", []):
        carried = {outlets.get(c["article_id"], c["article_id"]) for c in comparison["claims"]}
        state = "diverges" if comparison.get("status") == "divergent" else "reports"
        rows.append(str(comparison.get("topic", "")))
        cells.append([state if outlet in carried else "omits" for outlet in columns])
    return rows, columns, cells


def coverage_svg(story: JsonDict, outlets: Mapping[str, str], key: str = "cov") -> Markup:
    """Claim groups × outlets as a coloured grid; empty when there is nothing to compare."""
    rows, columns, cells = coverage_cells(story, outlets)
    if not rows:
        return Markup("")
    label_width, cell, top = 260, 26, 70
    width = label_width + cell * len(columns) + 20
    body = [
        _column_label(label_width + cell * (j + 0.5), top - 8, c) for j, c in enumerate(columns)
    ]
    for i, (row, states) in enumerate(zip(rows, cells, strict=True)):
        y = top + i * cell
        body.append(_text(label_width - 8, y + cell * 0.65, _short(row, 40), anchor="end"))
        for j, state in enumerate(states):
            x = label_width + j * cell
            body.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="{_COLOURS[state]}"><title>{escape(f"{columns[j]}: {state} — {row}")}'
                "</title></rect>"
            )
    desc = "; ".join(
        f"{row}: " + ", ".join(f"{c} {s}" for c, s in zip(columns, states, strict=True))
        for row, states in zip(rows, cells, strict=True)
    )
    title = f"Coverage: {len(rows)} claim groups × {len(columns)} outlets"
    return _svg(width, top + cell * len(rows) + 10, key, title, desc, body)


def _column_label(x: float, y: float, label: str) -> str:
    return (
        f'<text x="{x:.1f}" y="{y}" font-size="10" transform="rotate(-40 {x:.1f} {y})">'
        f"{escape(_short(label, 18))}</text>"
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---- 3. who appears with whom ----------------------------------------------------------------


def co_occurrences(entities: Sequence[JsonDict], near: int = NEAR) -> Counter[tuple[str, str]]:
    """How often two entities are named within `near` characters of each other, by entity id."""
    by_article: dict[str, list[tuple[int, str]]] = {}
    for entity in entities:
        for mention in entity.get("mentions", []):
            by_article.setdefault(mention["article_id"], []).append(
                (mention["start"], entity["id"])
            )
    pairs: Counter[tuple[str, str]] = Counter()
    for positions in by_article.values():
        positions.sort()
        for (a_start, a), (b_start, b) in combinations(positions, 2):
            if a != b and abs(b_start - a_start) <= near:
                pairs[(min(a, b), max(a, b))] += 1
    return pairs


def network_svg(story: JsonDict, limit: int = 12, key: str = "net") -> Markup:
    """The most mentioned entities on a circle, joined by how often they appear together."""
    entities = sorted(story.get("entities", []), key=lambda e: -len(e.get("mentions", [])))
    shown = [e for e in entities if e.get("mentions") and e.get("type") in _NETWORK_TYPES][:limit]
    if len(shown) < 2:
        return Markup("")
    centre, radius = 190.0, 130.0
    places = _circle(len(shown), centre, radius)
    position = {e["id"]: places[i] for i, e in enumerate(shown)}
    pairs = {p: n for p, n in co_occurrences(shown).items() if p[0] in position}
    top = max(pairs.values(), default=1)
    body = [_edge(position[a], position[b], n / top) for (a, b), n in sorted(pairs.items())]
    most = max(len(e["mentions"]) for e in shown)
    body.extend(_node(e, position[e["id"]], len(e["mentions"]) / most) for e in shown)
    desc = "; ".join(
        f"{_name(a, shown)} with {_name(b, shown)}: {n}×" for (a, b), n in pairs.items()
    )
    title = f"Who appears with whom: {len(shown)} most mentioned names"
    return _svg(int(2 * centre + 200), int(2 * centre), key, title, desc or "no pairs", body)


def _circle(n: int, centre: float, radius: float) -> list[tuple[float, float]]:
    return [
        (
            centre + 100 + radius * math.cos(2 * math.pi * i / n - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * i / n - math.pi / 2),
        )
        for i in range(n)
    ]


def _edge(a: tuple[float, float], b: tuple[float, float], weight: float) -> str:
    return (
        f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
        f'stroke="#999" stroke-opacity="0.6" stroke-width="{1 + 5 * weight:.1f}"/>'
    )


def _node(entity: JsonDict, at: tuple[float, float], share: float) -> str:
    radius = 6 + 14 * math.sqrt(share)
    colour = _TYPE_COLOURS.get(entity.get("type", ""), "#8a8a8a")
    label = f"{entity['name']} ({entity.get('type', '')}, {len(entity['mentions'])} mentions)"
    return (
        f'<circle cx="{at[0]:.1f}" cy="{at[1]:.1f}" r="{radius:.1f}" fill="{colour}">'
        f"<title>{escape(label)}</title></circle>"
        + _text(at[0], at[1] + radius + 12, _short(entity["name"], 24), size=10)
    )


def _name(entity_id: str, entities: Sequence[JsonDict]) -> str:
    return next(str(e["name"]) for e in entities if e["id"] == entity_id)
