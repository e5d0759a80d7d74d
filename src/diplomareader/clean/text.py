"""The text-dump path: article region, kept paragraphs and metadata from a page's text."""

from __future__ import annotations

from diplomareader.clean.normalize import join_paragraphs
from diplomareader.clean.textdump import analyse, select
from diplomareader.clean.textmeta import find_author, find_date, find_source, find_title, find_url
from diplomareader.model import CleanedDocument, CleaningReport, RawDocument


def clean_text_dump(raw: RawDocument, fallback_title: str) -> CleanedDocument:
    """Clean a plain-text dump of a web page."""
    analysis = analyse(raw.text)
    title = find_title(analysis)
    select(analysis, title)
    kept = analysis.kept
    report = CleaningReport(
        method="text-dump",
        lines_in=len(analysis.lines),
        lines_kept=len(kept),
        dropped={reason: n for reason, n in analysis.dropped.items() if n},
        encoding=raw.encoding,
    )
    return CleanedDocument(
        title=title or fallback_title,
        body=join_paragraphs([line.text for line in kept]),
        date=find_date(analysis),
        source=find_source(analysis, kept),
        author=find_author(analysis),
        url=find_url(analysis),
        report=report,
    )
