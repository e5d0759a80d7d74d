"""Related quotes: what the article's speakers said elsewhere, and quotes elsewhere on the
same matter (sharing its people, places, organisations and distinctive words)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Final

from whoosh import query as wq

from diplomareader.model import Article, RelatedQuote
from diplomareader.search.compile import stems
from diplomareader.search.documents import entity_keys, quote_from_stored, speaker_keys

SPEAKER_BOOST: Final = 6.0
"""Weight of a same-speaker match against one shared entity or word."""
ENTITY_BOOST: Final = 1.5
MAX_ENTITIES: Final = 12
MAX_WORDS: Final = 16


def _speaker_query(article: Article) -> tuple[Any | None, set[str]]:
    """Quotes by any of the article's speakers (full name keys, and the surname of people)."""
    alts: list[Any] = []
    tokens: set[str] = set()
    kinds = {e.name: e.kind for e in article.entities}
    for speaker in dict.fromkeys(q.speaker for q in article.quotes if q.speaker):
        keys = speaker_keys(speaker, article.entities)
        for key in keys:
            words = key.split()
            tokens.update(words)
            alts.append(
                wq.Term("speaker", words[0], boost=SPEAKER_BOOST)
                if len(words) == 1
                else wq.Phrase("speaker", words, boost=SPEAKER_BOOST)
            )
        if keys and kinds.get(speaker, "person") == "person":
            surname = keys[0].split()[-1]
            if len(surname) > 2:
                alts.append(wq.Term("speaker", surname, boost=SPEAKER_BOOST * 0.8))
    return (wq.Or(alts) if alts else None), tokens


def _entity_terms(article: Article) -> dict[str, str]:
    """The article's most mentioned entities: name key -> canonical name."""
    ranked = sorted(article.entities, key=lambda e: len(e.mentions), reverse=True)
    terms: dict[str, str] = {}
    for entity in ranked[:MAX_ENTITIES]:
        for key in entity_keys(entity):
            terms.setdefault(key, entity.name)
    return terms


def _word_terms(article: Article, reader: Any) -> list[str]:
    """The article's most distinctive words (tf-idf against the quote index)."""
    counts = Counter(stems(article.title + "\n" + article.body))
    total = max(1, reader.doc_count_all())
    scored: list[tuple[float, str]] = []
    for term, tf in counts.items():
        if len(term) < 3 or term.isdigit():
            continue
        df = reader.doc_frequency("text", term)
        if df == 0:
            continue
        scored.append(((1 + math.log(tf)) * math.log(1 + total / df), term))
    scored.sort(reverse=True)
    return [term for _, term in scored[:MAX_WORDS]]


def find_related(
    qsearcher: Any, asearcher: Any, article: Article, *, limit: int = 20
) -> list[RelatedQuote]:
    """Quotes from other articles related to ``article``, best first."""
    del asearcher  # quote documents carry their article's summary
    speaker_q, speaker_tokens = _speaker_query(article)
    ents = _entity_terms(article)
    words = _word_terms(article, qsearcher.reader())
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
    own_keys = {k: name for k, name in ents.items()}
    word_set = set(words)
    related: list[RelatedQuote] = []
    for hit in results:
        _, quote, summary, spk_keys, ent_keys = quote_from_stored(hit.fields())
        reasons: list[str] = []
        if speaker_tokens and any(set(k.split()) & speaker_tokens for k in spk_keys):
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
