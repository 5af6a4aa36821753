from __future__ import annotations

from synopse.annotate import tokens
from synopse.annotate.annotator import Annotator
from synopse.annotate.tokens import Tokenizer, content_lemmas
from synopse.model import Token


def test_a_sentence_longer_than_one_tagging_run_gets_a_tag_for_every_token(
    annotator: Annotator,
) -> None:
    text = "Der Rat der Stadt tagte am Montag und " * 300  # 2,400 tokens, no full stop
    (sentence,) = annotator.annotate(text).sentences
    assert len(sentence.tokens) == 2400
    assert {t.pos for t in sentence.tokens[995:1005]} >= {"NN", "ART"}
    assert all(t.pos and t.lemma for t in sentence.tokens)


def test_a_long_token_is_left_out_of_tagging_and_marked_xy(tokenizer: Tokenizer) -> None:
    words = ["Die", "Stadt", "baut", "eine", "Brücke", "über", "den", "Fluss", "."]
    long = "https://www.beispiel-stadt.de/rathaus/bekanntmachungen/2025/brueckenbau"
    tagged = tokenizer._tag(words)  # the one-run path
    assert tokenizer._tag([*words[:3], long, *words[3:]]) == [
        *tagged[:3],
        (long, "XY"),
        *tagged[3:],
    ]  # the general path, the long token left out of the Viterbi run
    assert all(pos and "(" not in pos for _, pos in tagged)


def test_the_alphanumeric_character_class_is_str_isalnum() -> None:
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        assert (tokens._ALNUM.search(c) is not None) == c.isalnum(), hex(code)


def test_content_lemmas_keep_content_words_with_a_letter_or_digit() -> None:
    sentence = [
        Token(0, 3, "Die", "ART", "die"),
        Token(4, 9, "Stadt", "NN", "Stadt"),
        Token(10, 15, "Ulmen", "NE", "Ulme"),
        Token(16, 20, "baut", "VVFIN", "bauen"),
        Token(21, 23, "12", "CARD", "12"),
        Token(24, 25, "-", "NN", "-"),
        Token(26, 27, "½", "CARD", "½"),
        Token(28, 29, ".", "$.", "."),
    ]
    assert content_lemmas(sentence) == ["stadt", "ulmen", "bauen", "12", "½"]
