"""Sentence pairs of a story without a dense matrix (synopse.compare.lexical_pairs), and a very
large story whose comparison grows with its sentences, not with their square."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from synopse.annotate.annotator import Annotator
from synopse.compare.lexical_pairs import closest_pairs
from synopse.compare.statements import align_statements
from synopse.config import AnnotateSettings, CompareSettings
from synopse.model import Article
from synopse.textsim import sparse_cosine, tfidf_vectors

WORDS = [f"wort{k}" for k in range(40)]


def _random_story(seed: int, n: int) -> tuple[list[str], list[str], list[frozenset[str]]]:
    rng = random.Random(seed)
    documents = [" ".join(rng.sample(WORDS, rng.randint(1, 6))) for _ in range(n)]
    outlets = [f"o{rng.randint(0, 9)}" for _ in range(n)]
    topics = [frozenset(rng.sample(WORDS[:12], rng.randint(0, 3))) for _ in range(n)]
    return documents, outlets, topics


def _dense_pairs(
    documents: list[str], outlets: list[str], topics: list[frozenset[str]], prefilter: float
) -> dict[tuple[int, int], float]:
    vectors = tfidf_vectors(documents)
    dense = np.asarray((vectors @ vectors.T).toarray())
    return {
        (i, j): float(dense[i, j])
        for i in range(len(documents))
        for j in range(i + 1, len(documents))
        if dense[i, j] >= prefilter and outlets[i] != outlets[j] and topics[i] & topics[j]
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_without_a_limit_the_pairs_are_those_of_the_dense_prefilter(seed: int) -> None:
    documents, outlets, topics = _random_story(seed, 300)  # more than one block of rows
    found = closest_pairs(tfidf_vectors(documents), outlets, topics, 0.1, 0)
    assert found == _dense_pairs(documents, outlets, topics, 0.1)


@pytest.mark.parametrize("limit", [1, 3, 10])
def test_each_sentence_keeps_its_closest_partners_and_no_pair_beyond_the_prefilter(
    limit: int,
) -> None:
    documents, outlets, topics = _random_story(7, 300)
    allowed = _dense_pairs(documents, outlets, topics, 0.1)
    found = closest_pairs(tfidf_vectors(documents), outlets, topics, 0.1, limit)
    assert found.keys() <= allowed.keys()
    assert len(found) <= limit * len(documents)
    for i in range(len(documents)):
        partners = {(j if a == i else a): v for (a, j), v in allowed.items() if i in (a, j)}
        ranked = sorted(partners.items(), key=lambda item: (-item[1], item[0]))[:limit]
        assert all((min(i, j), max(i, j)) in found for j, _ in ranked)


def test_sparse_cosine_keeps_exactly_the_values_from_the_floor_on() -> None:
    documents, _, _ = _random_story(11, 280)
    vectors = tfidf_vectors(documents)
    dense = np.asarray((vectors @ vectors.T).toarray())
    sparse = sparse_cosine(documents, 0.3).toarray()
    assert np.array_equal(sparse, np.where(dense >= 0.3, dense, 0.0))


# ---- a very large story ----------------------------------------------------------------------

_EVENT = (
    "Das Hochwasser hat in Kellbrunn am Sonntag die Altstadt überflutet.",
    "Rund {n} Helferinnen und Helfer füllten die ganze Nacht Sandsäcke.",
    "Bürgermeister Ansgar Wiedtke rief den Katastrophenfall aus.",
    "„Wir haben so etwas seit Jahrzehnten nicht erlebt“, sagte Wiedtke.",
    "Der Pegel der Lauter stieg bis zum Abend auf {m} Meter.",
    "Die Schule am Markt bleibt bis auf Weiteres geschlossen.",
    "Mehrere Familien verbrachten die Nacht in der Turnhalle.",
    "Der Deutsche Wetterdienst erwartet für Dienstag weiteren Regen.",
    "Die Landesregierung kündigte Soforthilfen für betroffene Haushalte an.",
    "Ein Damm an der Mühlenstraße wurde mit Planen gesichert.",
    "Die Bahnstrecke nach Obertal ist wegen unterspülter Gleise gesperrt.",
    "Nach Angaben der Polizei wurde niemand schwer verletzt.",
    "Freiwillige aus den Nachbarorten brachten Essen und Decken.",
    "Die Stadtwerke stellten in zwei Vierteln vorsorglich den Strom ab.",
    "Versicherer rechnen mit Schäden in Millionenhöhe.",
    "Anwohner kritisierten, die Warnung sei zu spät gekommen.",
)


def _event_articles(annotator: Annotator, count: int) -> list[Article]:
    """`count` reports of one flood by as many outlets, each six sentences of the pool."""
    rng = random.Random(count)
    articles = []
    for number in range(count):
        chosen = rng.sample(_EVENT, 6)
        text = " ".join(s.format(n=rng.randint(200, 400), m=rng.randint(3, 6)) for s in chosen)
        article = Article(id=f"a{number}", source=f"a{number}", text=text, outlet=f"Blatt {number}")
        articles.append(annotator(article))
    return articles


@pytest.fixture(scope="module")
def flood() -> list[Article]:
    return _event_articles(Annotator(AnnotateSettings()), 240)


def test_scored_pairs_of_a_large_story_grow_linearly_with_its_sentences(
    flood: list[Article],
) -> None:
    settings = CompareSettings(embeddings="none", pairs_per_sentence=10)
    half, whole = align_statements(flood[:120], settings), align_statements(flood, settings)
    assert len(whole.scores) <= settings.pairs_per_sentence * len(whole.candidates)
    # twice the sentences, about twice the pairs; every pair above the prefilter: four times
    assert len(whole.scores) <= 2.5 * len(half.scores)
    unlimited = replace(settings, pairs_per_sentence=0)
    all_half, all_whole = (
        align_statements(flood[:120], unlimited),
        align_statements(flood, unlimited),
    )
    assert len(all_whole.scores) >= 3.5 * len(all_half.scores)


def test_a_sentence_every_outlet_carries_still_forms_one_group_beyond_the_limit(
    flood: list[Article],
) -> None:
    settings = CompareSettings(embeddings="none", pairs_per_sentence=10)
    alignment = align_statements(flood, settings)
    carried = [
        g
        for g in alignment.groups
        if "Katastrophenfall" in alignment.candidates[g[0]].sentence.text
    ]
    carriers = sum("Katastrophenfall" in a.text for a in flood)
    assert carriers > 50
    assert max(len(g) for g in carried) >= 0.9 * carriers
