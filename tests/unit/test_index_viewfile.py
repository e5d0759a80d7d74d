"""Whoosh's buffer files read in place: the same bytes as the copy they replace."""

from __future__ import annotations

import io
import pickle
from array import array
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")

from whoosh.filedb.structfile import BufferFile  # noqa: E402

from diplomareader.search import Library  # noqa: E402
from diplomareader.search.viewfile import ViewFile  # noqa: E402
from tests.unit.test_index_support import json_parser, write_sample  # noqa: E402


def test_view_file_reads_like_bytesio() -> None:
    """Reads, lines, seeks, pickles and arrays give what an in-memory copy gives."""
    data = pickle.dumps((1, "two", 3.0)) + b"line one\nline two\n" + array("i", range(9)).tobytes()
    ours, theirs = ViewFile(memoryview(data)), io.BytesIO(data)
    for f in (ours, theirs):
        assert f.tell() == 0
    assert pickle.load(ours) == pickle.load(theirs) == (1, "two", 3.0)
    assert ours.tell() == theirs.tell()
    assert ours.readline() == theirs.readline() == b"line one\n"
    assert ours.read(4) == theirs.read(4)
    assert ours.seek(-3, 1) == theirs.seek(-3, 1)
    assert list(ours) == list(theirs)
    assert ours.read() == theirs.read() == b""
    at = len(data) - 36
    assert ours.seek(at) == theirs.seek(at)
    mine, copy = array("i"), array("i")
    mine.fromfile(ours, 9)
    copy.fromfile(theirs, 9)
    assert mine == copy == array("i", range(9))
    assert ours.seek(-5, 2) == theirs.seek(-5, 2)
    assert ours.read(100) == theirs.read(100)


def test_an_open_index_holds_no_copies(tmp_path: Path) -> None:
    """The segments' buffer files of an open library read from the map, and answer."""
    corpus = tmp_path / "corpus"
    write_sample(corpus)
    with Library(tmp_path / "index") as lib:
        lib.ingest([str(corpus)], parser=json_parser)
        assert lib.search("territorial integrity").total == 3
        files = [
            leaf._terms._postfile
            for leaf, _ in lib._view.reader.leaf_readers()
            if isinstance(getattr(leaf._terms, "_postfile", None), BufferFile)
        ]
        assert files, "expected memory-mapped segments"
        assert all(isinstance(f.file, ViewFile) for f in files)
