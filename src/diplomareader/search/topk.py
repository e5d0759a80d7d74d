"""The best documents for a weighted OR of terms, scored with Whoosh's BM25F, without
scoring the documents that cannot reach the top (MaxScore pruning).

Related quotes ask for the twenty best quotes among those sharing any of some thirty
speaker names, entities and words with an article: at 100,000 articles that is up to
300,000 postings, and scoring each of them in Python takes a few hundred milliseconds.
Here each clause's postings are turned into score gains with C-speed mapping; clauses are
taken from the one that can add the most to a score to the one that can add the least;
once the clauses still to come could not lift a new document above the current twentieth
best, they only add to the documents already scored. The result is the same top as
scoring everything.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from itertools import compress
from operator import add, itemgetter
from typing import Any
from weakref import WeakKeyDictionary

from diplomareader.search.engine import K1

_EXTREMES: WeakKeyDictionary[Any, dict[tuple[str, str], tuple[float, int]]] = WeakKeyDictionary()
"""Per engine (one index commit): each term's heaviest posting weight and shortest
document, which bound what the term can add to a score."""

Clause = tuple[str, tuple[tuple[str, ...], ...], float]
"""``(field, groups, boost)``: documents holding, in ``field``, every word of one of the
``groups`` (the spellings of one name, say); a document scores the sum of the words'
BM25F scores (times ``boost``) of its best group."""


class _Term:
    """A term's postings and its BM25F gain per document (Whoosh's formula, as
    ``Engine.best``), worked out only for the documents asked about."""

    __slots__ = ("factor", "ids", "key", "lengths", "table", "weights")

    def __init__(self, engine: Any, fieldname: str, text: str, boost: float) -> None:
        self.key = (fieldname, text)
        self.ids, self.weights = engine.postings(fieldname, text)
        self.factor = 0.0
        if self.ids:
            frequency = engine.lexicon.frequency(fieldname, text)
            idf = math.log(engine.count_all / (frequency + 1)) + 1
            self.factor = idf * boost * (K1 + 1)
        self.lengths, self.table = engine.norm(fieldname)

    def bound(self, extremes: dict[tuple[str, str], tuple[float, int]]) -> float:
        """No document gains more than this from the term (``extremes``: the engine's
        heaviest weight and shortest length of each term's postings, filled as needed)."""
        if not self.ids:
            return 0.0
        found = extremes.get(self.key)
        if found is None:
            if len(extremes) > 20_000:
                extremes.clear()
            found = (max(self.weights), min(map(self.lengths.__getitem__, self.ids)))
            extremes[self.key] = found
        heaviest, shortest = found
        return float(self.factor * heaviest / (heaviest + self.table[shortest]))

    def parts(self) -> tuple[Sequence[int], Sequence[float], bytes, list[float], float]:
        """Postings, weights, length bytes, length norms and factor (as locals are faster)."""
        return self.ids, self.weights, self.lengths, self.table, self.factor

    def gains(self) -> list[float]:
        """The gain of every document of ``ids``."""
        ids, weights, lengths, table, factor = self.parts()
        # Postings share a few weights (term frequencies) and 256 encoded lengths: the
        # gain of each (weight, length) pair comes from one table, at C speed.
        distinct = sorted(set(weights))
        if len(distinct) > 32:
            return [factor * w / (w + table[lengths[d]]) for d, w in zip(ids, weights, strict=True)]
        code = {w: i * 256 for i, w in enumerate(distinct)}
        by_pair = [factor * w / (w + norm) for w in distinct for norm in table]
        pairs = map(add, map(code.__getitem__, weights), map(lengths.__getitem__, ids))
        return list(map(by_pair.__getitem__, pairs))

    def add_to(self, scores: dict[int, float]) -> None:
        """Add the gains to the documents of ``scores`` that hold the term."""
        ids, weights, lengths, table, factor = self.parts()
        size = len(ids)
        if size > 8 * len(scores):
            places = (bisect_left(ids, d) for d in scores)
            found = [at for at in places if at < size and ids[at] in scores]
        else:
            found = list(compress(range(size), map(scores.__contains__, ids)))
        for at in found:
            docnum, w = ids[at], weights[at]
            scores[docnum] += factor * w / (w + table[lengths[docnum]])


class _Group:
    """Documents holding every one of some words: the words' terms, the documents, and a
    score bound."""

    __slots__ = ("bound", "ids", "terms")

    def __init__(
        self, terms: list[_Term], extremes: dict[tuple[str, str], tuple[float, int]]
    ) -> None:
        self.terms = terms
        self.bound = sum(t.bound(extremes) for t in terms)
        if len(terms) == 1:
            self.ids: Sequence[int] = terms[0].ids
        else:
            smallest: Sequence[int] = min((t.ids for t in terms), key=len)
            inside = set(smallest)
            for term in terms:
                inside.intersection_update(term.ids)
            self.ids = sorted(inside)

    def gains(self) -> dict[int, float]:
        """The gain of every document of the group."""
        if len(self.terms) == 1:
            return dict(zip(self.ids, self.terms[0].gains(), strict=True))
        mine = dict.fromkeys(self.ids, 0.0)
        self.add_to(mine)
        return mine

    def add_to(self, scores: dict[int, float]) -> None:
        """Add the group's gains to the documents of ``scores`` that hold all its words."""
        if len(self.terms) == 1:
            self.terms[0].add_to(scores)
            return
        matching = {d: 0.0 for d in self.ids if d in scores}
        for term in self.terms:
            term.add_to(matching)
        for docnum, gain in matching.items():
            scores[docnum] += gain


class _Part:
    """One clause: documents matching any of its groups, each gaining its best group's
    score (so the several spellings of one name count once)."""

    __slots__ = ("bound", "gains", "ids", "single")

    def __init__(self, groups: list[_Group]) -> None:
        self.bound = max(g.bound for g in groups)
        self.single = groups[0] if len(groups) == 1 else None
        self.gains: list[float] = []
        if self.single is not None:
            self.ids: Sequence[int] = self.single.ids
            return
        best: dict[int, float] = {}
        get = best.get
        for group in groups:
            for docnum, gain in group.gains().items():
                if gain > get(docnum, 0.0):
                    best[docnum] = gain
        self.ids = sorted(best)
        self.gains = [best[d] for d in self.ids]

    def add_all(self, scores: dict[int, float]) -> None:
        """Add the clause's gains to every document of it (new ones included)."""
        get = scores.get
        single = self.single
        pairs: Iterable[tuple[int, float]]
        if single is None:
            pairs = zip(self.ids, self.gains, strict=True)
        elif len(single.terms) == 1:
            pairs = zip(single.ids, single.terms[0].gains(), strict=True)
        else:
            pairs = single.gains().items()
        for docnum, gain in pairs:
            scores[docnum] = get(docnum, 0.0) + gain

    def add_to(self, scores: dict[int, float]) -> None:
        """Add the clause's gains to the documents of ``scores`` that match it."""
        if self.single is not None:
            self.single.add_to(scores)
            return
        ids, gains = self.ids, self.gains
        if len(ids) > 8 * len(scores):
            size = len(ids)
            for docnum in scores:
                at = bisect_left(ids, docnum)
                if at < size and ids[at] == docnum:
                    scores[docnum] += gains[at]
            return
        for docnum, gain in compress(zip(ids, gains, strict=True), map(scores.__contains__, ids)):
            scores[docnum] += gain


def _part(engine: Any, clause: Clause) -> _Part | None:
    """One clause's groups and documents; None when no document matches it."""
    fieldname, alternatives, boost = clause
    extremes = _EXTREMES.get(engine)
    if extremes is None:
        extremes = _EXTREMES[engine] = {}
    groups: list[_Group] = []
    for words in dict.fromkeys(alternatives):
        terms = [_Term(engine, fieldname, word, boost) for word in dict.fromkeys(words)]
        if not terms or any(not t.ids for t in terms):
            continue
        group = _Group(terms, extremes)
        if group.ids:
            groups.append(group)
    return _Part(groups) if groups else None


def top_documents(
    engine: Any, clauses: Sequence[Clause], limit: int, *, exclude: Collection[int] = ()
) -> list[tuple[float, int]]:
    """The ``limit`` best ``(score, docnum)`` matching any clause, best first; documents
    in ``exclude`` never appear. A document's score is the sum over the clauses it
    matches."""
    if limit <= 0:
        return []
    parts = [p for c in clauses if (p := _part(engine, c)) is not None]
    parts.sort(key=lambda p: p.bound, reverse=True)
    skip = frozenset(exclude)
    scores: dict[int, float] = {}
    total = still = math.fsum(p.bound for p in parts)
    """The most that the clauses not yet added could give a document."""
    threshold = 0.0
    """A lower bound of the current ``limit``-th best score."""
    best: list[int] = []
    checking = False
    """Whether the pruning test can pass yet (the threshold is then kept up to date)."""
    done = 0
    for part in parts:
        if checking and len(best) >= limit and still <= threshold:
            break
        part.add_all(scores)
        for docnum in skip:
            scores.pop(docnum, None)
        still -= part.bound
        done += 1
        # No score exceeds the sum of the clauses added so far: until that sum passes what
        # is still to come, the test cannot pass and the threshold is not needed.
        if not checking and total - still >= still:
            checking = True
            best = heapq.nlargest(limit, scores, key=scores.__getitem__)
        elif checking:
            # Scores only grow: any ``limit`` documents' lowest score bounds the best's.
            pool = set(best).union(part.ids).difference(skip)
            best = heapq.nlargest(limit, pool, key=scores.__getitem__)
        if checking and len(best) >= limit:
            threshold = scores[best[-1]]
    for part in parts[done:]:
        part.add_to(scores)
    ranked = heapq.nlargest(limit, scores.items(), key=itemgetter(1))
    return [(score, docnum) for docnum, score in ranked]
