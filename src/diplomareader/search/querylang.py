"""The search box language, parsed into a small tree; never raises.

Grammar (OR binds tighter than the implicit AND, as in web search engines)::

    query   := clause*                      all clauses must match
    clause  := ["-" | "NOT"] group
    group   := atom ("OR" atom)*
    atom    := "(" query ")" | [field ":"] (word | "phrase" | "(" query ")")

``AND`` between clauses is accepted and changes nothing. Fields: ``title``, ``body``,
``source``, ``author``, ``speaker``, ``entity``, ``date``. Anything not understood is
reported in ``ParsedQuery.errors`` and left out of the search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

FIELDS: Final = {
    "title": "title",
    "body": "body",
    "text": "body",
    "source": "source",
    "site": "source",
    "author": "author",
    "by": "author",
    "speaker": "speaker",
    "speakers": "speaker",
    "said": "speaker",
    "entity": "entity",
    "entities": "entity",
    "who": "entity",
    "date": "date",
}
"""Field names the user may type, mapped to the field they mean."""

_TOKEN: Final = re.compile(
    r'(?P<ws>\s+)|(?P<open>\()|(?P<close>\))|(?P<quote>["“”„«»])'
    r"|(?P<field>[A-Za-z]+):(?=\S)|(?P<neg>-)(?=[^\s\-])|(?P<word>[^\s()\"“”„«»]+)"
)


_OPERATORS: Final = frozenset({"AND", "OR", "NOT", "&&", "||", "|"})


@dataclass
class Node:
    """Base of the query tree."""


@dataclass
class Word(Node):
    """A word in a field (``None`` = the default fields); ``prefix`` marks as-you-type."""

    text: str
    field: str | None = None
    prefix: bool = False


@dataclass
class Phrase(Node):
    """Words that must appear together, in order."""

    text: str
    field: str | None = None


@dataclass
class DateExpr(Node):
    """The value of a ``date:`` clause (read later by :mod:`dates`)."""

    text: str


@dataclass
class Group(Node):
    """All children (``AND``) or any child (``OR``)."""

    op: str
    children: list[Node] = field(default_factory=list)


@dataclass
class Negation(Node):
    """A clause that must not match."""

    child: Node


@dataclass
class ParsedQuery:
    """The tree of a query string and what could not be read."""

    root: Group
    errors: list[str] = field(default_factory=list)
    ends_in_word: bool = False
    """The query ends in a bare word still being typed (no space, quote or ``)`` after it)."""


@dataclass
class _Tok:
    kind: str
    text: str


def tokenize(text: str) -> list[_Tok]:
    """Split a query into tokens: words, quotes, parentheses, ``field:``, ``-``, spaces."""
    tokens: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        tokens.append(_Tok(kind, match.group(0)))
    return tokens


class _Parser:
    """A recursive-descent parser that records errors instead of raising."""

    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.pos = 0
        self.errors: list[str] = []
        self.depth = 0

    def peek(self, skip_ws: bool = True) -> _Tok | None:
        """The next token (skipping spaces unless told not to)."""
        pos = self.pos
        while skip_ws and pos < len(self.tokens) and self.tokens[pos].kind == "ws":
            pos += 1
        return self.tokens[pos] if pos < len(self.tokens) else None

    def take(self) -> _Tok | None:
        """Consume and return the next non-space token."""
        while self.pos < len(self.tokens) and self.tokens[self.pos].kind == "ws":
            self.pos += 1
        if self.pos >= len(self.tokens):
            return None
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def query(self, closing: bool) -> Group:
        """Clauses up to the end, or up to ``)`` when inside parentheses."""
        group = Group("AND")
        while True:
            tok = self.peek()
            if tok is None:
                if closing:
                    self.errors.append("missing ')' (added at the end)")
                return group
            if tok.kind == "close":
                self.take()
                if closing:
                    return group
                self.errors.append("unmatched ')' ignored")
                continue
            if tok.kind == "word" and tok.text in ("AND", "&&"):
                self.take()
                if not group.children:
                    self.errors.append("AND at the start ignored")
                continue
            if tok.kind == "word" and tok.text in ("OR", "|", "||"):
                self.take()
                self.errors.append("OR without a word before it ignored")
                continue
            clause = self.clause()
            if clause is not None:
                group.children.append(clause)

    def clause(self) -> Node | None:
        """An optionally negated OR-group."""
        tok = self.peek()
        negate = False
        if tok is not None and (tok.kind == "neg" or (tok.kind == "word" and tok.text == "NOT")):
            self.take()
            negate = True
            nxt = self.peek()
            if nxt is None or nxt.kind == "close":
                self.errors.append(f"{tok.text} with nothing after it ignored")
                return None
        node = self.group()
        if node is None:
            return None
        return Negation(node) if negate else node

    def group(self) -> Node | None:
        """Atoms joined by OR."""
        first = self.atom()
        children = [first] if first is not None else []
        while True:
            tok = self.peek()
            if tok is None or tok.kind != "word" or tok.text not in ("OR", "|", "||"):
                break
            self.take()
            nxt = self.peek()
            if (
                nxt is None
                or nxt.kind == "close"
                or (nxt.kind == "word" and nxt.text in ("OR", "AND"))
            ):
                self.errors.append("OR at the end ignored")
                break
            if nxt.kind == "neg" or (nxt.kind == "word" and nxt.text == "NOT"):
                clause = self.clause()
                if clause is not None:
                    children.append(clause)
                continue
            atom = self.atom()
            if atom is not None:
                children.append(atom)
        if not children:
            return None
        return children[0] if len(children) == 1 else Group("OR", children)

    def atom(self, field_name: str | None = None) -> Node | None:
        """A parenthesised query, a phrase, a field clause or a word."""
        tok = self.take()
        if tok is None:
            return None
        if tok.kind == "open":
            self.depth += 1
            if self.depth > 20:
                self.errors.append("too many nested parentheses")
                self.pos = len(self.tokens)
                return None
            inner = self.query(closing=True)
            self.depth -= 1
            if field_name is not None:
                inner = _apply_field(inner, field_name, self.errors)
            if not inner.children:
                return None
            return inner.children[0] if len(inner.children) == 1 else inner
        if tok.kind == "quote":
            return self.phrase(field_name)
        if tok.kind == "field":
            name = tok.text[:-1].lower()
            target = FIELDS.get(name)
            if field_name is not None:
                self.errors.append(f"{tok.text} inside {field_name}: ignored")
                target = field_name
            elif target is None:
                self.errors.append(f"unknown field {tok.text} (searched as words)")
                return self.atom(None)
            return self.atom(target)
        if tok.kind == "neg":
            # A lone "-" between spaces or before another "-".
            return self.atom(field_name)
        if tok.kind == "close":
            self.errors.append("unmatched ')' ignored")
            return None
        text = tok.text
        if field_name == "date":
            return DateExpr(text)
        return Word(text, field_name)

    def phrase(self, field_name: str | None) -> Node | None:
        """Tokens up to the closing quote (or the end, reported)."""
        parts: list[str] = []
        closed = False
        while self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            self.pos += 1
            if tok.kind == "quote":
                closed = True
                break
            parts.append(tok.text)
        text = "".join(parts).strip()
        if not closed:
            self.errors.append("missing closing quote (phrase read to the end)")
        if not text:
            if closed:
                self.errors.append("empty phrase ignored")
            return None
        if field_name == "date":
            return DateExpr(text)
        return Phrase(text, field_name)


def _apply_field(group: Group, field_name: str, errors: list[str]) -> Group:
    """Give every word and phrase of ``field:( ... )`` that field."""

    def visit(node: Node) -> Node:
        if isinstance(node, Word) and node.field is None:
            return DateExpr(node.text) if field_name == "date" else Word(node.text, field_name)
        if isinstance(node, Phrase) and node.field is None:
            return DateExpr(node.text) if field_name == "date" else Phrase(node.text, field_name)
        if isinstance(node, Group):
            return Group(node.op, [visit(c) for c in node.children])
        if isinstance(node, Negation):
            return Negation(visit(node.child))
        return node

    result = visit(group)
    assert isinstance(result, Group)
    return result


def parse_query(text: str) -> ParsedQuery:
    """Parse a search-box string; syntax problems go to ``errors``, never raised."""
    parser = _Parser(text[:2000])
    root = parser.query(closing=False)
    if len(text) > 2000:
        parser.errors.append("query cut at 2000 characters")
    tokens = parser.tokens
    return ParsedQuery(
        root=root,
        errors=parser.errors,
        ends_in_word=bool(tokens)
        and tokens[-1].kind == "word"
        and tokens[-1].text not in _OPERATORS
        and len(text) <= 2000,
    )


def last_word(parsed: ParsedQuery) -> Word | None:
    """The query's last word when it is still being typed (a candidate for prefix search)."""
    if not parsed.ends_in_word or not parsed.root.children:
        return None
    node: Node = parsed.root.children[-1]
    while True:
        if isinstance(node, Group) and node.children:
            node = node.children[-1]
        elif isinstance(node, Negation):
            return None
        else:
            break
    return node if isinstance(node, Word) else None
