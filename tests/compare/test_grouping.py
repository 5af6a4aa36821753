"""Grouping without chains, value plausibility, rounding, dates of different grain, and roles."""

from __future__ import annotations

from collections.abc import Sequence

from synopse.compare.compare import (
    _date_comparison,
    _figure_claim,
    _overlap,
    _plausibly_same,
    _same_figure,
)
from synopse.compare.grouping import coherent_groups, one_per_article_groups
from synopse.compare.roles import _compatible_roles
from synopse.model import Article, Fact, Status


def _fact(
    text: str,
    low: float,
    high: float,
    unit: str = "EUR",
    counted: str | None = None,
    entities: tuple[str, ...] = (),
) -> Fact:
    return Fact(
        0,
        len(text),
        text,
        "quantity",
        text,
        0,
        len(text),
        "",
        entities,
        None,
        unit,
        counted,
        low,
        high,
    )


def _date(text: str, value: str) -> Fact:
    return Fact(0, len(text), text, "time", value, 0, len(text), "gewinnen")


def test_groups_grow_strongest_link_first_and_refuse_a_second_member_of_one_article() -> None:
    articles = ["a", "b", "a"]  # a sentence of b is linked to two sentences of a

    def may_join(x: Sequence[int], y: Sequence[int]) -> bool:
        return not {articles[i] for i in x} & {articles[i] for i in y}

    groups = coherent_groups(3, [(0.8, 1, 2), (0.95, 0, 1)], may_join)
    assert sorted(groups) == [[0, 1], [2]]


def test_statement_groups_hold_one_sentence_per_article() -> None:
    scores = {(0, 1): 0.97, (1, 2): 0.93, (2, 3): 0.96}
    groups = one_per_article_groups(
        ["a", "b", "a", "c"], lambda i, j: scores.get((min(i, j), max(i, j)), 0.0), scores
    )
    # 0-1 and 2-3 form first; 1-2 would put two sentences of "a" together and is refused.
    assert sorted(groups) == [[0, 1], [2, 3]]


def test_a_bare_figure_stands_for_what_rounds_to_it() -> None:
    article = Article(id="x", source="x", text="54 Prozent und 54,3 Prozent und 56 Prozent")
    bare = _figure_claim(article, _fact("54 Prozent", 54.0, 54.0, "percent"))
    precise = _figure_claim(article, _fact("54,3 Prozent", 54.3, 54.3, "percent"))
    other = _figure_claim(article, _fact("56 Prozent", 56.0, 56.0, "percent"))
    assert _overlap(bare, precise)
    assert not _overlap(bare, other)
    millions = _figure_claim(article, _fact("2,5 Millionen Euro", 2.5e6, 2.5e6))
    close_by = _figure_claim(article, _fact("2,54 Millionen Euro", 2.54e6, 2.54e6))
    assert _overlap(millions, close_by)


def test_figures_linked_by_sentence_closeness_must_be_of_one_order_and_kind() -> None:
    hour = _fact("etwa eine Stunde", 54.0, 66.0, "minute")
    day = _fact("24 Stunden", 1440.0, 1440.0, "minute")
    ninety = _fact("eineinhalb Stunden", 90.0, 90.0, "minute")
    assert _plausibly_same(hour, ninety)
    assert not _plausibly_same(hour, day)
    age = _fact("61-Jährige", 61.0, 61.0, "year", counted="Alter")
    term = _fact("drei Jahren", 3.0, 3.0, "year")
    assert not _plausibly_same(age, term)


def test_ages_of_two_different_people_are_not_one_figure() -> None:
    boy = _fact("14-Jähriger", 14.0, 14.0, "year", "Alter", ("Tim Berger",))
    man = _fact("78-Jährige", 78.0, 78.0, "year", "Alter", ("Otto Kranz",))
    same_man = _fact("78 Jahre", 78.0, 78.0, "year", "Alter", ("Otto Kranz",))
    assert not _same_figure(boy, man, set(), set())
    assert _same_figure(man, same_man, set(), set())


def test_a_year_and_a_day_are_no_date_conflict_but_two_days_are() -> None:
    a = Article(id="a", source="a", text="x")
    b = Article(id="b", source="b", text="y")
    c = Article(id="c", source="c", text="z")
    saturday = (a, _date("am Samstag", "2025-05-24"))
    since = (b, _date("seit 1998", "1998"))
    sunday = (c, _date("am Sonntag", "2025-05-25"))
    assert _date_comparison([saturday, since]).status is Status.CONSENSUS
    assert _date_comparison([saturday, since, sunday]).status is Status.DIVERGENT


def test_standings_synonyms_and_affiliated_offices_are_compatible_roles() -> None:
    assert _compatible_roles("Amtsinhaber", "Bürgermeister")
    assert _compatible_roles("Außenminister", "Chefdiplomaten")
    assert _compatible_roles("Russland-Staatschef", "Kremlchef")
    assert not _compatible_roles("Werksleiterin", "Geschäftsführerin")
    assert not _compatible_roles("Russland-Sondergesandter", "US-Sondergesandte")
