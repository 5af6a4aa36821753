from __future__ import annotations

import pytest

from synopse.annotate.facts import find_facts
from synopse.annotate.tokens import Tokenizer
from synopse.compare import compare_story
from synopse.model import Article, Quantity, Quote, QuoteKind, Span, Status

# (surface, qualifier, low, high) in minutes
FIGURES = {
    "etwa eine Stunde": ("etwa", 54.0, 66.0),
    "eineinhalb Stunden": (None, 90.0, 90.0),
    "fast 90 Minuten": ("fast", 76.5, 90.0),
    "über eine Stunde": ("über", 60.0, 90.0),
}


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def _article(
    tokenizer: Tokenizer, article_id: str, text: str, speaker: str | None = None
) -> Article:
    quantities = []
    for surface, (qualifier, low, high) in FIGURES.items():
        if surface in text:
            start = text.index(surface)
            quantities.append(
                Quantity(
                    start, start + len(surface), surface, low, "minute", qualifier, low, high, low
                )
            )
    quotes = ()
    if speaker:
        cue = text.index("sagte")
        quotes = (
            Quote(
                0,
                cue - 2,
                text[: cue - 2],
                QuoteKind.INDIRECT,
                Span(cue + 6, cue + 6 + len(speaker), speaker),
                speaker,
                Span(cue, cue + 5, "sagte"),
            ),
        )
    sentences = tokenizer(text)
    return Article(
        id=article_id,
        source=article_id,
        text=text,
        sentences=sentences,
        quantities=tuple(quantities),
        quotes=quotes,
        facts=find_facts(sentences, (), quotes, quantities, ()),
    )


def _compare(*articles: Article) -> list:  # type: ignore[type-arg]
    """The figure groups only: these tests are about intervals, not sentence alignment."""
    return [c for c in compare_story(articles, ()) if c.kind == "figure"]


def test_incompatible_durations_attributed_to_different_parties_diverge_between_sources(
    tokenizer: Tokenizer,
) -> None:
    a = _article(
        tokenizer,
        "a",
        "Das Telefonat habe etwa eine Stunde gedauert, sagte Anna Berg.",
        "Anna Berg",
    )
    b = _article(
        tokenizer,
        "b",
        "Das Telefonat habe fast 90 Minuten gedauert, sagte Jonas Klee.",
        "Jonas Klee",
    )
    [comparison] = _compare(a, b)
    assert comparison.status is Status.DIVERGENT
    assert comparison.divergence == "sources"
    assert {c.attributed_to for c in comparison.claims} == {"Anna Berg", "Jonas Klee"}
    assert comparison.topic.startswith("Dauer")


def test_unattributed_incompatible_figures_diverge_between_outlets(tokenizer: Tokenizer) -> None:
    a = _article(tokenizer, "a", "Das Telefonat dauerte etwa eine Stunde.")
    b = _article(tokenizer, "b", "Das Telefonat dauerte eineinhalb Stunden.")
    [comparison] = _compare(a, b)
    assert (comparison.status, comparison.divergence) == (Status.DIVERGENT, "outlets")


def test_hedged_figures_whose_intervals_overlap_are_consensus(tokenizer: Tokenizer) -> None:
    a = _article(tokenizer, "a", "Das Telefonat dauerte über eine Stunde.")
    b = _article(tokenizer, "b", "Das Telefonat dauerte eineinhalb Stunden.")
    [comparison] = _compare(a, b)
    assert comparison.status is Status.CONSENSUS
    assert comparison.divergence is None


def test_a_figure_in_one_article_only_is_single_source_and_claims_point_into_the_text(
    tokenizer: Tokenizer,
) -> None:
    a = _article(tokenizer, "a", "Die Sitzung dauerte eineinhalb Stunden.")
    b = _article(tokenizer, "b", "Der Minister reiste danach ab.")
    [comparison] = _compare(a, b)
    assert comparison.status is Status.SINGLE
    [claim] = comparison.claims
    assert a.text[claim.start : claim.end] == claim.surface == "eineinhalb Stunden"
    assert a.text[claim.sentence_start : claim.sentence_end] == a.text


def test_figures_about_unrelated_things_are_not_compared(tokenizer: Tokenizer) -> None:
    a = _article(tokenizer, "a", "Das Telefonat dauerte etwa eine Stunde.")
    b = _article(tokenizer, "b", "Die Brücke wird eineinhalb Stunden für Lastwagen gesperrt.")
    assert [c.status for c in _compare(a, b)] == [Status.SINGLE, Status.SINGLE]
