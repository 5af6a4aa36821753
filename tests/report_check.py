"""Checks every produced report must pass: the JSON Schema and offsets slicing back to text."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import jsonschema


def schema() -> dict[str, Any]:
    text = files("synopse").joinpath("schema/report.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def check_report(report: dict[str, Any]) -> None:
    jsonschema.validate(report, schema())
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for story in report["stories"]:
        for entity in story["entities"]:
            for m in entity["mentions"]:
                assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]
        for q in story["quotes"]:
            assert texts[q["article_id"]][q["start"] : q["end"]] == q["text"]
            for src in q.get("sources", []):
                assert texts[src["article_id"]][src["start"] : src["end"]] == src["text"]
        for c in story["comparisons"]:
            for k in c["claims"]:
                text = texts[k["article_id"]]
                assert text[k["start"] : k["end"]] == k["surface"]
                assert text[k["sentence_start"] : k["sentence_end"]] == k["sentence"]
        for b in story["briefing"]:
            src = b["source"]
            assert texts[src["article_id"]][src["start"] : src["end"]] == b["text"]
            assert b["article_ids"][0] == src["article_id"]
            assert [s["article_id"] for s in b["support"]] == b["article_ids"][1:]
            for s in b["support"]:
                assert texts[s["article_id"]][s["start"] : s["end"]] == s["text"]
        for f in story.get("facts", []):
            text = texts[f["article_id"]]
            assert text[f["start"] : f["end"]] == f["text"]
            assert text[f["sentence_start"] : f["sentence_end"]] == f["sentence"]
        for t in story["timeline"]:
            for s in t["sources"]:
                assert s["article_id"] in t["article_ids"]
