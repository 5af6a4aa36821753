"""SoMaJo's tokenizer with the fast passes of `fast_somajo` gives exactly the tokens of an
untouched SoMaJo, and every pre-check holds wherever its regex matches."""

from __future__ import annotations

import random
from importlib import metadata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from somajo import SoMaJo

from synopse.annotate import fast_somajo

# Team-written lines: abbreviations of every kind (known, multi-dot, single letters, at a
# sentence end, in capitals, with umlauts, split by spaces), URLs, e-mail addresses, numbers,
# dates, times, ranges, fractions, ISBNs, amounts, quotes, hyphens, emoji, brackets, gender
# markers, hashtags and text that is not NFC or has characters that fold into ASCII.
_LINES = [
    "Der Vorstand (u.a. Dr. med. Ilse Brankow und Prof. Dr.-Ing. K. Otterbeck) tagte am Mo.",
    "Die Firma Weber & Söhne GmbH & Co. KG zahlt ca. 3,5 Mio. Euro bzw. 12 Mrd. Dollar usw.",
    "Lt. Bericht wurden z. B. in der Hauptstr. 12 und der Berliner Str. 4a Schäden gemeldet.",
    "Az.: 3 O 117/25, Best.-Nr. 44-12, Dipl.-Ing. Marten Zuhl, röm.-kath. Gemeinde St. Maria.",
    "Die U.S.A. und die E.U. verhandeln; Mär. und Sept. sind Monate. Dies ist so. Ok? Ja!",
    "Er sagte: „Wir bauen bis Ende 2027 rund 1.200 Wohnungen“ – und fügte hinzu: ‚Sicher‘.",
    "Mehr unter https://www.beispiel-stadt.de/rathaus?id=12 oder www.kreis-nord.org (Seite 3).",
    "Fragen an presse@stadtwerke-beispiel.de oder info [at] verein [dot] de, Tel. 0301/12345.",
    "Am 3.10.2025 um 9.30 Uhr bzw. 14:45:10 Uhr, am 2025-10-03 und am 3/10/25 war es 12 °C.",
    "Die Preise stiegen um 4,5 % auf 1.999,95 € (Vorjahr: 1,999.95 $), 10–12 Mio., 3-4 Tage.",
    "Auf S. 14 f. und in Abs. 3 Satz 2 Nr. 1 steht ¾ bzw. 1/2 davon; 3+4=7 und 2x3.",
    "ISBN 978-3-16-148410-0 und ISBN-10: 3-16-148410-X sowie 9783161484100 im Katalog.",
    "Die Lehrer*innen und Schüler:innen der Kl. 5b sahen #Wahl2025 und @rathaus_nord 😀👍🏽.",
    "Das Motto lautete ;-) bzw. :) und ♥ sowie <3 – manche schrieben emojiQsmile dazu.",
    "Ein Art. 5 GG, §§ 3 ff. BGB, WS 2024/25, SoSe25, 1.000,- Euro, 2. Liga, XIV. Armee.",
    "Der 100-Meter-Lauf, die 3er-Gruppe, E-Mail, C++ und AT&T; Version 2.4.1 und 192.168.0.1.",
    "Café und Café (zerlegt), Straſse, ſtr. und Kelvin-K: 300 \u212a gemessen; İstanbul.",
    "»Nein«, sagte sie. ›Vielleicht‹… Das war’s … oder doch...? O'Connor kam um 8 p.m. an.",
    "Bitte s.o. und vgl. ebd. S.12ff.; Anm. d. Red.: Dr.med.dent. Ulla Rieß, M.A. (Hrsg.).",
    "Die Kfz.-Steuer, die Bundes-Str. 7 und die A.-Straße; evtl. i.d.R. u.U. o.ä. z.Zt.",
    "Ende.Neuer Satz ohne Leerzeichen.Noch einer. abc.def.ghi und a.b. sowie x.y.z.",
    "tl;dr: 5G, R/3 und .Net; doi:10.1000/182 und doi: 10.1000/183 sowie r/de.",
]


def _tokens(somajo: SoMaJo, text: str) -> list[list[tuple[Any, ...]]]:
    return [
        [
            (
                t.text,
                t.token_class,
                t.space_after,
                t.original_spelling,
                t.character_offset,
                t.first_in_sentence,
                t.last_in_sentence,
            )
            for t in sentence
        ]
        for sentence in somajo.tokenize_text([text])
    ]


@pytest.fixture(scope="module")
def both() -> tuple[SoMaJo, SoMaJo]:
    """An untouched SoMaJo and one with the fast passes."""
    library = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    fast = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    fast_somajo.speed_up(fast._tokenizer)
    return library, fast


def test_the_fast_passes_are_in_place(both: tuple[SoMaJo, SoMaJo]) -> None:
    tokenizer = both[1]._tokenizer
    assert fast_somajo._abbreviations(tokenizer) is not None
    assert fast_somajo._single_token_abbreviations(tokenizer) is not None
    assert "_split_abbreviations" in vars(tokenizer)
    assert all(hasattr(tokenizer, name) for name in fast_somajo._CONDITIONS)
    # A new SoMaJo turns the pre-checks off until they are re-checked against its regexes.
    assert metadata.version("SoMaJo") == fast_somajo._CONDITIONS_FOR_VERSION


@pytest.mark.parametrize("line", _LINES)
def test_tokens_equal_somajos_own(both: tuple[SoMaJo, SoMaJo], line: str) -> None:
    library, fast = both
    assert _tokens(fast, line) == _tokens(library, line)


def test_a_whole_text_of_lines_equals_somajos_own(both: tuple[SoMaJo, SoMaJo]) -> None:
    library, fast = both
    text = " ".join(_LINES)
    assert _tokens(fast, text) == _tokens(library, text)


# Pieces that make abbreviations, numbers and punctuation meet in unplanned ways.
_PIECES = [
    "Dr.", "dr.", "DR.", "z.", "B.", "u.a.", "Nr.", "Str.", "str.", "Abs.", "bzw.", "Mio.",
    "Dipl.-Ing.", "St.", "Ca.", "Mär.", "mär.", "a.", "X.", "ſt.", "\u212ag.", "Hrsg.",
    "usw.", "etc.", "Ps.", "ps.", "&c.", "...", "…", ".", ",", ";", ":", "-", "–", "/", "'",
    "’", "„", "“", "(", ")", "[", "]", "&", "+", "*", "_", "@", "#", "%", "€", "°", "?", "!",
    "3", "12", "2025", "1.000", "3,5", "10.", "3.10.", "9:30", "1/2", "978-3-16-148410-0",
    "Haus", "straße", "Weber", "in", "innen", "www.", "http://", "de", "net", "emojiQlol",
    "😀", "🇩🇪", "e\u0301", "İ", "ß", "SS25", "WiSe", "x", "G", "5G", "R/3", "doi:", "tl;dr",
    "Zeitschr.titel", "geisteswissenschaftl.", "s.o.", "Dipl.-Kfm.",
]  # fmt: skip


@st.composite
def _texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
    glue = draw(st.lists(st.sampled_from(["", " ", " ", "  "]), min_size=len(pieces)))
    return "".join(p + g for p, g in zip(pieces, glue, strict=False)).strip() or "x"


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_random_texts_tokenise_as_somajo(text: str) -> None:
    library = _library()
    fast = _fast()
    assert _tokens(fast, text) == _tokens(library, text)


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_anchored_matches_are_finditers(text: str) -> None:
    tokenizer = _fast()._tokenizer
    for anchored in (
        fast_somajo._abbreviations(tokenizer),
        fast_somajo._single_token_abbreviations(tokenizer),
    ):
        assert anchored is not None
        expected = [m.span() for m in anchored.pattern.finditer(text)]
        assert [m.span() for m in anchored.matches(text)] == expected


def test_every_pre_check_holds_where_its_regex_matches() -> None:
    tokenizer = _library()._tokenizer
    generator = random.Random(7)
    texts = list(_LINES)
    for _ in range(3000):
        texts.append("".join(generator.choice(_PIECES) + generator.choice(" ") for _ in range(8)))
    for name, condition in fast_somajo._CONDITIONS.items():
        pattern = getattr(tokenizer, name)
        matched = [text for text in texts if pattern.search(text) is not None]
        missed = [text for text in matched if not condition(text)]
        assert not missed, (name, missed[:3])


_INSTANCES: dict[str, SoMaJo] = {}


def _library() -> SoMaJo:
    if "library" not in _INSTANCES:
        _INSTANCES["library"] = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    return _INSTANCES["library"]


def _fast() -> SoMaJo:
    if "fast" not in _INSTANCES:
        fast = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
        fast_somajo.speed_up(fast._tokenizer)
        _INSTANCES["fast"] = fast
    return _INSTANCES["fast"]
