"""Scale-out: the same stages on several processes (local) or on Ray (`analyze_ray`).

`synopse.distributed.local` needs nothing beyond synopse; `analyze_ray` needs the ray extra
(`pip install 'synopse[ray]'`) and imports Ray only when called.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from synopse.config import Settings
    from synopse.model import Report

__all__ = ["analyze_ray"]


def analyze_ray(
    paths: Iterable[str], settings: Settings, address: str | None = None, num_workers: int = 2
) -> Report:
    """All stages on Ray; the report equals `synopse.pipeline.analyze`'s (see ray_runner)."""
    from synopse.distributed.ray_runner import analyze_ray as run

    return run(paths, settings, address=address, num_workers=num_workers)
