"""The team's German NER gold set (tests/golden/ner): every span valid, files in sync, and a
quality gate on recognition and cross-article merging.

Floors sit slightly below the figures measured with benchmarks/quality_ner_gold.py at the end of
the session that wrote the set; raise them when the recogniser or the merging improves, never
lower them silently. Holdout floors are checked separately because the holdout is never tuned on.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "golden" / "ner"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


bench = _load("quality_ner_gold", REPO / "benchmarks" / "quality_ner_gold.py")
build = _load("ner_gold_build", GOLD / "build.py")

SENTENCES = bench.read_jsonl(GOLD / "sentences.jsonl")
STORIES = bench.read_jsonl(GOLD / "stories.jsonl")

# Measured at the end of the writing session (all: overall 0.714, PER/ORG/LOC 0.733, PER 0.842,
# LOC 0.765, ORG 0.549, MISC 0.384; holdout: 0.714, 0.739; stories: pairwise P 0.952 R 0.917,
# B-cubed P 0.966 R 0.951, 108/111 found). Raised after the issue-4 typing session (all: overall
# 0.838, PER/ORG/LOC 0.855, PER 0.901, LOC 0.859, ORG 0.798, MISC 0.586; holdout: 0.829, 0.849).
# Floors a little below.
SENTENCE_FLOORS = {
    ("all", "overall"): 0.82,
    ("all", "per_org_loc"): 0.84,
    ("all", "PER"): 0.88,
    ("all", "LOC"): 0.84,
    ("all", "ORG"): 0.78,
    ("all", "MISC"): 0.56,
    ("holdout", "overall"): 0.81,
    ("holdout", "per_org_loc"): 0.83,
}
STORY_FLOORS = {"pairwise_p": 0.92, "pairwise_r": 0.88, "bcubed_p": 0.94, "bcubed_r": 0.92}
MIN_FOUND_SHARE = 0.93


# --- the gold set itself ----------------------------------------------------------------------


@pytest.mark.parametrize("domain", bench.DOMAINS)
def test_every_gold_span_slices_back_to_its_sentence(domain: str) -> None:
    records = [r for r in SENTENCES if r["domain"] == domain]
    assert records
    assert [p for r in records for p in bench.span_problems(r)] == []


def test_gold_ids_are_unique() -> None:
    ids = [r["id"] for r in SENTENCES]
    assert len(ids) == len(set(ids))


def test_gold_set_has_enough_sentences_mentions_and_types() -> None:
    mentions = [e for r in SENTENCES for e in r["entities"]]
    assert len(SENTENCES) >= 400
    assert len(mentions) >= 900
    assert {e["type"] for e in mentions} == set(bench.TYPES)


def test_about_a_third_of_the_sentences_are_held_out() -> None:
    held_out = sum(r["split"] == "holdout" for r in SENTENCES)
    assert 0.30 <= held_out / len(SENTENCES) <= 0.40


def test_sentences_file_is_regenerated_from_the_marked_up_sources() -> None:
    on_disk = (GOLD / "sentences.jsonl").read_text(encoding="utf-8")
    assert on_disk == build.render(build.build()), "run tests/golden/ner/build.py"


@pytest.mark.parametrize(
    ("line", "text", "spans"),
    [
        ("{Putins|P} Berater", "Putins Berater", [(0, 6, "PER")]),
        ("Die {Deutsche Bahn|O} fährt.", "Die Deutsche Bahn fährt.", [(4, 17, "ORG")]),
        ("in {Kiew|L} und {Odessa|L}", "in Kiew und Odessa", [(3, 7, "LOC"), (12, 18, "LOC")]),
        ("„{Faust|M}“", "„Faust“", [(1, 6, "MISC")]),
        ("Frieden ist nah.", "Frieden ist nah.", []),
    ],
)
def test_markup_parser_strips_marks_and_keeps_offsets(
    line: str, text: str, spans: list[tuple[int, int, str]]
) -> None:
    parsed, entities = build.parse_line(line)
    assert parsed == text
    assert [(e["start"], e["end"], e["type"]) for e in entities] == spans


@pytest.mark.parametrize("line", ["{Kiew|X} liegt", "{Kiew liegt", "Kiew|L} liegt"])
def test_markup_parser_rejects_malformed_marks(line: str) -> None:
    with pytest.raises(ValueError, match="markup"):
        build.parse_line(line)


def _record(**changes: Any) -> dict[str, Any]:
    record = {
        "id": "t-1",
        "domain": "politik",
        "split": "dev",
        "text": "Olaf Scholz traf Macron in Paris.",
        "entities": [
            {"start": 0, "end": 11, "text": "Olaf Scholz", "type": "PER"},
            {"start": 17, "end": 23, "text": "Macron", "type": "PER"},
        ],
    }
    return {**record, **changes}


@pytest.mark.parametrize(
    "broken",
    [
        _record(entities=[{"start": 0, "end": 10, "text": "Olaf Scholz", "type": "PER"}]),
        _record(entities=[{"start": 27, "end": 32, "text": "Paris", "type": "GPE"}]),
        _record(entities=[{"start": 4, "end": 12, "text": " Scholz ", "type": "PER"}]),
        _record(
            entities=[
                {"start": 0, "end": 11, "text": "Olaf Scholz", "type": "PER"},
                {"start": 5, "end": 11, "text": "Scholz", "type": "PER"},
            ]
        ),
        _record(domain="feuilleton"),
        _record(split="train"),
        {"id": "t-2", "text": "ohne Felder"},
    ],
)
def test_checker_reports_broken_records(broken: dict[str, Any]) -> None:
    assert bench.span_problems(broken)


def test_checker_accepts_a_valid_record() -> None:
    assert bench.span_problems(_record()) == []


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(blacklist_characters="{}|"), max_size=12),
            st.text(st.characters(blacklist_characters="{}|"), min_size=1, max_size=8),
            st.sampled_from("POLM"),
        ),
        max_size=5,
    )
)
def test_parsed_markup_offsets_slice_back_for_any_unicode(
    pieces: list[tuple[str, str, str]],
) -> None:
    line = "".join(f"{before}{{{name}|{code}}}" for before, name, code in pieces)
    text, entities = build.parse_line(line)
    assert [text[e["start"] : e["end"]] for e in entities] == [name for _, name, _ in pieces]


# --- stories ----------------------------------------------------------------------------------


def test_there_are_at_least_six_stories_of_three_to_five_articles() -> None:
    assert len(STORIES) >= 6
    assert all(3 <= len(s["articles"]) <= 5 for s in STORIES)


@pytest.mark.parametrize("story", STORIES, ids=[s["story"] for s in STORIES])
def test_every_story_form_occurs_and_belongs_to_one_cluster(story: dict[str, Any]) -> None:
    assert bench.story_problems(story) == []


def test_story_checker_reports_a_form_shared_by_two_clusters() -> None:
    story = json.loads(json.dumps(STORIES[0]))
    story["clusters"][1]["forms"].append(story["clusters"][0]["forms"][0])
    assert bench.story_problems(story)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wilhelm Wiens Arbeiten und Wiens Museen", ["Wilhelm Wiens", "Wiens"]),
        ("Die Wiener Oper", []),
        ("Thomas Weber und Stefan Weber", ["Thomas Weber", "Stefan Weber"]),
    ],
)
def test_gold_forms_match_longest_first_and_as_whole_words(text: str, expected: list[str]) -> None:
    forms = ["Wiens", "Wilhelm Wiens", "Thomas Weber", "Stefan Weber", "Wien"]
    assert [form for _, _, form in bench.gold_occurrences(text, forms)] == expected


def test_merge_scores_count_a_false_merge_against_precision() -> None:
    tally = bench.MergeTally()
    labelled = [("Donald Trump", "e1", "Trump"), ("Melania Trump", "e1", "Melania Trump")]
    bench.tally_story(labelled, tally)
    assert tally.result()["pairwise_p"] == 0.0
    assert tally.result()["false_merges"] == ["Melania Trump / Trump"]


# --- quality gate -----------------------------------------------------------------------------


@cache
def _measured() -> dict[str, Any]:
    return bench.measure()  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.parametrize(("split", "figure"), sorted(SENTENCE_FLOORS))
def test_recogniser_f1_stays_above_its_floor(split: str, figure: str) -> None:
    f1 = _measured()["sentences"][split][figure]["f1"]
    assert f1 >= SENTENCE_FLOORS[split, figure]


@pytest.mark.slow
@pytest.mark.parametrize("figure", sorted(STORY_FLOORS))
def test_story_merging_stays_above_its_floor(figure: str) -> None:
    assert _measured()["stories"][figure] >= STORY_FLOORS[figure]


@pytest.mark.slow
def test_recogniser_finds_nearly_every_gold_story_mention() -> None:
    stories = _measured()["stories"]
    assert stories["found"] / stories["occurrences"] >= MIN_FOUND_SHARE
