"""The pipeline on small corpora written for the test."""

from __future__ import annotations

from pathlib import Path

from synopse.config import Settings
from synopse.pipeline import analyze

ARTICLE = """Neue Stadtbahn für Kassel beschlossen

Der Stadtrat von Kassel hat am Montag den Bau einer neuen Stadtbahnlinie beschlossen. Die Strecke
soll rund zwölf Kilometer lang werden und den Hauptbahnhof mit dem Stadtteil Waldau verbinden.

Oberbürgermeisterin Petra Lenz sagte, die Linie sei ein wichtiger Schritt für den Klimaschutz.
Die Kosten werden auf etwa 180 Millionen Euro geschätzt. Baubeginn soll im Frühjahr 2026 sein.

Kritik kam von der Opposition. Fraktionschef Jonas Berger bezweifelte, dass der Zeitplan hält.
"""


def test_a_same_outlet_copy_is_marked_and_left_out_of_stories_but_another_outlet_counts(
    tmp_path: Path,
) -> None:
    (tmp_path / "nordbote_stadtbahn.txt").write_text(ARTICLE + "\n© 2024 Nordbote Verlag GmbH\n")
    (tmp_path / "nordbote_stadtbahn_kopie.txt").write_text(
        ARTICLE + "\n© 2024 Nordbote Verlag GmbH\n"
    )
    (tmp_path / "waldecker_stadtbahn.txt").write_text(ARTICLE + "\n© 2024 Waldecker Kurier GmbH\n")
    report = analyze([str(tmp_path)], Settings())
    marks = {a.id: a.duplicate_of for a in report.articles}
    assert marks == {
        "nordbote_stadtbahn": None,
        "nordbote_stadtbahn_kopie": "nordbote_stadtbahn",
        "waldecker_stadtbahn": "nordbote_stadtbahn",
    }
    [story] = report.stories
    assert set(story.article_ids) == {"nordbote_stadtbahn", "waldecker_stadtbahn"}


def test_analyses_in_one_process_share_one_annotator_per_settings() -> None:
    from synopse.annotate.annotator import shared_annotator
    from synopse.config import AnnotateSettings

    assert shared_annotator(AnnotateSettings()) is shared_annotator(AnnotateSettings())
