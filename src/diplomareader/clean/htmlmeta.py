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
from diplomareader.clean.lines import GENERIC_TITLE, WORD, credit_text
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
_BYLINE_XPATH: Final = (
    "//*[contains(@class, 'author') or contains(@class, 'byline') or contains(@class, 'Author')"
    " or contains(@class, 'Byline') or contains(@class, 'writer') or contains(@class, 'creator')]"
)
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


_PLACEHOLDER: Final = re.compile(
    r"^(?:no author|unknown|admin|administrator|anonymous|guest|staff|editor|editorial|none|null"
    r"|author|by)$|:$|\bedit(?:ed|ion)\b",
    re.I,
)


def _plausible_author(name: str) -> bool:
    """A person's or desk's name, not a URL, a handle, a placeholder or a sentence."""
    if not name or "http" in name or "/" in name or "@" in name or _PLACEHOLDER.search(name):
        return False
    if credit_text(name):
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


_TITLE_PRIORITY: Final = {"h1": 0, "ld": 1, "og": 2, "twitter": 3, "visible": 4, "title": 5}
"""Tie-break order between equally supported title candidates (lower wins)."""


def title_candidates(
    tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    """``(source, text)`` headline candidates stated by the page, site names stripped too."""
    found: list[tuple[str, str]] = []
    for source, values in (
        ("og", meta.get("og:title", [])),
        ("twitter", meta.get("twitter:title", [])),
        (
            "ld",
            [
                _clean(o["headline"])
                for o in ld
                if _is_article(o) and isinstance(o.get("headline"), str)
            ],
        ),
    ):
        found.extend((source, v) for v in values[:2])
    title_el = tree.find(".//title")
    if title_el is not None:
        found.append(("title", _clean(title_el.text_content())))
    found = [(source, split_site_name(text)[0]) for source, text in found]
    for h1 in list(tree.iter("h1"))[:5]:
        text = _text(h1)
        if 1 <= len(text.split()) <= 40:
            found.append(("h1", text))
        parts = [_clean(t) for t in h1.itertext()]
        longest = max(parts, key=len, default="")
        if longest and longest != text and len(longest.split()) >= 2:
            found.append(("h1", longest))
    seen: set[tuple[str, str]] = set()
    unique = []
    for source, text in found:
        if text and 1 <= len(text.split()) <= 40 and (source, text) not in seen:
            seen.add((source, text))
            unique.append((source, text))
    return unique


def _overlap(a: set[str], b: set[str]) -> float:
    """Shared tokens over the larger set (the metadata scorer's notion of a title match)."""
    return len(a & b) / max(1, len(a), len(b))


def best_title(candidates: list[tuple[str, str]]) -> str | None:
    """The candidate most supported by the other sources (a medoid), ties by source rank."""
    if not candidates:
        return None
    tokens = [_tokens(text) for _, text in candidates]
    best: tuple[float, int, int, str] | None = None
    for i, (source, text) in enumerate(candidates):
        support: dict[str, float] = {}
        for j, (other, _) in enumerate(candidates):
            if other != source:
                support[other] = max(support.get(other, 0.0), _overlap(tokens[i], tokens[j]))
        key = (sum(support.values()), -_TITLE_PRIORITY.get(source, 9), -len(text), text)
        if best is None or key > best:
            best = key
    return best[3] if best else None


H1_CONTAINED: Final = 0.6
"""An ``<h1>`` whose words are at least this much inside a stated title is the headline."""


def page_title(
    tree: Any,
    meta: dict[str, list[str]],
    ld: list[dict[str, Any]],
    extra: list[tuple[str, str]] | None = None,
) -> str | None:
    """The headline: an ``<h1>`` that the stated titles contain, else the best-supported title.

    Titles that are generic page names ("Home", "About us") do not count; ``extra`` adds
    candidates found elsewhere (the headline seen in the page's visible text).
    """
    candidates = [
        (source, text)
        for source, text in title_candidates(tree, meta, ld) + list(extra or [])
        if not GENERIC_TITLE.match(text.strip(" .!"))
    ]
    seen = [_tokens(text) for source, text in candidates if source == "visible"]
    titles = [_tokens(text) for source, text in candidates if source not in ("h1", "visible")]
    h1s = [text for source, text in candidates if source == "h1"]
    best: tuple[tuple[float, int], str] | None = None
    for h1 in h1s:
        tokens = _tokens(h1)
        if not tokens:
            continue
        inside = max((len(tokens & t) / len(tokens) for t in titles), default=0.0)
        key = (inside, len(tokens))
        if inside >= H1_CONTAINED and (best is None or key > best[0]):
            best = (key, h1)
    if best is not None:
        return best[1]
    for h1 in h1s:
        if any(_overlap(_tokens(h1), tokens) >= 0.8 for tokens in seen):
            return h1  # the headline printed above the article is this <h1>
    others = [(source, text) for source, text in candidates if source != "h1"]
    return best_title(others) or (h1s[0] if h1s else None)


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


_COMMENT_AREA: Final = re.compile(r"comment|reply|respond|discussion|disqus", re.I)
_SAYS: Final = re.compile(r"\b(?:says|said|wrote)\s*:?\s*$", re.I)
_NAME_TAIL: Final = re.compile(
    r"\s*(?:[|•·]|\bupdated\b|\bpublished\b|\bposted\b|\d{1,2}[:/.]\d).*$", re.I
)


def _in_comments(element: Any) -> bool:
    """True when the element sits inside a comment thread."""
    for ancestor in element.iterancestors():
        marker = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if _COMMENT_AREA.search(marker):
            return True
    return False


def clean_author(name: str) -> str:
    """A byline reduced to the name: no "By", no dates or "Updated ..." after it."""
    name = _BY_PREFIX.sub("", _clean(name))
    name = _NAME_TAIL.sub("", name).strip(" ,;-–—")
    return name


def author_candidates(
    tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    """``(source, name)`` author candidates: JSON-LD, meta tags, microdata, byline elements."""
    found: list[tuple[str, str]] = []
    for obj in ld:
        if _is_article(obj):
            names = [clean_author(n) for n in _names(obj.get("author"))]
            names = [n for n in names if _plausible_author(n)]
            if names:
                found.append(("ld", ", ".join(names[:4])))
    for key in _AUTHOR_META:
        for value in meta.get(key, [])[:2]:
            found.append(("meta", clean_author(value)))
    for element in tree.xpath('.//*[@rel="author" or @itemprop="author"]')[:6]:
        if _in_comments(element):
            continue
        named = element.xpath('.//*[@itemprop="name"]')
        stated: str | None = None
        if named:
            stated = named[0].get("content") or _text(named[0])
        stated = stated or element.get("content") or _text(element)
        found.append(("microdata", clean_author(str(stated))))
    for element in tree.xpath(_BYLINE_XPATH)[:30]:
        marker = element.get("class") or ""
        if not _BYLINE_CLASS.search(marker) or _COMMENT_AREA.search(marker):
            continue
        text = _text(element)
        if _SAYS.search(text) or _in_comments(element):
            continue
        name = clean_author(text)
        if name[:1].isupper() and len(name.split()) <= 5:
            found.append(("class", name))
    return [(source, name) for source, name in found if _plausible_author(name)]


def page_author(
    tree: Any,
    meta: dict[str, list[str]],
    ld: list[dict[str, Any]],
    site: str | None = None,
    extra: list[tuple[str, str]] | None = None,
) -> str | None:
    """The author by source priority, skipping names that are the site's own name."""
    site_tokens = _tokens(site or "")
    order = ("ld", "meta", "visible", "microdata", "class")
    candidates = author_candidates(tree, meta, ld) + list(extra or [])
    site_named: str | None = None
    for source in order:
        for kind, name in candidates:
            if kind != source:
                continue
            tokens = _tokens(name)
            if site_tokens and len(tokens & site_tokens) >= 0.6 * max(1, len(tokens)):
                site_named = site_named or name
                continue
            return _longest_variant(name, candidates)
    return site_named


def _longest_variant(name: str, candidates: list[tuple[str, str]]) -> str:
    """A fuller form of ``name`` stated elsewhere ("Todd" -> "Todd Bates"), else ``name``."""
    tokens = _tokens(name)
    for _, other in candidates:
        if tokens < _tokens(other) and len(other.split()) <= 6:
            return other
    return name


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


def extract_page_meta(
    tree: Any,
    visible_title: str | None = None,
    visible_author: str | None = None,
) -> PageMeta:
    """All metadata of a parsed page; ``visible_*`` are what its visible text says."""
    meta = _meta_values(tree)
    ld = _json_ld(tree)
    url = page_url(tree, meta)
    site = page_site(meta, ld)
    return PageMeta(
        title=page_title(tree, meta, ld, [("visible", visible_title)] if visible_title else []),
        date=page_date(tree, meta, ld, url),
        author=page_author(
            tree, meta, ld, site, [("visible", visible_author)] if visible_author else []
        ),
        site=site,
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
