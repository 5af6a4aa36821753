"""The collector paused for a block: off inside, on again after, also when the block raises;
a collector that was off stays off. What survives a full pass frozen for a block, or for a
worker's whole life: cycles still freed, the frozen ones after the block."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from synopse import gcpause
from synopse.brief import render
from synopse.gcpause import collector_paused, freeze_kept, freeze_survivors, survivors_frozen
from synopse.model import RenderedStory, Report


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_off_in_the_block_and_on_after_it() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_on_again_when_the_block_raises() -> None:
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_reports_are_written_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    markdown = render.render_markdown

    def watched(data: render.JsonDict, ahead: Sequence[RenderedStory | None]) -> str:
        seen.append(gc.isenabled())
        return markdown(data, ahead)

    monkeypatch.setattr(render, "render_markdown", watched)
    paths = render.write_reports(Report((), ()), tmp_path)
    assert seen == [False]
    assert gc.isenabled()
    assert paths["md"].read_text(encoding="utf-8").startswith("# synopse report")


@pytest.mark.usefixtures("collector_on")
def test_a_failed_report_leaves_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(data: render.JsonDict, ahead: Sequence[RenderedStory | None]) -> str:
        raise RuntimeError("template broke")

    monkeypatch.setattr(render, "render_markdown", broken)
    with pytest.raises(RuntimeError, match="template broke"):
        render.write_reports(Report((), ()), tmp_path)
    assert gc.isenabled()


class _Node:
    """An object in a reference cycle with itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def no_freezing() -> Iterator[None]:
    """Neither frozen objects nor the freezing callback before or after the test."""
    assert gcpause._freeze_after_full_pass not in gc.callbacks
    assert gc.get_freeze_count() == 0
    try:
        yield
    finally:
        while gcpause._freeze_after_full_pass in gc.callbacks:
            gc.callbacks.remove(gcpause._freeze_after_full_pass)
        gc.unfreeze()


@pytest.mark.usefixtures("no_freezing")
def test_what_survives_a_full_pass_is_frozen_until_the_block_ends() -> None:
    with survivors_frozen():
        assert gc.get_freeze_count() == 0  # nothing frozen before a pass
        gc.collect()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert gcpause._freeze_after_full_pass not in gc.callbacks


@pytest.mark.usefixtures("no_freezing")
def test_a_cycle_dropped_before_the_next_pass_is_still_freed_in_the_block() -> None:
    with survivors_frozen():
        gc.collect()
        node = _Node()
        ref = weakref.ref(node)
        del node
        gc.collect()
        assert ref() is None


@pytest.mark.usefixtures("no_freezing")
def test_a_cycle_frozen_while_in_use_is_freed_after_the_block() -> None:
    with survivors_frozen():
        node = _Node()
        ref = weakref.ref(node)
        gc.collect()  # still in use: frozen
        del node
        gc.collect()
        assert ref() is not None  # the price of freezing, until the block ends
    gc.collect()
    assert ref() is None


@pytest.mark.usefixtures("no_freezing")
def test_blocks_nest_and_only_the_outermost_unfreezes() -> None:
    with survivors_frozen():
        with survivors_frozen():
            gc.collect()
        assert gc.get_freeze_count() > 0
        assert gcpause._freeze_after_full_pass in gc.callbacks
    assert gc.get_freeze_count() == 0
    assert gcpause._freeze_after_full_pass not in gc.callbacks


@pytest.mark.usefixtures("no_freezing")
def test_a_block_that_raises_unfreezes_and_stops_freezing() -> None:
    with pytest.raises(KeyError), survivors_frozen():
        gc.collect()
        raise KeyError("x")
    assert gc.get_freeze_count() == 0
    assert gcpause._freeze_after_full_pass not in gc.callbacks


@pytest.mark.usefixtures("no_freezing")
def test_freezing_what_was_kept_happens_only_inside_a_block() -> None:
    kept = [_Node() for _ in range(10)]
    freeze_kept()
    assert gc.get_freeze_count() == 0
    with survivors_frozen():
        freeze_kept()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("no_freezing")
def test_freezing_for_the_whole_process_installs_once_and_outlives_blocks() -> None:
    freeze_survivors()
    freeze_survivors()
    assert gc.callbacks.count(gcpause._freeze_after_full_pass) == 1
    with survivors_frozen():
        pass
    gc.collect()
    assert gc.get_freeze_count() > 0  # the block left the process's freezing alone
