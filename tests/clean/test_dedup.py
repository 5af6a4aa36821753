from __future__ import annotations

import pickle

import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.clean.dedup import (
    NUM_PERM,
    SEED,
    find_duplicates,
    fingerprint,
    minhash,
    normalized_words,
)
from synopse.errors import ConfigError, StageError
from synopse.model import Article

# Two outlets' own reports on the same storm, written independently.
STORM_AGENCY = [
    "Ein schweres Sturmtief hat am Dienstagabend in Hamburg erhebliche Schäden angerichtet.",
    "Nach Angaben der Feuerwehr rückten die Einsatzkräfte bis Mitternacht zu mehr als 400 "
    "Einsätzen aus.",
    "Umgestürzte Bäume blockierten zahlreiche Straßen im Westen der Stadt.",
    "Im Stadtteil Altona wurde ein Mann von einem herabfallenden Ast getroffen und schwer "
    "verletzt.",
    "Die Hochbahn stellte den Betrieb auf zwei U-Bahn-Linien vorübergehend ein.",
    "Auch der Fernverkehr der Bahn war stundenlang unterbrochen, weil Oberleitungen beschädigt "
    "wurden.",
    "Der Deutsche Wetterdienst hatte zuvor vor Orkanböen mit bis zu 120 Kilometern pro Stunde "
    "gewarnt.",
    "„Wir hatten eine der arbeitsreichsten Nächte der vergangenen Jahre“, sagte ein Sprecher der "
    "Feuerwehr am Mittwochmorgen.",
    "Die Schulen im Bezirk Eimsbüttel bleiben am Mittwoch geschlossen, bis die Schulhöfe "
    "geräumt sind.",
    "Die Versicherer rechnen mit Schäden in Millionenhöhe und wollen am Freitag erste Zahlen "
    "vorlegen.",
]
STORM_OWN_REPORT = [
    "Orkanböen haben Hamburg in der Nacht zu Mittwoch in Atem gehalten.",
    "Die Feuerwehr zählte nach eigenen Angaben über 400 Einsätze, vor allem wegen umgestürzter "
    "Bäume.",
    "In Altona erlitt ein Passant schwere Verletzungen, als ihn ein Ast traf.",
    "Zwei U-Bahn-Linien fuhren zeitweise nicht, und auch Fernzüge blieben wegen beschädigter "
    "Oberleitungen stehen.",
    "Meteorologen hatten Windgeschwindigkeiten von bis zu 120 Kilometern pro Stunde vorhergesagt.",
    "Anwohner in Eimsbüttel berichteten von abgedeckten Dächern und zerstörten Autos.",
    "Ein Feuerwehrsprecher nannte die Nacht am Morgen „eine der arbeitsreichsten der vergangenen "
    "Jahre“.",
    "Der Unterricht an mehreren Schulen fällt am Mittwoch aus.",
    "Wie hoch der Schaden insgesamt ist, können die Versicherungen noch nicht sagen.",
]
# An unrelated report, as a bystander in each batch.
WAGES = [
    "Im Tarifstreit des öffentlichen Dienstes haben sich Gewerkschaften und Arbeitgeber am "
    "Sonntag in Potsdam geeinigt.",
    "Die rund 2,5 Millionen Beschäftigten von Bund und Kommunen erhalten in zwei Stufen mehr Geld.",
    "Zum 1. April steigen die Gehälter um drei Prozent, ein Jahr später um weitere 2,8 Prozent.",
    "Außerdem gibt es eine einmalige Zahlung von 1000 Euro für alle Vollzeitkräfte.",
    "Die Verhandlungen hatten sich über drei Runden und mehrere Warnstreiks hingezogen.",
    "Der Verhandlungsführer der Kommunen sprach von einem schmerzhaften, aber tragbaren "
    "Kompromiss.",
    "Die Gewerkschaft will ihre Mitglieder in den kommenden Wochen über das Ergebnis abstimmen "
    "lassen.",
    "Für die Haushalte der Städte bedeutet der Abschluss Mehrkosten in Milliardenhöhe.",
]


def _article(id_: str, sentences: list[str], published: str | None = None) -> Article:
    return Article(id=id_, source=f"{id_}.txt", text="\n".join(sentences), published=published)


def _edit(sentences: list[str], every: int) -> list[str]:
    """Every `every`-th sentence rewritten the way an editor would: a clause swapped out."""
    return [
        f"Wie berichtet wurde, {s[0].lower()}{s[1:-1]}, hieß es später." if n % every == 0 else s
        for n, s in enumerate(sentences)
    ]


@pytest.mark.parametrize(
    ("copy", "why"),
    [
        (STORM_AGENCY, "exact copy"),
        ([s.upper() + "  " for s in STORM_AGENCY], "case and spacing differ"),
        ([s.replace(",", "").replace("„", '"') for s in STORM_AGENCY], "punctuation differs"),
        (
            [
                "Orkan wütet in Hamburg: 400 Einsätze",
                "Ein heftiges Sturmtief hat Hamburg am Dienstagabend schwer getroffen.",
                *STORM_AGENCY[1:],
            ],
            "syndicated: own headline and rewritten first sentence",
        ),
        ([*STORM_AGENCY, "Mehr zum Thema lesen Sie auf unserer Themenseite."], "added footer"),
        (STORM_AGENCY[:-1], "last sentence cut"),
        (_edit(STORM_AGENCY, 10), "one sentence in ten edited"),
    ],
)
def test_copies_of_an_agency_report_are_found(copy: list[str], why: str) -> None:
    articles = [_article("dpa", STORM_AGENCY), _article("kopie", copy), _article("tarif", WAGES)]
    assert find_duplicates(articles) == {"kopie": "dpa"}, why


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (STORM_OWN_REPORT, "the same storm, reported independently"),
        (WAGES, "an unrelated story"),
        (STORM_AGENCY[:4] + STORM_OWN_REPORT[4:], "shares a third of the agency text"),
        (_edit(STORM_AGENCY, 2), "every second sentence rewritten"),
    ],
)
def test_different_articles_are_not_duplicates(other: list[str], why: str) -> None:
    assert find_duplicates([_article("dpa", STORM_AGENCY), _article("anders", other)]) == {}, why


def test_the_earliest_published_copy_is_kept_whatever_the_input_order() -> None:
    articles = [
        _article("spaet", STORM_AGENCY, "2025-02-12T09:00"),
        _article("ohne-datum", STORM_AGENCY),
        _article("frueh", STORM_AGENCY, "2025-02-11T22:15"),
    ]
    assert find_duplicates(articles) == {"spaet": "frueh", "ohne-datum": "frueh"}


def test_without_dates_the_first_in_input_order_is_kept() -> None:
    articles = [_article(name, STORM_AGENCY) for name in ("b", "a", "c")]
    assert find_duplicates(articles) == {"a": "b", "c": "b"}


def test_a_copy_points_at_the_kept_article_not_at_another_copy() -> None:
    articles = [
        _article("original", STORM_AGENCY, "2025-02-11"),
        _article("kopie-1", STORM_AGENCY[:-1], "2025-02-12"),
        _article("kopie-2", STORM_AGENCY[:-1], "2025-02-13"),
    ]
    assert find_duplicates(articles) == {"kopie-1": "original", "kopie-2": "original"}


def test_empty_bodies_are_nobody_s_duplicate() -> None:
    assert find_duplicates([_article("a", []), _article("b", []), _article("c", ["..."])]) == {}


def test_a_repeated_article_id_is_an_error() -> None:
    with pytest.raises(StageError, match="the same article id appears twice"):
        find_duplicates([_article("x", STORM_AGENCY), _article("x", WAGES)])


@pytest.mark.parametrize("threshold", [0.0, 1.0, -0.5, 1.5])
def test_an_unusable_threshold_is_a_config_error(threshold: float) -> None:
    with pytest.raises(ConfigError, match=r"clean\.duplicate_threshold"):
        find_duplicates([_article("a", WAGES)], threshold)


def test_normalisation_folds_case_and_drops_punctuation() -> None:
    assert normalized_words("„Straße“ – STRASSE, 2,5 %!") == ["strasse", "strasse", "2", "5"]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([STORM_AGENCY, STORM_OWN_REPORT, WAGES]), max_size=6))
def test_results_are_deterministic_and_point_at_kept_articles(texts: list[list[str]]) -> None:
    articles = [_article(f"a{n}", sentences) for n, sentences in enumerate(texts)]
    first = find_duplicates(articles)
    assert find_duplicates(articles) == first
    assert not set(first.values()) & set(first)  # a kept article is never itself a duplicate
    by_id = {a.id: a.text for a in articles}
    assert all(by_id[copy] == by_id[kept] for copy, kept in first.items())


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from([STORM_AGENCY, STORM_AGENCY[:-1], WAGES, []]), max_size=6),
    st.lists(st.sampled_from([None, "2025-02-11", "2025-02-12"]), min_size=6, max_size=6),
)
def test_fingerprints_made_elsewhere_give_the_same_duplicates(
    texts: list[list[str]], dates: list[str | None]
) -> None:
    """Worker processes fingerprint the articles they clean (synopse.distributed.local)."""
    articles = [_article(f"a{n}", s, dates[n]) for n, s in enumerate(texts)]
    made = [pickle.loads(pickle.dumps(fingerprint(a.text))) for a in articles]
    assert find_duplicates(articles, fingerprints=made) == find_duplicates(articles)
    assert [f is None for f in made] == [not normalized_words(a.text) for a in articles]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["der", "Sturm", "über", "Kiel", "2,5", "ß", "東京", "x"]), max_size=12
    )
)
def test_signatures_are_those_of_the_library_s_own_hashing(words: list[str]) -> None:
    """`minhash` hashes the shingles itself; the library's default MinHash gives the same."""
    library = MinHash(num_perm=NUM_PERM, seed=SEED)
    shingles = [" ".join(words[i : i + 5]) for i in range(max(len(words) - 4, 1))]
    library.update_batch([s.encode("utf-8") for s in shingles])
    ours = minhash(words)
    assert ours.scheme == library.scheme
    assert ours.hashvalues.tolist() == library.hashvalues.tolist()
    assert ours.jaccard(library) == 1.0
