"""Role nouns at the cue ("der 52-Jährige", "der Anwalt", "die Rathauschefin") resolved to a
person named earlier in the article, only with evidence; otherwise the speaker stays unknown.

Every text is written for this test; mentions come from synopse's own entity recogniser.
"""

from __future__ import annotations

import pytest

from tests.annotate.conftest import QuoteOf


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # an age noun opening a new paragraph: the person just named
            "Nach der Wahl hat Spitzenkandidat Martin Vogel Gespräche angekündigt. „Die "
            "Wähler haben uns einen Auftrag gegeben“, sagte Vogel am Wahlabend.\n\n"
            "Der 52-Jährige sagte, dass eine Koalition mit den Extremen ausgeschlossen ist.",
            "eine Koalition mit den Extremen",
            "Martin Vogel",
        ),
        (  # the age given in brackets beats the person named last
            "Die Anwältin Jana Roth (41) vertritt die Familie. Ihr Kollege Peter Brandt (58) "
            "schwieg vor der Kammer. Die 41-Jährige sagte, der Prozess sei unfair gewesen.",
            "der Prozess sei unfair",
            "Jana Roth",
        ),
        (  # the age given before the name
            "Der 63-jährige Karl Seidel führt den Betrieb seit dreißig Jahren. Seine Tochter "
            "Lena Seidel will ihn übernehmen. Der 63-Jährige sagte, er höre erst im Herbst auf.",
            "er höre erst im Herbst auf",
            "Karl Seidel",
        ),
        (  # "die 33-Jährige" is no man: the woman named before him
            "Die Polizei befragte zuerst Jana Roth. Danach wurde auch Peter Brandt vernommen. "
            "Die 33-Jährige sagte, sie habe nichts gesehen.",
            "sie habe nichts gesehen",
            "Jana Roth",
        ),
        (  # a role given after the name, set off by a comma
            "Jan Kröger, Anwalt der Familie, kündigte Berufung an. Später äußerte sich auch "
            "Petra Lindner. Der Anwalt sagte, das Urteil sei falsch.",
            "das Urteil sei falsch",
            "Jan Kröger",
        ),
        (  # one office, two words for it (data/speech_role_synonyms.txt)
            "Bürgermeisterin Jana Roth eröffnete am Montag die neue Brücke. Die Rathauschefin "
            "sagte, der Bau sei im Zeitplan geblieben.",
            "der Bau sei im Zeitplan geblieben",
            "Jana Roth",
        ),
        (  # a profession the person was introduced with
            "Landwirt Hans Auer steht vor seinem überfluteten Feld. Der Landwirt sagte, die "
            "Ernte sei verloren.",
            "die Ernte sei verloren",
            "Hans Auer",
        ),
        (  # a party noun repeated at the cue; the cue-less quote after it keeps the speaker
            "Die Grünen-Politikerin Katrin Sommer verlangte mehr Radwege. „Die Stadt muss "
            "handeln“, sagte die Grünen-Politikerin. „Sonst verlieren wir Jahre.“",
            "Sonst verlieren wir Jahre",
            "Katrin Sommer",
        ),
        (  # a party noun: the one person introduced with that party
            "Der SPD-Politiker Jan Roth kritisierte den Haushalt. Auch Petra Lindner (CDU) "
            "meldete sich. Der SPD-Abgeordnete sagte, das Geld reiche nicht.",
            "das Geld reiche nicht",
            "Jan Roth",
        ),
        (  # "die Grünen-Frau": the Green woman, not the man of another party named since
            "Die Grünen-Politikerin Katrin Sommer verlangte mehr Radwege. Der "
            "CDU-Abgeordnete Tom Hahn lehnte ab. Die Grünen-Frau sagte, sie gebe nicht auf.",
            "sie gebe nicht auf",
            "Katrin Sommer",
        ),
        (  # a nominalised adjective as role noun (tagged NNA)
            "Der Vorsitzende Karl Weber eröffnete die Sitzung. Der Vorsitzende sagte, der "
            "Etat stehe.",
            "der Etat stehe",
            "Karl Weber",
        ),
        (  # a cue-less quote right after "sagte der 22-Jährige" inherits the person
            "Der Radprofi Tim Albers hat die Etappe gewonnen. „Ich bin unglaublich müde“, "
            "sagte der 22-Jährige im Ziel. „Aber das war es wert.“",
            "Aber das war es wert",
            "Tim Albers",
        ),
    ],
)
def test_role_nouns_with_evidence_name_the_person(
    text: str,
    words: str,
    speaker: str,
    quote_of: QuoteOf,
) -> None:
    assert quote_of(words, text).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (  # indefinite: someone new
            "Jana Roth und Peter Brandt standen vor Gericht. Ein Anwalt sagte, das Urteil sei "
            "falsch.",
            "das Urteil sei falsch",
        ),
        (  # nobody was introduced as a lawyer: no guess between two people
            "Peter Brandt sprach lange mit Jana Roth. Der Anwalt sagte, das Urteil sei falsch.",
            "das Urteil sei falsch",
        ),
        (  # both people have a stated age, and neither is 35
            "Peter Brandt (58) und Jana Roth (41) wurden befragt. Der 35-Jährige sagte, er "
            "habe den Unfall gesehen.",
            "er habe den Unfall gesehen",
        ),
        (  # "die Studentin" is not the man introduced as a student
            "Der Student Lukas Berg demonstrierte vor der Mensa. Die Studentin sagte, das "
            "Essen sei zu teuer.",
            "das Essen sei zu teuer",
        ),
        (  # two people of that party: no guess
            "Jan Roth (CDU) und Karl Weber (CDU) stritten im Ausschuss. Der CDU-Mann sagte, "
            "er bleibe dabei.",
            "er bleibe dabei",
        ),
        (  # "die Präsidentin" is never a man introduced as "Präsident", whatever the synonym
            "Präsident Karl Meier eröffnete die Sitzung. Die Präsidentin sagte, der Haushalt "
            "stehe.",
            "der Haushalt stehe",
        ),
    ],
)
def test_role_nouns_without_evidence_stay_unknown(
    text: str,
    words: str,
    quote_of: QuoteOf,
) -> None:
    assert quote_of(words, text).speaker_name is None
