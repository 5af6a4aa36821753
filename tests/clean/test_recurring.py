from __future__ import annotations

from synopse.clean.recurring import remove_recurring_lines
from synopse.model import Article, RemovedLine

NEWSLETTER = "Jeden Abend die wichtigsten Meldungen aus dem Emsland – jetzt kostenlos abonnieren"
BACKGROUND = (
    "Der Landkreis hatte bereits im vergangenen Jahr angekündigt, die Verbindungen zwischen den "
    "Dörfern und der Kreisstadt deutlich auszubauen, nachdem mehrere Linien eingestellt worden "
    "waren und viele Pendler auf das Auto umsteigen mussten."
)


def _article(
    article_id: str, outlet: str, *paragraphs: str, duplicate_of: str | None = None
) -> Article:
    return Article(
        id=article_id, source=article_id, text="\n\n".join(paragraphs), outlet=outlet,
        duplicate_of=duplicate_of,
    )  # fmt: skip


def test_a_short_line_shared_by_articles_of_one_outlet_goes_with_its_reason() -> None:
    a = _article("a", "Emsbote", "Der Kreistag beschloss neue Buslinien.", NEWSLETTER)
    b = _article("b", "Emsbote", "Die Feuerwehr löschte einen Scheunenbrand.", NEWSLETTER)
    c = _article("c", "Hasepost", "Ein Radweg wird gebaut.", NEWSLETTER)
    first, second, other = remove_recurring_lines([a, b, c])
    assert first.text == "Der Kreistag beschloss neue Buslinien."
    assert RemovedLine(NEWSLETTER, "recurring") in first.removed
    assert second.text == "Die Feuerwehr löschte einen Scheunenbrand."
    assert other == c  # another outlet's single article keeps it: no evidence there


def test_long_background_paragraphs_and_copies_are_left_alone() -> None:
    a = _article("a", "Emsbote", "Neue Linie 12 fährt ab Montag.", BACKGROUND)
    b = _article("b", "Emsbote", "Auch die Linie 14 wird verstärkt.", BACKGROUND)
    copy = _article("a2", "Emsbote", "Neue Linie 12 fährt ab Montag.", duplicate_of="a")
    assert remove_recurring_lines([a, b, copy]) == [a, b, copy]


def test_an_article_is_never_emptied() -> None:
    a = _article("a", "Emsbote", NEWSLETTER)
    b = _article("b", "Emsbote", NEWSLETTER)
    assert remove_recurring_lines([a, b]) == [a, b]
