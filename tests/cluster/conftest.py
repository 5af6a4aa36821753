from __future__ import annotations

from pathlib import Path

import pytest

from synopse.annotate.annotator import Annotator
from synopse.cluster.evaluate import GoldLabel, read_gold_labels
from synopse.config import Settings
from synopse.model import Article
from synopse.pipeline import read_articles

GOLD = Path(__file__).resolve().parents[1] / "golden" / "stories"


@pytest.fixture(scope="session")
def gold_articles() -> list[Article]:
    """The team-written gold set, read by the pipeline's own reader and annotated once."""
    annotator = Annotator()
    paths = [str(p) for p in sorted(GOLD.glob("*.jsonl"))]
    return [annotator(a) for a in read_articles(paths, Settings()) if isinstance(a, Article)]


@pytest.fixture(scope="session")
def gold_labels() -> dict[str, GoldLabel]:
    return read_gold_labels(GOLD / "labels.tsv")
