"""SqlStore on SQLite and on a real PostgreSQL: idempotent, incremental, batched ingest and the
Repository reads the web app relies on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.errors import StageError
from synopse.store import tables as t
from synopse.store.repository import NotFound, StoryFilter
from tests.conftest import EXAMPLES
from tests.report_check import check_report
from tests.store.conftest import OpenStore

FIXTURES = Path(__file__).parent / "fixtures"
LINDENAU = str(FIXTURES / "lindenau.jsonl")


def _copy(names: list[str], target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(EXAMPLES / name, target / name)
    return target


def _examples(event: str) -> list[str]:
    return sorted(p.name for p in EXAMPLES.glob(f"*_{event}.txt"))


def _row_counts(store: Any) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            table.name: conn.scalar(select(func.count()).select_from(table))
            for table in (t.articles, t.stories, t.story_articles, t.entities, t.entity_names)
        }


def test_ingesting_the_same_files_twice_changes_nothing(open_store: OpenStore) -> None:
    store = open_store()
    first = store.ingest([str(EXAMPLES)])
    before, counts = store.report(), _row_counts(store)
    again = store.ingest([str(EXAMPLES)])
    assert len(first.added) == 10 and not first.unchanged
    assert again.added == () and again.stories_updated == () and again.errors == ()
    assert sorted(again.unchanged) == sorted(first.added)
    assert store.report() == before
    assert _row_counts(store) == counts


def test_new_articles_update_only_their_story_and_keep_story_ids(
    open_store: OpenStore, tmp_path: Path
) -> None:
    gipfel, brand = _examples("bahngipfel"), _examples("hafenbrand")
    store = open_store()
    store.ingest([str(_copy(gipfel[:-1], tmp_path / "a"))])
    [story_a] = store.list_stories(StoryFilter())
    second = store.ingest([str(_copy(brand, tmp_path / "b"))])
    story_b = next(s for s in store.list_stories(StoryFilter()) if s["id"] != story_a["id"])
    assert second.stories_updated == (story_b["id"],)
    assert store.story(story_a["id"])["article_ids"] == story_a["article_ids"]
    b_before = store.story(story_b["id"])
    third = store.ingest([str(_copy(gipfel[-1:], tmp_path / "c"))])
    assert third.stories_updated == (story_a["id"],)
    assert len(store.story(story_a["id"])["article_ids"]) == len(gipfel)
    assert store.story(story_b["id"]) == b_before


def test_the_report_from_the_store_equals_analyze_up_to_story_ids(
    open_store: OpenStore, example_analysis: dict[str, Any]
) -> None:
    store = open_store()
    store.ingest([str(EXAMPLES)])
    stored = store.report()
    check_report(stored)
    assert stored["articles"] == example_analysis["articles"]
    assert [_without_ids(s) for s in stored["stories"]] == [
        _without_ids(s) for s in example_analysis["stories"]
    ]


def _without_ids(story: dict[str, Any]) -> str:
    """The story as JSON with its id (also the prefix of its entity ids) blanked out."""
    text = json.dumps(story, ensure_ascii=False, sort_keys=True)
    return text.replace(f'"{story["id"]}"', '"S"').replace(f'"{story["id"]}-', '"S-')


@pytest.mark.parametrize(
    ("story_filter", "expected_titles"),
    [
        (StoryFilter(), ["Hallenbad", "Fernwärme"]),
        (StoryFilter(query="härtefallfonds"), ["Fernwärme"]),
        (StoryFilter(query="Lindenau Mühlenteich"), ["Hallenbad"]),
        (StoryFilter(query="Wasserstoff"), []),
        (StoryFilter(date_from="2025-05-01"), ["Hallenbad"]),
        (StoryFilter(date_to="2025-03-03"), ["Fernwärme"]),
        (StoryFilter(date_from="2025-03-04", date_to="2025-05-20"), ["Hallenbad", "Fernwärme"]),
        (StoryFilter(date_from="2025-06-01"), []),
        (StoryFilter(outlet="Kreisblatt"), ["Hallenbad", "Fernwärme"]),
        (StoryFilter(outlet="Tagesspiegel"), []),
        (StoryFilter(entity="Tobias Renner"), ["Fernwärme"]),
        (StoryFilter(entity="brandt"), ["Hallenbad", "Fernwärme"]),
        (StoryFilter(limit=1), ["Hallenbad"]),
        (StoryFilter(limit=1, offset=1), ["Fernwärme"]),
    ],
)
def test_list_stories_applies_every_filter_newest_first(
    lindenau_store: Any, story_filter: StoryFilter, expected_titles: list[str]
) -> None:
    listed = lindenau_store.list_stories(story_filter)
    assert [_topic(s["title"]) for s in listed] == expected_titles


def _topic(title: str) -> str:
    return "Fernwärme" if "Fernwärme" in title else "Hallenbad"


def test_an_entity_is_found_across_stories_by_name_or_alias(lindenau_store: Any) -> None:
    entity = lindenau_store.entity("Karla Brandt")
    assert entity["type"] == "PER"
    assert "Bürgermeisterin" in entity["roles"]
    assert len(entity["stories"]) == 2
    quoted = [q for s in entity["stories"] for q in s["quotes"]]
    assert any("Schwimmbad gehört zu einer Stadt" in q["text"] for q in quoted)
    assert lindenau_store.entity("BRANDT")["name"] == "Karla Brandt"


@pytest.mark.parametrize(
    ("method", "key"),
    [("story", "s99"), ("article", "no-such-article"), ("entity", "Niemand Nirgends")],
)
def test_unknown_keys_raise_not_found(lindenau_store: Any, method: str, key: str) -> None:
    with pytest.raises(NotFound, match=key):
        getattr(lindenau_store, method)(key)


def test_stories_articles_and_outlets_read_back_as_report_records(lindenau_store: Any) -> None:
    report = lindenau_store.report()
    check_report(report)
    for story in report["stories"]:
        assert lindenau_store.story(story["id"]) == story
    for article in report["articles"]:
        assert lindenau_store.article(article["id"]) == article
        full = lindenau_store.full_article(article["id"])
        assert full.text == article["text"] and len(full.sentences) > 1
    assert lindenau_store.outlets() == ["Kreisblatt", "Nordstadt-Anzeiger"]


def test_a_broken_input_is_recorded_and_the_rest_is_stored(
    open_store: OpenStore, tmp_path: Path
) -> None:
    folder = _copy(_examples("hafenbrand"), tmp_path / "in")
    (folder / "kaputt.txt").write_bytes(b"\xff\xfe\x00\x01binary\x00")
    (folder / "leer.txt").write_text("   \n", encoding="utf-8")
    store = open_store(batch_size=2)
    summary = store.ingest([str(folder)])
    assert len(summary.added) == 5
    assert sorted(Path(e.source).name for e in summary.errors) == ["kaputt.txt", "leer.txt"]
    assert len(store.report()["errors"]) == 2
    [run] = store.ingest_runs()
    assert (run["state"], run["added"], run["errors"], run["done"]) == ("done", 5, 2, 7)


def test_a_failure_inside_a_batch_keeps_earlier_batches_and_a_rerun_completes(
    open_store: OpenStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real_call = Annotator.__call__

    def fail_on_seventh(self: Annotator, article: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 7:  # the 3rd article of the 2nd batch of 4
            raise RuntimeError("annotator crashed")
        return real_call(self, article)

    monkeypatch.setattr(Annotator, "__call__", fail_on_seventh)
    store = open_store(batch_size=4, settings=Settings(on_error="raise"))
    with pytest.raises(StageError, match="annotator crashed"):
        store.ingest([str(EXAMPLES)])
    assert _row_counts(store)["articles"] == 4
    assert store.ingest_runs()[0]["state"] == "failed"
    _assert_consistent(store)
    rerun = store.ingest([str(EXAMPLES)])
    assert len(rerun.unchanged) == 4 and len(rerun.added) == 6
    assert _row_counts(store)["articles"] == 10
    _assert_consistent(store)


def _assert_consistent(store: Any) -> None:
    """Every stored article belongs to exactly one story; every story has its articles."""
    report = store.report()
    check_report(report)
    members = [a for s in report["stories"] for a in s["article_ids"]]
    assert sorted(members) == sorted(a["id"] for a in report["articles"])


def test_progress_is_reported_per_batch_and_in_ingest_runs(open_store: OpenStore) -> None:
    seen: list[tuple[int, int]] = []
    store = open_store(batch_size=3)
    store.ingest([LINDENAU], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 3), (4, 4)]
    [run] = store.ingest_runs()
    assert run["sources"] == [LINDENAU] and run["finished"] is not None


def test_an_article_with_a_taken_id_but_new_text_is_stored_under_a_new_id(
    open_store: OpenStore, tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _copy(["rheinblatt_hafenbrand.txt"], first)
    second.mkdir()
    (second / "rheinblatt_hafenbrand.txt").write_text(
        "Neue Meldung\n\nDie Feuerwehr hat den Brand im Hafen am Abend vollständig gelöscht.",
        encoding="utf-8",
    )
    store = open_store()
    store.ingest([str(first)])
    summary = store.ingest([str(second)])
    assert summary.added == ("rheinblatt_hafenbrand-2",)


def test_an_unchanged_story_is_read_as_the_same_record_and_a_changed_one_anew(
    open_store: OpenStore, tmp_path: Path
) -> None:
    gipfel = _examples("bahngipfel")
    store = open_store()
    store.ingest([str(_copy(gipfel[:-1], tmp_path / "a"))])
    [story] = store.list_stories(StoryFilter())
    first = store.story(story["id"])
    assert store.story(story["id"]) is first  # lets the web app reuse the rendered page
    store.ingest([str(_copy(gipfel[-1:], tmp_path / "b"))])
    changed = store.story(story["id"])
    assert changed is not first
    assert len(changed["article_ids"]) == len(first["article_ids"]) + 1
