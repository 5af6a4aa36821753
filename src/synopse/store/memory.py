"""A `WritableRepository` over one report held in memory: `synopse serve PATH...` uses it.

It keeps the clean articles (stage 2 output) and the current report. `ingest` reads new
sources, adds the articles it has not seen (same source, or same outlet, title and text: not
added twice) and re-runs the analysis over all of them; annotations of unchanged articles are
reused. Readers see the previous report until the new one is complete, then the new one at
once; ingests run one at a time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from synopse.annotate.annotator import Annotator
from synopse.brief.report_json import report_to_dict
from synopse.config import Settings
from synopse.model import Article, ErrorRecord, RemovedLine
from synopse.pipeline import analyze_cleaned, read_articles
from synopse.store.report_view import ReportView
from synopse.store.repository import IngestProgress, IngestSummary, JsonDict, StoryFilter

MAX_RUNS_KEPT = 50


class MemoryRepository:
    """Everything in one process; nothing survives a restart (use a database store for that)."""

    def __init__(
        self, settings: Settings, report: JsonDict, cleaned: Sequence[Article] = ()
    ) -> None:
        self._settings = settings
        self._view = ReportView(report)
        self._cleaned = list(cleaned)
        self._errors = [
            ErrorRecord(e["source"], e["message"], e["stage"]) for e in report["errors"]
        ]
        self._annotated: dict[Article, Article] = {}
        self._annotator: Annotator | None = None
        self._write_lock = threading.Lock()
        self._runs: list[JsonDict] = []
        self._run_ids = itertools.count(1)

    @classmethod
    def from_report(cls, report: JsonDict, settings: Settings | None = None) -> MemoryRepository:
        """Serve a report.json document; a later ingest re-analyses its articles' texts."""
        articles = [article_from_dict(a) for a in report["articles"]]
        return cls(settings or Settings(), report, articles)

    @classmethod
    def from_paths(cls, paths: Iterable[str], settings: Settings) -> MemoryRepository:
        """Read and analyse `paths` (files, directories, URLs, feeds) now."""
        repository = cls(settings, report_to_dict(analyze_cleaned([], settings)))
        repository.ingest(list(paths))
        return repository

    # ---- Repository ------------------------------------------------------------------------

    def list_stories(self, story_filter: StoryFilter) -> list[JsonDict]:
        return self._view.list_stories(story_filter)

    def count_stories(self, story_filter: StoryFilter) -> int:
        """How many stories match, ignoring limit and offset (for pagination)."""
        return self._view.count_stories(story_filter)

    def story(self, story_id: str) -> JsonDict:
        return self._view.story(story_id)

    def article(self, article_id: str) -> JsonDict:
        return self._view.article(article_id)

    def entity(self, name: str) -> JsonDict:
        return self._view.entity(name)

    def outlets(self) -> list[str]:
        return self._view.outlets()

    def report(self) -> JsonDict:
        return self._view.report

    # ---- WritableRepository ----------------------------------------------------------------

    def ingest(
        self, sources: Sequence[str], progress: IngestProgress | None = None
    ) -> IngestSummary:
        with self._write_lock:
            run = self._start_run(sources)
            try:
                summary = self._ingest(sources, run, progress)
            except BaseException as exc:
                run.update(state="failed", finished=_now(), errors=[*run["errors"], str(exc)])
                raise
            run.update(state="done", finished=_now(), added=list(summary.added))
            run["errors"] = [f"{e.source}: {e.message}" for e in summary.errors]
            return summary

    def ingest_runs(self) -> list[JsonDict]:
        """Newest first; copies, so a caller never sees a run change under it."""
        return [dict(run) for run in reversed(self._runs)]

    # ---- internals -------------------------------------------------------------------------

    def _start_run(self, sources: Sequence[str]) -> JsonDict:
        run: JsonDict = {
            "id": next(self._run_ids),
            "started": _now(),
            "finished": None,
            "state": "running",
            "sources": list(sources),
            "done": 0,
            "total": len(sources),
            "added": [],
            "errors": [],
        }
        self._runs = [*self._runs[-(MAX_RUNS_KEPT - 1) :], run]
        return run

    def _ingest(
        self, sources: Sequence[str], run: JsonDict, progress: IngestProgress | None
    ) -> IngestSummary:
        def step(done: int, total: int) -> None:
            run.update(done=done, total=total)
            if progress:
                progress(done, total)

        new, unchanged, errors = self._read_new(sources, step)
        total = len(sources) + len(new)
        step(len(sources), total)
        cleaned = [*self._cleaned, *new]
        annotate = self._annotate_counting(step, len(sources), total)
        report = analyze_cleaned(cleaned, self._settings, annotate=annotate)
        self._cleaned = cleaned
        self._errors += errors + list(report.errors)
        data = report_to_dict(replace(report, errors=tuple(self._errors)))
        self._view = ReportView(data)
        added = {a.id for a in new}
        touched = [s["id"] for s in data["stories"] if added & set(s["article_ids"])]
        return IngestSummary(tuple(sorted(added)), tuple(unchanged), tuple(touched), tuple(errors))

    def _read_new(
        self, sources: Sequence[str], step: IngestProgress
    ) -> tuple[list[Article], list[str], list[ErrorRecord]]:
        """Articles not held yet (ids made unique), ids of those already held, read errors."""
        held = {_content_key(a): a.id for a in self._cleaned}
        known_sources = {a.source: a.id for a in self._cleaned}
        ids = {a.id for a in self._cleaned}
        new: list[Article] = []
        unchanged: list[str] = []
        errors: list[ErrorRecord] = []
        for done, source in enumerate(sources, 1):
            if source in known_sources:
                unchanged.append(known_sources[source])
            else:
                for item in read_articles([source], self._settings):
                    if isinstance(item, ErrorRecord):
                        errors.append(item)
                    elif (key := _content_key(item)) in held or item.source in known_sources:
                        unchanged.append(held.get(key) or known_sources[item.source])
                    else:
                        item = _unique_id(item, ids)
                        held[key] = item.id
                        new.append(item)
            step(done, len(sources))
        return new, unchanged, errors

    def _annotate_counting(
        self, step: IngestProgress, done_before: int, total: int
    ) -> Callable[[Article], Article]:
        """The stage-3 annotator, reusing the result for an article seen unchanged before
        (the whole clean article is the key: its date and text both shape the annotations)."""
        counter = itertools.count(done_before + 1)

        def annotate(article: Article) -> Article:
            if article not in self._annotated:
                self._annotated[article] = self._annotator_instance()(article)
                step(min(next(counter), total), total)
            return self._annotated[article]

        return annotate

    def _annotator_instance(self) -> Annotator:
        if self._annotator is None:
            self._annotator = Annotator(self._settings.annotate)
        return self._annotator


def article_from_dict(data: JsonDict) -> Article:
    """A clean, not yet annotated Article from a report.json `articles[]` entry."""
    return Article(
        id=data["id"],
        source=data["source"],
        text=data["text"],
        title=data.get("title") or "",
        outlet=data.get("outlet") or "",
        published=data.get("published"),
        language=data.get("language") or "und",
        removed=tuple(RemovedLine(r["text"], r["reason"]) for r in data.get("removed", [])),
        url=data.get("url"),
        author=data.get("author"),
        notes=tuple(data.get("notes", [])),
    )


def _content_key(article: Article) -> tuple[str, str, str]:
    return (article.outlet, article.title, article.text)


def _unique_id(article: Article, ids: set[str]) -> Article:
    base, n, candidate = article.id, 1, article.id
    while candidate in ids:
        n += 1
        candidate = f"{base}-{n}"
    ids.add(candidate)
    return article if candidate == base else replace(article, id=candidate)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
