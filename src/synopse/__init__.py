"""synopse: compare news coverage of the same events across outlets."""

from synopse.errors import ConfigError, InputError, StageError, SynopseError
from synopse.model import Article, Report, Story

__all__ = [
    "Article",
    "ConfigError",
    "InputError",
    "Report",
    "StageError",
    "Story",
    "SynopseError",
]
__version__ = "0.1.0"
