"""Hypothesis strategies for fuzzing the pipeline: not only random text, but text shaped like
what the reader meets (quote marks of several languages, colons and cue verbs, capitalised
names in four scripts, HTML tags and entities, Markdown with front matter, long lines).
"""

from __future__ import annotations

import codecs
import gzip
import json
from html import escape as html_escape
from typing import Any

from hypothesis import strategies as st

from diplomareader.model import RawDocument

QUOTE_MARKS = ["«", "»", "“", "”", "„", '"', "'", "‘", "’", "‹", "›", "「", "」", "『", "』", "‚"]
NAMES = [
    "Sergey Lavrov",
    "Lavrov",
    "Kassym-Jomart Tokayev",
    "Toqayev",
    "Токаев",
    "Қасым-Жомарт Тоқаев",
    "Antonio Guterres",
    "Mr. Guterres",
    "the President",
    "Foreign Minister Wang Yi",
    "王毅",
    "عبد الله بن زايد",
    "Mohammed bin Salman",
    "U.N. Security Council",
    "the United Nations",
    "NATO",
    "European Union",
    "Ministry of Foreign Affairs of Kazakhstan",
    "Kazakhstan",
    "the Russian Federation",
    "DPR",
    "Ursula von der Leyen",
    "Abu Dhabi",
    "He",
    "she",
    "They",
]
CUES = [
    " said",
    " said:",
    " told reporters",
    " added",
    ", he added",
    " noted",
    " stressed",
    " заявил",
    " — сказал он",
    " according to ",
    " قال",
    " 表示",
    ":",
    " wrote on X:",
]
WORDS = [
    "talks",
    "ceasefire",
    "the",
    "of",
    "on",
    "and",
    "referendum",
    "territorial",
    "integrity",
    "переговоры",
    "мир",
    "бейбітшілік",
    "المحادثات",
    "和平",
    "支持对话",
    "2022",
    "Sept. 29",
    "U.S.",
    "e.g.",
    "No.",
    "St.",
    "…",
    "...",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    "?",
    "!",
    ";",
    "&",
    "#",
    "*",
    "_",
    "https://example.org/a?b=c",
    "@handle",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "e\u0301",
    "ﬁ",
]
TAGS = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<br/>",
    "<b>",
    "</b>",
    "<i>",
    "<a href='/x'>",
    "</a>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<title>",
    "</title>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<article>",
    "</article>",
    "<nav>",
    "<li>",
    "<ul>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<blockquote>",
    "</blockquote>",
    "<meta property='og:title' content='Talks'>",
    "<time datetime='2022-09-29'>",
    "<![CDATA[",
    "]]>",
    "<?xml version='1.0'?>",
    "<!DOCTYPE html>",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#8220;",
    "&#x201D;",
    "&nbsp;",
    "&shy;",
    "&bogus;",
    "&#0;",
    "&#99999999;",
    "&amp;#x41;",
    "<",
    ">",
]
MARKDOWN = [
    "# ",
    "## ",
    "> ",
    "* ",
    "- ",
    "1. ",
    "**",
    "__",
    "_",
    "`",
    "```\n",
    "[link](https://example.org)",
    "![img](a.png)",
    "| a | b |\n|---|---|\n",
    "\\*",
    "---\n",
    "<br>",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\n\n\n", "\r\n", "\t", "  "]


def _pieces(extra: list[str]) -> st.SearchStrategy[str]:
    """One piece of structured text."""
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(NAMES),
        st.sampled_from(CUES),
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(SEPARATORS),
        st.sampled_from(extra) if extra else st.nothing(),
        st.text(min_size=1, max_size=12),
        st.from_regex(r"[A-ZА-Я][a-zа-я]{2,9}", fullmatch=True),
    )


def _quoted_statement() -> st.SearchStrategy[str]:
    """A sentence with a quotation and an attribution, in varied orders and marks."""
    pairs = [("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'), ("'", "'"), ("「", "」"), ("‘", "’")]
    return st.builds(
        lambda pair, words, name, cue, order: (
            f"{pair[0]}{' '.join(words)}{pair[1]}{cue} {name}."
            if order
            else f"{name}{cue} {pair[0]}{' '.join(words)}{pair[1]}"
        ),
        st.sampled_from(pairs),
        st.lists(st.sampled_from(WORDS), min_size=0, max_size=14),
        st.sampled_from(NAMES),
        st.sampled_from(CUES),
        st.booleans(),
    )


def prose(extra: list[str] | None = None, max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Structured text: words, names, cues, quote marks, separators (and ``extra`` pieces)."""
    piece = st.one_of(_pieces(extra or []), _quoted_statement())
    structured = st.lists(piece, max_size=max_pieces).map("".join)
    long_line = st.builds(
        lambda unit, n: unit * n,
        st.sampled_from(["The talks went on. ", "Лавров сказал: «да». ", "和平 ", "word "]),
        st.integers(200, 3000),
    )
    return st.one_of(
        structured,
        structured,
        structured,
        st.text(max_size=300),
        long_line,
    )


def bodies() -> st.SearchStrategy[str]:
    """Bodies as the extractors receive them: paragraphs separated by one blank line."""
    return prose().map(
        lambda t: "\n\n".join(p.strip() for p in t.replace("\r", "").split("\n\n") if p.strip())
    )


def queries() -> st.SearchStrategy[str]:
    """Search-box input: words, operators, fields, quotes, parentheses, dates and noise."""
    tokens = st.one_of(
        st.sampled_from(WORDS + NAMES),
        st.sampled_from(["OR", "AND", "NOT", "-", "(", ")", '"', "«", "»", "“", "*", "?"]),
        st.sampled_from(
            [
                "title:",
                "body:",
                "source:",
                "author:",
                "speaker:",
                "entity:",
                "date:",
                "foo:",
                ":",
            ]
        ),
        st.sampled_from(
            [
                "2022",
                "2022-09",
                "2022-09-01..2022-09-30",
                ">2022-06",
                ">-30d",
                "<-2y",
                "2022-13-45",
                "..",
                "9999-99",
                "-0d",
                ">-99999999y",
            ]
        ),
        st.sampled_from([" ", " ", "  ", "\t", "\n"]),
        st.text(min_size=1, max_size=8),
    )
    return st.one_of(st.lists(tokens, max_size=14).map("".join), st.text(max_size=60))


def _front_matter() -> st.SearchStrategy[str]:
    """YAML front matter, well-formed or broken."""
    value = st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            ["2022-09-29", "[unclosed", "{a: b", "- x\n- y", "'quoted'", ": :", "null"]
        ),
        st.integers(-5, 10**6).map(str),
    )
    field = st.builds(
        lambda key, val: f"{key}: {val}",
        st.sampled_from(["title", "date", "source_url", "author", "tags", "source", "x"]),
        value,
    )
    closing = st.sampled_from(["---", "...", "--", ""])
    return st.builds(
        lambda fields, end: "---\n" + "\n".join(fields) + f"\n{end}\n",
        st.lists(field, max_size=6),
        closing,
    )


DATEISH = [
    "2022-09-29",
    "2022-02-31",
    "2022-13-45T25:61:00Z",
    "29.09.2022",
    "Sept. 29, 2022",
    "0000-00-00",
    "99999-01-01",
    "2022-09-29T10:00:00+99:00",
    "yesterday",
    "",
    "1e308",
]


def _json_values() -> st.SearchStrategy[Any]:
    """JSON-like values, nested."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=20),
        st.sampled_from(DATEISH + NAMES),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.sampled_from(
                    ["@type", "headline", "author", "name", "datePublished", "publisher", "url"]
                ),
                inner,
                max_size=5,
            ),
        ),
        max_leaves=12,
    )


def _page_head() -> st.SearchStrategy[str]:
    """A ``<head>`` with machine metadata of any quality: meta tags, JSON-LD, time."""
    meta = st.builds(
        lambda name, value: f'<meta property="{name}" content="{html_escape(value)}">',
        st.sampled_from(
            ["article:published_time", "og:title", "og:site_name", "author", "date", "og:url"]
        ),
        st.one_of(st.sampled_from(DATEISH + NAMES), st.text(max_size=30)),
    )
    ld = _json_values().map(
        lambda v: f'<script type="application/ld+json">{json.dumps(v, ensure_ascii=False)}</script>'
    )
    broken_ld = st.text(max_size=40).map(
        lambda t: f'<script type="application/ld+json">{{"headline": {t}</script>'
    )
    title = prose(max_pieces=8).map(lambda t: f"<title>{t}</title>")
    return st.lists(st.one_of(meta, ld, broken_ld, title), max_size=6).map("".join)


def raw_documents() -> st.SearchStrategy[RawDocument]:
    """Decoded documents of the three kinds, as ``read_document`` would give them."""
    html_text = st.one_of(
        prose(TAGS, max_pieces=80),
        st.builds(
            lambda head, body, when: (
                f"<html><head>{head}</head><body><article><time datetime='{when}'>{when}</time>"
                f"{body}</article></body></html>"
            ),
            _page_head(),
            prose(TAGS, max_pieces=80),
            st.sampled_from(DATEISH),
        ),
        st.builds(
            lambda head, body: f"<html><head>{head}</head><body>{body}</body></html>",
            prose(TAGS, max_pieces=10),
            prose(TAGS, max_pieces=80),
        ),
    )
    text = st.one_of(
        st.tuples(st.just("text"), prose(max_pieces=80), st.just({})),
        st.tuples(st.just("html"), html_text, st.just({})),
        st.tuples(
            st.just("markdown"),
            prose(MARKDOWN, max_pieces=80),
            st.dictionaries(
                st.sampled_from(["title", "date", "source_url", "author", "tags", "source"]),
                st.one_of(
                    st.text(max_size=30),
                    st.none(),
                    st.integers(),
                    st.dates().map(str),
                    st.lists(st.text(max_size=8), max_size=3),
                ),
                max_size=5,
            ),
        ),
    )
    return st.builds(
        lambda spec, name: RawDocument(
            path=f"{name}.{ {'text': 'txt', 'html': 'html', 'markdown': 'md'}[spec[0]] }",
            kind=spec[0],
            text=spec[1],
            encoding="utf-8",
            content_hash="0" * 64,
            front_matter=dict(spec[2]),
        ),
        text,
        st.sampled_from(["article", "2022-09-29_news-item", "x", "Заявление"]),
    )


def _encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding`` (characters it cannot hold become ``?``), BOM for utf-16."""
    return text.encode(encoding, errors="replace")


def file_bytes() -> st.SearchStrategy[tuple[str, bytes]]:
    """``(file name suffix, bytes)`` of files as they sit on disk: any encoding, binary,
    gzip (good or broken), BOMs, NULs, front matter."""
    encodings = [
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "cp1251",
        "koi8-r",
        "latin-1",
        "gb18030",
    ]
    text = st.one_of(prose(TAGS), prose(MARKDOWN), st.builds(str.__add__, _front_matter(), prose()))
    encoded = st.builds(_encode, text, st.sampled_from(encodings))
    mangled = st.one_of(
        encoded,
        st.binary(max_size=2000),
        st.builds(lambda b, cut: b[:cut], encoded, st.integers(0, 400)),
        st.builds(lambda b, pos: b[:pos] + b"\x00" + b[pos:], encoded, st.integers(0, 200)),
        st.builds(lambda b, bom: bom + b, encoded, st.sampled_from(_BOMS)),
    )
    gz = st.one_of(
        st.builds(gzip.compress, mangled),
        st.builds(lambda b, cut: gzip.compress(b)[:cut], mangled, st.integers(0, 60)),
        mangled,
    )
    return st.one_of(
        st.tuples(
            st.sampled_from([".txt", "", ".text", ".md", ".markdown", ".html", ".htm"]), mangled
        ),
        st.tuples(st.sampled_from([".html.gz", ".gz"]), gz),
    )


_BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"\xff"]


def describe(value: Any) -> str:
    """A short printable form of a generated input (for reports)."""
    text = repr(value)
    return text if len(text) <= 400 else text[:400] + f"... ({len(text)} chars)"
