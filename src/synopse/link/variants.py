"""The written forms of an entity and the roles each article gives it.

`Variant` and `RoleSource` live in `synopse.model` (fields of `Entity`); they are re-exported
here so the link stage has one place to import them from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from synopse.link.context import Occurrence
from synopse.model import RoleSource, Variant

__all__ = ["RoleSource", "Variant", "role_sources", "variants"]


def variants(occurrences: Sequence[Occurrence], misspelled: Sequence[bool]) -> tuple[Variant, ...]:
    """Every surface form with its count and articles, most frequent first; a form is flagged
    as a misspelling when each of its mentions was merged only by the misspelling rule."""
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    flags: dict[str, bool] = {}
    for occurrence, flag in zip(occurrences, misspelled, strict=True):
        form = occurrence.mention.text
        counts[form] += 1
        articles.setdefault(form, set()).add(occurrence.article_id)
        flags[form] = flags.get(form, True) and flag
    ordered = sorted(counts, key=lambda form: (-counts[form], form))
    return tuple(
        Variant(form, counts[form], tuple(sorted(articles[form])), flags[form]) for form in ordered
    )


def role_sources(occurrences: Sequence[Occurrence]) -> tuple[RoleSource, ...]:
    """Each distinct (role, article) pair, in the order the articles and mentions come."""
    seen: dict[tuple[str, str], None] = {}
    for occurrence in occurrences:
        if occurrence.mention.role:
            seen.setdefault((occurrence.mention.role, occurrence.article_id), None)
    return tuple(RoleSource(role, article_id) for role, article_id in seen)
