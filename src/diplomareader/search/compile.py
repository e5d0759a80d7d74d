"""Turning a parsed query into a Whoosh query, the text of what was understood, and marks."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from whoosh import query as wq

from diplomareader.search.dates import DateSyntaxError, format_range, parse_date_expr
from diplomareader.search.querylang import (
    DateExpr,
    Group,
    Negation,
    Node,
    ParsedQuery,
    Phrase,
    Word,
    last_word,
)
from diplomareader.search.schema import plain_analyzer, stemming_analyzer
from diplomareader.search.terms import fast_stems, field_frequencies, leaf_prefix_frequencies

MIN_PREFIX: Final = 3
"""A word being typed counts as a prefix from this many characters on."""
MAX_EXPANSION: Final = 24
"""At most this many index terms stand for a prefix (the most frequent ones)."""
EXPANSION_POSTINGS: Final = 10_000
"""Completions of a prefix are taken, most frequent first, until they hold this many
postings (or a sixth of the index, whichever is more)."""
MAX_SCAN: Final = 60_000
"""At most this many index terms (per segment) are looked at to expand one prefix."""

_STEM = stemming_analyzer()
_PLAIN = plain_analyzer()


def stems(text: str) -> list[str]:
    """The index terms of ``text`` in the stemmed fields."""
    fast = fast_stems(text)
    if fast is not None:
        return fast
    return [t.text for t in _STEM(text)]  # type: ignore[operator]


def plain_terms(text: str) -> list[str]:
    """The index terms of ``text`` in the unstemmed fields (source, author)."""
    return [t.text for t in _PLAIN(text)]  # type: ignore[operator]


def key_terms(text: str) -> list[str]:
    """The index terms of a name in the speaker and entity fields (folded name key)."""
    from diplomareader.extract.names import name_key

    return str(name_key(text)).split()


@dataclass
class Marks:
    """What to mark in snippets: stems of words, exact lowercase words, and name keys."""

    stems: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)


@dataclass
class Compiled:
    """A query ready to run, with what was understood and what was not."""

    query: Any | None
    understood: str
    errors: list[str]
    marks: Marks
    negative_only: bool = False


class Lexicon:
    """Term statistics of one index reader, cached across keystrokes."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.count_all = int(reader.doc_count_all())
        self._frequency: dict[tuple[str, str], int] = {}
        self._completions: dict[tuple[str, str], list[tuple[int, str]]] = {}
        self._tables: dict[str, dict[str, int]] = {}
        self._complete: set[tuple[str, str]] = set()

    def table(self, fieldname: str) -> dict[str, int]:
        """Every term of a field and its document frequency (read once, then cached)."""
        found = self._tables.get(fieldname)
        if found is None:
            found = field_frequencies(self.reader, fieldname)
            self._tables[fieldname] = found
        return found

    def frequency(self, fieldname: str, text: str) -> int:
        """Documents containing the term (Whoosh's count, deletions included)."""
        table = self._tables.get(fieldname)
        if table is not None:
            return table.get(text, 0)
        key = (fieldname, text)
        found = self._frequency.get(key)
        if found is None:
            found = int(self.reader.doc_frequency(fieldname, text))
            if len(self._frequency) > 100_000:
                self._frequency.clear()
            self._frequency[key] = found
        return found

    def completions(self, fieldname: str, prefix: str) -> list[tuple[int, str]]:
        """``(frequency, term)`` of the terms starting with ``prefix`` (at most MAX_SCAN per
        segment): read from the term tables, or filtered from the complete list of a
        shorter prefix already read (the previous keystroke's)."""
        key = (fieldname, prefix)
        found = self._completions.get(key)
        if found is not None:
            return found
        for cut in range(len(prefix) - 1, 0, -1):
            shorter = (fieldname, prefix[:cut])
            if shorter in self._complete:
                found = [(n, t) for n, t in self._completions[shorter] if t.startswith(prefix)]
                self._store(key, found, complete=True)
                return found
        counts: dict[str, int] = {}
        complete = True
        for leaf, _ in self.reader.leaf_readers():
            part = _leaf_completions(leaf, fieldname, prefix)
            complete = complete and len(part) < MAX_SCAN
            get = counts.get
            for text, frequency in part:
                counts[text] = get(text, 0) + frequency
        found = [(n, t) for t, n in counts.items()]
        self._store(key, found, complete=complete)
        return found

    def _store(self, key: tuple[str, str], found: list[tuple[int, str]], complete: bool) -> None:
        """Cache the completions of a prefix (``complete``: none were left out)."""
        if len(self._completions) > 5000:
            self._completions.clear()
            self._complete.clear()
        self._completions[key] = found
        if complete:
            self._complete.add(key)


def _leaf_completions(leaf: Any, fieldname: str, prefix: str) -> list[tuple[str, int]]:
    """``(term, frequency)`` of one segment's first MAX_SCAN terms starting with ``prefix``
    (one pass over Whoosh's term table; its public API for other codecs)."""
    found = leaf_prefix_frequencies(leaf, fieldname, prefix, MAX_SCAN)
    if found is not None:
        return found
    out: list[tuple[str, int]] = []
    try:
        for scanned, (btext, info) in enumerate(leaf.iter_prefix(fieldname, prefix)):
            if scanned >= MAX_SCAN:
                break
            text = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            out.append((text, info.doc_frequency()))
    except (KeyError, NotImplementedError):
        return []
    return out


class Compiler:
    """Builds Whoosh queries against one index reader (prefixes expand over its terms)."""

    def __init__(
        self,
        reader: Any,
        *,
        as_you_type: bool = False,
        today: dt.date | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        self.lexicon = reader if isinstance(reader, Lexicon) else Lexicon(reader)
        self.as_you_type = as_you_type
        self.today = today
        self.errors: list[str] = []
        self.marks = Marks()
        self.prefix_word: Word | None = None
        self.dropped_common = False
        self.should_stop = should_stop

    def compile(self, parsed: ParsedQuery) -> Compiled:
        """The Whoosh query of ``parsed`` (``None`` when nothing searchable is left)."""
        self.errors = list(parsed.errors)
        if self.as_you_type:
            self.prefix_word = last_word(parsed)
        q, text = self.node(parsed.root, negated=False, top=True)
        if q is None and self.dropped_common and not self.errors:
            self.errors.append("only common words: nothing to search for")
        return Compiled(q, text or "", self.errors, self.marks)

    # -- nodes ---------------------------------------------------------------------------

    def node(self, node: Node, *, negated: bool, top: bool = False) -> tuple[Any | None, str]:
        """Compile one node into ``(query or None, understood text)``."""
        if isinstance(node, Group):
            return self.group(node, negated=negated, top=top)
        if isinstance(node, Negation):
            q, text = self.node(node.child, negated=not negated)
            return (wq.Not(q), f"NOT {text}") if q is not None else (None, "")
        if isinstance(node, DateExpr):
            return self.date(node)
        if isinstance(node, Phrase):
            return self.phrase(node, negated=negated)
        if isinstance(node, Word):
            if node is self.prefix_word and not negated:
                return self.prefix(node)
            return self.word(node, negated=negated)
        return None, ""

    def group(self, node: Group, *, negated: bool, top: bool) -> tuple[Any | None, str]:
        """AND or OR of the children; negated children of an AND become AND NOT."""
        parts = [self.node(child, negated=negated) for child in node.children]
        parts = [(q, t) for q, t in parts if q is not None]
        if not parts:
            return None, ""
        if node.op == "OR":
            queries = [q for q, _ in parts]
            text = " OR ".join(t for _, t in parts)
            return (queries[0] if len(queries) == 1 else wq.Or(queries)), (
                text if len(parts) == 1 or top else f"({text})"
            )
        positives = [q for q, _ in parts if not isinstance(q, wq.Not)]
        negatives = [q.query for q, _ in parts if isinstance(q, wq.Not)]
        text = " AND ".join(t for _, t in parts)
        if len(parts) > 1 and not top:
            text = f"({text})"
        if not positives:
            base: Any = wq.Every()
        else:
            base = positives[0] if len(positives) == 1 else wq.And(positives)
        if negatives:
            neg = negatives[0] if len(negatives) == 1 else wq.Or(negatives)
            return wq.AndNot(base, neg), text
        return base, text

    def date(self, node: DateExpr) -> tuple[Any | None, str]:
        """A ``date:`` range."""
        try:
            first, last = parse_date_expr(node.text, self.today)
        except DateSyntaxError as error:
            self.errors.append(str(error))
            return None, ""
        # Whoosh mishandles open ends of numeric ranges: close them at the calendar's ends.
        lo = (first or dt.date.min).toordinal()
        hi = (last or dt.date.max).toordinal()
        return wq.NumericRange("date", lo, hi), f"date:{format_range(first, last)}"

    def word(self, node: Word, *, negated: bool) -> tuple[Any | None, str]:
        """A complete word, in the default fields or in one field."""
        fieldname = node.field
        if fieldname in ("speaker", "entity"):
            return self.names(node.text, fieldname, negated=negated, phrase=False)
        if fieldname in ("source", "author"):
            terms = plain_terms(node.text)
            if not terms:
                self.errors.append(f"nothing to search in {fieldname}:{node.text}")
                return None, ""
            return _term_or_phrase(fieldname, terms), f"{fieldname}:{' '.join(terms)}"
        terms = stems(node.text)
        if not terms:
            self.dropped_common = True
            return None, ""
        if not negated:
            self.marks.stems.update(terms)
        label = node.text.lower()
        if fieldname in ("title", "body"):
            return _term_or_phrase(fieldname, terms), f"{fieldname}:{label}"
        alts = [_term_or_phrase("title", terms), _term_or_phrase("body", terms)]
        if len(terms) == 1:
            alts.append(wq.Term("source", terms[0]))
            try:
                keys = key_terms(node.text)
            except ImportError:
                keys = []
            if keys:
                alts.append(_term_or_phrase("entities", keys))
                if not negated:
                    self.marks.keys.update(keys)
        return wq.Or(alts), label

    def phrase(self, node: Phrase, *, negated: bool) -> tuple[Any | None, str]:
        """Words that must appear together."""
        fieldname = node.field
        if fieldname in ("speaker", "entity"):
            return self.names(node.text, fieldname, negated=negated, phrase=True)
        if fieldname in ("source", "author"):
            terms = plain_terms(node.text)
            label = f'{fieldname}:"{" ".join(terms)}"'
            return (_term_or_phrase(fieldname, terms), label) if terms else (None, "")
        terms = stems(node.text)
        if not terms:
            self.dropped_common = True
            return None, ""
        if not negated:
            self.marks.stems.update(terms)
        label = f'"{node.text.lower()}"'
        if fieldname in ("title", "body"):
            return _term_or_phrase(fieldname, terms), f"{fieldname}:{label}"
        return wq.Or([_term_or_phrase("title", terms), _term_or_phrase("body", terms)]), label

    def names(
        self, text: str, fieldname: str, *, negated: bool, phrase: bool
    ) -> tuple[Any | None, str]:
        """A speaker or entity, matched through folded name keys (Toqayev = Tokayev)."""
        try:
            keys = key_terms(text)
        except ImportError:
            self.errors.append(f"{fieldname}: searches need the name module (not installed)")
            return None, ""
        if not keys:
            self.errors.append(f"nothing to search in {fieldname}:{text}")
            return None, ""
        if not negated:
            self.marks.keys.update(keys)
        index_field = "speakers" if fieldname == "speaker" else "entities"
        label = " ".join(keys)
        label = f'{fieldname}:"{label}"' if len(keys) > 1 or phrase else f"{fieldname}:{label}"
        return _term_or_phrase(index_field, keys), label

    def prefix(self, node: Word) -> tuple[Any | None, str]:
        """The word being typed: a bounded prefix expansion once it is selective."""
        fieldname = node.field
        if fieldname == "date":
            return None, ""
        typed = node.text.lower()
        if fieldname in ("speaker", "entity"):
            try:
                keys = key_terms(node.text)
            except ImportError:
                return None, ""
            if not keys:
                return self.word(node, negated=False)  # reports why
            index_field = "speakers" if fieldname == "speaker" else "entities"
            head, last = keys[:-1], keys[-1]
            exps = self.expand(index_field, last, len(last) >= MIN_PREFIX)
            if not exps:
                return wq.NullQuery, f"{fieldname}:{' '.join(keys)}*"
            self.marks.keys.update(keys[:-1] + exps)
            name_alts = [wq.Term(index_field, t) for t in exps]
            last_q: Any = _or(name_alts)
            q = wq.And([*(wq.Term(index_field, k) for k in head), last_q]) if head else last_q
            return q, f"{fieldname}:{' '.join(keys)}*"
        if fieldname in ("source", "author"):
            terms = plain_terms(node.text)
            if not terms:
                return self.word(node, negated=False)  # reports why
            exps = self.expand(fieldname, terms[-1], len(terms[-1]) >= MIN_PREFIX)
            field_alts = [wq.Term(fieldname, t) for t in exps]
            q = _and([*(wq.Term(fieldname, t) for t in terms[:-1]), _or(field_alts)])
            return q, f"{fieldname}:{' '.join(terms)}*"
        words = [t.text for t in _PLAIN(node.text)]  # type: ignore[operator]
        if not words:
            return self.word(node, negated=False)  # reports why
        complete = [s for w in words[:-1] for s in stems(w)]
        last = words[-1]
        # Titles are indexed with bodies, so the body field alone covers a plain prefix.
        fields = ("terms",) if fieldname in (None, "body") else (fieldname,)
        exps = self.expand_stemmed(last)
        if not exps:
            if len(last) < MIN_PREFIX:
                # Too short to expand: search it as typed (never drop the clause silently).
                return self.word(node, negated=False)
            return wq.NullQuery, f"{typed}*"
        self.marks.stems.update(complete + exps)
        self.marks.prefixes.add(last)
        alts: list[Any] = []
        for fname in fields:
            terms = [wq.Term(fname, t) for t in exps]
            last_q = _or(terms)
            alts.append(
                _and([*(wq.Term(fname, s) for s in complete), last_q]) if complete else last_q
            )
        if fieldname is None and not complete and len(last) >= MIN_PREFIX:
            try:
                keys = key_terms(last)
            except ImportError:
                keys = []
            if keys:
                ent = self.expand("entities", keys[-1], True, limit=6)
                if ent:
                    alts.append(_or([wq.Term("entities", t) for t in ent]))
                    self.marks.keys.update(ent)
        label = f"{fieldname}:{typed}*" if fieldname else f"{typed}*"
        return _or(alts), label

    def expand_stemmed(self, typed: str) -> list[str]:
        """Body terms the typed word may become: completions, and stems it already covers."""
        if len(typed) < MIN_PREFIX:
            stemmed = stems(typed)
            return [s for s in stemmed if self.lexicon.frequency("terms", s)][:1]
        found = self.expand("terms", typed, True)
        # A stem is often shorter than the word typed so far ("negotiat" -> "negoti").
        for cut in range(len(typed) - 1, max(MIN_PREFIX, len(typed) - 4) - 1, -1):
            candidate = typed[:cut]
            if candidate not in found and self.lexicon.frequency("terms", candidate):
                found.append(candidate)
        for stem in stems(typed):
            if stem not in found and self.lexicon.frequency("terms", stem):
                found.append(stem)
        return found

    def expand(
        self, fieldname: str, prefix: str, allow: bool, limit: int = MAX_EXPANSION
    ) -> list[str]:
        """Up to ``limit`` of the most frequent terms of ``fieldname`` starting with ``prefix``."""
        if not prefix:
            return []
        if not allow:
            return [prefix] if self.lexicon.frequency(fieldname, prefix) else []
        best = heapq.nlargest(limit, self.lexicon.completions(fieldname, prefix))
        # The most frequent completions first, until they cover a third of the index:
        # more would cost reading their postings and add little to the first results.
        budget = max(EXPANSION_POSTINGS, self.lexicon.count_all // 6)
        chosen: list[str] = []
        for frequency, text in best:
            if chosen and budget <= 0:
                break
            chosen.append(text)
            budget -= frequency
        return chosen


def _term_or_phrase(fieldname: str, terms: Sequence[str]) -> Any:
    """A Term for one word, a Phrase for several (body words are looked up in ``terms``,
    the same words without positions, much faster to read)."""
    if len(terms) == 1:
        return wq.Term("terms" if fieldname == "body" else fieldname, terms[0])
    return wq.Phrase(fieldname, list(terms))


def _or(queries: Sequence[Any]) -> Any:
    """Or of several queries (the query itself when there is one, nothing when none)."""
    if not queries:
        return wq.NullQuery
    return queries[0] if len(queries) == 1 else wq.Or(list(queries))


def _and(queries: Sequence[Any]) -> Any:
    """And of several queries (the query itself when there is one)."""
    return queries[0] if len(queries) == 1 else wq.And(list(queries))
