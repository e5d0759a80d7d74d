"""Property tests of cleaning on generated input: it never raises and never invents text."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplomareader.clean import clean_document
from diplomareader.clean.normalize import normalize_text
from diplomareader.model import CleanedDocument, InputKind, RawDocument

_VOCABULARY = (
    "the minister said talks will continue Related news Read also Photo: By Jane Doe "
    "Kazakhstan Toqayev Лавров сказал 外交部 قال © 2024 Share Subscribe About us Comments "
    "12 March 2024 ASTANA. KAZINFORM (Reuters) — « » “ ” : . ! ? - | &amp; &nbsp; <b> </p>"
)
WORDS = st.sampled_from(_VOCABULARY.split(" "))
LINE = st.lists(WORDS, min_size=0, max_size=30).map(" ".join)
DUMP = st.lists(st.one_of(LINE, st.just(""), st.text(max_size=80)), max_size=60).map("\n".join)


def _raw(text: str, kind: InputKind = "text") -> RawDocument:
    """A raw document for ``text``."""
    return RawDocument(path=f"fuzz.{kind}", kind=kind, text=text, encoding="utf-8", content_hash="")


def _tokens(text: str) -> set[str]:
    """Word tokens, lower-cased."""
    return set(re.findall(r"[^\W_]+", text.lower()))


def _check_shape(doc: CleanedDocument) -> None:
    """The body format promised by the interface."""
    assert doc.title
    assert doc.body == doc.body.strip()
    assert "\n\n\n" not in doc.body
    assert doc.report.lines_kept <= doc.report.lines_in


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DUMP)
def test_text_dump_cleaning_never_invents(text: str) -> None:
    """Every word of a cleaned text dump comes from the (normalised) input."""
    doc = clean_document(_raw(text))
    _check_shape(doc)
    assert _tokens(doc.body) <= _tokens(normalize_text(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=25))
def test_html_cleaning_never_invents(paragraphs: list[str]) -> None:
    """Every word of a cleaned HTML body comes from the page's text."""
    page = "<html><head><title>T</title></head><body><article>" + "".join(
        f"<p>{p}</p>" for p in paragraphs
    )
    doc = clean_document(_raw(page, "html"))
    _check_shape(doc)
    source = html.unescape(re.sub(r"<[^>]*>", " ", page))
    assert _tokens(doc.body) <= _tokens(normalize_text(source)) | {"t"}


@settings(max_examples=100, deadline=None)
@given(DUMP)
def test_markdown_cleaning_never_raises(text: str) -> None:
    """Markdown bodies of any shape clean without errors and keep their words."""
    doc = clean_document(_raw(text, "markdown"))
    _check_shape(doc)
    assert _tokens(doc.body) <= _tokens(normalize_text(text))
