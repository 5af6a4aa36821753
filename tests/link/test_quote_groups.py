"""Story quotes across outlets: one per statement, all sources kept, differing wording flagged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.link.quote_groups import group_story_quotes, same_words
from synopse.model import Article, Entity, EntityType, MentionRef, Quote, QuoteKind, Span


def article(article_id: str, text: str, quoted: list[tuple[str, str | None, QuoteKind]]) -> Article:
    quotes = []
    for words, speaker, kind in quoted:
        start = text.index(words)
        span = (
            Span(text.index(speaker), text.index(speaker) + len(speaker), speaker)
            if speaker
            else None
        )
        quotes.append(Quote(start, start + len(words), words, kind, span, speaker, None))
    return Article(id=article_id, source=article_id, text=text, quotes=tuple(quotes))


PESKOW = Entity("e1", "Dmitri Peskow", EntityType.PER, aliases=("Peskow",))
D = QuoteKind.DIRECT


def test_the_same_quote_in_two_outlets_becomes_one_story_quote_with_both_sources() -> None:
    a = article(
        "a",
        "Peskow sagte: „Wir sehen keinen Grund zur Sorge.“",
        [("Wir sehen keinen Grund zur Sorge.", "Peskow", D)],
    )
    b = article(
        "b",
        "„Wir sehen keinen Grund zur Sorge“, so Peskow.",
        [("Wir sehen keinen Grund zur Sorge", "Peskow", D)],
    )
    (quote,) = group_story_quotes([a, b], [PESKOW])
    assert [s.article_id for s in quote.sources] == ["a", "b"]
    assert quote.speaker_entity_id == "e1"
    assert not quote.wording_differs


def test_a_partial_quote_contained_in_a_longer_one_joins_it() -> None:
    a = article(
        "a",
        "Peskow sagte: „Wir sehen keinen Grund zur Sorge. Alles ist ruhig.“",
        [("Wir sehen keinen Grund zur Sorge. Alles ist ruhig.", "Peskow", D)],
    )
    b = article(
        "b", "Peskow sah „keinen Grund zur Sorge“.", [("keinen Grund zur Sorge", "Peskow", D)]
    )
    (quote,) = group_story_quotes([a, b], [PESKOW])
    assert len(quote.sources) == 2


def test_two_translations_of_one_statement_are_one_quote_whose_wording_differs() -> None:
    a = article(
        "a",
        "Trump schrieb: „Die Gespräche mit Russland laufen sehr gut.“",
        [("Die Gespräche mit Russland laufen sehr gut.", "Trump", D)],
    )
    b = article(
        "b",
        "Trump schrieb: „Die Gespräche mit Russland verlaufen ausgezeichnet.“",
        [("Die Gespräche mit Russland verlaufen ausgezeichnet.", "Trump", D)],
    )
    (quote,) = group_story_quotes([a, b], [])
    assert quote.wording_differs
    assert {s.text for s in quote.sources} == {a.quotes[0].text, b.quotes[0].text}


def test_different_speakers_with_the_same_words_stay_apart() -> None:
    a = article(
        "a",
        "Peskow sagte: „Wir sind zu Gesprächen bereit.“",
        [("Wir sind zu Gesprächen bereit.", "Peskow", D)],
    )
    b = article(
        "b",
        "Selenskyj sagte: „Wir sind zu Gesprächen bereit.“",
        [("Wir sind zu Gesprächen bereit.", "Selenskyj", D)],
    )
    assert len(group_story_quotes([a, b], [PESKOW])) == 2


def test_similar_content_without_a_known_speaker_is_never_merged() -> None:
    a = article(
        "a",
        "Es hieß: „Die Gespräche mit Russland laufen sehr gut.“",
        [("Die Gespräche mit Russland laufen sehr gut.", None, D)],
    )
    b = article(
        "b",
        "Es hieß: „Die Gespräche mit Russland verlaufen ausgezeichnet.“",
        [("Die Gespräche mit Russland verlaufen ausgezeichnet.", None, D)],
    )
    assert len(group_story_quotes([a, b], [])) == 2


def test_the_speaker_entity_comes_from_the_mention_at_the_speaker() -> None:
    a = article("a", "Der Sprecher Peskow sagte: „Nein.“ Ende.", [("Nein.", "Peskow", D)])
    entity = Entity(
        "e9", "Dmitri Peskow", EntityType.PER, mentions=(MentionRef("a", 13, 19, "Peskow"),)
    )
    (quote,) = group_story_quotes([a], [entity])
    assert quote.speaker_entity_id == "e9"


WORDS = st.lists(
    st.sampled_from(["wir", "sehen", "keinen", "grund", "zur", "sorge", "alles", "ist", "ruhig"]),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(WORDS, st.sampled_from(["Peskow", "Trump", None])), min_size=1, max_size=6)
)
def test_every_quote_lands_in_exactly_one_story_quote_and_sources_slice_back(
    quoted: list[tuple[list[str], str | None]],
) -> None:
    articles = []
    for index, (words, speaker) in enumerate(quoted):
        body = " ".join(words)
        text = f"{speaker or 'Jemand'} sagte: „{body}“"
        articles.append(article(f"a{index}", text, [(body, speaker, D)]))
    story_quotes = group_story_quotes(articles, [])
    texts = {a.id: a.text for a in articles}
    sources = [s for q in story_quotes for s in q.sources]
    assert sorted(s.article_id for s in sources) == sorted(a.id for a in articles)
    assert all(texts[s.article_id][s.start : s.end] == s.text for s in sources)


def test_same_words_ignores_case_and_punctuation_but_not_content() -> None:
    assert same_words(("wir", "sind", "bereit"), ("wir", "sind", "bereit"))
    assert not same_words(("wir", "sind", "bereit"), ("sie", "lehnen", "ab"))
