"""Keeping the index's mapped pages from piling up in the reader's resident memory.

Whoosh maps each segment file into memory and reads it in place. Every page of the index
that a search, an article or related quotes touches then stays counted in the process's
resident memory (RSS), although it is the operating system's file cache, shared and
dropped under pressure: over a day of reading a 100,000-article index (1.3 GB) the
reader's RSS would grow towards the size of the index. When the mapped pages pass a
budget they are handed back (``madvise(MADV_DONTNEED)`` on the read-only maps); the data
stays in the file cache, so the next read of a page costs a minor fault, not a disk read.
Nothing changes for the index or the results.
"""

from __future__ import annotations

import mmap
import os
import sys
from collections.abc import Iterable
from typing import Any, Final

BUDGET: Final = 160 * 1024 * 1024
"""Mapped index bytes allowed to stay resident before they are handed back."""


def _page_size() -> int:
    """The memory page size."""
    try:
        return os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 4096


def mapped_resident() -> int | None:
    """Bytes of file-backed pages resident in this process (None where unknown)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open("/proc/self/statm", "rb") as handle:
            fields = handle.read().split()
        return int(fields[2]) * _page_size()
    except (OSError, IndexError, ValueError):
        return None


def _maps(readers: Iterable[Any]) -> list[mmap.mmap]:
    """The memory maps of the segment files under some index readers."""
    found: list[mmap.mmap] = []
    for reader in readers:
        for leaf, _ in reader.leaf_readers():
            storage = getattr(leaf, "_storage", None)
            for part in (storage, getattr(storage, "a", None)):
                source = getattr(part, "_source", None)
                if isinstance(source, mmap.mmap) and not source.closed:
                    found.append(source)
    return found


def release(readers: Iterable[Any]) -> int:
    """Hand back the resident pages of the readers' maps; how many maps were released."""
    advice = getattr(mmap, "MADV_DONTNEED", None)
    if advice is None:
        return 0
    count = 0
    for source in _maps(readers):
        try:
            source.madvise(advice)
        except (OSError, ValueError):
            continue
        count += 1
    return count


def trim(readers: Iterable[Any], budget: int = BUDGET) -> bool:
    """Release the maps' pages when the process's mapped pages exceed ``budget``."""
    resident = mapped_resident()
    if resident is None or resident <= budget:
        return False
    return release(readers) > 0
