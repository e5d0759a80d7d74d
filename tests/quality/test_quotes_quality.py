"""Quote quality on the PolNeAR dev split, scored with the shared gold builder and scorer.

The pipeline runs on the dev texts (the split is held out: rules are developed on ``train``);
``polnear_gold.py`` builds the gold and ``score_quotes.py`` scores the ``parse --json`` shape.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from diplomareader.pipeline import parse_file

F1_TARGET = 0.90
"""Issue 4: direct-quote F1 on the dev split."""
SPEAKER_TARGET = 0.85
"""Issue 4: speaker accuracy on the dev split."""
SPEAKER_FLOOR = 0.68
"""Regression floor for the official speaker accuracy (measured 0.699; 0.649 before pass 2)."""
HEAD_NAME_FLOOR = 0.89
"""Floor for speaker accuracy on the gold source's head name (measured 0.908; 0.851 before)."""

_APPOSITION = re.compile(r",|\(| who | whose | which ")
_OF_PHRASE = re.compile(r" of ")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


def head_name(source: str) -> str:
    """The gold source cut before its apposition or affiliation: the person it names.

    "Daryl Kimball, executive director of the Arms Control Association" -> "Daryl Kimball";
    "Sen. Tom Carper of Delaware" -> "Sen. Tom Carper" (an "of" phrase is cut only when two
    capitalised words stay before it, so "Secretary of State John Kerry" is kept whole).
    """
    head = _APPOSITION.split(source)[0]
    before_of = _OF_PHRASE.split(head)[0]
    if before_of != head and len(_CAPITALISED.findall(before_of)) >= 2:
        return before_of
    return head


_RUNS: dict[str, dict[str, Any]] = {}
"""The dev run, computed once per test process."""


@pytest.fixture
def dev_scores(
    corpora: Path, shared_eval: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Gold, predictions and the shared scorer's figures for the dev split (built once)."""
    if "dev" not in _RUNS:
        _RUNS["dev"] = _run_dev(corpora, shared_eval, tmp_path_factory)
    return _RUNS["dev"]


def _run_dev(
    corpora: Path, shared_eval: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Build the gold, run the pipeline on the dev texts and score them."""
    split = corpora / "polnear" / "data" / "dev"
    scorer = shared_eval / "score_quotes.py"
    work = tmp_path_factory.mktemp("polnear")
    gold_path, pred_path = work / "dev-gold.json", work / "pred.jsonl"
    subprocess.run(
        [sys.executable, str(shared_eval / "polnear_gold.py"), str(split), str(gold_path)],
        check=True,
        capture_output=True,
    )
    with pred_path.open("w", encoding="utf-8") as out:
        for text in sorted((split / "text").glob("*.txt")):
            out.write(json.dumps(parse_file(str(text)).to_json(), ensure_ascii=False) + "\n")
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold_path), str(pred_path)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = dict(pair.split("=") for pair in result.stdout.split())
    return {
        "figures": {key: float(value) for key, value in figures.items()},
        "gold": json.loads(gold_path.read_text(encoding="utf-8")),
        "pred": pred_path,
        "scorer": scorer,
    }


@pytest.mark.corpora
def test_dev_quote_f1_meets_the_target(dev_scores: dict[str, Any]) -> None:
    """Direct quotes found on the dev split: F1 >= 0.90 with the shared scorer."""
    figures = dev_scores["figures"]
    assert figures["f1"] >= F1_TARGET, figures


@pytest.mark.corpora
def test_dev_speaker_accuracy_floor(dev_scores: dict[str, Any]) -> None:
    """Speaker accuracy and attributed recall with the shared scorer do not regress."""
    figures = dev_scores["figures"]
    assert figures["speaker_accuracy"] >= SPEAKER_FLOOR, figures
    assert figures["attributed_recall"] >= SPEAKER_FLOOR - 0.01, figures


@pytest.mark.corpora
@pytest.mark.xfail(
    strict=True,
    reason="the scorer takes the last capitalised word of the whole gold source span, "
    "apposition included ('Daryl Kimball, executive director of the Arms Control Association' "
    "wants 'Association', 'Sen. Tom Carper of Delaware' wants 'Delaware'); a canonical name "
    "cannot contain it. Dev, 445 judged: 311 right by the scorer, 96 right person but the gold "
    "span ends in an apposition, tag or 'of' phrase, 20 with no speaker (mostly unnamed or "
    "document sources), 18 other (roles the gold keeps as roles, scorer artefacts, wrong); "
    "even with all 38 put right the scorer would give at most 0.784",
)
def test_dev_speaker_accuracy_meets_the_issue_target(dev_scores: dict[str, Any]) -> None:
    """Issue 4's speaker target on the shared scorer (not met: see the xfail reason)."""
    assert dev_scores["figures"]["speaker_accuracy"] >= SPEAKER_TARGET


@pytest.mark.corpora
def test_dev_speaker_accuracy_on_head_names(dev_scores: dict[str, Any]) -> None:
    """Speakers scored against the gold source's head name (its apposition cut off)."""
    spec = importlib.util.spec_from_file_location("score_quotes", dev_scores["scorer"])
    assert spec is not None and spec.loader is not None
    score_quotes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_quotes)
    gold = dev_scores["gold"]
    preds = score_quotes.load_preds(str(dev_scores["pred"]))
    right = judged = 0
    for doc, entry in gold.items():
        found = [q for q in preds.get(doc, []) if len(re.findall(r"\w+", q["text"])) >= 3]
        for quote in entry["quotes"]:
            best = max(
                found,
                key=lambda p: score_quotes.contained(quote["quoted"], p["text"]),
                default=None,
            )
            if best is None or score_quotes.contained(quote["quoted"], best["text"]) < 0.5:
                continue
            if quote["named"]:
                judged += 1
                head = head_name(quote["source"])
                right += score_quotes.surname_match(
                    best["speaker"], head
                ) or score_quotes.surname_match(best["speaker"], quote["source"])
    assert judged > 300
    assert right / judged >= HEAD_NAME_FLOOR, (right, judged)


@pytest.mark.corpora
def test_dev_quotes_index_the_body(dev_scores: dict[str, Any]) -> None:
    """Every extracted quote of the dev run satisfies ``body[start:end] == text``."""
    for line in Path(dev_scores["pred"]).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for quote in record["quotes"]:
            assert record["body"][quote["start"] : quote["end"]] == quote["text"]
