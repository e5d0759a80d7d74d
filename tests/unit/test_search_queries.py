"""Every query form against a real Whoosh index on disk, built from stand-in articles."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.pipeline", reason="the pipeline's stages have not landed yet")
pytest.importorskip("diplomareader.extract.names", reason="name keys have not landed yet")

from diplomareader.search import CANCELLED, Library  # noqa: E402
from tests.unit.test_index_support import filler, json_parser, write_article, write_sample  # noqa: E402

RECENT = (dt.date.today() - dt.timedelta(days=3)).isoformat()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """An index of the three sample articles, 40 fillers and one recent article."""
    root = tmp_path_factory.mktemp("corpus")
    write_sample(root)
    filler(root / "fill", 40)
    write_article(
        root,
        "recent",
        title="Fresh statement on the Caspian pipeline",
        date=RECENT,
        source="Wire",
        author="Anna Petrova",
        body="Ministers discussed the Caspian pipeline consortium and negotiations on tariffs.",
    )
    lib = Library(tmp_path_factory.mktemp("index"))
    report = lib.ingest([str(root)], parser=json_parser)
    assert report.errors == ()
    yield lib
    lib.close()


def titles(lib: Library, query: str, **kwargs: object) -> list[str]:
    """Titles of the hits of ``query``."""
    return [h.article.title for h in lib.search(query, **kwargs).hits]  # type: ignore[arg-type]


def test_words_must_all_match(library: Library) -> None:
    """Two words find only articles with both."""
    assert titles(library, "territorial integrity") and all(
        "Bulletin" not in t for t in titles(library, "territorial integrity")
    )
    assert len(titles(library, "kazakhstan referendums")) == 1
    assert titles(library, "referendums shipping") == []


def test_stemming(library: Library) -> None:
    """``negotiation`` finds ``negotiations``; ``recognizes`` finds ``recognise``? no: stems."""
    assert titles(library, "negotiation") == ["Fresh statement on the Caspian pipeline"]


def test_phrase(library: Library) -> None:
    """A phrase needs its words together and in order."""
    assert len(titles(library, '"territorial integrity"')) == 3
    assert titles(library, '"integrity territorial"') == []


def test_or_and_parentheses(library: Library) -> None:
    """OR widens, parentheses group."""
    assert len(titles(library, "smadyarov OR lavrov")) == 2
    assert titles(library, "(smadyarov OR lavrov) referendums") == [
        "Kazakhstan announces its position on referendums in DPR and LPR"
    ]


def test_not_and_minus(library: Library) -> None:
    """NOT and -word exclude."""
    both = set(titles(library, "kazakhstan"))
    assert len(both) == 2
    assert set(titles(library, "kazakhstan -neutrality")) == both - {
        "Kazakhstan Favors Neutrality in Current Geopolitical Situation, Says Tokayev"
    }
    assert titles(library, "kazakhstan NOT neutrality") == titles(library, "kazakhstan -neutrality")


def test_only_negative_query_matches_everything_else(library: Library) -> None:
    """``-word`` alone lists the articles without it."""
    result = library.search("-bulletin", limit=500)
    assert result.total == library.count() - 40


def test_title_source_author_fields(library: Library) -> None:
    """Field clauses search only their field."""
    assert titles(library, "title:neutrality") == [
        "Kazakhstan Favors Neutrality in Current Geopolitical Situation, Says Tokayev"
    ]
    assert titles(library, "title:recognise") == []
    assert titles(library, "source:qazaq") == [
        "Kazakhstan announces its position on referendums in DPR and LPR"
    ]
    assert titles(library, 'source:"qazaq tv"') == titles(library, "source:qazaq")
    assert titles(library, "author:ulitin") == [
        "Lavrov Says He Disagrees with Toqayev's 2022 Remarks on Territorial Integrity"
    ]


def test_speaker_spellings_are_equivalent(library: Library) -> None:
    """``speaker:toqayev`` and ``speaker:tokayev`` (and Cyrillic) find the same articles."""
    tokayev = set(titles(library, "speaker:tokayev"))
    assert len(tokayev) == 2
    assert set(titles(library, "speaker:toqayev")) == tokayev
    assert set(titles(library, "speaker:Токаев")) == tokayev
    assert set(titles(library, 'speaker:"Qasym-Jomart Toqayev"')) == tokayev
    assert titles(library, "speaker:smadyarov") == [
        "Kazakhstan announces its position on referendums in DPR and LPR"
    ]


def test_entity_field(library: Library) -> None:
    """``entity:`` matches canonical names and aliases, folded."""
    assert set(titles(library, "entity:toqayev")) == set(titles(library, "entity:tokayev"))
    assert titles(library, "entity:UN") == titles(library, 'entity:"United Nations"')
    assert len(titles(library, "entity:kazakhstan")) == 2


def test_plain_word_matches_other_spellings_of_names(library: Library) -> None:
    """A bare name also matches entities spelt otherwise (Tokayev finds the Toqayev article)."""
    assert len(titles(library, "tokayev")) == 2


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("date:2022", 2),
        ("date:2022-09", 2),
        ("date:2022-09-28..2022-09-30", 1),
        ("date:2023", 1),
        ("date:2021", 40),
        ("date:>-30d", 1),
        ("date:<2022", 40),
        ("date:2022-09-01..2022-09-30 neutrality", 1),
    ],
)
def test_date_queries(library: Library, query: str, count: int) -> None:
    """Years, months, ranges and relative dates select by the article's date."""
    assert library.search(query, limit=500).total == count


def test_malformed_queries_never_raise(library: Library) -> None:
    """What was understood is shown; what was not is listed."""
    result = library.search('"territorial integrity')
    assert result.hits and any("closing quote" in e for e in result.errors)
    result = library.search("date:someday lavrov")
    assert result.understood == "lavrov"
    assert any("someday" in e for e in result.errors)
    result = library.search("((((")
    assert result.hits == () and result.errors
    assert library.search("the of and").errors == ("only common words: nothing to search for",)


def test_understood_shows_the_reading(library: Library) -> None:
    """Grouping, negation, fields and normalised dates."""
    result = library.search("lavrov OR smadyarov -ukraine date:2022-09")
    assert (
        result.understood == "(lavrov OR smadyarov) AND NOT ukraine AND date:2022-09-01..2022-09-30"
    )


def test_snippet_is_the_matching_sentence_with_marks(library: Library) -> None:
    """The snippet is the sentence with the query words, and the marks cover them."""
    hit = library.search("neutrality dialogue").hits[0]
    assert "neutrality and dialogue" in hit.snippet
    marked = [hit.snippet[s:e] for s, e in hit.marks]
    assert marked == ["neutrality", "dialogue"]
    hit = library.search("speaker:toqayev").hits[0]
    assert any(
        hit.snippet[s:e] in ("Toqayev", "Tokayev", "Kassym-Jomart Tokayev") for s, e in hit.marks
    )


def test_sort_by_date(library: Library) -> None:
    """Date order is newest first."""
    hits = library.search("kazakhstan OR lavrov", sort="date").hits
    dates = [h.article.date for h in hits]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]


def test_as_you_type_prefix(library: Library) -> None:
    """The last word is a prefix once three letters long; shorter, it is a word."""
    result = library.search("negot", as_you_type=True)
    assert result.understood == "negot*"
    assert [h.article.title for h in result.hits] == ["Fresh statement on the Caspian pipeline"]
    assert library.search("negot").hits == ()
    assert titles(library, "terr integ", as_you_type=True) == []
    assert len(titles(library, "territorial integ", as_you_type=True)) == 3
    assert library.search("speaker:toq", as_you_type=True).total == 2
    assert library.search("ne", as_you_type=True).hits == ()


def test_limit_and_total(library: Library) -> None:
    """``limit`` caps the hits; ``total`` counts all matches."""
    result = library.search("bulletin", limit=5)
    assert len(result.hits) == 5 and result.total == 40


def test_stale_search_is_cancelled(library: Library) -> None:
    """A search whose ``should_stop`` says so returns the CANCELLED marker at once."""
    result = library.search("bulletin", should_stop=lambda: True)
    assert result.errors == (CANCELLED,) and result.hits == ()
    calls = {"n": 0}

    def later() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    result = library.search("bulletin OR trade", limit=500, should_stop=later)
    assert result.errors == (CANCELLED,)


def test_concurrent_searches_from_threads(library: Library) -> None:
    """Searches from several threads all get their own answers."""
    answers: dict[int, int] = {}

    def run(i: int) -> None:
        answers[i] = library.search(f"w{i}x").total

    threads = [threading.Thread(target=run, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == {i: 1 for i in range(20)}


def test_list_articles_newest_first_and_by_title(library: Library) -> None:
    """The list is newest first (lazy rows), or by title."""
    rows = library.list_articles()
    assert len(rows) == library.count() == 44
    dates = [rows[i].date for i in range(len(rows))]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert rows[0].title == "Fresh statement on the Caspian pipeline"
    by_title = [r.title for r in library.list_articles(sort="title")]
    assert by_title == sorted(by_title, key=str.casefold)


def test_article_round_trip(library: Library, tmp_path: Path) -> None:
    """``article()`` returns the stored Article, offsets intact."""
    summary = next(r for r in library.list_articles() if r.source == "Orda.kz")
    article = library.article(summary.id)
    assert article.author == "Igor Ulitin"
    assert len(article.quotes) == 2 and len(article.entities) == 3
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text
    for entity in article.entities:
        for mention in entity.mentions:
            assert article.body[mention.start : mention.end] == mention.text
    with pytest.raises(KeyError):
        library.article("no-such-id")
