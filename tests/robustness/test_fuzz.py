"""The coverage-guided fuzzer (benchmarks/fuzz_parsers.py, atheris) in its short mode: every
parser target for a few seconds, without a crash. The long runs are documented in
docs/reliability.md; a crash they find becomes a case in test_fuzz_regressions.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

FUZZER = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_parsers.py"
SHORT_SECONDS = 3


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
@pytest.mark.parametrize("target", ["jsonl", "json", "html", "warc", "feed", "dates"])
def test_the_fuzzer_finds_no_crash_in_a_parser(target: str, tmp_path: Path) -> None:
    command = [sys.executable, str(FUZZER), "--target", target, "--seconds", str(SHORT_SECONDS)]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Done " in run.stderr and not list(tmp_path.glob("crash-*"))
