from __future__ import annotations

from synopse.annotate.annotator import Annotator


def test_a_sentence_longer_than_one_tagging_run_gets_a_tag_for_every_token(
    annotator: Annotator,
) -> None:
    text = "Der Rat der Stadt tagte am Montag und " * 300  # 2,400 tokens, no full stop
    (sentence,) = annotator.annotate(text).sentences
    assert len(sentence.tokens) == 2400
    assert {t.pos for t in sentence.tokens[995:1005]} >= {"NN", "ART"}
    assert all(t.pos and t.lemma for t in sentence.tokens)
