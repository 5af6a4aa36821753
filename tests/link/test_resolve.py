from __future__ import annotations

import pytest

from synopse.link import resolve_entities
from synopse.link.resolve import same_name
from synopse.model import Article, EntityType, Mention


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Donald Trump", "Trump", True),
        ("Michael Waltz", "Mike Waltz", True),
        ("Michael Waltz", "Michael Walz", True),
        ("Marco Rubio", "Marc Rubio", True),
        ("Karin Albers", "Karin Albrecht", False),
        ("Anna Berg", "Jonas Berg", False),
        ("Kiew", "Köln", False),
        ("Trump", "Putin", False),
    ],
)
def test_same_name_accepts_variants_and_rejects_other_people(
    a: str, b: str, expected: bool
) -> None:
    assert same_name(a, b) is expected
    assert same_name(b, a) is expected


def _article(
    article_id: str, text: str, names: list[tuple[str, str, EntityType, str | None]]
) -> Article:
    mentions = []
    for surface, canonical, kind, role in names:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, kind, canonical, role))
    return Article(id=article_id, source=article_id, text=text, mentions=tuple(mentions))


def test_entities_merge_name_variants_and_collect_roles_across_articles() -> None:
    first = _article(
        "a",
        "Sicherheitsberater Michael Waltz reiste nach Bonn.",
        [
            ("Michael Waltz", "Michael Waltz", EntityType.PER, "Sicherheitsberater"),
            ("Bonn", "Bonn", EntityType.LOC, None),
        ],
    )
    second = _article(
        "b",
        "Mike Walz traf in Bonn ein. Walz sprach kurz.",
        [
            ("Mike Walz", "Mike Walz", EntityType.PER, None),
            ("Bonn", "Bonn", EntityType.LOC, None),
            ("Walz", "Mike Walz", EntityType.PER, None),
        ],
    )
    entities = resolve_entities([first, second], "s1")
    person = next(e for e in entities if e.type == EntityType.PER)
    assert person.name in {"Michael Waltz", "Mike Walz"}
    assert {"Michael Waltz", "Mike Walz"} <= {person.name, *person.aliases}
    assert person.roles == ("Sicherheitsberater",)
    assert {m.article_id for m in person.mentions} == {"a", "b"}
    assert len(person.mentions) == 3
    assert all(e.id.startswith("s1-e") for e in entities)


def test_mentions_point_back_into_their_article_text() -> None:
    article = _article("a", "Putins Sprecher schwieg.", [("Putins", "Putin", EntityType.PER, None)])
    [entity] = resolve_entities([article], "s1")
    [ref] = entity.mentions
    assert article.text[ref.start : ref.end] == ref.text == "Putins"
    assert entity.name == "Putin"
