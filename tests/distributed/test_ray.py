"""The Ray engine, on a local Ray with 2 CPUs, gives the report of the local engine.

Compared: the whole report.json data (articles with every annotation, stories with their
article sets, entities, quotes, comparisons, timeline, briefing, facts, and errors). Nothing
is run-dependent in it, so nothing is left out of the comparison.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from synopse.brief.render import rendered_parts, write_reports
from synopse.brief.report_json import report_to_dict
from synopse.brief.shards import read_shards
from synopse.cli import cli
from synopse.config import Settings
from synopse.model import Report
from synopse.pipeline import analyze
from tests.conftest import EXAMPLES

ray = pytest.importorskip("ray")  # the dev extra installs it; a bare install may not have it
pytestmark = [
    pytest.mark.slow,
    # Ray Data 2.60 warns about its own deprecated settings while it copies its context.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context"),
]


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    """One offline Ray for the module: 2 CPUs, no dashboard, no usage statistics."""
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _ray_report(paths: list[str]) -> dict[str, Any]:
    from synopse.distributed import analyze_ray

    return report_to_dict(analyze_ray(paths, Settings(), num_workers=2))


@pytest.fixture(scope="module")
def local_report() -> Report:
    return analyze([str(EXAMPLES)], Settings())


@pytest.fixture(scope="module")
def local_examples(local_report: Report) -> dict[str, Any]:
    return report_to_dict(local_report)


def test_ray_gives_the_local_report_on_the_examples(
    local_report: Report, local_examples: dict[str, Any], tmp_path: Path
) -> None:
    from synopse.distributed import analyze_ray

    on_ray = analyze_ray([str(EXAMPLES)], Settings(), num_workers=2)
    assert report_to_dict(on_ray) == local_examples
    # the story rows rendered each story's report sections, and the files are the local ones
    assert len(on_ray.rendered) == len(on_ray.stories) >= 2
    assert all(part is not None for part in rendered_parts(on_ray))
    files = [write_reports(r, tmp_path / name) for r, name in ((local_report, "1"), (on_ray, "2"))]
    for fmt, path in files[0].items():
        assert path.read_bytes() == files[1][fmt].read_bytes(), fmt


def test_ray_gives_the_local_report_on_the_seeds_and_examples_together(seeds: Path) -> None:
    paths = [str(EXAMPLES), str(seeds)]
    local = report_to_dict(analyze(paths, Settings()))
    assert _ray_report(paths) == local


def test_ray_records_unreadable_inputs_in_input_order(tmp_path: Path) -> None:
    (tmp_path / "a_leer.txt").write_text("", encoding="utf-8")
    (tmp_path / "b_kaputt.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00")
    paths = [str(tmp_path), str(tmp_path / "fehlt.txt"), str(EXAMPLES / "hansepost_hafenbrand.txt")]
    local = report_to_dict(analyze(paths, Settings()))
    assert _ray_report(paths) == local
    assert len(local["errors"]) == 3


def test_the_cli_runs_the_ray_engine_and_writes_parquet_shards(
    tmp_path: Path, local_examples: dict[str, Any]
) -> None:
    out = tmp_path / "out"
    args = ["analyze", str(EXAMPLES), "--out", str(out), "--engine", "ray", "--workers", "2"]
    result = CliRunner().invoke(cli, [*args, "--format", "parquet", "--quiet"])
    assert result.exit_code == 0, result.output
    assert read_shards(out, "articles") == local_examples["articles"]
    assert read_shards(out, "stories") == local_examples["stories"]
