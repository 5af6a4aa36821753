"""The store's JSON codec: an Article (and a Story) round-trips through it unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.config import Settings
from synopse.errors import InputError
from synopse.model import (
    Article,
    EntityType,
    Fact,
    Mention,
    Quantity,
    Quote,
    QuoteKind,
    RemovedLine,
    Sentence,
    Span,
    Story,
    TimeExpression,
    Token,
)
from synopse.pipeline import build_stories, read_articles
from synopse.store.codec import from_json, to_json
from tests.conftest import EXAMPLES

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
NUMBERS = st.none() | st.floats(allow_nan=False, allow_infinity=False)
MAYBE_TEXT = st.none() | WORDS


def _offsets(text: str) -> st.SearchStrategy[tuple[int, int, str]]:
    return (
        st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))
        .map(sorted)
        .map(lambda ab: (ab[0], ab[1], text[ab[0] : ab[1]]))
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(max_size=200))

    def many(build: Any) -> tuple[Any, ...]:
        return tuple(draw(st.lists(_offsets(text).flatmap(build), max_size=3)))

    return Article(
        id=draw(WORDS.filter(bool)),
        source=draw(WORDS),
        text=text,
        title=draw(WORDS),
        outlet=draw(WORDS),
        published=draw(MAYBE_TEXT),
        removed=tuple(draw(st.lists(st.builds(RemovedLine, WORDS, WORDS), max_size=2))),
        url=draw(MAYBE_TEXT),
        notes=tuple(draw(st.lists(WORDS, max_size=2))),
        sentences=many(lambda o: st.builds(Sentence, *map(st.just, o), st.just(_tokens(o)))),
        mentions=many(
            lambda o: st.builds(
                Mention, *map(st.just, o), st.sampled_from(EntityType), WORDS, MAYBE_TEXT
            )
        ),
        quotes=many(lambda o: st.builds(Quote, *map(st.just, o), *_quote_parts(text))),
        times=many(lambda o: st.builds(TimeExpression, *map(st.just, o), *[MAYBE_TEXT] * 3)),
        quantities=many(lambda o: st.builds(Quantity, *map(st.just, o), NUMBERS, *[WORDS] * 2)),
        facts=many(lambda o: st.builds(Fact, *map(st.just, o), WORDS, WORDS, *_fact_parts())),
    )


def _tokens(offsets: tuple[int, int, str]) -> tuple[Token, ...]:
    start, end, text = offsets
    return (Token(start, end, text, "NE", text.lower()),)


def _quote_parts(text: str) -> list[st.SearchStrategy[Any]]:
    span = st.none() | _offsets(text).map(lambda o: Span(*o))
    return [st.sampled_from(QuoteKind), span, MAYBE_TEXT, span]


def _fact_parts() -> list[st.SearchStrategy[Any]]:
    return [st.integers(0, 9), st.integers(0, 9), WORDS, st.lists(WORDS).map(tuple)]


@settings(max_examples=150, deadline=None)
@given(articles())
def test_any_article_round_trips_through_the_codec_unchanged(article: Article) -> None:
    assert from_json(Article, to_json(article)) == article


@pytest.fixture(scope="module")
def example_stories(annotator: Any) -> tuple[list[Article], tuple[Story, ...]]:
    read = [a for a in read_articles([str(EXAMPLES)], Settings()) if isinstance(a, Article)]
    annotated = [annotator(a) for a in read[:4]]
    return annotated, build_stories(annotated, Settings())


def test_annotated_articles_and_their_stories_round_trip_unchanged(
    example_stories: tuple[list[Article], tuple[Story, ...]],
) -> None:
    annotated, stories = example_stories
    assert all(a.mentions and a.sentences for a in annotated)
    for article in annotated:
        assert from_json(Article, to_json(article)) == article
    for story in stories:
        assert story.entities and from_json(Story, to_json(story)) == story


@pytest.mark.parametrize(
    ("stored", "problem"),
    [
        ("{not json", "not readable"),
        ('{"id": "a", "source": "s", "text": "t", "colour": "red"}', "no field 'colour'"),
        ('{"id": "a", "source": "s", "text": 5}', "expected"),
        ('{"id": "a", "source": "s", "text": "t", "mentions": [{"type": "PER"}]}', "missing"),
        ('{"id": "a", "source": "s", "text": "t", "sentences": {}}', "expected"),
    ],
)
def test_an_unreadable_stored_article_is_a_clear_error(stored: str, problem: str) -> None:
    with pytest.raises(InputError, match=f"article x: stored Article .*{problem}"):
        from_json(Article, stored, "article x")
