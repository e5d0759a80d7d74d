"""Parsing HTML leniently with lxml, robust to declared encodings, unclosed titles and
pathological nesting."""

from __future__ import annotations

import re
from typing import Any, Final

from lxml import etree
from lxml import html as lxml_html

from diplomareader.model import InputError

_PARSER: Final = lxml_html.HTMLParser(encoding="utf-8", default_doctype=False, huge_tree=True)
"""``huge_tree``: libxml2 otherwise drops, silently, all text nested deeper than 255 elements
(pages with many unclosed ``<div>`` or ``<font>`` tags)."""
_MAX_DEPTH: Final = 2048
"""libxml2's nesting limit even with ``huge_tree``; deeper content is dropped."""
_CONTAINER_TAG: Final = re.compile(
    r"</?(?:div|span|font|section|article|main|center|b|i|u|s|em|strong|small|big|a|table|"
    r"tbody|thead|tfoot|tr|td|th|ul|ol|li|dl|dt|dd|blockquote|form|label|nav|aside|header|"
    r"footer|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)
_TITLE_OPEN: Final = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TAG_START: Final = re.compile(r"<[A-Za-z!/]")


def parse_html(source: str) -> Any:
    """Parse HTML leniently into an lxml tree (broken markup is repaired).

    The text is already decoded, so it is handed to lxml as UTF-8 bytes: declarations such
    as ``<?xml encoding=...?>`` or a ``<meta charset>`` can then not make lxml re-decode it.
    An unclosed ``<title>`` is closed at the next tag (it would swallow the whole page), and
    a page nested deeper than the parser's limit is parsed again without its container tags
    (the text below the limit would be lost).
    """
    tree = _parse(_close_title(source))
    if _may_be_deep(source) and _depth(tree) >= _MAX_DEPTH:
        tree = _parse(_CONTAINER_TAG.sub(" ", _close_title(source)))
    return tree


def _parse(source: str) -> Any:
    """One lxml parse of ``source``; InputError when lxml gives up."""
    data = source.encode("utf-8", "replace")
    try:
        return lxml_html.document_fromstring(data, parser=_PARSER)
    except (ValueError, etree.LxmlError) as error:
        raise InputError(f"cannot parse HTML: {str(error).splitlines()[0]}") from error


def _close_title(source: str) -> str:
    """``source`` with an unclosed ``<title>`` closed before the next tag."""
    match = _TITLE_OPEN.search(source)
    if match is None or "</title" in source[match.end() :].lower():
        return source
    nxt = _TAG_START.search(source, match.end())
    if nxt is None:
        return source
    return f"{source[: nxt.start()]}</title>{source[nxt.start() :]}"


def _may_be_deep(source: str) -> bool:
    """Cheap test: enough more opening than closing tags for nesting past the limit."""
    return source.count("<") - 2 * source.count("</") >= _MAX_DEPTH - 64


def _depth(tree: Any) -> int:
    """The deepest element nesting in ``tree``."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest
