"""The query language and ``date:`` expressions, without an index."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomareader.search.dates import DateSyntaxError, format_range, parse_date_expr
from diplomareader.search.querylang import (
    DateExpr,
    Group,
    Negation,
    Phrase,
    Word,
    last_word,
    parse_query,
)

TODAY = dt.date(2024, 3, 15)


def test_words_are_anded() -> None:
    """Plain words become one AND group of words."""
    parsed = parse_query("tokayev lavrov")
    assert parsed.errors == []
    assert parsed.root == Group("AND", [Word("tokayev"), Word("lavrov")])


def test_phrase_or_not_and_minus() -> None:
    """Phrases, OR (tighter than AND), NOT and -word."""
    parsed = parse_query('"territorial integrity" lavrov OR tokayev NOT ukraine -russia')
    assert parsed.errors == []
    assert parsed.root.children == [
        Phrase("territorial integrity"),
        Group("OR", [Word("lavrov"), Word("tokayev")]),
        Negation(Word("ukraine")),
        Negation(Word("russia")),
    ]


def test_parentheses_and_explicit_and() -> None:
    """Parentheses group; AND between clauses changes nothing."""
    parsed = parse_query("(lavrov OR tokayev) AND referendum")
    assert parsed.errors == []
    assert parsed.root.children == [
        Group("OR", [Word("lavrov"), Word("tokayev")]),
        Word("referendum"),
    ]


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("title:neutrality", Word("neutrality", "title")),
        ("source:kazinform", Word("kazinform", "source")),
        ("author:ulitin", Word("ulitin", "author")),
        ("speaker:toqayev", Word("toqayev", "speaker")),
        ("entity:UN", Word("UN", "entity")),
        ('speaker:"Qasym-Jomart Toqayev"', Phrase("Qasym-Jomart Toqayev", "speaker")),
        ("date:2022-09", DateExpr("2022-09")),
        ("date:>-30d", DateExpr(">-30d")),
        ("Title:Neutrality", Word("Neutrality", "title")),
    ],
)
def test_field_clauses(text: str, node: object) -> None:
    """Each field prefix applies to the word or phrase after it."""
    parsed = parse_query(text)
    assert parsed.errors == []
    assert parsed.root.children == [node]


def test_field_applies_to_a_parenthesised_group() -> None:
    """``speaker:(a OR b)`` gives both words the field."""
    parsed = parse_query("speaker:(lavrov OR tokayev)")
    assert parsed.root.children == [
        Group("OR", [Word("lavrov", "speaker"), Word("tokayev", "speaker")])
    ]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('"unclosed phrase', "missing closing quote"),
        ("(lavrov OR tokayev", "missing ')'"),
        ("lavrov)", "unmatched ')'"),
        ("OR lavrov", "OR without a word"),
        ("lavrov OR", "OR at the end"),
        ("foo:bar", "unknown field foo:"),
        ("lavrov NOT", "NOT with nothing after it"),
        ('""', "empty phrase"),
    ],
)
def test_malformed_queries_are_reported_not_raised(text: str, fragment: str) -> None:
    """Every syntax problem is a message; what could be read is kept."""
    parsed = parse_query(text)
    assert any(fragment in error for error in parsed.errors), parsed.errors


def test_unknown_field_is_searched_as_words() -> None:
    """``foo:bar`` searches ``bar`` and says so."""
    parsed = parse_query("foo:bar")
    assert parsed.root.children == [Word("bar")]


def test_last_word_only_while_typing() -> None:
    """The last bare word is a prefix candidate, but not after a space, quote or paren."""
    assert last_word(parse_query("tokayev lav")) == Word("lav")
    assert last_word(parse_query("tokayev lav ")) is None
    assert last_word(parse_query('"lav"')) is None
    assert last_word(parse_query("(lav)")) is None
    assert last_word(parse_query("tokayev OR")) is None
    assert last_word(parse_query("speaker:toq")) == Word("toq", "speaker")
    assert last_word(parse_query("-lav")) is None


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2022-09", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2022-09-26", dt.date(2022, 9, 26), dt.date(2022, 9, 26)),
        ("2022-09-01..2022-09-30", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
        ("2022..2023-06", dt.date(2022, 1, 1), dt.date(2023, 6, 30)),
        ("..2022", None, dt.date(2022, 12, 31)),
        ("2022-09..", dt.date(2022, 9, 1), None),
        (">2022-09", dt.date(2022, 10, 1), None),
        (">=2022-09", dt.date(2022, 9, 1), None),
        ("<2022", None, dt.date(2021, 12, 31)),
        ("<=2022-09", None, dt.date(2022, 9, 30)),
        (">-30d", dt.date(2024, 2, 15), None),
        ("-2w", dt.date(2024, 3, 1), None),
        (">-6m", dt.date(2023, 9, 16), None),
        ("<-1y", None, dt.date(2023, 3, 14)),
        ("today", TODAY, TODAY),
    ],
)
def test_date_expressions(text: str, first: dt.date | None, last: dt.date | None) -> None:
    """Years, months, days, ranges, comparisons and relative dates."""
    assert parse_date_expr(text, TODAY) == (first, last)


@pytest.mark.parametrize("text", ["xyz", "2022-13", "2022-02-30", "2023..2022", "..", ""])
def test_bad_dates_raise_a_readable_error(text: str) -> None:
    """A bad date says what is accepted (the query compiler turns it into a message)."""
    with pytest.raises(DateSyntaxError):
        parse_date_expr(text, TODAY)


def test_format_range() -> None:
    """Ranges print back in the canonical form shown in ``understood``."""
    assert format_range(dt.date(2022, 9, 1), dt.date(2022, 9, 30)) == "2022-09-01..2022-09-30"
    assert format_range(dt.date(2022, 9, 1), None) == ">=2022-09-01"
    assert format_range(dt.date(2022, 9, 1), dt.date(2022, 9, 1)) == "2022-09-01"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*'ab c()"-:*', "OR", "AND", "NOT", "title:", "date:", " "])))
def test_parser_never_raises(parts: list[str]) -> None:
    """Any mix of the syntax's pieces parses into a tree plus messages."""
    parsed = parse_query("".join(parts))
    assert isinstance(parsed.root, Group)
    assert all(isinstance(e, str) for e in parsed.errors)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parser_never_raises_on_any_text(text: str) -> None:
    """Arbitrary unicode parses too."""
    assert isinstance(parse_query(text).root, Group)
