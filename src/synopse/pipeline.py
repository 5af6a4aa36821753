"""The ordered stages of an analysis.

    1. ingest    files, directories, URLs, feeds -> raw documents   (synopse.ingest)
    2. clean     furniture out, headline and metadata in -> Article;
                 duplicates marked, lines recurring across an outlet's
                 articles removed, same-outlet copies left out      (synopse.clean)
    3. annotate  sentences, tokens, entities, quotes, times, figures (synopse.annotate)
    4. cluster   articles -> stories                                (synopse.cluster)
    5. link      mentions -> entities with name variants and roles   (synopse.link)
    6. compare   aligned statements: consensus, divergence, single   (synopse.compare)
    7. brief     timeline and cited briefing                         (synopse.brief)

A failure on one article is handled by `settings.on_error`: "raise" stops, "record" lists it
in the report's errors, "skip" drops the article with a warning on stderr.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from synopse.annotate.annotator import shared_annotator
from synopse.annotate.dating import date_from_story
from synopse.brief import StoryParts, build_timeline, compose_briefing
from synopse.clean.article import to_article
from synopse.clean.dedup import Fingerprint, distinct_sources, mark_duplicates
from synopse.clean.recurring import remove_recurring_lines
from synopse.cluster import StoryClusterer
from synopse.compare import SentenceAligner, compare_story
from synopse.config import Settings
from synopse.errors import InputError, StageError, SynopseError
from synopse.gcpause import survivors_frozen
from synopse.ingest import read_paths
from synopse.ingest.files import RawDocument
from synopse.ingest.outlets import OutletMap
from synopse.link import resolve_entities, with_story_types
from synopse.link.quote_groups import group_story_quotes
from synopse.model import Article, ErrorRecord, Report, Story

Progress = Callable[[str], None]


def read_articles(paths: Iterable[str], settings: Settings) -> Iterator[Article | ErrorRecord]:
    """Stages 1-2: clean articles, or the recorded error for each input that failed."""
    outlets = load_outlets(settings)
    for item in read_paths(paths, settings.ingest):
        result = clean_one(item, settings, outlets)
        if isinstance(result, Article):
            yield result
        elif (record := ingest_error(result, settings)) is not None:
            yield record


def load_outlets(settings: Settings) -> OutletMap | None:
    """The outlet map of `[ingest] outlets_file`, if one is configured."""
    path = settings.ingest.outlets_file
    return OutletMap.load(Path(path)) if path else None


def clean_one(
    item: RawDocument | InputError, settings: Settings, outlets: OutletMap | None
) -> Article | SynopseError:
    """The per-article part of stage 2: the clean article, or the error that stopped it (for
    the caller to handle: a worker process returns it rather than deciding)."""
    try:
        if isinstance(item, InputError):
            raise item
        return to_article(item, settings, outlets)
    except SynopseError as error:
        return error


def ingest_error(error: SynopseError, settings: Settings) -> ErrorRecord | None:
    """`settings.on_error` applied to an error of stages 1-2."""
    return handle_error(error, getattr(error, "source", "?"), "ingest", settings)


def analyze(
    paths: Iterable[str], settings: Settings, progress: Progress | None = None, workers: int = 1
) -> Report:
    """All stages on the given paths; `progress` is called once per input. `workers` > 1 runs
    annotation and the per-story stages in that many processes (synopse.distributed.local);
    the report is the same."""
    if workers > 1:
        from synopse.distributed.local import analyze_paths as in_pool  # optional machinery

        return in_pool(paths, settings, workers, progress)
    with survivors_frozen():  # the articles are kept to the end: no pass need rescan them
        cleaned, errors = ingest_and_clean(paths, settings, progress)
        return analyze_cleaned(cleaned, settings, errors, progress, clean=False)


def analyze_cleaned(
    cleaned: Sequence[Article],
    settings: Settings,
    errors: Sequence[ErrorRecord] = (),
    progress: Progress | None = None,
    annotate: Callable[[Article], Article] | None = None,
    clean: bool = True,
) -> Report:
    """Stages 2 (duplicates, recurring lines; unless `clean` is false because `ingest_and_clean`
    did them) to 7 on articles `read_articles` produced; `annotate` replaces the stage-3
    annotator (a store passes one that reuses earlier work)."""
    recorded = list(errors)
    with survivors_frozen():
        batch = clean_batch(cleaned, settings) if clean else list(cleaned)
        articles = list(annotate_articles(batch, settings, recorded, progress, annotate))
        groups = group_stories(distinct_sources(articles), settings)
        return assemble_report(articles, groups, _stories(groups, settings), recorded)


def ingest_and_clean(
    paths: Iterable[str], settings: Settings, progress: Progress | None = None
) -> tuple[list[Article], list[ErrorRecord]]:
    """Stages 1-2 over the whole batch: duplicates and recurring lines need every article."""
    cleaned: list[Article] = []
    errors: list[ErrorRecord] = []
    for item in read_articles(paths, settings):
        if isinstance(item, ErrorRecord):
            errors.append(item)
            if progress:
                progress(item.source)
        else:
            cleaned.append(item)
    return clean_batch(cleaned, settings), errors


def clean_batch(
    articles: Sequence[Article],
    settings: Settings,
    fingerprints: Sequence[Fingerprint | None] | None = None,
) -> list[Article]:
    """The batch-wide part of stage 2: duplicates marked, recurring lines removed.
    `fingerprints`: each article's `synopse.clean.dedup.fingerprint`, if already made."""
    marked = mark_duplicates(list(articles), settings.clean.duplicate_threshold, fingerprints)
    return remove_recurring_lines(marked)


def annotate_one(
    annotator: Callable[[Article], Article], article: Article, settings: Settings
) -> Article | ErrorRecord | None:
    """Stage 3 on one article: the annotated article, or its error record (None: skipped)."""
    result = annotate_or_error(annotator, article)
    if isinstance(result, StageError):
        return handle_error(result, article.source, "annotate", settings)
    return result


def annotate_or_error(
    annotator: Callable[[Article], Article], article: Article
) -> Article | StageError:
    """Stage 3 on one article, or the error it raised (for the caller to handle)."""
    try:
        return annotator(article)
    except Exception as exc:  # any bug in a stage must not lose the rest of the batch
        return StageError("annotate", article.id, f"{type(exc).__name__}: {exc}")


def assemble_report(
    articles: Sequence[Article],
    groups: Sequence[Sequence[Article]],
    stories: Sequence[Story],
    errors: Sequence[ErrorRecord],
) -> Report:
    """The report: articles in input order, re-dated where their story gave them a date."""
    dated = {a.id: a for group in groups for a in group}
    return Report(tuple(dated.get(a.id, a) for a in articles), tuple(stories), tuple(errors))


def annotate_articles(
    articles: Iterable[Article],
    settings: Settings,
    errors: list[ErrorRecord],
    progress: Progress | None = None,
    annotator: Callable[[Article], Article] | None = None,
) -> Iterator[Article]:
    """Stage 3 on each article in this process; a failure is handled by `settings.on_error`."""
    annotate = annotator or shared_annotator(settings.annotate)
    for article in articles:
        result = annotate_one(annotate, article, settings)
        if isinstance(result, ErrorRecord):
            errors.append(result)
        elif result is not None:
            yield result
        if progress:
            progress(article.source)


def build_stories(articles: Sequence[Article], settings: Settings) -> tuple[Story, ...]:
    """Stages 4-7."""
    return _stories(group_stories(articles, settings), settings)


def group_stories(articles: Sequence[Article], settings: Settings) -> list[list[Article]]:
    """Stage 4: the articles by story, largest first; undated articles dated from their story."""
    labels: list[int] = []
    if articles:
        labels = StoryClusterer.from_settings(settings.cluster).fit(articles).labels_.tolist()
    return story_groups(articles, labels)


def _stories(groups: Sequence[Sequence[Article]], settings: Settings) -> tuple[Story, ...]:
    return tuple(build_story(f"s{i}", members, settings) for i, members in enumerate(groups, 1))


def story_groups(articles: Sequence[Article], labels: Sequence[int]) -> list[list[Article]]:
    """Stage 4's grouping of labelled articles: largest story first, undated ones dated, mentions
    typed as the story types their entity."""
    return [story_members(members) for members in label_groups(articles, labels)]


def label_groups(articles: Sequence[Article], labels: Sequence[int]) -> list[list[Article]]:
    """The labelled articles by story, largest story first (then by first article id)."""
    groups: dict[int, list[Article]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(int(label), []).append(article)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0].id))


def story_members(members: Sequence[Article]) -> list[Article]:
    """One story's articles, the undated ones dated from the story, their mentions typed as the
    story types their entity (so that articles and report agree; stage 5)."""
    return with_story_types(date_from_story(members))


def build_story(story_id: str, articles: Sequence[Article], settings: Settings) -> Story:
    """Stages 5-7 on one story's articles."""
    entities = resolve_entities(articles, story_id)
    aligner = SentenceAligner().fit(articles)
    parts = StoryParts(
        comparisons=compare_story(articles, entities, settings.compare),
        quotes=group_story_quotes(articles, entities),
        entities=entities,
        timeline=build_timeline(articles),
    )
    return Story(
        id=story_id,
        title=_story_title(articles),
        article_ids=tuple(a.id for a in articles),
        entities=entities,
        quotes=tuple(parts.quotes),
        comparisons=tuple(parts.comparisons),
        timeline=tuple(parts.timeline),
        briefing=compose_briefing(articles, aligner, parts, settings.brief.max_sentences),
    )


def _story_title(articles: Sequence[Article]) -> str:
    """The headline of the article most similar to the others."""
    titled = [a for a in articles if a.title]
    if not titled:
        return articles[0].text[:80]
    words = Counter(w.lower() for a in titled for w in set(a.title.split()))

    def shared(article: Article) -> float:
        title_words = set(article.title.split())
        return sum(words[w.lower()] for w in title_words) / (1 + math.sqrt(len(title_words)))

    return max(titled, key=shared).title


def handle_error(
    error: SynopseError, source: str, stage: str, settings: Settings
) -> ErrorRecord | None:
    """`settings.on_error` applied: raise, record (the record returned) or skip (None)."""
    if settings.on_error == "raise":
        raise error
    if settings.on_error == "skip":
        print(f"synopse: skipped {error}", file=sys.stderr)
        return None
    return ErrorRecord(source, str(error), stage)
