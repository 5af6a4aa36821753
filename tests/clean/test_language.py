from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.clean.language import (
    DEFAULT_LANGUAGES,
    UNDETERMINED,
    detect_language,
    line_language_scores,
)
from synopse.errors import ConfigError


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen.", "de"),
        ("The city council approved the budget for the coming year on Monday.", "en"),
        ("Le conseil municipal a adopté lundi le budget de l'année prochaine.", "fr"),
        ("El ayuntamiento aprobó el lunes el presupuesto para el próximo año.", "es"),
        ("Il consiglio comunale ha approvato lunedì il bilancio per il prossimo anno.", "it"),
        ("De gemeenteraad heeft maandag de begroting voor volgend jaar goedgekeurd.", "nl"),
        ("Rada miejska zatwierdziła w poniedziałek budżet na przyszły rok.", "pl"),
        ("Городской совет в понедельник утвердил бюджет на следующий год.", "ru"),
        ("Міська рада в понеділок затвердила бюджет на наступний рік.", "uk"),
    ],
)
def test_detects_each_default_language_in_a_news_sentence(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "Berlin", "Impressum", "12.03.2025 14:30", "→ ★ ©"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == UNDETERMINED


def test_a_language_outside_the_configured_set_is_never_returned() -> None:
    english = "The city council approved the budget for the coming year on Monday evening."
    assert detect_language(english, ("de", "fr")) in {"de", "fr", UNDETERMINED}
    assert detect_language(english, ("de", "en")) == "en"


def test_codes_are_case_insensitive_and_order_free() -> None:
    text = "Die Feuerwehr löschte den Brand in der Altstadt nach zwei Stunden."
    assert detect_language(text, ("EN", "de")) == detect_language(text, ("de", "en")) == "de"


@pytest.mark.parametrize("languages", [("de", "xx"), ("deu",), ()])
def test_an_unknown_language_code_is_a_config_error_listing_the_valid_ones(
    languages: tuple[str, ...],
) -> None:
    with pytest.raises(ConfigError, match="unknown language code") as caught:
        detect_language("Ein ganz gewöhnlicher deutscher Satz.", languages)
    assert "de, el, en, eo" in str(caught.value)


def test_line_scores_flag_lines_in_another_language() -> None:
    lines = [
        "Die Polizei sperrte die Brücke am Nachmittag für mehrere Stunden.",
        "Accept all cookies and continue to the website",
        "",
    ]
    german, english, empty = line_language_scores(lines, ("de", "en"))
    assert german["de"] > 0.9 > german["en"]
    assert english["en"] > 0.9 > english["de"]
    assert set(empty.values()) == {0.0}


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_configured_code_or_und(text: str) -> None:
    assert detect_language(text) in {*DEFAULT_LANGUAGES, UNDETERMINED}
