"""Shared helpers of the extraction benchmark and quality test: re3d scoring, sample articles.

re3d is scored exactly as ``../shared/eval/score_entities.py`` scores ``parse --json`` output:
the documents are written out as ``.txt`` files, run through the real pipeline
(``pipeline.parse_file``: reading, cleaning, extraction) and compared with the scorer's own
``gold``/``score`` functions, imported from the scorer file.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from diplomareader.clean import clean_document
from diplomareader.ingest import read_document
from diplomareader.pipeline import parse_file


def load_scorer(eval_dir: Path) -> ModuleType:
    """Import ``score_entities.py`` from the shared eval folder."""
    spec = importlib.util.spec_from_file_location("score_entities", eval_dir / "score_entities.py")
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {eval_dir / 'score_entities.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sources(re3d_json: Path) -> dict[str, str]:
    """Document id -> source folder (BBC Online, CENTCOM, UK Government...)."""
    sources: dict[str, str] = {}
    for folder in sorted(p for p in re3d_json.iterdir() if p.is_dir()):
        with (folder / "documents.json").open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    sources[json.loads(line)["_id"]] = folder.name
    return sources


def score_re3d(eval_dir: Path, re3d_json: Path) -> dict[str, Any]:
    """Precision, recall and F1 of the pipeline's entity mentions on re3d, overall and per source.

    The per-source figures (``by_source``) show whether a change helps every kind of document
    or only some: re3d mixes news, ministry statements, military press releases and Wikipedia.
    """
    scorer = load_scorer(eval_dir)
    docs, gold = scorer.gold(str(re3d_json))
    preds: dict[str, set[tuple[str, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for doc_id, text in docs.items():
            path = Path(tmp) / f"{doc_id}.txt"
            path.write_text(text, encoding="utf-8")
            article = parse_file(str(path))
            found = preds.setdefault(doc_id, set())
            for entity in article.entities:
                for mention in entity.mentions:
                    found.add((scorer.norm(mention.text), scorer.kind(entity.kind)))
    result: dict[str, Any] = scorer.score(gold, preds)
    sources = _sources(re3d_json)
    result["by_source"] = {
        source: scorer.score({d: g for d, g in gold.items() if sources.get(d) == source}, preds)
        for source in sorted(set(sources.values()))
    }
    return result


def sample_articles(corpora: Path, count: int, words: int = 600) -> list[str]:
    """About ``count`` articles of about ``words`` words each, built from real paragraphs.

    Paragraphs come from cleaned White House readouts and UN General Debate speeches, in a fixed
    order, and are packed into articles until each reaches ``words`` words.
    """
    paragraphs: list[str] = []
    readouts = sorted((corpora / "wh-briefings").rglob("*.md"))[: count * 2]
    for path in readouts:
        paragraphs.extend(clean_document(read_document(str(path))).body.split("\n\n"))
    speeches = sorted((corpora / "ungdc" / "TXT").rglob("*.txt"))[: count // 2]
    for path in speeches:
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs.extend(p.strip() for p in text.split("\n") if p.strip())
    articles: list[str] = []
    current: list[str] = []
    size = 0
    for para in paragraphs:
        current.append(para)
        size += len(para.split())
        if size >= words:
            articles.append("\n\n".join(current))
            current, size = [], 0
            if len(articles) >= count:
                break
    return articles
