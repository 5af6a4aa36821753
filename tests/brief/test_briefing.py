"""The sectioned briefing on a small invented story: four outlets on a town council's vote."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synopse.brief import SECTIONS
from synopse.brief.render import briefing_sections, render_markdown
from synopse.brief.report_json import report_to_dict
from synopse.config import BriefSettings, Settings
from synopse.model import Article, BriefingSentence, Report, Story
from synopse.pipeline import build_story
from tests.report_check import check_report

if TYPE_CHECKING:
    from synopse.annotate.annotator import Annotator

_TEXTS = {
    "a": (
        "Lindenau – Der Stadtrat von Lindenau hat am Dienstag den Bau eines neuen Hallenbads "
        "beschlossen. Die Kosten beziffert die Stadtverwaltung auf zwölf Millionen Euro. "
        "Bürgermeisterin Karin Vogt sagte: „Das ist ein guter Tag für alle Familien in der Stadt.“ "
        "Das alte Bad am Mühlenweg war im vergangenen Jahr wegen Schimmel geschlossen worden. "
        "Der Baubeginn ist für den Herbst geplant."
    ),
    "b": (
        "Der Stadtrat in Lindenau hat am Dienstag mit großer Mehrheit ein neues Hallenbad "
        "beschlossen. Nach Angaben der Opposition wird der Bau rund 15 Millionen Euro kosten. "
        "„Das ist ein guter Tag für alle Familien in der Stadt“, sagte Bürgermeisterin Karin Vogt. "
        "Das alte Bad am Mühlenweg war im vergangenen Jahr wegen Schimmel geschlossen worden. "
        "Kämmerer Paul Brandt warnte vor steigenden Zinsen für die Stadt."
    ),
    "c": (
        "In Lindenau entsteht ein neues Hallenbad, das hat der Stadtrat am Dienstag beschlossen. "
        "Das alte Bad am Mühlenweg war im vergangenen Jahr wegen Schimmel geschlossen worden. "
        "Die Schwimmvereine der Region hatten seit Monaten auf eine Entscheidung gewartet. "
        "Der Baubeginn ist für den Herbst geplant, eröffnet werden soll das Bad im Jahr 2028."
    ),
    "d": (
        "Lindenau bekommt ein neues Hallenbad: Der Stadtrat hat den Bau am Dienstag beschlossen. "
        "Bürgermeisterin Karin Vogt sprach von einem guten Tag für die Familien der Stadt. "
        "Kämmerer Paul Brandt rechnet mit Kosten von zwölf Millionen Euro. "
        "Ein Förderverein sammelt bereits Spenden für eine Kletterwand im Bad."
    ),
}
_OUTLETS = {"a": "Lindenauer Bote", "b": "Kreisblatt", "c": "Radio Tal", "d": "Abendzeitung"}


def _story(annotator: Annotator, max_sentences: int = 10) -> tuple[Story, list[Article]]:
    articles = [
        annotator(Article(aid, f"{aid}.txt", text, outlet=_OUTLETS[aid], published="2025-03-04"))
        for aid, text in _TEXTS.items()
    ]
    config = Settings(brief=BriefSettings(max_sentences=max_sentences))
    return build_story("s1", articles, config), articles


@pytest.fixture(scope="module")
def story(annotator: Annotator) -> tuple[Story, list[Article]]:
    return _story(annotator)


def test_briefing_sentences_slice_back_to_their_article(story: tuple[Story, list[Article]]) -> None:
    built, articles = story
    texts = {a.id: a.text for a in articles}
    check_report(report_to_dict(Report(tuple(articles), (built,))))
    assert built.briefing
    for b in built.briefing:
        assert texts[b.ref.article_id][b.ref.start : b.ref.end].strip()
        assert b.article_ids[0] == b.ref.article_id
        assert [s.article_id for s in b.support] == list(b.article_ids[1:])


def test_briefing_comes_grouped_by_section_in_the_fixed_order(
    story: tuple[Story, list[Article]],
) -> None:
    sections = [b.section for b in story[0].briefing]
    assert all(s in SECTIONS for s in sections)
    assert sections == sorted(sections, key=SECTIONS.index)
    assert sections[0] == "happened"


def test_the_shared_sentence_appears_once_citing_every_outlet_that_carries_it(
    story: tuple[Story, list[Article]],
) -> None:
    mentions = [b for b in story[0].briefing if "Schimmel" in _text(b, story[1])]
    assert len(mentions) == 1
    assert set(mentions[0].article_ids) >= {"a", "b", "c"}


def test_no_source_sentence_is_used_twice(story: tuple[Story, list[Article]]) -> None:
    refs = [(b.ref.article_id, b.ref.end) for b in story[0].briefing]
    assert len(refs) == len(set(refs))


def test_differing_costs_show_one_sentence_per_side_each_citing_its_outlets(
    story: tuple[Story, list[Article]],
) -> None:
    differ = [b for b in story[0].briefing if b.section == "differ"]
    texts = [_text(b, story[1]) for b in differ]
    assert len(differ) == 2
    assert any("zwölf" in t for t in texts) and any("15" in t for t in texts)
    twelve = next(b for b, t in zip(differ, texts, strict=True) if "zwölf" in t)
    assert set(twelve.article_ids) == {"a", "d"}


def test_a_key_quote_is_given_in_a_sentence_naming_its_speaker(
    story: tuple[Story, list[Article]],
) -> None:
    quotes = [_text(b, story[1]) for b in story[0].briefing if b.section == "quotes"]
    assert any("Vogt" in t and "guter Tag" in t for t in quotes)


def test_a_leading_dateline_is_trimmed_with_exact_offsets(
    story: tuple[Story, list[Article]],
) -> None:
    texts = [_text(b, story[1]) for b in story[0].briefing]
    assert not any(t.startswith("Lindenau –") for t in texts)


@pytest.mark.parametrize("max_sentences", [1, 3, 6, 20])
def test_briefing_respects_max_sentences(annotator: Annotator, max_sentences: int) -> None:
    built, _ = _story(annotator, max_sentences)
    assert 1 <= len(built.briefing) <= max_sentences
    assert sum(b.section == "differ" for b in built.briefing) % 2 == 0  # both sides or none
    if max_sentences < 10:
        assert built.briefing[0].section == "happened"


@pytest.mark.parametrize(("language", "label"), [("de", "Was geschah"), ("en", "What happened")])
def test_section_labels_follow_the_story_language(
    story: tuple[Story, list[Article]], language: str, label: str
) -> None:
    data = report_to_dict(Report(tuple(story[1]), (story[0],)))
    languages = {a["id"]: language for a in data["articles"]}
    labels = [name for name, _ in briefing_sections(data["stories"][0], languages)]
    assert labels[0] == label
    if language == "de":
        assert f"**{label}**" in render_markdown(data)


_WORDS = st.sampled_from(
    [
        "Der",
        "Rat",
        "Stadt",
        "Bad",
        "Kosten",
        "Euro",
        "Millionen",
        "beschloss",
        "sagte",
        "Vogt",
        "am",
        "Dienstag",
        "neues",
        "und",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=14).map(lambda w: " ".join(w) + ".")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bodies=st.lists(st.lists(_SENTENCE, min_size=1, max_size=6), min_size=1, max_size=3))
def test_any_briefing_slices_back_to_its_articles(
    annotator: Annotator, bodies: list[list[str]]
) -> None:
    articles = [
        annotator(Article(f"x{i}", f"x{i}.txt", "Lindenau – " + " ".join(b), outlet=f"O{i}"))
        for i, b in enumerate(bodies)
    ]
    built = build_story("s1", articles, Settings())
    check_report(report_to_dict(Report(tuple(articles), (built,))))
    assert len(built.briefing) <= Settings().brief.max_sentences


def _text(b: BriefingSentence, articles: list[Article]) -> str:
    ref = b.ref
    return next(a.text for a in articles if a.id == ref.article_id)[ref.start : ref.end]
