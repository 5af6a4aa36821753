from __future__ import annotations

from synopse.brief.render import quote_groups


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
