"""Furniture inside or right after the article: dated teaser lists, photo captions, licence
notes, author roles, feedback and follow-up boxes (synopse.clean)."""

from __future__ import annotations

import pytest

from synopse.clean import CleanText, clean_text

HEADLINE = "Neue Radwege für die Innenstadt"
PARAGRAPHS = (
    "Der Bauausschuss hat am Dienstag beschlossen, bis zum Herbst vier neue Radwege in der "
    "Innenstadt anzulegen und dafür zwei Fahrspuren der Ringstraße umzuwidmen.",
    "Die Verwaltung rechnet mit Kosten von rund 1,2 Millionen Euro, von denen das Land nach "
    "eigenen Angaben etwa die Hälfte aus einem Förderprogramm übernehmen wird.",
    "Der Einzelhandelsverband warnte vor weniger Parkplätzen, während die Initiative für "
    "sichere Schulwege die Pläne als längst überfälligen ersten Schritt begrüßte.",
)


def page(*lines: str) -> str:
    return "\n".join(lines)


def reasons_of(result: CleanText) -> dict[str, str]:
    return {line.text: line.reason for line in result.removed}


TEASERS = (
    "Weitere Meldungen aus der Region",
    "Stadtbibliothek verlängert die Öffnungszeiten",
    "Ab März hat die Bibliothek am Samstag bis 18 Uhr geöffnet, teilte die Stadt mit.",
    "12.02.2026",
    "Neuer Spielplatz am Stadtpark eröffnet",
    "Nach einem Jahr Bauzeit können Kinder wieder auf dem Gelände spielen und klettern.",
    "10.02.2026",
    "Wochenmarkt zieht in die Altstadt",
    "Der Markt findet künftig auf dem Rathausplatz statt, die Händler sind zufrieden.",
    "09.02.2026",
)


def test_a_list_of_dated_teasers_after_the_article_goes() -> None:
    result = clean_text(page(HEADLINE, *PARAGRAPHS, *TEASERS[1:]))
    # The list ends the article at its first date: the first teaser above it is not found.
    assert result.body.startswith("\n\n".join(PARAGRAPHS))
    for line in TEASERS[4:]:
        assert line not in result.body
    assert TEASERS[5] in reasons_of(result)


def test_without_dates_the_same_teasers_stay() -> None:
    undated = [line for line in TEASERS[1:] if not line[0].isdigit()]
    result = clean_text(page(HEADLINE, *PARAGRAPHS, *undated))
    assert TEASERS[5] in result.body


def test_one_date_line_inside_the_article_ends_nothing() -> None:
    update = "14.02.2026"
    result = clean_text(page(HEADLINE, PARAGRAPHS[0], update, *PARAGRAPHS[1:]))
    assert result.body == "\n\n".join(PARAGRAPHS)


def test_list_items_that_open_with_dates_end_nothing() -> None:
    steps = (
        "ab 1. März 2026 für die Ringstraße und den Bahnhofsvorplatz,",
        "ab 1. Juni 2026 für die Brücken über den Kanal und die Uferstraße,",
        "ab 1. September 2026 für alle übrigen Straßen der Innenstadt.",
    )
    result = clean_text(page(HEADLINE, *PARAGRAPHS[:2], *steps, PARAGRAPHS[2]))
    for line in PARAGRAPHS:  # the lines are long for a teaser's date: the article goes on
        assert line in result.body


@pytest.mark.parametrize(
    "caption",
    [
        "Die neue Fahrradstraße am Ring. Foto: Anna Beispiel",
        "Radfahrer an der Kreuzung vor dem Rathaus (Bildquelle: Stadt Musterstadt)",
    ],
)
def test_a_line_ending_in_a_photo_credit_is_a_caption(caption: str) -> None:
    result = clean_text(page(HEADLINE, PARAGRAPHS[0], caption, *PARAGRAPHS[1:]))
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert "caption" in reasons_of(result).values()


def test_a_paragraph_ending_in_a_source_stays() -> None:
    sourced = (
        "Im vergangenen Jahr nutzten an Werktagen rund 14.000 Menschen das Rad für den Weg in "
        "die Innenstadt, doppelt so viele wie zehn Jahre zuvor (Quelle: Statistisches Landesamt)"
    )
    result = clean_text(page(HEADLINE, PARAGRAPHS[0], sourced, *PARAGRAPHS[1:]))
    assert sourced.split(" (Quelle")[0] in result.body


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Abbildung 2: Radverkehr an der Ringstraße im Jahresverlauf", "caption"),
        (
            "Abb. 4: Zählstelle am Ring. Die Zahl der Radfahrten stieg an Werktagen von rund "
            "3.000 im Frühjahr auf mehr als 5.500 im Spätsommer, an Wochenenden blieb sie fast "
            "gleich, weil vor allem der Berufsverkehr auf das Rad umgestiegen ist.",
            "caption",
        ),
        ("Bild vergrößern", "caption"),
        ("Dieser Beitrag steht unter der Lizenz CC BY-SA 4.0.", "license"),
        ("Die Fotos auf dieser Seite stehen unter einer Creative-Commons-Lizenz.", "license"),
        ("Redakteurin im Ressort Lokales.", "author-box"),
        ("Korrespondent bei der Redaktion Umland", "author-box"),
        ("Zurück zur Übersicht", "menu"),
        ("Diese Website durchsuchen", "menu"),
        ("Heute am meisten gelesen", "teaser"),
        ("Ihre Meinung zu diesem Artikel", "comment-form"),
        ("Wie gefällt Ihnen unsere Website? Sagen Sie es uns!", "feedback"),
        ("Um neue Beiträge per E-Mail zu erhalten, tragen Sie Ihre Adresse ein.", "newsletter"),
        ("Weitere Informationen:", "teaser"),
        ("Die aktuelle Ausgabe", "promo"),
        ("Grafik 3: Unfälle mit Radfahrern seit 2015", "caption"),
        ("Der Stadtplan mit allen neuen Wegen. Zum Vergrößern bitte klicken.", "caption"),
        ("Über Jana Beispiel 118 Artikel", "author-box"),
        ("Alles über sichere Fahrradschlösser findest du hier.", "teaser"),
        ("Sie lesen gerne unsere Lokalnachrichten?", "donation"),
    ],
)
def test_drops_box_line_with_its_reason(line: str, reason: str) -> None:
    result = clean_text(page(line, HEADLINE, PARAGRAPHS[0], line, *PARAGRAPHS[1:]))
    assert line not in result.body
    assert reasons_of(result)[line] == reason
    assert result.body == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    "line",
    [
        "Reporter in Berlin",  # a subheading, no role in a newsroom
        "Weitere Informationen über die Baustellen gibt es im Rathaus.",
        "Die Bilder der Ausstellung stehen unter Denkmalschutz.",
        "Über die Brücke fahren jeden Tag 4000 Autos",
    ],
)
def test_keeps_lines_that_only_resemble_box_lines(line: str) -> None:
    result = clean_text(page(HEADLINE, PARAGRAPHS[0], line, *PARAGRAPHS[1:]))
    assert line in result.body
