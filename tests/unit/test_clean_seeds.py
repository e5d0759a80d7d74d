"""The cleaner on the three seed articles: titles, dates, authors, sources, whole bodies."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from diplomareader.clean import clean_document
from diplomareader.ingest import read_document
from diplomareader.model import CleanedDocument


def _clean(path: Path) -> CleanedDocument:
    """Read and clean one seed."""
    return clean_document(read_document(str(path)))


def _norm(text: str) -> list[str]:
    """Tokens as the scorers compare titles."""
    return re.findall(r"\w+", text.lower())


def _paragraphs(doc: CleanedDocument) -> list[str]:
    """The body's paragraphs."""
    return doc.body.split("\n\n")


def test_qazaq_seed(seed_paths: dict[str, Path]) -> None:
    """Title, date, Kazinform dateline kept at the head and used as source; lists dropped."""
    doc = _clean(seed_paths["qazaq"])
    assert doc.title == "Kazakhstan announces its position on referendums in DPR and LPR"
    assert doc.date == dt.date(2022, 9, 26)
    assert doc.source == "Kazinform"
    paragraphs = _paragraphs(doc)
    assert paragraphs[0].startswith("ASTANA. KAZINFORM Official Spokesperson")
    assert len(paragraphs) == 4
    assert paragraphs[-1].startswith("«As the same time, Kazakhstan believes")
    assert paragraphs[-1].endswith("he added.")
    for furniture in (
        "Related news",
        "Read also",
        "Popular",
        "News Partner",
        "Main Page",
        "Kostanay forest fire",
        "Archive",
        "Телерадиокомпания",
    ):
        assert furniture not in doc.body


def test_embassy_seed(seed_paths: dict[str, Path]) -> None:
    """Caption and photo credit dropped, 'About the Embassy' block dropped, embassy as source."""
    doc = _clean(seed_paths["embassy"])
    assert (
        doc.title == "Kazakhstan Favors Neutrality in Current Geopolitical Situation, Says Tokayev"
    )
    assert doc.date == dt.date(2022, 9, 29)
    assert doc.source is not None and "Embassy" in doc.source and "Kazakhstan" in doc.source
    paragraphs = _paragraphs(doc)
    assert paragraphs[0].startswith("“In this difficult situation, Kazakhstan takes a neutral")
    assert paragraphs[-1].endswith("Tokayev noted.")
    assert len(paragraphs) == 6
    assert any(p.startswith("Tokayev added that") for p in paragraphs)
    for furniture in (
        "Photo credit",
        "giving speech in Turkistan",
        "About the Embassy",
        "Kingdom of Sweden",
        "Aibek Yessey",
        "13:38News",
    ):
        assert furniture not in doc.body
    assert doc.report.dropped.get("caption") == 2


def test_orda_seed(seed_paths: dict[str, Path]) -> None:
    """Colon-introduced quotes and the paragraphs after them kept; author from the byline."""
    doc = _clean(seed_paths["orda"])
    expected = "Lavrov Says He Disagrees with Toqayev’s 2022 Remarks on Territorial Integrity"
    assert _norm(doc.title) == _norm(expected)
    assert doc.title == expected
    assert doc.author == "Igor Ulitin"
    assert doc.source == "Orda.kz"
    paragraphs = _paragraphs(doc)
    assert paragraphs[0].startswith("Russian Foreign Minister Sergey Lavrov has expressed")
    assert "Tokayev had said:" in paragraphs
    assert "Responding to the question, Lavrov said:" in paragraphs
    said = paragraphs.index("Tokayev had said:")
    assert paragraphs[said + 1].startswith("It is estimated that if the right of nations")
    answer = paragraphs.index("Responding to the question, Lavrov said:")
    assert paragraphs[answer + 1].startswith("I remember this speech by the President")
    assert paragraphs[-1].endswith("with their Western colleagues.”")
    assert len(paragraphs) == 11
    for furniture in (
        "Photo: Igor Ulitin",
        "Original Author",
        "Latest news",
        "Temirtau",
        "Pashinyan",
    ):
        assert furniture not in doc.body


@pytest.mark.parametrize("name", ["qazaq", "embassy", "orda"])
def test_seed_body_format(seed_paths: dict[str, Path], name: str) -> None:
    """Paragraphs separated by one blank line, no outer whitespace; a report of what was done."""
    doc = _clean(seed_paths[name])
    assert doc.body == doc.body.strip()
    assert "\n\n\n" not in doc.body
    assert all(p.strip() == p and p for p in _paragraphs(doc))
    assert doc.report.method == "text-dump"
    assert doc.report.lines_kept == len(_paragraphs(doc))
    assert doc.report.lines_in == doc.report.lines_kept + sum(doc.report.dropped.values())
