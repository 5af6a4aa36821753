"""Compare sources within a story: aligned statements, consensus, divergence, single-source."""

from synopse.compare.align import SentenceAligner, SentenceKey
from synopse.compare.compare import compare_story

__all__ = ["SentenceAligner", "SentenceKey", "compare_story"]
