"""Story clustering in time blocks, for corpora too large for one similarity matrix.

`StoryClusterer` compares every pair of articles, but articles more than `max_days_apart`
apart never share a story: the matrix is a band. Here the articles are cut into blocks of
consecutive publication days; each block's similarity rows are computed against the block
and its borders (the `max_days_apart` days on either side), independently of other blocks,
so blocks can run on different workers (`map_blocks`). Undated articles can match anything
and form their own blocks, compared with every article.

The merge across block borders is one sweep in publication order over the rows the blocks
returned: it is the clusterer's own assignment rule (join the story whose three most similar
members score highest, if that reaches the threshold), replayed on sparse rows. A greedy
assignment depends on the order articles arrive in, so independent clusterings of blocks
could not be glued together and give the same stories; replaying the cheap sweep over the
expensive, parallel similarities does. TF-IDF weights are learned once on the whole corpus,
so every cell equals the global matrix's bit for bit, and the labels equal `StoryClusterer`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from synopse.cluster.stories import (
    _TOP_LINKS,
    combine,
    day_numbers,
    entity_names,
    name_overlap,
    story_document,
    too_far_apart,
)
from synopse.config import ClusterSettings
from synopse.model import Article
from synopse.textsim import LexicalSpace

Rows = dict[int, dict[int, float]]  # article index -> {other article index: similarity > 0}
MapBlocks = Callable[[Callable[["BlockInput"], Rows], Sequence["BlockInput"]], Iterable[Rows]]
_UNDATED_ROWS = 256  # undated articles per block: their rows span the whole corpus


@dataclass(frozen=True, slots=True)
class Block:
    """Articles whose similarity rows one task computes, and the articles they may match."""

    rows: tuple[int, ...]
    columns: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BlockInput:
    """Everything a worker needs for one block: small, no Article objects."""

    block: Block
    documents: dict[int, str]
    names: dict[int, frozenset[str]]
    days: dict[int, float]
    space: LexicalSpace
    max_days_apart: int


def time_blocks(days: NDArray[np.float64], width: int, max_days_apart: int) -> list[Block]:
    """Blocks of `width` publication days, each with its borders; then the undated articles."""
    dated = np.flatnonzero(~np.isnan(days))
    undated = tuple(int(i) for i in np.flatnonzero(np.isnan(days)))
    blocks: list[Block] = []
    if dated.size:
        first = days[dated].min()
        block_of = ((days[dated] - first) // width).astype(int)
        for number in np.unique(block_of):
            start = first + number * width
            low, high = start - max_days_apart, start + width - 1 + max_days_apart
            near = (days[dated] >= low) & (days[dated] <= high)
            rows = tuple(int(i) for i in dated[block_of == number])
            blocks.append(Block(rows, tuple(int(i) for i in dated[near])))
    everything = tuple(range(len(days)))
    for offset in range(0, len(undated), _UNDATED_ROWS):
        blocks.append(Block(undated[offset : offset + _UNDATED_ROWS], everything))
    return blocks


def block_rows(item: BlockInput) -> Rows:
    """The block's similarity rows, zero cells left out."""
    rows, columns = item.block.rows, item.block.columns
    lexical = item.space.similarity(
        [item.documents[i] for i in rows], [item.documents[j] for j in columns]
    )
    entity = name_overlap([item.names[i] for i in rows], [item.names[j] for j in columns])
    combined = combine(lexical, entity)
    row_days = np.array([item.days[i] for i in rows])
    column_days = np.array([item.days[j] for j in columns])
    combined[too_far_apart(row_days, column_days, item.max_days_apart)] = 0.0
    return {
        i: {columns[k]: float(combined[r, k]) for k in np.flatnonzero(combined[r])}
        for r, i in enumerate(rows)
    }


def assign_stories(order: Sequence[int], rows: Rows, threshold: float) -> list[int]:
    """Story labels by the clusterer's rule, visiting articles in `order` (the merge step)."""
    labels = [-1] * len(order)
    sizes: list[int] = []
    for i in order:
        story = _best_story(rows.get(i, {}), labels, sizes, threshold)
        if story is None:
            sizes.append(0)
            story = len(sizes) - 1
        labels[i] = story
        sizes[story] += 1
    return labels


def _best_story(
    row: dict[int, float], labels: Sequence[int], sizes: Sequence[int], threshold: float
) -> int | None:
    """The story with the best mean of its top links; ties go to the later story, as in
    `StoryClusterer`. Stories without a link score 0, so only linked ones can reach a
    positive threshold."""
    linked: dict[int, list[float]] = {}
    for j, value in row.items():
        if labels[j] >= 0:
            linked.setdefault(labels[j], []).append(value)
    candidates = range(len(sizes)) if threshold <= 0 else sorted(linked)
    best, best_score = None, threshold
    for story in candidates:
        values = linked.get(story, [])
        padded = values + [0.0] * min(_TOP_LINKS, sizes[story] - len(values))
        score = float(np.sort(np.array(padded))[-_TOP_LINKS:].mean())
        if score >= best_score:
            best, best_score = story, score
    return best


def _publication_order(days: NDArray[np.float64]) -> list[int]:
    """Oldest first, input order within a day, undated articles last (as `StoryClusterer`)."""
    dated = sorted((float(days[i]), i) for i in np.flatnonzero(~np.isnan(days)))
    return [int(i) for _, i in dated] + [int(i) for i in np.flatnonzero(np.isnan(days))]


class BlockedStoryClusterer:
    """Same labels as `StoryClusterer`, computed block by block (`map_blocks` may be parallel)."""

    def __init__(self, threshold: float = 0.22, max_days_apart: int = 7, width: int = 7) -> None:
        self.threshold = threshold
        self.max_days_apart = max_days_apart
        self.width = width

    @classmethod
    def from_settings(cls, settings: ClusterSettings, width: int = 7) -> BlockedStoryClusterer:
        return cls(settings.threshold, settings.max_days_apart, width)

    def fit(
        self, articles: Sequence[Article], map_blocks: MapBlocks | None = None
    ) -> BlockedStoryClusterer:
        inputs = self.block_inputs(articles)
        rows: Rows = {}
        for part in (map_blocks or _serial)(block_rows, inputs):
            rows.update(part)
        days = day_numbers(articles)
        self.labels_ = np.array(assign_stories(_publication_order(days), rows, self.threshold))
        return self

    def block_inputs(self, articles: Sequence[Article]) -> list[BlockInput]:
        documents = [story_document(a) for a in articles]
        space = LexicalSpace().fit(documents)
        names = [entity_names(a) for a in articles]
        days = day_numbers(articles)
        return [
            BlockInput(
                block,
                {i: documents[i] for i in (*block.rows, *block.columns)},
                {i: names[i] for i in (*block.rows, *block.columns)},
                {i: float(days[i]) for i in (*block.rows, *block.columns)},
                space,
                self.max_days_apart,
            )
            for block in time_blocks(days, self.width, self.max_days_apart)
        ]


def _serial(function: Callable[[BlockInput], Rows], items: Sequence[BlockInput]) -> list[Rows]:
    return [function(item) for item in items]
