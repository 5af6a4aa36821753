"""Exact and near-duplicate articles: refetched pages, syndicated agency copies.

Articles are compared by their body text, normalised (case-folded, punctuation and whitespace
collapsed), so a new headline or changed page furniture does not hide a copy.
  1. exact: the same normalised text (SHA-1);
  2. near: MinHash signatures of word 5-shingles (128 permutations, fixed seed) indexed in a
     MinHashLSH at the threshold (banded for recall); each candidate is confirmed by the
     estimated Jaccard >= threshold.
Articles are visited oldest first (earliest `published`, then input order); only kept articles
enter the index, so a duplicate always points at a kept article (the most similar one) and a
chain of small edits cannot link two articles that are not themselves similar.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from datasketch import MinHash, MinHashLSH
from numpy.typing import NDArray

from synopse.errors import ConfigError, StageError
from synopse.model import Article

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 20250212  # fixed, so that the same articles always give the same answer
# LSH bands tuned to miss few true pairs (false-negative weight 0.95): at the threshold ~95 % of
# pairs become candidates (~99 % at threshold + 0.05) instead of ~40 % with the default weights;
# the extra candidates cost one Jaccard estimate each and are confirmed or dropped by it.
LSH_WEIGHTS = (0.05, 0.95)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate search needs of one article's body: the SHA-1 of its normalised words
    and their MinHash. Per article, so worker processes can make them (`fingerprint`)."""

    digest: str
    signature: MinHash


def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of a body text; None when it has no words (it copies nothing)."""
    words = normalized_words(text)
    if not words:
        return None
    return Fingerprint(hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest(), minhash(words))


def find_duplicates(
    articles: Sequence[Article],
    threshold: float = 0.8,
    fingerprints: Sequence[Fingerprint | None] | None = None,
) -> dict[str, str]:
    """Each duplicate article's id -> the id of the article it copies (the one kept).
    `fingerprints`: each article's `fingerprint(article.text)`, if already made."""
    kept_by_hash: dict[str, str] = {}
    kept: dict[str, tuple[int, MinHash]] = {}  # id -> (rank in keeping order, signature)
    index = _lsh_index(threshold)
    duplicates: dict[str, str] = {}
    for article, (digest, signature) in _oldest_first(articles, fingerprints):
        if article.id in kept or article.id in duplicates:
            raise StageError("dedup", article.id, "the same article id appears twice")
        original = kept_by_hash.get(digest) or _best_match(signature, index, kept, threshold)
        if original is not None:
            duplicates[article.id] = original
            continue
        kept_by_hash[digest] = article.id
        kept[article.id] = (len(kept), signature)
        index.insert(article.id, signature)
    return duplicates


def _lsh_index(threshold: float) -> MinHashLSH:
    try:
        if not 0.0 < threshold < 1.0:
            raise ValueError("it must lie between 0 and 1")
        return MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    except ValueError as exc:  # datasketch cannot band 128 permutations for thresholds near 1
        raise ConfigError(
            f"clean.duplicate_threshold {threshold} is not usable ({exc}); "
            "expected a Jaccard similarity between 0 and 1, such as 0.8"
        ) from exc


def normalized_words(text: str) -> list[str]:
    """The text's words, case-folded, without punctuation: what copies have in common."""
    return _WORD.findall(text.casefold())


def minhash(words: Sequence[str]) -> MinHash:
    """The MinHash of the words' shingles, as `MinHash(num_perm=NUM_PERM, seed=SEED)` with its
    default hash (the first 4 bytes of SHA-1, little-endian) makes it; hashed here in one loop
    instead of a Python call per shingle (tests/clean/test_dedup.py compares the two)."""
    scheme, permutations = _permutations()
    signature = MinHash(
        num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=permutations, scheme=scheme
    )
    signature.update_batch(
        [
            int.from_bytes(hashlib.sha1(shingle.encode("utf-8")).digest()[:4], "little")
            for shingle in _shingles(words)
        ]
    )
    return signature


@cache
def _permutations() -> tuple[Any, NDArray[Any]]:
    """The scheme and permutations of a MinHash with our seed: drawn once, not per article
    (they are the same each time, a fixed seed's random draws)."""
    model = MinHash(num_perm=NUM_PERM, seed=SEED)
    return model.scheme, model.permutations


def _shingles(words: Sequence[str]) -> Iterable[str]:
    if len(words) < SHINGLE_WORDS:  # a very short text is one shingle
        return [" ".join(words)]
    # every run of SHINGLE_WORDS consecutive words, first to last (the shortest slice ends it)
    return map(" ".join, zip(*(words[k:] for k in range(SHINGLE_WORDS)), strict=False))


def _oldest_first(
    articles: Sequence[Article], fingerprints: Sequence[Fingerprint | None] | None
) -> Iterator[tuple[Article, tuple[str, MinHash]]]:
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published is None, articles[i].published or "", i),
    )
    for i in order:
        found = fingerprint(articles[i].text) if fingerprints is None else fingerprints[i]
        if found is not None:  # an empty body copies nothing
            yield articles[i], (found.digest, found.signature)


def _best_match(
    signature: MinHash, index: MinHashLSH, kept: dict[str, tuple[int, MinHash]], threshold: float
) -> str | None:
    """The kept article most similar to `signature`, if its estimated Jaccard clears the bar;
    among equal scores the one kept first, so the answer does not depend on set order."""
    scored = [
        (signature.jaccard(kept[key][1]), -kept[key][0], key) for key in index.query(signature)
    ]
    confirmed = [item for item in scored if item[0] >= threshold]
    return max(confirmed)[2] if confirmed else None


def mark_duplicates(
    articles: Sequence[Article],
    threshold: float = 0.8,
    fingerprints: Sequence[Fingerprint | None] | None = None,
) -> list[Article]:
    """The articles, each duplicate with `duplicate_of` set to the article it copies."""
    copies = find_duplicates(articles, threshold, fingerprints)
    return [replace(a, duplicate_of=copies[a.id]) if a.id in copies else a for a in articles]


def distinct_sources(articles: Sequence[Article]) -> list[Article]:
    """The articles that count as sources: all but copies of an article of the same outlet
    (the same page fetched twice); a syndicated copy in another outlet still counts."""
    outlet = {a.id: a.outlet for a in articles}
    return [a for a in articles if a.duplicate_of is None or outlet[a.duplicate_of] != a.outlet]
