"""The fast folder walk yields what ``iter_input_files`` yields, with the pipeline's ids."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplomareader.ingest import iter_input_files
from diplomareader.search.scanning import walk

pipeline = pytest.importorskip("diplomareader.pipeline", reason="the pipeline has not landed yet")


def test_walk_matches_iter_input_files(tmp_path: Path) -> None:
    """Same files, same order, same article ids; hidden entries and symlinked folders skipped."""
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    for rel in ["z.txt", "a.md", "b/deep/x.html", "b/y.txt", "a/1.txt", ".hidden/no.txt", ".dot"]:
        (root / rel).write_text(rel)
    os.symlink(root / "a" / "1.txt", root / "link.txt")
    os.symlink(root / "b", root / "linked-folder")
    given = [str(root), str(root / "a.md"), str(tmp_path / "missing.txt")]
    expected = list(iter_input_files(given))
    found = list(walk(given))
    assert [f.path for f in found] == expected
    for item in found:
        assert item.aid == pipeline.article_id(item.path)
        assert item.real == os.path.realpath(item.path)
    missing = found[-1]
    assert missing.error and missing.size == -1
    assert all(not f.error and f.size >= 0 for f in found[:-1])
