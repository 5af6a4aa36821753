"""Line up comparable statements of a story's articles and classify each group.

Kinds of group, each a `Comparison` (its `kind`):
  1. figure: quantities of the same unit (and counted noun) in aligned or topically close
     sentences; intervals that all overlap are consensus, any two that cannot both be true
     make the group divergent;
  2. date: days given for the same event in aligned or topically close sentences;
  3. spelling: one entity spelled differently by different articles (divergent);
  4. role: one person given roles by different articles that do not contain each other;
  5. statement / denial: aligned sentences of different outlets (synopse.compare.statements),
     divergent when one outlet denies or doubts what another asserts;
  6. single statements: what only one outlet reports.
A group reported by one article only is `single`. For divergent figures, `divergence` says
whether the quoted parties differ ("sources": A quotes Trump, B the Kremlin, both may be right)
or the outlets themselves disagree ("outlets").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from itertools import combinations

from synopse.annotate.tokens import content_lemmas
from synopse.compare.roles import role_comparisons, spelling_comparisons
from synopse.compare.sentences import sentence_index
from synopse.compare.statements import (
    Alignment,
    align_statements,
    single_comparisons,
    statement_comparisons,
)
from synopse.compare.value_groups import Closeness, value_groups
from synopse.compare.value_pairs import related, stem_key
from synopse.config import CompareSettings
from synopse.model import (
    Article,
    Claim,
    Comparison,
    Entity,
    Fact,
    Status,
)

# Figures whose sentences share less than this share of content words are about different things.
_TOPIC_OVERLAP = 0.2
# Embedding cosine of two figures' (dates') sentences at which they measure (date) the same thing,
# and the mean cosine a group keeps (calibrated on the dev stories, docs/quality.md).
_FIGURE_SIMILAR = 0.88
_FIGURE_COHESION = 0.88
_DATE_SIMILAR = 0.89
_MAX_RATIO = 4.0
_AGE = "alter"  # the counted noun of "34-Jährige"
# Names say who is involved, not what is measured: a shared "Trump" would link the length of
# a phone call to a campaign promise.
_NAME_TAGS = frozenset({"NE", "FM"})
_UNIT_LABELS = {
    "minute": "Dauer",
    "day": "Dauer",
    "year": "Zeitraum",
    "EUR": "Betrag",
    "USD": "Betrag",
    "percent": "Anteil",
    "person": "Anzahl",
    "m": "Entfernung",
}


def compare_story(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    settings: CompareSettings | None = None,
) -> tuple[Comparison, ...]:
    settings = settings or CompareSettings()
    cap = settings.max_comparisons
    by_id = {a.id: a for a in articles}
    alignment = align_statements(articles, settings)
    valued = [
        *_figure_comparisons(articles, alignment, settings),
        *_date_comparisons(articles, alignment, settings),
    ]
    statements = []
    for statement in statement_comparisons(alignment):
        conflict = _value_conflict(statement, by_id)
        if conflict is not None:
            valued = [v for v in valued if not _covered(v, [conflict])]
            if not any(_covered(conflict, [v]) for v in valued):
                valued.append(conflict)
        elif not _covered(statement, valued):
            statements.append(statement)
    groups = [
        *valued,
        *spelling_comparisons(entities, by_id),
        *role_comparisons(entities, by_id),
        *statements,
        *single_comparisons(alignment, settings.singles_per_article),
    ]
    spread = _entity_spread(entities)
    ranked = sorted(groups, key=lambda c: _importance(c, spread))
    # What one outlet alone says has its own budget: the shared groups must not crowd it out.
    shared = [c for c in ranked if c.status is not Status.SINGLE]
    return tuple(shared[:cap] + [c for c in ranked if c.status is Status.SINGLE][:cap])


def _importance(
    comparison: Comparison, spread: dict[str, list[tuple[int, int]]]
) -> tuple[int, int, int, str]:
    """More articles first, then divergent before consensus before single, then the groups
    whose sentences name the entities most articles speak of."""
    outlets = len({c.article_id for c in comparison.claims})
    order = {Status.DIVERGENT: 0, Status.CONSENSUS: 1, Status.SINGLE: 2}[comparison.status]
    central = max(
        (
            n
            for c in comparison.claims
            for start, n in spread.get(c.article_id, ())
            if c.sentence_start <= start < c.sentence_end
        ),
        default=0,
    )
    return (-outlets, order, -central, comparison.topic)


def _entity_spread(entities: Iterable[Entity]) -> dict[str, list[tuple[int, int]]]:
    """Per article, each entity mention's offset with the number of articles naming it."""
    spread: dict[str, list[tuple[int, int]]] = {}
    for entity in entities:
        articles = len({m.article_id for m in entity.mentions})
        for m in entity.mentions:
            spread.setdefault(m.article_id, []).append((m.start, articles))
    return spread


def _covered(statement: Comparison, valued: Sequence[Comparison]) -> bool:
    """A group whose sentences all belong to one figure or date group says nothing that group
    does not say more precisely; denials are always kept."""
    if statement.kind == "denial":
        return False
    keys = {(c.article_id, c.sentence_start) for c in statement.claims}
    return any(keys <= {(c.article_id, c.sentence_start) for c in v.claims} for v in valued)


def _unit_key(fact: Fact) -> str:
    """Counts without a unit ("500 Landwirte", "2000 Bauern") compare with each other."""
    return fact.unit or ("count" if fact.counted else "")


def _value_conflict(statement: Comparison, by_id: dict[str, Article]) -> Comparison | None:
    """Aligned sentences that tell the same thing with figures or dates that cannot both be
    true ("rund 120 Einsatzkräfte" / "mehr als 200 Einsatzkräfte"): the figure or date group."""
    if statement.status is not Status.CONSENSUS:
        return None
    facts = [
        (by_id[c.article_id], f)
        for c in statement.claims
        for f in by_id[c.article_id].facts
        if c.sentence_start <= f.start < c.sentence_end
    ]
    for unit in dict.fromkeys(_unit_key(f) for _, f in facts if f.kind == "quantity"):
        same = [(a, f) for a, f in facts if _unit_key(f) == unit and f.low is not None]
        found = _figure_comparison([_figure_claim(a, f) for a, f in same], [f for _, f in same])
        if found.status is Status.DIVERGENT:
            return found
    dates = [(a, f) for a, f in facts if f.kind == "time" and _is_day(f.value)]
    if (
        len({a.id for a, _ in dates}) > 1
        and (found := _date_comparison(dates)).status is Status.DIVERGENT
    ):
        return found
    return None


# ---- figures ---------------------------------------------------------------------------------


def _figure_comparisons(
    articles: Sequence[Article], alignment: Alignment, settings: CompareSettings
) -> list[Comparison]:
    """Figures of one unit grouped by what they measure: the old lexical tests (same counted
    noun, related words, aligned sentences) or, with embeddings, close sentences; groups grow
    strongest link first and never take a second figure of one article and party."""
    facts = [
        (a, f)
        for a in articles
        for f in a.facts
        if f.kind == "quantity" and f.unit and f.low is not None
    ]
    claims = [_figure_claim(a, f) for a, f in facts]
    words = [_topic_words(a, f) for a, f in facts]

    def same(i: int, j: int) -> bool:
        (a, x), (b, y) = facts[i], facts[j]
        if not _same_kind(x, y):
            return False
        if _same_figure(x, y, words[i], words[j]):
            return True
        aligned = alignment.linked((a.id, x.sentence_start), (b.id, y.sentence_start))
        return x.unit == y.unit and _counted_compatible(x, y) and aligned

    close = Closeness(_FIGURE_SIMILAR, _FIGURE_COHESION, _plausibly_same)
    counted = {f.counted.lower() for _, f in facts if f.counted}

    def keys(i: int) -> list[Hashable]:
        """What `same` needs two figures of one kind to share: an alignment group, a counted
        noun one ends with, a word stem."""
        article, fact = facts[i]
        kind = (fact.unit, fact.counted is None)
        found: list[Hashable] = [(kind, stem_key(w)) for w in words[i]]
        found += [(kind, "group", g) for g in alignment.groups_with(_sentence_key(article, fact))]
        if fact.counted:
            found += [(kind, "counted", c) for c in counted if fact.counted.lower().endswith(c)]
        return found

    groups = value_groups(facts, same, close, settings, [keys(i) for i in range(len(facts))])
    return [_figure_comparison([claims[i] for i in g], [facts[i][1] for i in g]) for g in groups]


def _plausibly_same(a: Fact, b: Fact) -> bool:
    """Figures that two outlets could give for one thing: of one kind and, when only their
    sentences' closeness links them, within a factor of `_MAX_RATIO` ("eine Stunde" is no
    account of "24 Stunden")."""
    if not _same_kind(a, b):
        return False
    x, y = _middle(a), _middle(b)
    if x is None or y is None or x <= 0 or y <= 0:
        return True
    return max(x, y) / min(x, y) <= _MAX_RATIO


def _middle(fact: Fact) -> float | None:
    if fact.low is None:
        return None
    return fact.low if fact.high is None else (fact.low + fact.high) / 2


def _same_kind(a: Fact, b: Fact) -> bool:
    """Same unit, and both or neither count something: an age ("61-Jährige") is no term."""
    return a.unit == b.unit and (a.counted is None) == (b.counted is None)


def _counted_compatible(a: Fact, b: Fact) -> bool:
    if not (a.counted and b.counted):
        return True
    x, y = a.counted.lower(), b.counted.lower()
    return x.endswith(y) or y.endswith(x)


# ---- dates -----------------------------------------------------------------------------------


def _date_comparisons(
    articles: Sequence[Article], alignment: Alignment, settings: CompareSettings
) -> list[Comparison]:
    """Days given for the same event by two or more articles: equal days agree, different days
    diverge. A date one article alone gives is left to the timeline."""
    facts = [(a, f) for a in articles for f in a.facts if f.kind == "time" and _is_day(f.value)]
    words = [_topic_words(a, f) for a, f in facts]

    def same(i: int, j: int) -> bool:
        (a, x), (b, y) = facts[i], facts[j]
        if a.id == b.id:
            return False
        aligned = alignment.linked((a.id, x.sentence_start), (b.id, y.sentence_start))
        return aligned or (x.predicate == y.predicate != "" and _related(words[i], words[j]))

    close = Closeness(_DATE_SIMILAR, _FIGURE_COHESION, _same_granularity)

    def keys(i: int) -> list[Hashable]:
        """What `same` needs two dates to share: an alignment group, or a predicate and a stem."""
        article, fact = facts[i]
        found: list[Hashable] = [
            ("group", g) for g in alignment.groups_with(_sentence_key(article, fact))
        ]
        if fact.predicate:
            found += [(fact.predicate, stem_key(w)) for w in words[i]]
        return found

    result = []
    for group in value_groups(facts, same, close, settings, [keys(i) for i in range(len(facts))]):
        if len({facts[i][0].id for i in group}) > 1:
            result.append(_date_comparison([facts[i] for i in group]))
    # Agreeing dates are the timeline's business; only conflicts are worth a comparison.
    return [c for c in result if c.status is Status.DIVERGENT]


def _same_granularity(a: Fact, b: Fact) -> bool:
    return len(a.value) == len(b.value)


def _is_day(value: str) -> bool:
    """Days and years ("Vertrag bis 2030"); months and decades are too coarse to conflict."""
    is_year = value.isdigit() and len(value) == len("2025")
    return is_year or (len(value) == len("2025-01-01") and value[4] == "-")


def _date_comparison(facts: list[tuple[Article, Fact]]) -> Comparison:
    claims = [_figure_claim(a, f) for a, f in facts]
    topic = "Datum: " + (Counter(f.predicate for _, f in facts).most_common(1)[0][0] or "Termin")
    # The same words ("am Donnerstag") in one story mean the same day, even when articles
    # published on different days resolve them differently. A year and a day ("seit 1998" /
    # "am Samstag") are a reference point and an event, not two accounts of one date.
    conflicts = [
        (a, b)
        for a, b in combinations(claims, 2)
        if a.article_id != b.article_id
        and a.value != b.value
        and len(a.value) == len(b.value)
        and a.surface.lower() != b.surface.lower()
    ]
    if not conflicts:
        return Comparison(topic, Status.CONSENSUS, tuple(claims), kind="date")
    kind = "sources" if _between_sources(conflicts) else "outlets"
    note = _conflict_note(conflicts)
    return Comparison(topic, Status.DIVERGENT, tuple(claims), kind, note, kind="date")


def _between_sources(conflicts: list[tuple[Claim, Claim]]) -> bool:
    return all(
        a.attributed_to and b.attributed_to and a.attributed_to != b.attributed_to
        for a, b in conflicts
    )


def _topic_words(article: Article, fact: Fact) -> set[str]:
    """Content lemmas of the figure's sentence, without the figure's own words and names."""
    sentence = article.sentences[sentence_index(article, fact.start)]
    outside = [
        t
        for t in sentence.tokens
        if not fact.start <= t.start < fact.end and t.pos not in _NAME_TAGS
    ]
    return {w for w in content_lemmas(outside) if w.isalpha()}


def _related(a: set[str], b: set[str]) -> bool:
    """Whether two sentences share enough content words to speak of the same thing; German
    compounds and derivations count as shared when they begin alike (Telefonat/telefonieren)."""
    return related(a, b, _TOPIC_OVERLAP)


def _sentence_key(article: Article, fact: Fact) -> tuple[str, int]:
    return (article.id, fact.sentence_start)


def _same_figure(a: Fact, b: Fact, a_words: set[str], b_words: set[str]) -> bool:
    """Same unit, and the same thing counted ("Verletzte"/"Leichtverletzte") or, when nothing
    is counted, sentences about the same thing. Ages compare only for a person both name."""
    if a.unit != b.unit:
        return False
    if a.counted and b.counted:
        x, y = a.counted.lower(), b.counted.lower()
        if x == y == _AGE and set(a.entities).isdisjoint(b.entities):
            return False  # the ages of two different people ("14-Jährige", "78-Jährige")
        return x.endswith(y) or y.endswith(x)
    return _related(a_words, b_words)


def _figure_claim(article: Article, fact: Fact) -> Claim:
    return Claim(
        article_id=article.id,
        start=fact.start,
        end=fact.end,
        sentence_start=fact.sentence_start,
        sentence_end=fact.sentence_end,
        surface=fact.text,
        value=fact.value,
        low=fact.low,
        high=fact.high,
        attributed_to=fact.attributed_to,
    )


def _figure_comparison(claims: list[Claim], sources: list[Fact]) -> Comparison:
    articles = {c.article_id for c in claims}
    topic = _figure_topic(sources)
    if len(articles) < 2:
        return Comparison(topic, Status.SINGLE, tuple(claims), kind="figure")
    conflicts = [
        (a, b)
        for a, b in combinations(claims, 2)
        if a.article_id != b.article_id and not _overlap(a, b)
    ]
    if not conflicts:
        return Comparison(topic, Status.CONSENSUS, tuple(claims), kind="figure")
    kind = "sources" if _between_sources(conflicts) else "outlets"
    note = _conflict_note(conflicts)
    return Comparison(topic, Status.DIVERGENT, tuple(claims), kind, note, kind="figure")


def _conflict_note(conflicts: list[tuple[Claim, Claim]]) -> str:
    """The distinct values in conflict, each with the party it is attributed to: "etwa eine
    Stunde (Donald Trump) ≠ eineinhalb Stunden (Kreml)"."""

    def label(claim: Claim) -> str:
        return claim.surface + (f" ({claim.attributed_to})" if claim.attributed_to else "")

    pairs = dict.fromkeys(tuple(sorted((label(a), label(b)))) for a, b in conflicts)
    return "; ".join(f"{x} ≠ {y}" for x, y in list(pairs)[:3])


def _overlap(a: Claim, b: Claim) -> bool:
    """Whether two intervals share a point; None bounds are open ends. A bare figure stands for
    what rounds to it: "54 Prozent" fits "54,3 Prozent"."""
    a_low = a.low - _rounding(a) if a.low is not None else float("-inf")
    b_low = b.low - _rounding(b) if b.low is not None else float("-inf")
    a_high = a.high + _rounding(a) if a.high is not None else float("inf")
    b_high = b.high + _rounding(b) if b.high is not None else float("inf")
    return a_low <= b_high and b_low <= a_high


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _rounding(claim: Claim) -> float:
    """Half a unit of the last digit written, in the claim's unit, for a figure without hedge
    ("54 Prozent": 0.5; "2,5 Millionen Euro": 50 000); 0 for hedged or unwritten numbers."""
    found = _NUMBER.search(claim.surface)
    if found is None or claim.low is None or claim.low != claim.high:
        return 0.0
    digits = found.group()
    decimals = len(digits.rpartition(",")[2]) if "," in digits else 0
    written = float(digits.replace(".", "").replace(",", "."))
    return 0.5 * 10.0**-decimals * claim.low / written if written else 0.0


def _figure_topic(facts: list[Fact]) -> str:
    """The unit's label and what is measured: the counted noun, else the commonest predicate."""
    label = _UNIT_LABELS.get(facts[0].unit or "", "Wert")
    predicates = Counter(f.predicate for f in facts if f.predicate)
    about = facts[0].counted or (predicates.most_common(1)[0][0] if predicates else "")
    return f"{label}: {about}" if about else label
