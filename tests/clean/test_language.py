from __future__ import annotations

import pytest

from synopse.clean.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen.", "de"),
        ("The city council approved the budget for the coming year on Monday.", "en"),
        ("Le conseil municipal a adopté le budget pour la nouvelle année.", "fr"),
        ("Menü Suche Login", "und"),
        ("", "und"),
    ],
)
def test_detect_language_guesses_from_function_words(text: str, language: str) -> None:
    assert detect_language(text) == language
