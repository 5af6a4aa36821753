"""The `synopse` command.

Exit codes:
  0  everything was read and analysed
  1  nothing could be done: a fatal input or configuration error
  2  the command line was wrong (unknown option, missing argument)
  3  finished, but some inputs failed; they are listed in the report's errors[] / on stderr
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import click
from rich.console import Console
from rich.progress import Progress

from synopse.annotate.annotator import Annotations, shared_annotator
from synopse.brief.render import write_reports
from synopse.brief.report_json import fact_to_dict, quantity_to_dict, quote_to_dict, time_to_dict
from synopse.brief.shards import ShardFormat, write_shards
from synopse.cli_options import (
    EXIT_FATAL,
    EXIT_PARTIAL,
    EXIT_USAGE,
    config_option,
    embeddings_option,
    encoding_option,
    err_console,
    exit_for,
    map_option,
    ner_option,
    on_error_option,
    outlets_option,
    settings_from_options,
)
from synopse.cli_store import export, ingest, serve
from synopse.config import Settings
from synopse.errors import InputError, SynopseError
from synopse.ingest import reader_for
from synopse.ingest.files import decode, discover, read_text
from synopse.model import Article, ErrorRecord, Report
from synopse.pipeline import analyze as run_analysis
from synopse.pipeline import read_articles
from synopse.store.commands import analyze_into_store

PROGRESS_FROM = 10  # show a progress bar from this many input files on


def main() -> None:
    """Entry point: library errors become one clean line and a non-zero exit."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as usage:
        usage.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        sys.exit(EXIT_FATAL)
    except SynopseError as error:
        err_console.print(f"synopse: error: {error}", markup=False)
        sys.exit(EXIT_FATAL)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="synopse")
def cli() -> None:
    """synopse compares news coverage of the same events across outlets.

    It groups articles into stories and shows what the sources agree on, where they diverge,
    who said what and when, with a briefing whose every sentence cites its sources.

    Exit codes: 0 ok; 1 fatal error; 2 usage error; 3 finished, but some inputs failed.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Directory for report.json, report.md and report.html (created if missing).",
)
@config_option
@encoding_option
@map_option
@outlets_option
@ner_option
@embeddings_option
@on_error_option
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: this machine, --workers processes. ray: Ray Data on a local Ray with "
    "--workers CPUs, or on the cluster at --address (needs the ray extra: "
    "pip install 'synopse[ray]'). Both give the same report.",
)
@click.option(
    "--address",
    metavar="ADDR",
    help="Ray cluster to join with --engine ray ('auto' or ray://HOST:PORT); default: "
    "start a local Ray.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes (local) or Ray workers for annotation and the per-story stages.",
)
@click.option(
    "--format",
    "out_format",
    type=click.Choice(["report", "jsonl", "parquet"]),
    default="report",
    show_default=True,
    help="report: report.json/md/html. jsonl or parquet: shards for large runs, "
    "OUT/articles-NNNNN.*, OUT/stories-NNNNN.*, OUT/errors.* (parquet needs the ray extra).",
)
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.option(
    "--db",
    metavar="URL",
    help="Also keep the analysis in this store (SQLite file path or postgresql://...): the "
    "articles are ingested as one batch and the report shows their stories in the store.",
)
def analyze(
    paths: tuple[str, ...],
    out_dir: Path,
    config: Path | None,
    encoding: str | None,
    field_map: str | None,
    outlets: Path | None,
    ner: str | None,
    embeddings: str | None,
    on_error: str | None,
    engine: str,
    address: str | None,
    workers: int,
    out_format: str,
    quiet: bool,
    db: str | None,
) -> None:
    """Analyse articles and write a report.

    PATHS are files, directories (read recursively), URLs of pages or RSS/Atom feeds, or -
    for one article on stdin. Files: .txt/.md (one article each, as copied from a browser:
    the first line that is not page furniture is the headline), .html/.htm, .json (an array
    or {"articles": [...]}), .jsonl/.ndjson (one article per line), .warc/.warc.gz (every
    HTML page in the archive). Writes OUT/report.json (the documented contract),
    OUT/report.md and OUT/report.html, and prints a short summary.
    """
    settings = settings_from_options(
        config, on_error, encoding, field_map, outlets, ner, embeddings
    )
    if db is not None:
        report = analyze_into_store(paths, settings, db)
    elif engine == "ray":
        report = _analyze_on_ray(paths, settings, address, workers)
    else:
        report = _analyze_locally(paths, settings, workers, quiet)
    if out_format == "report":
        main_file = write_reports(report, out_dir)["html"]
    else:
        main_file = write_shards(report, out_dir, cast(ShardFormat, out_format))[0]
    for error in report.errors:
        err_console.print(f"synopse: {error.message}", markup=False)
    if not quiet:
        _summary(report, main_file)
    exit_for(report.errors, len(report.articles))


def _analyze_locally(
    paths: tuple[str, ...], settings: Settings, workers: int, quiet: bool
) -> Report:
    total = _count_inputs(paths, settings)
    if quiet or (total is not None and total < PROGRESS_FROM):
        return run_analysis(paths, settings, workers=workers)
    with Progress(console=err_console, transient=True) as bar:
        task = bar.add_task("analysing", total=total)
        return run_analysis(paths, settings, lambda _: bar.advance(task), workers)


def _analyze_on_ray(
    paths: tuple[str, ...], settings: Settings, address: str | None, workers: int
) -> Report:
    from synopse.distributed import analyze_ray  # imports Ray, an optional extra, only now

    return analyze_ray(paths, settings, address=address, num_workers=workers)


def _count_inputs(paths: tuple[str, ...], settings: Settings) -> int | None:
    """How many articles the analysis will go through, when the inputs say so: None when a
    URL, feed, JSON or WARC file may hold any number of them."""
    if any(name == "-" or "://" in name for name in paths):
        return None
    files = [item for item in discover(paths, settings.ingest) if isinstance(item, Path)]
    if any(reader_for(path) is not read_text for path in files):
        return None
    return len(files)


def _summary(report: Report, html: Path) -> None:
    out = Console(highlight=False, soft_wrap=True)
    out.print(
        f"{len(report.articles)} articles, {len(report.stories)} stories, "
        f"{len(report.errors)} errors"
    )
    for story in report.stories:
        divergent = sum(1 for c in story.comparisons if c.status.value == "divergent")
        out.print(
            f"  [{story.id}] {story.title} — {len(story.article_ids)} articles, "
            f"{len(story.entities)} entities, {len(story.quotes)} quotes, "
            f"{divergent} divergences",
            markup=False,
        )
    label = "HTML report" if html.suffix == ".html" else "Shards, first"
    out.print(f"{label}: {html.resolve()}", markup=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--jsonl",
    is_flag=True,
    help="One JSON object per article: metadata, text and the removed lines with reasons.",
)
@config_option
@encoding_option
@map_option
@outlets_option
def extract(
    paths: tuple[str, ...],
    jsonl: bool,
    config: Path | None,
    encoding: str | None,
    field_map: str | None,
    outlets: Path | None,
) -> None:
    """Print the clean text of each article: headline, blank line, body.

    PATHS as for `analyze` (files of every supported format, directories, URLs, feeds, -).
    Page furniture (menus, cookie notes, teasers, comment forms ...) is removed. Articles are
    separated by a line of dashes. Errors go to stderr; the other articles are still printed.
    """
    settings = settings_from_options(config, "record", encoding, field_map, outlets)
    errors, printed = [], 0
    for item in read_articles(paths, settings):
        if isinstance(item, ErrorRecord):
            err_console.print(f"synopse: {item.message}", markup=False)
            errors.append(item.message)
            continue
        click.echo(
            json.dumps(_extract_record(item), ensure_ascii=False)
            if jsonl
            else _extract_text(item, printed)
        )
        printed += 1
    exit_for(errors, printed)


def _extract_text(article: Article, index: int) -> str:
    separator = "-" * 72 + "\n" if index else ""
    return f"{separator}{article.title}\n\n{article.text}"


def _extract_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "url": article.url,
        "author": article.author,
        "notes": list(article.notes),
    }


@cli.command()
@click.argument("file", default="-", required=False)
@click.option(
    "--jsonl",
    is_flag=True,
    help='Input is JSON lines {"id", "text", optional "published"}; one output line per '
    "input line, carrying its id. Models load once for the whole batch.",
)
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    help='Publication date that relative times ("am Mittwoch") are resolved against.',
)
@encoding_option
@ner_option
def annotate(
    file: str, jsonl: bool, published: str | None, encoding: str | None, ner: str | None
) -> None:
    """Annotate one text exactly as given and print JSON.

    No cleaning: offsets index the text as read from FILE (or stdin when FILE is - or
    omitted). Output: sentences[], entities[] {start, end, text, type, canonical},
    quotes[] {start, end, text, kind, speaker, speaker_name, cue, medium}, times[] {start,
    end, text, value, precision}, quantities[] {start, end, text, value, unit, qualifier}, facts[]
    {start, end, text, kind, value, predicate, entities, attributed_to, ...}.
    """
    settings = settings_from_options(None, None, encoding, ner=ner)
    day = _parse_day(published, "--published")
    annotator = shared_annotator(settings.annotate)
    if not jsonl:
        text = _read_text(file, settings)
        found = annotator.annotate(text, day)
        click.echo(json.dumps(annotations_to_dict(found, text), ensure_ascii=False))
        return
    failures = 0
    source = "<stdin>" if file == "-" else file
    for record in _jsonl_records(_read_text(file, settings), source):
        if "error" in record:
            failures += 1
        else:
            text = record.pop("text")
            found = annotator.annotate(text, record.pop("published_day"))
            record.update(annotations_to_dict(found, text))
        click.echo(json.dumps(record, ensure_ascii=False))
    if failures:
        sys.exit(EXIT_PARTIAL)


def _read_text(file: str, settings: Settings) -> str:
    if file == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>", settings.ingest)
    path = Path(file)
    if not path.is_file():
        raise InputError(file, "no such file")
    return decode(path.read_bytes(), file, settings.ingest)


def _jsonl_records(text: str, source: str) -> Iterator[dict[str, Any]]:
    """Each line as {"id", "text", "published_day"}, or {"id", "error"} when it is unusable."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"not JSON ({exc})") from exc
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            day = _parse_day(record.get("published"), f"{where} published")
        except (ValueError, InputError) as exc:
            err_console.print(f"synopse: {where}: {exc}", markup=False)
            yield {"id": _line_id(line, number), "error": f"{where}: {exc}"}
            continue
        yield {"id": record.get("id", number), "text": record["text"], "published_day": day}


def _line_id(line: str, number: int) -> Any:
    try:
        record = json.loads(line)
    except ValueError:
        return number
    return record.get("id", number) if isinstance(record, dict) else number


def _parse_day(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(where, f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def annotations_to_dict(found: Annotations, text: str) -> dict[str, Any]:
    return {
        "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in found.sentences],
        "entities": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "type": m.type.value,
                "canonical": m.canonical,
                "role": m.role,
            }
            for m in found.mentions
        ],
        "quotes": [quote_to_dict(q) for q in found.quotes],
        "times": [time_to_dict(t) for t in found.times],
        "quantities": [quantity_to_dict(q) for q in found.quantities],
        "facts": [fact_to_dict(f, text) for f in found.facts],
    }


cli.add_command(ingest)
cli.add_command(export)
cli.add_command(serve)


if __name__ == "__main__":
    main()
