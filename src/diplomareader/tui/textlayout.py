"""Text measured in terminal cells: wrapping with offsets, truncation, sentence spans.

Pure functions (no Textual): widths come from ``rich.cells.cell_len`` so that Chinese,
Japanese, emoji and combining marks take the cells a terminal gives them, and columns of
the list pane line up whatever the script of a title.
"""

from __future__ import annotations

import re
from typing import Final

from rich.cells import cell_len

ELLIPSIS: Final = "…"
"""Marks a truncated cell string."""

_TOKEN = re.compile(r"\s+|\S+")
"""Words and runs of white space, in order."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
"""Control characters and bidi embedding marks, which would upset a one-line cell layout."""
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+(?=[\"'«“‘(\[]?[\w\"'«“‘])")
"""The end of a sentence: closing punctuation, closing quotes, white space, a new start."""
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|St|Jr|Sr|No|vs|etc|e\.g|i\.e))\.?$"
)
"""Words whose full stop does not end a sentence (initials, titles, U.S.)."""


def one_line(text: str) -> str:
    """``text`` on one line: control characters and line breaks become single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending with an ellipsis when it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + ELLIPSIS


def fit(text: str, width: int) -> str:
    """``text`` truncated and padded with spaces to exactly ``width`` cells."""
    cut = truncate(text, width)
    return cut + " " * (width - cell_len(cut))


def wrap(text: str, width: int, offset: int = 0) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` into lines of at most ``width`` cells.

    Returns ``(start, end)`` ranges (plus ``offset``) such that ``text[start:end]`` is each
    line without its trailing white space. A newline always ends a line; a word longer than
    a line (or a run of Chinese characters without spaces) is folded at the cell limit.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    base = 0
    for segment in text.split("\n"):
        lines.extend(_wrap_segment(segment, width, offset + base))
        base += len(segment) + 1
    return lines


def _wrap_segment(text: str, width: int, offset: int) -> list[tuple[int, int]]:
    """Wrap one segment that holds no newline (see ``wrap``)."""
    lines: list[tuple[int, int]] = []
    line_start = -1  # -1: no line open yet
    line_end = 0
    used = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        token = match.group()
        size = cell_len(token)
        if token.isspace():
            used += size if line_start >= 0 else 0
            continue
        if line_start < 0:
            line_start, used = start, 0
        if used + size <= width:
            used, line_end = used + size, end
        elif size <= width:
            lines.append((offset + line_start, offset + line_end))
            line_start, used, line_end = start, size, end
        else:
            # Longer than a line (or unspaced CJK): fill this line, then fold at the limit.
            for index in range(start, end):
                char_size = cell_len(text[index])
                if used + char_size > width and line_end > line_start:
                    lines.append((offset + line_start, offset + line_end))
                    line_start, used = index, 0
                used, line_end = used + char_size, index + 1
    if line_start >= 0:
        lines.append((offset + line_start, offset + line_end))
    return lines or [(offset, offset)]


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (plus ``offset``), trailing space excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, 0, match.start() + 1):
            continue
        end = match.end()
        stripped = text[start:end].rstrip()
        if stripped.strip():
            spans.append((offset + start, offset + start + len(stripped)))
        start = end
    tail = text[start:].rstrip()
    if tail.strip():
        spans.append((offset + start, offset + start + len(tail)))
    return spans
