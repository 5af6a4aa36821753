"""What the store's CLI commands do (`synopse ingest`, `synopse export`, `analyze --db`);
the click wiring and help texts live in `synopse.cli`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from synopse.brief.render import render_html, render_markdown, write_reports
from synopse.brief.report_json import report_json_text, report_to_dict
from synopse.config import Settings
from synopse.errors import InputError
from synopse.model import Report
from synopse.store.repository import IngestSummary
from synopse.store.sql import SqlStore

FORMATS = ("json", "md", "html")
ONE_BATCH = sys.maxsize


def run_ingest(
    sources: Sequence[str], settings: Settings, db: str, batch_size: int
) -> IngestSummary:
    with SqlStore.open(db, settings, batch_size) as store:
        return store.ingest(sources)


def summary_line(summary: IngestSummary) -> str:
    return (
        f"{len(summary.added)} added, {len(summary.unchanged)} unchanged, "
        f"{len(summary.stories_updated)} stories updated, {len(summary.errors)} errors"
    )


def analyze_into_store(paths: Sequence[str], settings: Settings, db: str) -> Report:
    """Ingest `paths` as one batch, then the report of the stories holding their articles
    (with stored articles of the same stories) and the errors of this run."""
    with SqlStore.open(db, settings, ONE_BATCH) as store:
        summary = store.ingest(paths)
        report = store.load_report((*summary.added, *summary.unchanged))
    return replace(report, errors=summary.errors)


def export_report(db: str, out_dir: Path, fmt: str | None) -> list[Path]:
    """Write the store's report into `out_dir`: every format, or only `fmt`."""
    if "://" not in db and not Path(db).is_file():
        raise InputError(db, "no such store; fill one with `synopse ingest --db`")
    with SqlStore.open(db) as store:
        report = store.load_report()
    if fmt is None:
        return list(write_reports(report, out_dir).values())
    out_dir.mkdir(parents=True, exist_ok=True)
    data = report_to_dict(report)
    path = out_dir / f"report.{fmt}"
    rendered = {
        "json": lambda: report_json_text(data),
        "md": lambda: render_markdown(data),
        "html": lambda: render_html(report, data),
    }[fmt]()
    path.write_text(rendered, encoding="utf-8")
    return [path]
