from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synopse.clean.article import to_article
from synopse.config import IngestSettings, Settings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.ingest.html import MAX_REMOVED_LINES, decode_html_bytes, html_to_document, read_html
from synopse.model import ErrorRecord, RemovedLine
from synopse.pipeline import read_articles

FIXTURES = Path(__file__).parent / "fixtures" / "html"
SETTINGS = IngestSettings()
RHEINBLATT_URL = "https://www.rheinblatt.example/koeln/grossbrand-lagerhalle-100.html"


def _document(name: str, settings: IngestSettings = SETTINGS) -> RawDocument:
    [item] = read_html(FIXTURES / name, settings)
    assert isinstance(item, RawDocument), item
    return item


def _error(html: str | bytes, settings: IngestSettings = SETTINGS) -> InputError:
    with pytest.raises(InputError) as caught:
        html_to_document(html, doc_id="seite", source="seite.html", url=None, settings=settings)
    return caught.value


@pytest.mark.parametrize(
    ("name", "title", "outlet", "published", "author", "url"),
    [
        (
            "rheinblatt_brand.html",
            "Großbrand in Kölner Lagerhalle: Feuerwehr warnt Anwohner",
            "Rheinblatt",
            "2025-03-14",
            "Miriam Okonkwo",
            RHEINBLATT_URL,
        ),
        (
            "elbkurier_haushalt.html",
            "Landtag beschließt Doppelhaushalt nach langer Debatte",
            "Elbkurier",
            "2025-06-26",
            "Tobias Wendland",
            None,
        ),
        (
            "alpenbote_lawine_cp1252.html",
            "Lawinengefahr in den Allgäuer Alpen steigt",
            "Alpenbote",
            "2025-01-09",
            "Veronika Häusler",
            None,
        ),
        (
            "harbour_gazette_ferry.html",
            "Ferry service to resume after storm damage",
            "The Harbour Gazette",
            "2024-11-02",
            "Eleanor Whitfield",
            None,
        ),
        (
            "courrier_vallee_fr.html",
            "La médiathèque rouvre ses portes après six mois de travaux",
            "Le Courrier de la Vallée",
            "2025-09-05",
            "Camille Roussel",
            None,
        ),
        (
            "feindselig_kaputt.html",
            "Stromausfall legt Stadtteil lahm",
            None,
            None,
            None,
            None,
        ),
    ],
)
def test_reads_title_outlet_date_author_and_url_from_the_page(
    name: str,
    title: str,
    outlet: str | None,
    published: str | None,
    author: str | None,
    url: str | None,
) -> None:
    document = _document(name)
    found = (document.title, document.outlet, document.published, document.author, document.url)
    assert found == (title, outlet, published, author, url)
    assert document.id == Path(name).stem
    assert document.source == str(FIXTURES / name)


@pytest.mark.parametrize(
    ("name", "kept", "dropped"),
    [
        (
            "rheinblatt_brand.html",
            [
                "In der Nacht zum Freitag ist in einer Lagerhalle",
                "Ursache noch unklar",
                "Die Stadt richtete für betroffene Familien eine Anlaufstelle",
            ],
            [
                "Wir verwenden Cookies",
                "Abo abschließen",
                "Feuerwehr zieht Bilanz",
                "Schrecklich, hoffentlich",
                "Kommentar absenden",
                "Meistgelesen",
                "Alle Rechte vorbehalten",
                "Dichter Rauch steigt",
                "dataLayer",
            ],
        ),
        (
            "elbkurier_haushalt.html",
            ["Nach einer mehr als zwölfstündigen Sitzung", "Opposition kritisiert Kürzungen"],
            ["Diese Website nutzt Cookies", "E-Paper", "Lesen Sie auch", "Mediadaten"],
        ),
        (
            "harbour_gazette_ferry.html",
            ["The island ferry will run again", "Timetable changes"],
            ["Subscribe", "All rights reserved"],
        ),
        (
            "courrier_vallee_fr.html",
            ["la médiathèque municipale accueille", "« Nous voulions un lieu ouvert à tous"],
            ["Ce site utilise des cookies", "Mentions légales"],
        ),
        (
            "feindselig_kaputt.html",
            ["Ein Stromausfall hat am Dienstagabend", "Die Feuerwehr brachte Notstromaggregate"],
            ["Eingeschleuster Absatz", "Versteckter Absatz", "display: none", "alert("],
        ),
    ],
)
def test_keeps_the_article_paragraphs_and_drops_the_page_furniture(
    name: str, kept: list[str], dropped: list[str]
) -> None:
    text = _document(name).text
    assert [snippet for snippet in kept if snippet not in text] == []
    assert [snippet for snippet in dropped if snippet in text] == []


def test_text_has_one_paragraph_or_heading_per_line_and_the_article_keeps_no_title_or_label() -> (
    None
):
    lines = _document("rheinblatt_brand.html").text.split("\n")
    assert "Ursache noch unklar" in lines
    assert all(line == line.strip() and line for line in lines)
    article = to_article(_document("rheinblatt_brand.html"), Settings())
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[3] == "Ursache noch unklar"
    assert not paragraphs[0].startswith(("Großbrand in Kölner Lagerhalle", "Ehrenfeld"))
    assert RemovedLine(article.title, "duplicate-title") in article.removed


@pytest.mark.parametrize(
    ("snippet", "reason"),
    [
        ("Wir verwenden Cookies und ähnliche Technologien", "cookie"),
        ("Abo abschließen", "menu"),
        ("Startseite › Köln › Großbrand in Ehrenfeld", "menu"),
        ("Kommentar absenden", "comment-form"),
        ("Schrecklich, hoffentlich ist niemandem etwas passiert.", "comment-form"),
        ("Feuerwehr zieht Bilanz: So viele Einsätze wie nie", "teaser"),
        ("Dichter Rauch steigt über den Dächern von Ehrenfeld auf.", "caption"),
        ("© 2025 Rheinblatt Medien GmbH. Alle Rechte vorbehalten.", "footer"),
        ("Von Miriam Okonkwo · 14.03.2025, 06:45 Uhr", "metadata"),
    ],
)
def test_records_what_was_dropped_with_the_kind_of_furniture(snippet: str, reason: str) -> None:
    removed = _document("rheinblatt_brand.html").removed
    assert [line.reason for line in removed if line.text.startswith(snippet)] == [reason]


def test_dropped_blocks_never_repeat_a_kept_line_nor_script_text() -> None:
    document = _document("rheinblatt_brand.html")
    kept = set(document.text.split("\n"))
    assert all(line.text and line.text not in kept for line in document.removed)
    assert not any("dataLayer" in line.text for line in document.removed)


def test_dropped_blocks_are_capped_for_pages_with_huge_menus() -> None:
    links = "".join(f'<li><a href="/r{i}">Ressort Nummer {i}</a></li>' for i in range(500))
    article = (
        "<p>" + "Der Gemeinderat hat am Abend über den neuen Radweg entschieden. " * 8 + "</p>"
    )
    html = f"<html><body><nav><ul>{links}</ul></nav><article>{article}</article></body></html>"
    document = html_to_document(html, doc_id="r", source="r.html", url=None, settings=SETTINGS)
    assert len(document.removed) == MAX_REMOVED_LINES
    assert {line.reason for line in document.removed} == {"menu"}


def test_windows_1252_page_decodes_umlauts_quotes_and_euro_sign() -> None:
    text = _document("alpenbote_lawine_cp1252.html").text
    assert "auf „groß“ angehoben" in text
    assert "zwischen 45 und 60 €" in text
    assert "\ufffd" not in text


def test_page_whose_declared_charset_is_wrong_is_read_by_detection() -> None:
    html = (FIXTURES / "rheinblatt_brand.html").read_text(encoding="utf-8")
    wrongly_declared = html.encode("cp1252")  # still says <meta charset="utf-8">
    document = html_to_document(
        wrongly_declared, doc_id="x", source="x.html", url=None, settings=SETTINGS
    )
    assert "Kölner Stadtteil Ehrenfeld" in document.text


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        ('<meta charset="windows-1252">', "Grüße"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "Grüße"),
        ('<meta charset="no-such-codec">', "Grüße"),
    ],
)
def test_bytes_are_decoded_by_the_declared_charset_with_a_fallback(
    declaration: str, expected: str
) -> None:
    data = f"<html><head>{declaration}</head><body><p>Grüße aus Köln</p></body></html>"
    assert expected in decode_html_bytes(data.encode("cp1252"))


def test_undeclared_cyrillic_page_is_detected_rather_than_read_as_windows_1252() -> None:
    sentence = "Москва — столица России и крупнейший город страны. "
    data = f"<html><body><p>{sentence * 4}</p></body></html>".encode("cp1251")
    assert sentence in decode_html_bytes(data)


def test_truncated_page_keeps_the_paragraphs_before_the_cut() -> None:
    document = _document("rheinblatt_brand_truncated.html")
    assert "In der Nacht zum Freitag" in document.text
    assert document.text.endswith("sagte ein Sprecher")
    assert document.title == "Großbrand in Kölner Lagerhalle: Feuerwehr warnt Anwohner"


def test_relative_canonical_link_is_resolved_against_the_page_url() -> None:
    html = (FIXTURES / "harbour_gazette_ferry.html").read_bytes()
    document = html_to_document(
        html, doc_id="f", source="f", url="https://harbour.example/x?utm=1", settings=SETTINGS
    )
    assert document.url == "https://harbour.example/news/ferry-service-resumes"


def test_given_url_is_kept_when_the_page_has_no_canonical_link() -> None:
    html = (FIXTURES / "elbkurier_haushalt.html").read_bytes()
    url = "https://elbkurier.example/sachsen/haushalt"
    document = html_to_document(html, doc_id="h", source=url, url=url, settings=SETTINGS)
    assert document.url == url


def test_title_suffix_naming_the_url_host_is_cut_off() -> None:
    html = (
        "<html><head><title>Neue Brücke eröffnet | wesertal.example</title></head><body>"
        "<article><p>" + "Die neue Brücke über die Weser ist seit Montag für den Verkehr frei. " * 4
    ) + "</p></article></body></html>"
    url = "https://www.wesertal.example/brücke"
    document = html_to_document(html, doc_id="b", source=url, url=url, settings=SETTINGS)
    assert document.title == "Neue Brücke eröffnet"


def test_page_without_an_article_is_an_error_saying_so() -> None:
    path = FIXTURES / "stadtanzeiger_startseite.html"
    [error] = read_articles([str(path)], Settings())
    assert isinstance(error, ErrorRecord)
    assert error.message == f"{path}: no article text left after removing page furniture"


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("", "empty page"),
        ("   \n\t", "empty page"),
        ("Nur ein Satz ohne jedes Tag, wie in einer Textdatei.", "not HTML"),
        ('{"title": "Meldung", "text": "Kein HTML"}', "not HTML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not HTML"),
        ("<html><head><title>Offen<title></head><body><p>Text</p></body></html>", "no main"),
        ("<html><body>" + "<div>" * 30_000 + "<p>Tief</p>" + "</div>" * 30_000, "no main"),
        ("<html><body>" + "<div><span>" * 50_000, "no main"),
    ],
)
def test_hostile_or_empty_pages_are_errors_naming_the_source(
    html: str | bytes, problem: str
) -> None:
    error = _error(html)
    assert str(error).startswith("seite.html: ")
    assert error.problem.startswith(problem)


def test_page_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "gross.html"
    path.write_bytes((FIXTURES / "rheinblatt_brand.html").read_bytes())
    [error] = read_html(path, IngestSettings(max_bytes=1000))
    assert isinstance(error, InputError)
    assert "more than the limit of 1000" in error.problem


def test_missing_file_is_an_error_not_an_exception(tmp_path: Path) -> None:
    [error] = read_html(tmp_path / "fehlt.html", SETTINGS)
    assert isinstance(error, InputError)
    assert error.problem.startswith("cannot be read")


def test_html_fragment_without_document_tags_is_read() -> None:
    fragment = "<p>" + "Im Hafen hat am Morgen das größte Containerschiff des Jahres angelegt. " * 3
    document = html_to_document(fragment, doc_id="f", source="f", url=None, settings=SETTINGS)
    assert document.text.startswith("Im Hafen hat am Morgen")


_TAGS = st.sampled_from(["p", "div", "nav", "footer", "article", "h1", "h2", "aside", "li", "b"])
_BLOCKS = st.tuples(_TAGS, st.text(max_size=80)).map(lambda pair: f"<{pair[0]}>{pair[1]}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=st.text(max_size=40), blocks=st.lists(_BLOCKS, max_size=12))
def test_arbitrary_markup_gives_a_document_or_an_input_error(head: str, blocks: list[str]) -> None:
    html = f"<html><head><title>{head}</title></head><body>{''.join(blocks)}</body></html>"
    try:
        document = html_to_document(html, doc_id="h", source="h", url=None, settings=SETTINGS)
    except InputError:
        return
    lines = document.text.split("\n")
    assert all(line and line == " ".join(line.split()) for line in lines)
    assert all(removed.text not in lines for removed in document.removed)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_a_document_or_an_error_naming_the_source(data: bytes) -> None:
    try:
        document = html_to_document(
            b"<html><body><p>" + data, doc_id="b", source="b", url=None, settings=SETTINGS
        )
    except InputError as error:
        assert error.source == "b"
        return
    assert "\x00" not in document.text
