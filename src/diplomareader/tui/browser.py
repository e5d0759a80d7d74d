"""Opening an article's url (``o``) without ever breaking the terminal the reader runs in.

Three ways, in order:

1. The ``browser`` command of the config file (like newsboat's ``browser``), e.g.
   ``w3m %u`` or ``firefox %u &``: the reader steps aside (the terminal is handed to the
   command through the shell, as newsboat does) and comes back when it exits.
2. Otherwise a graphical browser that Python's ``webbrowser`` finds (``$BROWSER``, xdg-open,
   macOS ``open``, Windows). Console browsers it may pick (w3m, lynx, links) are skipped:
   started behind the reader's back they would fight it for the terminal.
3. Otherwise (over ssh, in a bare tmux) nothing can open a page: the url is copied to the
   clipboard instead (OSC 52) and the user is told so.
"""

from __future__ import annotations

import shlex
import webbrowser

URL_FIELD = "%u"
"""Where the url goes in a ``browser`` command; appended when the command has none."""


def browser_command(template: str, url: str) -> str:
    """The shell command line of the configured ``browser`` for ``url``.

    As in newsboat, the command runs through the shell (so ``firefox %u &`` runs in the
    background) and the url is quoted for it: write ``%u`` bare, not in quotes. A template
    without ``%u`` gets the url at the end. Raises ValueError for an empty template.
    """
    if not template.strip():
        raise ValueError("the browser setting is empty")
    quoted = shlex.quote(url)
    if URL_FIELD in template:
        return template.replace(URL_FIELD, quoted)
    return f"{template.rstrip()} {quoted}"


def is_console_browser(browser: webbrowser.BaseBrowser) -> bool:
    """Whether ``browser`` runs in the terminal (and would block it) rather than in a window."""
    if type(browser) is webbrowser.GenericBrowser:  # w3m, lynx, links, a bare $BROWSER
        return True
    return isinstance(browser, webbrowser.UnixBrowser) and not browser.background  # elinks


def graphical_browser() -> webbrowser.BaseBrowser | None:
    """The system's graphical browser, or None when there is none (ssh, bare terminal)."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return None
    return None if is_console_browser(browser) else browser
