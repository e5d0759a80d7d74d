"""Metadata of an HTML page: title, date, author, site name and URL.

Read from what publishers put in pages for machines (JSON-LD ``NewsArticle`` objects,
OpenGraph and ``article:*`` meta tags, Dublin Core, ``itemprop`` microdata, ``<time>``
elements, canonical links) and for readers (the ``<h1>`` headline, bylines). The headline is
preferred to ``<title>``, which usually carries the site name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Final

from diplomareader.clean.authors import page_author
from diplomareader.clean.dates import find_dates, parse_date
from diplomareader.clean.lines import GENERIC_TITLE
from diplomareader.clean.pagedata import (
    clean,
    element_text,
    is_article,
    json_ld,
    meta_values,
    word_set,
)
from diplomareader.clean.sources import split_site_name

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


@dataclass
class PageMeta:
    """Metadata found in an HTML page (every field may be missing)."""

    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None


def _similar(a: str, b: str) -> float:
    """Token overlap of two strings (Jaccard)."""
    ta, tb = word_set(a), word_set(b)
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
                clean(o["headline"])
                for o in ld
                if is_article(o) and isinstance(o.get("headline"), str)
            ],
        ),
    ):
        found.extend((source, v) for v in values[:2])
    title_el = tree.find(".//title")
    if title_el is not None:
        found.append(("title", clean(title_el.text_content())))
    found = [(source, split_site_name(text)[0]) for source, text in found]
    for h1 in list(tree.iter("h1"))[:5]:
        text = element_text(h1)
        if 1 <= len(text.split()) <= 40:
            found.append(("h1", text))
        parts = [clean(t) for t in h1.itertext()]
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
    tokens = [word_set(text) for _, text in candidates]
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
    seen = [word_set(text) for source, text in candidates if source == "visible"]
    titles = [word_set(text) for source, text in candidates if source not in ("h1", "visible")]
    h1s = [text for source, text in candidates if source == "h1"]
    best: tuple[tuple[float, int], str] | None = None
    for h1 in h1s:
        tokens = word_set(h1)
        if not tokens:
            continue
        inside = max((len(tokens & t) / len(tokens) for t in titles), default=0.0)
        key = (inside, len(tokens))
        if inside >= H1_CONTAINED and (best is None or key > best[0]):
            best = (key, h1)
    if best is not None:
        return best[1]
    for h1 in h1s:
        if any(_overlap(word_set(h1), tokens) >= 0.8 for tokens in seen):
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
        value = element.get("datetime") or element.get("content") or element_text(element)
        date = parse_date(value)
        if date:
            return date
    for element in tree.xpath('.//*[@itemprop="datePublished"]')[:3]:
        date = parse_date(
            element.get("content") or element.get("datetime") or element_text(element)
        )
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
            return clean(publisher["name"])
    return None


def extract_page_meta(
    tree: Any,
    visible_title: str | None = None,
    visible_author: str | None = None,
) -> PageMeta:
    """All metadata of a parsed page; ``visible_*`` are what its visible text says."""
    meta = meta_values(tree)
    ld = json_ld(tree)
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
