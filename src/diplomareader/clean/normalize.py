"""Whitespace and character normalisation that never joins paragraphs.

Every line keeps its own identity (a line of a text dump is a paragraph or a piece of page
furniture); only spaces inside a line are collapsed. HTML entities left in text are decoded.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Final

_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACES: Final = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE: Final = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS: Final = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
MAX_LINE_CHARS: Final = 20_000
"""Longer lines are split at sentence ends so that no single line dominates the cost."""
_SENTENCE_END: Final = re.compile(r"(?<=[.!?。！？])\s+")


def decode_entities(text: str) -> str:
    """Decode HTML character references (``&amp;``, ``&#8217;``, ``&nbsp;``) when present."""
    if "&" not in text or not _ENTITY.search(text):
        return text
    return html.unescape(text)


def normalize_line(line: str) -> str:
    """Collapse runs of spaces (including non-breaking ones) and trim the line."""
    return _SPACES.sub(" ", line).strip()


def normalize_text(text: str) -> str:
    """NFC-normalise, decode entities, unify line breaks and drop invisible characters."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = decode_entities(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def split_lines(text: str) -> list[str]:
    """Normalised lines of ``text`` (empty strings mark blank lines); long lines are split."""
    lines: list[str] = []
    for raw in normalize_text(text).split("\n"):
        line = normalize_line(raw)
        if len(line) <= MAX_LINE_CHARS:
            lines.append(line)
        else:
            lines.extend(_split_long(line))
    return lines


def _split_long(line: str) -> list[str]:
    """Break an enormous line into sentence-aligned pieces of at most MAX_LINE_CHARS."""
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(line):
        while len(sentence) > MAX_LINE_CHARS:
            cut = sentence.rfind(" ", 0, MAX_LINE_CHARS)
            cut = cut if cut > MAX_LINE_CHARS // 2 else MAX_LINE_CHARS
            head, sentence = sentence[:cut], sentence[cut:].lstrip()
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + 1 + len(sentence) > MAX_LINE_CHARS:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def join_paragraphs(paragraphs: list[str]) -> str:
    """The body format: paragraphs separated by exactly one blank line, no outer whitespace."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


_LIST_START: Final = re.compile(r"^(?:[-*•·+]|\d{1,3}[.)]|[a-z][.)])\s")


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at (lynx or email style), or None.

    A text is hard-wrapped when most of its longer lines end just short of one width between
    50 and 100 characters (short menu lines do not count); soft-wrapped dumps (one paragraph
    per line) have no such cluster.
    """
    lengths = [len(line) for line in lines if len(line) >= 40]
    if len(lengths) < 5:
        return None
    longest = max((n for n in lengths if n <= 100), default=0)
    if longest < 50 or sum(1 for n in lengths if n > 100) > len(lengths) * 0.05:
        return None
    near = sum(1 for n in lengths if longest - 15 <= n <= longest)
    return longest if near >= len(lengths) * 0.5 else None


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs; blank lines and list items still separate."""
    width = wrap_width(lines)
    if width is None:
        return lines
    joined: list[str] = []
    last = 0
    for line in lines:
        if line and joined and joined[-1] and last >= width - 20 and not _LIST_START.match(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        last = len(line)
    return joined
