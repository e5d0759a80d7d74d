"""The seed articles through the real pipeline into a real index: spellings and related
quotes (the Lavrov article connects with Tokayev's 2022 statements)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")

from diplomareader.search import Library  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The sample corpus ingested with the real pipeline."""
    lib = Library(tmp_path_factory.mktemp("seeds") / "index")
    report = lib.ingest([str(ROOT / "corpus")])
    assert report.errors == () and report.added == 3
    yield lib
    lib.close()


def test_seed_list(seeds: Library) -> None:
    """Three articles, the dated ones newest first."""
    rows = seeds.list_articles()
    assert len(rows) == 3
    dated = [r.date for r in rows if r.date]
    assert dated == sorted(dated, reverse=True)


def test_tokayev_spellings_find_the_same_articles(seeds: Library) -> None:
    """``speaker:toqayev`` = ``speaker:tokayev``; ``entity:`` likewise; both articles."""
    by_k = {h.article.id for h in seeds.search("speaker:tokayev").hits}
    by_q = {h.article.id for h in seeds.search("speaker:toqayev").hits}
    assert by_k == by_q and len(by_k) == 2
    assert {h.article.id for h in seeds.search("entity:toqayev").hits} == {
        h.article.id for h in seeds.search("entity:tokayev").hits
    }


def test_related_quotes_connect_lavrov_with_tokayev(seeds: Library) -> None:
    """On the Lavrov article, Tokayev's 2022 statements from the other articles come first,
    each with its article, and the article's own quotes are never among them."""
    orda = next(a for a in seeds.list_articles() if "Lavrov" in a.title)
    related = seeds.related_quotes(orda.id)
    assert related and all(r.article.id != orda.id for r in related)
    same = [r for r in related if r.reason.startswith("same speaker")]
    assert len(same) >= 2
    assert all("Tokayev" in (r.quote.speaker or "") for r in same)
    assert {r.article.date.year for r in same if r.article.date} == {2022}
    assert related[0] in same
    for r in related:
        body = seeds.article(r.article.id).body
        assert body[r.quote.start : r.quote.end] == r.quote.text
