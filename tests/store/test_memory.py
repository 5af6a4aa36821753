"""MemoryRepository: one report in memory, read through the Repository contract, grown by ingest."""

from __future__ import annotations

import copy
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.config import Settings
from synopse.store.memory import MemoryRepository
from synopse.store.report_view import ReportView
from synopse.store.repository import NotFound, StoryFilter
from tests.store.articles import BRIDGE_LATER, FIRST_BATCH, write_articles


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("batch")
    write_articles(directory, FIRST_BATCH)
    return directory


@pytest.fixture(scope="module")
def repository(batch_dir: Path) -> MemoryRepository:
    return MemoryRepository.from_paths([str(batch_dir)], Settings())


def _story_of(repository: MemoryRepository, article_id: str) -> dict[str, object]:
    return next(s for s in repository.report()["stories"] if article_id in s["article_ids"])


def test_from_paths_groups_the_bridge_reports_into_one_story(repository: MemoryRepository) -> None:
    story = _story_of(repository, "talbote_bruecke")
    assert "weserkurier_bruecke" in story["article_ids"]
    assert "talbote_landrat" not in story["article_ids"]


def test_story_and_article_are_the_report_entries(repository: MemoryRepository) -> None:
    report = repository.report()
    assert repository.story(report["stories"][0]["id"]) == report["stories"][0]
    assert repository.article("talbote_landrat")["text"].startswith("Bergheim")


@pytest.mark.parametrize(
    ("lookup", "key"),
    [("story", "s99"), ("article", "nirgendwo"), ("entity", "Niemand Unbekannt")],
)
def test_unknown_keys_raise_not_found(repository: MemoryRepository, lookup: str, key: str) -> None:
    with pytest.raises(NotFound) as caught:
        getattr(repository, lookup)(key)
    assert caught.value.key == key


def test_entity_collects_roles_and_quotes_across_stories(repository: MemoryRepository) -> None:
    entity = repository.entity("katrin vollmer")
    assert entity["name"] == "Katrin Vollmer"
    assert "Baudirektorin" in entity["roles"]
    quotes = [q for s in entity["stories"] for q in s["quotes"]]
    assert any("Risiko" in q["text"] for q in quotes)


@pytest.mark.parametrize(
    ("story_filter", "expected"),
    [
        (StoryFilter(query="talbrücke"), {"bridge"}),
        (StoryFilter(query="landrat bergheim"), {"election"}),
        (StoryFilter(query="landrat brücke"), set()),
        (StoryFilter(entity="Matthias Krüger"), {"election"}),
        (StoryFilter(date_from="2025-03-03"), {"bridge"}),
        (StoryFilter(date_to="2025-03-03"), {"election"}),
        (StoryFilter(date_from="2025-03-05"), set()),
        (StoryFilter(outlet="talbote"), {"bridge", "election"}),
    ],
)
def test_list_stories_applies_every_filter(
    repository: MemoryRepository, story_filter: StoryFilter, expected: set[str]
) -> None:
    found = repository.list_stories(story_filter)
    assert {
        "bridge" if "talbote_bruecke" in s["article_ids"] else "election" for s in found
    } == expected
    assert repository.count_stories(story_filter) == len(found)


FIRST_BATCH_IDS = [name.removesuffix(".txt") for name in FIRST_BATCH]


def test_list_stories_puts_the_newest_story_first(repository: MemoryRepository) -> None:
    summaries = repository.list_stories(StoryFilter())
    assert [s["last_published"] for s in summaries] == ["2025-03-04", "2025-03-02"]
    assert {"outlets", "entities", "counts", "first_published"} <= set(summaries[0])


@pytest.fixture()
def fresh(repository: MemoryRepository) -> MemoryRepository:
    """A repository of its own, from the shared one's report (so ingest can change it)."""
    return MemoryRepository.from_report(copy.deepcopy(repository.report()))


@pytest.mark.slow
def test_ingesting_the_same_sources_again_changes_nothing(
    fresh: MemoryRepository, batch_dir: Path
) -> None:
    before = fresh.report()
    summary = fresh.ingest([str(batch_dir)])
    assert summary.added == () and summary.stories_updated == ()
    assert sorted(summary.unchanged) == sorted(FIRST_BATCH_IDS)
    assert fresh.report()["stories"] == before["stories"]


@pytest.mark.slow
def test_ingesting_a_new_article_updates_its_story_and_records_the_run(
    fresh: MemoryRepository, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    paths = write_articles(tmp_path, {"landesecho_bruecke.txt": BRIDGE_LATER})
    summary = fresh.ingest(paths, progress=lambda done, total: seen.append((done, total)))
    assert summary.added == ("landesecho_bruecke",)
    story = _story_of(fresh, "landesecho_bruecke")
    assert summary.stories_updated == (story["id"],)
    assert "weserkurier_bruecke" in story["article_ids"]
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    run = fresh.ingest_runs()[0]
    assert run["state"] == "done" and run["added"] == ["landesecho_bruecke"]
    assert run["done"] == run["total"] and run["finished"]


@pytest.mark.slow
def test_an_article_with_a_taken_id_gets_a_new_one(fresh: MemoryRepository, tmp_path: Path) -> None:
    paths = write_articles(tmp_path, {"talbote_landrat.txt": BRIDGE_LATER})
    summary = fresh.ingest(paths)
    assert summary.added == ("talbote_landrat-2",)
    assert fresh.article("talbote_landrat-2")["title"].startswith("Sanierung")
    assert fresh.article("talbote_landrat")["title"].startswith("Neuer Landrat")


def test_an_unreadable_source_is_reported_not_raised(
    fresh: MemoryRepository, tmp_path: Path
) -> None:
    summary = fresh.ingest([str(tmp_path / "fehlt.txt")])
    assert summary.added == () and len(summary.errors) == 1
    assert "fehlt.txt" in summary.errors[0].source
    run = fresh.ingest_runs()[0]
    assert run["state"] == "done" and "fehlt.txt" in run["errors"][0]
    assert any("fehlt.txt" in e["source"] for e in fresh.report()["errors"])


def test_a_failing_ingest_is_marked_failed(repository: MemoryRepository, tmp_path: Path) -> None:
    strict = MemoryRepository.from_report(
        copy.deepcopy(repository.report()), Settings(on_error="raise")
    )
    with pytest.raises(Exception, match="fehlt"):
        strict.ingest([str(tmp_path / "fehlt.txt")])
    assert strict.ingest_runs()[0]["state"] == "failed"


def test_readers_are_not_blocked_while_an_ingest_runs(
    fresh: MemoryRepository, tmp_path: Path
) -> None:
    paths = write_articles(tmp_path, {"landesecho_bruecke.txt": BRIDGE_LATER})
    reads: list[int] = []
    worker = threading.Thread(target=fresh.ingest, args=(paths,))
    worker.start()
    while worker.is_alive():
        reads.append(len(fresh.list_stories(StoryFilter())))
    worker.join()
    assert reads and set(reads) <= {2}
    assert fresh.ingest_runs()[0]["state"] == "done"


@settings(max_examples=60, deadline=None)
@given(
    offset=st.integers(min_value=0, max_value=4),
    limit=st.integers(min_value=1, max_value=4),
    query=st.sampled_from(["", "brücke", "bergheim", "xyz"]),
)
def test_pages_of_stories_are_slices_of_the_whole_list(
    repository: MemoryRepository, offset: int, limit: int, query: str
) -> None:
    view = ReportView(repository.report())
    everything = view.list_stories(StoryFilter(query=query, limit=1000))
    page = view.list_stories(StoryFilter(query=query, offset=offset, limit=limit))
    assert page == everything[offset : offset + limit]
    assert view.count_stories(StoryFilter(query=query)) == len(everything)
