"""Build the quote gold set (dev, holdout, holdout2, holdout3 .jsonl) from the marked-up sources.

    .venv/bin/python tests/golden/quotes/build.py

Each `source/<split>.txt` holds articles opened by a line `### <id> <topic>`. A quote is
marked `[[kind;speaker;speaker kind|quoted words]]`: kind d/i/r (direct, indirect, reported),
speaker the full name of who said it ("-" when unknown), speaker kind name/role/pronoun/
institution/unknown. The marks are removed; the JSONL keeps the offsets of the quoted words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"d": "direct", "i": "indirect", "r": "reported"}
SPEAKER_KINDS = frozenset({"name", "role", "pronoun", "institution", "unknown"})
MARK = re.compile(r"\[\[([dir]);([^;\]]+);(\w+)\|(.*?)\]\]", re.DOTALL)


def parse_article(article_id: str, topic: str, marked: str) -> dict[str, object]:
    text_parts: list[str] = []
    quotes = []
    position = 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[position : match.start()]
        text_parts.append(before)
        length += len(before)
        kind, speaker, speaker_kind, words = match.groups()
        if speaker_kind not in SPEAKER_KINDS:
            raise ValueError(f"{article_id}: unknown speaker kind {speaker_kind!r}")
        quotes.append(_quote(length, words, KINDS[kind], speaker.strip(), speaker_kind))
        text_parts.append(words)
        length += len(words)
        position = match.end()
    text_parts.append(marked[position:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise ValueError(f"{article_id}: unbalanced quote mark-up")
    return {"id": article_id, "topic": topic, "text": text, "quotes": quotes}


def _quote(start: int, words: str, kind: str, speaker: str, speaker_kind: str) -> dict[str, object]:
    return {
        "start": start,
        "end": start + len(words),
        "text": words,
        "kind": kind,
        "speaker": None if speaker == "-" else speaker,
        "speaker_kind": speaker_kind,
    }


def parse_source(path: Path) -> list[dict[str, object]]:
    chunks = re.split(r"^### ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    articles = []
    for chunk in chunks[1:]:
        header, _, body = chunk.partition("\n")
        article_id, _, topic = header.strip().partition(" ")
        articles.append(parse_article(article_id, topic.strip(), body.strip() + "\n"))
    return articles


def main() -> None:
    for source in sorted((HERE / "source").glob("*.txt")):
        articles = parse_source(source)
        lines = [json.dumps(a, ensure_ascii=False, sort_keys=True) for a in articles]
        (HERE / f"{source.stem}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        count = sum(len(a["quotes"]) for a in articles)  # type: ignore[arg-type,misc]
        print(f"{source.stem}: {len(articles)} articles, {count} quotes")


if __name__ == "__main__":
    main()
