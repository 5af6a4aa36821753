"""Who reports what: the coverage matrix of a story and what each outlet alone contributes.

Derived from a story's comparisons, so it needs no state of its own: one row per comparison
(claim group), one cell per article — `reports` (a claim that agrees, or a consensus),
`diverges` (a claim that departs from the most common value of a divergent group; with no
single most common value, every claim of the group diverges) or `omits` (no claim).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from synopse.model import Comparison, Status, Story

REPORTS, DIVERGES, OMITS = "reports", "diverges", "omits"


def coverage_row(comparison: Comparison, article_ids: Sequence[str]) -> dict[str, str]:
    values: dict[str, set[str]] = {}
    for claim in comparison.claims:
        values.setdefault(claim.article_id, set()).add(claim.value)
    majority = _majority(values) if comparison.status is Status.DIVERGENT else None
    cells = {}
    for article_id in article_ids:
        if article_id not in values:
            cells[article_id] = OMITS
        elif comparison.status is Status.DIVERGENT and values[article_id] != {majority}:
            cells[article_id] = DIVERGES
        else:
            cells[article_id] = REPORTS
    return cells


def _majority(values: Mapping[str, set[str]]) -> str | None:
    counts = Counter(v for vs in values.values() for v in vs).most_common(2)
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None
    return counts[0][0] if counts else None


def only_in(story: Story, outlets: Mapping[str, str]) -> dict[str, list[int]]:
    """Per outlet (in the story's article order), the indices of the comparisons whose every
    claim comes from that outlet's articles."""
    found: dict[str, list[int]] = {outlets[a]: [] for a in story.article_ids}
    for index, comparison in enumerate(story.comparisons):
        carriers = {outlets[c.article_id] for c in comparison.claims}
        if len(carriers) == 1:
            found[carriers.pop()].append(index)
    return found
