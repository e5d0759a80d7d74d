"""Saved searches with their counts (like newsboat's query feeds), and recent queries.

Enter runs the search; ``d`` deletes a saved search and ``u`` brings it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from diplomareader.store.config import SavedSearch

if TYPE_CHECKING:
    from diplomareader.tui.app import DiplomaReader


class SearchesScreen(ModalScreen[str | None]):
    """Pick a saved or recent query; the screen answers with the query (None: cancelled)."""

    DEFAULT_CSS = """
    SearchesScreen {
        align: center middle;
        & > OptionList {
            width: 80%; max-width: 100; height: auto; max-height: 80%;
            border: round $primary; background: $surface;
            & > .option-list--option-disabled { color: $text-primary; text-style: bold; }
        }
    }
    """

    BINDINGS = [
        Binding("escape,q", "cancel", "Close", show=False),
        Binding("j", "cursor('down')", show=False),
        Binding("k", "cursor('up')", show=False),
        Binding("d", "delete", "Delete", show=False),
        Binding("u", "undo", "Undo", show=False),
    ]

    def __init__(self) -> None:
        """An empty picker; filled on mount."""
        super().__init__()
        self.counts: dict[str, int] = {}
        """Matching articles per saved query, filled in as they are counted."""
        self.deleted: SavedSearch | None = None
        """The last saved search deleted (``u`` restores it)."""

    @property
    def reader_app(self) -> DiplomaReader:
        """The app, typed."""
        from diplomareader.tui.app import DiplomaReader

        assert isinstance(self.app, DiplomaReader)
        return self.app

    def compose(self) -> ComposeResult:
        """One list for both sections."""
        options = OptionList()
        options.border_title = "Searches — Enter runs · d deletes · u undoes · Esc closes"
        yield options

    def on_mount(self) -> None:
        """Fill the list and count the saved searches."""
        self._fill()
        self._count()

    def _fill(self) -> None:
        """Rebuild the options."""
        app = self.reader_app
        options: list[Option | None] = [Option("Saved searches", disabled=True)]
        if not app.config.saved_searches:
            options.append(
                Option(
                    Text("  none yet: Ctrl+S saves the query in the box", style="italic"),
                    disabled=True,
                )
            )
        for index, saved in enumerate(app.config.saved_searches):
            count = self.counts.get(saved.query)
            shown = "…" if count is None else f"{count:,}"
            prompt = Text.assemble(
                f"  {saved.name} ", (f"({shown})", "bold"), (f"  {saved.query}", "dim")
            )
            options.append(Option(prompt, id=f"s:{index}"))
        options.append(None)
        options.append(Option("Recent queries", disabled=True))
        if not app.state.recent:
            options.append(Option(Text("  none yet", style="italic"), disabled=True))
        for index, query in enumerate(app.state.recent):
            options.append(Option(f"  {query}", id=f"r:{index}"))
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.set_options(options)
        if highlighted is not None and highlighted < option_list.option_count:
            option_list.highlighted = highlighted
        option_list.focus()

    @work(thread=True, exclusive=True, exit_on_error=False, name="count saved searches")
    def _count(self) -> None:
        """Count each saved query's matches (in a thread: the index may be large)."""
        worker = get_current_worker()
        library = self.reader_app.library
        for saved in self.reader_app.config.saved_searches:
            if worker.is_cancelled:
                return
            total = library.search(saved.query, limit=1).total
            self.counts[saved.query] = total
            self.app.call_from_thread(self._fill)

    def _query_of(self, option_id: str | None) -> str | None:
        """The query behind an option id."""
        if option_id is None:
            return None
        kind, _, raw = option_id.partition(":")
        app = self.reader_app
        if kind == "s":
            return app.config.saved_searches[int(raw)].query
        return app.state.recent[int(raw)]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter: run that query."""
        self.dismiss(self._query_of(event.option.id))

    def action_cursor(self, direction: str) -> None:
        """j/k move like the arrows."""
        option_list = self.query_one(OptionList)
        if direction == "down":
            option_list.action_cursor_down()
        else:
            option_list.action_cursor_up()

    def action_delete(self) -> None:
        """Delete the highlighted saved search (``u`` undoes)."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None or not option.id.startswith("s:"):
            return
        saved = self.reader_app.config.saved_searches[int(option.id[2:])]
        if self.reader_app.delete_search(saved.name):
            self.deleted = saved
            self.notify(f"Deleted “{saved.name}”. Press u to undo.", timeout=5)
            self._fill()

    def action_undo(self) -> None:
        """Bring back the saved search deleted last."""
        if self.deleted is not None:
            self.reader_app.save_search(self.deleted.name, self.deleted.query)
            self.deleted = None
            self._fill()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
