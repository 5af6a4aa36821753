from __future__ import annotations

from synopse.annotate.annotator import Annotator
from synopse.annotate.dating import date_from_story, story_month
from synopse.model import Article

TEXT = "Am 20. Januar hatte der Minister sein Amt angetreten. Am Mittwoch reiste er nach Rom."


def _article(annotator: Annotator, article_id: str, published: str | None) -> Article:
    return annotator(Article(id=article_id, source=article_id, text=TEXT, published=published))


def test_an_undated_article_takes_the_month_of_its_story(annotator: Annotator) -> None:
    undated = _article(annotator, "a", None)
    assert all(t.value is None for t in undated.times)
    story = [undated, _article(annotator, "b", "2025-02-14"), _article(annotator, "c", "2025-02")]
    assert story_month(story) == "2025-02"
    redated = date_from_story(story)[0]
    values = {t.text: t.value for t in redated.times}
    assert values["20. Januar"] == "2025-01-20"
    assert values["Mittwoch"] is None  # the day is still unknown
    assert any("story's month 2025-02" in n for n in redated.notes)
    assert any(f.kind == "time" and f.value == "2025-01-20" for f in redated.facts)


def test_a_story_without_any_date_is_left_as_it_is(annotator: Annotator) -> None:
    story = [_article(annotator, "a", None), _article(annotator, "b", None)]
    assert date_from_story(story) == story
