"""Snippets: the sentence of a body that best matches the query, with the terms marked.

Whoosh's highlighter re-analyses whole bodies and is too slow for search as you type; this
module looks only for words that can match (one regular expression), checks their stems,
and cuts the best sentence around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from whoosh.lang.porter import stem

from diplomareader.search.cjk import CJK_RUN
from diplomareader.search.compile import Marks
from diplomareader.search.schema import STOPLIST

MAX_SNIPPET: Final = 240
"""Longest snippet, in characters."""
MAX_MATCHES: Final = 200
"""At most this many candidate words are examined per body."""

_SENTENCE_END: Final = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+|\n+")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """Porter stem of a lowercase word (cached)."""
    return str(stem(word))


class Marker:
    """Finds query terms in text; built once per query, used on every hit."""

    def __init__(self, marks: Marks, names: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.stems = {s for s in marks.stems if s and s not in STOPLIST}
        self.prefixes = {p for p in marks.prefixes if p}
        self.keys = set(marks.keys)
        heads = sorted({s[:4] for s in self.stems} | {p[:4] for p in self.prefixes})
        pattern = "|".join(re.escape(h) for h in heads)
        self.word_re = (
            re.compile(rf"(?<!\w)(?:{pattern})[\w'’.-]*", re.IGNORECASE) if pattern else None
        )
        self.names = names
        self.cjk = sorted(s for s in self.stems if CJK_RUN.search(s))

    def spans(
        self, text: str, names: Sequence[tuple[str, Sequence[str]]] = ()
    ) -> list[tuple[int, int]]:
        """Sorted, non-overlapping ``(start, end)`` of matching words and names in ``text``."""
        found: list[tuple[int, int]] = []
        if self.word_re is not None:
            for count, match in enumerate(self.word_re.finditer(text)):
                if count >= MAX_MATCHES:
                    break
                word = match.group(0).rstrip(".'’-")
                if self._matches(word.lower()):
                    found.append((match.start(), match.start() + len(word)))
        for term in self.cjk:
            found.extend(m.span() for m in re.finditer(re.escape(term), text))
        if self.keys:
            for keys, surfaces in names:
                if self.keys.intersection(keys.split()):
                    for surface in surfaces:
                        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                            found.append(match.span())
        return _merge(found)

    def _matches(self, word: str) -> bool:
        """Whether one lowercase word of the text matches the query."""
        if any(word.startswith(p) for p in self.prefixes):
            return True
        if _stem(word) in self.stems:
            return True
        parts = re.split(r"[-.'’]", word)
        return len(parts) > 1 and any(_stem(p) in self.stems for p in parts if p)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and drop those overlapping an earlier one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def make_snippet(
    body: str, marker: Marker, names: Sequence[tuple[str, Sequence[str]]] = ()
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The best-matching sentence of ``body`` (trimmed) and the marked ranges in it."""
    spans = marker.spans(body, names)
    if not spans:
        return _trim(body, 0, 0, [])
    best_start, best_end, best_score = 0, 0, -1
    for sent_start, sent_end in _sentences_with(body, spans):
        inside = [s for s in spans if sent_start <= s[0] < sent_end]
        distinct = len({body[s:e].lower() for s, e in inside})
        score = distinct * 10 + len(inside)
        if score > best_score:
            best_start, best_end, best_score = sent_start, sent_end, score
    inside = [s for s in spans if best_start <= s[0] and s[1] <= best_end]
    return _trim(body, best_start, best_end, inside)


def _sentences_with(body: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences (start, end) that contain at least one span, in body order."""
    result: list[tuple[int, int]] = []
    seen: set[int] = set()
    for start, _ in spans[:40]:
        if any(s <= start < e for s, e in result):
            continue
        sent_start = _sentence_start(body, start)
        if sent_start in seen:
            continue
        seen.add(sent_start)
        end_match = _SENTENCE_END.search(body, start)
        sent_end = end_match.start() if end_match else len(body)
        result.append((sent_start, sent_end))
    return result


def _sentence_start(body: str, pos: int) -> int:
    """Where the sentence containing ``pos`` begins."""
    window_start = max(0, pos - 600)
    last = window_start
    for match in _SENTENCE_END.finditer(body, window_start, pos):
        last = match.end()
    return last


def _trim(
    body: str, start: int, end: int, spans: Sequence[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Cut ``body[start:end]`` to at most MAX_SNIPPET characters around the first mark."""
    if end <= start:
        end_match = _SENTENCE_END.search(body, 0)
        end = end_match.start() if end_match else len(body)
    if end - start > MAX_SNIPPET:
        focus = spans[0][0] if spans else start
        lo = max(start, focus - MAX_SNIPPET // 3)
        if lo > start:
            space = body.find(" ", lo, focus) if focus > lo else -1
            lo = space + 1 if space != -1 else lo
        hi = min(end, lo + MAX_SNIPPET)
        if hi < end:
            space = body.rfind(" ", lo, hi)
            hi = space if space > lo + MAX_SNIPPET // 2 else hi
    else:
        lo, hi = start, end
    text = body[lo:hi]
    prefix = "…" if lo > start else ""
    suffix = "…" if hi < end else ""
    shift = len(prefix) - lo
    marks = tuple((s + shift, e + shift) for s, e in spans if s >= lo and e <= hi)
    snippet = (prefix + text + suffix).replace("\n", " ")
    return snippet, marks
