"""Short forms of first names: "Mike" is Michael, "Bob" is Robert, "Sascha" is Alexander.

Data, not code: each row is a full name followed by the short forms writers use for it. Only
forms that do not begin like the full name need a row; "Alex"/"Alexander" (a prefix) is found
without one.
"""

from __future__ import annotations

from functools import cache

NICKNAME_ROWS = (
    ("Michael", "Mike", "Mick", "Micha", "Michi"),
    ("Robert", "Bob", "Bobby", "Rob", "Robby", "Bert"),
    ("William", "Bill", "Billy", "Will", "Willy"),
    ("Wilhelm", "Willi", "Willy", "Helm"),
    ("Richard", "Dick", "Rick", "Rich"),
    ("James", "Jim", "Jimmy", "Jamie"),
    ("John", "Jack", "Johnny"),
    ("Johannes", "Hannes", "Hans", "Jo"),
    ("Joseph", "Joe", "Sepp", "Jupp", "Beppo"),
    ("Josef", "Joe", "Sepp", "Jupp"),
    ("Edward", "Ted", "Teddy", "Ed", "Eddie"),
    ("Theodore", "Ted", "Teddy"),
    ("Charles", "Chuck", "Charlie"),
    ("Anthony", "Tony"),
    ("Antonio", "Tony", "Toni"),
    ("Elizabeth", "Liz", "Beth", "Betty", "Lisa", "Liza"),
    ("Elisabeth", "Lisa", "Liesel", "Lisbeth", "Sissi", "Elli"),
    ("Margaret", "Maggie", "Peggy", "Meg"),
    ("Katherine", "Kate", "Kathy", "Katie"),
    ("Katharina", "Kathi", "Katja", "Trine"),
    ("Alexander", "Sascha", "Sandro", "Xander"),
    ("Alexandra", "Sascha", "Sandra"),
    ("Christopher", "Chris", "Kit"),
    ("Christian", "Chris"),
    ("Christine", "Chris", "Tina"),
    ("Nicholas", "Nick", "Nicky"),
    ("Nikolaus", "Klaus", "Niko"),
    ("Benjamin", "Ben", "Benny"),
    ("Daniel", "Dan", "Danny"),
    ("David", "Dave"),
    ("Stephen", "Steve"),
    ("Steven", "Steve"),
    ("Thomas", "Tom", "Tommy"),
    ("Matthew", "Matt"),
    ("Matthias", "Matze", "Hias"),
    ("Andrew", "Andy", "Drew"),
    ("Andreas", "Andi", "Andy", "Anderl"),
    ("Jennifer", "Jenny", "Jen"),
    ("Susanne", "Susi", "Sanne"),
    ("Franziska", "Franzi", "Fanny"),
    ("Friedrich", "Fritz", "Friedel"),
    ("Ferdinand", "Ferdi", "Nante"),
    ("Gottfried", "Friedel"),
    ("Ludwig", "Lutz", "Lude"),
    ("Dietrich", "Dieter", "Didi"),
    ("Heinrich", "Heinz", "Hinnerk", "Henry"),
    ("Henry", "Hank", "Harry"),
    ("Harold", "Harry"),
    ("Wolfgang", "Wolf", "Wolfi"),
    ("Konstantin", "Konny", "Kostja"),
    ("Vladimir", "Vova", "Volodya"),
    ("Wladimir", "Wowa", "Wolodja"),
    ("Dmitri", "Dima"),
    ("Jewgeni", "Schenja"),
    ("Jekaterina", "Katja"),
    ("Ivan", "Vanya"),
    ("Iwan", "Wanja"),
    ("Albert", "Al", "Bert"),
    ("Donald", "Don", "Donny"),
    ("Ronald", "Ron", "Ronny"),
    ("Gerald", "Gerry", "Jerry"),
    ("Patrick", "Pat", "Paddy"),
    ("Patricia", "Pat", "Patty", "Trish"),
    ("Rebecca", "Becky"),
    ("Samuel", "Sam", "Sammy"),
    ("Samantha", "Sam"),
    ("Timothy", "Tim"),
    ("Peter", "Pete"),
    ("Frederick", "Fred", "Freddy"),
    ("Lawrence", "Larry"),
    ("Leonard", "Leo", "Lenny"),
    ("Kenneth", "Ken", "Kenny"),
    ("Gregory", "Greg"),
    ("Jeffrey", "Jeff"),
    ("Joshua", "Josh"),
    ("Zachary", "Zach"),
    ("Abraham", "Abe"),
    ("Susan", "Sue", "Susie"),
    ("Deborah", "Debbie", "Deb"),
    ("Victoria", "Vicky"),
    ("Barbara", "Barbie", "Babs"),
    ("Hillary", "Hill"),
)


@cache
def _short_forms() -> dict[str, frozenset[str]]:
    """Every name of a row -> every other name of that row (in both directions)."""
    table: dict[str, set[str]] = {}
    for full, *shorts in NICKNAME_ROWS:
        for name in (full, *shorts):
            table.setdefault(name.lower(), set()).update(n.lower() for n in (full, *shorts))
    return {name: frozenset(others - {name}) for name, others in table.items()}


def are_nicknames(a: str, b: str) -> bool:
    """Whether one first name is a listed short form of the other ("Mike", "Michael")."""
    return b.lower() in _short_forms().get(a.lower(), frozenset())
