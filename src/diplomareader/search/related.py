"""Related quotes: what the article's speakers said elsewhere, and quotes elsewhere on the
same matter (sharing its people, places, organisations and distinctive words)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Final

from whoosh import query as wq

from diplomareader.model import Article, RelatedQuote
from diplomareader.search.compile import stems
from diplomareader.search.documents import Columns, entity_keys, quote_from_data, speaker_keys

SPEAKER_BOOST: Final = 6.0
"""Weight of a same-speaker match against one shared entity or word."""
ENTITY_BOOST: Final = 1.5
MAX_ENTITIES: Final = 12
MAX_WORDS: Final = 16
COMMON: Final = 0.05
"""Words and entities in more than this share of all quotes say too little to relate."""


def _speaker_query(article: Article) -> tuple[Any | None, set[str], set[str]]:
    """Quotes by any of the article's speakers: by full name keys, and by the surname of
    people. Returns the query, the full keys and the surnames."""
    alts: list[Any] = []
    full: set[str] = set()
    surnames: set[str] = set()
    kinds = {e.name: e.kind for e in article.entities}
    for speaker in dict.fromkeys(q.speaker for q in article.quotes if q.speaker):
        keys = speaker_keys(speaker, article.entities)
        for key in keys:
            words = key.split()
            full.add(key)
            alts.append(
                wq.Term("speaker", words[0], boost=SPEAKER_BOOST)
                if len(words) == 1
                else wq.Phrase("speaker", words, boost=SPEAKER_BOOST)
            )
        if keys and kinds.get(speaker, "person") == "person":
            surname = keys[0].split()[-1]
            if len(surname) > 2:
                surnames.add(surname)
                alts.append(wq.Term("speaker", surname, boost=SPEAKER_BOOST * 0.8))
    return (wq.Or(alts) if alts else None), full, surnames


def _same_speaker(keys: list[str], full: set[str], surnames: set[str]) -> bool:
    """Whether a quote's speaker keys name one of the article's speakers."""
    return any(k in full or k.split()[-1] in surnames for k in keys if k)


def _entity_terms(article: Article, reader: Any) -> dict[str, str]:
    """The article's most mentioned entities that are not everywhere: key -> name."""
    ranked = sorted(article.entities, key=lambda e: len(e.mentions), reverse=True)
    ceiling = max(50, COMMON * 2 * reader.doc_count_all())
    terms: dict[str, str] = {}
    for entity in ranked:
        if len(terms) >= MAX_ENTITIES:
            break
        for key in entity_keys(entity):
            words = key.split()
            if len(words) == 1 and reader.doc_frequency("entities", key) > ceiling:
                continue
            terms.setdefault(key, entity.name)
    return terms


def _word_terms(article: Article, reader: Any) -> list[str]:
    """The article's most distinctive words (tf-idf against the quote index), counting its
    title and its quotes more than the rest of the body."""
    counts: Counter[str] = Counter(stems(article.body))
    for quote in article.quotes:
        counts.update(stems(quote.text))
    for term in stems(article.title):
        counts[term] += 3
    total = max(1, reader.doc_count_all())
    ceiling = max(50, COMMON * total)
    scored: list[tuple[float, str]] = []
    for term, tf in counts.items():
        if len(term) < 3 or term.isdigit():
            continue
        df = reader.doc_frequency("text", term)
        if df == 0 or df > ceiling:
            continue
        scored.append(((1 + math.log(tf)) * math.log(1 + total / df), term))
    scored.sort(reverse=True)
    return [term for _, term in scored[:MAX_WORDS]]


def find_related(qsearcher: Any, article: Article, *, limit: int = 20) -> list[RelatedQuote]:
    """Quotes from other articles related to ``article``, best first."""
    reader = qsearcher.reader()
    speaker_q, full, surnames = _speaker_query(article)
    ents = _entity_terms(article, reader)
    words = _word_terms(article, reader)
    alts: list[Any] = [speaker_q] if speaker_q is not None else []
    for key in ents:
        words_of_key = key.split()
        alts.append(
            wq.Term("entities", key, boost=ENTITY_BOOST)
            if len(words_of_key) == 1
            else wq.Phrase("entities", words_of_key, boost=ENTITY_BOOST)
        )
    alts.extend(wq.Term("text", w) for w in words)
    if not alts:
        return []
    query = wq.AndNot(wq.Or(alts), wq.Term("aid", article.id))
    results = qsearcher.search(query, limit=max(1, limit))
    data = Columns(qsearcher.reader())("data")
    own_keys = {k: name for k, name in ents.items()}
    word_set = set(words)
    related: list[RelatedQuote] = []
    for hit in results:
        _, quote, summary, spk_keys, ent_keys = quote_from_data(data[hit.docnum])
        reasons: list[str] = []
        if _same_speaker(spk_keys, full, surnames):
            reasons.append("same speaker")
        shared = [own_keys[k] for k in ent_keys if k in own_keys]
        if shared:
            reasons.append("shared entities: " + ", ".join(dict.fromkeys(shared)))
        common = sorted(word_set.intersection(stems(quote.text)))
        if common:
            reasons.append("shared words: " + ", ".join(common[:5]))
        related.append(
            RelatedQuote(
                quote=quote,
                article=summary,
                score=float(hit.score or 0.0),
                reason="; ".join(reasons),
            )
        )
    return related
