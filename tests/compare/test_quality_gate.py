"""Floors for the compare stage on the gold stories, and the seeds' expected Synopse.

The floors sit just below the figures measured in docs/quality.md; never lower them silently.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from synopse.config import CompareSettings, Settings
from synopse.pipeline import analyze

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"
FLOORS = {
    "divergence_precision": 0.90,
    "divergence_recall": 0.85,
    "consensus_precision": 0.72,
    "consensus_recall": 0.82,
    "claims_placed": 0.70,
}


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "quality_compare", REPO / "benchmarks" / "quality_compare.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["quality_compare"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_compare_quality_on_the_gold_stories_stays_above_its_floors() -> None:
    figures = _benchmark().evaluate(CompareSettings())["all"]
    assert figures["stories"] >= 16
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (name, figures[name])


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_seeds_synopse_shows_the_call_length_spellings_roles_and_consensus_points() -> None:
    [story] = analyze([str(SEEDS)], Settings()).stories
    divergent = [c for c in story.comparisons if c.status.value == "divergent"][:12]
    [length] = [c for c in divergent if c.kind == "figure" and "Dauer" in c.topic]
    assert len({c.article_id for c in length.claims}) >= 4
    assert length.divergence == "sources"
    assert {c.attributed_to for c in length.claims} >= {"Kreml", "Donald Trump"}
    spellings = {v for c in divergent if c.kind == "spelling" for v in c.note.split(" / ")}
    assert any("Waltz" in v for v in spellings)
    assert any(c.kind == "role" and "Kellogg" in c.topic for c in divergent)
    consensus = [c for c in story.comparisons if c.status.value == "consensus"]
    surfaces = [" ".join(k.surface for k in c.claims) for c in consensus]
    assert any("Moskau eingeladen" in s for s in surfaces)
    team = [c for c in consensus if "Ratcliffe" in " ".join(k.surface for k in c.claims)]
    assert team and len({k.article_id for k in team[0].claims}) >= 2
