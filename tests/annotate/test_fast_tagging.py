"""The fast paths of tokenization give exactly what the libraries' own code gives."""

from __future__ import annotations

import random
from typing import Any

import pytest
from HanTa import HanoverTagger as hanta
from somajo import SoMaJo
from somajo import alignment as somajo_alignment

from synopse.annotate import fast_tagging
from synopse.annotate.fast_tagging import ViterbiTagger

# Team-written: ordinary news prose, a quote, figures, names, an unknown word form, a
# sentence without a verb and one of a single token.
_TEXT = """Die Stadtwerke Kranichsfeld haben am Dienstag den Bau eines neuen Wasserspeichers
angekündigt. „Wir investieren 48 Millionen Euro in die Versorgung“, sagte Geschäftsführerin
Annegret Vollmar-Ziesche vor dem Stadtrat. Der Speicher soll 2027 in Betrieb gehen und rund
120.000 Haushalte im Kreis Oberlinden beliefern. Kritik kam von der Bürgerinitiative
Grundwasser jetzt, die eine Überprüfung der Pläne verlangt. Schnurzelbrankwerk? Nein.
Laut Polizei wurden drei Personen leicht verletzt; die Ursache des Brandes ist unklar.
Morgen früh: Sondersitzung im Rathaus, Beginn 9.30 Uhr, Ende offen."""


@pytest.fixture(scope="module")
def library_tagger() -> Any:
    """A HanTa tagger left exactly as the library ships it."""
    return hanta.HanoverTagger("morphmodel_ger.pgz")


def _sentences() -> list[list[str]]:
    words = _TEXT.replace("\n", " ").replace(".", " .").replace(",", " ,").split()
    rows = [words[i : i + 13] for i in range(0, len(words), 13)]
    shuffled = random.Random(7)
    for _ in range(12):  # unusual word orders reach other states and ties
        rows.append(shuffled.sample(words, k=shuffled.randint(1, 25)))
    return [*rows, ["Xqzvbrüt"], ["der", "die", "das"], words]


@pytest.mark.parametrize("kept_words", [10_000, 3])  # 3: words forgotten and analysed anew
def test_fast_viterbi_tags_and_lemmatises_as_hanta_itself(
    library_tagger: Any, kept_words: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fast_tagging, "_CACHE_SIZE", kept_words)
    fast = ViterbiTagger(hanta.HanoverTagger("morphmodel_ger.pgz"))
    for words in _sentences():
        assert fast.tag_sent(words) == library_tagger.tag_sent(words, taglevel=1), words
    assert fast.tag_sent([]) == []


_OFFSET_TEXTS = [
    _TEXT,
    "Tabs\tund  doppelte\u00a0Leerzeichen, ein wei\u00adches Trennzeichen und 3\u202f%.",
    "Nicht normalisiert: Cafe\u0301 und Mu\u0308ller — danach ganz normal.",
    "Ein Smiley :-) und ein Emoji 🙂 mitten im Satz, dann www.beispiel.de/seite?a=1.",
    "Abkürzungen wie z. B. Dr. med. und usw. stehen hier, St. Pauli auch.",
]


def _offsets(somajo: SoMaJo, text: str) -> list[tuple[int, int]]:
    return [t.character_offset for s in somajo.tokenize_text([text]) for t in s]


def test_fast_offsets_equal_somajos_own(monkeypatch: pytest.MonkeyPatch) -> None:
    somajo = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    fast_path = fast_tagging._offsets_of_normalised
    answered: list[bool] = []

    def counted(tokens: list[Any], raw: str) -> list[tuple[int, int]] | None:
        offsets = fast_path(tokens, raw)
        answered.append(offsets is not None)
        return offsets

    monkeypatch.setattr(fast_tagging, "_offsets_of_normalised", counted)
    for text in _OFFSET_TEXTS:
        monkeypatch.setattr(somajo_alignment, "token_offsets", fast_tagging._library_token_offsets)
        expected = _offsets(somajo, text)
        monkeypatch.setattr(somajo_alignment, "token_offsets", fast_tagging._token_offsets)
        assert _offsets(somajo, text) == expected, text
    assert answered.count(True) >= 3  # the fast path itself was compared, not only its fallback


def test_fast_offsets_leave_text_that_is_not_nfc_to_somajo() -> None:
    class Spelled:
        text, original_spelling = "Café", None

    assert fast_tagging._offsets_of_normalised([Spelled()], "Café") == [(0, 4)]
    assert fast_tagging._offsets_of_normalised([Spelled()], "xyz") is None
