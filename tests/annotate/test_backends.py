"""The recogniser choice: built-in rules, or a real spaCy pipeline saved to disk by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synopse.annotate.backends import SpacyRecognizer, make_recognizer
from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.entity_consistency import without_genitive
from synopse.errors import ConfigError
from synopse.model import EntityType

spacy = pytest.importorskip("spacy")

_PATTERNS = [
    {"label": "PER", "pattern": [{"TEXT": "Olaf"}, {"TEXT": "Scholz"}]},
    {"label": "PERSON", "pattern": [{"TEXT": "Merkels"}]},
    {"label": "ORG", "pattern": [{"TEXT": "Bundesbank"}]},
    {"label": "GPE", "pattern": [{"TEXT": "Hamburg"}]},
    {"label": "LOC", "pattern": [{"TEXT": "Elbe"}]},
    {"label": "EVENT", "pattern": [{"TEXT": "Hafengeburtstag"}]},
]


@pytest.fixture(scope="module")
def pipeline_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A blank German spaCy pipeline with an entity ruler, saved as a real model directory."""
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(_PATTERNS)
    path = tmp_path_factory.mktemp("spacy") / "de_test_ner"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def recognizer(pipeline_path: Path) -> SpacyRecognizer:
    loaded = make_recognizer(f"spacy:{pipeline_path}")
    assert isinstance(loaded, SpacyRecognizer)
    return loaded


@pytest.mark.parametrize(
    ("text", "surface", "kind", "canonical"),
    [
        ("Gestern sprach Olaf Scholz in Berlin.", "Olaf Scholz", EntityType.PER, "Olaf Scholz"),
        ("Merkels Nachfolger schwieg.", "Merkels", EntityType.PER, "Merkel"),
        ("Die Bundesbank warnte erneut.", "Bundesbank", EntityType.ORG, "Bundesbank"),
        ("Der Senat tagte in Hamburg.", "Hamburg", EntityType.LOC, "Hamburg"),
        ("Die Elbe führt Hochwasser.", "Elbe", EntityType.LOC, "Elbe"),
        ("Zum Hafengeburtstag kamen viele.", "Hafengeburtstag", EntityType.MISC, "Hafengeburtstag"),
    ],
)
def test_spacy_labels_map_to_synopse_types_and_canonical_names(
    recognizer: SpacyRecognizer, text: str, surface: str, kind: EntityType, canonical: str
) -> None:
    [mention] = recognizer(text, ())
    assert (mention.text, mention.type, mention.canonical) == (surface, kind, canonical)
    assert text[mention.start : mention.end] == mention.text


def test_spacy_mention_takes_the_role_noun_before_it(recognizer: SpacyRecognizer) -> None:
    [mention] = recognizer("Am Montag sagte Bundeskanzler Olaf Scholz nichts.", ())
    assert mention.role == "Bundeskanzler"


def test_spacy_mention_without_a_role_noun_before_it_has_no_role(
    recognizer: SpacyRecognizer,
) -> None:
    [mention] = recognizer("Olaf Scholz schwieg. Danach sprach Olaf Scholz.", ())[1:]
    assert mention.role is None


def test_rules_spec_gives_the_built_in_recognizer() -> None:
    assert isinstance(make_recognizer("rules"), EntityRecognizer)


@pytest.mark.parametrize("spec", ["", "spacy", "spacy:", "flair:de-ner", "Rules"])
def test_unknown_recognizer_spec_is_a_config_error(spec: str) -> None:
    with pytest.raises(ConfigError, match="expected 'rules' or 'spacy:"):
        make_recognizer(spec)


def test_missing_spacy_pipeline_is_a_config_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "de_nicht_installiert"
    with pytest.raises(ConfigError, match=r"de_nicht_installiert.*install") as error:
        make_recognizer(f"spacy:{missing}")
    assert "never downloads" in str(error.value)


@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("Putins", "Putin"),
        ("Merz'", "Merz"),
        ("Paris", "Paris"),
        ("Markus", "Markus"),
        ("Ems", "Ems"),
    ],
)
def test_genitive_s_is_removed_only_where_it_is_an_ending(name: str, base: str) -> None:
    assert without_genitive(name) == base


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(st.sampled_from(["Olaf Scholz", "Hamburg", "Merkels", "Elbe"]), st.text()),
        max_size=6,
    )
)
def test_spacy_mentions_slice_back_on_any_text(
    recognizer: SpacyRecognizer, parts: list[str]
) -> None:
    text = " ".join(parts)
    for mention in recognizer(text, ()):
        assert text[mention.start : mention.end] == mention.text
