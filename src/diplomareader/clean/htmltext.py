"""The visible text of an HTML page as lines, the way a browser's select-all would give it.

Block elements (paragraphs, headings, list items, table cells, ``<br>``...) start new lines;
scripts, styles, forms' option lists and other invisible parts are skipped. Text pieces of
adjacent inline elements are separated by a space ("<span>By</span><a>Jane</a>" reads "By
Jane"), as text-dump tools do. The result is a
text dump of the page, which the text-dump machinery reads for dates, bylines and headlines
near the article, and which serves as a fallback body when extraction finds nothing.
"""

from __future__ import annotations

from typing import Any, Final

from lxml import etree

from diplomareader.clean.normalize import normalize_line

BLOCK_TAGS: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
        "center",
        "time",
    ]
)
"""Elements whose start and end break the line."""
SKIP_TAGS: Final = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "iframe",
        "object",
        "embed",
        "select",
        "option",
        "button",
        "textarea",
        "canvas",
        "video",
        "audio",
        "map",
    ]
)
"""Elements whose text is not shown as page text."""
MAX_LINES: Final = 20_000


def visible_lines(tree: Any) -> list[str]:
    """The page's visible text, one block per line (no empty lines)."""
    body = tree.find("body")
    root = body if body is not None else tree
    lines: list[str] = []
    current: list[str] = []
    boundary = False

    def add(text: str) -> None:
        nonlocal boundary
        if boundary and current and current[-1][-1:].strip() and text[:1].strip():
            current.append(" ")
        current.append(text)
        boundary = False

    def flush() -> None:
        if current:
            line = normalize_line(" ".join("".join(current).split()))
            if line:
                lines.append(line)
            current.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if not tag or tag in SKIP_TAGS or element.get("hidden") is not None:
                walker.skip_subtree()
                boundary = True
                if tag and element.tail and element is not root:
                    add(element.tail)
                continue
            if tag in BLOCK_TAGS:
                flush()
            boundary = True
            if element.text:
                add(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            boundary = True
            if element.tail and element is not root:
                add(element.tail)
            if len(lines) > MAX_LINES:
                break
    flush()
    return lines
