from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopse.cluster.evaluate import bcubed_scores, pairwise_scores, read_gold_labels
from synopse.errors import InputError

GOLD = {"a": "strike", "b": "strike", "c": "storm"}


@pytest.mark.parametrize(
    ("predicted", "pairwise", "bcubed"),
    [
        ({"a": "1", "b": "1", "c": "2"}, (1.0, 1.0), (1.0, 1.0)),
        ({"a": "1", "b": "1", "c": "1"}, (1 / 3, 1.0), (5 / 9, 1.0)),
        ({"a": "1", "b": "2", "c": "3"}, (1.0, 0.0), (1.0, 2 / 3)),
    ],
)
def test_scores_count_pairs_and_per_article_overlap(
    predicted: dict[str, str], pairwise: tuple[float, float], bcubed: tuple[float, float]
) -> None:
    pair, cube = pairwise_scores(GOLD, predicted), bcubed_scores(GOLD, predicted)
    assert (pair.precision, pair.recall) == pytest.approx(pairwise)
    assert (cube.precision, cube.recall) == pytest.approx(bcubed)


@given(st.lists(st.sampled_from("abcd"), min_size=1, max_size=12), st.data())
def test_a_relabelled_copy_of_the_gold_stories_scores_perfectly(
    stories: list[str], data: st.DataObject
) -> None:
    gold = {f"art{i}": story for i, story in enumerate(stories)}
    renamed = {story: f"p{data.draw(st.integers(0, 1000))}-{story}" for story in set(stories)}
    predicted = {aid: renamed[story] for aid, story in gold.items()}
    assert pairwise_scores(gold, predicted).f1 == 1.0
    assert bcubed_scores(gold, predicted).f1 == 1.0


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("xyz")), max_size=12))
def test_scores_lie_between_zero_and_one(labels: list[tuple[str, str]]) -> None:
    gold = {f"art{i}": g for i, (g, _) in enumerate(labels)}
    predicted = {f"art{i}": p for i, (_, p) in enumerate(labels)}
    for scores in (pairwise_scores(gold, predicted), bcubed_scores(gold, predicted)):
        assert 0.0 <= scores.precision <= 1.0
        assert 0.0 <= scores.recall <= 1.0


def test_gold_labels_file_reads_story_and_split(tmp_path: Path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_text("# comment\nart1\tstrike\tdev\nart2\tstorm\n", encoding="utf-8")
    labels = read_gold_labels(path)
    assert (labels["art1"].story, labels["art1"].split) == ("strike", "dev")
    assert (labels["art2"].story, labels["art2"].split) == ("storm", "all")


def test_malformed_gold_labels_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_text("art1\tstrike\nart2 storm\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"labels\.tsv:2"):
        read_gold_labels(path)
