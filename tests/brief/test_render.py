from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from synopse.brief.render import quote_groups
from synopse.brief.report_json import report_json_text

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
