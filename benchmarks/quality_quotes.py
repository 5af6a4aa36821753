"""Quote finding and speaker attribution measured on the German Wikinews quotation corpus.

    .venv/bin/python benchmarks/quality_quotes.py [dev|train] [--limit N] [--ne-runs]

A predicted quote matches a gold quote of the same kind family when their character overlap is
at least half of the shorter one. Speaker accuracy is measured on matched gold quotes: the
predicted speaker span overlaps the gold speaker span, or the predicted name equals the gold
speaker text with a genitive "s" stripped (no speaker on both sides counts as right). The
"person" column also counts as right a resolved name that shares the surname or head word with
the gold speaker text (the person named at another place than the gold span), or that is an
abbreviation of it or the reverse (`quality_quotes_gold.abbreviates`: "RKI" for
"Robert-Koch-Institut").

Two family mappings are printed:
- corpus: Direct -> direct; Indirect, FreeIndirect, IndirectFreeIndirect -> indirect;
  Reported -> reported (the corpus's own "Reported" is a summary like "spricht von …").
- brief: as corpus, but gold Indirect quotes whose cue is an attribution marker ("laut",
  "nach", "zufolge", "gemäß", "wie … mitteilte", "hieß es") count as reported, which is what
  synopse calls reported speech.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quality_quotes_gold import abbreviates

from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType, Mention, Quote, Sentence

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "devdata" / "wikinews-quotes"
KINDS = ("direct", "indirect", "reported")
CORPUS_FAMILY = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "Reported": "reported",
}
MARKER_CUES = frozenset({"laut", "nach", "zufolge", "gemäß", "demnach", "heißt", "hieß", "wie"})


@dataclass(frozen=True, slots=True)
class Gold:
    family: str
    pieces: tuple[tuple[int, int], ...]
    speaker_pieces: tuple[tuple[int, int], ...]
    speaker_text: str


@dataclass
class Tally:
    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0
    speaker_right: int = 0
    speaker_same_person: int = 0  # right, or the gold speaker's person named elsewhere

    def row(self, name: str) -> str:
        precision = self.predicted_matched / self.predicted if self.predicted else 0.0
        recall = self.gold_matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speaker = self.speaker_right / self.gold_matched if self.gold_matched else 0.0
        person = self.speaker_same_person / self.gold_matched if self.gold_matched else 0.0
        return (
            f"{name:<10}{self.gold:>6}{self.predicted:>6}{precision:>8.3f}{recall:>8.3f}"
            f"{f1:>8.3f}{speaker:>10.3f}{person:>10.3f}"
        )


def brief_family(annotation: dict[str, object], text: str) -> str:
    family = CORPUS_FAMILY[str(annotation["type"])]
    cue_pieces = annotation["cue"]
    assert isinstance(cue_pieces, list)
    cue_words = {text[s:e].lower() for s, e in cue_pieces}
    if annotation["type"] == "Indirect" and cue_words & MARKER_CUES:
        return "reported"
    return family


def gold_quotes(article: dict[str, object], mapping: str) -> list[Gold]:
    text = str(article["text"])
    found = []
    annotations = article["annotations"]
    assert isinstance(annotations, list)
    for annotation in annotations:
        family = CORPUS_FAMILY[annotation["type"]]
        if mapping == "brief":
            family = brief_family(annotation, text)
        speaker = tuple((s, e) for s, e in annotation["speaker"])
        speaker_text = " ".join(text[s:e] for s, e in speaker)
        pieces = tuple((s, e) for s, e in annotation["quote"])
        found.append(Gold(family, pieces, speaker, speaker_text))
    return found


def overlap(a: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in pieces)


def matches(quote: Quote, gold: Gold) -> bool:
    if quote.kind.value != gold.family:
        return False
    shorter = min(quote.end - quote.start, sum(e - s for s, e in gold.pieces))
    return shorter > 0 and overlap((quote.start, quote.end), gold.pieces) * 2 >= shorter


def speaker_right(quote: Quote, gold: Gold) -> bool:
    if not gold.speaker_pieces:
        return quote.speaker is None
    if quote.speaker and overlap((quote.speaker.start, quote.speaker.end), gold.speaker_pieces):
        return True
    stripped = gold.speaker_text.removesuffix("s") if len(gold.speaker_text) > 3 else ""
    return quote.speaker_name in {gold.speaker_text, stripped}


def same_person(quote: Quote, gold: Gold) -> bool:
    """Speaker right by span (as `speaker_right`) or by person: our resolved name and the gold
    speaker text share the surname or head word ("Steffen Seibert" for gold "Seibert" named in
    another sentence). The span rule alone counts a right speaker named elsewhere as wrong."""
    if speaker_right(quote, gold):
        return True
    if not gold.speaker_pieces or not quote.speaker_name:
        return False
    name, gold_name = quote.speaker_name, gold.speaker_text
    if abbreviates(name, gold_name) or abbreviates(gold_name, name):
        return True  # "RKI" for gold "Robert-Koch-Institut"
    mine, theirs = _name_words(quote.speaker_name), _name_words(gold.speaker_text)
    return bool(mine and theirs) and (mine[-1] in theirs or theirs[-1] in mine)


def _name_words(name: str) -> list[str]:
    words = [w.strip('.,;:()„“"').lower() for w in name.replace("-", " ").split()]
    return [w.removesuffix("s") if len(w) > 4 else w for w in words if len(w) > 2]


def score(tallies: dict[str, Tally], predicted: Sequence[Quote], golds: Sequence[Gold]) -> None:
    for family in (*KINDS, "any"):
        tally = tallies[family]
        mine = [q for q in predicted if family in {"any", q.kind.value}]
        theirs = [g for g in golds if family in {"any", g.family}]
        relax = family == "any"
        tally.predicted += len(mine)
        tally.gold += len(theirs)
        tally.predicted_matched += sum(any(_match(q, g, relax) for g in theirs) for q in mine)
        for gold in theirs:
            hits = [q for q in mine if _match(q, gold, relax)]
            tally.gold_matched += bool(hits)
            tally.speaker_right += bool(hits) and speaker_right(hits[0], gold)
            tally.speaker_same_person += bool(hits) and same_person(hits[0], gold)


def _match(quote: Quote, gold: Gold, any_kind: bool) -> bool:
    if any_kind:
        return matches(quote, Gold(quote.kind.value, gold.pieces, (), ""))
    return matches(quote, gold)


def mention_source() -> tuple[str, Callable[[str, Sequence[Sentence]], tuple[Mention, ...]]]:
    try:
        from synopse.annotate.entities import EntityRecognizer

        recognizer = EntityRecognizer()
        recognizer("Bundeskanzler Olaf Scholz sagte am Montag in Berlin etwas.", ())
    except Exception as error:  # any failure means the fallback is used, and we say so
        print(f"EntityRecognizer unusable ({error!r}); using NE runs", file=sys.stderr)
        return "NE-tag runs as PER mentions (fallback)", ne_runs
    return "synopse.annotate.entities.EntityRecognizer", recognizer


def ne_runs(text: str, sentences: Sequence[Sentence]) -> tuple[Mention, ...]:
    found = []
    for sentence in sentences:
        run: list[int] = []
        for index, token in enumerate((*sentence.tokens, None)):
            if token is not None and token.pos == "NE":
                run.append(index)
                continue
            if run:
                start, end = sentence.tokens[run[0]].start, sentence.tokens[run[-1]].end
                name = text[start:end]
                found.append(Mention(start, end, name, EntityType.PER, name.split()[-1]))
            run = []
    return tuple(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--ne-runs", action="store_true", help="mentions from NE-tag runs, not EntityRecognizer"
    )
    args = parser.parse_args()
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        sys.exit(f"{path}: not found; the benchmark needs ../shared/devdata")
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = articles[: args.limit] if args.limit else articles
    source, recognize = (
        ("NE-tag runs as PER mentions", ne_runs) if args.ne_runs else mention_source()
    )
    tokenizer, finder = Tokenizer(), QuoteFinder()
    tallies = {m: {k: Tally() for k in (*KINDS, "any")} for m in ("corpus", "brief")}
    for article in articles:
        sentences = tokenizer(article["text"])
        predicted = finder(article["text"], sentences, recognize(article["text"], sentences))
        for mapping, table in tallies.items():
            score(table, predicted, gold_quotes(article, mapping))
    print(f"{path.name}: {len(articles)} articles; mentions from {source}")
    for mapping, table in tallies.items():
        print(f"\nfamily mapping: {mapping}")
        print(
            f"{'kind':<10}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'speaker':>10}"
            f"{'person':>10}"
        )
        for kind, tally in table.items():
            print(tally.row(kind))


if __name__ == "__main__":
    main()
