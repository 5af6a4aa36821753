"""The collector paused for a block: off inside, on again after, also when the block raises;
a collector that was off stays off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from synopse.brief import render
from synopse.gcpause import collector_paused
from synopse.model import Report


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

    def watched(data: render.JsonDict) -> str:
        seen.append(gc.isenabled())
        return markdown(data)

    monkeypatch.setattr(render, "render_markdown", watched)
    paths = render.write_reports(Report((), ()), tmp_path)
    assert seen == [False]
    assert gc.isenabled()
    assert paths["md"].read_text(encoding="utf-8").startswith("# synopse report")


@pytest.mark.usefixtures("collector_on")
def test_a_failed_report_leaves_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(data: render.JsonDict) -> str:
        raise RuntimeError("template broke")

    monkeypatch.setattr(render, "render_markdown", broken)
    with pytest.raises(RuntimeError, match="template broke"):
        render.write_reports(Report((), ()), tmp_path)
    assert gc.isenabled()
