"""Cell-width text helpers, the reader's selection, and the key map (no app needed)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from diplomareader.tui.commands import COMMANDS
from diplomareader.tui.keys import KeyMap, display_keys, parse_keys
from diplomareader.tui.textlayout import fit, one_line, sentence_spans, truncate, wrap
from diplomareader.tui.widgets.reader_layout import Paragraph
from diplomareader.tui.widgets.reader_marks import query_terms, term_pattern
from diplomareader.tui.widgets.reader_selection import Selection

TITLES = [
    "Kazakhstan announces its position on referendums",
    "中华人民共和国外交部发言人就哈萨克斯坦问题答记者问",
    "وزير الخارجية يلتقي نظيره الكازاخستاني في أستانا",
    "Summit 🇰🇿🤝🇷🇺 ends with a joint statement 👍🏽",
    "Токаев: Казахстан придерживается нейтралитета",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("width", [1, 5, 12, 31])
def test_fit_gives_exact_cells(title: str, width: int) -> None:
    """A fitted title takes exactly the column's cells, whatever its script."""
    assert cell_len(fit(title, width)) == width


@pytest.mark.parametrize("title", TITLES)
def test_truncate_keeps_short_text_and_marks_cuts(title: str) -> None:
    """Text that fits is untouched; cut text ends with an ellipsis and fits."""
    assert truncate(title, 200) == title
    cut = truncate(title, 10)
    assert cut.endswith("…") and cell_len(cut) <= 10


def test_one_line_removes_breaks_and_controls() -> None:
    """Newlines, tabs, control and bidi marks become single spaces."""
    assert one_line("a\nb\tc\x00d\u202ee  f") == "a b c d e f"


@pytest.mark.parametrize("width", [4, 9, 20, 60])
@pytest.mark.parametrize(
    "text",
    [
        "The quick brown fox jumps over the lazy dog, said the President on Monday.",
        "中华人民共和国外交部发言人表示，哈萨克斯坦奉行多元外交政策。",
        "supercalifragilisticexpialidocious words here",
        "line one\nline two is longer than the others",
    ],
)
def test_wrap_lines_fit_and_cover_the_text(text: str, width: int) -> None:
    """Every wrapped line fits the width, and together they keep every word in order."""
    lines = wrap(text, width)
    assert all(cell_len(text[s:e]) <= width for s, e in lines)
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(" ", "").replace(
        "\n", ""
    )
    assert [s for s, _ in lines] == sorted(s for s, _ in lines)


def test_wrap_offsets_are_body_offsets() -> None:
    """With an offset, ranges index the whole body."""
    body = "Intro.\n\nSecond paragraph here"
    lines = wrap(body[8:], 10, offset=8)
    assert [body[s:e] for s, e in lines] == ["Second", "paragraph", "here"]


def test_sentences_skip_abbreviations() -> None:
    """Initials and titles do not end a sentence; quotes stay with their sentence."""
    text = 'He said: "We will." U.S. officials agreed? Mr. Lavrov spoke.'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        'He said: "We will."',
        "U.S. officials agreed?",
        "Mr. Lavrov spoke.",
    ]


def test_selection_grows_and_shrinks_by_sentences_and_paragraphs() -> None:
    """A selection starts as a paragraph and moves by sentence or paragraph."""
    body = "One. Two. Three.\n\nFour. Five."
    paragraphs = [Paragraph(0, 16), Paragraph(18, 29)]
    selection = Selection.of_paragraph(body, 0, 16)
    assert body[slice(*selection.span)] == "One. Two. Three."
    assert body[slice(*selection.shrink_sentence().span)] == "One. Two."
    assert body[slice(*selection.start_later().span)] == "Two. Three."
    grown = selection.extend_paragraph(paragraphs)
    assert body[slice(*grown.span)] == "One. Two. Three.\n\nFour. Five."
    assert grown.shrink_paragraph(paragraphs).span == selection.span
    single = selection.start_later().start_later().start_later()
    assert body[slice(*single.span)] == "Three."
    assert body[slice(*single.start_earlier().span)] == "Two. Three."


def test_query_terms_and_marks() -> None:
    """Words and phrases are marked with their inflections; fields and negations are not."""
    terms = query_terms('referendums "territorial integrity" -nato speaker:lavrov date:2022 OR un*')
    assert terms == ["referendums", "territorial integrity", "un"]
    pattern = term_pattern(terms)
    assert pattern is not None
    text = "The referendum on Territorial  integrity at the UN"
    assert [m.group() for m in pattern.finditer(text)] == [
        "referendum",
        "Territorial  integrity",
        "UN",
    ]


def test_keymap_remaps_and_reports_problems() -> None:
    """The config's keys replace defaults; unknown commands and empty keys are reported."""
    keymap = KeyMap({"bookmark": "m", "next_quote": "J", "nonsense": "x", "quit": ","})
    bindings, sequences = keymap.bindings("main")
    keys = {b.key: b.action for _, b in bindings}
    assert keys["m"] == "bookmark" and "b" not in keys
    assert keys["J"] == "next_quote"
    assert "q" not in sequences.get("right_square_bracket", {})
    assert sequences["right_square_bracket"]["e"] == "next_entity"
    assert len(keymap.problems()) == 2


def test_default_keys_never_use_ctrl_i_h_m() -> None:
    """Ctrl+I, Ctrl+H and Ctrl+M are Tab, Backspace and Enter in terminals: never bound."""
    for command in COMMANDS:
        for keys in parse_keys(command.keys):
            assert not {"ctrl+i", "ctrl+h", "ctrl+m"} & set(keys), command.id


def test_default_keys_do_not_clash_within_a_scope() -> None:
    """No key does two things in the same scope."""
    for scope in ("main", "list", "reader", "side"):
        seen: dict[tuple[str, ...], str] = {}
        for command in (c for c in COMMANDS if c.scope == scope):
            for keys in parse_keys(command.keys):
                assert keys not in seen, (scope, keys, seen.get(keys), command.id)
                seen[keys] = command.id


def test_display_keys() -> None:
    """Keys are shown the way users type them."""
    assert display_keys("question_mark,f1") == "? / f1"
    assert display_keys("] q") == "] q"
