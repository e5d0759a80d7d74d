"""A selection in the reading pane: a run of whole sentences, grown or shrunk by keys.

It starts as the paragraph under the cursor; ``)``/``(`` move its end by a sentence, ``>``/``<``
move its start, ``j``/``k`` move its end by a paragraph. Pure values, no Textual.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from diplomareader.tui.textlayout import sentence_spans
from diplomareader.tui.widgets.reader_layout import Paragraph


def body_sentences(body: str) -> list[tuple[int, int]]:
    """Every sentence of ``body`` as offsets, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    position = 0
    for chunk in body.split("\n\n"):
        spans.extend(sentence_spans(chunk, offset=position))
        position += len(chunk) + 2
    return spans


@dataclass(frozen=True)
class Selection:
    """Sentences ``first`` to ``last`` (inclusive) of ``sentences``."""

    sentences: tuple[tuple[int, int], ...]
    first: int
    last: int

    @classmethod
    def of_paragraph(cls, body: str, start: int, end: int) -> Selection:
        """The selection of the whole paragraph ``start:end``."""
        sentences = tuple(body_sentences(body))
        starts = [s for s, _ in sentences]
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(first, bisect.bisect_left(starts, end) - 1)
        return cls(sentences, first, last)

    @property
    def start(self) -> int:
        """Body offset where the selection starts."""
        return self.sentences[self.first][0]

    @property
    def end(self) -> int:
        """Body offset just after the selection."""
        return self.sentences[self.last][1]

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` in the body."""
        return self.start, self.end

    @property
    def count(self) -> int:
        """How many sentences are selected."""
        return self.last - self.first + 1

    def touches(self, start: int, end: int) -> bool:
        """Whether the selection overlaps ``start:end``."""
        return self.start < end and self.end > start

    def extend_sentence(self) -> Selection:
        """One more sentence at the end."""
        return replace(self, last=min(self.last + 1, len(self.sentences) - 1))

    def shrink_sentence(self) -> Selection:
        """One sentence less at the end (never empty)."""
        return replace(self, last=max(self.first, self.last - 1))

    def start_later(self) -> Selection:
        """One sentence less at the start (never empty)."""
        return replace(self, first=min(self.last, self.first + 1))

    def start_earlier(self) -> Selection:
        """One more sentence at the start."""
        return replace(self, first=max(0, self.first - 1))

    def extend_paragraph(self, paragraphs: Sequence[Paragraph]) -> Selection:
        """Move the end to the end of the next paragraph."""
        end = self.end
        target = next((p.end for p in paragraphs if p.end > end), end)
        return replace(self, last=self._index_ending_at(target))

    def shrink_paragraph(self, paragraphs: Sequence[Paragraph]) -> Selection:
        """Move the end back to the end of the previous paragraph (never before the start)."""
        end = self.end
        previous = [p.end for p in paragraphs if self.start < p.end < end]
        target = previous[-1] if previous else self.sentences[self.first][1]
        return replace(self, last=max(self.first, self._index_ending_at(target)))

    def _index_ending_at(self, offset: int) -> int:
        """Index of the last sentence ending at or before ``offset``."""
        ends = [e for _, e in self.sentences]
        return max(0, bisect.bisect_right(ends, offset) - 1)
