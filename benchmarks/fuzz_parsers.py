"""Coverage-guided fuzzing (atheris / libFuzzer) of the parsers that read untrusted input:
JSON and JSONL records, HTML extraction, WARC archives, RSS/Atom feeds, the date and number
parsers. A parser may refuse an input with InputError; any other exception is a crash.

    .venv/bin/python benchmarks/fuzz_parsers.py --target html --seconds 120
    .venv/bin/python benchmarks/fuzz_parsers.py --all --seconds 120    # every target in turn

A crash prints its traceback, writes the input to `crash-<sha1>` (libFuzzer) and exits non-zero.
tests/robustness/test_fuzz.py runs every target for a few seconds in `make test`.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["synopse"]):
    from synopse.annotate.numbers import parse_digits, parse_number_word
    from synopse.clean.metadata import find_author, find_date, find_outlet
    from synopse.config import IngestSettings
    from synopse.errors import InputError
    from synopse.ingest.html import html_to_document
    from synopse.ingest.jsonl import read_json
    from synopse.ingest.warc import read_warc
    from synopse.ingest.web import Response, _parse_feed
    from synopse.model import parse_day

SETTINGS = IngestSettings()
_SCRATCH = Path(tempfile.mkdtemp(prefix="synopse-fuzz-"))


def _read_file(suffix: str, reader: Callable[..., object]) -> Callable[[bytes], None]:
    def fuzz(data: bytes) -> None:
        path = _SCRATCH / f"input{suffix}"
        path.write_bytes(data)
        for item in reader(path, SETTINGS):  # type: ignore[attr-defined]
            assert item is not None

    return fuzz


def _html(data: bytes) -> None:
    with contextlib.suppress(InputError):  # a refused page is a correct answer
        html_to_document(data, doc_id="f", source="fuzz.html", url=None, settings=SETTINGS)


def _feed(data: bytes) -> None:
    response = Response(
        "https://feed.example/",
        "https://feed.example/",
        "application/rss+xml",
        None,
        data,
        "2025-01-01T00:00:00+00:00",
    )
    with contextlib.suppress(InputError):
        _parse_feed(response)


def _dates_and_numbers(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    find_date(text), find_author(text), find_outlet(text), parse_day(text)
    for word in text.split()[:50]:
        parse_digits(word), parse_number_word(word)


_PAGE = (
    "<html><head><title>Brücke in Lindgart gesperrt</title>"
    '<meta property="article:published_time" content="2025-06-03"></head><body><article>'
    "<h1>Brücke in Lindgart gesperrt</h1><p>Die Brücke über die Aue wird ab dem 3. Juni für "
    "vier Wochen gesperrt. Bauamtsleiterin Frauke Seidel sagte, die Sanierung sei nicht länger "
    "aufzuschieben.</p><p>Der Stadtrat berät am Dienstag über Umleitungen.</p></article>"
    "</body></html>"
)
_RECORD = (
    '{"id": "a1", "outlet": "Talblatt", "published": "2025-06-03", "url": "https://t.example/a",'
    ' "title": "Brücke gesperrt", "text": "Die Brücke wird für 4 Wochen gesperrt."}'
)


def _warc(page: str) -> str:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://t.example/a\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        "WARC-Date: 2025-06-03T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http.encode())}\r\n\r\n"
    )
    return f"{head}{http}\r\n\r\n"


# Team-written seeds: libFuzzer mutates valid inputs far deeper than random bytes.
SEEDS = {
    "jsonl": f"{_RECORD}\n{_RECORD.replace('a1', 'a2')}\n",
    "json": f'{{"articles": [{_RECORD}]}}',
    "html": _PAGE,
    "warc": _warc(_PAGE),
    "feed": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Talblatt</title><item>'
        "<title>Brücke gesperrt</title><link>https://t.example/a</link>"
        "<pubDate>Tue, 03 Jun 2025 08:00:00 +0200</pubDate></item></channel></rss>"
    ),
    "dates": "Veröffentlicht: 03.06.2025, 08:00 Uhr\nVon Frauke Seidel\n2,5 Millionen zwölf 1.200",
}

TARGETS: dict[str, Callable[[bytes], None]] = {
    "jsonl": _read_file(".jsonl", read_json),
    "json": _read_file(".json", read_json),
    "html": _html,
    "warc": _read_file(".warc", read_warc),
    "feed": _feed,
    "dates": _dates_and_numbers,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=sorted(TARGETS))
    parser.add_argument("--all", action="store_true", help="every target, one process each")
    parser.add_argument("--seconds", type=int, default=60, help="per target")
    args, libfuzzer_args = parser.parse_known_args()
    if args.all:
        failed = [name for name in TARGETS if _run_alone(name, args.seconds) != 0]
        print(f"targets with crashes: {failed or 'none'}")
        sys.exit(1 if failed else 0)
    if args.target is None:
        parser.error("give --target NAME or --all")
    seeds = _SCRATCH / "seeds"
    seeds.mkdir()
    (seeds / "seed").write_text(SEEDS[args.target], encoding="utf-8")
    argv = [sys.argv[0], f"-max_total_time={args.seconds}", "-rss_limit_mb=4096", "-max_len=8192"]
    argv += [*libfuzzer_args, str(seeds)]
    atheris.Setup(argv, TARGETS[args.target])
    atheris.Fuzz()


def _run_alone(name: str, seconds: int) -> int:
    print(f"== {name}", flush=True)
    command = [sys.executable, __file__, "--target", name, "--seconds", str(seconds)]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    main()
