from __future__ import annotations

from pathlib import Path

import pytest

from synopse.errors import ConfigError
from synopse.ingest.outlets import OutletMap, choose_outlet, url_host

MAP = OutletMap((("rheinblatt.de", "Rheinblatt"), ("hansepost_", "Hansepost")))


@pytest.mark.parametrize(
    ("url", "file_name", "declared", "provenance", "expected"),
    [
        ("https://www.rheinblatt.de/a/1", "x", "RB Online", "Quelle", "Rheinblatt"),
        ("https://lokal.rheinblatt.de/a/1", "x", None, None, "Rheinblatt"),
        (None, "hansepost_brand", None, None, "Hansepost"),
        ("https://www.tagesbote.de/x", "x", "Tagesbote Online", "Tagesbote", "Tagesbote Online"),
        (None, "seite", None, "Südwest-Echo", "Südwest-Echo"),
        ("https://www.elbe-kurier.de/x", "seite", None, None, "elbe-kurier.de"),
        (None, "seite", None, None, "seite"),
    ],
)
def test_outlet_follows_map_then_declared_then_provenance_then_host_then_file(
    url: str | None, file_name: str, declared: str | None, provenance: str | None, expected: str
) -> None:
    outlet = choose_outlet(
        MAP, url=url, file_name=file_name, declared=declared, provenance=provenance
    )
    assert outlet == expected


def test_url_host_drops_www() -> None:
    assert url_host("https://www.t-online.de/nachrichten/") == "t-online.de"
    assert url_host(None) is None


def test_outlet_map_reads_a_toml_table(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text('[outlets]\n"Rheinblatt.de" = "Rheinblatt"\n', encoding="utf-8")
    assert OutletMap.load(path).lookup("https://rheinblatt.de/x", "x") == "Rheinblatt"


@pytest.mark.parametrize("content", ["[outlets\n", "[andere]\nx = 'y'\n", "[outlets]\nx = 3\n"])
def test_a_bad_outlet_map_is_a_clear_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"outlets\.toml"):
        OutletMap.load(path)
