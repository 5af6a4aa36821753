"""The team-written quote gold set: well-formed, rebuilt from its sources, and a quality gate."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType, Mention

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "golden" / "quotes"
# Measured with benchmarks/quality_quotes_gold.py (docs/quality.md); floors a little below.
# Never lower them silently: a drop is a regression to explain.
FLOORS = {
    "dev": {"direct": 0.97, "indirect": 0.91, "reported": 0.85, "speaker": 0.90},
    "holdout": {"direct": 0.97, "indirect": 0.95, "reported": 0.92, "speaker": 0.91},
    # holdout2 was written after the tuning: 0.800 untouched, 0.868 after the role-noun pass,
    # whose brief drew on its miss list (docs/quality.md, "Team holdout2 (untouched)"); 0.896
    # after the sixth pass (subjects before the verb; see docs/quality.md, "Sixth pass").
    "holdout2": {"direct": 0.97, "indirect": 0.94, "reported": 0.85, "speaker": 0.88},
    # holdout3 was written without reading the system and measured once on c3a48d5: direct
    # 1.000, indirect 0.937, reported 0.917, speaker 0.837 ("Team holdout3 (untouched)"); speaker
    # 0.854 after the sixth pass, which never saw it; 0.894 after the institution pass, whose
    # brief knew institutions were its weak kind (counts only).
    "holdout3": {"direct": 0.99, "indirect": 0.93, "reported": 0.91, "speaker": 0.88},
}
SPLITS = tuple(FLOORS)


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def benchmark() -> ModuleType:
    return _module("quality_quotes_gold", REPO / "benchmarks" / "quality_quotes_gold.py")


@pytest.mark.parametrize("split", SPLITS)
def test_gold_quotes_slice_back_and_are_rebuilt_from_the_sources(split: str) -> None:
    build = _module("quotes_gold_build", GOLD / "build.py")
    rebuilt = build.parse_source(GOLD / "source" / f"{split}.txt")
    stored = [
        json.loads(line) for line in (GOLD / f"{split}.jsonl").read_text("utf-8").splitlines()
    ]
    assert rebuilt == stored
    for article in stored:
        for quote in article["quotes"]:
            assert article["text"][quote["start"] : quote["end"]] == quote["text"]


def test_the_gold_set_has_at_least_150_quotes_of_every_kind_and_speaker_kind() -> None:
    quotes = [
        q
        for split in SPLITS
        for line in (GOLD / f"{split}.jsonl").read_text("utf-8").splitlines()
        for q in json.loads(line)["quotes"]
    ]
    assert len(quotes) >= 150
    assert {q["kind"] for q in quotes} == {"direct", "indirect", "reported"}
    assert {q["speaker_kind"] for q in quotes} == {
        "name",
        "role",
        "pronoun",
        "institution",
        "unknown",
    }


# The untouched splits: at least this many quotes, quotes of each kind, and speakers of each kind.
UNTOUCHED = {
    "holdout2": {"quotes": 90, "kind": 25, "role": 12, "institution": 15, "unknown": 8},
    "holdout3": {
        "quotes": 110,
        "direct": 30,
        "indirect": 30,
        "reported": 25,
        "name": 18,
        "role": 15,
        "pronoun": 12,
        "institution": 25,
        "unknown": 10,
    },
}


@pytest.mark.parametrize("split", tuple(UNTOUCHED))
def test_untouched_splits_represent_every_kind_and_speaker_kind(split: str) -> None:
    lines = (GOLD / f"{split}.jsonl").read_text("utf-8").splitlines()
    quotes = [q for line in lines for q in json.loads(line)["quotes"]]
    counts = Counter(q["kind"] for q in quotes) + Counter(q["speaker_kind"] for q in quotes)
    minimum = UNTOUCHED[split]
    assert len(quotes) >= minimum["quotes"]
    for kind in ("direct", "indirect", "reported"):
        assert counts[kind] >= minimum.get(kind, minimum.get("kind", 1)), counts
    for kind in ("name", "role", "pronoun", "institution", "unknown"):
        assert counts[kind] >= minimum.get(kind, 1), counts


@pytest.mark.slow
@pytest.mark.parametrize("split", SPLITS)
def test_quote_finding_on_the_gold_set_stays_above_its_floors(
    split: str, benchmark: ModuleType
) -> None:
    scores = benchmark.measure(benchmark.load(split))
    floors = FLOORS[split]
    for kind in ("direct", "indirect", "reported"):
        assert scores.kinds[kind].f1 >= floors[kind], (kind, scores.kinds[kind])
    assert scores.kinds["any"].speaker >= floors["speaker"], scores.kinds["any"]


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Auf seiner Plattform Truth Social schrieb Trump: „Wir reden gut.“", "Truth Social"),
        ("„Wir reden gut“, sagte Trump in einem Interview mit Fox News.", "Fox News"),
        ("Trump schrieb auf X, er sei zufrieden.", "X"),
        ("„Wir reden gut“, sagte Trump auf einer Pressekonferenz.", "Pressekonferenz"),
        ("In einem Fernsehinterview sagte Trump, er sei zufrieden.", "Interview"),
        ("„Wir reden gut“, sagte Trump am Abend.", None),
        ("„Wir reden gut“, sagte Trump, nachdem er ein Bild gezeigt hatte.", None),
    ],
)
def test_quotes_name_the_medium_when_the_frame_does(text: str, medium: str | None) -> None:
    tokenizer, finder = Tokenizer(), QuoteFinder()
    start = text.index("Trump")
    trump = Mention(start, start + 5, "Trump", EntityType.PER, "Donald Trump")
    (quote,) = finder(text, tokenizer(text), [trump])
    assert quote.medium == medium
    assert quote.speaker_name == "Donald Trump"
