"""Bookmarks benchmark: how well passages are found again after the text changed, how fast,
and the fault figures at scale (saves killed with SIGKILL, concurrent writers).

1. Cross-cleaner re-anchoring on ``zyte-aeb``: passages bookmarked in one extractor's output
   are looked up in another extractor's output of the same page (what happens when the corpus
   is re-ingested with a different cleaner). Passages still present (ignoring white space) must
   be found at their place; absent ones should be orphaned or land on near-identical text.
2. Synthetic edits on the gold bodies: a paragraph is inserted before the passage, another one
   deleted, and the passage itself edited at a given rate of random character edits; or the
   passage is removed (it must then be orphaned, not anchored elsewhere).
3. Faults: ``tests/unit/test_bookmark_faults.py``'s kill loop and concurrent writers, larger.

Prints the figures and writes ``bench-out/bookmarks.json``; exits 1 when a bookmark was lost,
a read was torn, or a file was neither the old nor the new content.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.unit.test_bookmark_faults

from diplomareader.model import Article  # noqa: E402
from diplomareader.store.anchor import Anchored, reanchor  # noqa: E402
from diplomareader.store.bookmarks import Bookmark, make_bookmark  # noqa: E402


def _outputs(folder: Path, name: str) -> dict[str, str]:
    """Page id -> article body of one extractor's output file of zyte-aeb."""
    data = json.loads((folder / "baseline-output" / f"{name}.json").read_text(encoding="utf-8"))
    data = data.get("output", data)
    return {k: (v or {}).get("articleBody") or "" for k, v in data.items()}


def _gold(folder: Path) -> dict[str, str]:
    """Page id -> gold article body."""
    data = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody") or "" for k, v in data.items()}


def _passages(body: str, min_chars: int = 60) -> list[tuple[int, int]]:
    """Spans of the lines (paragraphs) of ``body`` long enough to be worth bookmarking."""
    spans = []
    for match in re.finditer(r"[^\n]+", body):
        if len(match.group().strip()) >= min_chars:
            spans.append((match.start(), match.end()))
    return spans


def _bookmark(body: str, start: int, end: int) -> Bookmark:
    """A bookmark of ``body[start:end]``."""
    return make_bookmark(Article(id="x", path="x", title="x", body=body), start, end)


def _ws_spans(text: str, body: str) -> list[tuple[int, int]]:
    """Where ``text`` occurs in ``body`` with any white space between its words."""
    words = text.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(body)]


def _overlaps(a: tuple[int, int], b: tuple[int, int], share: float = 0.5) -> bool:
    """True when span ``a`` covers at least ``share`` of span ``b``."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter >= share * (b[1] - b[0])


def cross_cleaner(folder: Path, pairs: list[tuple[str, str]], limit: int) -> dict[str, Any]:
    """Section 1: passages of one cleaner's output found in another's."""
    gold = _gold(folder)
    figures: dict[str, Any] = {}
    for src_name, dst_name in pairs:
        src = _outputs(folder, src_name) if src_name != "gold" else gold
        dst = _outputs(folder, dst_name) if dst_name != "gold" else gold
        counts = {
            "present": 0,
            "present_found": 0,
            "present_wrong": 0,
            "present_orphaned": 0,
            "absent": 0,
            "absent_orphaned": 0,
            "absent_near_identical": 0,
            "absent_false_anchor": 0,
        }
        times: list[float] = []
        for page in sorted(src)[:limit]:
            body, target = src[page], dst.get(page, "")
            if not body or not target:
                continue
            for start, end in _passages(body):
                bookmark = _bookmark(body, start, end)
                truth = _ws_spans(bookmark.text, target)
                began = time.perf_counter()
                found = reanchor(bookmark, target)
                times.append(time.perf_counter() - began)
                if truth:
                    counts["present"] += 1
                    if not isinstance(found, Anchored):
                        counts["present_orphaned"] += 1
                    elif any(_overlaps((found.start, found.end), t) for t in truth):
                        counts["present_found"] += 1
                    else:
                        counts["present_wrong"] += 1
                    continue
                counts["absent"] += 1
                if not isinstance(found, Anchored):
                    counts["absent_orphaned"] += 1
                    continue
                ratio = difflib.SequenceMatcher(None, found.text, bookmark.text).ratio()
                key = "absent_near_identical" if ratio >= 0.8 else "absent_false_anchor"
                counts[key] += 1
        times.sort()
        counts["ms_median"] = round(1000 * times[len(times) // 2], 3) if times else 0
        counts["ms_max"] = round(1000 * times[-1], 1) if times else 0
        figures[f"{src_name}->{dst_name}"] = counts
    return figures


def _mutate(text: str, rate: float, rng: random.Random) -> str:
    """``text`` with about ``rate`` * len random character edits (substitute/insert/delete)."""
    chars = list(text)
    for _ in range(int(len(chars) * rate)):
        pos = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.4:
            chars[pos] = rng.choice("abcdefghijklmnopqrstuvwxyz ")
        elif op < 0.7:
            chars.insert(pos, rng.choice("abcdefghijklmnopqrstuvwxyz "))
        elif len(chars) > 1:
            del chars[pos]
    return "".join(chars)


def synthetic(folder: Path, rates: list[float], limit: int, seed: int = 5) -> dict[str, Any]:
    """Section 2: passages edited at each rate, or removed, in a shuffled body."""
    rng = random.Random(seed)
    gold = _gold(folder)
    figures: dict[str, Any] = {}
    pages = [p for p in sorted(gold)[:limit] if len(_passages(gold[p])) >= 3]
    for rate in [*rates, -1.0]:  # -1: the passage is removed
        found_ok = wrong = orphaned = total = elsewhere = 0
        times: list[float] = []
        for page in pages:
            body = gold[page]
            spans = _passages(body)
            for start, end in rng.sample(spans, min(4, len(spans))):
                bookmark = _bookmark(body, start, end)
                others = [s for s in spans if s != (start, end)]
                drop = rng.choice(others)
                new_text = "" if rate < 0 else _mutate(bookmark.text, rate, rng)
                head = "An editor's note was added on top of this article.\n"
                before = head + body[:start].replace(body[drop[0] : drop[1]], "")
                after = body[end:].replace(body[drop[0] : drop[1]], "")
                new_body = before + new_text + after
                truth = (len(before), len(before) + len(new_text))
                began = time.perf_counter()
                found = reanchor(bookmark, new_body)
                times.append(time.perf_counter() - began)
                total += 1
                if not isinstance(found, Anchored):
                    orphaned += 1
                elif rate >= 0 and _overlaps((found.start, found.end), truth):
                    found_ok += 1
                elif difflib.SequenceMatcher(None, found.text, bookmark.text).ratio() >= 0.95:
                    elsewhere += 1  # the same words occur elsewhere in the article
                else:
                    wrong += 1
        times.sort()
        label = "removed" if rate < 0 else f"edits {rate:.0%}"
        figures[label] = {
            "passages": total,
            "found": found_ok,
            "orphaned": orphaned,
            "same_text_elsewhere": elsewhere,
            "wrong_place": wrong,
            "ms_median": round(1000 * times[len(times) // 2], 3) if times else 0,
            "ms_max": round(1000 * times[-1], 1) if times else 0,
        }
    return figures


def faults(kills: int, writers: int, ops: int) -> dict[str, Any]:
    """Section 3: the fault tests at a larger scale."""
    from tests.unit.test_bookmark_faults import concurrent_writers, kill_during_saves

    with tempfile.TemporaryDirectory() as tmp:
        report = kill_during_saves(Path(tmp), kills=kills, seed=11)
    with tempfile.TemporaryDirectory() as tmp:
        done, kept, lost = concurrent_writers(Path(tmp), writers=writers, ops=ops)
    return {
        "kill": {k: v for k, v in vars(report).items() if k != "notes"},
        "kill_line": report.line(),
        "concurrent": {"writers": writers, "saves": done, "kept": kept, "lost": lost},
    }


def _default_shared() -> str:
    """``shared`` beside the checkout or beside one of its ancestors (git worktrees)."""
    for parent in ROOT.parents:
        if (parent / "shared" / "corpora").is_dir():
            return str(parent / "shared")
    return str(ROOT.parent / "shared")


def main() -> int:
    """Run the sections, print figures, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=_default_shared())
    parser.add_argument("--out-dir", default=str(ROOT / "bench-out"))
    parser.add_argument("--pages", type=int, default=181)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--ops", type=int, default=60)
    args = parser.parse_args()
    result: dict[str, Any] = {}
    zyte = Path(args.shared) / "corpora" / "zyte-aeb"
    if zyte.is_dir():
        pairs = [("readability", "trafilatura"), ("trafilatura", "gold"), ("newspaper", "gold")]
        result["cross_cleaner"] = cross_cleaner(zyte, pairs, args.pages)
        rates = [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5]
        result["synthetic"] = synthetic(zyte, rates, args.pages)
        for section in ("cross_cleaner", "synthetic"):
            for name, counts in result[section].items():
                print(f"{section:13s} {name:26s} {counts}")
    else:
        print(f"skipping the anchoring sections: {zyte} is absent")
    result["faults"] = faults(args.kills, args.writers, args.ops)
    print("faults       ", result["faults"]["kill_line"])
    print("concurrency  ", result["faults"]["concurrent"])
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bookmarks.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    kill = result["faults"]["kill"]
    bad = kill["lost"] + kill["torn_reads"] + kill["bad_states"]
    return 1 if bad or result["faults"]["concurrent"]["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
