"""The annotators' shortcuts (pre-checks that skip positions, set lookups, per-position
memos) give exactly what the full tests they stand for give."""

from __future__ import annotations

import random

import pytest

from synopse.annotate import quantities, times
from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.entity_consistency import token_index
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.speech_lexicon import SpeechLexicon
from synopse.annotate.tokens import Tokenizer
from synopse.model import Sentence, Token

# Team-written: news prose with names, places, organisations, clubs, quotes, figures and
# dates in many forms; every time rule matches somewhere.
_TEXT = """Am Montag, den 3.11.2025 trat der Stadtrat von Kranichsfeld zusammen. Anfang 2026
soll die Saison 2025/26 enden, hieß es von der Liga. Am 14. Februar 2025 und im März
sprach Bürgermeisterin Annegret Vollmar-Ziesche (SPD) in der Stösserstraße. Mitte Januar
hatte die Brenner Technik GmbH in den 90er Jahren gegründete Werke geschlossen. Gestern
Abend und morgen früh tagt der 1. FC Nürnberg; nächste Woche folgt das Wochenende der
Münchner Sicherheitskonferenz. Ende des Jahres, so Peter Stein, wachse der Umsatz um
3,5 Prozent auf über 48 Millionen Euro. Ende nächster Woche kommen zwischen 200 und 300
Gäste aus Ostermünde. Der Umsatz lag über dem Vorjahr, sagte der Sprecher des Ministeriums.
Vor drei Jahren hatte die Staatsanwaltschaft Düsseldorf minus 5 Grad gemessen. „Wir
investieren weiter“, sagte Geschäftsführer Ulrich Kamm der „Rheinischen Post“. Laut
Polizei wurden rund 1.500 Menschen aus New York und Vereinigte Staaten erwartet; nach
Angaben des Bundesamts für Justiz waren es einige hundert. Die Human Rights Watch teilte
mit, dass etwa ein Drittel der 14-Jährigen 5% mehr Taschengeld bekomme. Der Film „Die
Stille Zeit“ lief am Sonntagabend. Herr Dr. Weber, der Sprecher der Stadtwerke, sagte,
man wolle eine halbe Stunde warten. Die Deutsche Bank und die Commerzbank AG meldeten
zwei Milliarden Euro Gewinn, mehr als Mainzer Stadtwerke."""


@pytest.fixture(scope="module")
def sentences(tokenizer: Tokenizer) -> list[Sentence]:
    found = list(tokenizer(_TEXT))
    shuffled = random.Random(11)
    words = [t for s in found for t in s.tokens]
    for _ in range(20):  # odd word orders put names, numbers and marks next to anything
        sample = shuffled.sample(words, k=shuffled.randint(2, 30))
        found.extend(tokenizer(" ".join(t.text for t in sample)))
    return found


def test_every_time_rule_match_contains_a_needed_word() -> None:
    texts = [_TEXT, _TEXT.replace("\n", " "), _TEXT.lower(), _TEXT.upper()]
    matched = set()
    for number, ((pattern, _), needed) in enumerate(zip(times._RULES, times._NEEDED, strict=True)):
        for text in texts:
            for match in pattern.finditer(text):
                matched.add(number)
                assert needed is None or any(word in match[0] for word in needed), match
    assert matched == set(range(len(times._RULES)))  # the fixture exercises every rule


def test_entities_skip_only_positions_no_name_starts_at(
    tokenizer: Tokenizer, sentences: list[Sentence]
) -> None:
    fast, full = EntityRecognizer(), EntityRecognizer()
    assert fast._skip_lower
    full._skip_lower = False
    found = [fast._sentence_spans(s) for s in sentences]
    assert found == [full._sentence_spans(s) for s in sentences]
    assert sum(map(len, found)) > 30


def test_quantities_skip_only_positions_far_from_numbers(
    monkeypatch: pytest.MonkeyPatch, sentences: list[Sentence]
) -> None:
    text = _TEXT  # offsets of the shuffled sentences index their own texts: compare spans
    runs = [s.tokens for s in sentences]
    fast = [list(quantities._scan(text, tokens)) for tokens in runs]
    monkeypatch.setattr(quantities, "_opens_number", lambda word: True)
    assert fast == [list(quantities._scan(text, tokens)) for tokens in runs]
    assert sum(map(len, fast)) > 10


def test_quotes_unchanged_when_every_token_is_tested_fully(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    from synopse.annotate import quotes, quotes_marks

    def slow(tokens: list[Token], marked: list[quotes_marks.Marked]) -> list[Token]:
        return [t for t in tokens if not quotes_marks.inside_marks(t, marked)]

    sentences = tokenizer(_TEXT)
    mentions = recognizer(_TEXT, sentences)
    fast = QuoteFinder()(_TEXT, sentences, mentions)
    monkeypatch.setattr(quotes, "outside_marks", slow)
    monkeypatch.setattr(quotes_marks, "outside_marks", slow)
    assert fast == QuoteFinder()(_TEXT, sentences, mentions)
    monkeypatch.setattr(QuoteFinder, "_may_quote_at", lambda self, token: True)
    assert fast == QuoteFinder()(_TEXT, sentences, mentions)
    assert len(fast) >= 4


def test_role_and_institution_endings_match_the_entry_by_entry_test() -> None:
    lexicon = SpeechLexicon.load()

    def is_role(word: str) -> bool:
        low = word.lower()
        return any(low == r or (low.endswith(r) and len(low) > len(r) + 2) for r in lexicon.roles)

    def is_institution(words: str) -> bool:
        low = words.lower()
        return any(low == i or (low.endswith(i) and len(i) > 3) for i in lexicon.institutions)

    words = ["", "a", "ab", "abc", "Haus", "Die Stadt", "Kranichsfeld"]
    for entry in (*lexicon.roles[:200], *lexicon.institutions[:200]):
        for front in ("", "x", "xy", "xyz", "Bundes", "der "):
            whole = front + entry
            words += [whole, whole[1:], whole[2:], whole[:-1], whole.upper(), whole.title()]
    assert [lexicon.is_role(w) for w in words] == [is_role(w) for w in words]
    assert [lexicon.is_institution(w) for w in words] == [is_institution(w) for w in words]
    assert any(map(lexicon.is_role, words)) and any(map(lexicon.is_institution, words))


def test_token_index_is_list_index() -> None:
    tokens = [Token(k, k + 1, "x", "NN", "x") for k in range(6)]
    tokens.append(Token(2, 3, "x", "NN", "x"))  # equal to tokens[2], another object
    for lo in range(len(tokens)):
        for token in tokens:
            try:
                expected: int | None = tokens.index(token, lo)
            except ValueError:
                expected = None
            try:
                got: int | None = token_index(tokens, token, lo)
            except ValueError:
                got = None
            assert got == expected
