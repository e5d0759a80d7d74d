"""Property tests: any text, however its marks are mangled, gives well-formed quotes."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplomareader.extract.quotes import extract_quotes
from diplomareader.model import Entity, Mention

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "«",
        "»",
        "„",
        "‘",
        "’",
        "'",
        "''",
        ":",
        ",",
        ".",
        " ",
        "\n\n",
        " said ",
        " he added",
        "Tokayev",
        " Aibek Smadyarov, the spokesperson,",
        " the President ",
        " according to ",
        "Lavrov said:",
        "It is chaos",
        " we must act ",
        "(R-Texas)",
        "Mr.",
        "—",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
@example("’Lavrov said:“")
@example("''It is chaos,'' Lavrov said.")
def test_any_arrangement_of_marks_gives_exact_offsets(body: str) -> None:
    """No exception, offsets index the body, spans are ordered and do not overlap."""
    quotes = extract_quotes(body)
    last_end = -1
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text
        assert quote.text.strip()
        assert quote.start >= last_end
        last_end = quote.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_fails(body: str) -> None:
    """Arbitrary Unicode gives well-formed quotes, with or without entities."""
    entity = Entity("Someone", "person", (), (Mention(body[:3], 0, min(3, len(body))),))
    for quotes in (extract_quotes(body), extract_quotes(body, [entity])):
        for quote in quotes:
            assert body[quote.start : quote.end] == quote.text
