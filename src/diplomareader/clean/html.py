"""The HTML path: metadata from the page's markup, body from trafilatura plus our own rules.

The page is parsed once with lxml. Metadata is read first (``htmlmeta``); then trafilatura
(fast mode: no fallback extractors) extracts the main text, and the same line signals as
for text dumps drop what it lets through: photo credits and captions, "Read also" and
"Related" link lists, share and subscribe prompts, and everything after a heading that ends
an article ("Comments", "About us").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Final

import trafilatura
from htmldate import find_date

from diplomareader.clean.dates import dayfirst_for_language, parse_date
from diplomareader.clean.htmlmeta import PageMeta, extract_page_meta
from diplomareader.clean.htmlparse import parse_html
from diplomareader.clean.htmltext import visible_lines
from diplomareader.clean.lines import (
    Line,
    byline_name,
    heading_key,
    is_boilerplate,
    is_credit,
    is_prose,
    is_section_heading,
    is_terminal_heading,
    measure,
)
from diplomareader.clean.normalize import join_paragraphs, normalize_line, split_lines
from diplomareader.clean.sources import dateline_source, host_source, reports_source
from diplomareader.clean.textdump import analyse_lines, select
from diplomareader.clean.textmeta import find_author, headline_above_article, locate_date
from diplomareader.model import CleanedDocument, CleaningReport, RawDocument


def _extract_body(tree: Any) -> str:
    """Main text of the page by trafilatura (one paragraph per line), or "" when none."""
    try:
        text = trafilatura.extract(
            tree,
            fast=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return ""
    return text or ""


def filter_paragraphs(paragraphs: list[str], title: str | None) -> tuple[list[Line], Counter[str]]:
    """Drop furniture left among extracted paragraphs; return the kept lines and the counts."""
    lines = [measure(i, text, True) for i, text in enumerate(paragraphs) if text]
    title_key = heading_key(title) if title else None
    dropped: Counter[str] = Counter()
    kept: list[Line] = []
    skipping_links = False
    for position, line in enumerate(lines):
        if is_terminal_heading(line) and _prose_count(kept) >= 1:
            dropped["after-article"] += len(lines) - position
            break
        if is_section_heading(line):
            dropped["link-list"] += 1
            skipping_links = True
            continue
        if skipping_links and not is_prose(line) and not line.sentence_end and not line.colon_end:
            dropped["link-list"] += 1
            continue
        skipping_links = False
        reason = _reason(line, title_key, not kept)
        if reason:
            dropped[reason] += 1
        else:
            kept.append(line)
    return kept, dropped


def _prose_count(kept: list[Line]) -> int:
    """How many kept lines are prose."""
    return sum(1 for line in kept if is_prose(line))


def _reason(line: Line, title_key: str | None, at_start: bool) -> str | None:
    """Why one extracted paragraph is furniture, or None when it is kept."""
    if is_boilerplate(line):
        return "boilerplate"
    if is_credit(line):
        return "caption"
    if byline_name(line.text) and line.words <= 12:
        return "byline"
    if at_start and title_key and heading_key(line.text) == title_key:
        return "title"
    return None


DATE_NEAR_HEADLINE: Final = 20
"""A date written at most this many lines above the article beats the markup's date."""


def _choose_date(
    stated: dt.date | None, seen: dt.date | None, distance: int, tree: Any
) -> dt.date | None:
    """Reconcile the markup's date with the date written above the article.

    Pages often state a modified or section date in their markup; a date printed just above
    the article is what readers see as its date. When neither exists, htmldate searches the
    whole page.
    """
    if stated and seen and stated != seen:
        return seen if distance <= DATE_NEAR_HEADLINE else stated
    if stated or seen:
        return stated or seen
    try:
        found = find_date(tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError, AttributeError):
        return None
    return parse_date(found) if found else None


def clean_html(raw: RawDocument, fallback_title: str) -> CleanedDocument:
    """Clean an HTML page into a body with metadata."""
    tree = parse_html(raw.text)
    title_el = tree.find(".//title")
    page_title = (
        normalize_line(" ".join(title_el.text_content().split())) if title_el is not None else ""
    )
    visible = analyse_lines([page_title, *visible_lines(tree)])
    seen_title = headline_above_article(visible)
    lang = tree.get("lang") or tree.get("xml:lang")
    seen_date, distance = locate_date(visible, dayfirst_for_language(lang))
    meta: PageMeta = extract_page_meta(tree, seen_title, find_author(visible))
    date = _choose_date(meta.date, seen_date, distance, tree)
    paragraphs = [line for line in split_lines(_extract_body(tree)) if line]
    method = "html (trafilatura fast + rules)"
    if not paragraphs:
        select(visible, seen_title)
        paragraphs = [line.text for line in visible.kept]
        method = "html (visible text, text-dump rules)"
    kept, dropped = filter_paragraphs(paragraphs, meta.title)
    source = meta.site
    if kept:
        source = dateline_source(kept[0].text) or reports_source(kept[0].text) or source
    report = CleaningReport(
        method=method,
        lines_in=len(paragraphs),
        lines_kept=len(kept),
        dropped={reason: n for reason, n in dropped.items() if n},
        encoding=raw.encoding,
    )
    return CleanedDocument(
        title=meta.title or fallback_title,
        body=join_paragraphs([line.text for line in kept]),
        date=date,
        source=source or host_source(meta.url),
        author=meta.author,
        url=meta.url,
        report=report,
    )
