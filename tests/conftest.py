"""Shared fixtures: paths to the example corpus, the seeds and devdata, and one annotator."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from synopse.annotate.annotator import Annotator

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEVDATA = SHARED / "devdata"
# Debian's Chromium, installed by `make test`; the flags keep it off the (closed) network.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    from synopse.annotate.annotator import Annotator

    return Annotator()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def devdata() -> Path:
    if not DEVDATA.is_dir():
        pytest.skip("../shared/devdata is not present")
    return DEVDATA
