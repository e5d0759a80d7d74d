"""Approximate substring search: where does a pattern occur in a text with at most k edits?

Myers' bit-parallel algorithm (1999, in Hyyrö's formulation), the same one Hypothesis's
``approx-string-match`` uses to re-anchor annotations. Python's unbounded integers hold the whole
pattern's column as one bit vector, so a scan costs a dozen integer operations per text
character whatever the pattern length. Edits are Levenshtein edits (insert, delete, substitute).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

MAX_CANDIDATES: Final = 50
"""At most this many matches (the ones with fewest errors) are returned."""


@dataclass(frozen=True)
class Match:
    """``text[start:end]`` is ``errors`` Levenshtein edits away from the pattern."""

    start: int
    end: int
    errors: int


def end_scores(pattern: str, text: str, *, from_start: bool = False) -> Iterator[int]:
    """For each position j of ``text``, the fewest edits turning ``pattern`` into a substring
    of ``text`` that ends at j (inclusive); with ``from_start`` the substring starts at 0."""
    m = len(pattern)
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        # In a search the top row is all zeros, so nothing is shifted in; anchored at the
        # start it counts up (0, 1, 2...), so each step shifts in a +1.
        ph = ((ph << 1) | from_start) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        yield score


def _ends(pattern: str, text: str, max_errors: int) -> list[tuple[int, int]]:
    """``(end, errors)`` of the best end position in each run of ends within ``max_errors``."""
    found: list[tuple[int, int]] = []
    run_best: tuple[int, int] | None = None
    for j, score in enumerate(end_scores(pattern, text)):
        if score <= max_errors:
            if run_best is None or score < run_best[1]:
                run_best = (j + 1, score)
        elif run_best is not None:
            found.append(run_best)
            run_best = None
    if run_best is not None:
        found.append(run_best)
    return found


def _start(pattern: str, text: str, end: int, errors: int) -> int:
    """Where the match of ``pattern`` ending at ``end`` with ``errors`` edits begins."""
    window_start = max(0, end - len(pattern) - errors)
    backwards = text[window_start:end][::-1]
    best_len, best_score = len(pattern), len(pattern) + errors + 1
    for j, score in enumerate(end_scores(pattern[::-1], backwards, from_start=True)):
        if score < best_score:
            best_len, best_score = j + 1, score
    return end - best_len


def approximate_matches(pattern: str, text: str, max_errors: int) -> list[Match]:
    """Non-overlapping-ish matches of ``pattern`` in ``text`` with at most ``max_errors`` edits,
    fewest errors first (at most MAX_CANDIDATES)."""
    if not pattern or max_errors < 0:
        return []
    ends = sorted(_ends(pattern, text, max_errors), key=lambda e: e[1])[:MAX_CANDIDATES]
    return [Match(_start(pattern, text, end, errors), end, errors) for end, errors in ends]
