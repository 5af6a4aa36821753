"""The local engine with a process pool gives the report of the single process."""

from __future__ import annotations

import atexit
import gc
import logging
import os
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from synopse import gcpause
from synopse.annotate.annotator import Annotator
from synopse.brief.render import rendered_parts, write_reports
from synopse.brief.report_json import report_to_dict
from synopse.cluster.features import article_features
from synopse.config import Settings
from synopse.distributed import local, wire
from synopse.distributed.local import changed_fields
from synopse.errors import InputError, StageError
from synopse.model import Article
from synopse.pipeline import analyze, clean_batch
from tests.conftest import EXAMPLES


@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_report(tmp_path: Path) -> None:
    single = analyze([str(EXAMPLES)], Settings())
    pooled = analyze([str(EXAMPLES)], Settings(), workers=2)
    assert report_to_dict(pooled) == report_to_dict(single)
    # the workers rendered each story's report sections, and the files are the same
    assert len(pooled.rendered) == len(pooled.stories) >= 2
    assert all(part is not None for part in rendered_parts(pooled))
    files = [write_reports(r, tmp_path / name) for r, name in ((single, "1"), (pooled, "2"))]
    for fmt, path in files[0].items():
        assert path.read_bytes() == files[1][fmt].read_bytes(), fmt


@pytest.mark.slow
def test_a_pool_records_inputs_that_fail_like_the_single_process(tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_text("", encoding="utf-8")
    (tmp_path / "kurz.txt").write_text(
        "Neue Brücke in Minden\n\nDie Stadt Minden baut eine neue Brücke über die Weser.\n",
        encoding="utf-8",
    )
    single = analyze([str(tmp_path)], Settings())
    pooled = analyze([str(tmp_path)], Settings(), workers=2)
    assert report_to_dict(pooled) == report_to_dict(single)
    assert [e.source for e in pooled.errors] == [str(tmp_path / "leer.txt")]


@pytest.mark.slow
def test_gathering_with_the_collector_paused_leaves_no_garbage_behind() -> None:
    settings = Settings().with_embeddings("none")
    with local.worker_pool(settings, 2) as pool:
        cleaned, fingerprints, errors = local.clean_in_pool(pool, [str(EXAMPLES)], settings)
        batch = clean_batch(cleaned, settings, fingerprints)
        gc.collect()
        annotated = local.annotate_in_pool(pool, batch, errors)
        assert gc.isenabled()
        assert gc.collect() == 0  # the pause kept no reference cycle from being freed
        groups = local.cluster(annotated.articles, settings, annotated.features)
        assert groups == local.cluster(annotated.articles, settings)  # features from the workers
        local.stories_in_pool(pool, groups, annotated)
        assert gc.isenabled()
    assert len(annotated.features) == len(annotated.articles) == len(batch)


class _Loud:
    """Says so when freed (by the interpreter's teardown, if the process has one)."""

    def __del__(self) -> None:
        os.write(1, b" torn-down")


_kept: list[_Loud] = []


def _say(text: str) -> int:
    """A pool task: print without flushing, keep an object till the end, and return the
    worker's process id."""
    print(text, end="")
    _kept.append(_Loud())
    return os.getpid()


@pytest.mark.slow
def test_workers_end_without_teardown_yet_lose_no_output(capfd: pytest.CaptureFixture[str]) -> None:
    settings = Settings().with_embeddings("none")
    with local.worker_pool(settings, 2) as pool:
        pids = set(pool.map(_say, ["Fähre ", "Lindgart "]))
        processes = list(pool._processes.values())
    assert pids <= {p.pid for p in processes}
    assert all(p.exitcode == 0 for p in processes)
    assert sorted(capfd.readouterr().out.split()) == ["Fähre", "Lindgart"]  # no "torn-down"


def _freezing(_: int) -> tuple[bool, bool]:
    """A pool task: whether this worker freezes what survives a full pass, and whether a pass
    froze something."""
    gc.collect()
    return gcpause._freeze_after_full_pass in gc.callbacks, gc.get_freeze_count() > 0


@pytest.mark.slow
def test_pool_workers_freeze_what_survives_and_the_caller_only_in_its_block() -> None:
    settings = Settings().with_embeddings("none")
    with local.worker_pool(settings, 2) as pool:
        assert set(pool.map(_freezing, range(4))) == {(True, True)}
    assert gcpause._freeze_after_full_pass not in gc.callbacks  # the caller's is its own


def test_the_quick_exit_flushes_the_logs_and_ends_with_success(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[object] = []
    monkeypatch.setattr(logging, "shutdown", lambda: calls.append("logs flushed"))
    monkeypatch.setattr(os, "_exit", calls.append)
    local.exit_without_teardown()
    assert calls == ["logs flushed", 0]


def test_the_calling_process_keeps_its_teardown_and_its_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registered: list[object] = []
    monkeypatch.setattr(atexit, "register", registered.append)
    monkeypatch.setattr(local, "_worker", {})
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    local._start_worker(Settings().with_embeddings("none"), 1)  # as if not in a pool
    assert registered == []
    assert gcpause._freeze_after_full_pass not in gc.callbacks
    assert isinstance(local._worker["annotator"], Annotator)


@pytest.mark.parametrize(
    "error",
    [InputError("a/b.txt", "not UTF-8"), StageError("annotate", "b", "ValueError: kaputt")],
)
def test_errors_keep_their_message_and_parts_across_processes(
    error: InputError | StageError,
) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_a_story_worker_sends_back_only_the_fields_dating_and_typing_changed() -> None:
    article = Article(id="a", source="a.txt", text="Text.", notes=("alt",))
    redated = replace(article, notes=("neu",), times=())
    assert changed_fields(article, article) == {}
    assert changed_fields(article, redated) == {"notes": ("neu",)}
    assert replace(article, **changed_fields(article, redated)) == redated


TEXTS = (
    "Die Stadt Lindgart hat am Montag ihre neue Fähre getauft. Bürgermeisterin Jana Roth sagte, "
    "die Verbindung spare Pendlern täglich eine halbe Stunde.",
    "In Lindgart fährt seit Montag eine neue Fähre. „Das ist ein guter Tag für die Pendler“, "
    "sagte Bürgermeisterin Jana Roth bei der Taufe.",
)


def test_a_worker_keeps_at_most_its_limit_and_builds_the_same_story_from_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings().with_embeddings("none")
    worker = {"settings": settings, "annotator": Annotator(settings.annotate), "annotated": {}}
    monkeypatch.setattr(local, "_worker", worker)
    monkeypatch.setattr(local, "KEEP_LIMIT", 1)
    articles = [
        Article(id=f"f{i}", source=f"f{i}.txt", text=text, title="Neue Fähre", outlet=f"Blatt {i}")
        for i, text in enumerate(TEXTS)
    ]
    results = [local._annotate(article) for article in articles]
    blobs = [blob for blob, _, _ in results]
    assert all(isinstance(blob, bytes) for blob in blobs)
    for blob, _, features in results:  # the clusterer's features, computed in the worker
        assert features == article_features(wire.loads(blob))
    assert list(worker["annotated"]) == ["f0"]  # the second article is over the limit
    job = (
        "s1",
        [(a.id, blob) for a, blob in zip(articles, blobs, strict=True) if isinstance(blob, bytes)],
    )
    with_kept = local._build_story(job)
    assert worker["annotated"] == {}  # a kept article is used once, then let go
    from_bytes_only = local._build_story(job)
    assert wire.loads(with_kept) == wire.loads(from_bytes_only)
