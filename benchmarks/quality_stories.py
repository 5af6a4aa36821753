"""Story clustering quality: pairwise precision/recall/F1 against known stories.

    .venv/bin/python benchmarks/quality_stories.py

Gold: the example corpus (file names `<outlet>_<event>.txt`, event = story) plus the five
seed articles of ../shared/seeds as one more story, when present. A small set (15 articles,
3 stories); the larger set with distractors is issue 8's.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.model import Article
from synopse.pipeline import build_stories, read_articles

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def gold_story(article: Article) -> str:
    source = Path(article.source)
    return "seeds" if source.parent == SEEDS else source.stem.split("_", 1)[1]


def main() -> None:
    paths = [str(ROOT / "examples")] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    annotator = Annotator()
    articles = [annotator(a) for a in read_articles(paths, Settings()) if isinstance(a, Article)]
    stories = build_stories(articles, Settings())
    predicted = {aid: story.id for story in stories for aid in story.article_ids}
    gold = {a.id: gold_story(a) for a in articles}
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(articles)} articles, {len(set(gold.values()))} gold stories, {len(stories)} found")
    print(f"pairwise precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
