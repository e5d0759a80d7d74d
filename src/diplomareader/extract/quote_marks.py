"""Find the spans between quotation marks: pairing from a table, paragraph by paragraph.

Marks are paired by convention, not in sequence: ``“…”``, ``„…“``, ``„…”``, ``«…»``, ``»…«``,
``”…”``, ``"…"``, ``「…」``, and single marks ``‘…’`` / ``'…'`` only at the top level. A mark of
another family inside an open quote is a nested quote and never closes the outer one. An
apostrophe (``’`` or ``'`` between letters) is never a quotation mark. A quote left open at the
end of a paragraph continues when the next paragraph opens with the same kind of mark (the
multi-paragraph convention); otherwise the stray mark is dropped and the paragraph is scanned
again without it, so an unclosed mark never aborts the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"“”„«»「」『』'
"""Double quotation marks (and guillemets, corner brackets) the scanner pairs."""
SINGLE_MARKS = "‘’'‚"
"""Single quotation marks: only used at the top level and only with a clean context."""

_MARK = re.compile(f"[{re.escape(DOUBLE_MARKS + SINGLE_MARKS)}]")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")

_CLOSERS: dict[str, str] = {
    "“": '”"“',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "”": "”",
    '"': '"”',
    "「": "」",
    "『": "』",
    "‘": "’'",
    "'": "'’",
    "‚": "‘’",
    "’": "’'",
}
"""For each opening mark, the marks that may close it."""

_FAMILY: dict[str, str] = {
    "“": "en",
    "”": "en",
    '"': "en",
    "„": "low",
    "«": "guillemet",
    "»": "guillemet",
    "「": "cjk",
    "」": "cjk",
    "『": "cjk2",
    "』": "cjk2",
    "‘": "single",
    "’": "single",
    "'": "single",
    "‚": "single",
}
"""Mark families: a mark of another family inside an open quote is nested, not a closer."""

_OPEN_BEFORE = set(" \t\n([{—–-/:;,") | set("“„«‘‚「『\"'")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…") | set("”“»’'\"」』")


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of quotation marks (the marks excluded)."""

    start: int
    """Offset of the first character after the opening mark."""
    end: int
    """Offset of the closing mark (or of the paragraph end for an unclosed last paragraph)."""
    open_mark: str
    """The opening mark."""
    closed: bool
    """False when the quote runs to a paragraph end without its closing mark."""
    paragraphs: int = 1
    """How many paragraphs the quote spans."""


def _is_letter(ch: str) -> bool:
    """True for a letter or digit (apostrophe context)."""
    return ch.isalnum()


def _context(text: str, pos: int) -> tuple[str, str]:
    """The characters before and after ``pos`` ('' at the edges)."""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    return before, after


def _can_open(text: str, pos: int) -> bool:
    """Whether the mark at ``pos`` sits where a quote can open."""
    mark = text[pos]
    before, after = _context(text, pos)
    if not after or (after.isspace() and mark not in "«„" and not _spaced_open(text, pos)):
        return False
    if mark in "“„«「『‚":
        return not (mark == "“" and _is_letter(before) and after in ",.;:!? ")
    if mark in "’'":
        return (not before or before in _OPEN_BEFORE) and after.isalpha()
    if mark == "‘":
        return not _is_letter(before) and not after.isdigit()
    return not before or before in _OPEN_BEFORE


def _spaced_open(text: str, pos: int) -> bool:
    """ "saying, “ you have to…”": a left double mark after a comma or colon, then a space."""
    if text[pos] != "“" or pos + 2 >= len(text) or not text[pos + 2].isalpha():
        return False
    return pos > 1 and text[pos - 1] == " " and text[pos - 2] in ",:"


def _can_close(text: str, pos: int) -> bool:
    """Whether the mark at ``pos`` sits where a quote can close."""
    before, after = _context(text, pos)
    nested_end = before == " " and pos > 1 and text[pos - 2] in "’'" and text[pos] in '"”'
    if not before or (before.isspace() and text[pos] != "»" and not nested_end):
        return False
    if text[pos] in "’'":
        return not (_is_letter(before) and _is_letter(after)) and (
            not after or after in _CLOSE_AFTER
        )
    if text[pos] == "“":
        return not after or after in _CLOSE_AFTER
    if text[pos] in "”»」』":
        return True
    return not after or after in _CLOSE_AFTER


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (blank-line separated) of ``body``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH.finditer(body):
        if body[pos : match.start()].strip():
            spans.append((pos, match.start()))
        pos = match.end()
    if body[pos:].strip():
        spans.append((pos, len(body.rstrip())))
    return spans


def _opens_paragraph(body: str, start: int, end: int, mark: str) -> int:
    """Position of the opening ``mark`` that starts the paragraph, or -1."""
    pos = start
    while pos < end and body[pos] in " \t":
        pos += 1
    if pos < end and body[pos] == mark and _can_open(body, pos):
        return pos
    return -1


def _scan(
    body: str, start: int, end: int, skip: set[int], single: bool
) -> tuple[list[tuple[int, int, str]], int]:
    """Pair marks in ``body[start:end]``; return closed quotes and the position of an unclosed one.

    Quotes are ``(open_pos, close_pos, mark)``; the unclosed position is -1 when all closed.
    """
    found: list[tuple[int, int, str]] = []
    open_pos = -1
    nested = ""
    for match in _MARK.finditer(body, start, end):
        pos = match.start()
        mark = body[pos]
        if pos in skip:
            continue
        family = _FAMILY[mark]
        if open_pos < 0:
            if (family == "single" and not single) or mark not in _CLOSERS:
                continue  # a mark that only closes ("」", "’") opens nothing
            if mark in "”»" and not _can_open(body, pos):
                continue
            if _can_open(body, pos):
                open_pos, nested = pos, ""
            continue
        opener = body[open_pos]
        if nested:
            if mark in _CLOSERS.get(nested, "") and _can_close(body, pos):
                nested = ""
            continue
        if mark in _CLOSERS.get(opener, "") and _can_close(body, pos):
            found.append((open_pos, pos, opener))
            open_pos = -1
        elif (
            family not in (_FAMILY[opener], "single") and mark in _CLOSERS and _can_open(body, pos)
        ):
            nested = mark
    return found, open_pos


def find_quoted_spans(body: str, *, single: bool = True) -> list[QuotedSpan]:
    """All top-level quoted spans of ``body`` in order (see the module docstring for the rules)."""
    paragraphs = paragraph_spans(body)
    spans: list[QuotedSpan] = []
    index = 0
    while index < len(paragraphs):
        p_start, p_end = paragraphs[index]
        skip: set[int] = set()
        for _attempt in range(8):
            found, unclosed = _scan(body, p_start, p_end, skip, single)
            if unclosed < 0:
                break
            follow = _continuation(body, paragraphs, index, unclosed)
            if follow is not None:
                spans.extend(_to_spans(body, found, single))
                last, close_pos, closed = follow
                spans.append(
                    QuotedSpan(unclosed + 1, close_pos, body[unclosed], closed, last - index + 1)
                )
                index = last
                p_start, p_end = close_pos + 1, paragraphs[index][1]
                found = []
                skip = set()
                if p_start < p_end:
                    found, unclosed = _scan(body, p_start, p_end, skip, single)
                    if unclosed >= 0:
                        skip.add(unclosed)
                        found, _ = _scan(body, p_start, p_end, skip, single)
                break
            skip.add(unclosed)
        spans.extend(_to_spans(body, found, single))
        index += 1
    return spans


def _continuation(
    body: str, paragraphs: list[tuple[int, int]], index: int, open_pos: int
) -> tuple[int, int, bool] | None:
    """Follow a quote left open at the end of paragraph ``index`` into the next paragraphs.

    Returns ``(last paragraph index, close position, closed)`` or None when it does not go on.
    """
    mark = body[open_pos]
    family = _FAMILY[mark]
    p_start = paragraphs[index][0]
    opened_at_start = not body[p_start:open_pos].strip()
    current = index
    while current + 1 < len(paragraphs) and current - index < 12:
        n_start, n_end = paragraphs[current + 1]
        reopen = _opens_paragraph(body, n_start, n_end, mark)
        if reopen < 0:
            break
        current += 1
        for match in _MARK.finditer(body, reopen + 1, n_end):
            pos = match.start()
            if body[pos] in _CLOSERS.get(mark, "") and _can_close(body, pos):
                return current, pos, True
            if _FAMILY[body[pos]] == family and _can_open(body, pos):
                break
    if current > index:
        return current, paragraphs[current][1], False
    if opened_at_start and family != "single":
        return index, paragraphs[index][1], False
    return None


def _to_spans(body: str, found: list[tuple[int, int, str]], single: bool) -> list[QuotedSpan]:
    """Closed quotes as spans; single-mark quotes need three words to count."""
    spans = []
    for open_pos, close_pos, mark in found:
        if _FAMILY[mark] == "single" and len(body[open_pos:close_pos].split()) < 3:
            continue
        spans.append(QuotedSpan(open_pos + 1, close_pos, mark, True))
    return spans
