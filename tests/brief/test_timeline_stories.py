"""The timeline of a story built from real annotations of team-written articles."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.annotator import Annotator
from synopse.brief import build_timeline
from synopse.brief.timeline import anchor_day
from synopse.model import Article, Sentence, TimeExpression, TimelineEntry

REPORTS = [
    (
        "rb",
        "Rheinblatt",
        "Die Stadt Karlsbrunn hat die Altrheinbrücke am Donnerstag gesperrt. "
        "Die Brücke war im Jahr 1968 gebaut worden. Ein Gutachten soll im Mai vorliegen.",
    ),
    (
        "se",
        "Südwest-Echo",
        "Am Donnerstag ordnete die Stadt die Sperrung der Altrheinbrücke an. "
        "Die Brücke stammt aus dem Jahr 1968.",
    ),
    (
        "tb",
        "Tagesbote",
        "Seit Donnerstag ist die Altrheinbrücke in Karlsbrunn dicht. "
        "Der Stadtrat berät am Montag über eine Behelfsbrücke.",
    ),
]


@pytest.fixture(scope="module")
def bridge_story(annotator: Annotator) -> list[Article]:
    return [
        annotator(Article(id=i, source=i, text=text, outlet=outlet, published="2025-04-11"))
        for i, outlet, text in REPORTS
    ]


def _entry(timeline: tuple[TimelineEntry, ...], date: str) -> TimelineEntry:
    [entry] = [e for e in timeline if e.date == date]
    return entry


def test_one_day_stated_by_three_outlets_is_one_entry_citing_all(
    bridge_story: list[Article],
) -> None:
    entry = _entry(build_timeline(bridge_story), "2025-04-10")
    assert {r.article_id for r in entry.refs} == {"rb", "se", "tb"}
    assert (entry.precision, entry.background) == ("day", False)


def test_a_year_long_past_is_background_and_comes_first(bridge_story: list[Article]) -> None:
    timeline = build_timeline(bridge_story)
    assert timeline[0].date == "1968"
    assert timeline[0].background
    assert {r.article_id for r in timeline[0].refs} == {"rb", "se"}


@settings(max_examples=20, deadline=None)
@given(order=st.permutations(range(3)))
def test_timeline_does_not_depend_on_the_order_of_the_articles(
    bridge_story: list[Article], order: list[int]
) -> None:
    def summary(articles: list[Article]) -> set[tuple[str, str, bool, frozenset[str]]]:
        return {
            (e.date, e.precision, e.background, frozenset(r.article_id for r in e.refs))
            for e in build_timeline(articles)
        }

    assert summary([bridge_story[i] for i in order]) == summary(bridge_story)


def test_every_entry_cites_the_sentence_holding_the_date(bridge_story: list[Article]) -> None:
    texts = {a.id: a.text for a in bridge_story}
    sentences = {(a.id, s.start, s.end) for a in bridge_story for s in a.sentences}
    for entry in build_timeline(bridge_story):
        assert entry.refs
        for ref in entry.refs:
            assert (ref.article_id, ref.start, ref.end) in sentences
            assert texts[ref.article_id][ref.start : ref.end].strip()


def _undated(article_id: str, text: str, dated: dict[str, str | None]) -> Article:
    times = []
    for surface, value in dated.items():
        start = text.index(surface)
        precision = "day" if value is None or len(value) == 10 else "year"
        times.append(TimeExpression(start, start + len(surface), surface, value, precision))
    return Article(
        id=article_id,
        source=article_id,
        text=text,
        sentences=(Sentence(0, len(text), text),),
        times=tuple(times),
    )


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [("Freitag", "2025-03-14"), ("Montag", "2025-03-10"), ("Mittwoch", "2025-03-12")],
)
def test_weekday_of_an_undated_article_is_placed_in_the_week_of_the_stated_day(
    weekday: str, expected: str
) -> None:
    stated = _undated("a", "Der Streik begann am 12. März.", {"12. März": "2025-03-12"})
    other = _undated("b", f"Die Gespräche folgen am {weekday}.", {weekday: None})
    assert expected in {e.date for e in build_timeline([stated, other])}


def test_weekday_of_a_dated_article_is_left_to_the_annotator() -> None:
    stated = _undated("a", "Der Streik begann am 12. März.", {"12. März": "2025-03-12"})
    dated = _undated("b", "Die Gespräche folgen am Freitag.", {"Freitag": None})
    dated = Article(**{**_fields(dated), "published": "2025-03-13"})
    assert "2025-03-14" not in {e.date for e in build_timeline([stated, dated])}


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in Article.__slots__}


@pytest.mark.parametrize(
    ("published", "stated", "expected"),
    [
        (["2025-03-04", "2025-03-04", "2025-03-05"], [], dt.date(2025, 3, 4)),
        (["2025-03-04", "2025-03-05"], [], dt.date(2025, 3, 5)),
        ([None, None], ["2025-02-12", "2025-01-20"], dt.date(2025, 2, 12)),
        ([None], [], None),
    ],
)
def test_anchor_day_is_the_most_shared_publication_day_else_the_most_stated_date(
    published: list[str | None], stated: list[str], expected: dt.date | None
) -> None:
    articles = [
        Article(id=str(i), source=str(i), text="x", published=day)
        for i, day in enumerate(published)
    ]
    articles += [_undated(f"s{i}", f"am {d}", {d: d}) for i, d in enumerate(stated)]
    assert anchor_day(articles) == expected


def test_background_of_an_undated_story_is_measured_from_its_anchor_day() -> None:
    stated = _undated(
        "a",
        "Am 12. Februar 2025 telefonierten sie, zuletzt 2019.",
        {"12. Februar 2025": "2025-02-12", "2019": "2019"},
    )
    timeline = build_timeline([stated])
    assert [(e.date, e.background) for e in timeline] == [("2019", True), ("2025-02-12", False)]
