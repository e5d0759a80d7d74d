"""The side panel: the article's quotes, related quotes elsewhere, and its entities by kind.

One list with three sections, so that j/k walk through all of it; related quotes come before
the entities because the entity list of a long article runs to dozens of names. Enter on a
quote scrolls the reading pane to it; on an entity, searches for it; on a related quote, opens
its article at that quote. The panel only posts messages; the screen does the work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from diplomareader.model import Article, Entity, Quote, RelatedQuote
from diplomareader.tui.entity_view import merge_entities
from diplomareader.tui.keys import CommandBindings, KeyMap
from diplomareader.tui.textlayout import one_line, truncate, wrap

KIND_TITLES = {"person": "People", "organization": "Organisations", "place": "Places"}
"""Headings of the entity groups, in this order."""
OPENING_WORDS = 56
"""Cells of a quote's opening words while the panel has no width yet."""
RELATED_LINES = 2
"""Lines of a related quote's opening words (its speaker and source take two more)."""


def opening(text: str, width: int = OPENING_WORDS) -> str:
    """The opening words of a quote, on one line."""
    return truncate(one_line(text), width)


def opening_lines(text: str, width: int, lines: int) -> str:
    """The opening words of ``text`` in quotation marks, wrapped to at most ``lines`` lines
    of ``width`` cells; an ellipsis ends them when the quote goes on."""
    # ``lines`` lines of ``width`` cells never hold more than twice as many characters (with
    # the spaces at their breaks): only that much of a long quote is flattened and wrapped.
    limit = 2 * width * lines + 2
    quoted = f"“{one_line(text[:limit])}”"
    spans = wrap(quoted, width)
    kept = [quoted[start:end] for start, end in spans[:lines]]
    if len(spans) > lines or len(text) > limit:
        kept[-1] = truncate(quoted[spans[len(kept) - 1][0] :].rstrip("”") + "…", width)
    return "\n".join(kept)


QUOTE_WORDS = 12
"""Cells a quote's opening words keep on its line however long the speaker's name."""


def quote_line(speaker: str, text: str, width: int) -> Text:
    """``Speaker: “opening words…”`` on one line of ``width`` cells (the speaker in bold,
    cut when the words would get fewer than ``QUOTE_WORDS`` cells)."""
    name = truncate(speaker, max(8, width - 4 - QUOTE_WORDS))
    room = max(QUOTE_WORDS, width - cell_len(name) - 4)  # ': “' and '”'
    words = truncate(one_line(text), room)
    return Text.assemble((name, "bold"), ": “", words, "" if words.endswith("…") else "”")


def entity_query(entity: Entity, speakers: set[str]) -> str:
    """The search the panel runs for an entity: ``speaker:`` for a speaker, else ``entity:``."""
    field = "speaker" if entity.name in speakers else "entity"
    return f'{field}:"{entity.name}"'


class SidePanel(OptionList, CommandBindings):
    """Quotes, entities and related quotes of the article shown."""

    DEFAULT_CSS = """
    SidePanel {
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        scrollbar-gutter: stable;  /* entries fit one width, whether it scrolls or not */
        & > .option-list--option-disabled { color: $text-primary; text-style: bold; }
        &:focus { border: none; }
    }
    """

    @dataclass
    class QuoteChosen(Message):
        """Enter on one of the article's quotes."""

        quote: Quote

    @dataclass
    class EntityChosen(Message):
        """Enter on an entity: search for it with ``query``."""

        entity: Entity
        query: str

    @dataclass
    class RelatedChosen(Message):
        """Enter on a related quote: open its article there."""

        related: RelatedQuote

    def __init__(self, keymap: KeyMap, *, id: str | None = None) -> None:
        """Create an empty panel whose keys follow ``keymap``."""
        super().__init__(id=id)
        self.install_bindings("side", keymap)
        self.article: Article | None = None
        self.quotes: list[Quote] = []
        """The article's quotes, in order."""
        self.entities: list[Entity] = []
        """The article's entities, one per canonical name (``merge_entities``), in display order."""
        self.related: Sequence[RelatedQuote] | None = None
        """Related quotes (None while they are being looked up)."""
        self.related_problem: str | None = None
        """Why the related quotes could not be looked up (None: no problem)."""
        self._laid_out_width = 0
        """The width the options were last fitted to (0: not laid out yet)."""

    def show(self, article: Article | None, related: Sequence[RelatedQuote] | None = None) -> None:
        """Fill the panel for ``article`` (related quotes may follow later)."""
        self.article = article
        self.quotes = sorted(article.quotes, key=lambda q: q.start) if article else []
        entities = merge_entities(article.entities if article else ())
        counts = {e.name: len(e.mentions) for e in entities}
        order = list(KIND_TITLES)
        self.entities = sorted(
            entities,
            key=lambda e: (order.index(e.kind) if e.kind in order else 9, -counts[e.name], e.name),
        )
        self.related = related
        self.related_problem = None
        self._rebuild()

    def counts(self) -> str:
        """The panel's title: how many quotes, related quotes and entities it lists."""
        if self.article is None:
            return "Quotes · related · entities"
        related = "…" if self.related is None else str(len(self.related))
        return f"Quotes {len(self.quotes)} · related {related} · entities {len(self.entities)}"

    def show_related(self, related: Sequence[RelatedQuote], problem: str | None = None) -> None:
        """Fill in the related quotes once they are known (or why they could not be found)."""
        self.related = related
        self.related_problem = problem
        highlighted = self.highlighted
        self._rebuild()
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def _rebuild(self) -> None:
        """Recreate the options from the current contents."""
        options: list[Option | None] = []
        if self.article is None:
            self.set_options([Option(Text("No article open.", style="italic"), disabled=True)])
            return
        options.append(Option(f"Quotes ({len(self.quotes)})", disabled=True))
        if not self.quotes:
            options.append(Option(Text("  none found", style="italic"), disabled=True))
        width = self._width()
        for index, quote in enumerate(self.quotes):
            speaker = quote.speaker or quote.speaker_mention or "unattributed"
            options.append(Option(quote_line(speaker, quote.text, width), id=f"q:{index}"))
        options.append(None)
        options.extend(self._related_options())
        options.append(None)
        options.append(Option(f"Entities ({len(self.entities)})", disabled=True))
        counts: Counter[str] = Counter(e.kind for e in self.entities)
        for kind, title in KIND_TITLES.items():
            if not counts[kind]:
                continue
            options.append(Option(Text(f" {title}", style="italic"), disabled=True))
            for index, entity in enumerate(self.entities):
                if entity.kind == kind:
                    count = f"×{len(entity.mentions)}"
                    name = self._fit_name(entity.name, count)
                    prompt = Text.assemble(f"  {name} ", (count, "dim"))
                    options.append(Option(prompt, id=f"e:{index}"))
        self.set_options(options)

    def _width(self) -> int:
        """Cells an entry may take on one line (a wide default while not laid out)."""
        width = self.scrollable_content_region.width
        return width if width > 0 else OPENING_WORDS + 24

    def _fit_name(self, name: str, count: str) -> str:
        """``name`` cut to leave room for its count on one line (whole while not laid out)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return name
        return truncate(name, max(8, width - 3 - cell_len(count)))

    def on_resize(self) -> None:
        """Fit the entity names to a new width, keeping the highlight (a resize that only
        changes the height, or the length of the list, needs no new options)."""
        width = self.scrollable_content_region.width
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        if self.article is not None:
            highlighted = self.highlighted
            self._rebuild()
            if highlighted is not None and highlighted < self.option_count:
                self.highlighted = highlighted

    def _related_options(self) -> list[Option | None]:
        """The related-quotes section."""
        if self.related is None:
            return [
                Option("Related quotes", disabled=True),
                Option(Text("  finding related quotes…", style="italic"), disabled=True),
            ]
        options: list[Option | None] = [
            Option(f"Related quotes ({len(self.related)})", disabled=True)
        ]
        if self.related_problem:
            line = f"  could not be looked up: {self.related_problem}"
            options.append(Option(Text(line, style="italic"), disabled=True))
        elif not self.related:
            options.append(Option(Text("  none found", style="italic"), disabled=True))
        width = self._width()
        for index, related in enumerate(self.related):
            summary = related.article
            speaker = related.quote.speaker or related.quote.speaker_mention or "unattributed"
            meta = " · ".join(
                p for p in (summary.date.isoformat() if summary.date else None, summary.source) if p
            )
            prompt = Text.assemble(
                (truncate(speaker, width), "bold"),
                (f"\n{truncate(meta, width)}" if meta else "", "dim"),
                "\n",
                opening_lines(related.quote.text, width, RELATED_LINES),
            )
            options.append(Option(prompt, id=f"r:{index}"))
        return options

    def chosen(self) -> Quote | RelatedQuote | Entity | None:
        """What the highlighted entry stands for."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        kind, _, raw = option.id.partition(":")
        index = int(raw)
        if kind == "q":
            return self.quotes[index]
        if kind == "e":
            return self.entities[index]
        if kind == "r" and self.related is not None:
            return self.related[index]
        return None

    def highlight_quote(self, quote: Quote) -> None:
        """Put the highlight on ``quote`` (when the reader jumps to it)."""
        for index, candidate in enumerate(self.quotes):
            if candidate == quote:
                self.highlighted = self.get_option_index(f"q:{index}")
                return

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Turn Enter on an entry into the message of its kind."""
        event.stop()
        target = self.chosen()
        if isinstance(target, Quote):
            self.post_message(self.QuoteChosen(target))
        elif isinstance(target, Entity):
            speakers = {q.speaker for q in self.quotes if q.speaker}
            self.post_message(self.EntityChosen(target, entity_query(target, speakers)))
        elif isinstance(target, RelatedQuote):
            self.post_message(self.RelatedChosen(target))
