"""Tests for synopse.clean: furniture removal, headline, header metadata, idempotency."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.clean import CleanText, clean_text
from synopse.clean.metadata import find_author, find_date, find_outlet

PARAGRAPHS = (
    "Die Stadtwerke haben am Montag angekündigt, dass die Preise für Fernwärme im kommenden "
    "Jahr um acht Prozent steigen werden.",
    "Ein Sprecher sagte, die höheren Kosten für Gas und Personal ließen keine andere Wahl, "
    "man habe die Erhöhung aber so gering wie möglich gehalten.",
    "Der Mieterverein kritisierte die Entscheidung und forderte eine Härtefallregelung für "
    "Haushalte mit kleinem Einkommen, die schon jetzt kaum über die Runden kommen.",
)
HEADLINE = "Fernwärme wird im Januar teurer"


def page(*lines: str) -> str:
    return "\n".join(lines)


def reasons_of(result: CleanText) -> dict[str, str]:
    return {line.text: line.reason for line in result.removed}


def test_keeps_headline_and_paragraphs_of_a_plain_article() -> None:
    result = clean_text(page(HEADLINE, *PARAGRAPHS))
    assert result.title == HEADLINE
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert result.removed == ()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Light Mode Dark Mode", "menu"),
        ("Zum Inhalt springen", "menu"),
        ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", "cookie"),
        ("![Ein Windrad im Abendlicht](https://example.org/bild.jpg)", "image"),
        ("Foto: dpa/Anna Beispiel", "credit"),
        ("wolkenbild (CC0), Pixabay", "credit"),
        ("Artikel teilen", "share"),
        ("Lesen Sie auch: Wie man im Winter Heizkosten spart", "teaser"),
        ("© 2025 Rheinblatt Medien GmbH", "copyright"),
        ("Stand: 13.03.2025", "metadata"),
        ("12.03.2025, 14:35 Uhr", "metadata"),
    ],
)
def test_drops_furniture_line_with_its_reason(line: str, reason: str) -> None:
    result = clean_text(page(line, HEADLINE, PARAGRAPHS[0], line, *PARAGRAPHS[1:]))
    assert line not in result.body
    assert reasons_of(result)[line] == reason


def test_keeps_short_subheading_between_paragraphs() -> None:
    subheading = "Mieter fordern Entlastung"
    result = clean_text(page(HEADLINE, PARAGRAPHS[0], PARAGRAPHS[1], subheading, PARAGRAPHS[2]))
    assert f"\n\n{subheading}\n\n" in result.body


def test_drops_repeated_headline() -> None:
    result = clean_text(page(HEADLINE, HEADLINE, *PARAGRAPHS))
    assert result.title == HEADLINE
    assert HEADLINE not in result.body
    assert reasons_of(result)[HEADLINE] == "duplicate-title"


@pytest.mark.parametrize(
    "footer",
    [
        ("Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht."),
        ("Previous Post", "Bürgermeister eröffnet neues Hallenbad", "Next Post"),
        ("COMMENTS",),
    ],
)
def test_drops_everything_after_comment_form_or_post_navigation(footer: tuple[str, ...]) -> None:
    unrelated = "Der Stadtrat hat gestern beschlossen, dass das alte Kino abgerissen werden soll."
    result = clean_text(page(HEADLINE, *PARAGRAPHS, *footer, unrelated))
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert unrelated in reasons_of(result)


def test_drops_menu_above_headline() -> None:
    menu = ("Startseite", "Politik", "Wirtschaft", "Kultur", "Sport", "Kontakt")
    result = clean_text(page(*menu, HEADLINE, *PARAGRAPHS))
    assert result.title == HEADLINE
    assert result.body == "\n\n".join(PARAGRAPHS)


def test_cuts_teaser_fragment_from_end_of_paragraph() -> None:
    teaser = "Mehr zu den neuen Tarifen lesen Sie hier."
    result = clean_text(page(HEADLINE, PARAGRAPHS[0] + " " + teaser, *PARAGRAPHS[1:]))
    assert teaser not in result.body
    assert result.body.startswith(PARAGRAPHS[0])
    assert reasons_of(result)[teaser] == "teaser"


def test_reads_date_from_header_prefix_and_cuts_it() -> None:
    result = clean_text(page(HEADLINE, " date 2025-02 " + PARAGRAPHS[0], *PARAGRAPHS[1:]))
    assert result.published == "2025-02"
    assert result.body.startswith(PARAGRAPHS[0])


def test_reads_metadata_from_header_and_footer_lines() -> None:
    raw = page(
        HEADLINE,
        "Von Anna Muster",
        "Veröffentlicht am 12. März 2025",
        *PARAGRAPHS,
        "© 2025 Rheinblatt Medien GmbH",
    )
    result = clean_text(raw)
    assert (result.published, result.author, result.outlet) == (
        "2025-03-12",
        "Anna Muster",
        "Rheinblatt",
    )


def test_does_not_read_event_dates_from_paragraphs() -> None:
    paragraph = "Am 3. Oktober 2024 hatte der Rat die Pläne noch abgelehnt, wie alle wussten."
    result = clean_text(page(HEADLINE, paragraph, *PARAGRAPHS))
    assert result.published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.03.2025, 14:35 Uhr", "2025-03-12"),
        ("Veröffentlicht am 12. März 2025", "2025-03-12"),
        ("Stand: 13.03.2025", "2025-03-13"),
        ("date 2025-02", "2025-02"),
        ("March 4, 2024", "2024-03-04"),
        ("Donnerstag, 31. Mai 2012", "2012-05-31"),
        ("Dezember 2012", "2012-12"),
        ("kein Datum hier", None),
    ],
)
def test_finds_date_in_header_line(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von Anna Muster", "Anna Muster"),
        ("Autor: Jan Beispiel | 12.03.2025", "Jan Beispiel"),
        ("By Jane Doe", "Jane Doe"),
        ("von der Stadt aus gesehen", None),
    ],
)
def test_finds_author_in_byline(text: str, expected: str | None) -> None:
    assert find_author(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("© 2025 Rheinblatt Medien GmbH", "Rheinblatt"),
        ("Copyright 2019-2024 Kurier am Sonntag. Alle Rechte vorbehalten.", "Kurier am Sonntag"),
        ("Das Wetter wird schön", None),
    ],
)
def test_finds_outlet_in_copyright_line(text: str, expected: str | None) -> None:
    assert find_outlet(text) == expected


def test_normalises_unicode_invisible_characters_and_spaces() -> None:
    decomposed = "Mu\u0308nchen"
    paragraph = (
        f"  {decomposed}\u200b meldet\t\tam Morgen   einen neuen Rekord, sagte die Stadt.\x07 "
    )
    result = clean_text(page(HEADLINE, paragraph, *PARAGRAPHS))
    assert result.body.splitlines()[0] == (
        "München meldet am Morgen einen neuen Rekord, sagte die Stadt."
    )


@pytest.mark.parametrize("raw", ["", "\n\n \t\n", "\u200b", "---", "🙂"])
def test_odd_input_gives_empty_or_short_result_without_raising(raw: str) -> None:
    result = clean_text(raw)
    assert isinstance(result.title, str)
    assert isinstance(result.body, str)


def test_empty_string_gives_empty_title_and_body() -> None:
    assert (clean_text("").title, clean_text("").body) == ("", "")


def assert_idempotent(raw: str) -> None:
    first = clean_text(raw)
    again = clean_text(first.title + "\n\n" + first.body)
    assert (again.title, again.body) == (first.title, first.body)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_cleaning_arbitrary_text_is_idempotent(raw: str) -> None:
    assert_idempotent(raw)


LINE_POOL = (
    *PARAGRAPHS,
    HEADLINE,
    "Startseite",
    "Kontakt",
    "Mieter fordern Entlastung",
    "Foto: dpa",
    "Schreibe einen Kommentar",
    "Next Post",
    "12.03.2025, 14:35 Uhr",
    "Von Anna Muster",
    "Lesen Sie auch: Neue Tarife",
    "Alle Zutaten verrühren.",
    "200 g Mehl",
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINE_POOL), max_size=25))
def test_cleaning_pages_of_mixed_lines_is_idempotent(lines: list[str]) -> None:
    assert_idempotent("\n".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_output_has_no_control_or_zero_width_characters(raw: str) -> None:
    result = clean_text(raw)
    text = result.title + result.body
    assert not any(char in text for char in "\u200b\u200d\ufeff\x00\x07\t\r")
