"""Whoosh's segment files read in place, not copied into memory.

Whoosh opens each part of a segment (postings, term table, columns) from the memory map of
its compound file as a ``BufferFile``, whose file-like side is an ``io.BytesIO`` made from
that buffer: a private copy of every posting list and term table, so the reader's memory
grows with the size of the whole index (hundreds of megabytes at 100,000 articles). Here
the file-like side reads from the map itself; only what is read is copied. Nothing on disk
changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.filedb import structfile


class ViewFile:
    """A read-only file over a buffer (seek, tell, read, readline) that copies nothing
    until read."""

    __slots__ = ("_buf", "_pos", "_size")

    def __init__(self, buf: Any) -> None:
        self._buf = buf
        self._pos = 0
        self._size = len(buf)

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` bytes from the current position (all the rest by default)."""
        start = self._pos
        end = self._size if size is None or size < 0 else min(self._size, start + size)
        self._pos = end
        return bytes(self._buf[start:end])

    def readline(self, size: int | None = -1) -> bytes:
        """Bytes up to and including the next newline."""
        start = self._pos
        limit = self._size if size is None or size < 0 else min(self._size, start + size)
        chunk = bytes(self._buf[start:limit])
        cut = chunk.find(b"\n")
        if cut >= 0:
            chunk = chunk[: cut + 1]
        self._pos = start + len(chunk)
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        """Move the position (from the start, the current position or the end)."""
        base = 0 if whence == 0 else self._pos if whence == 1 else self._size
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        """The current position."""
        return self._pos

    def close(self) -> None:
        """Nothing to release (the map belongs to the storage)."""

    def __iter__(self) -> Iterator[bytes]:
        """Lines, as a file gives them."""
        while self._pos < self._size:
            yield self.readline()


def _buffer_file_init(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
    """``BufferFile.__init__`` with a :class:`ViewFile` instead of a copy."""
    self._buf = buf
    self._name = name
    self.file = ViewFile(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make Whoosh's buffer files read in place (idempotent)."""
    structfile.BufferFile.__init__ = _buffer_file_init
