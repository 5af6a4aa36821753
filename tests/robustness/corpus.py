"""A corpus of small news articles written for these tests: several events, each reported by
several outlets in their own words, as JSONL records (id, outlet, published, url, title, text)."""

from __future__ import annotations

import json
from pathlib import Path

OUTLETS = ("Nordkurier Eck", "Hafenbote", "Talblatt", "Westufer Rundschau", "Kreisecho")
TOWNS = ("Lindgart", "Mörsbach", "Ostenfeld", "Bramhorst", "Quellstadt", "Tannwiesen")
EVENTS = (
    (
        "Brücke",
        "Die {town}er Brücke über die Aue wird ab {day}. Juni für {n} Wochen gesperrt.",
        "Bauamtsleiterin Frauke Seidel sagte: „Die Sanierung ist nicht länger aufzuschieben.“",
    ),
    (
        "Schwimmbad",
        "Das Hallenbad in {town} öffnet nach {n} Monaten Umbau am {day}. Mai wieder.",
        "Bürgermeister Jonas Albrecht sprach von einem guten Tag für die Vereine.",
    ),
    (
        "Busstreik",
        "In {town} fallen am {day}. März wegen eines Warnstreiks {n} Buslinien aus.",
        "Gewerkschaftssekretär Malte Krüger kündigte weitere Ausstände an.",
    ),
    (
        "Stadtfest",
        "Zum Stadtfest in {town} kamen am Wochenende rund {n}000 Besucher.",
        "Die Polizei meldete einen ruhigen Verlauf ohne größere Zwischenfälle.",
    ),
    (
        "Schule",
        "Die Grundschule in {town} bekommt für {n} Millionen Euro einen Anbau.",
        "Schulleiterin Petra Vogt freut sich über zusätzliche Klassenräume ab {day}. August.",
    ),
    (
        "Hochwasser",
        "Nach starkem Regen ist die Aue in {town} um {n}0 Zentimeter gestiegen.",
        "Der Krisenstab tagte am {day}. April, Keller im Unterdorf liefen voll.",
    ),
)
FILLERS = (
    "Anwohner äußerten sich am Abend gemischt.",
    "Der Stadtrat will das Thema in seiner nächsten Sitzung beraten.",
    "Weitere Einzelheiten sollen in den kommenden Tagen folgen.",
    "Die Verwaltung bat um Verständnis für die Einschränkungen.",
    "Kritik kam von der Opposition im Rathaus.",
)


def article(event: int, outlet: int) -> dict[str, str]:
    """One outlet's report of one event: the same facts, its own headline and filler."""
    topic, lead, quote = EVENTS[event % len(EVENTS)]
    town = TOWNS[event % len(TOWNS)]
    facts = {"town": town, "day": 3 + event % 20, "n": 2 + event % 7}
    fillers = [FILLERS[(outlet + k) % len(FILLERS)] for k in range(3)]
    text = " ".join([lead.format(**facts), quote.format(**facts), *fillers])
    slug = f"{topic.lower()}-{town.lower()}-{event}"
    return {
        "id": f"{slug}-{outlet}",
        "outlet": OUTLETS[outlet % len(OUTLETS)],
        "published": f"2025-{1 + event % 12:02d}-{1 + outlet:02d}",
        "url": f"https://{outlet}.example/{slug}",
        "title": f"{topic} in {town}: {OUTLETS[outlet % len(OUTLETS)]} berichtet ({event})",
        "text": text,
    }


def write_corpus(path: Path, events: int, outlets: int = 4) -> list[str]:
    """Write events × outlets articles as JSONL to `path`; their ids, in file order."""
    records = [article(e, o) for e in range(events) for o in range(outlets)]
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [r["id"] for r in records]
