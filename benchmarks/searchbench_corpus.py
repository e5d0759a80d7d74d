"""The search benchmark's corpus: N articles recombined from real paragraphs.

Paragraphs come from ``../shared/corpora``: White House readouts and briefings, UN General
Debate speeches and PolNeAR news articles. Each article takes a run of consecutive
paragraphs of one document (so quotes keep their attributions) and, when short, a run from
another of the same kind, up to about 575 words; it gets a spread date and one of forty
sources. Files are Markdown with YAML front matter, the format of the White House corpus,
so they go through the real pipeline. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import yaml

TARGET_WORDS: Final = 575
SOURCES: Final = [
    "Reuters",
    "Associated Press",
    "AFP",
    "TASS",
    "Xinhua",
    "Kazinform",
    "Qazaq TV",
    "Orda.kz",
    "Astana Times",
    "The Guardian",
    "BBC News",
    "Al Jazeera",
    "Deutsche Welle",
    "France 24",
    "Euronews",
    "Anadolu Agency",
    "RIA Novosti",
    "Interfax",
    "Kyiv Independent",
    "UN News",
    "White House",
    "State Department",
    "Foreign Ministry of Kazakhstan",
    "MFA Russia",
    "European Council",
    "NATO",
    "OSCE",
    "Politico",
    "Foreign Policy",
    "The Diplomat",
    "Nikkei Asia",
    "South China Morning Post",
    "Times of India",
    "Dawn",
    "Daily Sabah",
    "Trend News Agency",
    "Kabar",
    "UzDaily",
    "Eurasianet",
    "RFE/RL",
]
_LINK: Final = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FRONT: Final = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)


@dataclass
class Doc:
    """A source document split into paragraphs."""

    kind: str
    title: str
    paragraphs: list[str]


def _paragraphs(text: str) -> list[str]:
    """Blank-line-separated paragraphs, wrapped lines joined, links reduced to their text."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        para = " ".join(line.strip() for line in block.splitlines() if line.strip())
        para = _LINK.sub(r"\1", para).replace("\\_", " ").strip()
        if len(para.split()) >= 8:
            out.append(para)
    return out


def _sentences(text: str) -> list[str]:
    """Rough sentences, for speeches stored as very long lines."""
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text) if s]


def load_docs(corpora: Path) -> list[Doc]:
    """Every usable document of the three collections."""
    docs: list[Doc] = []
    for path in sorted((corpora / "wh-briefings").rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        title = path.stem.replace("-", " ")
        match = _FRONT.match(text)
        if match:
            try:
                front = yaml.safe_load(match.group(0).strip("-\n")) or {}
                title = str(front.get("title") or title).replace("\\_", " ").replace("\xa0", " ")
            except yaml.YAMLError:
                pass
            text = text[match.end() :]
        paras = _paragraphs(text)
        if paras:
            docs.append(Doc("wh", " ".join(title.split()), paras))
    for path in sorted((corpora / "ungdc").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        paras = []
        for line in text.splitlines():
            sents = _sentences(line.strip())
            for i in range(0, len(sents), 4):
                chunk = " ".join(sents[i : i + 4])
                if len(chunk.split()) >= 8:
                    paras.append(chunk)
        if paras:
            docs.append(Doc("un", f"Statement to the General Assembly ({path.stem})", paras))
    for path in sorted((corpora / "polnear" / "data").glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if len(lines) > 2:
            paras = [p for p in lines[1:] if len(p.split()) >= 6]
            if paras:
                docs.append(Doc("news", lines[0].rstrip("."), paras))
    return docs


def _run(rng: random.Random, doc: Doc, words: int) -> list[str]:
    """Consecutive paragraphs of ``doc`` adding up to about ``words`` words."""
    start = rng.randrange(len(doc.paragraphs))
    out: list[str] = []
    count = 0
    for para in doc.paragraphs[start:]:
        out.append(para)
        count += len(para.split())
        if count >= words:
            break
    return out


def articles(corpora: Path, count: int, seed: int = 7) -> Iterator[tuple[str, dict[str, str], str]]:
    """``(file name, front matter, body)`` for ``count`` recombined articles."""
    rng = random.Random(seed)
    docs = load_docs(corpora)
    by_kind: dict[str, list[Doc]] = {}
    for doc in docs:
        by_kind.setdefault(doc.kind, []).append(doc)
    kinds = sorted(by_kind)
    first_day = dt.date(2015, 1, 1).toordinal()
    last_day = dt.date.today().toordinal()
    for i in range(count):
        kind = kinds[i % len(kinds)]
        main = rng.choice(by_kind[kind])
        paras = _run(rng, main, TARGET_WORDS)
        while sum(len(p.split()) for p in paras) < TARGET_WORDS * 0.8:
            paras += _run(rng, rng.choice(by_kind[kind]), TARGET_WORDS // 3)
        day = dt.date.fromordinal(rng.randint(first_day, last_day))
        front = {"title": main.title, "date": day.isoformat(), "source": rng.choice(SOURCES)}
        yield f"{i // 1000:03d}/article-{i:06d}.md", front, "\n\n".join(paras)


def write_corpus(corpora: Path, out: Path, count: int, *, start: int = 0, seed: int = 7) -> int:
    """Write articles ``start..start+count`` under ``out``; returns the words written."""
    words = 0
    for i, (name, front, body) in enumerate(articles(corpora, start + count, seed)):
        if i < start:
            continue
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        path.write_text(f"---\n{head}---\n\n{body}\n", encoding="utf-8")
        words += len(body.split())
    return words
