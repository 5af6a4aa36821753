"""Speakers named indirectly: appositions, passive cues, descriptive nouns, continuations.

Every text is written for this test; mentions come from synopse's own entity recogniser.
"""

from __future__ import annotations

import pytest

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from tests.annotate.conftest import QuoteOf, quote_with


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a role noun with its complement and the name set off by commas
            "Der Leiter des Stadtarchivs, Jonas Brettschneider, sagte: „Die Akten sind "
            "gerettet, nur der Keller steht noch unter Wasser.“",
            "Die Akten sind gerettet",
            "Jonas Brettschneider",
        ),
        (  # "X wird zitiert": X spoke, whoever quotes it
            "Anna Berger wird von der Lokalzeitung mit den Worten zitiert, sie sei mit dem "
            "Ergebnis zufrieden.",
            "sie sei mit dem Ergebnis zufrieden",
            "Anna Berger",
        ),
        (  # a quote opening its sentence: the speaker of the sentence before
            "Landrätin Sabine Krüger kritisierte den Plan des Kreistags scharf. „Das ist ein "
            "Rückschritt für alle Schulen im Landkreis.“",
            "Das ist ein Rückschritt",
            "Sabine Krüger",
        ),
        (  # a singular person noun refers back to the person of that gender
            "Giulia Ferraro gewann am Sonntag das Rennen in Hamburg. Die Italienerin sagte, sie "
            "sei überglücklich über den Sieg.",
            "sie sei überglücklich",
            "Giulia Ferraro",
        ),
        (  # an institution noun refers back to a compound that ends in it
            "Die Eltern wollen sich an das Kultusministerium wenden. Das Ministerium erklärte, "
            "es gebe landesweit zu wenige Lehrkräfte.",
            "es gebe landesweit zu wenige Lehrkräfte",
            "Kultusministerium",
        ),
    ],
)
def test_speakers_named_indirectly_are_resolved(
    text: str,
    words: str,
    speaker: str,
    quote_of: QuoteOf,
) -> None:
    assert quote_of(words, text).speaker_name == speaker


def test_reported_sentence_after_a_quote_keeps_its_speaker(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Bürgermeister Tobias Lindner sagte, die Brücke werde im Mai gesperrt. Der Umweg "
        "sei ärgerlich, aber die Sanierung dulde keinen Aufschub."
    )
    quote = quote_with("dulde keinen Aufschub", text, tokenizer, recognizer, finder)
    assert quote.speaker_name == "Tobias Lindner"


def test_the_accused_of_a_passive_cue_is_no_speaker(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = "Der Kassenwart Peter Holm wird beschuldigt, Spenden falsch verbucht zu haben."
    quote = quote_with("Spenden falsch verbucht", text, tokenizer, recognizer, finder)
    assert quote.speaker_name is None  # the span is kept: the corpus marks such sources


def test_an_opening_time_phrase_is_no_subject(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = "Um 9 Uhr MEZ meldete die Nachrichtenagentur, der Vertrag sei unterschrieben."
    quote = quote_with("der Vertrag sei unterschrieben", text, tokenizer, recognizer, finder)
    assert quote.speaker is not None and "Nachrichtenagentur" in quote.speaker.text


def test_the_author_of_a_document_is_the_source_of_heisst_es(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = "In der Pressemitteilung des Vereins heißt es, man sei von der Entscheidung enttäuscht."
    quote = quote_with("man sei von der Entscheidung", text, tokenizer, recognizer, finder)
    assert quote.speaker is not None and "Vereins" in quote.speaker.text


def test_a_role_noun_of_the_other_gender_is_not_resolved(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Präsidentin Maria Lopez empfing am Morgen die Delegation. Der Präsident des "
        "Nachbarlandes sagte, man wolle den Handel ausbauen."
    )
    quote = quote_with("man wolle den Handel ausbauen", text, tokenizer, recognizer, finder)
    assert quote.speaker_name != "Maria Lopez"


def test_an_indefinite_speaker_stays_unknown(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Konzernchef Lukas Brandt stellte die Zahlen vor. Ein Sprecher sagte später, die "
        "Prognose werde nicht geändert."
    )
    quote = quote_with("die Prognose werde nicht geändert", text, tokenizer, recognizer, finder)
    assert quote.speaker_name is None


@pytest.mark.parametrize(
    ("text", "words", "not_speaker"),
    [
        (  # an accusative object with an adverb before its adjective, subject after the verb
            "Auch auf die hohen Zinsen und den derzeit schwachen Euro verweisen Händler in "
            "Frankfurt, die Lage bleibe angespannt.",
            "die Lage bleibe angespannt",
            "Euro",
        ),
        (  # a name in the genitive after a noun belongs to that noun
            "Landrat Tobias Brandner ist am Samstag zurückgetreten. In einer Mitteilung "
            "erklärte die Kreistagsfraktion zum Rücktritt Brandners, man respektiere die "
            "Entscheidung.",
            "man respektiere die Entscheidung",
            "Brandner",
        ),
        (  # a month is never a speaker
            "Ende Januar 2024 verkündete der „Hessische Turnverband“ dann offiziell, dass man "
            "sich um das Turnier bewerben werde.",
            "man sich um das Turnier bewerben werde",
            "Januar",
        ),
    ],
)
def test_objects_genitives_and_dates_are_no_speakers(
    text: str,
    words: str,
    not_speaker: str,
    quote_of: QuoteOf,
) -> None:
    quote = quote_of(words, text)
    got = (quote.speaker.text if quote.speaker else "") + (quote.speaker_name or "")
    assert not_speaker not in got, (quote.speaker, quote.speaker_name)


def test_a_genitive_after_a_speech_noun_is_the_speaker(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Der Angeklagte Martin Hoffmann schwieg lange. Die letzten Worte Hoffmanns vor dem "
        "Urteil lauteten: „Ich bereue nichts.“"
    )
    quote = quote_with("Ich bereue nichts", text, tokenizer, recognizer, finder)
    assert quote.speaker_name is not None and "Hoffmann" in quote.speaker_name


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a name in quotation marks right at the cue, when no other speaker is there
            "Im Herbst verkündete der „Bayerische Ruderverband“ dann offiziell, dass man sich "
            "um die Meisterschaft bewerben werde.",
            "man sich um die Meisterschaft bewerben werde",
            "Bayerische Ruderverband",
        ),
        (  # an outlet in quotation marks after "laut"
            "Die neue Version erscheint laut „Computerwoche“ erst im kommenden Frühjahr.",
            "erst im kommenden Frühjahr",
            "Computerwoche",
        ),
        (  # a noun with its name in quotation marks: the name, and the clause without it
            "Nach Informationen des Nachrichtenmagazins „Der Kurier“ hat der Landrat seinen "
            "Rücktritt angeboten.",
            "hat der Landrat seinen Rücktritt angeboten",
            "Der Kurier",
        ),
        (  # an outlet in the dative after the verb does not beat the subject before it
            "Der grüne Staatssekretär sagte der „Lübecker Zeitung“, dass an jeder Tankstelle "
            "auch Biodiesel angeboten werden solle.",
            "auch Biodiesel angeboten werden solle",
            None,
        ),
    ],
)
def test_names_in_quotation_marks(
    text: str,
    words: str,
    speaker: str | None,
    quote_of: QuoteOf,
) -> None:
    quote = quote_of(words, text)
    assert not quote.text.startswith("„")
    if speaker is None:
        assert quote.speaker is not None and "Staatssekretär" in quote.speaker.text
    else:
        assert quote.speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (  # the document of "aus … hervor"
            "Am Dienstag legte das Umweltamt seinen Jahresbericht vor. Das geht aus dem Bericht "
            "des Amtes hervor. Demnach sind die Stickoxidwerte in allen Städten gesunken.",
            "Amt",
        ),
    ],
)
def test_demnach_names_the_source_of_the_sentence_before(
    text: str, name: str, tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    quote = next(
        q
        for q in finder(text, tokenizer(text), recognizer(text, tokenizer(text)))
        if q.speaker is not None and q.speaker.text == "Demnach"
    )
    assert quote.speaker_name == name


def test_a_web_page_is_its_owners_statement(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Die Deutsche Bahn kündigte einen Notfahrplan an. Auf der Internetseite des "
        "Unternehmens hieß es, Fahrgäste sollten nicht notwendige Reisen verschieben."
    )
    quote = quote_with("Fahrgäste sollten", text, tokenizer, recognizer, finder)
    assert quote.speaker_name == "Deutsche Bahn"


def test_a_result_is_no_source(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = "Laut vorläufigem Endergebnis kommt die SPD auf 28,4 Prozent der Stimmen."
    quote = quote_with("kommt die SPD auf 28,4 Prozent", text, tokenizer, recognizer, finder)
    assert quote.speaker_name is None  # the span is kept: the corpus marks such sources


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Erwartet wurde die Entscheidung, dass der Stadtrat den Haushalt nicht genehmige.",
            "dass der Stadtrat den Haushalt",
        ),
        (
            "Bestätigt wurde damit die Vermutung, die Firma habe die Steuern nicht bezahlt.",
            "die Firma habe die Steuern",
        ),
    ],
)
def test_an_abstract_noun_at_the_cue_is_no_speaker(
    text: str, words: str, tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    quote = quote_with(words, text, tokenizer, recognizer, finder)
    assert quote.speaker is None


def test_a_class_noun_before_a_name_is_named_by_it(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = "Laut der Nachrichtenagentur Reuters sei das Gipfeltreffen in Genf abgesagt worden."
    quote = quote_with("das Gipfeltreffen in Genf", text, tokenizer, recognizer, finder)
    assert quote.speaker_name == "Reuters"
    assert not quote.text.startswith("Reuters")


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadträtin Petra Lindner (CDU) sagte am Montag, die Schule müsse saniert werden.",
        "Der Abgeordnete Jonas Berg (Grüne) erklärte am Montag, die Schule müsse saniert werden.",
    ],
)
def test_a_party_in_brackets_after_a_name_is_no_speaker(
    text: str, tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    quote = quote_with("die Schule müsse saniert werden", text, tokenizer, recognizer, finder)
    assert quote.speaker is not None
    assert quote.speaker.text.endswith(("Lindner", "Berg")), quote.speaker
