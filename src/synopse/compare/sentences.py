"""Where an offset stands among an article's sentences."""

from __future__ import annotations

import bisect

from synopse.model import Article


def sentence_index(article: Article, offset: int) -> int:
    starts = [s.start for s in article.sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)
