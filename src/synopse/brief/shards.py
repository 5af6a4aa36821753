"""Reports as shards for large runs: articles and stories as JSON Lines or Parquet files.

    OUT/articles-00000.jsonl, OUT/articles-00001.jsonl, ...   one article per line
    OUT/stories-00000.jsonl, ...                              one story per line
    OUT/errors.jsonl                                          one failed input per line

Each line (or Parquet row) is the object report.json has in its `articles` / `stories` /
`errors` list (docs/report-schema.md). Parquet files have the columns `id` and `json` (the
same object, serialised): the nested report objects vary too much in shape for a fixed
column schema, and readers get the familiar JSON back with one `json.loads`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from synopse.brief.report_json import JsonDict, report_to_dict
from synopse.model import Report

ShardFormat = Literal["jsonl", "parquet"]
SHARD_SIZE = 1000  # records per file


def write_shards(
    report: Report, out_dir: Path, fmt: ShardFormat, shard_size: int = SHARD_SIZE
) -> list[Path]:
    """The shard files written, articles first, then stories, then errors."""
    out_dir.mkdir(parents=True, exist_ok=True)
    data = report_to_dict(report)
    written: list[Path] = []
    for kind in ("articles", "stories"):
        records = data[kind]
        for number, start in enumerate(range(0, len(records), shard_size)):
            path = out_dir / f"{kind}-{number:05d}.{fmt}"
            _write(path, records[start : start + shard_size], fmt)
            written.append(path)
    errors = out_dir / f"errors.{fmt}"
    _write(errors, data["errors"], fmt)
    return [*written, errors]


def _write(path: Path, records: Sequence[JsonDict], fmt: ShardFormat) -> None:
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    if fmt == "jsonl":
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return
    import pyarrow as pa  # installed with the ray extra
    import pyarrow.parquet as pq

    ids = [str(record.get("id", record.get("source", ""))) for record in records]
    pq.write_table(pa.table({"id": ids, "json": lines}), path)


def read_shards(out_dir: Path, kind: str) -> list[JsonDict]:
    """The records of one kind back from JSONL or Parquet shards, in order."""
    records: list[JsonDict] = []
    for path in sorted(out_dir.glob(f"{kind}-*.*")) or sorted(out_dir.glob(f"{kind}.*")):
        if path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
        else:
            import pyarrow.parquet as pq

            lines = pq.read_table(path).column("json").to_pylist()
        records.extend(json.loads(line) for line in lines)
    return records
