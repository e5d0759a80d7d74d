"""Choosing the article's run of lines from per-line scores, anchored on the headline.

The densest run (highest total score) is usually the article, but on pages whose sidebars,
comment threads or footers hold more text than the article it is not. A dump normally
starts with the page's ``<title>``, and the headline repeats it just above the article: the
best run that starts shortly after such an echo is preferred unless it is much weaker than
the densest run anywhere.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from diplomareader.clean.lines import CACHE_SIZE, WORD, Line
from diplomareader.clean.sources import split_site_name

ANCHOR_WINDOW: Final = 12
"""The article must start within this many lines after the headline."""
ANCHOR_SHARE: Final = 0.2
"""The anchored run is taken when it scores at least this share of the densest run."""
ANCHOR_SIMILARITY: Final = 0.6
GAP_LIMIT: Final = 90.0
TERMINAL: Final = -1000.0
"""Score of a heading after which the article does not go on (set by the line scorer)."""
"""Furniture between two text runs adding up to less than minus this separates them."""


def best_region(scores: list[float]) -> tuple[int, int, float]:
    """``(start, end, total)`` of the contiguous run with the highest total score (Kadane)."""
    best, best_start, best_end = float("-inf"), 0, 0
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = score, index
        else:
            total += score
        if total > best:
            best, best_start, best_end = total, start, index + 1
    if best <= 0:
        return 0, 0, 0.0
    return best_start, best_end, best


def best_runs_from(scores: list[float]) -> tuple[list[float], list[int]]:
    """For each start, the best total of a run starting there and where that run ends."""
    n = len(scores)
    best = [0.0] * (n + 1)
    ends = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        if best[i + 1] > 0:
            best[i], ends[i] = scores[i] + best[i + 1], ends[i + 1]
        else:
            best[i], ends[i] = scores[i], i + 1
    return best[:n], ends[:n]


@lru_cache(maxsize=CACHE_SIZE)
def _tokens(text: str) -> frozenset[str]:
    """Lower-case word tokens."""
    return frozenset(t.lower() for t in WORD.findall(text))


def headline_anchors(lines: list[Line]) -> list[int]:
    """Positions of lines after the first that repeat the page title (without site name)."""
    if len(lines) < 2:
        return []
    title, _ = split_site_name(lines[0].text)
    title_tokens = _tokens(title)
    if len(title_tokens) < 2:
        return []
    anchors = []
    for position in range(1, len(lines)):
        line = lines[position]
        if line.words > 40 or line.words < 2:
            continue
        tokens = _tokens(line.text)
        common = len(tokens & title_tokens)
        if (
            common / len(title_tokens) >= ANCHOR_SIMILARITY
            and common / len(tokens) >= ANCHOR_SIMILARITY - 0.1
        ):
            anchors.append(position)
    return anchors


def harden_gaps(scores: list[float], limit: float) -> list[float]:
    """Turn every run of non-positive lines adding up to less than ``-limit`` into a barrier.

    A long stretch of furniture between two text regions means they are different things
    (the article and a list of teasers, say), however much text the second one has.
    """
    hardened = list(scores)
    i, n = 0, len(scores)
    while i < n:
        if scores[i] > 0:
            i += 1
            continue
        j, total = i, 0.0
        while j < n and scores[j] <= 0:
            total += scores[j]
            j += 1
        if total < -limit:
            for k in range(i, j):
                hardened[k] = min(hardened[k], TERMINAL + 1)
        i = j
    return hardened


def choose_region(
    lines: list[Line], scores: list[float], comments: list[bool] | None = None
) -> tuple[int, int]:
    """The article's ``(start, end)`` among ``lines``: anchored on the headline if possible.

    ``comments`` flags headings that open a comment thread: text after such a heading that
    follows the anchored run is never preferred to the anchored run.
    """
    terminal = comments or [False] * len(lines)
    scores = harden_gaps(scores, GAP_LIMIT)
    start, end, total = best_region(scores)
    anchors = headline_anchors(lines)
    if not anchors or total <= 0:
        return start, end
    runs, ends = best_runs_from(scores)
    for anchor in anchors:
        best: tuple[float, int, int] | None = None
        for s in range(anchor + 1, min(anchor + 1 + ANCHOR_WINDOW, len(lines))):
            if terminal[s]:
                break
            if runs[s] > 0 and (best is None or runs[s] > best[0]):
                best = (runs[s], s, ends[s])
        if best is None:
            continue
        if best[0] >= ANCHOR_SHARE * total or start <= anchor < end:
            return best[1], best[2]
        if best[2] <= start and any(terminal[best[2] : start]):
            return best[1], best[2]
    return start, end
