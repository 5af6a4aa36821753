# ruff: noqa: E501  (news paragraphs are one line each, as in the inputs synopse reads)
"""Small invented German articles for store and web tests (team-written, not from any outlet).

Two outlets report the same bridge closure with differing figures; a third article is about
an unrelated election, and one more joins the bridge story later.
"""

from __future__ import annotations

from pathlib import Path

BRIDGE_WESERKURIER = """Brücke in Lindenau gesperrt: Risse im Beton entdeckt

Veröffentlicht: 04.03.2025, 09:12 Uhr

Lindenau, 4. März 2025. Die Lindenauer Talbrücke ist seit Montag für den gesamten Verkehr gesperrt. Prüfer hatten bei einer Routinekontrolle Risse in zwei Pfeilern entdeckt, teilte das Landesamt für Straßenbau mit.

„Wir gehen kein Risiko ein“, sagte Baudirektorin Katrin Vollmer am Montag. Die Sperrung werde mindestens sechs Wochen dauern.

Täglich überqueren rund 18.000 Fahrzeuge die Brücke. Die Umleitung führt über Bergheim und verlängert die Fahrt um etwa 20 Minuten.
"""

BRIDGE_TALBOTE = """Talbrücke Lindenau dicht – Pendler müssen Umwege fahren

Veröffentlicht: 04.03.2025, 11:40 Uhr

Lindenau, 4. März 2025. Wegen Rissen in mehreren Pfeilern hat das Landesamt für Straßenbau die Talbrücke bei Lindenau gesperrt. Die Brücke bleibt nach Angaben der Behörde mindestens zwei Monate geschlossen.

Baudirektorin Katrin Vollmer sagte, man gehe kein Risiko ein. Über die Brücke fahren täglich etwa 21.000 Fahrzeuge.

Bürgermeister Jonas Albrecht forderte eine schnelle Sanierung: „Die Menschen in Lindenau brauchen diese Brücke.“

© 2025 Talbote Medien GmbH
"""

BRIDGE_LATER = """Sanierung der Talbrücke Lindenau soll im Sommer beginnen

Veröffentlicht: 06.03.2025, 16:05 Uhr

Lindenau, 6. März 2025. Die Sanierung der gesperrten Talbrücke in Lindenau soll im Juli beginnen. Das kündigte Baudirektorin Katrin Vollmer am Mittwoch an.

Die Risse in den Pfeilern seien tiefer als zunächst angenommen, sagte Vollmer. Bürgermeister Jonas Albrecht begrüßte den Zeitplan.

© 2025 Landesecho Verlag GmbH
"""

ELECTION = """Neuer Landrat in Bergheim gewählt

Veröffentlicht: 02.03.2025, 22:30 Uhr

Bergheim, 2. März 2025. Der Kreis Bergheim hat einen neuen Landrat: Matthias Krüger setzte sich in der Stichwahl mit 56,4 Prozent der Stimmen gegen Petra Lenz durch.

„Ich danke allen Wählerinnen und Wählern“, sagte Krüger am Wahlabend. Die Wahlbeteiligung lag bei 41 Prozent.

© 2025 Talbote Medien GmbH
"""

FIRST_BATCH = {
    "weserkurier_bruecke.txt": BRIDGE_WESERKURIER,
    "talbote_bruecke.txt": BRIDGE_TALBOTE,
    "talbote_landrat.txt": ELECTION,
}


def write_articles(directory: Path, articles: dict[str, str]) -> list[str]:
    """The files written, as path strings, in the given order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles.items():
        (directory / name).write_text(text, encoding="utf-8")
        paths.append(str(directory / name))
    return paths
