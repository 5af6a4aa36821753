"""The state incremental story clustering keeps between calls, built for candidate retrieval.

  - document frequencies, updated with every article, for IDF weights (a member's TF-IDF vector
    is frozen when it joins, so an article is never re-weighted later);
  - per story its members (the most recent `MAX_COMPARED_MEMBERS` are compared), its last day
    and the sum of its members' embeddings;
  - postings from an article's strongest terms and its entity names to the stories holding
    them, each ordered by last use, so a lookup walks recent stories first and stops at the
    first one that lies outside the time window;
  - the set of stories still inside the time window, for embedding retrieval across languages
    (an English article may share no lemma with the German ones).

A story that leaves the time window is closed: its members' vectors are freed and its postings
dropped as lookups pass them, so memory follows the stories alive at once, not the articles
seen. `open_state()` is what a store keeps between ingest batches: the open stories (their
compared members), their postings and the active list, as JSON; `from_open_state` restores an
index without the closed stories. It places articles as the original would, except that an
article older than the window, whose postings could have listed a closed story among the
candidates (where it scores 0), may see other open candidates in its place.
An article that arrives more than `max_days_apart` days after a story's last article
cannot join it (blocks fed to `partial_fit` should come roughly in time order).

Cost per article: its postings walks plus a scan of the active stories' embedding sums, then at
most `_POSTING_CANDIDATES + _EMBEDDING_CANDIDATES` stories of at most `MAX_COMPARED_MEMBERS`
members scored; none of it grows with the number of articles seen, only with how many stories
are alive at once.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

MAX_COMPARED_MEMBERS = 10
_POSTED_TERMS = 12  # an article's strongest terms that go into (and query) the postings
_POSTING_CANDIDATES = 12  # stories sharing the most strong terms and names are scored
_EMBEDDING_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class Member:
    position: int  # the article's index in the clusterer's `labels_`
    day: dt.date | None
    vector: dict[str, float]  # L2-normalised TF-IDF, weighted with the IDF of its arrival
    entities: dict[str, float]  # entity key -> weight
    embedding: NDArray[np.float32] | None
    names: frozenset[str] = frozenset()  # specific places and people (cluster.features)
    names_a_place: bool = False


@dataclass(slots=True)
class StoryState:
    members: list[Member] = field(default_factory=list)
    last_day: dt.date | None = None
    embedding_sum: NDArray[np.float32] | None = None

    def recent_members(self) -> list[Member]:
        return self.members[-MAX_COMPARED_MEMBERS:]

    def close(self) -> None:
        """Frees what only comparisons need, once the story has left the time window."""
        self.members = []
        self.embedding_sum = None


class StoryIndex:
    def __init__(self, max_days_apart: int) -> None:
        self.max_days_apart = max_days_apart
        self.stories: list[StoryState] = []
        # Articles seen, and per term how many of them hold it (a store loads only the counts of
        # the terms a batch holds: synopse.store.cluster_state).
        self.document_frequency: Counter[str] = Counter()
        self.documents = 0
        self._term_postings: dict[str, dict[int, None]] = {}
        self._entity_postings: dict[str, dict[int, None]] = {}
        self._active: dict[int, None] = {}
        self._latest_day: dt.date | None = None
        self.keep_open = False  # while True, no story is closed (a batch with undated articles)

    def tfidf_vector(self, term_weights: dict[str, float]) -> dict[str, float]:
        """Counts the article into the document frequencies, then weights its terms."""
        self.documents += 1
        self.document_frequency.update(term_weights.keys())
        weighted = {t: w * self._idf(t) for t, w in term_weights.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        return {t: w / norm for t, w in weighted.items()}

    def candidates(self, member: Member) -> list[int]:
        """Stories inside the time window that share the most strong terms and entity names,
        and those whose embedding is among the closest; in order of first appearance."""
        hits: Counter[int] = Counter()
        for term in _strongest(member.vector):
            hits.update(self._recent(self._term_postings.get(term), member.day))
        for entity in member.entities:
            hits.update(self._recent(self._entity_postings.get(entity), member.day))
        ranked = sorted(hits, key=lambda story: (-hits[story], story))[:_POSTING_CANDIDATES]
        return sorted({*ranked, *self._nearest_by_embedding(member)})

    def add(self, member: Member, story: int | None) -> int:
        """Puts `member` into `story` (a new one when None) and returns the story's id."""
        if story is None:
            self.stories.append(StoryState())
            story = len(self.stories) - 1
        state = self.stories[story]
        state.members.append(member)
        state.last_day = _later(state.last_day, member.day)
        if member.embedding is not None:
            total = state.embedding_sum
            state.embedding_sum = (
                member.embedding.copy() if total is None else total + member.embedding
            )
        self._post(story, member)
        return story

    def _post(self, story: int, member: Member) -> None:
        for term in _strongest(member.vector):
            _touch(self._term_postings.setdefault(term, {}), story)
        for entity in member.entities:
            _touch(self._entity_postings.setdefault(entity, {}), story)
        _touch(self._active, story)
        self._latest_day = _later(self._latest_day, member.day)
        if not self.keep_open:
            self.close_inactive()

    def _idf(self, term: str) -> float:
        return math.log((1 + self.documents) / (1 + self.document_frequency[term])) + 1.0

    def _in_window(self, story: int, day: dt.date | None) -> bool:
        last = self.stories[story].last_day
        return day is None or last is None or (day - last).days <= self.max_days_apart

    def _recent(self, posting: dict[int, None] | None, day: dt.date | None) -> list[int]:
        if not posting:
            return []
        result = []
        for story in reversed(posting):
            if not self._in_window(story, day):
                break  # postings are ordered by last use: what follows is older still
            result.append(story)
        for stale in list(itertools.islice(posting, len(posting) - len(result))):
            if self.stories[stale].members:
                break  # still open: a late article may be older than today's
            del posting[stale]
        return result

    def _nearest_by_embedding(self, member: Member) -> list[int]:
        if member.embedding is None:
            return []
        stories = [s for s in self._active if self.stories[s].embedding_sum is not None]
        if not stories:
            return []
        sums = np.stack([self.stories[s].embedding_sum for s in stories])  # type: ignore[misc]
        scores = sums @ member.embedding / np.linalg.norm(sums, axis=1)
        best = np.argsort(-scores)[:_EMBEDDING_CANDIDATES]
        return [stories[int(i)] for i in best]

    def close_inactive(self) -> None:
        """Closes the stories whose last article lies beyond the window before the latest day."""
        for story in list(self._active):
            if self.stories[story].last_day is None:
                continue  # a story of undated articles stays open: any later article may join
            if self._in_window(story, self._latest_day):
                break  # ordered by last use, like the postings
            del self._active[story]
            self.stories[story].close()

    def open_state(self) -> dict[str, Any]:
        """The open stories and what retrieval needs of them, as JSON-ready data: closed stories
        are left out (they cannot take a member), so the size follows the stories alive at
        once. Document frequencies are not included (see `document_frequency`)."""
        open_stories = list(self._active)
        alive = set(open_stories)
        return {
            "documents": self.documents,
            "story_count": len(self.stories),
            "latest_day": _day_text(self._latest_day),
            "stories": [_story_data(s, self.stories[s]) for s in open_stories],
            "term_postings": _open_postings(self._term_postings, alive),
            "entity_postings": _open_postings(self._entity_postings, alive),
        }

    @classmethod
    def from_open_state(cls, max_days_apart: int, data: dict[str, Any]) -> StoryIndex:
        index = cls(max_days_apart)
        index.documents = int(data["documents"])
        index.stories = [_CLOSED] * int(data["story_count"])
        index._latest_day = _day(data["latest_day"])
        for story in data["stories"]:
            index.stories[story["story"]] = _story_state(story)
            index._active[story["story"]] = None
        index._term_postings = _postings(data["term_postings"])
        index._entity_postings = _postings(data["entity_postings"])
        return index


def _strongest(vector: dict[str, float]) -> list[str]:
    return sorted(vector, key=lambda t: (-vector[t], t))[:_POSTED_TERMS]


def _touch(posting: dict[int, None], story: int) -> None:
    """Moves `story` to the end of `posting`: the most recently used."""
    posting.pop(story, None)
    posting[story] = None


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


# Stands for every closed story of a restored index: nothing refers to it any more.
_CLOSED = StoryState()


def _story_data(story: int, state: StoryState) -> dict[str, Any]:
    return {
        "story": story,
        "last_day": _day_text(state.last_day),
        "members": [_member_data(m) for m in state.recent_members()],
        "embedding_sum": _vector_text(state.embedding_sum),
    }


def _story_state(data: dict[str, Any]) -> StoryState:
    return StoryState(
        members=[_member(m) for m in data["members"]],
        last_day=_day(data["last_day"]),
        embedding_sum=_vector(data["embedding_sum"]),
    )


def _member_data(member: Member) -> dict[str, Any]:
    return {
        "day": _day_text(member.day),
        "vector": member.vector,
        "entities": member.entities,
        "embedding": _vector_text(member.embedding),
        "names": sorted(member.names),
        "names_a_place": member.names_a_place,
    }


def _member(data: dict[str, Any]) -> Member:
    # The position only orders a clusterer's own labels; a restored member has none.
    # A state saved before names were kept restores members without names: never in conflict.
    names, place = frozenset(data.get("names", ())), bool(data.get("names_a_place", False))
    day, embedding = _day(data["day"]), _vector(data["embedding"])
    return Member(-1, day, data["vector"], data["entities"], embedding, names, place)


def _open_postings(postings: dict[str, dict[int, None]], alive: set[int]) -> dict[str, list[int]]:
    kept = {key: [s for s in stories if s in alive] for key, stories in postings.items()}
    return {key: stories for key, stories in kept.items() if stories}


def _postings(data: dict[str, list[int]]) -> dict[str, dict[int, None]]:
    return {key: dict.fromkeys(stories) for key, stories in data.items()}


def _day_text(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _vector_text(vector: NDArray[np.float32] | None) -> str | None:
    """Float32 bytes in base64: exact, and a quarter of the size of the numbers as text."""
    if vector is None:
        return None
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def _vector(text: str | None) -> NDArray[np.float32] | None:
    if text is None:
        return None
    return np.frombuffer(base64.b64decode(text), dtype=np.float32).copy()
