"""The local engine with a process pool gives the report of the single process."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from synopse.annotate.annotator import Annotator
from synopse.brief.report_json import report_to_dict
from synopse.config import Settings
from synopse.distributed import local
from synopse.distributed.local import changed_fields
from synopse.errors import InputError, StageError
from synopse.model import Article
from synopse.pipeline import analyze
from tests.conftest import EXAMPLES


@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_report() -> None:
    single = analyze([str(EXAMPLES)], Settings())
    pooled = analyze([str(EXAMPLES)], Settings(), workers=2)
    assert report_to_dict(pooled) == report_to_dict(single)


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
    blobs = [local._annotate(article)[0] for article in articles]
    assert all(isinstance(blob, bytes) for blob in blobs)
    assert list(worker["annotated"]) == ["f0"]  # the second article is over the limit
    job = (
        "s1",
        [(a.id, blob) for a, blob in zip(articles, blobs, strict=True) if isinstance(blob, bytes)],
    )
    with_kept = local._build_story(job)
    assert worker["annotated"] == {}  # a kept article is used once, then let go
    from_bytes_only = local._build_story(job)
    assert with_kept == from_bytes_only
