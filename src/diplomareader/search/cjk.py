"""Chinese and Japanese text, which has no spaces between words, split into bigrams.

A regular-expression tokenizer sees a whole clause of Chinese as one "word", so no word of it
could be searched. As in Lucene's CJK analyzer, runs of Han, Hiragana and Katakana characters
become overlapping two-character tokens at consecutive positions (a lone character stays one
token): ``中方支持`` -> ``中方 方支 支持``. A query is analysed the same way, and several
tokens make a phrase query, so ``支持`` and ``中方支持`` both find the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from whoosh.analysis import Filter

CJK_RUN: Final = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"
)
"""A run of characters written without spaces between words (Han, Hiragana, Katakana)."""


def cjk_pieces(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the tokens ``text`` splits into: bigrams in CJK runs, the rest whole."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for match in CJK_RUN.finditer(text):
        if match.start() > pos:
            pieces.append((pos, match.start()))
        start, end = match.span()
        if end - start == 1:
            pieces.append((start, end))
        else:
            pieces.extend((i, i + 2) for i in range(start, end - 1))
        pos = end
    if pos < len(text):
        pieces.append((pos, len(text)))
    return pieces


class CJKBigramFilter(Filter):  # type: ignore[misc]
    """Splits tokens holding CJK characters into bigrams; other tokens pass unchanged."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        """The token stream with CJK runs split and later positions shifted."""
        shift = 0
        for token in tokens:
            text = token.text
            if token.positions:
                token.pos += shift
            if not CJK_RUN.search(text):
                yield token
                continue
            pieces = cjk_pieces(text)
            first_pos = token.pos if token.positions else 0
            first_char = token.startchar if token.chars else 0
            for n, (start, end) in enumerate(pieces):
                token.text = text[start:end]
                if token.positions:
                    token.pos = first_pos + n
                if token.chars:
                    token.startchar = first_char + start
                    token.endchar = first_char + end
                yield token
            shift += len(pieces) - 1
