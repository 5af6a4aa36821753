"""Model objects cross process boundaries (worker pools, Ray) pickled: they must come back equal."""

from __future__ import annotations

import copy
import pickle

from synopse.annotate.annotator import Annotator
from synopse.model import Article, ErrorRecord, Report, Span

# Team-written.
_TEXT = (
    "Die Gemeinde Talheim hat am Freitag 2,4 Millionen Euro für die neue Brücke bewilligt. "
    "„Das ist ein guter Tag“, sagte Bürgermeisterin Petra Lindqvist."
)


def test_an_annotated_article_survives_pickling_equal(annotator: Annotator) -> None:
    article = annotator(Article(id="a1", source="x.txt", text=_TEXT, published="2026-03-06"))
    assert article.sentences and article.mentions and article.quantities
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(article, protocol=protocol))
        assert again == article
        assert [type(t) for t in again.sentences[0].tokens] == [
            type(t) for t in article.sentences[0].tokens
        ]
    report = Report((article,), (), (ErrorRecord("y.txt", "kaputt", "annotate"),))
    assert pickle.loads(pickle.dumps(report)) == report
    assert copy.deepcopy(report) == report


def test_small_and_defaulted_objects_survive_pickling() -> None:
    for value in (Span(3, 9, "Brücke"), ErrorRecord("z.txt", "leer")):
        assert pickle.loads(pickle.dumps(value)) == value
