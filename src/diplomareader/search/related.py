"""Related quotes: what the article's speakers said elsewhere, and quotes elsewhere on the
same matter (sharing its people, places, organisations and distinctive words)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Final

from diplomareader.model import Article, RelatedQuote
from diplomareader.search.compile import Lexicon, stems
from diplomareader.search.documents import entity_keys, quote_from_data, speaker_keys
from diplomareader.search.topk import Clause, top_documents

SPEAKER_BOOST: Final = 6.0
"""Weight of a same-speaker match against one shared entity or word."""
ENTITY_BOOST: Final = 1.5
MAX_ENTITIES: Final = 12
MAX_WORDS: Final = 16
COMMON: Final = 0.02
"""Words and entities in more than this share of all quotes say too little to relate."""


def _speaker_clauses(article: Article) -> tuple[list[Clause], set[str], set[str]]:
    """Quotes by any of the article's speakers: people by surname (folded, so Toqayev =
    Tokayev), others by their full names. Returns the clauses, full keys and surnames."""
    clauses: list[Clause] = []
    full: set[str] = set()
    surnames: set[str] = set()
    kinds = {e.name: e.kind for e in article.entities}
    for speaker in dict.fromkeys(q.speaker for q in article.quotes if q.speaker):
        keys = speaker_keys(speaker, article.entities)
        full.update(keys)
        groups: tuple[tuple[str, ...], ...]
        if kinds.get(speaker, "person") == "person":
            names = {k.split()[-1] for k in keys if len(k.split()[-1]) > 2}
            surnames.update(names)
            groups = tuple((n,) for n in sorted(names))
        else:
            # Several-word names: quotes whose names hold every word. Not a phrase: each
            # quote lists only a few names, so the words of one name seldom come from two.
            groups = tuple(tuple(key.split()) for key in keys)
        if groups:
            clauses.append(("speaker", groups, SPEAKER_BOOST))
    return clauses, full, surnames


def _same_speaker(keys: list[str], full: set[str], surnames: set[str]) -> bool:
    """Whether a quote's speaker keys name one of the article's speakers."""
    return any(k in full or k.split()[-1] in surnames for k in keys if k)


def _entity_terms(article: Article, lexicon: Lexicon) -> dict[str, str]:
    """The keys of the article's most mentioned entities that are not everywhere:
    key -> entity name."""
    ranked = sorted(article.entities, key=lambda e: len(e.mentions), reverse=True)
    ceiling = max(50, COMMON * 2 * lexicon.count_all)
    frequency = lexicon.table("entities").get
    terms: dict[str, str] = {}
    taken = 0
    for entity in ranked:
        if taken >= MAX_ENTITIES:
            break
        keys = [
            key
            for key in entity_keys(entity)
            # A several-word name is in no more quotes than its rarest word.
            if key not in terms and min(frequency(word, 0) for word in key.split()) <= ceiling
        ]
        taken += bool(keys)
        terms.update(dict.fromkeys(keys, entity.name))
    return terms


def _word_terms(article: Article, lexicon: Lexicon) -> list[str]:
    """The article's most distinctive words (tf-idf against the quote index), counting its
    title and its quotes more than the rest of the body."""
    counts: Counter[str] = Counter(stems(article.body))
    for quote in article.quotes:
        counts.update(stems(quote.text))
    for term in stems(article.title):
        counts[term] += 3
    total = max(1, lexicon.count_all)
    ceiling = max(50, COMMON * total)
    frequency = lexicon.table("text").get
    scored: list[tuple[float, str]] = []
    for term, tf in counts.items():
        if len(term) < 3 or term.isdigit():
            continue
        df = frequency(term, 0)
        if df == 0 or df > ceiling:
            continue
        scored.append(((1 + math.log(tf)) * math.log(1 + total / df), term))
    scored.sort(reverse=True)
    return [term for _, term in scored[:MAX_WORDS]]


def prepare(engine: Any) -> None:
    """Read the quote index's statistics that :func:`find_related` uses on every call."""
    for fieldname in ("text", "entities"):
        engine.lexicon.table(fieldname)
    for fieldname in ("text", "entities", "speaker"):
        engine.norm(fieldname)


def find_related(view: Any, article: Article, *, limit: int = 20) -> list[RelatedQuote]:
    """Quotes from other articles related to ``article``, best first (``view``: the quote
    index's reader, byte columns and engine)."""
    engine = view.engine
    clauses, full, surnames = _speaker_clauses(article)
    ents = _entity_terms(article, engine.lexicon)
    words = _word_terms(article, engine.lexicon)
    by_entity: dict[str, list[tuple[str, ...]]] = {}
    for key, name in ents.items():
        by_entity.setdefault(name, []).append(tuple(key.split()))
    clauses.extend(("entities", tuple(groups), ENTITY_BOOST) for groups in by_entity.values())
    clauses.extend(("text", ((word,),), 1.0) for word in words)
    if not clauses:
        return []
    own = engine.idset("aid", article.id)
    mirrors = getattr(view, "mirrors", None)
    source = mirrors.postings if mirrors is not None and mirrors.complete() else None
    ranked = top_documents(engine, clauses, limit, exclude=own, postings=source)
    data = view.columns("data")
    word_set = set(words)
    related: list[RelatedQuote] = []
    for score, docnum in ranked:
        _, quote, summary, spk_keys, ent_keys = quote_from_data(data[docnum])
        reasons: list[str] = []
        if _same_speaker(spk_keys, full, surnames):
            reasons.append("same speaker")
        shared = [ents[k] for k in ent_keys if k in ents]
        if shared:
            reasons.append("shared entities: " + ", ".join(dict.fromkeys(shared)))
        common = sorted(word_set.intersection(stems(quote.text)))
        if common:
            reasons.append("shared words: " + ", ".join(common[:5]))
        related.append(
            RelatedQuote(quote=quote, article=summary, score=score, reason="; ".join(reasons))
        )
    return related
