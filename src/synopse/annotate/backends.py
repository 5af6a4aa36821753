"""Entity recognisers to choose from: the built-in rules, or an installed spaCy pipeline.

    make_recognizer("rules")                -> EntityRecognizer()   (HanTa tags + gazetteers)
    make_recognizer("spacy:de_core_news_lg") -> SpacyRecognizer("de_core_news_lg")
    make_recognizer("spacy:/path/to/model")  -> SpacyRecognizer("/path/to/model")

spaCy is an optional extra (`pip install 'synopse[spacy]'`) and its pipelines are never
downloaded here: the user installs one (a package or a directory saved with `nlp.to_disk`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.entity_consistency import without_genitive
from synopse.annotate.gazetteer import gazetteer
from synopse.errors import ConfigError
from synopse.model import EntityType, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

Recognizer = Callable[[str, Sequence[Sentence]], tuple[Mention, ...]]

# spaCy label schemes differ by corpus: WikiNER (PER, LOC, ORG, MISC), OntoNotes (PERSON, GPE,
# NORP, ...). Everything not listed is MISC.
_LABELS = {
    "PER": EntityType.PER,
    "PERSON": EntityType.PER,
    "ORG": EntityType.ORG,
    "LOC": EntityType.LOC,
    "GPE": EntityType.LOC,
}
_SPACY_PREFIX = "spacy:"


class SpacyRecognizer:
    """Named entities from an installed spaCy pipeline, as synopse mentions."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._nlp = _load_pipeline(name)
        self._roles = gazetteer()

    def __call__(self, text: str, sentences: Sequence[Sentence] = ()) -> tuple[Mention, ...]:
        """Mentions in `text`; `sentences` is accepted for the common signature and unused,
        since the pipeline splits the text itself."""
        doc = self._nlp(text)
        return tuple(self._mention(ent) for ent in doc.ents if ent.text.strip())

    def _mention(self, ent: SpacySpan) -> Mention:
        kind = _LABELS.get(ent.label_, EntityType.MISC)
        return Mention(
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            type=kind,
            canonical=without_genitive(ent.text),
            role=self._role_before(ent),
        )

    def _role_before(self, ent: SpacySpan) -> str | None:
        if ent.start == 0:
            return None
        word: str = ent.doc[ent.start - 1].text
        return word if self._roles.role_of(word) else None


def make_recognizer(spec: str) -> Recognizer:
    """The recogniser a setting names: "rules" or "spacy:<package or path>"."""
    if spec == "rules":
        return EntityRecognizer()
    if spec.startswith(_SPACY_PREFIX) and spec[len(_SPACY_PREFIX) :].strip():
        return SpacyRecognizer(spec[len(_SPACY_PREFIX) :].strip())
    raise ConfigError(
        f"entity recogniser {spec!r}: expected 'rules' or 'spacy:<installed pipeline or path>'"
    )


def _load_pipeline(name: str) -> Any:  # spacy.Language; Any keeps spaCy an optional import
    try:
        import spacy
    except ImportError as error:
        raise ConfigError(
            f"entity recogniser 'spacy:{name}': spaCy is not installed; "
            "install it with: pip install 'synopse[spacy]'"
        ) from error
    try:
        return spacy.load(name)
    except OSError as error:
        raise ConfigError(
            f"entity recogniser 'spacy:{name}': no installed spaCy pipeline of that name or "
            f"path; install it first (e.g. pip install {name}, or a wheel or directory "
            "you have), synopse never downloads models"
        ) from error
