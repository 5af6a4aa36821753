"""Ingest requests from the API: checked here, run in a background thread.

Sources are URLs (each refused unless public, see synopse.ingest.ssrf) or uploaded files,
written to a private temporary directory under a cleaned name and removed after the ingest.
Local paths are never accepted from a client: that would let it read the server's files.
The repository records each run (`ingest_runs`), which is what the status page shows.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from synopse.errors import InputError
from synopse.ingest.ssrf import check_public_url
from synopse.store.repository import WritableRepository

log = logging.getLogger("synopse.web")

_UNSAFE_NAME_CHARS = re.compile(r"[^\w.-]+")
MAX_SOURCES = 200  # per request: a larger batch is a mistake or an attempt to tie up the server


def checked_urls(sources: Sequence[object], allow_private: bool) -> list[str]:
    """The sources as URL strings; InputError for anything else or a non-public target."""
    if not sources or len(sources) > MAX_SOURCES:
        raise InputError("sources", f"give between 1 and {MAX_SOURCES} URLs")
    urls = []
    for source in sources:
        if not isinstance(source, str) or not re.match(r"^https?://", source, re.IGNORECASE):
            raise InputError(str(source)[:200], "only http(s) URLs or uploaded files are accepted")
        if not allow_private:
            check_public_url(source)
        urls.append(source)
    return urls


def safe_file_name(name: str, index: int) -> str:
    """A name that stays inside its directory and keeps the suffix the readers go by."""
    base = _UNSAFE_NAME_CHARS.sub("_", Path(name.replace("\\", "/")).name).lstrip(".")
    return base or f"upload-{index}.txt"


def upload_directory() -> Path:
    return Path(tempfile.mkdtemp(prefix="synopse-upload-"))


def start_ingest(
    repository: WritableRepository, sources: list[str], cleanup: Path | None = None
) -> threading.Thread:
    """Run the ingest in a daemon thread; its progress shows in `repository.ingest_runs()`."""
    worker = threading.Thread(
        target=_run, args=(repository, sources, cleanup), name="synopse-ingest", daemon=True
    )
    worker.start()
    return worker


def _run(repository: WritableRepository, sources: list[str], cleanup: Path | None) -> None:
    try:
        repository.ingest(sources)
    except Exception:  # the run is marked failed by the repository; the server must go on
        log.exception("ingest of %d sources failed", len(sources))
    finally:
        if cleanup is not None:
            shutil.rmtree(cleanup, ignore_errors=True)
