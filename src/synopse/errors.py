"""Errors raised by synopse.

    SynopseError                 base of everything synopse raises on purpose
    ├── InputError               an input cannot be read: missing, empty, binary, not UTF-8
    ├── ConfigError              a setting or config file is invalid
    ├── StageError               a pipeline stage failed on one article (carries stage, article_id)
    └── StoreError               the store's database cannot be written (read-only, full disk)

Every message says what failed, where, and what was expected. The CLI prints `str(error)` on one
line and exits non-zero; batches record errors in the report instead of stopping.
"""

from __future__ import annotations


class SynopseError(Exception):
    """Base class for errors synopse raises on purpose."""


class InputError(SynopseError):
    """An input file, directory or text cannot be used."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Rebuilt from its parts when it crosses a process boundary (worker pools, Ray).
        return (type(self), (self.source, self.problem))


class ConfigError(SynopseError):
    """A setting or configuration file is invalid."""


class StageError(SynopseError):
    """A stage failed on one article."""

    def __init__(self, stage: str, article_id: str, problem: str) -> None:
        super().__init__(f"{stage} failed on article {article_id}: {problem}")
        self.stage = stage
        self.article_id = article_id
        self.problem = problem

    def __reduce__(self) -> tuple[type[StageError], tuple[str, str, str]]:
        return (type(self), (self.stage, self.article_id, self.problem))


class StoreError(SynopseError):
    """The store's database cannot be written: read-only, full, or gone."""
