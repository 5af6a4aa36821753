"""Issue 5, "across outlets", end to end: three outlets report one event (team-written text).

The same quote in all three becomes one quote with three sources; a statement translated from
English in two wordings is one quote flagged "wording differs" with both wordings shown; the
report groups quotes by speaker with their outlets in report.json, report.md and report.html,
and so does the web app's story page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from synopse.brief.render import write_reports
from synopse.brief.report_json import report_to_dict
from synopse.config import Settings
from synopse.model import Report
from synopse.pipeline import analyze
from synopse.store.memory import MemoryRepository
from tests.web.conftest import make_client

SAME = "Wir werden diesen Hafen nicht im Stich lassen."
WORDING_A = "Der Hafen Hamburg ist für unser Geschäft in Europa unverzichtbar."
WORDING_B = "Der Hamburger Hafen bleibt für unser Geschäft in Europa unersetzlich."

ARTICLES = [
    {
        "id": "elbkurier-hafen",
        "outlet": "Elbkurier",
        "published": "2026-03-04T09:00:00+01:00",
        "title": "Reederei Harlow Lines bleibt trotz Streiks im Hamburger Hafen",
        "text": (
            "Trotz des Streiks der Hafenarbeiter will die US-Reederei Harlow Lines ihre "
            "Containerschiffe weiter in Hamburg abfertigen lassen. Reederei-Chef John Harlow "
            f"sagte am Dienstag in einer Videokonferenz: „{WORDING_A}“ Der Streik legt seit "
            "Montag drei Terminals lahm.\n\n"
            "Hafensenatorin Jana Köster zeigte sich erleichtert. "
            f"„{SAME}“, sagte Köster im Rathaus. Die Gewerkschaft Verdi fordert zwölf Prozent "
            "mehr Lohn für die rund 4.000 Beschäftigten an den Terminals."
        ),
    },
    {
        "id": "nordblatt-hafen",
        "outlet": "Nordblatt",
        "published": "2026-03-04T11:30:00+01:00",
        "title": "Hafenstreik in Hamburg: Harlow Lines hält an Hamburg fest",
        "text": (
            "Der Streik der Hafenarbeiter in Hamburg dauert an, doch die amerikanische "
            "Reederei Harlow Lines bleibt. Reederei-Chef John Harlow sagte am Dienstag: "
            f"„{WORDING_B}“ Seit Montag stehen drei Terminals still.\n\n"
            f"Hafensenatorin Jana Köster sagte: „{SAME}“ Verdi verlangt für die Beschäftigten "
            "an den Terminals zwölf Prozent mehr Lohn."
        ),
    },
    {
        "id": "hansepost-hafen",
        "outlet": "Hansepost",
        "published": "2026-03-04T14:00:00+01:00",
        "title": "Streik legt Hamburger Hafen lahm – Senatorin Köster gibt sich kämpferisch",
        "text": (
            "Der Streik der Hafenarbeiter hat am Dienstag erneut drei Terminals im Hamburger "
            "Hafen lahmgelegt. Verdi fordert zwölf Prozent mehr Lohn für die Beschäftigten.\n\n"
            f"»{SAME}«, sagte Hafensenatorin Jana Köster. Die Reederei Harlow Lines will "
            "ihre Schiffe trotz des Streiks weiter in Hamburg abfertigen lassen."
        ),
    },
]
OUTLETS = {"Elbkurier", "Nordblatt", "Hansepost"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outlets")
    (folder / "hafen.jsonl").write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def report(folder: Path) -> Report:
    return analyze([str(folder / "hafen.jsonl")], Settings())


@pytest.fixture(scope="module")
def reports(report: Report, folder: Path) -> dict[str, Path]:
    return write_reports(report, folder / "out")


def _story_quotes(reports: dict[str, Path]) -> list[dict[str, Any]]:
    data = json.loads(reports["json"].read_text(encoding="utf-8"))
    (story,) = [s for s in data["stories"] if len(s["article_ids"]) == len(ARTICLES)]
    return list(story["quotes"])


def _quote_with(quotes: list[dict[str, Any]], words: str) -> dict[str, Any]:
    (quote,) = [q for q in quotes if any(s["text"] == words for s in q["sources"])]
    return quote


def test_the_same_quote_in_three_outlets_is_one_quote_with_all_three_sources(
    reports: dict[str, Path],
) -> None:
    quote = _quote_with(_story_quotes(reports), SAME)
    assert sorted(s["article_id"] for s in quote["sources"]) == sorted(a["id"] for a in ARTICLES)
    assert {s["text"] for s in quote["sources"]} == {SAME}
    assert quote["speaker_name"] == "Jana Köster"
    assert not quote["wording_differs"]


def test_two_translations_by_one_speaker_are_one_quote_whose_wording_differs(
    reports: dict[str, Path],
) -> None:
    quote = _quote_with(_story_quotes(reports), WORDING_A)
    assert quote["wording_differs"]
    assert {s["text"] for s in quote["sources"]} == {WORDING_A, WORDING_B}
    assert quote["speaker_name"] == "John Harlow"


def test_the_markdown_report_groups_quotes_by_speaker_with_their_outlets(
    reports: dict[str, Path],
) -> None:
    markdown = reports["md"].read_text(encoding="utf-8")
    section = markdown.split("### Who said what", 1)[1].split("### Who is who", 1)[0]
    koester = section.split("- **Jana Köster**", 1)[1].split("- **", 1)[0]
    assert SAME in koester and all(outlet in koester for outlet in OUTLETS)
    assert koester.count(SAME) == 1
    harlow = section.split("- **John Harlow**", 1)[1].split("- **", 1)[0]
    assert "wording differs between outlets" in harlow
    assert WORDING_A in harlow and WORDING_B in harlow
    assert "Elbkurier" in harlow and "Nordblatt" in harlow


def test_the_html_report_groups_quotes_by_speaker_with_their_outlets(
    reports: dict[str, Path],
) -> None:
    page = reports["html"].read_text(encoding="utf-8")
    section = page.split("<h3>Who said what</h3>", 1)[1].split("<h3>Who is who</h3>", 1)[0]
    koester = section.split("<h4>Jana Köster", 1)[1].split("<h4>", 1)[0]
    assert "1 quote in 3 articles" in koester
    assert koester.count(SAME) == 1
    assert all(f"[{outlet}]" in koester for outlet in OUTLETS)
    harlow = section.split("<h4>John Harlow", 1)[1].split("<h4>", 1)[0]
    assert "1 quote in 2 articles" in harlow
    assert "wording differs between outlets" in harlow
    assert WORDING_A in harlow and WORDING_B in harlow
    assert "[Elbkurier]" in harlow and "[Nordblatt]" in harlow


def test_the_web_story_page_shows_every_outlet_of_a_quote_and_both_wordings(
    report: Report,
) -> None:
    data = report_to_dict(report)
    (story,) = [s for s in data["stories"] if len(s["article_ids"]) == len(ARTICLES)]
    client = make_client(MemoryRepository.from_report(data))
    page = client.get(f"/stories/{story['id']}").text
    section = page.split("<h3>Who said what</h3>", 1)[1].split("<h3>", 1)[0]
    koester = section.split(">Jana Köster</a>", 1)[1].split("<h4>", 1)[0]
    assert "1 quote in 3 articles" in koester and koester.count(SAME) == 1
    assert all(f"[{outlet}]" in koester for outlet in OUTLETS)
    harlow = section.split(">John Harlow</a>", 1)[1].split("<h4>", 1)[0]
    assert "wording differs between outlets" in harlow
    assert WORDING_A in harlow and WORDING_B in harlow
