"""Speaker errors on the Wikinews quotation corpus, sorted into buckets (error analysis).

    .venv/bin/python benchmarks/quality_quotes_errors.py [train|dev] [--limit N] [--list BUCKET]

Matching and speaker scoring are those of quality_quotes.py (brief mapping, any kind). Every
matched gold quote whose speaker is scored wrong is put into the first bucket that fits:

- missing: gold names a speaker, we give no speaker span at all (split by the gold form:
  pronoun, role noun, name, institution/document, other noun phrase)
- spurious: gold has no speaker, we name one
- same-person: we name the gold speaker's person but at another place in the text (the scorer
  wants span overlap or the exact gold text; counted so the scoring can be judged)
- pronoun-wrong / role-wrong / name-wrong / other-wrong: we point at another phrase, by the
  form of our speaker span
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from quality_quotes import DATA, Gold, gold_quotes, matches, mention_source, speaker_right

from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.speech import SpeechLexicon
from synopse.annotate.tokens import Tokenizer
from synopse.model import Quote

PRONOUNS = frozenset({"er", "sie", "ich", "wir", "es", "man", "ihr", "ihm", "ihn", "dieser"})
DOCUMENT_WORDS = ("angaben", "bericht", "erklärung", "mitteilung", "stellungnahme", "papier")


def speaker_form(span_text: str, lexicon: SpeechLexicon) -> str:
    """pronoun | role | institution | name | other: how a speaker phrase names someone."""
    words = span_text.replace(",", " ").split()
    if not words:
        return "none"
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    if any(d in w for w in low for d in DOCUMENT_WORDS) or lexicon.is_institution(span_text):
        return "institution"
    if any(lexicon.is_role(w.strip(".")) for w in words) and not _capital_run(words[-2:]):
        return "role"
    if _capital_run(words) and low[0] not in {"der", "die", "das", "den", "dem"}:
        return "name"
    return "other"


def _capital_run(words: list[str]) -> bool:
    return len(words) >= 1 and all(w[:1].isupper() for w in words)


def _shares_word(name: str | None, gold_text: str) -> bool:
    if not name:
        return False
    mine = {w.lower().removesuffix("s") for w in name.split() if len(w) > 2}
    theirs = {w.lower().removesuffix("s") for w in gold_text.split() if len(w) > 2}
    return bool(mine & theirs)


def bucket(quote: Quote, gold: Gold, lexicon: SpeechLexicon) -> str:
    if gold.speaker_pieces and quote.speaker is None:
        return f"missing/{speaker_form(gold.speaker_text, lexicon)}"
    if not gold.speaker_pieces:
        return "spurious"
    if _shares_word(quote.speaker_name, gold.speaker_text):
        return "same-person"
    assert quote.speaker is not None
    return f"{speaker_form(quote.speaker.text, lexicon)}-wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default="train", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--list", help='print (stderr) the cases of buckets starting so; "" for all'
    )
    args = parser.parse_args()
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        sys.exit(f"{path}: not found; the benchmark needs ../shared/devdata")
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = articles[: args.limit] if args.limit else articles
    _, recognize = mention_source()
    tokenizer, finder, lexicon = Tokenizer(), QuoteFinder(), SpeechLexicon.load()
    buckets: Counter[str] = Counter()
    matched = 0
    for article in articles:
        text = article["text"]
        sentences = tokenizer(text)
        predicted = finder(text, sentences, recognize(text, sentences))
        for gold in gold_quotes(article, "brief"):
            hits = [q for q in predicted if matches(q, Gold(q.kind.value, gold.pieces, (), ""))]
            if not hits:
                continue
            matched += 1
            if speaker_right(hits[0], gold):
                continue
            name = bucket(hits[0], gold, lexicon)
            buckets[name] += 1
            if args.list is not None and name.startswith(args.list):
                _show(f"{name} {article['id']}", text, hits[0], gold)
    wrong = sum(buckets.values())
    print(
        f"{path.name}: {len(articles)} articles, {matched} matched quotes, {wrong} wrong speakers"
    )
    for name, count in sorted(buckets.items(), key=lambda pair: -pair[1]):
        print(f"{name:<24}{count:>6}{count / matched:>8.3f}")


def _show(label: str, text: str, quote: Quote, gold: Gold) -> None:
    got = quote.speaker.text if quote.speaker else None
    gold_start = gold.speaker_pieces[0][0] if gold.speaker_pieces else quote.start
    context = text[max(0, min(quote.start, gold_start) - 80) : quote.start + 80]
    print(
        f"{label} {quote.kind.value} gold={gold.speaker_text!r} got={got!r}"
        f"->{quote.speaker_name!r} cue={quote.cue.text if quote.cue else None!r}\n"
        f"    quote: {quote.text[:70]!r}\n    context: {context!r}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
