"""The parts of the main screen, typed, for the screen and its action mixins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from diplomareader.model import Article
from diplomareader.tui.keys import CommandBindings
from diplomareader.tui.widgets.article_list import ArticleList
from diplomareader.tui.widgets.find_bar import FindBar
from diplomareader.tui.widgets.reader import Reader
from diplomareader.tui.widgets.search_bar import SearchBar
from diplomareader.tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from diplomareader.tui.app import DiplomaReader


class MainParts(Screen[None], CommandBindings):
    """Typed access to the main screen's widgets and app."""

    article: Article | None
    """The article open in the reading pane (set by the screen)."""
    query_text: str
    """The query the list shows the results of."""

    @property
    def reader_app(self) -> DiplomaReader:
        """The app, typed."""
        from diplomareader.tui.app import DiplomaReader

        assert isinstance(self.app, DiplomaReader)
        return self.app

    @property
    def list_view(self) -> ArticleList:
        """The list pane."""
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        """The reading pane."""
        return self.query_one(Reader)

    @property
    def side(self) -> SidePanel:
        """The side panel."""
        return self.query_one(SidePanel)

    @property
    def search_bar(self) -> SearchBar:
        """The search box."""
        return self.query_one(SearchBar)

    @property
    def find_bar(self) -> FindBar:
        """The find bar of the reading pane."""
        return self.query_one(FindBar)
