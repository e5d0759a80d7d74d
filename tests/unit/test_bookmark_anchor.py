"""Re-anchoring bookmarked passages after the article text changed, and the approximate
matcher underneath it (checked against a plain dynamic-programming edit distance)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from diplomareader.model import Article
from diplomareader.store.anchor import Anchored, Orphaned, reanchor
from diplomareader.store.anchor_match import approximate_matches, end_scores
from diplomareader.store.bookmarks import Bookmark, make_bookmark

PARAS = [
    "Russian Foreign Minister Sergey Lavrov said he disagreed with the remarks.",
    "The President noted that the principle of territorial integrity must be respected.",
    "Kazakhstan will continue to support dialogue between the parties, he added.",
    "The ministry said the position had not changed since 2022.",
]
BODY = "\n\n".join(PARAS)


def _bookmark(body: str, text: str, occurrence: int = 0) -> Bookmark:
    """A bookmark of the ``occurrence``-th ``text`` in ``body``."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    art = Article(id="a", path="a.txt", title="T", body=body)
    return make_bookmark(art, start, start + len(text))


def _dp_search(pattern: str, text: str) -> list[int]:
    """Edit distance of ``pattern`` to the best substring ending at each position (reference)."""
    prev = list(range(len(pattern) + 1))
    out = []
    for ch in text:
        cur = [0]
        for i in range(1, len(pattern) + 1):
            cur.append(min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (pattern[i - 1] != ch)))
        out.append(cur[-1])
        prev = cur
    return out


def _levenshtein(a: str, b: str) -> int:
    """Plain edit distance (reference)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_bit_parallel_scores_equal_dynamic_programming() -> None:
    """Myers' scan gives the same scores as the textbook DP on 1,500 random cases."""
    rng = random.Random(7)
    for _ in range(1500):
        pattern = "".join(rng.choice("abc") for _ in range(rng.randint(1, 70)))
        text = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 40)))
        assert list(end_scores(pattern, text)) == _dp_search(pattern, text)
        k = rng.randint(0, 5)
        for match in approximate_matches(pattern, text, k):
            assert _levenshtein(pattern, text[match.start : match.end]) == match.errors <= k


def test_unchanged_body_uses_the_offsets() -> None:
    """The same body: found where it was."""
    bm = _bookmark(BODY, PARAS[1])
    found = reanchor(bm, BODY)
    assert isinstance(found, Anchored) and found.method == "unchanged" and found.exact
    assert (found.start, found.end) == (bm.start, bm.end)


def test_moved_passage_is_found_exactly() -> None:
    """Text inserted before the passage: the exact text is found at its new place."""
    bm = _bookmark(BODY, PARAS[2])
    new_body = "A new first paragraph.\n\n" + BODY
    found = reanchor(bm, new_body)
    assert isinstance(found, Anchored) and found.method == "exact"
    assert new_body[found.start : found.end] == PARAS[2]


def test_repeated_text_is_settled_by_context() -> None:
    """The passage occurs twice; the context picks the right one even after a shift."""
    body = "Intro one.\n\nThe talks went well.\n\nMiddle part.\n\nThe talks went well.\n\nEnd."
    bm = _bookmark(body, "The talks went well.", occurrence=1)
    new_body = "Much longer introduction here. " * 3 + body.replace("Intro one.", "Intro.")
    found = reanchor(bm, new_body)
    assert isinstance(found, Anchored)
    assert new_body[found.start - 14 : found.start] == "Middle part.\n\n"


def test_rewrapped_text_matches_ignoring_whitespace() -> None:
    """Line breaks and double spaces added by a new cleaner do not lose the passage."""
    bm = _bookmark(BODY, PARAS[1])
    new_body = BODY.replace("principle of territorial", "principle of\nterritorial  ")
    found = reanchor(bm, new_body)
    assert isinstance(found, Anchored) and found.method == "whitespace"
    assert found.text.split() == PARAS[1].split()


def test_edited_passage_is_found_between_its_context() -> None:
    """Heavily edited text between an unchanged prefix and suffix is found by context."""
    bm = _bookmark(BODY, PARAS[2])
    edited = "Kazakhstan would keep supporting a dialogue of both parties, he added."
    new_body = BODY.replace(PARAS[2], edited)
    found = reanchor(bm, new_body)
    assert isinstance(found, Anchored) and found.method in ("context", "fuzzy")
    assert found.text == edited and 0 < found.score < 1


def test_small_edits_without_context_are_found_fuzzily() -> None:
    """A few typos fixed and the surroundings rewritten: the fuzzy match finds it."""
    bm = _bookmark(BODY, PARAS[1])
    fixed = PARAS[1].replace("noted", "stressed").replace("must", "should")
    new_body = "Completely new opening.\n\n" + fixed + "\n\nAnd a new ending."
    found = reanchor(bm, new_body)
    assert isinstance(found, Anchored) and found.method == "fuzzy"
    assert found.text == fixed and found.score > 0.8


@pytest.mark.parametrize(
    "new_body",
    ["", "An entirely different article about the weather in Astana.\n\nNothing else."],
)
def test_vanished_passage_is_orphaned(new_body: str) -> None:
    """A passage that is gone is reported as orphaned, not matched to something random."""
    bm = _bookmark(BODY, PARAS[1])
    assert isinstance(reanchor(bm, new_body), Orphaned)


def test_removed_passage_is_not_pinned_on_a_similar_sentence() -> None:
    """A removed passage is orphaned even when a sentence of the same shape remains."""
    body = (
        "Bonds fell on Tuesday.\n\n"
        "The 30-year bond last rose 29/32 in price to yield 2.1180%.\n\n"
        "The 10-year notes last rose 7/32 in price to yield 1.5431%.\n\n"
        "Stocks were flat."
    )
    bm = _bookmark(body, "The 30-year bond last rose 29/32 in price to yield 2.1180%.")
    new_body = body.replace(bm.text + "\n\n", "").replace("Bonds fell", "Bonds rose")
    assert isinstance(reanchor(bm, new_body), Orphaned)


def test_fuzzy_search_is_fast_enough_on_a_long_article() -> None:
    """A 300-character passage in a 200,000-character body is scanned without trouble."""
    rng = random.Random(3)
    words = [
        "the",
        "of",
        "and",
        "to",
        "in",
        "said",
        "minister",
        "talks",
        "state",
        "peace",
        "sanctions",
    ]
    filler = " ".join(rng.choice(words) for _ in range(35_000))
    bm = _bookmark(BODY, PARAS[1])
    found = reanchor(bm, filler + "\n\n" + PARAS[1].replace("noted", "said") + "\n\n" + filler)
    assert isinstance(found, Anchored) and found.method == "fuzzy"


def test_passages_found_again_after_another_cleaner(corpora: Path) -> None:
    """Real pages cleaned by two extractors (zyte-aeb): every passage of newspaper's output
    still present in the gold body is found at its place; absent ones are not pinned on
    dissimilar text (figures at full scale: benchmarks/bench_bookmarks.py)."""
    import json
    import re
    from difflib import SequenceMatcher

    folder = corpora / "zyte-aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    other = json.loads((folder / "baseline-output" / "newspaper.json").read_text(encoding="utf-8"))
    other = other.get("output", other)
    present = found = absent_false = 0
    for page in sorted(gold)[:40]:
        body, target = (other.get(page) or {}).get("articleBody") or "", gold[page]["articleBody"]
        for match in re.finditer(r"[^\n]{60,}", body):
            bm = _bookmark(body, match.group())
            words = bm.text.split()
            truth = re.search(r"\s+".join(re.escape(w) for w in words), target)
            result = reanchor(bm, target)
            if truth:
                present += 1
                found += (
                    isinstance(result, Anchored)
                    and result.start < truth.end()
                    and (result.end > truth.start())
                )
            elif isinstance(result, Anchored):
                absent_false += SequenceMatcher(None, result.text, bm.text).ratio() < 0.8
    assert present > 300
    assert found == present and absent_false == 0
