"""Quotes and speakers: hand-written German sentences, invariants, and a gate on real data."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType, Mention, Quote, QuoteKind

REPO = Path(__file__).resolve().parents[2]
DEVDATA = REPO / ".." / "shared" / "devdata" / "wikinews-quotes" / "dev.jsonl"
# Measured figures (benchmarks/quality_quotes.py dev --ne-runs, brief mapping), floors set a
# little below. Reported recall and any-kind recall went down on purpose when speech-act
# summaries were limited to known speakers (reported precision 0.53 -> 0.60), see
# docs/quality.md ("Third pass"). Raised after the sixth pass (docs/quality.md, "Sixth pass").
FLOORS = {
    "direct": {"precision": 0.91, "recall": 0.87, "speaker": 0.71},
    "indirect": {"precision": 0.94, "recall": 0.67, "speaker": 0.77},
    "reported": {"precision": 0.61, "recall": 0.43, "speaker": 0.92},
    "any": {"precision": 0.89, "recall": 0.71, "speaker": 0.75},
}
PEOPLE = {
    "Dmitri Peskow": "Dmitri Peskow",
    "Peskow": "Dmitri Peskow",
    "Donald Trump": "Donald Trump",
    "Trump": "Donald Trump",
    "Angela Merkel": "Angela Merkel",
    "Merkel": "Angela Merkel",
}


@pytest.fixture(scope="module")
def finder() -> QuoteFinder:
    return QuoteFinder()


def people(text: str) -> tuple[Mention, ...]:
    """PER mentions for the names in PEOPLE, longest first, as an entity recogniser would give."""
    found: list[Mention] = []
    for name in sorted(PEOPLE, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if not any(m.start <= match.start() < m.end for m in found):
                found.append(
                    Mention(match.start(), match.end(), name, EntityType.PER, PEOPLE[name])
                )
    role = "US-Präsident Donald Trump"
    if role in text:
        start = text.index(role) + len("US-Präsident ")
        found = [m for m in found if m.start != start]
        found.append(
            Mention(
                start, start + 12, "Donald Trump", EntityType.PER, "Donald Trump", "US-Präsident"
            )
        )
    return tuple(sorted(found, key=lambda m: m.start))


def quotes(text: str, tokenizer: Tokenizer, finder: QuoteFinder) -> tuple[Quote, ...]:
    return finder(text, tokenizer(text), people(text))


def only(found: tuple[Quote, ...], kind: QuoteKind) -> list[Quote]:
    return [q for q in found if q.kind == kind]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Peskow sagte: „Wir sind zu Gesprächen bereit.“", "Wir sind zu Gesprächen bereit."),
        ("Peskow sagte: »Wir sind zu Gesprächen bereit.«", "Wir sind zu Gesprächen bereit."),
        ('Peskow sagte: "Wir sind zu Gesprächen bereit."', "Wir sind zu Gesprächen bereit."),
        ("Peskow sagte: “Wir sind zu Gesprächen bereit.”", "Wir sind zu Gesprächen bereit."),
        (
            "Peskow sagte: „Er nannte das ‚völlig unmöglich‘. Wir warten ab.“",
            "Er nannte das ‚völlig unmöglich‘. Wir warten ab.",
        ),
    ],
)
def test_quotes_finds_direct_quote_in_every_convention(
    text: str, quoted: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    direct = only(quotes(text, tokenizer, finder), QuoteKind.DIRECT)
    assert [q.text for q in direct] == [quoted]
    assert direct[0].speaker_name == "Dmitri Peskow"


def test_quotes_keeps_multi_sentence_quote_whole_and_attributes_speaker_after_it(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    text = "„Das ist falsch. Wir haben nichts gewusst. Alles andere ist Unsinn“, sagte Peskow."
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.DIRECT)
    assert quote.text == "Das ist falsch. Wir haben nichts gewusst. Alles andere ist Unsinn"
    assert quote.speaker is not None and quote.speaker.text == "Peskow"
    assert quote.cue is not None and quote.cue.text == "sagte"


def test_quotes_attributes_speaker_after_colon_in_the_previous_paragraph(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    text = "Merkel erklärte am Abend:\n„Wir werden die Gespräche fortsetzen.“"
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.DIRECT)
    assert quote.speaker_name == "Angela Merkel"


def test_quotes_gives_both_halves_of_an_interrupted_quote_the_same_speaker(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    text = "Trump traf Putin. „Ich glaube“, sagte er, „dass wir uns bald einigen werden.“"
    direct = only(quotes(text, tokenizer, finder), QuoteKind.DIRECT)
    assert [q.text for q in direct] == ["Ich glaube", "dass wir uns bald einigen werden."]
    assert {q.speaker_name for q in direct} == {"Donald Trump"}
    assert {q.speaker.text for q in direct if q.speaker} == {"er"}


def test_quotes_accepts_partial_quote_only_with_a_cue_in_the_sentence(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    with_cue = "Man habe ein „langes und gutes“ Gespräch geführt, sagte Peskow."
    without_cue = "Das Gespräch war „lang und gut“ und dauerte bis zum Abend."
    assert [q.text for q in only(quotes(with_cue, tokenizer, finder), QuoteKind.DIRECT)] == [
        "langes und gutes"
    ]
    assert only(quotes(without_cue, tokenizer, finder), QuoteKind.DIRECT) == []


@pytest.mark.parametrize(
    "text",
    [
        "Trump sagte der »New York Post«, er sei zufrieden.",
        "Der Artikel erschien in der Zeitung „Neue Stimme“ am Montag.",
    ],
)
def test_quotes_does_not_take_titles_for_quotes(
    text: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    assert only(quotes(text, tokenizer, finder), QuoteKind.DIRECT) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Abgeordneten gründeten die „Union pour un Mouvement Populaire“ neu.",
        "Die Gruppe nennt sich „Allianz für Frieden und Entwicklung“ seit dem Jahr 2004.",
        "Laut „beispielzeitung.de“ ist die Halle abgebrannt.",
    ],
)
def test_quotes_does_not_take_long_names_or_web_addresses_for_quotes(
    text: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    assert only(quotes(text, tokenizer, finder), QuoteKind.DIRECT) == []


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Peskow vertrat den Standpunkt, das Gericht sei nicht zuständig.",
            "das Gericht sei nicht zuständig",
        ),
        (
            "Peskow geht davon aus, dass die Gespräche im Mai beginnen.",
            "dass die Gespräche im Mai beginnen",
        ),
        (
            "Peskow äußerte die Ansicht, dass der Plan scheitern wird.",
            "dass der Plan scheitern wird",
        ),
    ],
)
def test_quotes_finds_indirect_speech_after_verbs_and_nouns_outside_the_speech_lexicon(
    text: str, clause: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT)
    assert quote.text == clause
    assert quote.speaker_name == "Dmitri Peskow"


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Peskow sieht darin eine Warnung. Die Ursache sei nie geklärt worden.",
            "Die Ursache sei nie geklärt worden",
        ),
        (
            "Die Halle brannte vollständig aus. Das teilte Peskow am Abend mit.",
            "Die Halle brannte vollständig aus",
        ),
    ],
)
def test_quotes_attributes_a_sentence_without_cue_by_its_mood_or_by_the_next_sentence(
    text: str, clause: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT)
    assert quote.text == clause
    assert quote.speaker_name == "Dmitri Peskow"


@pytest.mark.parametrize(
    "text",
    [
        "In dem Moment, als die Maschine aufsetze, brach das Fahrwerk zusammen.",
        "Das Treffen findet statt, es sei denn, der Zug fällt aus.",
        "Ich sei, so heißt der Titel, ein Roman über Paris.",
    ],
)
def test_quotes_does_not_take_a_subordinate_or_idiomatic_subjunctive_for_reported_speech(
    text: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    assert only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT) == []


def test_quotes_continues_a_quote_in_konjunktiv_ii_and_hearsay_sollen(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    text = (
        "Peskow sagte, die Lieferungen seien gefälscht. Sie hätten nie stattgefunden. "
        "Zwei Fahrer sollen entlassen worden sein."
    )
    indirect = only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT)
    assert [q.text for q in indirect] == [
        "die Lieferungen seien gefälscht",
        "Sie hätten nie stattgefunden",
        "Zwei Fahrer sollen entlassen worden sein",
    ]
    assert {q.speaker_name for q in indirect} == {"Dmitri Peskow"}


@pytest.mark.parametrize(
    ("text", "clause", "speaker_name"),
    [
        ("Peskow sagte, er wisse nichts von dem Plan.", "er wisse nichts von dem Plan", None),
        ("Trump teilte mit, er habe mit Putin telefoniert.", "er habe mit Putin telefoniert", None),
        ("Er habe nichts gewusst, sagte Peskow.", "Er habe nichts gewusst", None),
        (
            "Merkel erklärte, dass die Gespräche weitergehen.",
            "dass die Gespräche weitergehen",
            None,
        ),
    ],
)
def test_quotes_finds_indirect_speech_on_either_side_of_the_verb(
    text: str, clause: str, speaker_name: None, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT)
    assert quote.text == clause
    assert quote.speaker is not None and quote.speaker.text in PEOPLE
    assert quote.speaker_name == PEOPLE[quote.speaker.text]


def test_quotes_continues_indirect_speech_in_the_next_subjunctive_sentence(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    text = "Peskow sagte, man sei bereit. Es gebe aber Bedingungen. Moskau liegt im Westen."
    indirect = only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT)
    assert [q.text for q in indirect] == ["man sei bereit", "Es gebe aber Bedingungen"]
    assert {q.speaker_name for q in indirect} == {"Dmitri Peskow"}


@pytest.mark.parametrize(
    ("text", "speaker_text", "speaker_name"),
    [
        ("Laut Kreml sei der Termin noch offen.", "Kreml", "Kreml"),
        ("Dem Weißen Haus zufolge gab es keine Einigung.", "Dem Weißen Haus", "Weißen Haus"),
        ("Nach Angaben der Polizei wurden zwei Menschen verletzt.", "der Polizei", "Polizei"),
        ("Wie Peskow mitteilte, ist das Treffen abgesagt.", "Peskow", "Dmitri Peskow"),
        ("Aus dem Kreml hieß es, man prüfe den Vorschlag.", "dem Kreml", "Kreml"),
    ],
)
def test_quotes_finds_reported_speech_and_its_source(
    text: str, speaker_text: str, speaker_name: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.REPORTED)
    assert quote.speaker is not None and quote.speaker.text == speaker_text
    assert quote.speaker_name == speaker_name


@pytest.mark.parametrize(
    ("text", "speaker_text", "speaker_name"),
    [
        (
            "US-Präsident Donald Trump landete in Rom. Der US-Präsident sagte, er sei zufrieden.",
            "Der US-Präsident",
            "Donald Trump",
        ),
        (
            "Man sei bereit, sagte Kremlsprecher Dmitri Peskow.",
            "Kremlsprecher Dmitri Peskow",
            "Dmitri Peskow",
        ),
        ("Angela Merkel kam spät. Sie sagte, sie sei müde.", "Sie", "Angela Merkel"),
        ("Das Weiße Haus teilte mit, man prüfe das Angebot.", "Das Weiße Haus", "Weiße Haus"),
        ("Der Kreml erklärte, man sei enttäuscht.", "Der Kreml", "Kreml"),
    ],
)
def test_quotes_resolves_roles_pronouns_and_institutions(
    text: str, speaker_text: str, speaker_name: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT)
    assert quote.speaker is not None and quote.speaker.text == speaker_text
    assert quote.speaker_name == speaker_name


def test_quotes_does_not_resolve_a_pronoun_to_a_person_of_the_other_gender(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    text = "Donald Trump kam spät. Sie sagte, sie sei müde."
    (quote,) = only(quotes(text, tokenizer, finder), QuoteKind.INDIRECT)
    assert quote.speaker is not None and quote.speaker.text == "Sie"
    assert quote.speaker_name is None


def test_quotes_leaves_speaker_unknown_without_evidence(
    tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    (quote,) = quotes("„Wir bleiben hier, bis alles geklärt ist.“", tokenizer, finder)
    assert quote.kind == QuoteKind.DIRECT
    assert (quote.speaker, quote.speaker_name) == (None, None)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.lists(
        st.sampled_from(
            ["„", "“", "»", "«", '"', "‚", "‘", " sagte ", " Peskow", ", er habe", " laut ", "\n"]
        )
        | st.text(max_size=12),
        max_size=20,
    ).map("".join)
)
def test_quotes_offsets_slice_back_to_the_text_for_any_input(
    text: str, tokenizer: Tokenizer, finder: QuoteFinder
) -> None:
    for quote in quotes(text, tokenizer, finder):
        assert text[quote.start : quote.end] == quote.text
        for span in (quote.speaker, quote.cue):
            assert span is None or text[span.start : span.end] == span.text


@pytest.mark.slow
@pytest.mark.skipif(not DEVDATA.exists(), reason="needs ../shared/devdata (wikinews-quotes)")
def test_quotes_quality_stays_above_floors_on_wikinews_dev() -> None:
    spec = importlib.util.spec_from_file_location(
        "quality_quotes", REPO / "benchmarks" / "quality_quotes.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["quality_quotes"] = bench  # dataclasses in the module look themselves up here
    spec.loader.exec_module(bench)
    tallies = {kind: bench.Tally() for kind in FLOORS}
    tokenizer, finder = Tokenizer(), QuoteFinder()
    for line in DEVDATA.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        sentences = tokenizer(article["text"])
        found = finder(article["text"], sentences, bench.ne_runs(article["text"], sentences))
        bench.score(tallies, found, bench.gold_quotes(article, "brief"))
    for kind, floors in FLOORS.items():
        tally = tallies[kind]
        measured = {
            "precision": tally.predicted_matched / tally.predicted,
            "recall": tally.gold_matched / tally.gold,
            "speaker": tally.speaker_right / tally.gold_matched,
        }
        for name, floor in floors.items():
            assert measured[name] >= floor, f"{kind} {name} {measured[name]:.3f} < {floor}"
