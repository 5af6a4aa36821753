"""Invariants over arbitrary input: every annotation slices back to its text, nothing crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.pipeline import build_stories, to_article

_ANNOTATOR = Annotator()
_GERMAN_BITS = st.sampled_from(
    [
        "Bürgermeisterin Petra Lenz sagte: „Wir bauen.“",
        "Der Kreml bestätigte das Telefonat.",
        "etwa eine Stunde",
        "am Mittwoch",
        "»Nein«, sagte er.",
        "laut Polizei",
        "2,5 Millionen Euro",
        "Light Mode Dark Mode",
        "\n\n",
        "\n",
        " ",
        "Fast 90 Minuten",
        "‚",
        "“",
        "12. März 2025",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_GERMAN_BITS, st.text(max_size=20)), max_size=25).map("".join),
)


def _assert_slices(text: str, spans: object) -> None:
    for span in spans:  # type: ignore[attr-defined]
        assert text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_every_annotation_slices_back_to_the_text(text: str) -> None:
    found = _ANNOTATOR.annotate(text)
    for layer in (found.sentences, found.mentions, found.quotes, found.times, found.quantities):
        _assert_slices(text, layer)
    for sentence in found.sentences:
        _assert_slices(text, sentence.tokens)
    for quote in found.quotes:
        _assert_slices(text, [s for s in (quote.speaker, quote.cue) if s is not None])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_no_input_crashes_the_pipeline(texts: list[str]) -> None:
    articles = []
    for i, text in enumerate(texts):
        try:
            article = to_article(RawDocument(f"a{i}", f"a{i}.txt", text), Settings())
        except InputError as error:
            assert f"a{i}.txt" in str(error)
            continue
        articles.append(_ANNOTATOR(article))
    for story in build_stories(articles, Settings()):
        assert set(story.article_ids) <= {a.id for a in articles}
