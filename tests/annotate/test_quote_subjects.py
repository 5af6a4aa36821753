"""Which noun phrase of the cue's clause speaks: the subject, not the person addressed.

Every text is written for this test; mentions come from synopse's own entity recogniser.
"""

from __future__ import annotations

import pytest

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from synopse.model import QuoteKind
from tests.annotate.conftest import QuoteOf, quote_with


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a named organisation after its article opens the sentence: the subject
            "Die Vereinten Nationen hatten die Europäische Union im März darum gebeten, sich "
            "an der Mission im Sudan zu beteiligen.",
            "sich an der Mission im Sudan",
            "Die Vereinten Nationen",
        ),
        (  # the person addressed by "vorwerfen" is no speaker, however near the cue
            "Kritiker werfen Bürgermeisterin Hanna Vogt vor, sie habe die Schließung des "
            "Hallenbads zu spät bekannt gegeben.",
            "sie habe die Schließung",
            "Kritiker",
        ),
        (  # "auffordern": the opening phrase asks (its name), the object is asked
            "Der Landkreis Harburg hat die Gemeinde Seevetal aufgefordert, die Pläne für das "
            "Gewerbegebiet sofort zu stoppen.",
            "die Pläne für das Gewerbegebiet",
            "Harburg",
        ),
    ],
)
def test_the_subject_of_an_addressee_verb_speaks(
    text: str,
    words: str,
    speaker: str,
    quote_of: QuoteOf,
) -> None:
    quote = quote_of(words, text)
    assert quote.speaker is not None
    assert quote.speaker.text == speaker


def test_an_object_opening_the_clause_is_no_speaker(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Landrat Peter Krämer sprach am Abend in der Stadthalle. Die Bürger forderte er "
        "anschließend auf, sich an der Abstimmung zu beteiligen."
    )
    quote = quote_with("sich an der Abstimmung", text, tokenizer, recognizer, finder)
    assert quote.speaker_name == "Peter Krämer"


def test_the_name_after_a_cue_that_ends_a_statement_speaks(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Sie sei „zutiefst erschüttert“ über den Unfall, sagte die Bürgermeisterin, ihre "
        "„Gedanken sind bei den Familien“."
    )
    sentences = tokenizer(text)
    quotes = finder(text, sentences, recognizer(text, sentences))
    direct = [q for q in quotes if q.kind is QuoteKind.DIRECT]
    assert [q.text for q in direct] == ["zutiefst erschüttert", "Gedanken sind bei den Familien"]
    assert all(q.speaker is not None and q.speaker.text == "die Bürgermeisterin" for q in direct)


def test_a_name_in_apposition_before_the_verb_is_the_subject(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Der frühere Bürgermeister, Henning Brüggemann (SPD), warnte die CDU vor einem "
        "„rücksichtslosen Wahlkampf“."
    )
    quote = quote_with("rücksichtslosen Wahlkampf", text, tokenizer, recognizer, finder)
    assert quote.speaker_name == "Henning Brüggemann"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a plain noun phrase before the finite verb speaks when nothing else is named
            "Die Anwohner der Hafenstraße haben sich erleichtert geäußert, dass die Brücke "
            "wieder geöffnet wird.",
            "dass die Brücke wieder geöffnet wird",
            "Die Anwohner",
        ),
        (  # also with a participle cue after an auxiliary and an object
            "Taucher der Wasserschutzpolizei haben das Boot untersucht und am Abend "
            "bestätigt, dass es sich um das vermisste Fischerboot handele.",
            "dass es sich um das vermisste Fischerboot handele",
            "Taucher",
        ),
        (  # a focus particle before the subject; the cue is a second, coordinated verb
            "Auch die Landrätin Sabine Krüger sprach sich gegen die Schließung aus und sagte, "
            "das Krankenhaus werde dringend gebraucht.",
            "das Krankenhaus werde dringend gebraucht",
            "Sabine Krüger",
        ),
        (  # "der" after the verb opens a dative object when the subject stands before it
            "Ein Augenzeuge erzählte der Nachrichtenagentur Reuters, die Flammen seien schon "
            "von weitem zu sehen gewesen.",
            "die Flammen seien schon von weitem",
            "Ein Augenzeuge",
        ),
    ],
)
def test_a_plain_noun_before_the_verb_is_the_subject(
    text: str,
    words: str,
    speaker: str,
    quote_of: QuoteOf,
) -> None:
    quote = quote_of(words, text)
    assert quote.speaker is not None
    assert quote.speaker.text.startswith(speaker)


def test_a_time_phrase_before_the_verb_is_no_subject(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = "Anfang März verkündete der Landessportbund, dass man sich um die Spiele bewerbe."
    quote = quote_with("dass man sich um die Spiele bewerbe", text, tokenizer, recognizer, finder)
    assert quote.speaker is not None
    assert "Landessportbund" in quote.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "Wie der sächsische Finanzminister Jonas Brettschneider am Dienstag in Dresden "
        "erklärte, sieht die Landesregierung keinen Anlass für einen Nachtragshaushalt.",
        "Wie Jonas Brettschneider, Sprecher des Finanzministeriums, in Dresden mitteilte, "
        "sieht die Landesregierung keinen Anlass für einen Nachtragshaushalt.",
    ],
)
def test_a_long_wie_clause_names_the_source(
    text: str, tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    quote = quote_with("keinen Anlass", text, tokenizer, recognizer, finder)
    assert quote.kind is QuoteKind.REPORTED
    assert quote.speaker_name == "Jonas Brettschneider"


def test_a_comparison_with_wie_is_no_report(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Der neue Planet ist etwa zehnmal so schwer wie Jupiter und befindet sich in einer "
        "Entfernung von hundert Lichtjahren, wie die Forscher mitteilten."
    )
    sentences = tokenizer(text)
    quotes = finder(text, sentences, recognizer(text, sentences))
    assert all(q.speaker_name != "Jupiter" for q in quotes)
