"""Postings mirrors: a quote segment's postings as plain arrays, read without decoding.

Whoosh keeps postings in zlib-compressed, pickled blocks of 128: reading the quarter of a
million postings that a related-quotes search can touch at 100,000 articles costs tens of
milliseconds of decoding. Whoosh segments never change once written (deletions are kept
apart), so each quote segment gets a mirror file next to it, ``<segment>.mirror``, written at
the end of an ingest: every posting of the fields related quotes search, as document numbers
(int32) and weights (float32), found by a 64-bit hash of the field and term through a sorted
key table. Reading a term is a binary search and two slices of a memory map.

Whoosh's own clean-up deletes a mirror with its segment (the file name follows its segment
pattern). A segment without a valid mirror (an index from before, a killed ingest) is read
through Whoosh as before: mirrors only make reading faster.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
from array import array
from hashlib import blake2b
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray
from whoosh.reading import TermNotFound

from diplomareader.search.engine import _read_all
from diplomareader.search.state import atomic_write

FIELDS: Final = ("text", "entities", "speaker")
"""The quote index's fields that related quotes search."""
MAGIC: Final = "diplomareader postings mirror"
VERSION: Final = 1
HEADER: Final = 4096
"""Bytes of the JSON header; the arrays follow, each starting at a multiple of 8."""
SUFFIX: Final = ".mirror"

Found = tuple[NDArray[np.int32], NDArray[np.float32]]
"""A term's document numbers in the segment (ascending) and weights."""

_EMPTY: Final[Found] = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


def term_key(fieldname: str, term: bytes) -> int:
    """The 64-bit key of a field's term."""
    digest = blake2b(fieldname.encode() + b"\0" + term, digest_size=8).digest()
    return int.from_bytes(digest, "little")


def mirror_path(folder: Path, segment_name: str) -> Path:
    """Where a segment's mirror lives."""
    return folder / f"{segment_name}{SUFFIX}"


def segment_name(leaf: Any) -> str | None:
    """A Whoosh segment reader's segment name (``quotes_<id>``); None for the reader of
    an empty index, which has no segment."""
    segment = getattr(leaf, "_segment", None)
    return None if segment is None else str(segment.segment_id())


class Mirror:
    """One segment's mirror, memory-mapped; raises ValueError or OSError when the file is
    not a complete mirror of this segment."""

    def __init__(self, path: Path, segment: str, documents: int) -> None:
        with open(path, "rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            header = json.loads(self._map[:HEADER].decode("utf-8"))
            if (header.get("magic"), header.get("version")) != (MAGIC, VERSION):
                raise ValueError(f"{path.name} is not a postings mirror of this version")
            if header.get("segment") != segment or header.get("documents") != documents:
                raise ValueError(f"{path.name} mirrors another segment")
            terms, postings = int(header["terms"]), int(header["postings"])
            if len(self._map) != _size(terms, postings):
                raise ValueError(f"{path.name} is incomplete")
            at = HEADER
            self.keys = np.frombuffer(self._map, np.uint64, terms, at)
            at += 8 * terms
            self.starts = np.frombuffer(self._map, np.int64, terms + 1, at)
            at += 8 * (terms + 1)
            self.ids = np.frombuffer(self._map, np.int32, postings, at)
            at += _padded(4 * postings)
            self.weights = np.frombuffer(self._map, np.float32, postings, at)
        except BaseException:
            self._map.close()
            raise
        self.fields = frozenset(header.get("fields", ()))

    def find(self, fieldname: str, term: bytes) -> Found | None:
        """The term's postings (empty when the segment lacks it); None when the field is
        not mirrored."""
        if fieldname not in self.fields:
            return None
        key = np.uint64(term_key(fieldname, term))
        at = int(np.searchsorted(self.keys, key))
        if at == len(self.keys) or self.keys[at] != key:
            return _EMPTY
        start, end = int(self.starts[at]), int(self.starts[at + 1])
        return self.ids[start:end], self.weights[start:end]


def _padded(size: int) -> int:
    """``size`` rounded up to a multiple of 8."""
    return (size + 7) // 8 * 8


def _size(terms: int, postings: int) -> int:
    """The file size of a mirror with this many terms and postings."""
    return HEADER + 8 * terms + 8 * (terms + 1) + _padded(4 * postings) + _padded(4 * postings)


def write_mirror(leaf: Any, path: Path, fields: tuple[str, ...] = FIELDS) -> None:
    """Write a segment's mirror atomically (every posting of ``fields``)."""
    entries: list[tuple[int, array[int], array[float]]] = []
    seen: set[int] = set()
    schema_fields = set(leaf.indexed_field_names())
    for fieldname in fields:
        if fieldname not in schema_fields:
            continue
        for term, _ in leaf.iter_field(fieldname):
            key = term_key(fieldname, term)
            if key in seen:  # 64-bit keys do not collide in practice; refuse if they do
                raise ValueError(f"two terms share a mirror key in {path.name}")
            seen.add(key)
            ids, weights = array("i"), array("f")
            _read_all(leaf.postings(fieldname, term), 0, ids, weights)
            entries.append((key, ids, weights))
    entries.sort(key=lambda entry: entry[0])
    postings = sum(len(ids) for _, ids, _ in entries)
    header = {
        "magic": MAGIC,
        "version": VERSION,
        "segment": segment_name(leaf) or "",
        "documents": leaf.doc_count_all(),
        "fields": list(fields),
        "terms": len(entries),
        "postings": postings,
    }
    raw = json.dumps(header).encode()
    starts = np.zeros(len(entries) + 1, dtype=np.int64)
    np.cumsum([len(ids) for _, ids, _ in entries], out=starts[1:])
    ids_part = b"".join(ids.tobytes() for _, ids, _ in entries)
    weights_part = b"".join(w.tobytes() for _, _, w in entries)
    data = b"".join(
        (
            raw.ljust(HEADER, b" "),
            np.asarray([k for k, _, _ in entries], dtype=np.uint64).tobytes(),
            starts.tobytes(),
            ids_part.ljust(_padded(len(ids_part)), b"\0"),
            weights_part.ljust(_padded(len(weights_part)), b"\0"),
        )
    )
    atomic_write(path, data)


def write_missing(folder: Path, ix: Any) -> int:
    """Write the mirrors the index's current segments lack, and delete the temporary
    files of a killed run (call under the ingest lock); returns how many were written."""
    with contextlib.suppress(OSError):
        for entry in os.listdir(folder):
            # atomic_write's temporary files: ".<segment>.mirror.<random>.tmp".
            temporary = entry.startswith(f".{ix.indexname}_") and entry.endswith(".tmp")
            if temporary and f"{SUFFIX}." in entry:
                with contextlib.suppress(OSError):
                    os.unlink(folder / entry)
    written = 0
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            segment = segment_name(leaf)
            if segment is None:
                continue
            path = mirror_path(folder, segment)
            if _valid(path, segment, leaf.doc_count_all()):
                continue
            write_mirror(leaf, path)
            written += 1
    return written


def _valid(path: Path, segment: str, documents: int) -> bool:
    """Whether ``path`` is a complete mirror of the segment."""
    try:
        Mirror(path, segment, documents)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


class Mirrors:
    """The mirrors of a reader's segments (None where a segment has none), with each
    segment's first document number and deleted documents."""

    def __init__(self, folder: Path, leaves: list[tuple[Any, int]]) -> None:
        self.parts: list[tuple[Any, int, Mirror | None, NDArray[np.int32] | None]] = []
        for leaf, offset in leaves:
            name = segment_name(leaf)
            mirror: Mirror | None = None
            if name is not None:
                with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                    mirror = Mirror(mirror_path(folder, name), name, leaf.doc_count_all())
            deleted = None
            if leaf.has_deletions():
                deleted = np.fromiter(sorted(leaf.deleted_docs_set), dtype=np.int32)
            self.parts.append((leaf, offset, mirror, deleted))
        self._complete = bool(self.parts) and self.mirrored() == len(self.parts)
        self.lacking = sum(
            mirror is None and segment_name(leaf) is not None for leaf, _, mirror, _ in self.parts
        )
        """How many segments have no valid mirror (an ingest writes them)."""

    def postings(self, fieldname: str, text: str) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """All live postings of a term over the segments: global document numbers
        (ascending) and weights."""
        term = text.encode("utf-8", "surrogatepass")
        ids_parts: list[NDArray[Any]] = []
        weight_parts: list[NDArray[Any]] = []
        for leaf, offset, mirror, deleted in self.parts:
            found = mirror.find(fieldname, term) if mirror is not None else None
            if found is None:
                ids, weights = array("i"), array("f")
                with contextlib.suppress(TermNotFound):
                    _read_all(leaf.postings(fieldname, text), 0, ids, weights)
                found = (np.frombuffer(ids, np.int32), np.frombuffer(weights, np.float32))
            local, weights_here = found
            if not len(local):
                continue
            if deleted is not None:
                keep = ~np.isin(local, deleted)
                local, weights_here = local[keep], weights_here[keep]
            ids_parts.append(local.astype(np.int64) + offset)
            weight_parts.append(weights_here.astype(np.float64))
        if not ids_parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        return np.concatenate(ids_parts), np.concatenate(weight_parts)

    def mirrored(self) -> int:
        """How many segments have a mirror."""
        return sum(mirror is not None for _, _, mirror, _ in self.parts)

    def complete(self) -> bool:
        """Whether every segment has a mirror (else the engine's cached postings serve
        better than reading the other segments through Whoosh on every call)."""
        return self._complete
