"""Language identification with lingua, restricted to the configured languages.

One detector per language set is built once per process and cached. It runs in lingua's
low-accuracy mode (trigram models only) by default: about 30 MB of memory instead of about
220 MB for the full n-gram models, at the same accuracy on whole articles; single lines lose a
few points (figures and the command in benchmarks/quality_language.py). Models load lazily on
first use, so start-up stays fast and a process that never asks pays nothing.

The answer is "und" (undetermined) when the text has fewer than `MIN_LETTERS` letters or the
best language's share of lingua's confidence values (they sum to 1 over the configured
languages) is below `MIN_CONFIDENCE`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

from lingua import (
    ConfidenceValue,
    IsoCode639_1,
    Language,
    LanguageDetector,
    LanguageDetectorBuilder,
)

from synopse.errors import ConfigError

DEFAULT_LANGUAGES = ("de", "en", "fr", "es", "it", "nl", "pl", "ru", "uk")
UNDETERMINED = "und"
MIN_LETTERS = 12  # below this even the full models guess ("Berlin", "Impressum")
MIN_CONFIDENCE = 0.5  # the winner must hold at least half of the confidence mass
MAX_CHARS = 10_000  # an article's language shows in its first pages; more only costs time
LOW_ACCURACY = True  # trigram models only: ~30 MB instead of ~220 MB; see the module docstring
KNOWN_CODES = frozenset(lang.iso_code_639_1.name.lower() for lang in Language.all())


def detect_language(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str:
    """The ISO 639-1 code of `text`'s language among `languages`, or "und" when unsure."""
    detector = _detector(_validated(languages))
    sample = text[:MAX_CHARS]
    if len(list(islice(filter(str.isalpha, sample), MIN_LETTERS))) < MIN_LETTERS:
        return UNDETERMINED
    return _confident_code(detector.compute_language_confidence_values(sample))


def line_language_scores(
    lines: Sequence[str], languages: Sequence[str] = DEFAULT_LANGUAGES
) -> list[dict[str, float]]:
    """For each line, every configured language's confidence (summing to 1, or all 0 when the
    line has no letters): a line far from the article's language is a furniture signal."""
    detector = _detector(_validated(languages))
    results = detector.compute_language_confidence_values_in_parallel(list(lines))
    return [{_code(c.language): c.value for c in values} for values in results]


def _confident_code(values: Sequence[ConfidenceValue]) -> str:
    if not values or values[0].value < MIN_CONFIDENCE:
        return UNDETERMINED
    return _code(values[0].language)


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _validated(languages: Sequence[str]) -> tuple[str, ...]:
    codes = tuple(sorted({code.strip().lower() for code in languages}))
    unknown = [code for code in codes if code not in KNOWN_CODES]
    if unknown or not codes:
        raise ConfigError(
            f"clean.languages: unknown language code(s) {unknown or list(languages)}; "
            f"expected ISO 639-1 codes from: {', '.join(sorted(KNOWN_CODES))}"
        )
    return codes


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(
        *(IsoCode639_1.from_str(code) for code in codes)
    )
    return (builder.with_low_accuracy_mode() if LOW_ACCURACY else builder).build()
