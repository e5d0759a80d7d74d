"""Text anchors for bookmarked passages, after Hypothesis's quote/position selectors.

A passage is remembered by its exact text, a little text before and after it (prefix and suffix),
its offsets in the article body, and a hash of the body it was taken from. When the body changes
(the corpus was re-ingested with a better cleaner, the page was updated), ``reanchor`` finds the
passage again: offsets first (body unchanged), then the exact text (ambiguities settled by the
context and the old position), then the text between the old prefix and suffix, then a fuzzy
match of the exact text within a bounded edit distance. A passage that cannot be found is
``Orphaned`` -- the caller keeps it and shows it as such, never drops it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Final, Protocol

from diplomareader.store.anchor_match import approximate_matches

CONTEXT_CHARS: Final = 40
"""How much text before and after a passage is kept to find it again."""
MAX_ERROR_RATE: Final = 0.25
"""The fuzzy match accepts at most this many edits per character of the exact text."""
MIN_CONTEXT_SIMILARITY: Final = 0.6
"""Text found between the old prefix and suffix must be at least this similar to the passage."""
SURE_QUOTE: Final = 0.85
"""A fuzzy match at least this similar stands on its own; a looser one also needs its prefix or
suffix to be at least ``MIN_CONTEXT_SIMILARITY`` alike, so that a passage that was removed is
not pinned on a merely similar sentence elsewhere."""


def text_hash(body: str) -> str:
    """A short fingerprint of an article body (SHA-256, 16 hex digits)."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def context(body: str, start: int, end: int, size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The ``size`` characters of ``body`` before ``start`` and after ``end``."""
    return body[max(0, start - size) : start], body[end : end + size]


class Selector(Protocol):
    """What re-anchoring needs to know about a passage (a Bookmark satisfies it)."""

    @property
    def text(self) -> str:
        """The exact bookmarked text."""

    @property
    def prefix(self) -> str:
        """Text just before the passage when it was bookmarked."""

    @property
    def suffix(self) -> str:
        """Text just after the passage when it was bookmarked."""

    @property
    def start(self) -> int:
        """Offset of the passage in the body it was taken from."""

    @property
    def end(self) -> int:
        """End offset of the passage in the body it was taken from."""


@dataclass(frozen=True)
class Anchored:
    """The passage was found at ``body[start:end]``."""

    start: int
    end: int
    text: str
    """The text now at those offsets (may differ from the bookmark's when matched fuzzily)."""
    method: str
    """How it was found: ``unchanged``, ``exact``, ``whitespace``, ``context`` or ``fuzzy``."""
    score: float = 1.0
    """Similarity of the found text to the bookmarked text, 0..1 (1 for exact matches)."""

    @property
    def exact(self) -> bool:
        """True when the found text is the bookmarked text character for character."""
        return self.method in ("unchanged", "exact")


@dataclass(frozen=True)
class Orphaned:
    """The passage is no longer in the body; the bookmark is kept and shown as orphaned."""

    reason: str


def _context_parts(body: str, start: int, end: int, sel: Selector) -> list[float]:
    """Similarity (0..1) of the text before and after ``body[start:end]`` to the remembered
    prefix and suffix (only those that were remembered)."""
    before, after = context(body, start, end, max(len(sel.prefix), len(sel.suffix), 1))
    parts = []
    if sel.prefix:
        parts.append(SequenceMatcher(None, before[-len(sel.prefix) :], sel.prefix).ratio())
    if sel.suffix:
        parts.append(SequenceMatcher(None, after[: len(sel.suffix)], sel.suffix).ratio())
    return parts


def _context_score(body: str, start: int, end: int, sel: Selector) -> float:
    """How well the text around ``body[start:end]`` agrees with the remembered context (0..1)."""
    parts = _context_parts(body, start, end, sel)
    return sum(parts) / len(parts) if parts else 0.0


def _is_neighbour(body: str, start: int, end: int, sel: Selector) -> bool:
    """True when ``body[start:end]`` is the text that used to follow (or precede) the passage:
    what a removed passage's fuzzy match tends to land on."""
    after = sel.suffix.strip()
    if len(after) >= 8:
        head = body[start : start + len(after)]
        if SequenceMatcher(None, head, after).ratio() >= 0.8:
            return True
    before = sel.prefix.strip()
    if len(before) >= 8:
        tail = body[max(start, end - len(before)) : end]
        if SequenceMatcher(None, tail, before).ratio() >= 0.8:
            return True
    return False


def _position_score(start: int, sel: Selector, body_len: int) -> float:
    """1 at the old offset, falling towards 0 with distance (a tie-breaker only)."""
    return 1.0 - min(1.0, abs(start - sel.start) / max(body_len, 1))


def _best(body: str, sel: Selector, spans: list[tuple[int, int, float]]) -> tuple[int, int, float]:
    """The candidate span with the best weighted quote, context and position score."""

    def rank(span: tuple[int, int, float]) -> float:
        start, end, quote = span
        return (
            50 * quote
            + 20 * _context_score(body, start, end, sel)
            + 2 * _position_score(start, sel, len(body))
        )

    return max(spans, key=rank)


def _exact(body: str, sel: Selector) -> Anchored | None:
    """Every occurrence of the exact text; the one in the best context wins."""
    spans: list[tuple[int, int, float]] = []
    pos = body.find(sel.text)
    while pos >= 0 and len(spans) < 1000:
        spans.append((pos, pos + len(sel.text), 1.0))
        pos = body.find(sel.text, pos + 1)
    if not spans:
        return None
    start, end, _ = spans[0] if len(spans) == 1 else _best(body, sel, spans)
    return Anchored(start, end, body[start:end], "exact")


_SPACE = re.compile(r"\s+")


def _whitespace(body: str, sel: Selector) -> Anchored | None:
    """The exact text with any run of whitespace matching any other run (re-wrapped text)."""
    words = sel.text.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    spans = [(m.start(), m.end(), 1.0) for m in pattern.finditer(body)]
    if not spans:
        return None
    start, end, _ = _best(body, sel, spans)
    return Anchored(start, end, body[start:end], "whitespace", 1.0)


def _between_context(body: str, sel: Selector) -> Anchored | None:
    """The text between an unchanged prefix and suffix, when it still resembles the passage."""
    if len(sel.prefix) < 8 or len(sel.suffix) < 8:
        return None
    best: tuple[float, int, int] | None = None
    limit = 2 * len(sel.text) + 64
    pos = body.find(sel.prefix)
    while pos >= 0:
        start = pos + len(sel.prefix)
        after = body.find(sel.suffix, start, start + limit + len(sel.suffix))
        if after >= 0:
            ratio = SequenceMatcher(None, body[start:after], sel.text, autojunk=False).ratio()
            if ratio >= MIN_CONTEXT_SIMILARITY and (best is None or ratio > best[0]):
                best = (ratio, start, after)
        pos = body.find(sel.prefix, pos + 1)
    if best is None:
        return None
    ratio, start, end = best
    return Anchored(start, end, body[start:end], "context", ratio)


def _fuzzy(body: str, sel: Selector) -> Anchored | None:
    """The closest approximate occurrence of the text within the error budget."""
    max_errors = int(len(sel.text) * MAX_ERROR_RATE)
    if max_errors < 1:
        return None
    matches = approximate_matches(sel.text, body, max_errors)
    if not matches:
        return None
    spans = [(m.start, m.end, 1.0 - m.errors / len(sel.text)) for m in matches]
    start, end, quote = _best(body, sel, spans)
    if _is_neighbour(body, start, end, sel):
        return None
    if quote < SURE_QUOTE:
        support = _context_parts(body, start, end, sel)
        if not support or max(support) < MIN_CONTEXT_SIMILARITY:
            return None
    return Anchored(start, end, body[start:end], "fuzzy", quote)


def reanchor(sel: Selector, body: str) -> Anchored | Orphaned:
    """Find the bookmarked passage in ``body`` (the article's current text)."""
    if not sel.text:
        return Orphaned("the bookmark has no text")
    if 0 <= sel.start <= sel.end <= len(body) and body[sel.start : sel.end] == sel.text:
        return Anchored(sel.start, sel.end, sel.text, "unchanged")
    for step in (_exact, _whitespace, _between_context, _fuzzy):
        found = step(body, sel)
        if found is not None:
            return found
    return Orphaned("the passage is no longer in the article")
