"""Merge quality gate on the team-written stories, and the people of the real seed story.

Floors sit slightly below the figures of benchmarks/quality_link.py; never lower them silently.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.link import resolve_entities
from synopse.model import Article, Entity, EntityType
from synopse.pipeline import read_articles

ROOT = Path(__file__).resolve().parents[2]
FLOORS = {"oracle": (0.95, 0.92), "pipeline": (0.85, 0.75)}  # (precision, recall)


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "quality_link", ROOT / "benchmarks" / "quality_link.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("setting", ["oracle", "pipeline"])
def test_pairwise_merge_precision_and_recall_stay_above_their_floors(setting: str) -> None:
    benchmark = _benchmark()
    lines = [line for line in benchmark.run(benchmark.DEFAULT_PATHS) if "ALL" in line]
    [line] = [line for line in lines if line.startswith(setting)]
    fields = line.split()
    precision, recall = float(fields[fields.index("P") + 1]), float(fields[fields.index("R") + 1])
    assert precision >= FLOORS[setting][0] and recall >= FLOORS[setting][1], line


@pytest.fixture(scope="module")
def seed_entities(seeds: Path, annotator: Annotator) -> tuple[Entity, ...]:
    articles = [a for a in read_articles([str(seeds)], Settings()) if isinstance(a, Article)]
    return resolve_entities([annotator(a) for a in articles], "s1")


def _owner(entities: tuple[Entity, ...], form: str) -> set[str]:
    return {e.id for e in entities for r in e.mentions if r.text == form}


@pytest.mark.slow
@pytest.mark.parametrize(
    "forms",
    [
        ("Michael Waltz", "Mike Waltz", "Michael Walz"),
        ("Marco Rubio", "Marc Rubio"),
        ("J.D. Vance", "J. D. Vance", "Vance"),
        ("Wolodymyr Selenskyj", "Selenskyj", "Zelenskyy"),
        ("Marc Fogel", "Vogel"),
    ],
)
def test_each_seed_person_is_one_entity_whatever_the_spelling(
    seed_entities: tuple[Entity, ...], forms: tuple[str, ...]
) -> None:
    owners = set().union(*(_owner(seed_entities, form) for form in forms))
    assert len(owners) == 1, {form: _owner(seed_entities, form) for form in forms}
    [entity] = [e for e in seed_entities if e.id in owners]
    assert entity.type is EntityType.PER
