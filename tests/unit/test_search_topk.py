"""Top documents: the same top as scoring every match with Whoosh's BM25F."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")
pytest.importorskip("diplomareader.extract.names", reason="name keys have not landed yet")

from whoosh import query as wq  # noqa: E402

from diplomareader.search import Library  # noqa: E402
from diplomareader.search.topk import Clause, top_documents  # noqa: E402
from tests.unit.test_index_support import write_article  # noqa: E402

WORDS = ["alpha", "bravo", "charli", "delta", "echo", "foxtrot"]
"""Stems (the body field is stemmed) of words spread unevenly over the articles."""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Sixty articles over two segments, each holding a different mix of six words (one
    to several times) and bodies of different lengths, so that scores differ."""
    root = tmp_path_factory.mktemp("corpus")
    lib = Library(tmp_path_factory.mktemp("index"))
    from tests.unit.test_index_support import json_parser

    for i in range(60):
        words = [w for k, w in enumerate(WORDS) if (i >> k) & 1 or (i % (k + 2) == 0)]
        repeats = " ".join(words[: 1 + i % 3])
        padding = " ".join(f"pad{j}" for j in range(i % 7 * 5))
        write_article(
            root / ("a" if i < 30 else "b"),
            f"art-{i:03d}",
            title=f"Article {i}",
            date="2021-03-01",
            source="Wire",
            body=f"{' '.join(words)} {repeats} {padding}.",
        )
        if i == 29:
            lib.ingest([str(root)], parser=json_parser)
    lib.ingest([str(root)], parser=json_parser)
    yield lib
    lib.close()


def exhaustive(lib: Library, clauses: list[Clause]) -> dict[int, float]:
    """Every matching document's score, from the engine's own exact BM25F ranking."""
    engine = lib._view.engine
    query = wq.Or([wq.Term(f, groups[0][0], boost=boost) for f, groups, boost in clauses])
    matches = engine.docs(query, lambda: False)
    return {d: s for s, d in engine.best(query, matches, len(matches), lambda: False)}


@pytest.mark.parametrize("limit", [1, 3, 7, 20, 100])
@pytest.mark.parametrize(
    "clauses",
    [
        [("terms", (("alpha",),), 1.0)],
        [("terms", ((w,),), 1.0) for w in WORDS],
        [
            ("terms", (("alpha",),), 6.0),
            ("terms", (("echo",),), 1.5),
            ("terms", (("foxtrot",),), 1.0),
        ],
        [("terms", (("delta",),), 1.0), ("terms", (("nosuchword",),), 3.0)],
    ],
)
def test_same_top_as_scoring_everything(
    library: Library, clauses: list[Clause], limit: int
) -> None:
    """The scores are the exhaustive ones, best first, and no better document is left out
    (the pruning never drops a document that belongs in the top)."""
    expected = exhaustive(library, clauses)
    ours = top_documents(library._view.engine, clauses, limit)
    assert len(ours) == min(limit, len(expected))
    assert [s for s, _ in ours] == sorted((s for s, _ in ours), reverse=True)
    for score, docnum in ours:
        assert score == pytest.approx(expected[docnum], rel=1e-6)
    best_scores = sorted(expected.values(), reverse=True)[: len(ours)]
    assert [s for s, _ in ours] == pytest.approx(best_scores, rel=1e-6)


def test_a_several_word_clause_needs_every_word(library: Library) -> None:
    """Documents holding only some words of an all-word clause do not match it, and those
    holding all of them score the sum of the words' scores."""
    engine = library._view.engine
    both = engine.idset("terms", "alpha") & engine.idset("terms", "bravo")
    assert 0 < len(both) < len(engine.idset("terms", "alpha"))
    ours = top_documents(engine, [("terms", (("alpha", "bravo"),), 1.0)], 1000)
    assert {d for _, d in ours} == set(both)
    singles = exhaustive(library, [("terms", (("alpha",),), 1.0), ("terms", (("bravo",),), 1.0)])
    for score, docnum in ours:
        assert score == pytest.approx(singles[docnum], rel=1e-6)


def test_excluded_documents_never_appear(library: Library) -> None:
    """Excluded documents are left out and the next best take their places."""
    engine = library._view.engine
    clauses: list[Clause] = [("terms", ((w,),), 1.0) for w in WORDS]
    full = top_documents(engine, clauses, 10)
    banned = {d for _, d in full[:4]}
    ours = top_documents(engine, clauses, 10, exclude=banned)
    assert banned.isdisjoint(d for _, d in ours)
    assert len(ours) == 10
    assert [d for _, d in ours][:6] == [d for _, d in full][4:10]


def test_nothing_to_match(library: Library, tmp_path: Path) -> None:
    """No clause, unknown words, a zero limit and an empty index give nothing."""
    engine = library._view.engine
    assert top_documents(engine, [], 5) == []
    assert top_documents(engine, [("terms", (("zzzz",),), 1.0)], 5) == []
    assert top_documents(engine, [("terms", (("alpha",),), 1.0)], 0) == []
    with Library(tmp_path / "empty") as empty:
        assert top_documents(empty._view.engine, [("terms", (("alpha",),), 1.0)], 5) == []


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Three articles with a rare word, forty with common words, and one article holding
    the last two common words (which together outscore the rare one)."""
    from tests.unit.test_index_support import json_parser

    root = tmp_path_factory.mktemp("crowd")
    common = ["kilo", "lima", "mike", "novemb", "oscar"]
    for i in range(3):
        write_article(root, f"rare-{i}", title="Rare", date="2021-01-01", body="zulu")
    for i in range(40):
        write_article(root, f"common-{i}", title="C", date="2021-01-02", body=common[i % 5])
    write_article(root, "combo", title="All", date="2021-01-03", body="novemb oscar")
    lib = Library(tmp_path_factory.mktemp("crowd-index"))
    lib.ingest([str(root)], parser=json_parser)
    yield lib
    lib.close()


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_many_small_scores_beat_one_large(crowd: Library, limit: int) -> None:
    """A document matching many low-weight clauses is not pruned away when together they
    outscore the high-weight clause seen first."""
    clauses: list[Clause] = [("terms", (("zulu",),), 1.0), ("terms", (("kilo",),), 1.0)]
    clauses += [("terms", ((w,),), 1.0) for w in ("lima", "mike", "novemb", "oscar")]
    expected = exhaustive(crowd, clauses)
    combo = max(expected, key=expected.__getitem__)
    assert expected[combo] > max(s for d, s in expected.items() if d != combo)
    ours = top_documents(crowd._view.engine, clauses, limit)
    assert ours[0][1] == combo
    assert [s for s, _ in ours] == pytest.approx(
        sorted(expected.values(), reverse=True)[:limit], rel=1e-6
    )


def test_the_spellings_of_one_name_count_once(library: Library) -> None:
    """A clause with several groups gives each document its best group's score, not the
    sum: a quote holding both spellings of a name is not counted twice."""
    engine = library._view.engine
    alpha = exhaustive(library, [("terms", (("alpha",),), 1.0)])
    bravo = exhaustive(library, [("terms", (("bravo",),), 1.0)])
    ours = dict(
        (d, s) for s, d in top_documents(engine, [("terms", (("alpha",), ("bravo",)), 1.0)], 1000)
    )
    assert set(ours) == set(alpha) | set(bravo)
    assert set(alpha) & set(bravo)
    for docnum, score in ours.items():
        assert score == pytest.approx(max(alpha.get(docnum, 0.0), bravo.get(docnum, 0.0)))
