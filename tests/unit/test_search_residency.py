"""Handing mapped index pages back: results stay the same, the maps are really released."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")

from diplomareader.search import Library, residency  # noqa: E402
from tests.unit.test_index_support import filler, json_parser, write_sample  # noqa: E402

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The sample articles and fillers, ingested in two runs (two segments)."""
    root = tmp_path_factory.mktemp("corpus")
    lib = Library(tmp_path_factory.mktemp("index"))
    write_sample(root)
    lib.ingest([str(root)], parser=json_parser)
    filler(root / "a", 20)
    lib.ingest([str(root)], parser=json_parser)
    yield lib
    lib.close()


def readers(lib: Library) -> list[object]:
    """The library's open index readers (articles and quotes)."""
    lib.related_quotes(lib.list_articles()[0].id)
    return [lib._view.reader, lib._quotes().reader]


@linux_only
def test_release_hands_back_every_segment_map(library: Library) -> None:
    """Each segment file of both indexes is mapped, and every map is released."""
    found = readers(library)
    segments = sum(len(list(r.leaf_readers())) for r in found)  # type: ignore[attr-defined]
    assert segments >= 3
    assert residency.release(found) == segments


@linux_only
def test_results_are_the_same_after_release(library: Library) -> None:
    """Search, articles and related quotes read the released pages again, unchanged."""
    first = library.list_articles()[0].id
    before = (
        library.search("kazakhstan OR bulletin", limit=50),
        library.article(first),
        library.related_quotes(first),
    )
    residency.release(readers(library))
    after = (
        library.search("kazakhstan OR bulletin", limit=50),
        library.article(first),
        library.related_quotes(first),
    )
    assert [h.article.id for h in after[0].hits] == [h.article.id for h in before[0].hits]
    assert after[0].hits
    assert after[1] == before[1]
    assert [(r.quote.text, r.article.id) for r in after[2]] == [
        (r.quote.text, r.article.id) for r in before[2]
    ]


@linux_only
def test_trim_follows_the_budget(library: Library) -> None:
    """Over budget the maps are released, under it they are left alone."""
    found = readers(library)
    resident = residency.mapped_resident()
    assert resident is not None and resident > 0
    assert residency.trim(found, budget=0) is True
    assert residency.trim(found, budget=resident * 100) is False
