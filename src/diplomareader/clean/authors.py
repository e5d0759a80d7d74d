"""Who wrote a page: author candidates from JSON-LD, meta tags, microdata, byline
elements and the visible byline, with placeholders, photo credits, comment authors and the
site's own name filtered out."""

from __future__ import annotations

import re
from typing import Any, Final

from diplomareader.clean.dates import find_dates
from diplomareader.clean.lines import credit_text
from diplomareader.clean.pagedata import clean, element_text, is_article, names, word_set

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
_BY_PREFIX: Final = re.compile(
    r"^\s*(?:(?:written |posted |words |story )?by|von|par|por|author|автор)\s*:?\s+", re.I
)


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
    name = _BY_PREFIX.sub("", clean(name))
    name = _NAME_TAIL.sub("", name)
    for position, _ in find_dates(name):
        name = name[:position]
        break
    return name.strip(" ,;-–—")


def author_candidates(
    tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], classes: bool = True
) -> list[tuple[str, str]]:
    """``(source, name)`` author candidates: JSON-LD, meta tags, microdata, and (when
    ``classes``) elements whose class names a byline or author."""
    found: list[tuple[str, str]] = []
    for obj in ld:
        if is_article(obj):
            given = [clean_author(n) for n in names(obj.get("author"))]
            given = [n for n in given if _plausible_author(n)]
            if given:
                found.append(("ld", ", ".join(given[:4])))
    for key in _AUTHOR_META:
        for value in meta.get(key, [])[:2]:
            found.append(("meta", clean_author(value)))
    for element in tree.xpath('.//*[@rel="author" or @itemprop="author"]')[:6]:
        if _in_comments(element):
            continue
        named = element.xpath('.//*[@itemprop="name"]')
        stated: str | None = None
        if named:
            stated = named[0].get("content") or element_text(named[0])
        stated = stated or element.get("content") or element_text(element)
        found.append(("microdata", clean_author(str(stated))))
    for element in tree.xpath(_BYLINE_XPATH)[:30] if classes else ():
        marker = element.get("class") or ""
        if not _BYLINE_CLASS.search(marker) or _COMMENT_AREA.search(marker):
            continue
        text = element_text(element)
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
    site_tokens = word_set(site or "")

    def own_name(name: str) -> bool:
        tokens = word_set(name)
        return bool(site_tokens) and len(tokens & site_tokens) >= 0.6 * max(1, len(tokens))

    order = ("ld", "meta", "visible", "microdata", "class")
    candidates = author_candidates(tree, meta, ld, classes=False) + list(extra or [])
    if not candidates:
        candidates = author_candidates(tree, meta, ld)
    site_named: str | None = None
    for source in order:
        for kind, name in candidates:
            if kind != source:
                continue
            if own_name(name):
                site_named = site_named or name
                continue
            return _longest_variant(name, candidates)
    return site_named


def _longest_variant(name: str, candidates: list[tuple[str, str]]) -> str:
    """A fuller form of ``name`` stated elsewhere ("Todd" -> "Todd Bates"), else ``name``."""
    tokens = word_set(name)
    for _, other in candidates:
        if tokens < word_set(other) and len(other.split()) <= 6:
            return other
    return name
