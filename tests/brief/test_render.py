from __future__ import annotations

import html
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from synopse.brief.render import _plain, claims_by_article, marked_text, quote_groups
from synopse.brief.report_json import report_json_text
from synopse.model import Article, EntityType, Mention, Sentence

_plain_floats = st.floats(allow_nan=False, allow_infinity=False).filter(
    lambda x: "e" not in repr(x)
)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | _plain_floats | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(st.dictionaries(st.text(), _json, max_size=5))
def test_report_json_is_the_text_python_json_would_write(data: dict[str, Any]) -> None:
    assert report_json_text(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_report_json_keeps_umlauts_quotes_and_control_characters_readable() -> None:
    data = {
        "titel": "„Größte Fähre“ in Lindgart",
        "leer": [],
        "nichts": {},
        "zeile": "a\nb\t\u0001",
    }
    text = report_json_text(data)
    assert "„Größte Fähre“" in text
    assert '"leer": [],' in text
    assert json.loads(text) == data


def test_quotes_are_grouped_by_speaker_most_quoted_first_unknown_last() -> None:
    quotes = [
        {"speaker_name": None, "speaker_text": None, "text": "a"},
        {"speaker_name": "Petra Lenz", "speaker_text": "Lenz", "text": "b"},
        {"speaker_name": "Jonas Klee", "speaker_text": "er", "text": "c"},
        {"speaker_name": "Petra Lenz", "speaker_text": "sie", "text": "d"},
        {"speaker_name": None, "speaker_text": "die Polizei", "text": "e"},
    ]
    groups = quote_groups(quotes)
    assert [(speaker, [q["text"] for q in items]) for speaker, items in groups] == [
        ("Petra Lenz", ["b", "d"]),
        ("Jonas Klee", ["c"]),
        ("die Polizei", ["e"]),
        ("unknown speaker", ["a"]),
    ]


def _marked_one_by_one(article: Article) -> str:
    """What `marked_text` writes, the long way: every mention tried for every sentence."""
    mentions = sorted(article.mentions, key=lambda m: m.start)
    parts, cursor = [], 0
    for sentence in article.sentences:
        parts.append(_plain(article.text[cursor : sentence.start]))
        parts.append(f'<span class="s" id="a-{article.id}-{sentence.start}">')
        inner = sentence.start
        for m in mentions:
            if m.start < inner or m.end > sentence.end or m.start < sentence.start:
                continue
            parts.append(_plain(article.text[inner : m.start]))
            title = html.escape(f"{m.type.value}: {m.canonical}")
            parts.append(
                f'<mark class="{m.type.value.lower()}" title="{title}">'
                f"{_plain(article.text[m.start : m.end])}</mark>"
            )
            inner = m.end
        parts.append(_plain(article.text[inner : sentence.end]) + "</span>")
        cursor = sentence.end
    parts.append(_plain(article.text[cursor:]))
    return "".join(parts)


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(alphabet="ab <&\n", min_size=1, max_size=40))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))) | {len(text)})
    bounds = list(zip([0, *cuts], cuts, strict=False))
    sentences = tuple(Sentence(a, b, text[a:b]) for a, b in bounds if draw(st.booleans()))
    mentions = []
    for _ in range(draw(st.integers(0, 8))):  # overlapping, empty and crossing ones too
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        kind = draw(st.sampled_from(list(EntityType)))
        mentions.append(Mention(start, end, text[start:end], kind, text[start:end] or "x"))
    return Article("a1", "a1.txt", text, sentences=sentences, mentions=tuple(mentions))


@given(_articles())
def test_marked_text_marks_each_sentence_s_mentions_as_trying_every_mention_would(
    article: Article,
) -> None:
    assert str(marked_text(article)) == _marked_one_by_one(article)


def test_claims_by_article_keeps_each_article_s_claims_in_order() -> None:
    claims = [{"article_id": aid, "n": n} for n, aid in enumerate(["b", "a", "b", "c", "a"])]
    grouped = claims_by_article({"claims": claims})
    assert list(grouped) == ["b", "a", "c"]
    assert [c["n"] for c in grouped["b"]] == [0, 2]
    assert [c["n"] for c in grouped["a"]] == [1, 4]
    assert grouped.get("d") is None
