"""The set-based engine agrees with Whoosh itself: same matches, same BM25F ranking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")
pytest.importorskip("diplomareader.extract.names", reason="name keys have not landed yet")

from whoosh import query as wq  # noqa: E402

from diplomareader.search import Library  # noqa: E402
from diplomareader.search.compile import Compiler  # noqa: E402
from diplomareader.search.querylang import parse_query  # noqa: E402
from tests.unit.test_index_support import filler, json_parser, write_sample  # noqa: E402

QUERIES = [
    "bulletin",
    "trade shipping",
    "kazakhstan OR lavrov",
    "bulletin -trade",
    "(smadyarov OR lavrov) referendums",
    '"territorial integrity"',
    '"integrity territorial"',
    '"routine bulletin 12"',
    "title:bulletin w3x",
    "date:2021-02 bulletin",
    "date:2021-01-01..2021-01-10",
    "NOT bulletin",
    "speaker:toqayev",
    "entity:kazakhstan OR source:wire",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Sample and filler articles, ingested in three runs (three segments), one deleted."""
    root = tmp_path_factory.mktemp("corpus")
    lib = Library(tmp_path_factory.mktemp("index"))
    write_sample(root)
    lib.ingest([str(root)], parser=json_parser)
    filler(root / "a", 30)
    lib.ingest([str(root)], parser=json_parser)
    filler(root / "b", 30, start=30)
    (root / "a" / "filler-00004.json").unlink()
    lib.ingest([str(root)], parser=json_parser)
    yield lib
    lib.close()


def compiled(lib: Library, text: str) -> object:
    """The Whoosh query the search builds for ``text``."""
    view = lib._view
    return Compiler(view.reader).compile(parse_query(text)).query


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_as_whoosh(library: Library, text: str) -> None:
    """Set evaluation gives exactly Whoosh's matching documents (deletions excluded)."""
    view = library._view
    query = compiled(library, text)
    expected = set(view.searcher.docs_for_query(query))
    assert set(view.engine.docs(query, lambda: False)) == expected
    assert library.search(text, limit=1000).total == len(expected)


@pytest.mark.parametrize("text", ["bulletin", "trade shipping", "kazakhstan OR lavrov"])
def test_same_ranking_as_whoosh(library: Library, text: str) -> None:
    """Relevance scores are Whoosh's BM25F scores."""
    view = library._view
    query = compiled(library, text)
    whoosh_hits = view.searcher.search(query, limit=None)
    expected = {hit.docnum: hit.score for hit in whoosh_hits}
    matches = view.engine.docs(query, lambda: False)
    ours = view.engine.best(query, matches, len(matches), lambda: False)
    assert {d for _, d in ours} == set(expected)
    for score, docnum in ours:
        assert score == pytest.approx(expected[docnum], rel=1e-5)


def test_date_order(library: Library) -> None:
    """Date order is newest first over live documents."""
    view = library._view
    order = list(view.engine.date_order())
    dates = [view.engine.dates[d] for d in order]
    assert dates == sorted(dates, reverse=True)
    assert len(order) == library.count()
    assert isinstance(compiled(library, "bulletin"), wq.Query)


def test_multiple_segments(library: Library, tmp_path: Path) -> None:
    """The fixture really spans several segments with a deletion (what the tests cover)."""
    reader = library._view.reader
    assert len(list(reader.leaf_readers())) >= 2
    assert reader.has_deletions()


@pytest.mark.parametrize("index_name", ["articles", "quotes"])
def test_field_frequencies_are_whooshs(library: Library, index_name: str) -> None:
    """A whole field's term dictionary, read from the term tables, has Whoosh's counts
    (over several segments, deleted documents counted as Whoosh counts them)."""
    from diplomareader.search.terms import field_frequencies

    reader = library._view.reader if index_name == "articles" else library._quotes().reader
    for fieldname in ("terms", "text", "entities", "speakers", "speaker", "title"):
        if fieldname not in reader.schema:
            continue
        table = field_frequencies(reader, fieldname)
        expected = {
            (t.decode() if isinstance(t, bytes) else t): reader.doc_frequency(fieldname, t)
            for t in reader.lexicon(fieldname)
        }
        assert table == expected
    assert field_frequencies(reader, "no such field") == {}


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and Kazakhstan's president said: \"We don't accept it.\"",
        "Negotiations, negotiating, negotiated — 2022 talks in Nur-Sultan (Qasym-Jomart Toqayev)",
        "ÉTATS-UNIS: l'Élysée répond; İstanbul, Straße, ŒUVRE, ﬁnancial",
        "may will can us US May the of and a",
        "",
        "中方支持 the talks",
        "Токаев заявил, что… numbers 1,000.5 and 12th",
    ],
)
def test_fast_stems_are_the_analyzers(text: str) -> None:
    """The quick tokenizer gives exactly the stemming analyzer's terms (or declines)."""
    from diplomareader.search.schema import stemming_analyzer
    from diplomareader.search.terms import fast_stems

    expected = [t.text for t in stemming_analyzer()(text)]  # type: ignore[operator]
    fast = fast_stems(text)
    if fast is None:
        assert any("\u4e00" <= c <= "\u9fff" for c in text)
    else:
        assert fast == expected


def test_completions_are_whooshs(library: Library) -> None:
    """Prefix completions (read from the term tables, or filtered from a shorter prefix's
    list) are exactly Whoosh's terms with that prefix and their summed frequencies."""
    from diplomareader.search.compile import Lexicon

    reader = library._view.reader
    lexicon = Lexicon(reader)
    for fieldname, prefixes in (
        ("terms", ["b", "bu", "bul", "bull", "t", "tr", "zzz", "2"]),
        ("entities", ["k", "ka", "kaz", "l"]),
        ("speakers", ["t", "to", "toq"]),
    ):
        for prefix in prefixes:
            expected: dict[str, int] = {}
            for leaf, _ in reader.leaf_readers():
                for btext, info in leaf.iter_prefix(fieldname, prefix):
                    text = btext.decode() if isinstance(btext, bytes) else btext
                    expected[text] = expected.get(text, 0) + info.doc_frequency()
            got = {t: n for n, t in lexicon.completions(fieldname, prefix)}
            assert got == expected, (fieldname, prefix)
    assert {t for _, t in lexicon.completions("terms", "bul")}
