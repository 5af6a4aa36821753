"""Name keys and relations: Kölner Phonetik, transliteration, short forms, misspellings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopse.link.names import Relation, first_name_relation, name_relation, person_relation
from synopse.link.nicknames import are_nicknames
from synopse.link.phonetic import edit_distance, koelner_phonetik, transliteration_key
from synopse.link.places import same_place


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Müller-Lüdenscheidt", "65752682"),
        ("Wikipedia", "3412"),
        ("Breschnew", "17863"),
        ("Vogel", "345"),
        ("Fogel", "345"),
        ("Xaver", "4837"),
        ("Christoph", "47823"),
        ("Philipp", "351"),
        ("", ""),
    ],
)
def test_koelner_phonetik_codes_words_by_their_sounds(word: str, code: str) -> None:
    assert koelner_phonetik(word) == code


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Selenskyj", "Zelenskyy"),
        ("Selenski", "Zelensky"),
        ("Peskow", "Peskov"),
        ("Lawrow", "Lavrov"),
        ("Gorbatschow", "Gorbachev"),
        ("Chruschtschow", "Khrushchev"),
        ("Jelzin", "Yeltsin"),
        ("Medwedew", "Medvedev"),
        ("Prigoschin", "Prigozhin"),
        ("Jewgeni", "Yevgeny"),
        ("Marc", "Mark"),
        ("Tschaikowski", "Tchaikovsky"),
        ("Müller", "Mueller"),
    ],
)
def test_transliteration_key_folds_german_and_english_spellings(german: str, english: str) -> None:
    assert transliteration_key(german) == transliteration_key(english)


@pytest.mark.parametrize(("a", "b"), [("Walz", "Waltz"), ("Putin", "Peskow"), ("Kiew", "Köln")])
def test_transliteration_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert transliteration_key(a) != transliteration_key(b)


@pytest.mark.parametrize(
    ("a", "b", "distance"), [("kitten", "sitting", 3), ("Walz", "Waltz", 1), ("ab", "ba", 1)]
)
def test_edit_distance_counts_edits_and_swaps(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance == edit_distance(b, a)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Mike", "Michael", Relation.SHORT_FORM),
        ("Bob", "Robert", Relation.SHORT_FORM),
        ("J.", "John", Relation.SHORT_FORM),
        ("J.D.", "J.", Relation.SHORT_FORM),
        ("Alex", "Alexander", Relation.SHORT_FORM),
        ("Dmitri", "Dmitry", Relation.TRANSLITERATION),
        ("Marc", "Marco", Relation.FUZZY),
        ("Wladimir", "Wolodymyr", Relation.FUZZY),
        ("Olaf", "Britta", Relation.NONE),
        ("Anna", "Jonas", Relation.NONE),
    ],
)
def test_first_names_relate_by_short_form_spelling_or_not_at_all(
    a: str, b: str, relation: Relation
) -> None:
    assert first_name_relation(a, b) is relation
    assert first_name_relation(b, a) is relation


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Michael Waltz", "Mike Waltz", Relation.SHORT_FORM),
        ("J.D. Vance", "J. D. Vance", Relation.SAME),
        ("Dmitri Peskow", "Dmitry Peskov", Relation.TRANSLITERATION),
        ("Michael Waltz", "Michael Walz", Relation.FUZZY),
        ("Marc Fogel", "Mark Vogel", Relation.FUZZY),
        ("Olaf Scholz", "Britta Scholz", Relation.NONE),
        ("Karin Albers", "Karin Albrecht", Relation.NONE),
        ("Anja Walz", "Anna Waltz", Relation.NONE),  # two guesses in one name
    ],
)
def test_person_names_relate_through_first_and_last_name(
    a: str, b: str, relation: Relation
) -> None:
    assert person_relation(a, b) is relation


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Kremls", "Kreml", Relation.SAME),
        ("Weißen Hauses", "Weiße Haus", Relation.SAME),
        ("NATO", "Nato", Relation.SAME),
        ("Münchener Sicherheitskonferenz", "Münchner Sicherheitskonferenz", Relation.FUZZY),
        ("Kiew", "Köln", Relation.NONE),
        ("Bayer", "Bayern", Relation.FUZZY),  # one letter apart: only context may merge
    ],
)
def test_other_names_relate_word_by_word(a: str, b: str, relation: Relation) -> None:
    assert name_relation(a, b, person=False) is relation


def test_nickname_table_works_both_ways_and_not_across_rows() -> None:
    assert are_nicknames("Bill", "William") and are_nicknames("william", "bill")
    assert not are_nicknames("Robert", "Albert")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Kiew", "Kyjiw", True), ("Lemberg", "Lwiw", True), ("Wien", "Würzburg", False)],
)
def test_city_names_in_several_languages_are_one_place(a: str, b: str, same: bool) -> None:
    assert same_place(a, b) is same


@given(st.text(max_size=30), st.text(max_size=30))
def test_name_keys_never_crash_and_relations_are_symmetric(a: str, b: str) -> None:
    assert koelner_phonetik(a).isdigit() or koelner_phonetik(a) == ""
    transliteration_key(a)
    assert name_relation(a, b, person=False) is name_relation(b, a, person=False)
