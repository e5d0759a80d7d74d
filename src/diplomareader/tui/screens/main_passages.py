"""Main-screen actions on the article open: jumps, find, copy, open the url, help, searches."""

from __future__ import annotations

import subprocess
import webbrowser

from textual import on, work
from textual.app import SuspendNotSupported

from diplomareader.tui.browser import browser_command, graphical_browser
from diplomareader.tui.keys import all_commands, display_keys
from diplomareader.tui.screens.main_bookmarks import BookmarkActions, Passage
from diplomareader.tui.widgets.find_bar import FindBar
from diplomareader.tui.widgets.reader import Reader


class PassageActions(BookmarkActions):
    """What the user does with the article open (mixed into the main screen)."""

    # ----- jumps --------------------------------------------------------------------------

    def action_next_hit(self) -> None:
        """``n``: the next search (or find) hit in the article."""
        self._jump_hit(True)

    def action_previous_hit(self) -> None:
        """``N``: the previous hit."""
        self._jump_hit(False)

    def _jump_hit(self, forward: bool) -> None:
        """Move to a hit, or say there is none."""
        hits = self.reader.marks.hits
        if self.article is None:
            return
        if not hits:
            what = "find text" if self.reader.marks.find_text else "search terms"
            self.notify(f"No {what} in this article.", timeout=2)
            return
        index = self.reader.jump(hits, forward)
        if index is not None:
            self.find_bar.set_count(len(hits), self.reader.marks.find_text or "terms")
            self.notify(f"Hit {index + 1} of {len(hits)}", timeout=1)

    def action_next_quote(self) -> None:
        """``]q``: the next quote."""
        self._jump_quote(True)

    def action_previous_quote(self) -> None:
        """``[q``: the previous quote."""
        self._jump_quote(False)

    def _jump_quote(self, forward: bool) -> None:
        """Move to a quote; the side panel follows."""
        if self.article is None:
            return
        quotes = sorted(self.article.quotes, key=lambda q: q.start)
        index = self.reader.jump([(q.start, q.end) for q in quotes], forward)
        if index is None:
            self.notify("No quotes in this article.", timeout=2)
            return
        self.side.highlight_quote(quotes[index])

    def action_next_entity(self) -> None:
        """``]e``: the next entity mention."""
        self._jump_entity(True)

    def action_previous_entity(self) -> None:
        """``[e``: the previous entity mention."""
        self._jump_entity(False)

    def _jump_entity(self, forward: bool) -> None:
        """Move to an entity mention and name it."""
        marks = self.reader.marks
        index = self.reader.jump([(s, e) for s, e, _ in marks.entities], forward)
        if index is None:
            self.notify("No entities in this article.", timeout=2)
            return
        kind = marks.entities[index][2]
        self.notify(f"{marks.entity_names[index]} ({kind})", timeout=2)

    # ----- selection ----------------------------------------------------------------------

    @on(Reader.SelectionChanged)
    def _selection_changed(self, event: Reader.SelectionChanged) -> None:
        """Show, under the reading pane, what is selected and what can be done with it."""
        pane = self.query_one("#reading-pane")
        selection = event.selection
        if selection is None:
            pane.border_subtitle = ""
            return
        keymap = self.reader_app.keymap
        keys = {c.id: display_keys(keymap.keys_of(c)) for c in all_commands()}
        plural = "s" if selection.count != 1 else ""
        pane.border_subtitle = (
            f"Selecting {selection.count} sentence{plural} · "
            f"{keys['select_sentence']} {keys['unselect_sentence']} {keys['select_start_earlier']}"
            f" {keys['select_start_later']} adjust · {keys['bookmark']} bookmark · "
            f"{keys['copy']} copy · {keys['escape']} ends"
        )

    # ----- find in the article ------------------------------------------------------------

    @on(Reader.FindRequested)
    def _find_requested(self) -> None:
        """``/`` in the reading pane opens the find bar."""
        if self.article is not None:
            self.find_bar.open()

    def action_find(self) -> None:
        """Find text in the article (from the palette)."""
        self._find_requested()

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        """Mark the text as it is typed and show the first hit."""
        count = self.reader.set_find(event.text)
        self.find_bar.set_count(count, event.text)
        if count:
            self.reader.jump(self.reader.marks.hits, True)

    @on(FindBar.Done)
    def _find_done(self) -> None:
        """Enter: back to the article, the marks stay for ``n``/``N``."""
        self.set_focus(self.reader)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        """Escape: close the bar and clear its marks."""
        self.find_bar.close()
        self.reader.set_find("")
        self.set_focus(self.reader)

    # ----- copy and open ------------------------------------------------------------------

    def action_copy_passage(self) -> None:
        """``y``: copy the passage (or the quote in the side panel) with its citation."""
        passage = self.current_passage()
        if passage is None:
            self.notify("Open an article first.", timeout=2)
            return
        text = passage.text.strip()
        self.app.copy_to_clipboard(f"“{text}”\n— {citation(passage)}")
        self.notify(f"Copied {len(text):,} characters with the citation.", timeout=2)

    def action_open_url(self) -> None:
        """``o``: open the article's address in a browser."""
        if self.article is None or not self.article.url:
            self.notify("This article has no url.", timeout=2)
            return
        url = self.article.url
        template = self.reader_app.config.browser
        if template:
            self._open_with_command(template, url)
            return
        browser = graphical_browser()
        if browser is None:
            self.app.copy_to_clipboard(url)
            self.notify(
                f"No graphical browser here, so the url was copied to the clipboard: {url}",
                timeout=6,
            )
            return
        self._open_in_browser(browser, url)

    @work(thread=True, exit_on_error=False, group="browser")
    def _open_in_browser(self, browser: webbrowser.BaseBrowser, url: str) -> None:
        """Hand ``url`` to the system's browser (in a thread: it may take a moment)."""
        opened = browser.open(url)
        if opened:
            self.app.call_from_thread(self.notify, f"Opened {url} in the browser", timeout=3)
        else:
            self.app.call_from_thread(self.app.copy_to_clipboard, url)
            self.app.call_from_thread(
                self.notify,
                f"The browser did not open; the url was copied to the clipboard: {url}",
                severity="warning",
            )

    def _open_with_command(self, template: str, url: str) -> None:
        """Run the ``browser`` command of the config file, giving it the terminal."""
        try:
            command = browser_command(template, url)
        except ValueError as error:
            self.notify(f"browser setting: {error}", severity="error")
            return
        try:
            with self.app.suspend():
                code = subprocess.run(command, shell=True, check=False).returncode  # noqa: S602
        except SuspendNotSupported:  # no terminal to hand over (a test driver): run it aside
            self._run_detached(command)
            return
        if code != 0:
            self.notify(
                f"The browser command failed (exit status {code}): {command}", severity="error"
            )
        else:
            self.notify(f"Opened {url}", timeout=3)

    @work(thread=True, exit_on_error=False, group="browser")
    def _run_detached(self, command: str) -> None:
        """Run ``command`` without the terminal and report how it ended."""
        result = subprocess.run(  # noqa: S602 - the user's own command line, url quoted
            command,
            shell=True,
            check=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if result.returncode != 0:
            message = f"The browser command failed (exit status {result.returncode}): {command}"
            self.app.call_from_thread(self.notify, message, severity="error")

    # ----- screens ------------------------------------------------------------------------

    def action_help(self) -> None:
        """``?``: every key and command."""
        from diplomareader.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.reader_app.keymap, self.reader_app.config_path))

    def action_show_searches(self) -> None:
        """``S``: saved searches with counts, and recent queries."""
        from diplomareader.tui.screens.searches import SearchesScreen

        def chosen(query: str | None) -> None:
            if query is not None:
                self.search_bar.set_value(query)
                self.set_focus(self.list_view)

        self.app.push_screen(SearchesScreen(), chosen)

    def action_save_search(self) -> None:
        """Save the current query under a name."""
        from diplomareader.tui.screens.prompt import PromptScreen

        query = self.search_bar.value.strip()
        if not query:
            self.notify("Type a query first, then save it.", timeout=3)
            return

        def named(name: str | None) -> None:
            if name:
                self.reader_app.save_search(name, query)

        self.app.push_screen(PromptScreen(f"Save “{query}” as:", placeholder="name"), named)


def citation(passage: Passage) -> str:
    """``Speaker, “Title”, Source, Date, URL``: the parts of the citation that are known."""
    parts = [passage.speaker] if passage.speaker else []
    parts.append(f"“{passage.title}”")
    parts += [p for p in (passage.source, passage.date, passage.url) if p]
    return ", ".join(parts)
