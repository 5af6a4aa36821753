"""Precision and recall of `synopse.clean.dedup.find_duplicates`, as a threshold curve.

Two generated sets, each from base articles that are not duplicates of one another:
  own       German reports written for synopse: the fixtures of tests/clean/test_dedup.py and
            two more events below, each event told by two outlets independently;
  wikinews  the 850 German wikinews articles of ../shared/devdata (read at run time).
From each base article the script makes copies: exact; near copies with 5/10/20/40 % of their
sentences reworded (every third word of an edited sentence replaced, so none of its 5-shingles
survive — the hardest case for shingles); syndicated (new headline line, first sentence
reworded); shortened (last third cut). Each category is run as its own batch: bases + copies.
A copy mapped to its base is a true positive; any other mapping is a false positive; a base
mapped to anything is a false positive. Precision pools the categories. Recall is pooled over
exact, 5/10/20 %, syndicated; the 40 % and shortened rows are shown but are judgement calls.

    .venv/bin/python benchmarks/quality_dedup.py
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the fixture texts live in the tests package

from tests.clean.test_dedup import STORM_AGENCY, STORM_OWN_REPORT, WAGES  # noqa: E402

from synopse.clean.dedup import find_duplicates  # noqa: E402
from synopse.model import Article  # noqa: E402

WIKINEWS = ROOT / ".." / "shared" / "devdata" / "wikinews-quotes"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
COUNTED = ("exact", "edit 5%", "edit 10%", "edit 20%", "syndicated")
SENTENCE_END = re.compile(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])")

BRIDGE_A = (
    "Die Sanierung der Rheinbrücke in Leverkusen verzögert sich um mindestens ein Jahr. "
    "Das teilte die Autobahn GmbH des Bundes am Donnerstag in Köln mit. "
    "Grund seien Risse in den Stahlträgern, die bei einer Prüfung im Herbst entdeckt wurden. "
    "Lastwagen über 3,5 Tonnen dürfen die Brücke deshalb weiterhin nicht befahren. "
    "Die Kosten für den Neubau steigen nach ersten Schätzungen auf 1,2 Milliarden Euro. "
    "Pendler müssen sich auf längere Staus im Berufsverkehr einstellen. "
    "Die Industrie- und Handelskammer forderte eine schnellere Genehmigung der Umleitungen. "
    "Der erste Teil des Neubaus soll nun Ende des kommenden Jahres freigegeben werden."
)
BRIDGE_B = (
    "Wer täglich über die Leverkusener Brücke fährt, braucht weiter Geduld. "
    "Erst im übernächsten Jahr soll der erste neue Brückenteil fertig sein, ein Jahr später "
    "als geplant. "
    "Prüfer hatten im Herbst Risse an tragenden Teilen aus Stahl gefunden. "
    "Für schwere Lastwagen bleibt die Querung gesperrt, Kontrollschranken sichern das Verbot. "
    "Die Kammer der örtlichen Unternehmen nannte die Verzögerung einen schweren Schlag für die "
    "Region. "
    "Die Baukosten sollen inzwischen bei über einer Milliarde Euro liegen. "
    "Die Autobahngesellschaft kündigte an, die Bürger regelmäßig über den Fortschritt zu "
    "informieren."
)
ELECTION_A = (
    "Bei der Oberbürgermeisterwahl in Freiburg hat keiner der sechs Kandidaten die absolute "
    "Mehrheit erreicht. "
    "Amtsinhaberin Sabine Kessler kam auf 41,3 Prozent der Stimmen. "
    "Ihr Herausforderer Jonas Brandt erhielt 33,8 Prozent. "
    "Die Wahlbeteiligung lag mit 48 Prozent leicht über dem Wert der letzten Wahl. "
    "Die Entscheidung fällt nun in einer Neuwahl in zwei Wochen. "
    "Kessler zeigte sich am Abend zuversichtlich und dankte ihren Unterstützern. "
    "Brandt kündigte an, mit den ausgeschiedenen Bewerbern über eine Unterstützung zu sprechen. "
    "Das vorläufige Endergebnis lag kurz nach 21 Uhr vor."
)
ELECTION_B = (
    "Freiburg muss noch einmal wählen. "
    "Im ersten Wahlgang verfehlte Oberbürgermeisterin Kessler mit gut 41 Prozent die nötige "
    "Mehrheit. "
    "Jonas Brandt, der für ein breites Bündnis antritt, lag knapp acht Punkte dahinter. "
    "Knapp jeder zweite Wahlberechtigte gab seine Stimme ab. "
    "„Wir haben zwei Wochen, um die Stadt zu überzeugen“, sagte Brandt vor seinen Anhängern. "
    "Die übrigen vier Bewerber blieben jeweils unter zehn Prozent. "
    "Ob sie bei der Neuwahl noch einmal antreten, ließen sie zunächst offen."
)


def own_bases() -> list[str]:
    return [
        " ".join(STORM_AGENCY),
        " ".join(STORM_OWN_REPORT),
        " ".join(WAGES),
        BRIDGE_A,
        BRIDGE_B,
        ELECTION_A,
        ELECTION_B,
    ]


def wikinews_bases() -> list[str]:
    texts = []
    for name in ("train.jsonl", "dev.jsonl"):
        with (WIKINEWS / name).open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
    return texts


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.replace("\n", " ")) if s.strip()]


def reword(sentence: str) -> str:
    words = sentence.split()
    return " ".join(f"{w}e" if n % 3 == 1 else w for n, w in enumerate(words))


def edited(share: float) -> Callable[[str, random.Random], str]:
    def make(text: str, rng: random.Random) -> str:
        parts = sentences(text)
        chosen = set(rng.sample(range(len(parts)), max(1, math.ceil(share * len(parts)))))
        return " ".join(reword(s) if n in chosen else s for n, s in enumerate(parts))

    return make


def syndicated(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    return "\n".join(["Eilmeldung: Neue Entwicklungen", reword(parts[0]), *parts[1:]])


def shortened(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    return " ".join(parts[: max(1, math.ceil(len(parts) * 2 / 3))])


CATEGORIES: dict[str, Callable[[str, random.Random], str]] = {
    "exact": lambda text, rng: text,
    "edit 5%": edited(0.05),
    "edit 10%": edited(0.10),
    "edit 20%": edited(0.20),
    "edit 40%": edited(0.40),
    "syndicated": syndicated,
    "shortened 1/3": shortened,
}


def batch(bases: list[str], make: Callable[[str, random.Random], str]) -> list[Article]:
    rng = random.Random(7)
    originals = [Article(f"b{n}", "", text, published="2025-01-01") for n, text in enumerate(bases)]
    copies = [
        Article(f"c{n}", "", make(text, rng), published="2025-01-02")
        for n, text in enumerate(bases)
    ]
    return originals + copies


def evaluate(name: str, bases: list[str]) -> None:
    print(f"== {name}: {len(bases)} base articles, one copy of each per category")
    batches = {category: batch(bases, make) for category, make in CATEGORIES.items()}
    print(
        f"{'threshold':>9} " + " ".join(f"{c:>13}" for c in CATEGORIES) + "   P      R      F1    s"
    )
    for threshold in THRESHOLDS:
        start = time.perf_counter()
        found = {c: find_duplicates(articles, threshold) for c, articles in batches.items()}
        seconds = time.perf_counter() - start
        recall = {
            c: sum(v == "b" + k[1:] for k, v in f.items() if k[0] == "c") / len(bases)
            for c, f in found.items()
        }
        wrong = sum(
            1 for f in found.values() for k, v in f.items() if v != "b" + k[1:] or k[0] == "b"
        )
        right = sum(round(recall[c] * len(bases)) for c in found)
        precision = right / max(right + wrong, 1)
        pooled = sum(recall[c] for c in COUNTED) / len(COUNTED)
        f1 = 2 * precision * pooled / max(precision + pooled, 1e-9)
        cells = " ".join(f"{recall[c]:13.3f}" for c in CATEGORIES)
        print(f"{threshold:9.1f} {cells}   {precision:.3f}  {pooled:.3f}  {f1:.3f}  {seconds:.1f}")
    negatives = find_duplicates([Article(f"b{n}", "", t) for n, t in enumerate(bases)], 0.8)
    print(f"base articles alone at 0.8: {len(negatives)} flagged {sorted(negatives.items())[:5]}")


def main() -> None:
    evaluate("own German texts", own_bases())
    if WIKINEWS.is_dir():
        evaluate("wikinews (devdata)", wikinews_bases())
    else:
        print(f"{WIKINEWS} is not present; wikinews set skipped")


if __name__ == "__main__":
    main()
