"""Metadata of a text dump: title, date, author, source and URL, read from the lines.

The title is the headline line just above the article (a dump usually starts with the page's
``<title>``, which the headline repeats without the site name); the date is the date line
nearest above the article; the author comes from a byline; the source from a dateline
("ASTANA. KAZINFORM", "WASHINGTON (AP) —"), an "X reports" attribution in the first
paragraph, the site name after the title, a copyright line, or an organisation named in the
page footer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from diplomareader.clean.dates import find_dates
from diplomareader.clean.lines import (
    GENERIC_TITLE,
    WORD,
    Line,
    is_boilerplate,
    is_credit,
    is_section_heading,
)
from diplomareader.clean.sources import (
    COPYRIGHT,
    dateline_source,
    org_name,
    reports_source,
    split_site_name,
)
from diplomareader.clean.textdump import DumpAnalysis

HEAD_WINDOW: Final = 40
TITLE_ECHO: Final = 0.3
"""Share of words a headline line must have in common with the page title."""
_CLOCK: Final = re.compile(r"\b\d{1,2}[:.]\d\d\b")
FAR: Final = 1000
"""How many lines above the article are searched for its title and date."""
_URL_LINE: Final = re.compile(
    r"^(?:(?:url|source|link|address|permalink|original|источник)\s*:\s*)?"
    r"(?P<url>https?://[^\s<>\"']{4,300})\s*$",
    re.I,
)


def _tokens(text: str) -> set[str]:
    """Lower-case word tokens of ``text``."""
    return {t.lower() for t in WORD.findall(text)}


def _title_like(line: Line, stop_ok: bool = False) -> bool:
    """A line that could be a headline: a few words, not furniture, and no full stop at the
    end unless ``stop_ok`` (a short line ending in "." right above an article)."""
    ends = (":", ";", ",") if stop_ok else (".", ":", ";", ",")
    if not 2 <= line.words <= 40 or line.text.endswith(ends):
        return False
    if is_section_heading(line) or is_boilerplate(line) or is_credit(line):
        return False
    if _CLOCK.search(line.text):
        return False
    return not _is_date_line(line)


def _is_date_line(line: Line) -> bool:
    """A short line that is mostly a date."""
    return line.words <= 10 and any(True for _ in find_dates(line.text))


def find_title(analysis: DumpAnalysis) -> str | None:
    """The headline: the title-like line above the article that best echoes the page title.

    A dump starts with the page's ``<title>``. The headline printed above the article is the
    closest line sharing enough words with it (the title without its site name); when no line
    does, the page title itself, and when the first line is no title (a date, a menu), the
    title-like line closest above the article.
    """
    lines = analysis.lines
    if not lines:
        return None
    first = lines[0]
    page_title, _ = split_site_name(first.text)
    page_tokens = _tokens(page_title)
    generic = bool(GENERIC_TITLE.match(page_title.strip(" .!")))
    start = analysis.start
    echoes: list[tuple[float, int, str]] = []
    near: str | None = None
    loose: str | None = None
    for pos in range(max(1, start - HEAD_WINDOW), min(start + 1, len(lines))):
        line = lines[pos]
        if start - pos <= 3 and line.words >= 3 and _title_like(line):
            near = line.text
        elif start - pos <= 3 and 3 <= line.words <= 12 and _title_like(line, stop_ok=True):
            loose = loose or line.text
        if not _title_like(line):
            continue
        tokens = _tokens(line.text)
        overlap = len(tokens & page_tokens) / max(1, len(tokens | page_tokens))
        if overlap >= TITLE_ECHO:
            echoes.append((round(overlap, 1), pos, line.text))
    if echoes and not generic:
        return max(echoes)[2]
    if _title_like(first) and len(page_tokens) >= 2 and not generic:
        return page_title
    if near or loose:
        return near or loose
    return page_title if _title_like(first, stop_ok=True) and first.words <= 25 else None


def headline_above_article(analysis: DumpAnalysis) -> str | None:
    """The title-like line just above the article, favouring echoes of the page title.

    Used on the visible text of HTML pages to tell which ``<h1>`` is the article's headline:
    proximity to the article counts as much as similarity to the page title.
    """
    lines = analysis.lines
    if not lines:
        return None
    first = lines[0]
    page_title, _ = split_site_name(first.text)
    page_tokens = _tokens(page_title)
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    start = analysis.start
    best: tuple[float, str] | None = None
    for pos in range(max(0, start - HEAD_WINDOW), min(start + 1, len(lines))):
        line = lines[pos]
        if not _title_like(line):
            continue
        distance = start - pos
        tokens = _tokens(line.text)
        overlap = len(tokens & page_tokens) / max(1, len(tokens | page_tokens))
        score = 2.0 * overlap + (0.5 if counts[line.text] > 1 else 0.0)
        score += 1.0 / (1 + distance) + min(line.words, 12) / 24
        if pos == 0:
            score -= 0.6
        if best is None or score > best[0]:
            best = (score, line.text)
    if best is not None and best[0] >= 0.9:
        return best[1]
    return page_title if _title_like(first) else (best[1] if best else None)


def find_date(analysis: DumpAnalysis) -> dt.date | None:
    """The publication date: nearest date above the article, else the first in its text."""
    return locate_date(analysis)[0]


def locate_date(analysis: DumpAnalysis, dayfirst: bool | None = None) -> tuple[dt.date | None, int]:
    """The publication date and how many lines above the article it was written (0: in it).

    The distance is ``FAR`` for dates found only in the page header or below the article.
    """
    lines, start = analysis.lines, analysis.start
    for pos in range(min(start, len(lines)) - 1, max(-1, start - HEAD_WINDOW - 1), -1):
        date = _line_date(lines[pos], dayfirst)
        if date:
            return date, start - pos
    for line in lines[start : min(analysis.end, start + 3)]:
        for offset, date in find_dates(line.text[:200], dayfirst):
            if offset < 120:
                return date, 0
    for line in lines[: min(10, start)]:
        date = _line_date(line, dayfirst)
        if date:
            return date, FAR
    for line in lines[analysis.end : analysis.end + 10]:
        if line.words <= 15:
            date = _line_date(line, dayfirst)
            if date:
                return date, FAR
    return None, FAR


def _line_date(line: Line, dayfirst: bool | None = None) -> dt.date | None:
    """The date of a short line that states one (not a headline that mentions a year)."""
    if line.words > 16:
        return None
    for _, date in find_dates(line.text, dayfirst):
        return date
    return None


def find_author(analysis: DumpAnalysis) -> str | None:
    """The author named by the byline closest to the article's start."""
    lines, start = analysis.lines, analysis.start
    best: tuple[int, str] | None = None
    for position, name in analysis.bylines:
        distance = start - position if position < start else (position - start) + 5
        if position >= analysis.end + 5:
            continue
        if best is None or distance < best[0]:
            best = (distance, name)
    if best:
        return best[1]
    for pos in range(max(0, start - HEAD_WINDOW), min(start, len(lines) - 1)):
        if lines[pos].text.lower() in ("by", "von", "par", "por", "автор", "author"):
            name = lines[pos + 1].text
            if 2 <= len(name.split()) <= 5 and name[:1].isupper():
                return name
    return None


def find_source(analysis: DumpAnalysis, kept: list[Line]) -> str | None:
    """The outlet or issuing body the page states, by the most specific signal available."""
    if kept:
        for finder in (dateline_source, reports_source):
            found = finder(kept[0].text)
            if found:
                return found
    lines = analysis.lines
    if lines:
        _, site = split_site_name(lines[0].text)
        if site:
            return site
    tail = lines[analysis.end :]
    for line in tail:
        match = COPYRIGHT.search(line.text)
        if match:
            return match.group("name").strip(" .,|-")
    for line in reversed(tail[-8:]):
        name = org_name(line.text)
        if name:
            return name
    return None


def find_url(analysis: DumpAnalysis) -> str | None:
    """The page's address when the dump states it: a line that is only a URL, or one
    labelled "URL:" / "Source:" / "Link:", among the first or last few lines."""
    lines = analysis.lines
    for line in lines[:5] + lines[-5:]:
        match = _URL_LINE.match(line.text)
        if match:
            return match.group("url").rstrip(".,;)")
    return None
