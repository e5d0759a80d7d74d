"""Cleaning a text dump of a web page: find the article among the page furniture.

A text dump (what a scraper or a browser's select-all gives) has one paragraph or one piece
of furniture per line. Each line gets a score from its shape: prose lines score their length,
short lines, link-list entries and boilerplate score negative, and headings that start
"Related news"-style lists or end an article ("Comments", "About us") score strongly
negative. The article is the contiguous run of lines with the highest total score (the
densest text region). Inside that run, credits and captions, bylines, bare date lines,
repeated titles and link lists are dropped, each counted by reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from diplomareader.clean.dates import find_dates
from diplomareader.clean.lines import (
    CACHE_SIZE,
    Line,
    byline_name,
    heading_key,
    is_boilerplate,
    is_comments_heading,
    is_credit,
    is_inline_heading,
    is_prose,
    is_section_heading,
    is_terminal_heading,
    measure,
)
from diplomareader.clean.normalize import split_lines, unwrap
from diplomareader.clean.region import TERMINAL, choose_region

BARRIER: Final = TERMINAL
"""Score of a heading the article never continues past."""
SECTION_PENALTY: Final = -40.0
INLINE_PENALTY: Final = -8.0
SHORT_PENALTY: Final = -3.0
LIST_PENALTY: Final = -5.0
BOILER_PENALTY: Final = -10.0
REPEAT_PENALTY: Final = -6.0
CREDIT_PENALTY: Final = -2.0
BYLINE_PENALTY: Final = -8.0
DATE_PENALTY: Final = -12.0
"""A bare date line: above the article it is metadata, below it a teaser card of a list."""
PROSE_CAP: Final = 200.0
CAPTION_MAX_WORDS: Final = 20
"""A caption is at most this long (the line before a credit is kept if longer)."""


@dataclass
class DumpAnalysis:
    """The lines of a dump, the article region among them, and what was kept or dropped."""

    lines: list[Line]
    """Non-empty lines in document order."""
    start: int = 0
    """Index in ``lines`` of the first line of the article region."""
    end: int = 0
    """Index in ``lines`` one past the last line of the region."""
    kept: list[Line] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    bylines: list[tuple[int, str]] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    """Line text -> why it was dropped, for lines dropped for a reason of their own (captions,
    link lists, furniture, bylines, dates), not merely for lying outside the article."""
    """``(line position, author name)`` for every byline seen anywhere."""


def measure_lines(texts: list[str]) -> DumpAnalysis:
    """Measure lines (empty strings are blank lines) without choosing a region yet."""
    lines: list[Line] = []
    previous_blank = True
    for index, raw in enumerate(texts):
        if not raw:
            previous_blank = True
            continue
        lines.append(measure(index, raw, previous_blank))
        previous_blank = False
    analysis = DumpAnalysis(lines=lines)
    collect_bylines(analysis)
    return analysis


def collect_bylines(analysis: DumpAnalysis) -> None:
    """Record every byline of the document with its position."""
    for position, line in enumerate(analysis.lines):
        name = byline_name(line.text) if line.words <= 20 else None
        if name:
            analysis.bylines.append((position, name))


def analyse(text: str) -> DumpAnalysis:
    """Split a dump into lines and find its article region (kept lines not yet chosen)."""
    return analyse_lines(unwrap(split_lines(text)))


def analyse_lines(texts: list[str]) -> DumpAnalysis:
    """Find the article region among already split and normalised lines."""
    analysis = measure_lines(texts)
    lines = analysis.lines
    if not lines:
        return analysis
    scores = score_lines(lines)
    comments = [is_comments_heading(line) for line in lines]
    analysis.start, analysis.end = choose_region(lines, scores, comments)
    return analysis


def score_lines(lines: list[Line]) -> list[float]:
    """A score per line: positive for article prose, negative for furniture."""
    counts = Counter(line.text.lower() for line in lines)
    scores: list[float] = []
    furniture = [is_boilerplate(line) for line in lines]
    for position, line in enumerate(lines):
        if is_terminal_heading(line):
            in_toolbar = (position > 0 and furniture[position - 1]) or (
                position + 1 < len(lines) and furniture[position + 1]
            )
            scores.append(BOILER_PENALTY if in_toolbar else BARRIER)
        elif is_inline_heading(line):
            scores.append(INLINE_PENALTY)
        elif is_section_heading(line):
            scores.append(SECTION_PENALTY)
        elif furniture[position]:
            scores.append(BOILER_PENALTY)
        elif is_credit(line):
            scores.append(CREDIT_PENALTY)
        elif byline_name(line.text):
            scores.append(BYLINE_PENALTY)
        elif line.words <= 8 and not line.sentence_end and _mostly_date(line.text):
            scores.append(DATE_PENALTY)
        elif is_prose(line):
            bonus = float(min(line.words, PROSE_CAP))
            scores.append(bonus if counts[line.text.lower()] == 1 else bonus / 4)
        elif counts[line.text.lower()] > 1:
            scores.append(REPEAT_PENALTY)
        elif _lead_in(line):
            scores.append(1.0)
        elif line.list_item:
            scores.append(LIST_PENALTY)
        else:
            scores.append(SHORT_PENALTY)
    return scores


def _lead_in(line: Line) -> bool:
    """A short sentence or a line introducing a quotation: neutral-to-good inside articles."""
    if line.colon_end and line.words <= 15:
        return True
    return line.sentence_end and line.words >= 4 and line.caps_ratio < 0.75


def select(analysis: DumpAnalysis, title: str | None) -> None:
    """Choose the kept lines of the region, counting every dropped line by its reason."""
    lines, dropped = analysis.lines, analysis.dropped
    title_key = heading_key(title) if title else None
    reasons: list[str | None] = [_reason(line, title_key) for line in lines]
    _mark_captions(lines, reasons)
    start, end = analysis.start, analysis.end
    region_reasons = reasons[start:end]
    _mark_link_lists(lines[start:end], region_reasons)
    reasons[start:end] = region_reasons
    in_list = False
    for position, (line, reason) in enumerate(zip(lines, reasons, strict=True)):
        if start <= position < end:
            if reason is None:
                analysis.kept.append(line)
            else:
                dropped[reason] += 1
                analysis.reasons.setdefault(line.text, reason)
            continue
        if is_section_heading(line) or is_inline_heading(line):
            in_list = True
        elif is_prose(line):
            in_list = False
        if in_list and reason is None:
            reason = "link-list"
        if reason is not None:
            analysis.reasons.setdefault(line.text, reason)
        dropped[reason or ("menu" if position < start else "footer")] += 1


def _reason(line: Line, title_key: str | None) -> str | None:
    """Why a line inside the region is dropped on its own, or None to keep it (for now)."""
    if is_boilerplate(line):
        return "boilerplate"
    if is_section_heading(line) or is_inline_heading(line):
        return "link-list"
    if is_credit(line):
        return "caption"
    if byline_name(line.text):
        return "byline"
    if title_key and not is_prose(line) and heading_key(line.text) == title_key:
        return "title"
    if line.words <= 8 and not line.sentence_end and _mostly_date(line.text):
        return "date"
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _mostly_date(text: str) -> bool:
    """True when the line is a date (with perhaps a time or a few words around it)."""
    return any(True for _ in find_dates(text)) and len(text) <= 60


def _mark_captions(region: list[Line], reasons: list[str | None]) -> None:
    """A short line right before a credit line (no blank between) is that photo's caption."""
    for i in range(1, len(region)):
        if reasons[i] != "caption" or region[i].block_start or reasons[i - 1] is not None:
            continue
        previous = region[i - 1]
        if previous.words < CAPTION_MAX_WORDS and not previous.colon_end:
            reasons[i - 1] = "caption"


def _mark_links_after(
    region: list[Line], reasons: list[str | None], start: int, min_run: int
) -> None:
    """Drop the run of non-prose lines from ``start`` if it is at least ``min_run`` long."""
    end = start
    while end < len(region) and reasons[end] in (None, "link-list") and _linkish(region[end]):
        end += 1
    if end - start >= min_run:
        for j in range(start, end):
            reasons[j] = "link-list"


def _mark_link_lists(region: list[Line], reasons: list[str | None]) -> None:
    """Drop the entries after a section heading, and runs of three or more link-like lines."""
    for i, reason in enumerate(reasons):
        if reason == "link-list" and is_section_heading(region[i]):
            _mark_links_after(region, reasons, i + 1, 1)
    i = 0
    while i < len(region):
        if reasons[i] is None and _linkish(region[i]):
            _mark_links_after(region, reasons, i, 3)
            while i < len(region) and reasons[i] == "link-list":
                i += 1
        i += 1


def _linkish(line: Line) -> bool:
    """A line shaped like a link (a headline or menu entry), not like prose or a quote intro."""
    return not is_prose(line) and not line.colon_end and not line.sentence_end
