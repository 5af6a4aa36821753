"""Unpickling with the cyclic garbage collector paused: the same objects, the collector's state
given back whatever happens."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from synopse.distributed import wire
from synopse.model import Article, Sentence, Span, Token

SEEN: list[bool] = []  # gc.isenabled() at the moments a `Probe` is rebuilt


class Probe:
    """Records, while it is unpickled, whether the collector runs."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return _rebuild_probe, ()


def _rebuild_probe() -> Probe:
    SEEN.append(gc.isenabled())
    return Probe()


def _broken() -> None:
    raise RuntimeError("cannot rebuild")


class Broken:
    def __reduce__(self) -> tuple[object, tuple[()]]:
        return _broken, ()


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    SEEN.clear()
    yield
    if not was:
        gc.disable()


def test_an_article_comes_back_equal() -> None:
    text = "Die Fähre fährt. Sie ist neu."
    tokens = (Token(0, 3, "Die", "ART", "der"), Token(4, 9, "Fähre", "NN", "Fähre"))
    article = Article(
        id="a1",
        source="a1.txt",
        text=text,
        sentences=(Sentence(0, 16, "Die Fähre fährt.", tokens),),
        removed=(),
    )
    assert wire.loads(wire.dumps(article)) == article
    assert wire.loads(wire.dumps([Span(0, 3, "Die")])) == [Span(0, 3, "Die")]


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_paused_during_the_call_and_runs_again_after() -> None:
    wire.loads(wire.dumps([Probe(), Probe()]))
    assert SEEN == [False, False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_runs_again_when_unpickling_fails() -> None:
    with pytest.raises(RuntimeError, match="cannot rebuild"):
        wire.loads(wire.dumps(Broken()))
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    wire.loads(wire.dumps(Probe()))
    assert SEEN == [False]
    assert not gc.isenabled()
