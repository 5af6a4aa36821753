from __future__ import annotations

from pathlib import Path

import pytest

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest import RawDocument, read_paths


def _read(*paths: Path | str) -> list[RawDocument | InputError]:
    return list(read_paths([str(p) for p in paths]))


def test_reads_text_and_markdown_files_from_a_directory_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("Zweite Meldung\n\nText.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Erste Meldung\n\nText.", encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    docs = _read(tmp_path)
    assert [d.id for d in docs if isinstance(d, RawDocument)] == ["a", "b"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"Titel\x00\x01\x02 binary", "binary file"),
        ("Überschrift\n\nGrüße".encode("latin-1"), "not UTF-8 (byte 0xdc at offset 0)"),
    ],
)
def test_bad_files_become_errors_naming_the_file_and_the_problem(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "kaputt.txt"
    path.write_bytes(content)
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert str(error).startswith(str(path))
    assert problem in str(error)


def test_a_missing_path_and_an_empty_directory_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "leer"
    empty.mkdir()
    errors = _read(tmp_path / "fehlt.txt", empty)
    assert [type(e) for e in errors] == [InputError, InputError]
    assert "no such file or directory" in str(errors[0])
    assert "holds no article files" in str(errors[1])


def test_one_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Gute Meldung\n\nText.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00kaputt")
    (tmp_path / "c.txt").write_text("Noch eine Meldung\n\nText.", encoding="utf-8")
    kinds = [type(d).__name__ for d in _read(tmp_path)]
    assert kinds == ["RawDocument", "InputError", "RawDocument"]


def test_another_encoding_can_be_chosen(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Grüße aus Köln".encode("latin-1"))
    [doc] = list(read_paths([str(path)], IngestSettings(encoding="latin-1")))
    assert isinstance(doc, RawDocument)
    assert doc.text == "Grüße aus Köln"


def test_files_with_the_same_name_get_distinct_ids(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "meldung.txt").write_text("Titel\n\nText.", encoding="utf-8")
    ids = [d.id for d in _read(tmp_path) if isinstance(d, RawDocument)]
    assert ids == ["meldung", "meldung-2"]
