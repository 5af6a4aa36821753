"""The store in a SQL database: a SQLite file by default, PostgreSQL by URL.

    store = SqlStore.open("synopse.db")            # or "postgresql://user@host/db"
    summary = store.ingest(["examples/"])          # idempotent, one transaction per batch
    store.list_stories(StoryFilter(outlet="Hansepost"))

`open` upgrades the schema to the newest Alembic migration. Implements
`synopse.store.repository.WritableRepository`; table layout in `synopse.store.tables`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, insert, make_url, select, update
from sqlalchemy.exc import SQLAlchemyError

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.errors import ConfigError, StoreError
from synopse.model import Article, ErrorRecord, Report
from synopse.pipeline import read_articles
from synopse.store import tables as t
from synopse.store.failures import describe, store_name
from synopse.store.queries import StoreReader
from synopse.store.repository import IngestProgress, IngestSummary
from synopse.store.runs import mark_interrupted, owner_message
from synopse.store.writer import BatchOutcome, store_batch

DEFAULT_DB = "synopse.db"
DEFAULT_BATCH_SIZE = 50
RECENT_RUNS = 20
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(db: str) -> str:
    """A SQLAlchemy URL for `--db`: a URL as given (postgresql:// uses psycopg 3), anything
    else is the path of a SQLite file."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    url = make_url(db)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


class SqlStore(StoreReader):
    """Articles and stories in a SQL database; reads come from `StoreReader`."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        batch_size: int,
        annotator: Annotator | None = None,
    ) -> None:
        super().__init__(engine)
        self.settings = settings
        self.batch_size = batch_size
        self._annotator = annotator

    @classmethod
    def open(
        cls,
        db: str = DEFAULT_DB,
        settings: Settings | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        annotator: Annotator | None = None,
    ) -> SqlStore:
        """Connect to `db` (URL or SQLite path) and bring its schema up to date; `annotator`
        is loaded from `settings` on first ingest unless given."""
        if batch_size < 1:
            raise ConfigError(f"batch size {batch_size}: expected 1 or more")
        try:
            engine = create_engine(database_url(db))
        except (SQLAlchemyError, ValueError, ImportError) as exc:
            raise ConfigError(f"--db {db}: not a usable database URL ({exc})") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        _upgrade(engine, db)
        return cls(engine, settings or Settings(), batch_size, annotator)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def ingest(
        self, sources: Sequence[str], progress: IngestProgress | None = None
    ) -> IngestSummary:
        """Read `sources`; add new articles and re-analyse the stories they touch, one
        transaction per batch of `batch_size` inputs. A failure marks the run failed and is
        raised (a database that refuses writes as a StoreError); the batches before it stay
        stored."""
        try:
            return self._ingest(sources, progress)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{store_name(self.engine)}: cannot write the store: {describe(self.engine, exc)}"
                "; the batch in progress was rolled back, batches before it are kept"
            ) from exc

    def _ingest(self, sources: Sequence[str], progress: IngestProgress | None) -> IngestSummary:
        run_id = self._start_run(sources)
        total = BatchOutcome()
        try:
            for batch in _batches(read_articles(sources, self.settings), self.batch_size):
                with self.engine.begin() as conn:
                    outcome = store_batch(conn, batch, self.settings, self.annotator, run_id)
                    _merge(total, outcome)
                    done = len(total.added) + len(total.unchanged) + len(total.errors)
                    conn.execute(_progress(run_id, done, len(total.added), len(total.errors)))
                if progress:
                    progress(done, done)
        except BaseException as exc:
            self._finish_run(run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
        self._finish_run(run_id, "done")
        with self.engine.connect() as conn:  # a story made in one batch may merge in the next
            existing = set(conn.scalars(select(t.stories.c.id)))
        total.stories_updated = [s for s in total.stories_updated if s in existing]
        return _summary(total)

    @property
    def annotator(self) -> Annotator:
        """Loaded on first use: reading a store needs no annotation models."""
        if self._annotator is None:
            self._annotator = Annotator(self.settings.annotate)
        return self._annotator

    def ingest_runs(self) -> list[dict[str, Any]]:
        query = select(t.ingest_runs).order_by(t.ingest_runs.c.id.desc()).limit(RECENT_RUNS)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [dict(row) | {"sources": json.loads(row["sources"])} for row in rows]

    def load_report(self, article_ids: Collection[str] | None = None) -> Report:
        """The stored articles and stories as a Report (for the renderers); with
        `article_ids`, only the stories holding one of them, and their articles."""
        return self._load_report(article_ids)

    def _start_run(self, sources: Sequence[str]) -> int:
        row = {"started": _now(), "state": "running", "done": 0, "total": 0, "added": 0}
        row |= {"errors": 0, "sources": json.dumps(list(sources), ensure_ascii=False)}
        row |= {"message": owner_message()}
        with self.engine.begin() as conn:
            mark_interrupted(conn, _now())
            inserted = conn.execute(insert(t.ingest_runs).values(**row)).inserted_primary_key
        if inserted is None:
            raise ConfigError("the store did not return the id of a new ingest run")
        return int(inserted[0])

    def _finish_run(self, run_id: int, state: str, message: str | None = None) -> None:
        values = {"state": state, "finished": _now(), "message": message}
        with self.engine.begin() as conn:
            conn.execute(update(t.ingest_runs).where(t.ingest_runs.c.id == run_id).values(values))


def _upgrade(engine: Engine, db: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise ConfigError(f"--db {db}: cannot open the store: {describe(engine, exc)}") from exc


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """WAL lets the web app read while an ingest writes; foreign keys are off by default."""
    cursor = connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _batches(
    items: Iterable[Article | ErrorRecord], size: int
) -> Iterator[list[Article | ErrorRecord]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _merge(total: BatchOutcome, outcome: BatchOutcome) -> None:
    total.added += outcome.added
    total.unchanged += outcome.unchanged
    # dict.fromkeys: in order, once each, without a list scan per id (a long run updates many)
    total.stories_updated = list(dict.fromkeys([*total.stories_updated, *outcome.stories_updated]))
    total.errors += outcome.errors


def _progress(run_id: int, done: int, added: int, errors: int) -> Any:
    values = {"done": done, "total": done, "added": added, "errors": errors}
    return update(t.ingest_runs).where(t.ingest_runs.c.id == run_id).values(values)


def _summary(total: BatchOutcome) -> IngestSummary:
    return IngestSummary(
        added=tuple(total.added),
        unchanged=tuple(dict.fromkeys(total.unchanged)),
        stories_updated=tuple(total.stories_updated),
        errors=tuple(total.errors),
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
