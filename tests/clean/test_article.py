from __future__ import annotations

import pytest

from synopse.clean.article import first_sentence, to_article
from synopse.config import CleanSettings, Settings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.model import RemovedLine

BODY = (
    "Der Stadtrat von Kassel hat am Montag nach langer Debatte den Haushalt beschlossen.\n\n"
    "Bürgermeisterin Petra Lenz sagte, die Stadt müsse in den kommenden Jahren sparen."
)


def test_declared_metadata_wins_and_the_declared_title_is_not_repeated_in_the_body() -> None:
    raw = RawDocument(
        "a",
        "a.html",
        f"Haushalt beschlossen\n\n{BODY}",
        title="Haushalt beschlossen",
        url="https://www.nordhessen-bote.de/haushalt",
        published="2024-05-06",
        outlet="Nordhessen-Bote",
        author="Eva Kern",
        removed=(RemovedLine("Startseite", "menu"),),
        notes=("decoded as cp1252",),
    )
    article = to_article(raw, Settings())
    assert article.title == "Haushalt beschlossen"
    assert article.text.startswith("Der Stadtrat von Kassel")
    assert (article.outlet, article.published, article.author) == (
        "Nordhessen-Bote",
        "2024-05-06",
        "Eva Kern",
    )
    assert article.url == "https://www.nordhessen-bote.de/haushalt"
    assert article.removed[0] == RemovedLine("Startseite", "menu")
    assert article.notes == ("decoded as cp1252",)
    assert article.language == "de"


def test_without_declared_outlet_the_url_host_is_the_outlet() -> None:
    raw = RawDocument(
        "a", "https://www.nordhessen-bote.de/x", BODY, url="https://www.nordhessen-bote.de/x"
    )
    assert to_article(raw, Settings()).outlet == "nordhessen-bote.de"


def test_an_article_without_headline_gets_its_first_sentence_as_title() -> None:
    raw = RawDocument("a", "a.txt", BODY)
    article = to_article(raw, Settings())
    assert article.title
    assert article.title in BODY


def test_a_page_of_furniture_only_is_an_input_error_naming_the_source() -> None:
    raw = RawDocument("a", "leer.txt", "Startseite | Politik | Sport\nCookies akzeptieren")
    with pytest.raises(InputError, match=r"leer\.txt: no article text left"):
        to_article(raw, Settings())


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("Erster Satz hier. Zweiter Satz dort.", "Erster Satz hier."),
        ("Nur ein Satz ohne Punkt", "Nur ein Satz ohne Punkt"),
        ("Wort " * 40, ("Wort " * 24).strip() + " …"),
    ],
)
def test_first_sentence_is_cut_at_the_sentence_end_or_a_word_boundary(
    body: str, title: str
) -> None:
    assert first_sentence(body) == title


@pytest.mark.parametrize(
    ("published", "note"),
    [
        (None, "no publication date found"),
        ("2025-02", "published 2025-02 (no day known)"),
        ("2025-02-13", None),
    ],
)
def test_an_article_says_when_relative_dates_cannot_be_resolved(
    published: str | None, note: str | None
) -> None:
    article = to_article(RawDocument("a", "a.txt", BODY, published=published), Settings())
    if note is None:
        assert article.notes == ()
    else:
        assert any(n.startswith(note) for n in article.notes)


def test_an_input_longer_than_any_article_is_an_error_naming_the_file_and_the_limit() -> None:
    settings = Settings(clean=CleanSettings(max_article_chars=len(BODY) - 1))
    with pytest.raises(InputError, match=r"dump\.txt: .*longer than one article.*max_article"):
        to_article(RawDocument("dump", "dump.txt", BODY), settings)
    assert to_article(RawDocument("ok", "ok.txt", BODY), Settings()).text == BODY
