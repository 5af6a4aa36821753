from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.errors import InputError
from synopse.ingest.encoding import decode_bytes, looks_western

ARTICLE = (
    "Stadtrat beschließt neuen Haushalt\n\n"
    "Der Stadtrat von Köln hat am Dienstag den Haushalt für das kommende Jahr beschlossen. "
    "Die Ausgaben für Schulen und Straßen steigen um zwölf Prozent. "
    "„Wir müssen jetzt investieren“, sagte die Bürgermeisterin nach der Sitzung. "
    "Die Opposition befürchtet höhere Schulden und will gegen den Beschluss klagen – "
    "die Entscheidung darüber fällt im März.\n"
)
PLAIN_ARTICLE = ARTICLE.replace("„", '"').replace("“", '"').replace("–", "-")
EURO_ARTICLE = (
    "Höhere Preise auf dem Wochenmarkt\n\n"
    "Auf dem Wochenmarkt in Würzburg kostet ein Kilo Äpfel nun 3 €, für Birnen zahlen Kunden 4 €. "
    "Die Händler begründen die Erhöhung mit dem späten Frost im Frühjahr, der viele Blüten "
    "zerstört hat. Größere Betriebe können die Ausfälle ausgleichen, kleinere müssen höhere "
    "Preise verlangen. Für den Herbst erwarten die Obstbauern eine bessere Ernte.\n"
)


@pytest.mark.parametrize(
    ("text", "codec"), [(ARTICLE, "cp1252"), (PLAIN_ARTICLE, "latin-1")], ids=["cp1252", "latin1"]
)
def test_a_western_legacy_german_article_is_decoded_with_a_note(text: str, codec: str) -> None:
    decoded, note = decode_bytes(text.encode(codec), "alt.txt")
    assert decoded == text
    assert note == "decoded as cp1252 (not valid UTF-8)"


def test_an_iso_8859_15_euro_sign_is_read_as_euro() -> None:
    decoded, note = decode_bytes(EURO_ARTICLE.encode("iso8859_15"), "markt.txt")
    assert decoded == EURO_ARTICLE
    assert note == "decoded as iso-8859-15 (not valid UTF-8)"


def test_utf8_is_returned_as_is_without_its_byte_order_mark() -> None:
    assert decode_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "a.txt") == (ARTICLE, None)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("Grüße".encode("latin-1"), "not UTF-8 (byte 0xfc at offset 2); re-encode"),
        ("Überschrift\n\nGrüße".encode("latin-1"), "not UTF-8 (byte 0xdc at offset 0); re-encode"),
        (
            "Городской совет утвердил бюджет на следующий год. Расходы на школы вырастут.".encode(
                "cp1251"
            ),
            "not UTF-8 (byte 0xc3 at offset 0)",
        ),
        (
            "Rada miejska zatwierdziła budżet na przyszły rok. Wydatki na szkoły wzrosną.".encode(
                "cp1250"
            ),
            "not UTF-8 (byte 0xb3 at offset 23)",
        ),
        (PLAIN_ARTICLE.encode("cp850"), "not UTF-8 (byte 0xe1 at offset 17)"),
        (ARTICLE.encode("mac_roman"), "not UTF-8 (byte 0xa7 at offset 17)"),
        (b"", "empty file (no text to analyse)"),
        (b" \n\t ", "empty file (no text to analyse)"),
        (b"\xef\xbb\xbf\n", "empty file (no text to analyse)"),
        (b"Titel\x00\x01\x02 binary", "binary file (contains NUL bytes); expected text"),
        (bytes(range(1, 32)) * 4, "binary file (81 % control bytes); expected text"),
    ],
    ids=[
        "short-latin1",
        "short-latin1-title",
        "cyrillic-cp1251",
        "polish-cp1250",
        "dos-cp850",
        "mac-roman",
        "empty",
        "whitespace",
        "only-bom",
        "nul-bytes",
        "control-bytes",
    ],
)
def test_undecodable_or_unusable_bytes_are_refused_with_the_reason(
    data: bytes, problem: str
) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "kaputt.txt")
    assert str(caught.value).startswith("kaputt.txt: ")
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Grüße aus Köln".encode("latin-1"), "latin-1", "Grüße aus Köln"),
        (ARTICLE.encode("utf-16"), "utf-16", ARTICLE),
        (PLAIN_ARTICLE.encode("cp850"), "cp850", PLAIN_ARTICLE),
    ],
)
def test_a_chosen_encoding_is_used_as_given(data: bytes, encoding: str, text: str) -> None:
    assert decode_bytes(data, "a.txt", encoding) == (text, None)


@pytest.mark.parametrize(
    ("data", "encoding", "problem"),
    [
        (b"Gr\xfc\xdfe", "ascii", "not ASCII (byte 0xfc at offset 2); re-encode the file"),
        (b"Text", "klingonisch", "unknown encoding 'klingonisch'"),
        (b"Te\x00\x01\x02\x03xt", "latin-1", "binary file"),
    ],
)
def test_a_chosen_encoding_that_does_not_fit_is_an_error(
    data: bytes, encoding: str, problem: str
) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "a.txt", encoding)
    assert str(caught.value).startswith("a.txt: ")
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    ("text", "western"),
    [
        ("Grüße aus Köln, schöne Straße", True),
        ("Grüße aus Köln", False),  # two words are too little evidence
        ("Ãîðîäñêîé ñîâåò óòâåðäèë áþäæåò", False),  # Cyrillic read as cp1252
        ("Müller, Bäcker, Schäfer und ½ Liter", True),
        ("Müller, Bäcker, Schäfer\x85", False),
    ],
)
def test_the_umlaut_pattern_needs_letters_inside_ordinary_words(text: str, western: bool) -> None:
    assert looks_western(text) is western


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_text_or_an_input_error(data: bytes) -> None:
    try:
        text, note = decode_bytes(data, "zufall.bin")
    except InputError as error:
        assert str(error).startswith("zufall.bin: ")
    else:
        assert text.strip()
        assert note is None or note.startswith("decoded as ")


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_without_controls_round_trips(text: str) -> None:
    try:
        decoded, note = decode_bytes(text.encode("utf-8"), "a.txt")
    except InputError as error:
        assert "empty file" in str(error) or "binary file" in str(error)
    else:
        assert (decoded, note) == (text.removeprefix("\ufeff"), None)
