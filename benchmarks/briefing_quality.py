"""Briefing figures on the team gold stories (tests/golden/compare): how many divergent gold
groups show up in the "differ" section, the share of briefing sentences citing >= 2 outlets, and
the briefing's time per story (compose_briefing alone, after the other stages).

    .venv/bin/python benchmarks/briefing_quality.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from synopse.annotate.annotator import Annotator
from synopse.brief import StoryParts, build_timeline, compose_briefing
from synopse.compare import SentenceAligner, compare_story
from synopse.config import Settings
from synopse.link import resolve_entities
from synopse.link.quote_groups import group_story_quotes
from synopse.model import Article, BriefingSentence

GOLD = Path(__file__).resolve().parents[1] / "tests" / "golden" / "compare"


def _brief(articles: list[Article]) -> tuple[tuple[BriefingSentence, ...], float]:
    settings = Settings()
    entities = resolve_entities(articles, "s1")
    aligner = SentenceAligner().fit(articles)
    parts = StoryParts(
        compare_story(articles, entities, settings.compare),
        group_story_quotes(articles, entities),
        entities,
        build_timeline(articles),
    )
    start = time.perf_counter()
    briefing = compose_briefing(articles, aligner, parts, settings.brief.max_sentences)
    return briefing, time.perf_counter() - start


def main() -> None:
    annotator = Annotator()
    found = total = cited2 = sentences = 0
    seconds: list[float] = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles = [
            annotator(
                Article(a["id"], a["id"], a["text"], outlet=a["outlet"], published=a["published"])
            )
            for a in gold["articles"]
        ]
        texts = {a.id: a.text for a in articles}
        briefing, spent = _brief(articles)
        seconds.append(spent)
        differ = [
            texts[b.ref.article_id][b.ref.start : b.ref.end]
            for b in briefing
            if b.section == "differ"
        ]
        for group in gold["groups"]:
            if group["status"] == "divergent" and group["kind"] not in ("role", "spelling"):
                total += 1
                found += any(c["sentence"] in t for c in group["claims"] for t in differ)
        outlets = {a.id: a.outlet for a in articles}
        cited2 += sum(len({outlets[i] for i in b.article_ids}) >= 2 for b in briefing)
        sentences += len(briefing)
    print(f"stories: {len(seconds)}")
    print(f"divergent gold groups (figure/date/statement/denial) in 'differ': {found}/{total}")
    share = cited2 / max(sentences, 1)
    print(f"briefing sentences citing >= 2 outlets: {cited2}/{sentences} = {share:.2f}")
    mean, worst = 1000 * sum(seconds) / len(seconds), 1000 * max(seconds)
    print(f"compose_briefing per story: mean {mean:.1f} ms, max {worst:.1f} ms")


if __name__ == "__main__":
    main()
