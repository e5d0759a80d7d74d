"""Fast query evaluation over Whoosh's postings, for search as you type.

Whoosh scores documents one by one in Python: at 100,000 articles a common word costs
hundreds of milliseconds. This engine reads the same postings a block at a time into
arrays, answers the boolean structure of a query with set operations (which run in C),
orders by date through a precomputed date order, and ranks by relevance with Whoosh's own
BM25F formula computed only for the most promising candidates. Totals are exact.

One Engine belongs to one index reader (a commit); caches die with it.
"""

from __future__ import annotations

import heapq
import math
import pickle
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import Any, Final

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from diplomareader.search.compile import Lexicon

K1: Final = 1.2
B: Final = 0.75
"""Whoosh's BM25F parameters (its defaults), so scores match Whoosh's ranking."""
CACHE_POSTINGS: Final = 1_500_000
"""Postings kept in memory across keystrokes (about 12 bytes each)."""
CACHE_SETS: Final = 200_000
"""Members of cached document sets (terms and phrases; about 60 bytes each). Each full
garbage collection visits every member (about 50 ns each), so the budget is kept small."""
CACHE_ENTRIES: Final = 1500
"""At most this many terms (and as many document sets) kept: every cached object costs
time in each full garbage collection, which would land on some keystroke."""
EXACT_SCORING: Final = 3000
"""Up to this many matches every one is scored; beyond, the best candidates by term
frequency (twice the limit per term) are scored."""
PRESELECT: Final = 2


class Cancelled(Exception):
    """Raised between steps when the caller's ``should_stop`` says so."""


Postings = tuple["array[int]", "array[float]"]
"""Global document numbers (ascending) and their weights (term frequency x field boost)."""


class Engine:
    """Set-based evaluation and ranking on one Whoosh reader."""

    def __init__(self, reader: Any, dates: array[int]) -> None:
        self.reader = reader
        self.leaves = list(reader.leaf_readers())
        self.count_all = int(reader.doc_count_all())
        deleted: set[int] = set()
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                deleted.update(offset + d for d in leaf.deleted_docs_set)
        self.deleted = frozenset(deleted)
        self.dates = dates
        """``dsort`` per document: day ordinal + 1, 0 when undated."""
        self._postings: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._cached = 0
        self._sets: OrderedDict[tuple[str, ...], frozenset[int]] = OrderedDict()
        self._set_members = 0
        self._live: frozenset[int] | None = None
        self._order: array[int] | None = None
        self._rank: array[int] | None = None
        self._ascending: tuple[list[int], list[int]] | None = None
        self._norms: dict[str, tuple[bytes, list[float]]] = {}
        self.lexicon = Lexicon(reader)
        """Cached term statistics (also what the query compiler expands prefixes with)."""

    # -- postings --------------------------------------------------------------------

    def postings(self, fieldname: str, text: str) -> Postings:
        """All live postings of a term (cached, least recently used dropped first)."""
        key = (fieldname, text)
        found = self._postings.get(key)
        if found is not None:
            self._postings.move_to_end(key)
            return found
        ids, weights = array("i"), array("f")
        for leaf, offset in self.leaves:
            try:
                matcher = leaf.postings(fieldname, text)
            except TermNotFound:
                continue
            _read_all(matcher, offset, ids, weights)
        if self.deleted and ids:
            keep = [i for i, d in enumerate(ids) if d not in self.deleted]
            ids = array("i", (ids[i] for i in keep))
            weights = array("f", (weights[i] for i in keep))
        found = (ids, weights)
        self._postings[key] = found
        self._cached += len(ids)
        while (self._cached > CACHE_POSTINGS or len(self._postings) > CACHE_ENTRIES) and len(
            self._postings
        ) > 1:
            _, (old, _) = self._postings.popitem(last=False)
            self._cached -= len(old)
        return found

    def idset(self, fieldname: str, text: str) -> frozenset[int]:
        """The live documents containing a term (cached)."""
        key = ("term", fieldname, text)
        found = self._sets.get(key)
        if found is None:
            found = frozenset(self.postings(fieldname, text)[0])
            self._remember(key, found)
        else:
            self._sets.move_to_end(key)
        return found

    def _remember(self, key: tuple[str, ...], docs: frozenset[int]) -> None:
        """Cache a document set, dropping the least recently used beyond the budget."""
        self._sets[key] = docs
        self._set_members += len(docs)
        while (self._set_members > CACHE_SETS or len(self._sets) > CACHE_ENTRIES) and len(
            self._sets
        ) > 1:
            _, old = self._sets.popitem(last=False)
            self._set_members -= len(old)

    def phrase(self, fieldname: str, words: list[str], stop: Callable[[], bool]) -> frozenset[int]:
        """The live documents where ``words`` occur one after another (cached)."""
        key = ("phrase", fieldname, *words)
        found = self._sets.get(key)
        if found is not None:
            self._sets.move_to_end(key)
            return found
        sets = sorted((self.idset(fieldname, w) for w in words), key=len)
        candidates = sets[0].intersection(*sets[1:]) if sets else frozenset()
        result: set[int] = set()
        if candidates:
            values = [self._values(fieldname, w, candidates) for w in words]
            if stop():
                raise Cancelled
            for docnum in candidates:
                starts = set(_positions(values[0][docnum]))
                for k in range(1, len(words)):
                    if not starts:
                        break
                    later = set(_positions(values[k][docnum]))
                    starts = {p for p in starts if p + k in later}
                if starts:
                    result.add(docnum)
        found = frozenset(result)
        self._remember(key, found)
        return found

    def _values(self, fieldname: str, text: str, wanted: frozenset[int]) -> dict[int, bytes]:
        """The encoded positions of a term in the ``wanted`` documents (blocks holding none
        of them are not decoded)."""
        out: dict[int, bytes] = {}
        ordered = sorted(wanted)
        for leaf, offset in self.leaves:
            try:
                matcher = leaf.postings(fieldname, text)
            except TermNotFound:
                continue
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child
            if type(matcher) is W3LeafMatcher and not matcher._byteids:
                low = offset - 1
                while True:
                    high = offset + matcher._maxid
                    if bisect_right(ordered, high) > bisect_right(ordered, low):
                        if matcher._data is None:
                            matcher._read_data()
                        raw_ids, _, raw_values = matcher._data
                        if raw_ids and raw_values:
                            ids = list(accumulate(raw_ids, initial=offset))
                            del ids[0]
                            out.update(
                                compress(
                                    zip(ids, raw_values, strict=True), map(wanted.__contains__, ids)
                                )
                            )
                    if matcher._lastblock:
                        break
                    low = high
                    matcher._goto(matcher._nextoffset)
                continue
            while matcher.is_active():
                docnum = matcher.id() + offset
                if docnum in wanted:
                    out[docnum] = matcher.value()
                matcher.next()
        return out

    def doc_frequency(self, fieldname: str, text: str) -> int:
        """Live documents containing the term."""
        return len(self.postings(fieldname, text)[0])

    def live(self) -> frozenset[int]:
        """Every live document number."""
        if self._live is None:
            self._live = frozenset(range(self.count_all)) - self.deleted
        return self._live

    # -- boolean evaluation ------------------------------------------------------------

    def docs(self, q: Any, stop: Callable[[], bool]) -> set[int] | frozenset[int]:
        """The live documents matching ``q``."""
        if stop():
            raise Cancelled
        if isinstance(q, wq.Term):
            return self.idset(q.fieldname, q.text)
        if isinstance(q, wq.Phrase) and q.slop == 1:
            return self.phrase(q.fieldname, list(q.words), stop)
        if isinstance(q, wq.Or):
            sets = [self.docs(s, stop) for s in q.subqueries]
            return set().union(*sets)
        if isinstance(q, wq.And):
            sets = sorted((self.docs(s, stop) for s in q.subqueries), key=len)
            return set(sets[0]).intersection(*sets[1:]) if sets else set()
        if isinstance(q, wq.AndNot):
            return set(self.docs(q.a, stop)) - self.docs(q.b, stop)
        if isinstance(q, wq.Not):
            return self.live() - self.docs(q.query, stop)
        if isinstance(q, wq.Every):
            return self.live()
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return frozenset()
        if isinstance(q, wq.NumericRange) and q.fieldname == "date":
            return self._date_range(q.start, q.end)
        # Phrases and anything else: Whoosh itself (phrases are selective).
        return set(_whoosh_docs(self.reader, q)) - self.deleted

    def _date_range(self, lo: int | None, hi: int | None) -> frozenset[int]:
        """Documents dated between two day ordinals (inclusive)."""
        docs, keys = self._ascending_dates()
        start = bisect_left(keys, (lo if lo is not None else 0) + 1)
        end = bisect_right(keys, (hi if hi is not None else sys.maxsize - 1) + 1)
        return frozenset(docs[start:end])

    def _ascending_dates(self) -> tuple[list[int], list[int]]:
        """Dated live documents in ascending date order, and their dates."""
        if self._ascending is None:
            dates = self.dates
            docs = sorted((d for d in self.live() if dates[d]), key=dates.__getitem__)
            self._ascending = (docs, [dates[d] for d in docs])
        return self._ascending

    # -- ordering ----------------------------------------------------------------------

    def date_order(self) -> array[int]:
        """Live documents newest first (undated last; ties in index order)."""
        if self._order is None:
            newer_first = [-d for d in self.dates]
            docs = (
                [d for d in range(self.count_all) if d not in self.deleted]
                if self.deleted
                else range(self.count_all)
            )
            # A stable sort of ascending numbers keeps index order among equal dates.
            self._order = array("i", sorted(docs, key=newer_first.__getitem__))
        return self._order

    def newest(self, matches: Iterable[int], count: int, limit: int) -> list[int]:
        """The ``limit`` newest of ``matches`` (``count`` of them)."""
        order = self.date_order()
        found = matches if isinstance(matches, (set, frozenset)) else set(matches)
        if count * 20 > len(order):
            out: list[int] = []
            for docnum in order:
                if docnum in found:
                    out.append(docnum)
                    if len(out) >= limit:
                        break
            return out
        if self._rank is None:
            rank = array("i", bytes(4 * self.count_all))
            for position, docnum in enumerate(order):
                rank[docnum] = position
            self._rank = rank
        return heapq.nsmallest(limit, found, key=self._rank.__getitem__)

    def best(
        self,
        q: Any,
        matches: set[int] | frozenset[int],
        limit: int,
        stop: Callable[[], bool],
    ) -> list[tuple[float, int]]:
        """The ``limit`` best ``(score, docnum)`` of ``matches`` by BM25F, best first."""
        terms = positive_terms(q)
        if not terms or not matches:
            return [(0.0, d) for d in self.newest(matches, len(matches), limit)]
        if len(matches) <= EXACT_SCORING:
            candidates: set[int] | frozenset[int] = matches
        else:
            candidates = self._preselect(terms, matches, limit, sufficient_terms(q))
        scores = dict.fromkeys(candidates, 0.0)
        for fieldname, text, boost in terms:
            if stop():
                raise Cancelled
            ids, weights = self.postings(fieldname, text)
            if not ids:
                continue
            # Whoosh's idf (its document frequency counts deleted documents too).
            frequency = self.lexicon.frequency(fieldname, text)
            idf = (math.log(self.count_all / (frequency + 1)) + 1) * boost
            lengths, table = self.norm(fieldname)
            factor = idf * (K1 + 1)
            for docnum, w in _weights_of(ids, weights, scores):
                scores[docnum] += factor * w / (w + table[lengths[docnum]])
        ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)[:limit]
        return [(s, d) for d, s in ranked]

    def _preselect(
        self,
        terms: list[tuple[str, str, float]],
        matches: set[int] | frozenset[int],
        limit: int,
        sufficient: set[tuple[str, str]],
    ) -> set[int]:
        """Candidates for scoring: for each term, the matches where it is most frequent
        (the documents of the ``sufficient`` terms all match, no need to check)."""
        wanted = limit * PRESELECT + 50
        candidates: set[int] = set()
        for fieldname, text, _ in terms:
            ids: Sequence[int]
            weights: Sequence[float]
            ids, weights = self.postings(fieldname, text)
            if not ids:
                continue
            if len(ids) <= wanted:
                candidates.update(d for d in ids if d in matches)
                continue
            if (fieldname, text) not in sufficient:
                inside = list(map(matches.__contains__, ids))
                ids, weights = list(compress(ids, inside)), list(compress(weights, inside))
            candidates.update(_most_frequent(ids, weights, self.norm(fieldname)[0], wanted))
        if len(candidates) < limit:
            candidates.update(list(matches)[: limit - len(candidates)])
        return candidates

    def norm(self, fieldname: str) -> tuple[bytes, list[float]]:
        """Encoded field length per document, and BM25's length norm per encoding."""
        found = self._norms.get(fieldname)
        if found is None:
            parts = []
            for leaf, _ in self.leaves:
                parts.append(_length_bytes(leaf, fieldname))
            lengths = b"".join(parts)
            total = self.reader.field_length(fieldname) or 0
            average = (total / self.count_all) if self.count_all else 1.0
            average = average or 1.0
            table = [K1 * ((1 - B) + B * byte_to_length(i) / average) for i in range(256)]
            found = (lengths, table)
            self._norms[fieldname] = found
        return found


def _most_frequent(
    ids: Sequence[int], weights: Sequence[float], lengths: bytes, wanted: int
) -> Sequence[int]:
    """About ``wanted`` documents where a term weighs most (shorter documents first among
    equal weights, as BM25 ranks them), chosen with C-speed counting, not a full sort."""
    counts = Counter(weights)
    above = 0
    for threshold in sorted(counts, reverse=True):
        if above + counts[threshold] >= wanted:
            break
        above += counts[threshold]
    else:
        return ids
    chosen = list(compress(ids, map(threshold.__lt__, weights)))
    ties = list(compress(ids, map(threshold.__eq__, weights)))
    need = wanted - len(chosen)
    if len(ties) > need:
        tie_lengths = list(map(lengths.__getitem__, ties))
        by_length = Counter(tie_lengths)
        taken = 0
        for longest in sorted(by_length):
            taken += by_length[longest]
            if taken >= need:
                break
        ties = list(compress(ties, map(longest.__ge__, tie_lengths)))
    chosen.extend(ties)
    return chosen


def _weights_of(
    ids: Sequence[int], weights: Sequence[float], wanted: dict[int, float]
) -> Iterable[tuple[int, float]]:
    """``(docnum, weight)`` of the ``wanted`` documents found in a term's postings."""
    if len(ids) > 8 * len(wanted):
        out = []
        size = len(ids)
        for docnum in wanted:
            at = bisect_left(ids, docnum)
            if at < size and ids[at] == docnum:
                out.append((docnum, weights[at]))
        return out
    return list(compress(zip(ids, weights, strict=True), map(wanted.__contains__, ids)))


def sufficient_terms(q: Any) -> set[tuple[str, str]]:
    """``(field, text)`` of the terms that make a document match ``q`` on their own (the
    terms of an OR, at any depth of ORs)."""
    if isinstance(q, wq.Term):
        return {(q.fieldname, q.text)}
    if isinstance(q, wq.Or):
        out: set[tuple[str, str]] = set()
        for sub in q.subqueries:
            if isinstance(sub, (wq.Term, wq.Or)):
                out |= sufficient_terms(sub)
        return out
    return set()


def positive_terms(q: Any) -> list[tuple[str, str, float]]:
    """``(field, text, boost)`` of the terms that make a document match (not negated)."""
    out: list[tuple[str, str, float]] = []

    def walk(node: Any, boost: float) -> None:
        if isinstance(node, wq.Term):
            out.append((node.fieldname, node.text, boost * node.boost))
        elif isinstance(node, wq.Phrase):
            fieldname = "terms" if node.fieldname == "body" else node.fieldname
            out.extend((fieldname, w, boost * node.boost) for w in node.words)
        elif isinstance(node, wq.AndNot):
            walk(node.a, boost * node.boost)
        elif isinstance(node, (wq.And, wq.Or)):
            for sub in node.subqueries:
                walk(sub, boost * node.boost)

    walk(q, 1.0)
    seen: dict[tuple[str, str], float] = {}
    for fieldname, text, boost in out:
        seen[(fieldname, text)] = max(boost, seen.get((fieldname, text), 0.0))
    return [(f, t, b) for (f, t), b in seen.items()]


def _positions(value: bytes | None) -> Iterable[int]:
    """Decode a posting's positions (Whoosh's Positions format: count, then pickled deltas)."""
    if not value:
        return ()
    if not value.endswith(b"."):
        value += b"."
    return accumulate(pickle.loads(value[4:]))


def _read_all(matcher: Any, offset: int, ids: array[int], weights: array[float]) -> None:
    """Append every posting of a segment's matcher (block by block when possible)."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child  # deletions are removed by the caller
    if type(matcher) is W3LeafMatcher and not matcher._byteids:
        while True:
            if matcher._data is None:
                matcher._read_data()
            raw_ids, raw_weights = matcher._data[0], matcher._data[1]
            count = matcher._blocklength
            if raw_ids:
                ids.extend(accumulate(raw_ids, initial=offset))
                ids.pop(len(ids) - count - 1)
            if raw_weights is None:
                weights.extend(repeat(1.0, count))
            elif isinstance(raw_weights, float):
                weights.extend(repeat(raw_weights, count))
            else:
                weights.extend(raw_weights)
            if matcher._lastblock:
                return
            matcher._goto(matcher._nextoffset)
    while matcher.is_active():
        ids.append(matcher.id() + offset)
        weights.append(matcher.weight())
        matcher.next()


def _length_bytes(leaf: Any, fieldname: str) -> bytes:
    """One length byte per document of a segment (zeros when the field has none)."""
    count = leaf.doc_count_all()
    if not count:
        return b""
    try:
        column = leaf._perdoc._cached_reader(f"_{fieldname}_len", _lengths_column())
    except AttributeError:
        column = None
    if column is None:
        return bytes(count)
    try:
        raw = column._dbfile.get(column._basepos, count)
    except AttributeError:
        raw = bytes(column[i] for i in range(count))
    return bytes(raw).ljust(count, b"\0")[:count]


def _lengths_column() -> Any:
    """Whoosh's column type for field lengths."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    return LENGTHS_COLUMN


def _whoosh_docs(reader: Any, q: Any) -> Iterable[int]:
    """Documents matching ``q`` through Whoosh's own matchers (deletions excluded)."""
    from whoosh.searching import Searcher

    searcher = Searcher(reader, closereader=False)
    return list(searcher.docs_for_query(q))


def load_dates(reader: Any) -> array[int]:
    """The ``dsort`` column of every document (day ordinal + 1, 0 = undated), read whole."""
    dates = array("I")
    for leaf, _ in reader.leaf_readers():
        count = leaf.doc_count_all()
        if not count:
            continue
        chunk = array("I")
        try:
            column = leaf.column_reader("dsort", translate=False)
            raw = bytes(column._dbfile.get(column._basepos, count * 4))
            chunk.frombytes(raw[: count * 4])
            if sys.byteorder == "little":
                chunk.byteswap()
        except (AttributeError, KeyError, ValueError, NotImplementedError):
            chunk = array("I", repeat(0, count))
        if len(chunk) < count:
            chunk.extend(repeat(0, count - len(chunk)))
        dates.extend(chunk)
    return dates
