"""Cleaning Markdown with front matter and HTML pages (small hand-written files)."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from diplomareader.clean import clean_document
from diplomareader.ingest import read_document
from diplomareader.model import CleanedDocument

PROSE = (
    "The two leaders discussed regional security and economic cooperation, and agreed to "
    "continue close consultations on the situation in the region in the coming weeks."
)
PROSE2 = (
    "They also welcomed the progress made by their foreign ministers on a new framework "
    "for trade and transport links between the two countries and their neighbours."
)


def _clean_file(path: Path) -> CleanedDocument:
    """Read and clean one file."""
    return clean_document(read_document(str(path)))


def test_markdown_front_matter_and_wrapped_paragraphs(tmp_path: Path) -> None:
    """Front matter gives title, date, URL and source; wrapped lines join into paragraphs."""
    text = (
        "---\ntags: statements-releases\ndate: '2021-01-22'\n"
        "source_url: https://www.whitehouse.gov/briefing-room/2021/01/22/readout/\n"
        'title: "Readout of a Call with the Prime\\\n  \\ Minister of Canada"\n---\n \n'
        "The two leaders discussed regional security and economic cooperation, and\n"
        "agreed to continue close consultations on the situation in the region in\n"
        "the coming weeks.\n\n## Next steps\n\n" + PROSE2 + "\n\n\\###\n"
    )
    path = tmp_path / "readout.md"
    path.write_text(text, encoding="utf-8")
    doc = _clean_file(path)
    assert doc.title == "Readout of a Call with the Prime Minister of Canada"
    assert doc.date == dt.date(2021, 1, 22)
    assert doc.url is not None and doc.url.startswith("https://www.whitehouse.gov/")
    assert doc.source == "The White House"
    assert doc.body.split("\n\n") == [PROSE, "Next steps", PROSE2]
    assert doc.report.method == "markdown"
    assert doc.report.dropped == {"end-mark": 1}


def test_markdown_malformed_front_matter(tmp_path: Path) -> None:
    """Broken YAML is read leniently; the body is still cleaned."""
    text = '---\ntitle: "Unclosed quote\ndate: 2023-05-04\n: : bad\n---\n\n' + PROSE + "\n"
    path = tmp_path / "broken.md"
    path.write_text(text, encoding="utf-8")
    doc = _clean_file(path)
    assert doc.body == PROSE
    assert doc.title
    assert doc.date == dt.date(2023, 5, 4)


def _html_page() -> str:
    """A small news page with metadata, navigation, a caption and a related list."""
    paragraphs = "".join(f"<p>{p}</p>" for p in (PROSE, PROSE2, PROSE.replace("two", "both")))
    return f"""<!doctype html><html><head>
<title>Leaders agree on closer ties | The Daily Example</title>
<meta property="og:title" content="Leaders agree on closer ties">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-02-03T10:00:00Z">
<meta name="author" content="Jane Example">
<link rel="canonical" href="https://example.org/news/leaders-agree">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Leaders agree on closer ties</h1>
<figure><img src="a.jpg">
<figcaption>The leaders in the capital. Photo: John Doe</figcaption></figure>
{paragraphs}
<p>Photo credit: Press service</p>
<h3>Read also</h3><ul><li><a href="/x">Storm hits the coast</a></li></ul>
</article>
<footer><p>&copy; 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>"""


def test_html_page_body_and_metadata(tmp_path: Path) -> None:
    """Body paragraphs kept, furniture dropped, metadata from the markup."""
    path = tmp_path / "page.html"
    path.write_text(_html_page(), encoding="utf-8")
    doc = _clean_file(path)
    assert doc.title == "Leaders agree on closer ties"
    assert doc.date == dt.date(2024, 2, 3)
    assert doc.author == "Jane Example"
    assert doc.source == "The Daily Example"
    assert doc.url == "https://example.org/news/leaders-agree"
    paragraphs = doc.body.split("\n\n")
    assert paragraphs[:2] == [PROSE, PROSE2]
    for furniture in ("Home", "Photo credit", "Storm hits", "All rights reserved", "John Doe"):
        assert furniture not in doc.body
    assert doc.report.method.startswith("html")


def test_html_gz_and_entities(tmp_path: Path) -> None:
    """Gzip-compressed HTML is read; entities in the text are decoded."""
    page = _html_page().replace("economic cooperation", "economic cooperation &amp; trade")
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page.encode("utf-8")))
    doc = _clean_file(path)
    assert "cooperation & trade" in doc.body


def test_html_broken_markup(tmp_path: Path) -> None:
    """Unclosed tags do not stop extraction."""
    page = "<html><head><title>Broken page</title><body><div><p>" + PROSE + "<p>" + PROSE2
    path = tmp_path / "broken.html"
    path.write_text(page, encoding="utf-8")
    doc = _clean_file(path)
    assert PROSE in doc.body and PROSE2 in doc.body
    assert doc.title == "Broken page"
