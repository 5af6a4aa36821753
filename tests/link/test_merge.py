"""Merging a story's mentions across articles: variants, surnames, misspellings in context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.tokens import Tokenizer
from synopse.link import resolve_entities
from synopse.link.resolve import story_types, with_story_types
from synopse.model import Article, Entity, EntityType, Mention

PER, ORG, LOC = EntityType.PER, EntityType.ORG, EntityType.LOC
Spec = tuple[str, EntityType] | tuple[str, EntityType, str | None]


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def article(tokenizer: Tokenizer, article_id: str, text: str, specs: Sequence[Spec]) -> Article:
    """An article with real sentences and the given mentions, found left to right."""
    mentions, cursor = [], 0
    for surface, kind, *role in specs:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        mentions.append(Mention(start, cursor, surface, kind, surface, role[0] if role else None))
    return Article(
        article_id, article_id, text, sentences=tokenizer(text), mentions=tuple(mentions)
    )


def entity_of(entities: Sequence[Entity], article_id: str, surface: str, nth: int = 0) -> Entity:
    found = [
        e for e in entities for r in e.mentions if r.article_id == article_id and r.text == surface
    ]
    return found[nth]


def test_transliterations_and_inflections_are_one_entity(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer,
        "a",
        "Selenskyj sprach in Kiew. Peskow schwieg im Namen des Kremls.",
        [("Selenskyj", PER), ("Kiew", LOC), ("Peskow", PER), ("Kremls", ORG)],
    )
    b = article(
        tokenizer,
        "b",
        "Zelenskyy reiste aus Kyjiw ab. Der Kreml und Peskov widersprachen.",
        [("Zelenskyy", PER), ("Kyjiw", LOC), ("Kreml", ORG), ("Peskov", PER)],
    )
    entities = resolve_entities([a, b], "s")
    assert {e.name for e in entities} == {"Selenskyj", "Kiew", "Peskow", "Kreml"}
    assert all(not v.misspelling for e in entities for v in e.variants)


def test_two_people_with_one_surname_stay_apart_and_a_lone_surname_goes_to_the_last_named(
    tokenizer: Tokenizer,
) -> None:
    a = article(
        tokenizer,
        "a",
        "Olaf Scholz kam spät. Britta Scholz wartete. Scholz lachte.",
        [("Olaf Scholz", PER), ("Britta Scholz", PER), ("Scholz", PER)],
    )
    b = article(
        tokenizer,
        "b",
        "Britta Scholz sprach zuerst. Dann redete Olaf Scholz. Scholz ging.",
        [("Britta Scholz", PER), ("Olaf Scholz", PER), ("Scholz", PER)],
    )
    entities = resolve_entities([a, b], "s")
    assert sorted(e.name for e in entities) == ["Britta Scholz", "Olaf Scholz"]
    assert entity_of(entities, "a", "Scholz", 0).name == "Britta Scholz"
    assert entity_of(entities, "b", "Scholz", 0).name == "Olaf Scholz"


def test_a_lone_surname_of_one_person_joins_the_full_name_in_other_articles(
    tokenizer: Tokenizer,
) -> None:
    a = article(
        tokenizer,
        "a",
        "Finanzministerin Karin Albers legte den Etat vor.",
        [("Karin Albers", PER, "Finanzministerin")],
    )
    b = article(
        tokenizer,
        "b",
        "Albers verteidigte die Kürzungen. Albers' Plan gilt.",
        [("Albers", PER), ("Albers'", PER)],
    )
    [person] = resolve_entities([a, b], "s")
    assert person.name == "Karin Albers"
    assert [(r.role, r.article_id) for r in person.role_sources] == [("Finanzministerin", "a")]


def test_short_first_names_merge_and_the_longest_full_form_is_shown(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer,
        "a",
        "Mike Berger gewann. Bob Krüger verlor.",
        [("Mike Berger", PER), ("Bob Krüger", PER)],
    )
    b = article(
        tokenizer,
        "b",
        "Michael Berger jubelte, Robert Krüger nicht.",
        [("Michael Berger", PER), ("Robert Krüger", PER)],
    )
    entities = resolve_entities([a, b], "s")
    assert sorted(e.name for e in entities) == ["Michael Berger", "Robert Krüger"]


def test_a_misspelt_name_merges_when_it_shares_context_and_is_flagged(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer,
        "a",
        "Zum Team gehören Außenminister Jan Rehberg und Sicherheitsberater "
        "Michael Waltz. Michael Waltz gilt als Hardliner.",
        [
            ("Jan Rehberg", PER, "Außenminister"),
            ("Michael Waltz", PER, "Sicherheitsberater"),
            ("Michael Waltz", PER),
        ],
    )
    b = article(
        tokenizer,
        "b",
        "Mit dabei sind Jan Rehberg und Michael Walz.",
        [("Jan Rehberg", PER), ("Michael Walz", PER)],
    )
    entities = resolve_entities([a, b], "s")
    waltz = entity_of(entities, "b", "Michael Walz")
    assert waltz.name == "Michael Waltz"
    flags = {v.form: v.misspelling for v in waltz.variants}
    assert flags == {"Michael Waltz": False, "Michael Walz": True}
    assert [v.count for v in waltz.variants] == [2, 1]


def test_a_similar_name_without_shared_context_stays_apart(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer,
        "a",
        "Trainerin Anja Brandt lobte die Mannschaft in Kassel.",
        [("Anja Brandt", PER, "Trainerin"), ("Kassel", LOC)],
    )
    b = article(
        tokenizer,
        "b",
        "Die Malerin Anna Brandt stellt in Rostock aus.",
        [("Anna Brandt", PER, "Malerin"), ("Rostock", LOC)],
    )
    names = {e.name for e in resolve_entities([a, b], "s")}
    assert {"Anja Brandt", "Anna Brandt"} <= names


def test_similar_names_in_one_sentence_are_two_entities(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer,
        "a",
        "Ministerin Heike Maier und Ministerin Heike Meier stritten.",
        [("Heike Maier", PER, "Ministerin"), ("Heike Meier", PER, "Ministerin")],
    )
    assert len(resolve_entities([a], "s")) == 2


def test_acronym_and_leading_words_join_the_one_long_name(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer,
        "a",
        "Die Deutsche Bahn streicht Züge. Der FC Bayern München siegt.",
        [("Deutsche Bahn", ORG), ("FC Bayern München", ORG)],
    )
    b = article(
        tokenizer,
        "b",
        "Die DB entschuldigt sich. Der FC Bayern feiert.",
        [("DB", ORG), ("FC Bayern", ORG)],
    )
    assert sorted(e.name for e in resolve_entities([a, b], "s")) == [
        "Deutsche Bahn", "FC Bayern München"]  # fmt: skip


def test_the_majority_type_wins_and_story_types_reports_it_per_mention(
    tokenizer: Tokenizer,
) -> None:
    a = article(
        tokenizer,
        "a",
        "Moskau schweigt. Moskaus Haltung ist klar. Aus Moskau kam nichts.",
        [("Moskau", LOC), ("Moskaus", PER), ("Moskau", LOC)],
    )
    [city] = resolve_entities([a], "s")
    assert (city.name, city.type) == ("Moskau", LOC)
    assert set(story_types([city]).values()) == {LOC}
    assert ("a", a.text.index("Moskaus")) in story_types([city])


def test_story_types_are_applied_back_to_every_article_mention(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer, "a", "Kanzler Friedrich Merz reiste ab. Merz sprach.", [
            ("Friedrich Merz", PER, "Kanzler"), ("Merz", PER)])  # fmt: skip
    b = article(tokenizer, "b", "In Paris traf Merz den Präsidenten.", [("Merz", LOC)])
    c = article(tokenizer, "c", "Auch Merz war dort.", [("Merz", PER)])
    retyped = with_story_types([a, b, c])
    assert [m.type for m in retyped[1].mentions] == [PER]
    assert retyped[0] is a and retyped[2] is c  # unchanged articles are passed through
    assert all(r.text[m.start : m.end] == m.text for r in retyped for m in r.mentions)


def test_a_city_is_not_merged_into_a_person_of_that_surname(tokenizer: Tokenizer) -> None:
    a = article(
        tokenizer,
        "a",
        "Der Physiker Wilhelm Wien forschte lange. Die Stadt Wien ehrt ihn.",
        [("Wilhelm Wien", PER), ("Wien", LOC)],
    )
    assert len(resolve_entities([a], "s")) == 2


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=12), st.sampled_from(list(EntityType))), max_size=8
    )
)
def test_every_mention_lands_in_exactly_one_entity_whatever_the_names(
    names: list[tuple[str, EntityType]],
) -> None:
    text = " ".join(name for name, _ in names)
    mentions, cursor = [], 0
    for name, kind in names:
        start = text.index(name, cursor)
        cursor = start + len(name)
        mentions.append(Mention(start, cursor, name, kind, name))
    base = Article("a", "a", text, mentions=tuple(mentions))
    entities = resolve_entities([base, replace(base, id="b")], "s")
    refs = [r for e in entities for r in e.mentions]
    assert len(refs) == 2 * len(mentions)
    assert all(text[r.start : r.end] == r.text for r in refs)
    assert all(sum(v.count for v in e.variants) == len(e.mentions) for e in entities)
