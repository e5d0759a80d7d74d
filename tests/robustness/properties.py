"""The properties every stage must keep on any input; each ``check_*`` raises AssertionError
(or the stage's own exception) when one is broken. Used by ``test_fuzz.py`` (few inputs,
in ``make test``) and ``benchmarks/fuzz.py`` (many inputs, ``make fuzz``).
"""

from __future__ import annotations

import html
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from diplomareader.model import Article, Entity, InputError, Quote, RawDocument

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN = re.compile(r"[*_`#>\\|\[\]]")
_INVISIBLE = re.compile(
    r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f\u2028\u2029\x85]"
)


def one_line_error(error: InputError) -> None:
    """An InputError must be one non-empty line."""
    message = str(error)
    assert message.strip(), "empty error message"
    assert "\n" not in message, f"multi-line error | {message!r}"


def check_spans(body: str, quotes: Sequence[Quote], entities: Sequence[Entity]) -> None:
    """Offsets index the body: ``body[start:end] == text`` for every quote and mention."""
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(body), f"quote offsets out of range | {quote}"
        assert body[quote.start : quote.end] == quote.text, f"quote text != body span | {quote}"
        assert quote.speaker is None or quote.speaker.strip(), f"blank speaker | {quote}"
    for entity in entities:
        assert entity.kind in ("person", "organization", "place"), entity
        assert entity.name.strip(), f"blank entity name | {entity}"
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(body), (
                f"mention offsets out of range | {mention}"
            )
            assert body[mention.start : mention.end] == mention.text, (
                f"mention text != body span | {mention}"
            )


def check_extract(body: str) -> None:
    """Entities and quotes of any body: no exception, offsets exact, names fold."""
    from diplomareader.extract.entities import extract_entities
    from diplomareader.extract.names import name_key
    from diplomareader.extract.quotes import extract_quotes

    entities = extract_entities(body)
    quotes = extract_quotes(body, entities)
    check_spans(body, quotes, entities)
    for entity in entities:
        assert isinstance(name_key(entity.name), str)
    for quote in quotes:
        if quote.speaker:
            assert isinstance(name_key(quote.speaker), str)


def source_variants(raw: RawDocument) -> list[str]:
    """The input as the cleaner may read it: with entities decoded (up to three times:
    pages are often escaped twice), with and without tags, invisible characters dropped,
    NFC-normalised. A body word must be found in one of these."""
    texts = [raw.text, *(str(v) for v in _flatten(raw.front_matter))]
    variants: list[str] = []
    for text in texts:
        decoded = [text]
        for _ in range(3):
            decoded.append(html.unescape(decoded[-1]))
        if raw.kind == "markdown":
            linked = [_LINK.sub(r"\1", value) for value in decoded]
            decoded += linked + [_MARKDOWN.sub("", value) for value in linked]
        for value in decoded:
            for form in (value, _TAG.sub("", value), _TAG.sub(" ", value)):
                form = _INVISIBLE.sub("", form)
                variants.append(unicodedata.normalize("NFC", form))
                variants.append(unicodedata.normalize("NFC", _without_controls(form)))
    return variants


def _without_controls(text: str) -> str:
    """``text`` without control, format and unassigned characters (parsers drop them)."""
    return "".join(
        ch for ch in text if ch in "\n\t\r " or not unicodedata.category(ch).startswith("C")
    )


def _flatten(value: Any) -> Iterable[Any]:
    """Scalars inside nested front-matter values."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _flatten(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    else:
        yield value


def invented_words(body: str, raw: RawDocument) -> list[str]:
    """Words of ``body`` that appear nowhere in the input (should be none)."""
    variants = source_variants(raw)
    missing = []
    for word in dict.fromkeys(_WORD.findall(unicodedata.normalize("NFC", body))):
        if not any(word in v for v in variants) and not any(
            word.casefold() in v.casefold() for v in variants
        ):
            missing.append(word)
    return missing


def check_clean(raw: RawDocument) -> None:
    """``clean_document``: a CleanedDocument (or a one-line InputError), body in the contract
    format, title one non-empty line, and no word that was not in the input."""
    from diplomareader.clean import clean_document

    try:
        cleaned = clean_document(raw)
    except InputError as error:
        one_line_error(error)
        return
    body = cleaned.body
    assert body == body.strip(), f"body has outer whitespace | {body[:40]!r}...{body[-40:]!r}"
    assert "\n\n\n" not in body, "paragraphs separated by more than one blank line"
    if body:
        for paragraph in body.split("\n\n"):
            assert paragraph.strip(), "empty paragraph"
    title = cleaned.title
    assert title.strip() and "\n" not in title, f"blank or multi-line title | {title!r}"
    invented = invented_words(body, raw)
    assert not invented, f"body words not in the input | {invented[:10]}"


def check_file(suffix: str, data: bytes, folder: Path | None = None) -> Article | None:
    """A file on disk through ``read_document`` and the whole pipeline: an Article with exact
    offsets, or a one-line InputError; nothing else."""
    from diplomareader.ingest import read_document
    from diplomareader.pipeline import process

    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            raw = read_document(str(path))
        except InputError as error:
            one_line_error(error)
            return None
        assert isinstance(raw.text, str) and raw.kind in ("text", "html", "markdown")
        assert "\x00" not in raw.text, "NUL left in decoded text"
        try:
            article = process(raw)
        except InputError as error:
            one_line_error(error)
            return None
    check_spans(article.body, article.quotes, article.entities)
    assert article.title.strip() and "\n" not in article.title, (
        f"blank or multi-line title | {article.title!r}"
    )
    return article


def check_query(library: Any, text: str) -> None:
    """The query parser returns a query (a tree with a node) or an error message, never
    raises; ``Library.search`` on any text: a SearchResult, never an exception; something
    was understood or an error says why not; hits and marks consistent."""
    from diplomareader.model import SearchResult
    from diplomareader.search.querylang import Group, parse_query

    parsed = parse_query(text)
    assert isinstance(parsed.root, Group), f"no query tree | {text!r}"
    assert all(isinstance(e, str) and e.strip() and "\n" not in e for e in parsed.errors), (
        f"an error message is blank or not one line | {parsed.errors!r}"
    )
    assert parsed.root.children or parsed.errors or not _has_searchable_text(text), (
        f"the parser returned neither a query nor an error | {text!r}"
    )
    for as_you_type in (False, True):
        for sort in ("relevance", "date"):
            result = library.search(text, sort=sort, limit=5, as_you_type=as_you_type)
            assert isinstance(result, SearchResult)
            assert all(isinstance(e, str) and e.strip() for e in result.errors), result.errors
            assert isinstance(result.understood, str)
            meaningful = _has_searchable_text(text)
            assert result.understood or result.errors or not meaningful, (
                f"query neither understood nor reported (as_you_type={as_you_type}) | {text!r}"
            )
            assert len(result.hits) <= 5 and result.total >= len(result.hits)
            for hit in result.hits:
                for start, end in hit.marks:
                    assert 0 <= start < end <= len(hit.snippet), (hit.marks, hit.snippet)


def _has_searchable_text(text: str) -> bool:
    """Whether ``text`` holds a letter or digit at all."""
    return any(ch.isalnum() for ch in text)
