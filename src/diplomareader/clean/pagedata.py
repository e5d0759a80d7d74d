"""Reading what a parsed page states for machines: meta tags, JSON-LD objects, and the
text of elements, as normalised one-line strings."""

from __future__ import annotations

import json
from typing import Any

from diplomareader.clean.lines import WORD
from diplomareader.clean.normalize import normalize_line, normalize_text


def clean(text: Any) -> str:
    """A value as one normalised line."""
    return normalize_line(normalize_text(str(text)).replace("\n", " "))


def meta_values(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased name/property/itemprop."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(clean(content))
    return values


def json_ld(tree: Any) -> list[dict[str, Any]]:
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


def is_article(obj: dict[str, Any]) -> bool:
    """A JSON-LD object describing an article, a post or a web page."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or "Posting" in k) for k in kinds)


def names(value: Any) -> list[str]:
    """Person names from a JSON-LD ``author`` value (string, object or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in names(item)]
    return []


def element_text(element: Any) -> str:
    """The text of an element as one line."""
    return clean(element.text_content())


def word_set(text: str) -> set[str]:
    """Lower-case word tokens of ``text``."""
    return {t.lower() for t in WORD.findall(text)}
