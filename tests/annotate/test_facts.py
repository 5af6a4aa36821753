from __future__ import annotations

import pytest

from synopse.annotate.annotator import Annotator


@pytest.mark.parametrize(
    ("text", "surface", "predicate", "attributed_to"),
    [
        (
            "Die Stadtverwaltung bestätigte die Sitzung, sie habe gut drei Stunden gedauert.",
            "gut drei Stunden",
            "Sitzung dauern",
            "Stadtverwaltung",
        ),
        (
            "Bürgermeisterin Petra Lenz sagte, die neue Brücke koste rund 12 Millionen Euro.",
            "rund 12 Millionen Euro",
            "Brücke kosten",
            "Petra Lenz",
        ),
        ("Der Angeklagte verbüßt eine zweijährige Haftstrafe.", "zweijährige", "Haftstrafe", None),
        (
            "Das Hochwasser zerstörte im Landkreis fast 40 Häuser.",
            "fast 40 Häuser",
            "zerstören",
            None,
        ),
    ],
)
def test_a_fact_joins_its_value_to_a_predicate_and_the_party_that_states_it(
    annotator: Annotator, text: str, surface: str, predicate: str, attributed_to: str | None
) -> None:
    facts = annotator.annotate(text).facts
    [fact] = [f for f in facts if f.text == surface]
    assert text[fact.start : fact.end] == fact.text
    assert text[fact.sentence_start : fact.sentence_end] == text
    assert predicate in fact.predicate
    assert fact.attributed_to == attributed_to


def test_a_fact_lists_the_entities_of_its_sentence_and_dates_are_facts(
    annotator: Annotator,
) -> None:
    import datetime as dt

    text = "Kanzler Olaf Scholz traf am Mittwoch in Paris rund 200 Unternehmer."
    facts = annotator.annotate(text, dt.date(2024, 5, 17)).facts
    kinds = {f.kind: f for f in facts}
    assert kinds["time"].value == "2024-05-15"
    assert {"Olaf Scholz", "Paris"} <= set(kinds["quantity"].entities)
    assert kinds["quantity"].counted == "Unternehmer"
