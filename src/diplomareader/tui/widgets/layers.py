"""Component-class styles as layers that can be stacked on text, in any theme.

A component class may use alpha colours (``$primary 35%``) and theme variables that depend on
the background (``$text``). Textual resolves those properly only for a widget's full visual
style, so each layer is taken from the full style (blended over the widget's background) but
keeps only the attributes its CSS rule sets: a search hit changes the background and leaves
the quote's colour alone, an entity adds an underline and nothing else.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def layer(widget: Widget, name: str) -> Style:
    """The style of component class ``name`` of ``widget``, limited to the rules it sets."""
    rules = widget.get_component_styles(name)
    full = widget.get_visual_style(name).rich_style
    text_style = rules.text_style if rules.has_rule("text_style") else None
    return Style(
        color=full.color if rules.has_rule("color") else None,
        bgcolor=full.bgcolor if rules.has_rule("background") else None,
        bold=text_style.bold if text_style is not None else None,
        italic=text_style.italic if text_style is not None else None,
        underline=text_style.underline if text_style is not None else None,
        dim=text_style.dim if text_style is not None else None,
    )


class LayerCache:
    """Layers of one widget, recomputed when its theme or focus changes."""

    def __init__(self, widget: Widget) -> None:
        """Layers of ``widget``."""
        self._widget = widget
        self._key: tuple[str, bool] = ("", False)
        self._styles: dict[str, Style] = {}

    def __call__(self, name: str) -> Style:
        """The layer of component class ``name``."""
        key = (self._widget.app.theme, self._widget.has_focus)
        if key != self._key:
            self._styles.clear()
            self._key = key
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = layer(self._widget, name)
        return style
