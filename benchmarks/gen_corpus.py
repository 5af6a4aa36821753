"""A synthetic German news corpus for throughput runs: many stories, several outlets each.

    .venv/bin/python benchmarks/gen_corpus.py out/corpus --articles 2000 [--shard 500]

Writes JSONL shards (id, title, text, outlet, published). The text is synthetic: sentences
the team wrote (the templates below) recombined at random into articles of 400-700 words, one
event per story with its own invented place, people and figures, 2-8 outlets per story over a
few days. It is for measuring throughput only, never quality: the stories are word salad
around a core, not journalism.

Events stay apart as real ones do: each has an invented place and surname of its own, and its
background sentences name them; only a line of feed boilerplate is shared by all. (Until
2026-11-24 the background was the paragraphs of examples/ — two real events' sentences and
names in every article — and the clusterer rightly merged 389 events into 14 stories;
docs/performance.md, "Scale-out".)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITIES = ("Oldenburg", "Kassel", "Erfurt", "Rostock", "Passau", "Trier", "Lübeck", "Görlitz")
CITIES += ("Ulm", "Cottbus", "Siegen", "Husum", "Gießen", "Bamberg", "Flensburg", "Jena")
FIRST = ("Anna", "Jonas", "Petra", "Klaus", "Miriam", "Olaf", "Sabine", "Tobias", "Ute", "Lars")
LAST = ("Brandt", "Meiners", "Kowalski", "Hoffmann", "Yilmaz", "Peters", "Lange", "Winter")
ORGS = ("Stadtwerke", "Feuerwehr", "Polizei", "Kreisverwaltung", "Handwerkskammer", "IHK")
OUTLETS = ("Nordbote", "Rheinblatt", "Tagesbote", "Hansepost", "Elbe-Kurier", "Südwest-Echo")
OUTLETS += ("Weserzeitung", "Mainpost Online", "Ostsee-Anzeiger", "Alpenkurier")
TOPICS = {
    "brand": (
        "In {city} ist am {weekday} eine Lagerhalle in Brand geraten.",
        "Rund {n} Einsatzkräfte der {org} waren stundenlang im Einsatz.",
        "„Wir hatten das Feuer nach etwa {h} Stunden unter Kontrolle“, sagte {person}.",
        "Der Schaden wird auf {n} Millionen Euro geschätzt.",
        "Nach Angaben der Polizei wurden {k} Menschen leicht verletzt.",
        "Die Brandursache ist noch unklar, die Ermittler schließen Brandstiftung nicht aus.",
    ),
    "haushalt": (
        "Der Stadtrat von {city} hat am {weekday} den Haushalt für das kommende Jahr beschlossen.",
        "Die Schulden steigen um {n} Millionen Euro, wie Kämmerer {person} mitteilte.",
        "„Wir müssen in Schulen und Straßen investieren“, sagte {person}.",
        "Die Opposition kritisierte die Pläne als unsolide.",
        "Die {org} begrüßte die Investitionen in die Infrastruktur.",
        "Insgesamt umfasst der Etat rund {n} Millionen Euro.",
    ),
    "streik": (
        "In {city} legen Beschäftigte der {org} am {weekday} die Arbeit nieder.",
        "Die Gewerkschaft fordert {k} Prozent mehr Lohn.",
        "Nach Angaben von {person} beteiligen sich rund {n} Beschäftigte am Warnstreik.",
        "„Die Geduld der Kolleginnen und Kollegen ist am Ende“, sagte {person}.",
        "Die Arbeitgeber nannten die Forderung überzogen.",
        "Die Verhandlungen sollen in {k} Wochen fortgesetzt werden.",
    ),
    "bahn": (
        "Die Bahnstrecke bei {city} bleibt nach einem Unwetter am {weekday} gesperrt.",
        "Etwa {n} Fahrgäste mussten auf Busse umsteigen.",
        "Ein Sprecher der {org}, {person}, rechnet mit einer Sperrung von {k} Tagen.",
        "„Die Schäden an den Gleisen sind größer als gedacht“, sagte {person}.",
        "Pendler klagten über lange Wartezeiten.",
        "Die Reparatur soll rund {h} Millionen Euro kosten.",
    ),
}
# Background of one event: what articles add around the core, naming the event's own place.
BACKGROUND = (
    "{city} liegt im Landkreis {district} und hat rund {n}00 Einwohner.",
    "Bürgermeisterin {mayor} kündigte an, sich am {weekday} selbst ein Bild zu machen.",
    "Bereits vor {k} Jahren hatte es in {city} einen ähnlichen Fall gegeben.",
    "Anwohner der {street} berichteten von einer unruhigen Nacht.",
    "Der Kreistag von {district} will sich in seiner nächsten Sitzung damit befassen.",
    "{mayor} sprach von einem schweren Tag für {city}.",
    "Die Lokalzeitung in {city} hatte zuerst über den Vorfall berichtet.",
    "Nach Angaben der Kreisverwaltung {district} gibt es noch keine genauen Zahlen.",
    "„Wir halten die Menschen in {city} auf dem Laufenden“, sagte {mayor}.",
    "In der {street} blieben mehrere Geschäfte am {weekday} geschlossen.",
    "Der Landrat von {district} lobte die schnelle Reaktion der Behörden.",
    "Viele Menschen in {city} verfolgten die Entwicklung in den sozialen Netzwerken.",
)
# Feed boilerplate: the same line under articles of every event, as agencies and sites add.
BOILERPLATE = (
    "Dieser Artikel wird laufend aktualisiert.",
    "Mehr Nachrichten aus der Region finden Sie auf unserer Startseite.",
    "Die Redaktion hat diesen Bericht mit Material von Agenturen ergänzt.",
)
STREETS = ("Hauptstraße", "Bahnhofstraße", "Lindenallee", "Marktstraße", "Schulstraße")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag")
_SENTENCE_END = re.compile(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])")


def filler_sentences() -> list[str]:
    """Body sentences of the team-written example corpus (not headlines, not furniture): the
    filler of benchmarks/ingest_memory.py, no longer of this generator's articles."""
    sentences: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            if len(paragraph.split()) >= 25:
                sentences += _SENTENCE_END.split(paragraph.replace("\n", " "))
    return sentences


def invented_place(rng: random.Random) -> str:
    """An invented name of two or three syllables ("Kornwede", "Halbritz")."""
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 2))]
    return ("".join(parts) + rng.choice(_ENDINGS)).capitalize()


_ONSETS = ("b", "br", "d", "f", "g", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "w")
_VOWELS = ("a", "e", "i", "o", "u", "au", "ei", "ä", "ö", "ü")
_ENDINGS = ("dorf", "feld", "hausen", "wede", "ritz", "bach", "stedt", "ingen", "rode", "heim")


def event_facts(rng: random.Random) -> dict[str, str]:
    """`story_facts` with a place, district, surname and mayor of the event's own."""
    facts = story_facts(rng)
    first, surname = facts["person"].split()[0], invented_place(rng)
    return facts | {
        "city": invented_place(rng),
        "person": f"{first} {surname}",
        "district": invented_place(rng),
        "mayor": f"{rng.choice(FIRST)} {invented_place(rng)}",
        "street": rng.choice(STREETS),
    }


def background_sentences(facts: dict[str, str]) -> list[str]:
    return [s.format(**facts) for s in BACKGROUND]


def story_facts(rng: random.Random) -> dict[str, str]:
    return {
        "city": rng.choice(CITIES),
        "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "org": rng.choice(ORGS),
        "weekday": rng.choice(WEEKDAYS),
        "n": str(rng.randint(12, 480)),
        "k": str(rng.randint(2, 9)),
        "h": str(rng.randint(2, 12)),
    }


def article_text(rng: random.Random, topic: str, facts: dict[str, str], filler: list[str]) -> str:
    """400-700 words: the story's core sentences, shuffled, between filler paragraphs."""
    core = [s.format(**facts) for s in TOPICS[topic]]
    target = rng.randint(400, 700)
    paragraphs, words = [], 0
    while words < target:
        chosen = rng.sample(core, 3) + rng.sample(filler, 3)
        paragraphs.append(" ".join(chosen))
        words += sum(len(s.split()) for s in chosen)
    return "\n\n".join(paragraphs)


def generate(count: int, seed: int = 20251123) -> list[dict[str, str]]:
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    articles: list[dict[str, str]] = []
    story = 0
    while len(articles) < count:
        story += 1
        topic = rng.choice(sorted(TOPICS))
        facts = event_facts(rng)
        background = background_sentences(facts)
        day = start + dt.timedelta(days=rng.randint(0, 120))
        for outlet in rng.sample(OUTLETS, rng.randint(2, 8))[: count - len(articles)]:
            published = day + dt.timedelta(days=rng.randint(0, 2))
            articles.append(
                {
                    "id": f"s{story:05d}-{outlet.lower().replace(' ', '-')}",
                    "title": f"{facts['city']}: {TOPICS[topic][0].format(**facts)[:60]}",
                    "text": article_text(rng, topic, facts, background)
                    + f"\n\n{rng.choice(BOILERPLATE)}",
                    "outlet": outlet,
                    "published": published.isoformat(),
                }
            )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shard", type=int, default=500, help="articles per JSONL file")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    articles = generate(args.articles)
    for number, first in enumerate(range(0, len(articles), args.shard)):
        lines = [json.dumps(a, ensure_ascii=False) for a in articles[first : first + args.shard]]
        (args.out / f"corpus-{number:03d}.jsonl").write_text("\n".join(lines) + "\n")
    words = sum(len(a["text"].split()) for a in articles)
    print(f"{len(articles)} articles, {words} words, {args.out}")


if __name__ == "__main__":
    main()
