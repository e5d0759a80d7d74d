"""Postings mirrors: written by the ingest for each quote segment, read instead of Whoosh's
blocks, and never a reason for a different answer (a missing or broken one is passed over)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")

from diplomareader.search import Library  # noqa: E402
from diplomareader.search.mirror import FIELDS, SUFFIX, Mirrors, segment_name  # noqa: E402
from tests.unit.test_index_support import json_parser, write_article  # noqa: E402

SPEAKERS = ["Kassym-Jomart Tokayev", "Sergey Lavrov", "Antonio Guterres", "Aibek Smadyarov"]
PLACES = ["Kazakhstan", "Ukraine", "Crimea", "Astana"]


def _article(root: Path, i: int) -> Path:
    """An article with two quotes by two of four speakers on some of four places."""
    speaker, other = SPEAKERS[i % 4], SPEAKERS[(i + 1) % 4]
    place = PLACES[i % 4]
    first = f"{place} respects territorial integrity number {i % 3} today"
    second = f"We discussed {PLACES[(i + 2) % 4]} and sovereignty at length {i % 5}"
    body = f"Opening lines. {first}. Then more. {second}. The end of article {i}."
    return write_article(
        root,
        f"art-{i:03d}",
        title=f"Talks on {place} {i}",
        date=f"2022-0{1 + i % 9}-1{i % 10}",
        source=f"Wire {i % 3}",
        body=body,
        entities=[[place, "place", [], [place]], [speaker, "person", [], []]],
        quotes=[[first, speaker], [second, other]],
    )


def _mirror_files(folder: Path) -> set[str]:
    """The quote segments' mirror files in an index folder."""
    return {p.name for p in folder.glob(f"quotes_*{SUFFIX}")}


def _ingest_in_two_batches(root: Path, index: Path) -> Library:
    """Forty articles ingested twenty at a time (two quote segments)."""
    lib = Library(index)
    for i in range(40):
        _article(root, i)
        if i == 19:
            lib.ingest([str(root)], parser=json_parser)
    lib.ingest([str(root)], parser=json_parser)
    lib.refresh()
    return lib


def _related(lib: Library) -> dict[str, list[tuple[str, int, float]]]:
    """Every article's related quotes: article, offset and score."""
    return {
        row.id: [
            (r.article.id, r.quote.start, round(r.score, 9)) for r in lib.related_quotes(row.id)
        ]
        for row in lib.list_articles()
    }


def test_the_ingest_mirrors_every_quote_segment(tmp_path: Path) -> None:
    """Each quote segment gets a mirror, and the mirrors give exactly Whoosh's postings
    for every term of the mirrored fields."""
    lib = _ingest_in_two_batches(tmp_path / "corpus", tmp_path / "index")
    with lib:
        view = lib._quotes()
        names = {segment_name(leaf) for leaf, _ in view.engine.leaves}
        assert len(names) >= 2
        assert _mirror_files(tmp_path / "index") == {f"{n}{SUFFIX}" for n in names}
        assert view.mirrors is not None and view.mirrors.complete()
        checked = 0
        for fieldname in FIELDS:
            for term in view.reader.field_terms(fieldname):
                ids, weights = view.engine.postings(fieldname, term)
                docs, mirrored = view.mirrors.postings(fieldname, term)
                assert docs.tolist() == list(ids)
                assert np.allclose(mirrored, np.asarray(weights, dtype=np.float64))
                checked += 1
        assert checked > 20
        assert view.mirrors.postings("text", "nosuchword")[0].size == 0


def test_related_quotes_are_the_same_without_mirrors(tmp_path: Path) -> None:
    """The related quotes read through the mirrors are those read through Whoosh."""
    index = tmp_path / "index"
    with _ingest_in_two_batches(tmp_path / "corpus", index) as lib:
        mirrored = _related(lib)
    assert any(mirrored.values())
    for name in _mirror_files(index):
        (index / name).unlink()
    with Library(index) as lib:
        view = lib._quotes()
        assert view.mirrors is not None and view.mirrors.mirrored() == 0
        assert _related(lib) == mirrored


def test_a_broken_mirror_is_passed_over_then_written_again(tmp_path: Path) -> None:
    """A cut-short mirror (a disk that filled up, a copy that stopped) is ignored: the
    answers stay the same, and the next ingest writes it again."""
    root, index = tmp_path / "corpus", tmp_path / "index"
    with _ingest_in_two_batches(root, index) as lib:
        expected = _related(lib)
    victim = index / sorted(_mirror_files(index))[0]
    whole = victim.read_bytes()
    victim.write_bytes(whole[: len(whole) // 2])
    (index / f".{victim.name}.x1y2.tmp").write_bytes(b"half a mirror")
    with Library(index) as lib:
        view = lib._quotes()
        assert view.mirrors is not None and not view.mirrors.complete()
        assert _related(lib) == expected
        lib.ingest([str(root)], parser=json_parser)
    assert victim.read_bytes() == whole
    assert not list(index.glob(".*.tmp"))
    with Library(index) as lib:
        mirrors = lib._quotes().mirrors
        assert mirrors is not None and mirrors.complete()


def test_removed_articles_leave_the_mirrored_postings(tmp_path: Path) -> None:
    """Quotes of an article removed from the corpus are deleted in their old segment; the
    mirror of that segment still holds them, and reading it leaves them out."""
    root, index = tmp_path / "corpus", tmp_path / "index"
    with _ingest_in_two_batches(root, index) as lib:
        gone = lib.list_articles()[0].id
        files = {row.id: row.path for row in lib.list_articles()}
        Path(files[gone]).unlink()
        report = lib.ingest([str(root)], parser=json_parser)
        assert report.removed == 1
        lib.refresh()
        view = lib._quotes()
        assert view.mirrors is not None and view.mirrors.complete()
        assert view.engine.deleted
        for fieldname in FIELDS:
            for term in view.reader.field_terms(fieldname):
                docs, _ = view.mirrors.postings(fieldname, term)
                assert view.engine.deleted.isdisjoint(docs.tolist())
                assert docs.tolist() == list(view.engine.postings(fieldname, term)[0])
        related = _related(lib)
    assert gone not in related
    assert all(gone != aid for rows in related.values() for aid, _, _ in rows)


def test_merged_segments_take_their_mirrors_with_them(tmp_path: Path) -> None:
    """When Whoosh merges the segments, the old mirrors go with the old segments and the
    next ingest mirrors the merged one."""
    root, index = tmp_path / "corpus", tmp_path / "index"
    with _ingest_in_two_batches(root, index) as lib:
        old = _mirror_files(index)
        expected = _related(lib)
        lib._qix.optimize()
        _article(root, 40)
        lib.ingest([str(root)], parser=json_parser)
        lib.refresh()
        now = _mirror_files(index)
        assert old.isdisjoint(now)
        names = {segment_name(leaf) for leaf, _ in lib._quotes().engine.leaves}
        assert now == {f"{n}{SUFFIX}" for n in names}
        mirrors = Mirrors(index, lib._quotes().engine.leaves)
        assert mirrors.complete()
        related = _related(lib)
    # The new article adds quotes; the old articles' best related quotes stay among theirs.
    assert set(expected) < set(related)


def test_an_index_without_mirrors_asks_for_an_ingest(tmp_path: Path) -> None:
    """An index from before mirrors (or whose ingest was killed before writing them) needs
    an update even when no article changed; the ingest writes them and then it does not."""
    root, index = tmp_path / "corpus", tmp_path / "index"
    with _ingest_in_two_batches(root, index) as lib:
        assert not lib.needs_update(root)
    for name in _mirror_files(index):
        (index / name).unlink()
    with Library(index) as lib:
        assert lib.needs_update(root)
        report = lib.ingest([str(root)], parser=json_parser)
        assert report.added == report.updated == report.removed == 0
    assert len(_mirror_files(index)) >= 2
    with Library(index) as lib:
        assert not lib.needs_update(root)
    with Library(tmp_path / "empty") as lib:
        root.joinpath("..", "nothing").resolve().mkdir()
        assert not lib.needs_update(tmp_path / "nothing")
