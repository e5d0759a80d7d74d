"""Metadata of an HTML page: title, date, author, site name and URL.

Read from what publishers put in pages for machines (JSON-LD ``NewsArticle`` objects,
OpenGraph and ``article:*`` meta tags, Dublin Core, ``itemprop`` microdata, ``<time>``
elements, canonical links) and for readers (the ``<h1>`` headline, bylines). The headline is
preferred to ``<title>``, which usually carries the site name.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Final

from lxml import etree
from lxml import html as lxml_html

from diplomareader.clean.dates import find_dates, parse_date
from diplomareader.clean.lines import WORD
from diplomareader.clean.normalize import normalize_line, normalize_text
from diplomareader.clean.sources import split_site_name
from diplomareader.model import InputError

_DATE_META: Final = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "og:published_time",
    "datecreated",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_META: Final = (
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "twitter:creator",
)
_BYLINE_CLASS: Final = re.compile(r"byline|author|writer|creator", re.I)
_BY_PREFIX: Final = re.compile(r"^\s*(?:by|von|par|por|автор:?)\s+", re.I)


@dataclass
class PageMeta:
    """Metadata found in an HTML page (every field may be missing)."""

    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None


def _clean(text: Any) -> str:
    """A value as one normalised line."""
    return normalize_line(normalize_text(str(text)).replace("\n", " "))


def _meta_values(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased name/property/itemprop."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(_clean(content))
    return values


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """All JSON-LD objects of the page, flattened (``@graph`` and lists unpacked)."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def _is_article(obj: dict[str, Any]) -> bool:
    """A JSON-LD object describing an article, a post or a web page."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or "Posting" in k) for k in kinds)


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD ``author`` value (string, object or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _plausible_author(name: str) -> bool:
    """A person's or desk's name, not a URL, a handle or a sentence."""
    if not name or "http" in name or "/" in name or "@" in name:
        return False
    return 1 <= len(name.split()) <= 8 and len(name) <= 80


def _text(element: Any) -> str:
    """The text of an element as one line."""
    return _clean(element.text_content())


def _tokens(text: str) -> set[str]:
    """Lower-case word tokens of ``text``."""
    return {t.lower() for t in WORD.findall(text)}


def _similar(a: str, b: str) -> float:
    """Token overlap of two strings (Jaccard)."""
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / max(1, len(ta | tb))


def page_title(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]]) -> str | None:
    """The headline: ``<h1>`` agreeing with the page title, else a cleaned page title."""
    candidates = [
        *meta.get("og:title", []),
        *meta.get("twitter:title", []),
        *(
            _clean(o["headline"])
            for o in ld
            if _is_article(o) and isinstance(o.get("headline"), str)
        ),
    ]
    title_el = tree.find(".//title")
    html_title = _clean(title_el.text_content()) if title_el is not None else ""
    if html_title:
        candidates.append(html_title)
    stripped = [split_site_name(c)[0] for c in candidates if c]
    h1s = [_text(h) for h in tree.iter("h1")][:5]
    h1s = [h for h in h1s if 1 <= len(h.split()) <= 40]
    best_h1: tuple[float, str] | None = None
    for h1 in h1s:
        score = max((_similar(h1, c) for c in stripped), default=0.0)
        if best_h1 is None or score > best_h1[0]:
            best_h1 = (score, h1)
    if best_h1 and (best_h1[0] >= 0.5 or not stripped):
        return best_h1[1]
    if stripped:
        return stripped[0]
    return best_h1[1] if best_h1 else None


def page_date(
    tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], url: str | None
) -> dt.date | None:
    """The publication date from structured data, ``<time>``, the URL, or visible text."""
    for obj in ld:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            date = parse_date(obj.get(key)) if isinstance(obj.get(key), str) else None
            if date:
                return date
    for key in _DATE_META:
        for value in meta.get(key, []):
            date = parse_date(value)
            if date:
                return date
    for element in tree.iter("time"):
        value = element.get("datetime") or element.get("content") or _text(element)
        date = parse_date(value)
        if date:
            return date
    for element in tree.xpath('.//*[@itemprop="datePublished"]')[:3]:
        date = parse_date(element.get("content") or element.get("datetime") or _text(element))
        if date:
            return date
    if url:
        date = _url_date(url)
        if date:
            return date
    return None


def _url_date(url: str) -> dt.date | None:
    """A date spelled in a URL path (``/2022/09/26/``)."""
    match = re.search(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)", url)
    if not match:
        return None
    return parse_date(f"{match.group(1)}-{match.group(2)}-{match.group(3)}")


def page_author(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]]) -> str | None:
    """The author from JSON-LD, author meta tags, or a byline element."""
    for obj in ld:
        if _is_article(obj):
            names = [n for n in _names(obj.get("author")) if _plausible_author(n)]
            if names:
                return ", ".join(_clean(n) for n in names[:3])
    for key in _AUTHOR_META:
        for value in meta.get(key, []):
            if _plausible_author(value):
                return _BY_PREFIX.sub("", value)
    for element in tree.xpath('.//*[@rel="author" or @itemprop="author"]')[:5]:
        name = _BY_PREFIX.sub("", _text(element))
        if _plausible_author(name):
            return name
    for element in tree.xpath(".//*[@class]")[:3000]:
        if _BYLINE_CLASS.search(element.get("class", "")):
            name = _BY_PREFIX.sub("", _text(element))
            if _plausible_author(name) and name[:1].isupper() and len(name.split()) <= 5:
                return name
    return None


def page_url(tree: Any, meta: dict[str, list[str]]) -> str | None:
    """The canonical URL of the page."""
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith(
            "http"
        ):
            return str(link.get("href")).strip()
    for value in meta.get("og:url", []):
        if value.startswith("http"):
            return value
    return None


def page_site(meta: dict[str, list[str]], ld: list[dict[str, Any]]) -> str | None:
    """The site's or publisher's name."""
    for value in meta.get("og:site_name", []) + meta.get("application-name", []):
        return value
    for obj in ld:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return _clean(publisher["name"])
    return None


def extract_page_meta(tree: Any) -> PageMeta:
    """All metadata of a parsed page."""
    meta = _meta_values(tree)
    ld = _json_ld(tree)
    url = page_url(tree, meta)
    return PageMeta(
        title=page_title(tree, meta, ld),
        date=page_date(tree, meta, ld, url),
        author=page_author(tree, meta, ld),
        site=page_site(meta, ld),
        url=url,
    )


def text_date(text: str) -> dt.date | None:
    """The first date in a stretch of visible text (a fallback when markup states none)."""
    for _, date in find_dates(text):
        return date
    return None


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
    if _depth(tree) >= _MAX_DEPTH:
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


def _depth(tree: Any) -> int:
    """The deepest element nesting in ``tree``."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest
