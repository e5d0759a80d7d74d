"""``clean_document``: route a raw document to the cleaner for its format."""

from __future__ import annotations

import os

from diplomareader.clean.html import clean_html
from diplomareader.clean.markdown import clean_markdown
from diplomareader.clean.text import clean_text_dump
from diplomareader.model import CleanedDocument, RawDocument

_EXTENSIONS = (".html.gz", ".htm.gz", ".markdown", ".html", ".htm", ".txt", ".md", ".gz")


def fallback_title(path: str) -> str:
    """A readable title from a file name, for documents that state none."""
    name = os.path.basename(path)
    lower = name.lower()
    for ext in _EXTENSIONS:
        if lower.endswith(ext):
            name = name[: -len(ext)]
            break
    name = name.replace("_", " ").replace("-", " ").strip()
    return " ".join(name.split()) or "Untitled"


def clean_document(raw: RawDocument) -> CleanedDocument:
    """Clean a raw document of any supported format into a body with metadata."""
    fallback = fallback_title(raw.path)
    if raw.kind == "markdown":
        return clean_markdown(raw, fallback)
    if raw.kind == "html":
        return clean_html(raw, fallback)
    return clean_text_dump(raw, fallback)
