"""Whole term dictionaries of one field, read straight from Whoosh's term tables.

Looking a term up through Whoosh costs tens of microseconds per segment (an MD5 hash and
several small reads in Python); related quotes look up hundreds of words per article. One
sequential pass over a field's slice of each segment's ordered term table gives every
term's document frequency at once, for dictionary lookups afterwards. The counts are
Whoosh's own (deleted documents included), so results do not change.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from typing import Any, Final

from whoosh.lang.porter import stem as porter_stem

from diplomareader.search.cjk import CJK_RUN
from diplomareader.search.schema import STOPLIST, WORD_PATTERN

_LENGTHS: Final = struct.Struct("!ii")
"""Key and value lengths before each entry of Whoosh's hash files."""
_DOC_FREQUENCY: Final = struct.Struct("!I")
"""A term info's document frequency, after its flags byte and its float weight."""
_DF_OFFSET: Final = 5
_WORD: Final = re.compile(WORD_PATTERN)


def field_frequencies(reader: Any, fieldname: str) -> dict[str, int]:
    """Every term of ``fieldname`` in ``reader`` and its document frequency (summed over
    segments, as ``reader.doc_frequency`` counts)."""
    counts: dict[str, int] = {}
    for leaf, _ in reader.leaf_readers():
        if not counts:
            counts = dict(_leaf_frequencies(leaf, fieldname))
            continue
        get = counts.get
        for text, frequency in _leaf_frequencies(leaf, fieldname):
            counts[text] = get(text, 0) + frequency
    return counts


def _leaf_frequencies(leaf: Any, fieldname: str) -> Iterator[tuple[str, int]]:
    """``(term, document frequency)`` of one segment's terms of ``fieldname``."""
    found = leaf_prefix_frequencies(leaf, fieldname, "")
    if found is None:
        yield from _slow_frequencies(leaf, fieldname)
    else:
        yield from found


def leaf_prefix_frequencies(
    leaf: Any, fieldname: str, prefix: str, limit: int | None = None
) -> list[tuple[str, int]] | None:
    """``(term, document frequency)`` of one segment's terms of ``fieldname`` that start
    with ``prefix`` (in term order, at most ``limit``), read in one pass over the term
    table; None when the segment is not of Whoosh's own codec."""
    try:
        terms = leaf._terms
        table = terms._tindex
        buf = table.dbfile._buf
        fieldmap = terms._fieldmap
    except AttributeError:
        return None
    if fieldname not in fieldmap:
        return []
    head = struct.pack("!H", fieldmap[fieldname]) + prefix.encode("utf-8")
    start = table.closest_key_pos(head)
    if start is None:
        return []
    after = _successor(head)
    stop = table.closest_key_pos(after) if after else None
    # One copy of the slice: bytes index much faster than a memoryview.
    data = bytes(buf[start : table.endofdata if stop is None else stop])
    lengths = _LENGTHS.unpack_from
    frequency = _DOC_FREQUENCY.unpack_from
    size = len(head)
    out: list[tuple[str, int]] = []
    pos, end = 0, len(data)
    cap = limit if limit is not None else end
    while pos < end and len(out) < cap:
        keylen, datalen = lengths(data, pos)
        key = pos + 8
        if data[key : key + size] != head:
            break
        out.append(
            (
                data[key + 2 : key + keylen].decode("utf-8", "replace"),
                frequency(data, key + keylen + _DF_OFFSET)[0],
            )
        )
        pos = key + keylen + datalen
    return out


def _successor(key: bytes) -> bytes:
    """The smallest byte string greater than every string starting with ``key`` (empty
    when there is none)."""
    trimmed = key.rstrip(b"\xff")
    if not trimmed:
        return b""
    return trimmed[:-1] + bytes([trimmed[-1] + 1])


def _slow_frequencies(leaf: Any, fieldname: str) -> Iterator[tuple[str, int]]:
    """The same through Whoosh's public API (segments of other codecs)."""
    try:
        for btext, info in leaf.iter_field(fieldname):
            text = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            yield text, int(info.doc_frequency())
    except (KeyError, NotImplementedError):
        return


_STEMS: dict[str, str] = {}
"""Stems of the words seen (a plain dictionary of strings: the garbage collector does not
track it, unlike an ``lru_cache``)."""
STEM_CACHE: Final = 200_000


def _stem(word: str) -> str:
    """Whoosh's Porter stem of one lowercase word (cached)."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= STEM_CACHE:
            _STEMS.clear()
        found = _STEMS[word] = str(porter_stem(word))
    return found


def fast_stems(text: str) -> list[str] | None:
    """The stemmed index terms of ``text`` exactly as the stemming analyzer makes them, or
    None when the text holds Chinese or Japanese (then only the analyzer knows)."""
    if CJK_RUN.search(text):
        return None
    stop = STOPLIST
    out: list[str] = []
    for word in _WORD.findall(text):
        word = word.lower()
        if word and word not in stop:
            out.append(_stem(word))
    return out
